"""The "This week" panel: open agreements ending within 7 days or without an end, by part.

A quiet look at what was promised: each part's name as a heading and its open agreements under
it, soonest last day first, each to be marked kept or let go (then it leaves the list). Ones
whose last day has passed but that are still open stay here until marked — they are the ones
waiting for an answer (``domain/agreements.py``, ``in_this_week``).

``today`` is a function giving the person's calendar day (the wall clock by default; tests pass
a fixed day). The panel follows the page protocol (``announced``, ``flush``, ``clear``,
``on_changes``), so the main window can place it as a page or inside one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partsjournal.ui.agreements.agreement_model import AgreementListModel
from partsjournal.ui.agreements.marking import AgreementMarking
from partsjournal.ui.agreements.words import tr
from partsjournal.ui.common.changes import Change, Changes
from partsjournal.ui.common.theme import SPACE_S, scaled_font
from partsjournal.ui.common.widgets import named, plain_label
from partsjournal.vault import Vault


class ThisWeekPanel(AgreementMarking, QWidget):
    """Open agreements of this week, grouped by part, with Kept and Let go."""

    #: Every change the panel stored (the page protocol; the main window relays it).
    announced = Signal(object)

    def __init__(self, vault: Vault, parent: QWidget | None = None, *,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.setObjectName("thisWeek")
        self.setAccessibleName(tr("This week's agreements"))
        self._vault = vault
        self._today = today
        column = QVBoxLayout(self)
        column.setContentsMargins(SPACE_S, SPACE_S, SPACE_S, SPACE_S)
        self.heading = plain_label(tr("This week"), self)
        self.heading.setFont(scaled_font(self.heading, "heading"))
        column.addWidget(self.heading)
        self.hint = plain_label(tr(
            "Open agreements with your parts that end within the next seven days, or have no "
            "end. Marking one kept or let go takes it off this list."), self, wrap=True)
        column.addWidget(self.hint)
        self.empty = plain_label(tr("No open agreements this week."), self, wrap=True)
        self.empty.setObjectName("thisWeekEmpty")
        column.addWidget(self.empty)
        self.model = AgreementListModel(self, grouped=True)
        self.view = named(QListView(self), "thisWeekList")
        self.view.setModel(self.model)
        self.view.setAccessibleName(tr("Open agreements this week, by part"))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        column.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.kept_button = named(QPushButton(tr("Kept"), self), "thisWeekKept")
        self.kept_button.setAccessibleName(tr("Mark the selected agreement kept"))
        self.let_go_button = named(QPushButton(tr("Let go"), self), "thisWeekLetGo")
        self.let_go_button.setAccessibleName(tr("Let the selected agreement go"))
        buttons.addWidget(self.kept_button)
        buttons.addWidget(self.let_go_button)
        column.addLayout(buttons)
        self.problem = plain_label("", self, wrap=True)
        self.problem.setVisible(False)
        column.addWidget(self.problem)
        column.addStretch(0)  # takes the room only while the list is away (nothing this week)
        self.connect_marking()
        self.refresh()

    # The page protocol -------------------------------------------------------------------

    def flush(self) -> bool:
        """Nothing is ever pending here: each click is stored at once."""
        return True

    def clear(self) -> None:
        """Hold no journal text (the journal is locking)."""
        self.model.set_agreements([], {})
        self.problem.clear()
        self.show_list_state()

    def on_changes(self, changes: Changes) -> None:
        """Agreements, parts (names, merges, deletions) or entries changed elsewhere."""
        if changes.touches(Change.AGREEMENTS, Change.PARTS) and not changes.made_by(self):
            self.refresh()

    # Showing and marking -----------------------------------------------------------------

    def refresh(self) -> None:
        """Read this week's open agreements again (for ``today()``)."""
        if self._vault.is_locked:
            self.clear()
            return
        names = {p.id: p.name for p in self._vault.parts.list(include_archived=True)}
        self.model.set_agreements(self._vault.agreements.this_week(self._today()), names)
        self.show_list_state()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._vault.is_locked:
            self.refresh()  # a new day, or marked elsewhere while the panel was away

    def marking_vault(self) -> Vault | None:
        """The journal the week's agreements are marked in."""
        return None if self._vault.is_locked else self._vault
