"""What every list of open agreements does: show itself or its empty sentence, mark one.

The entry's "Agreements with parts" and This week both list open agreements with Kept and Let
go under them; marking one takes it off the list, and a refusal is said beside the list. The
two lists differ in what they show (a few parts' agreements, or the week's by part), not in
how they are marked, so that part lives here once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QLabel, QListView, QPushButton, QWidget

from partsjournal.domain.agreements import AgreementStatus
from partsjournal.errors import JournalError
from partsjournal.ui.agreements.agreement_model import AgreementListModel
from partsjournal.ui.common.changes import Change
from partsjournal.ui.common.messages import explain
from partsjournal.ui.common.operation import perform

if TYPE_CHECKING:
    from partsjournal.vault import Vault


class AgreementMarking:
    """Mixed into a widget that holds a list of open agreements with Kept and Let go.

    A mixin rather than a base widget: one list is a group box in the entry's details, the
    other a page of its own.
    """

    view: QListView
    model: AgreementListModel
    empty: QLabel
    problem: QLabel
    kept_button: QPushButton
    let_go_button: QPushButton

    def marking_vault(self) -> Vault | None:
        """The journal the agreements are marked in (None: nothing to mark)."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Read the list again."""
        raise NotImplementedError

    def connect_marking(self) -> None:
        """Wire Kept, Let go and the selection; call once the widgets exist."""
        self.kept_button.clicked.connect(lambda: self.mark_selected(AgreementStatus.KEPT))
        self.let_go_button.clicked.connect(lambda: self.mark_selected(AgreementStatus.RELEASED))
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)

    def show_list_state(self) -> None:
        """The list and its buttons when there is something open, else the empty sentence."""
        has_any = bool(self.model.agreements())
        self.view.setVisible(has_any)
        self.empty.setVisible(not has_any)
        self.kept_button.setVisible(has_any)
        self.let_go_button.setVisible(has_any)

    def _update_buttons(self, *_args: object) -> None:
        chosen = self.selected_id() is not None
        self.kept_button.setEnabled(chosen)
        self.let_go_button.setEnabled(chosen)

    def selected_id(self) -> str | None:
        """The chosen agreement's id (a part's heading row chooses none)."""
        rows = self.view.selectionModel().selectedRows()
        agreement = self.model.agreement(rows[0].row()) if rows else None
        return None if agreement is None else agreement.id

    def mark_selected(self, status: AgreementStatus) -> None:
        """Mark the selected agreement kept or let go; it leaves this list of open ones."""
        agreement_id = self.selected_id()
        vault = self.marking_vault()
        if vault is None or agreement_id is None:
            return
        try:
            perform(cast(QWidget, self), lambda: vault.agreements.mark(agreement_id, status),
                    [Change.AGREEMENTS])
        except JournalError as exc:
            what, way = explain(exc)
            self.problem.setText(f"{what} {way}".strip())
            self.problem.setVisible(True)
        self.refresh()
