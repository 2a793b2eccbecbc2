"""What was due while the journal was closed or locked, and opening a check-in for it.

After unlock the reminders (reminders.py) hand over the check-ins that came due and were not yet
shown. One that the person clicked in a notification opens straight away as a new check-in entry
with its part; otherwise this dialog lists them, each with a way to write the check-in now.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QListView,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.checkins import CheckinPlan
from partsjournal.domain.model import EntryKind, PartPresence
from partsjournal.domain.words import fill
from partsjournal.ui.checkins.plan_dialog import tr
from partsjournal.ui.common.dates import date_and_time
from partsjournal.ui.common.widgets import named, plain_label
from partsjournal.vault import Vault

if TYPE_CHECKING:
    from partsjournal.ui.app.main_window import MainWindow

Due = list[tuple[CheckinPlan, list[datetime]]]


def open_checkin(window: MainWindow, vault: Vault, plan: CheckinPlan) -> None:
    """A new check-in entry in the journal, with the plan's part present."""
    window.show_journal()
    window.journal.new_entry(EntryKind.CHECK_IN)
    if plan.part_id is None:
        return
    names = {p.id: p.name for p in vault.parts.list(include_archived=True)}
    if plan.part_id in names:
        window.journal.editor.presences.add(PartPresence(part_id=plan.part_id,
                                                         name=names[plan.part_id]))


def describe(plan: CheckinPlan, moments: list[datetime], names: dict[str, str]) -> str:
    """One line of the list: with whom, when it was last due, and how often it was missed."""
    who = names.get(plan.part_id or "", "") or tr("a check-in with yourself")
    line = fill(tr("%1 — due %2"), who, date_and_time(moments[-1]))
    if len(moments) > 1:  # two or more: the words need no singular
        line += " " + fill(tr("(due %1 times while you were away)"), str(len(moments)))
    if plan.note:
        line += f" — {plan.note}"
    return line


class DueDialog(QDialog):
    """The check-ins that came due while away, each with "Write a check-in"."""

    def __init__(self, vault: Vault, due: Due, window: MainWindow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self._vault = vault
        self._window = window
        self.setWindowTitle(tr("Check-ins that were due"))
        names = {p.id: p.name for p in vault.parts.list(include_archived=True)}
        column = QVBoxLayout(self)
        column.addWidget(plain_label(tr(
            "While Parts Journal was closed or locked, these check-ins you planned came due. "
            "There is no hurry: choose one to write it now, or close this."), self, wrap=True))
        self.model = QStandardItemModel(self)
        self._plans: list[CheckinPlan] = []
        for plan, moments in due:
            item = QStandardItem(describe(plan, moments, names))
            item.setEditable(False)
            self.model.appendRow(item)
            self._plans.append(plan)
        self.list = named(QListView(self), "checkinsDue")
        self.list.setModel(self.model)
        self.list.setAccessibleName(tr("Check-ins that were due"))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setWordWrap(True)
        self.list.setCurrentIndex(self.model.index(0, 0))
        self.list.doubleClicked.connect(self._write)
        column.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.write_button = named(buttons.addButton(
            tr("&Write a check-in"), QDialogButtonBox.ButtonRole.AcceptRole), "checkinWrite")
        buttons.accepted.connect(lambda: self._write(self.list.currentIndex()))
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self.resize(560, 320)

    def _write(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if not index.isValid():
            return
        plan = self._plans[index.row()]
        self.accept()
        open_checkin(self._window, self._vault, plan)


def show_due(window: MainWindow, vault: Vault, due: Due, *, open_first: bool) -> None:
    """After unlock: open the one clicked straight away, or list what was due."""
    if not due:
        return
    if open_first and len(due) == 1:
        open_checkin(window, vault, due[0][0])
        return
    dialog = DueDialog(vault, due, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
