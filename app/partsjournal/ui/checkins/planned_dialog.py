""""Planned check-ins…": every check-in planned, when it is next due, and a way to stop it."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QListView,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.checkins import CheckinPlan, next_due
from partsjournal.domain.model import utc_now
from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.ui.checkins.plan_dialog import PlanCheckinDialog, day_names, tr
from partsjournal.ui.common.changes import Change
from partsjournal.ui.common.dates import clock_time, date_and_time, short_date
from partsjournal.ui.common.messages import show_error
from partsjournal.ui.common.operation import perform
from partsjournal.ui.common.widgets import named, plain_label
from partsjournal.vault import Vault


def schedule_text(plan: CheckinPlan, names: dict[str, str]) -> str:
    """“Eight — every day at 08:30 until 12 Dec; next: …” as one plain line."""
    who = names.get(plan.part_id or "", "") or tr("A check-in with yourself")
    days = tr("every day") if plan.every_day else ", ".join(
        day_names()[d - 1] for d in sorted(plan.weekdays))
    line = fill(tr("%1 — %2 at %3"), who, days, clock_time(plan.at))
    if plan.until is not None:
        line += " " + fill(tr("until %1"), short_date(
            datetime.combine(plan.until, plan.at).astimezone()))
    upcoming = next_due(plan, utc_now())
    line += "; " + (fill(tr("next: %1"), date_and_time(upcoming)) if upcoming is not None
                    else tr("no more to come"))
    if plan.note:
        line += f" — {plan.note}"
    return line


class PlannedCheckinsDialog(QDialog):
    """The list of planned check-ins, with Plan another… and Stop reminding."""

    def __init__(self, vault: Vault, parent: QWidget | None = None, *,
                 part_id: str | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._part_id = part_id
        self.setWindowTitle(tr("Planned check-ins"))
        column = QVBoxLayout(self)
        self.empty = named(plain_label(tr(
            "No check-ins are planned. After a session you can plan one, and Parts Journal "
            "reminds you at the time you choose."), self, wrap=True), "checkinsEmpty")
        column.addWidget(self.empty)
        self.model = QStandardItemModel(self)
        self.list = named(QListView(self), "checkinsPlanned")
        self.list.setModel(self.model)
        self.list.setAccessibleName(tr("Planned check-ins"))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setWordWrap(True)
        column.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.plan_button = named(buttons.addButton(
            tr("&Plan a check-in…"), QDialogButtonBox.ButtonRole.ActionRole), "checkinPlanNew")
        self.stop_button = named(buttons.addButton(
            tr("&Stop reminding"), QDialogButtonBox.ButtonRole.ActionRole), "checkinStop")
        self.plan_button.clicked.connect(self._plan)
        self.stop_button.clicked.connect(self._stop)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self._plans: list[CheckinPlan] = []
        self.reload()
        self.resize(620, 360)

    def reload(self) -> None:
        """Read the plans again."""
        names = {p.id: p.name for p in self._vault.parts.list(include_archived=True)}
        self._plans = self._vault.checkins.list()
        self.model.clear()
        for plan in self._plans:
            item = QStandardItem(schedule_text(plan, names))
            item.setEditable(False)
            self.model.appendRow(item)
        self.empty.setVisible(not self._plans)
        self.list.setVisible(bool(self._plans))
        self.stop_button.setEnabled(bool(self._plans))
        if self._plans:
            self.list.setCurrentIndex(self.model.index(0, 0))

    def _plan(self) -> None:
        dialog = PlanCheckinDialog(self._vault, self, part_id=self._part_id)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def _stop(self) -> None:
        index = self.list.currentIndex()
        if not index.isValid():
            return
        plan = self._plans[index.row()]
        try:
            perform(self, lambda: self._vault.checkins.end(plan.id), [Change.CHECKINS])
        except JournalError as exc:
            show_error(self, exc)
        self.reload()
