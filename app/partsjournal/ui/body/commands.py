"""Undoable changes to the body map: place, change (move, size, note) and remove a spot.

Each command stores through :func:`~partsjournal.ui.common.operation.perform`, so every page
hears of it on the change bus, and undo puts the exact row back (the same id and time), as the
merge and split commands do for parts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand

from partsjournal.domain.body_map import BodySpot
from partsjournal.errors import JournalError
from partsjournal.ui.body.words import tr
from partsjournal.ui.common.changes import Change
from partsjournal.ui.common.messages import explain
from partsjournal.ui.common.operation import perform
from partsjournal.vault import Vault

_WHAT = (Change.BODY_SPOTS,)


class SpotCommand(QUndoCommand):
    """One change from ``before`` to ``after`` (None: no spot), stored both ways."""

    def __init__(self, vault: Vault, owner: QObject, before: BodySpot | None,
                 after: BodySpot | None, text: str, done: Callable[[str], None]) -> None:
        super().__init__(text)
        self._vault, self._owner, self._done = vault, owner, done
        self._before, self._after = before, after

    def _go(self, old: BodySpot | None, new: BodySpot | None) -> None:
        spots = self._vault.body_spots

        def change() -> None:
            if new is None and old is not None:
                spots.delete(old.id)
            elif old is None and new is not None:
                spots.add(_copy(new))
            elif new is not None:
                spots.update(_copy(new))

        try:
            perform(self._owner, change, _WHAT)
        except JournalError as error:  # a part deleted meanwhile, a full disk: said, not raised
            self._done(explain(error)[0])
            return
        self._done("")

    def redo(self) -> None:
        self._go(self._before, self._after)

    def undo(self) -> None:
        self._go(self._after, self._before)


def _copy(spot: BodySpot) -> BodySpot:
    return BodySpot(part_id=spot.part_id, side=spot.side, region=spot.region, x=spot.x,
                    y=spot.y, size=spot.size, note=spot.note, created_at=spot.created_at,
                    id=spot.id)


def placed(vault: Vault, owner: QObject, spot: BodySpot,
           done: Callable[[str], None]) -> SpotCommand:
    """Place a new spot."""
    return SpotCommand(vault, owner, None, spot, tr("Place a spot"), done)


def changed(vault: Vault, owner: QObject, before: BodySpot, after: BodySpot,
            done: Callable[[str], None]) -> SpotCommand:
    """Move, resize or re-note a spot."""
    return SpotCommand(vault, owner, before, after, tr("Change a spot"), done)


def removed(vault: Vault, owner: QObject, spot: BodySpot,
            done: Callable[[str], None]) -> SpotCommand:
    """Remove a spot."""
    return SpotCommand(vault, owner, spot, None, tr("Remove a spot"), done)
