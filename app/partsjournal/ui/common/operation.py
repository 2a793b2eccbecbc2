"""One way for the GUI to change the journal: run the change, then announce it on the change bus.

Every write to the vault made from a widget goes through :func:`perform` (on the GUI thread, for
the quick ones: a save, a rename, a delete) or :func:`perform_in_background` (a slow one, in a
worker). Both announce a :class:`~partsjournal.ui.common.changes.Changes` value with the owner as
initiator once the change has been stored, and never when it failed, so no page can forget to
tell the others and none hears about a change that did not happen. A test
(``tests/unit/test_operations.py``) fails when a widget writes to the vault outside these two.

The pattern is Anki's ``CollectionOp`` with ``operation_did_execute``; see docs/architecture.md,
"How a change travels".
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Protocol, TypeVar, runtime_checkable

import shiboken6
from PySide6.QtCore import QObject, SignalInstance

from partsjournal.ui.common.changes import Change, Changes
from partsjournal.ui.common.workers import run_in_background

log = logging.getLogger(__name__)

T = TypeVar("T")


@runtime_checkable
class Announcing(Protocol):
    """A page or window whose ``announced`` signal the main window puts on the change bus.

    A widget inside one (an editor in a page, a dialog opened from it) needs no signal of its
    own: its changes travel up the parent chain to the nearest announcer, as Qt events do.
    """

    @property
    def announced(self) -> SignalInstance: ...


def perform(owner: QObject, change: Callable[[], T], what: Iterable[Change]) -> T:
    """Run ``change`` now and announce ``what`` with ``owner`` as initiator; return its result.

    A ``JournalError`` (or any other exception) propagates unannounced: the owner shows it beside
    what was being edited, as only it knows where that is.
    """
    result = change()
    announce(owner, what)
    return result


def perform_in_background(owner: QObject, job: Callable[[], T], what: Iterable[Change], *,
                          done: Callable[[T], None],
                          failed: Callable[[BaseException], None]) -> None:
    """Run ``job`` in a worker; back on the GUI thread, announce ``what`` and call ``done``.

    ``job`` must not touch the GUI thread's database connection (SQLite connections stay on the
    thread that opened them): it opens its own, as ``Vault`` jobs do. If ``owner`` no longer
    exists when the result arrives (its window was closed or the journal locked meanwhile), the
    result is dropped here — no callback runs and nothing is announced — instead of every caller
    checking for a deleted widget.
    """
    kinds = frozenset(what)

    def finished(result: T) -> None:
        if not _alive(owner):
            log.info("a background change finished after its window closed; result dropped")
            return
        announce(owner, kinds)
        done(result)

    def broke(error: BaseException) -> None:
        if not _alive(owner):
            log.info("a background change failed after its window closed (%s); dropped",
                     type(error).__name__)
            return
        failed(error)

    run_in_background(job, finished, broke)


def announce(owner: QObject, what: Iterable[Change]) -> None:
    """Tell every page that ``what`` changed, with ``owner`` as initiator.

    The announcement leaves through the nearest :class:`Announcing` object from ``owner`` up its
    parent chain (``owner`` itself first). A widget with none above it (a page on its own in a
    test) has nobody to tell.
    """
    kinds = frozenset(what)
    if not kinds or not _alive(owner):
        return
    announcer: QObject | None = owner
    while announcer is not None and not isinstance(announcer, Announcing):
        announcer = announcer.parent()
    if announcer is not None:
        announcer.announced.emit(Changes(kinds, owner))


def _alive(owner: object) -> bool:
    """False once the C++ side of a widget has been deleted (touching it would crash)."""
    return shiboken6.isValid(owner)
