""""Plan a check-in…": with which part, at what time, every day or on chosen days, until when.

Reached from Practice ▸ Plan a check-in… (with the part shown, or the entry's first part, already
chosen). A refusal is shown in the dialog, which stays open with what was chosen.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.checkins import MAX_NOTE, CheckinPlan
from partsjournal.errors import JournalError
from partsjournal.ui.common.changes import Change
from partsjournal.ui.common.dates import short_date_format, time_format
from partsjournal.ui.common.messages import explain
from partsjournal.ui.common.operation import perform
from partsjournal.ui.common.theme import role_color
from partsjournal.ui.common.widgets import named, plain_label, swatch
from partsjournal.vault import Vault


def tr(text: str) -> str:
    """Translate in the check-ins context."""
    return QCoreApplication.translate("Checkins", text)


def day_names() -> list[str]:
    """Monday … Sunday, short, in the person's language."""
    return [tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun")]


class PlanCheckinDialog(QDialog):
    """Plans one check-in; ``plan`` holds it once stored."""

    def __init__(self, vault: Vault, parent: QWidget | None = None, *,
                 part_id: str | None = None, source_entry_id: str | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._source = source_entry_id
        self.plan: CheckinPlan | None = None
        self.setWindowTitle(tr("Plan a check-in"))
        today = today or date.today()
        column = QVBoxLayout(self)
        column.addWidget(plain_label(tr(
            "After the work, a part may like to hear from you again. Parts Journal reminds you "
            "at the time you choose; the reminder itself says only that a check-in is due."),
            self, wrap=True))
        form = QFormLayout()
        self.part_combo = named(QComboBox(self), "checkinPart")
        self.part_combo.setAccessibleName(tr("Which part"))
        self.part_combo.addItem(tr("— no particular part —"), "")
        for part in sorted(vault.parts.list(), key=lambda p: p.name.casefold()):
            self.part_combo.addItem(swatch(role_color(part.role, part.color)), part.name, part.id)
        self.part_combo.setCurrentIndex(max(0, self.part_combo.findData(part_id or "")))
        form.addRow(tr("&Part"), self.part_combo)
        self.time_edit = named(QTimeEdit(QTime(8, 30), self), "checkinTime")
        self.time_edit.setDisplayFormat(time_format())
        self.time_edit.setAccessibleName(tr("Time of day"))
        form.addRow(tr("&At"), self.time_edit)
        self.every_day = named(QRadioButton(tr("&Every day"), self), "checkinEveryDay")
        self.some_days = named(QRadioButton(tr("On &these days:"), self), "checkinSomeDays")
        self.every_day.setChecked(True)
        days_row = QHBoxLayout()
        days_row.addWidget(self.some_days)
        self.day_boxes: list[QCheckBox] = []
        for number, name in enumerate(day_names(), 1):
            box = named(QCheckBox(name, self), f"checkinDay{number}")
            box.setEnabled(False)
            self.day_boxes.append(box)
            days_row.addWidget(box)
        days_row.addStretch(1)
        self.some_days.toggled.connect(self._days_chosen)
        form.addRow(tr("When"), self.every_day)
        form.addRow("", days_row)
        until_row = QHBoxLayout()
        self.has_end = named(QCheckBox(tr("&Until"), self), "checkinHasEnd")
        self.has_end.setAccessibleName(tr("The check-ins have a last day"))
        self.has_end.setChecked(True)
        self.until = named(QDateEdit(self), "checkinUntil")
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat(short_date_format())
        end = today + timedelta(days=6)  # a week of check-ins unless changed
        self.until.setDate(QDate(end.year, end.month, end.day))
        self.until.setMinimumDate(QDate(today.year, today.month, today.day))
        self.until.setAccessibleName(tr("Last day"))
        self.has_end.toggled.connect(self.until.setEnabled)
        until_row.addWidget(self.has_end)
        until_row.addWidget(self.until, 1)
        form.addRow(tr("Ends"), until_row)
        self.note = named(QLineEdit(self), "checkinNote")
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(tr("Optional, e.g. “ask how the new quality feels”"))
        self.note.setAccessibleName(tr("Note"))
        form.addRow(tr("&Note"), self.note)
        column.addLayout(form)
        self.problem = named(plain_label("", self, wrap=True), "checkinProblem")
        self.problem.setAccessibleName(tr("Problem"))
        self.problem.setVisible(False)
        column.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Plan"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _days_chosen(self, on: bool) -> None:
        for box in self.day_boxes:
            box.setEnabled(on)

    def chosen_plan(self) -> CheckinPlan:
        """What the dialog shows, as a plan (not yet checked or stored)."""
        picked = self.time_edit.time()
        days = frozenset(n for n, box in enumerate(self.day_boxes, 1)
                         if self.some_days.isChecked() and box.isChecked())
        until = None
        if self.has_end.isChecked():
            d = self.until.date()
            until = date(d.year(), d.month(), d.day())
        part = self.part_combo.currentData()
        return CheckinPlan(part_id=str(part) if part else None,
                           at=time(picked.hour(), picked.minute()), weekdays=days, until=until,
                           note=self.note.text(), source_entry_id=self._source)

    def accept(self) -> None:
        """Store the plan; on a refusal say why and keep the dialog open."""
        if self.some_days.isChecked() and not any(b.isChecked() for b in self.day_boxes):
            self._refuse(tr("Choose at least one day, or “Every day”."))
            return
        plan = self.chosen_plan()
        try:
            self.plan = perform(self, lambda: self._vault.checkins.add(plan), [Change.CHECKINS])
        except JournalError as exc:
            what, way = explain(exc)
            self._refuse(f"{what} {way}".strip())
            return
        super().accept()

    def _refuse(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(True)
