"""Undoable merge and split of parts: one ``QUndoCommand`` per change, for the window's stack.

Push a command onto the main window's ``undo_stack``; the push performs it (``redo``), and
Edit → Undo / Redo reverse and repeat it exactly (see :mod:`partsjournal.vault.part_surgery`).
Every redo and undo runs through :func:`~partsjournal.ui.common.operation.perform` on behalf of
``owner`` (the page or window that pushed it), so the change bus tells every page what moved. If
the change is refused (e.g. a part was deleted meanwhile), the command marks itself obsolete — the
stack drops it — and keeps the error in :attr:`error` for the caller to show.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoCommand

from partsjournal.domain.model import utc_now
from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.ui.common.changes import Change
from partsjournal.ui.common.operation import perform
from partsjournal.vault import Vault
from partsjournal.vault.part_surgery import MergeUndo, SplitSpec, SplitUndo

#: What a merge or split touches: the parts, their relationships and the entries naming them.
SURGERY_CHANGES = (Change.PARTS, Change.RELATIONS, Change.ENTRIES)


def tr(text: str) -> str:
    """Translate in the part-commands context."""
    return QCoreApplication.translate("PartCommands", text)


def _menu_safe(name: str) -> str:
    """A part name inside an Undo menu item: '&' would otherwise become a keyboard accelerator."""
    return name.replace("&", "&&")


class _SurgeryCommand(QUndoCommand):
    """Shared shape of merge and split: perform, remember the exact undo record, reverse it."""

    def __init__(self, vault: Vault, owner: QObject | None,
                 parent: QUndoCommand | None) -> None:
        super().__init__(parent)
        self._surgery = vault.surgery
        self._owner = owner
        self._at: datetime = utc_now()
        self._undo: Any = None
        #: The refusal, when the change could not be done (the stack then drops the command).
        self.error: JournalError | None = None

    def _perform(self) -> Any:
        raise NotImplementedError

    def _reverse(self, record: Any) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        try:
            self._undo = self._run(self._perform)
        except JournalError as exc:
            self.error = exc
            self.setObsolete(True)

    def undo(self) -> None:
        if self._undo is not None:
            record = self._undo
            self._run(lambda: self._reverse(record))

    def _run(self, change: Any) -> Any:
        if self._owner is None:  # nobody to tell (a command tried on its own)
            return change()
        return perform(self._owner, change, SURGERY_CHANGES)


class MergePartsCommand(_SurgeryCommand):
    """Merge ``absorb_id`` into ``keep_id`` (entries, relations and stage history move over)."""

    def __init__(self, vault: Vault, keep_id: str, absorb_id: str, *,
                 owner: QObject | None = None, parent: QUndoCommand | None = None) -> None:
        super().__init__(vault, owner, parent)
        self.keep_id, self.absorb_id = keep_id, absorb_id
        try:
            keep = vault.parts.get(keep_id).name
            absorb = vault.parts.get(absorb_id).name
        except JournalError:
            keep = absorb = "?"
        self.setText(fill(tr("Merge “%1” into “%2”"), _menu_safe(absorb), _menu_safe(keep)))

    @property
    def undo_record(self) -> MergeUndo | None:
        """What undo will restore (None before the first redo or after a refusal)."""
        return self._undo  # type: ignore[no-any-return]

    def _perform(self) -> MergeUndo:
        return self._surgery.merge(self.keep_id, self.absorb_id, at=self._at)

    def _reverse(self, record: Any) -> None:
        self._surgery.undo_merge(record)


class SplitPartCommand(_SurgeryCommand):
    """Split a new part off ``source_id`` as ``spec`` describes."""

    def __init__(self, vault: Vault, source_id: str, spec: SplitSpec, *,
                 owner: QObject | None = None, parent: QUndoCommand | None = None) -> None:
        super().__init__(vault, owner, parent)
        self.source_id, self.spec = source_id, spec
        try:
            source = vault.parts.get(source_id).name
        except JournalError:
            source = "?"
        self.setText(fill(tr("Split “%1” off “%2”"),
                          _menu_safe(spec.name.strip()),
                          _menu_safe(source)))

    @property
    def new_part_id(self) -> str:
        """The id the split-off part has (the same after every redo)."""
        return self.spec.new_part_id

    @property
    def undo_record(self) -> SplitUndo | None:
        """What undo will restore."""
        return self._undo  # type: ignore[no-any-return]

    def _perform(self) -> SplitUndo:
        return self._surgery.split(self.source_id, self.spec, at=self._at)

    def _reverse(self, record: Any) -> None:
        self._surgery.undo_split(record)
