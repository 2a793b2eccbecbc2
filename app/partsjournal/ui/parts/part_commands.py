"""Undoable merge and split of parts: one ``QUndoCommand`` per change, for the window's stack.

Push a command onto the main window's ``undo_stack``; the push performs it (``redo``), and
Edit → Undo / Redo reverse and repeat it exactly (see :mod:`partsjournal.vault.part_surgery`).
``on_change`` is called after every redo and undo so the views can re-read what moved. If the
change is refused (e.g. a part was deleted meanwhile), the command marks itself obsolete — the
stack drops it — and keeps the error in :attr:`error` for the caller to show.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from partsjournal.domain.model import utc_now
from partsjournal.errors import JournalError
from partsjournal.vault import Vault
from partsjournal.vault.part_surgery import MergeUndo, SplitSpec, SplitUndo

Callback = Callable[[], None]


def tr(text: str) -> str:
    """Translate in the part-commands context."""
    return QCoreApplication.translate("PartCommands", text)


def _menu_safe(name: str) -> str:
    """A part name inside an Undo menu item: '&' would otherwise become a keyboard accelerator."""
    return name.replace("&", "&&")


class _SurgeryCommand(QUndoCommand):
    """Shared shape of merge and split: perform, remember the exact undo record, reverse it."""

    def __init__(self, vault: Vault, on_change: Callback | None,
                 parent: QUndoCommand | None) -> None:
        super().__init__(parent)
        self._surgery = vault.surgery
        self._on_change = on_change
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
            self._undo = self._perform()
        except JournalError as exc:
            self.error = exc
            self.setObsolete(True)
            return
        self._changed()

    def undo(self) -> None:
        if self._undo is None:
            return
        self._reverse(self._undo)
        self._changed()

    def _changed(self) -> None:
        if self._on_change is not None:
            self._on_change()


class MergePartsCommand(_SurgeryCommand):
    """Merge ``absorb_id`` into ``keep_id`` (entries, relations and stage history move over)."""

    def __init__(self, vault: Vault, keep_id: str, absorb_id: str, *,
                 on_change: Callback | None = None, parent: QUndoCommand | None = None) -> None:
        super().__init__(vault, on_change, parent)
        self.keep_id, self.absorb_id = keep_id, absorb_id
        try:
            keep = vault.parts.get(keep_id).name
            absorb = vault.parts.get(absorb_id).name
        except JournalError:
            keep = absorb = "?"
        self.setText(tr("Merge “%1” into “%2”").replace("%1", _menu_safe(absorb))
                     .replace("%2", _menu_safe(keep)))

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
                 on_change: Callback | None = None, parent: QUndoCommand | None = None) -> None:
        super().__init__(vault, on_change, parent)
        self.source_id, self.spec = source_id, spec
        try:
            source = vault.parts.get(source_id).name
        except JournalError:
            source = "?"
        self.setText(tr("Split “%1” off “%2”").replace("%1", _menu_safe(spec.name.strip()))
                     .replace("%2", _menu_safe(source)))

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
