"""The change bus: one way for a page to say what it changed, and for the others to catch up.

A page that stores something announces a :class:`Changes` value naming what kind of thing changed
and who did it (``initiator``). The main window hands every announcement to each page's
``on_changes``; a page refreshes only what the change touches, and skips the changes it made
itself (it already shows them). So no page needs to know which other pages exist. See
docs/architecture.md, "How a change travels".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtWidgets import QWidget


class Change(StrEnum):
    """What kind of stored thing a change touched."""

    PARTS = "parts"  # names, roles, colours, stages, archive state, merges and splits
    RELATIONS = "relations"
    ENTRIES = "entries"
    POSITIONS = "positions"  # where parts sit on the map
    PEERS = "peers"  # peers, their received parts and the share log
    IDENTITY = "identity"  # the name on this journal's contact card
    AGREEMENTS = "agreements"  # the agreements ledger: recorded, kept, let go, deleted
    CHECKINS = "checkins"  # planned check-ins: planned, stopped, deleted, shown
    PICTURES = "pictures"  # pictures of parts and entries: added, deleted
    BODY_SPOTS = "body_spots"  # the body map: a spot placed, moved, noted or removed


@dataclass(frozen=True)
class Changes:
    """One announcement: what changed, and which page (or dialog) changed it."""

    what: frozenset[Change]
    initiator: object | None = None

    def touches(self, *kinds: Change) -> bool:
        """True when any of ``kinds`` changed."""
        return not self.what.isdisjoint(kinds)

    def made_by(self, page: object) -> bool:
        """True when ``page`` made this change itself, or a widget inside it did (its editor).

        The page already shows what its own widgets stored, so it need not read it again.
        """
        if self.initiator is page:
            return True
        return (isinstance(page, QWidget) and isinstance(self.initiator, QWidget)
                and page.isAncestorOf(self.initiator))


class Page(Protocol):
    """What the main window asks of every page."""

    @property
    def announced(self) -> SignalInstance:
        """Emits a :class:`Changes` for every change the page (or a widget in it) stored."""

    def flush(self) -> bool:
        """Store pending edits; False when something could not be stored."""

    def clear(self) -> None:
        """Hold no journal text any more (the journal is locking)."""

    def on_changes(self, changes: Changes) -> None:
        """Refresh what ``changes`` touched (changes the page made itself may be skipped)."""


class ChangeBus(QObject):
    """Carries announcements to every page, on the GUI thread."""

    changed = Signal(object)  # Changes

    def announce(self, what: Iterable[Change], initiator: object | None = None) -> None:
        """Tell every page that ``what`` changed."""
        kinds = frozenset(what)
        if kinds:
            self.changed.emit(Changes(kinds, initiator))
