"""The "Agreements" section of an entry's details: the open agreements of the parts present.

When a part shows up in an entry, what was agreed with it is right there ("Eight: check in
every morning · until 5 Dec 2026"), to be marked kept or let go, and a new agreement can be
recorded with this entry. The editor tells the section which entry is open
(:meth:`AgreementsPanel.set_entry`); the parts present come from the details' own model, so the
list follows every part added or removed. Every write goes through ``perform`` and announces
``Change.AGREEMENTS``.

An agreement is recorded with the entry's id only once the entry is stored (the section asks the
editor to save first); a new entry with nothing written yet is not stored, so an agreement made
there is kept without an entry.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partsjournal.errors import NotFound
from partsjournal.ui.agreements.add_dialog import AddAgreementDialog
from partsjournal.ui.agreements.agreement_model import AgreementListModel
from partsjournal.ui.agreements.marking import AgreementMarking
from partsjournal.ui.agreements.words import tr
from partsjournal.ui.common.changes import Change, Changes
from partsjournal.ui.common.widgets import named, plain_label
from partsjournal.vault import Vault


class AgreementsPanel(AgreementMarking, QGroupBox):
    """Open agreements of the parts present in one entry; add, kept, let go."""

    def __init__(self, parent: QWidget | None = None) -> None:
        # "with parts": a peer session also has "Agreements" (between the two peers) below.
        super().__init__(tr("Agreements with parts"), parent)
        self.setObjectName("entryAgreements")
        self._vault: Vault | None = None
        self._save_entry: Callable[[], bool] = lambda: True
        self._entry_id: str | None = None
        self._part_ids: list[str] = []
        column = QVBoxLayout(self)
        self.empty = plain_label(tr("No open agreements with the parts present."), self,
                                 wrap=True)
        self.empty.setObjectName("agreementsEmpty")
        column.addWidget(self.empty)
        self.model = AgreementListModel(self)
        self.view = named(QListView(self), "entryAgreementList")
        self.view.setModel(self.model)
        self.view.setAccessibleName(tr("Open agreements with the parts present"))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.setMaximumHeight(120)
        column.addWidget(self.view)
        buttons = QHBoxLayout()
        self.add_button = named(QPushButton(tr("Add an agreement…"), self), "addAgreement")
        self.add_button.setAccessibleName(tr("Add an agreement with a part"))
        self.kept_button = named(QPushButton(tr("Kept"), self), "agreementKept")
        self.kept_button.setAccessibleName(tr("Mark the selected agreement kept"))
        self.let_go_button = named(QPushButton(tr("Let go"), self), "agreementLetGo")
        self.let_go_button.setAccessibleName(tr("Let the selected agreement go"))
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.kept_button)
        buttons.addWidget(self.let_go_button)
        column.addLayout(buttons)
        self.problem = plain_label("", self, wrap=True)
        self.problem.setVisible(False)
        column.addWidget(self.problem)
        self.add_button.clicked.connect(self.add_agreement)
        self.connect_marking()
        self._show([])

    def attach(self, vault: Vault, save_entry: Callable[[], bool]) -> None:
        """Read and write ``vault``; ``save_entry`` stores the open entry (the editor's flush)."""
        self._vault = vault
        self._save_entry = save_entry

    def set_entry(self, entry_id: str | None) -> None:
        """The entry now open (None: none, as after a lock)."""
        self._entry_id = entry_id
        if entry_id is None:
            self._part_ids = []
            self._show([])
        self.problem.setVisible(False)

    def set_parts(self, part_ids: Sequence[str]) -> None:
        """The person's own parts present in the entry now (a peer's parts have no agreements)."""
        self._part_ids = list(dict.fromkeys(part_ids))
        self.refresh()

    def show_for(self, part_ids: Sequence[str], entry_id: str | None) -> None:
        """Both at once: the entry and the parts present in it."""
        self.set_entry(entry_id)
        self.set_parts(part_ids)

    def refresh(self) -> None:
        """Read the open agreements of the parts present again."""
        if self._vault is None or self._vault.is_locked or not self._part_ids:
            self._show([])
            return
        self._show(self._part_ids)

    def on_changes(self, changes: Changes) -> None:
        """Agreements or part names changed elsewhere (the This week panel, a merge)."""
        if changes.touches(Change.AGREEMENTS, Change.PARTS) and not changes.made_by(self):
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh()  # marked elsewhere while this page was away

    def _show(self, part_ids: Sequence[str]) -> None:
        vault = self._vault
        if vault is None or vault.is_locked or not part_ids:
            self.model.set_agreements([], {})
        else:
            names = {p.id: p.name for p in vault.parts.list(include_archived=True)}
            self.model.set_agreements(vault.agreements.list_open(part_ids), names)
        self.show_list_state()
        self.add_button.setEnabled(self._vault is not None and self._entry_id is not None)

    def _stored_entry_id(self) -> str | None:
        """This entry's id once it is stored (saved first), else None."""
        if self._vault is None or self._entry_id is None or not self._save_entry():
            return None
        try:
            self._vault.entries.get(self._entry_id)
        except NotFound:
            return None
        return self._entry_id

    def add_agreement(self) -> AddAgreementDialog | None:
        """Open "Add an agreement…" (returned, for tests, when it was recorded)."""
        if self._vault is None or self._entry_id is None:
            return None
        rows = self.view.selectionModel().selectedRows()
        chosen = self.model.agreement(rows[0].row()) if rows else None
        dialog = AddAgreementDialog(self._vault, self._part_ids, self._stored_entry_id(), self,
                                    chosen=chosen.part_id if chosen else None)
        recorded = dialog.exec() == AddAgreementDialog.DialogCode.Accepted
        self.refresh()
        return dialog if recorded else None

    def marking_vault(self) -> Vault | None:
        """The journal of the entry shown (None while no journal is open)."""
        return None if self._vault is None or self._vault.is_locked else self._vault
