"""Undoable journal changes for the window's undo stack (Edit → Undo).

Undo and redo change the journal like any other edit: through :func:`perform`, so every page
hears about it on the change bus (the Parts page's counts, the map, insights).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from partsjournal.domain.model import Entry
from partsjournal.ui.common.changes import Change
from partsjournal.ui.common.operation import perform
from partsjournal.ui.journal.journal_view import JournalView
from partsjournal.vault import Vault


class DeleteEntryCommand(QUndoCommand):
    """Deleting an entry, undoable: undo puts the same entry back with the same id."""

    def __init__(self, vault: Vault, entry: Entry, journal: JournalView) -> None:
        super().__init__(QCoreApplication.translate("MainWindow", "Delete entry"))
        self._vault, self._entry, self._journal = vault, entry, journal
        self._first = True

    def redo(self) -> None:
        if self._first:  # the deletion already happened when the command was pushed
            self._first = False
            return
        perform(self._journal, lambda: self._vault.entries.delete(self._entry.id),
                [Change.ENTRIES])
        self._journal.clear()
        self._journal.refresh()

    def undo(self) -> None:
        perform(self._journal, lambda: self._vault.entries.add(self._entry), [Change.ENTRIES])
        self._journal.refresh()
        self._journal.open_entry(self._entry.id)
