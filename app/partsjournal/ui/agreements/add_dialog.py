""""Add an agreement…": which part, the words, and an optional last day.

The parts present in the entry come first (the agreement is usually with one of them), then the
person's other parts, so any part can be chosen. A refusal (too long, a control character, the
part deleted meanwhile) is shown in the dialog, which stays open with what was typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.agreements import MAX_AGREEMENT, WEEK_DAYS, Agreement
from partsjournal.domain.model import Part
from partsjournal.errors import JournalError
from partsjournal.ui.agreements.words import tr
from partsjournal.ui.common.changes import Change
from partsjournal.ui.common.dates import short_date_format
from partsjournal.ui.common.messages import explain
from partsjournal.ui.common.operation import perform
from partsjournal.ui.common.theme import role_color
from partsjournal.ui.common.widgets import named, plain_label, swatch
from partsjournal.vault import Vault


class AddAgreementDialog(QDialog):
    """Records one agreement with a part, with this entry's id when it has one stored."""

    def __init__(self, vault: Vault, present: Sequence[str], entry_id: str | None,
                 parent: QWidget | None = None, *, today: date | None = None,
                 chosen: str | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._entry_id = entry_id
        self.agreement: Agreement | None = None
        self.setWindowTitle(tr("Add an agreement"))
        today = today or date.today()
        column = QVBoxLayout(self)
        column.addWidget(plain_label(tr(
            "What did you and the part agree? For example: “I'll check in every morning this "
            "week.”"), self, wrap=True))
        form = QFormLayout()
        self.part_combo = named(QComboBox(self), "agreementPart")
        self.part_combo.setAccessibleName(tr("Which part"))
        parts = {p.id: p for p in vault.parts.list(include_archived=True)}
        here = [parts[i] for i in present if i in parts]
        others = sorted((p for p in parts.values() if p.id not in present and not p.archived),
                        key=lambda p: p.name.casefold())
        for part in here:
            self._add_part(part)
        if here and others:
            self.part_combo.insertSeparator(self.part_combo.count())
        for part in others:
            self._add_part(part)
        found = self.part_combo.findData(chosen) if chosen else -1
        self.part_combo.setCurrentIndex(max(0, found))
        form.addRow(tr("&Part"), self.part_combo)
        self.words = named(QLineEdit(self), "agreementWords")
        self.words.setMaxLength(MAX_AGREEMENT)
        self.words.setPlaceholderText(tr("What you agreed, in a few words"))
        self.words.setAccessibleName(tr("The agreement"))
        form.addRow(tr("&Agreement"), self.words)
        until_row = QHBoxLayout()
        self.has_end = named(QCheckBox(tr("&Until"), self), "agreementHasEnd")
        self.has_end.setAccessibleName(tr("The agreement has a last day"))
        self.ends_on = named(QDateEdit(self), "agreementEndsOn")
        self.ends_on.setCalendarPopup(True)
        self.ends_on.setDisplayFormat(short_date_format())
        end = today + timedelta(days=WEEK_DAYS - 1)  # "this week" unless changed
        self.ends_on.setDate(QDate(end.year, end.month, end.day))
        self.ends_on.setAccessibleName(tr("Last day"))
        self.ends_on.setEnabled(False)
        self.has_end.toggled.connect(self.ends_on.setEnabled)
        until_row.addWidget(self.has_end)
        until_row.addWidget(self.ends_on, 1)
        form.addRow(tr("Ends"), until_row)
        column.addLayout(form)
        self.problem = plain_label("", self, wrap=True)
        self.problem.setAccessibleName(tr("Problem"))
        self.problem.setVisible(False)
        column.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Record"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self.ok_button.setEnabled(self.part_combo.count() > 0)
        self.words.setFocus()
        self.resize(460, self.sizeHint().height())

    def _add_part(self, part: Part) -> None:
        self.part_combo.addItem(swatch(role_color(part.role, part.color)), part.name, part.id)

    def chosen_end(self) -> date | None:
        """The last day chosen, or None without one."""
        if not self.has_end.isChecked():
            return None
        picked = self.ends_on.date()
        return date(picked.year(), picked.month(), picked.day())

    def accept(self) -> None:
        """Record the agreement; on a refusal say why and keep the dialog open."""
        part_id = self.part_combo.currentData()
        if not part_id:
            return
        agreement = Agreement(part_id=str(part_id), text=self.words.text(),
                              ends_on=self.chosen_end(), entry_id=self._entry_id)
        try:
            self.agreement = perform(self, lambda: self._vault.agreements.add(agreement),
                                     [Change.AGREEMENTS])
        except JournalError as exc:
            what, way = explain(exc)
            self.problem.setText(f"{what} {way}".strip())
            self.problem.setVisible(True)
            return
        super().accept()
