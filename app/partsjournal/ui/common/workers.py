"""Run slow work (key derivation, calibration) off the GUI thread and get the result back on it.

Nothing here touches SQLite: connections stay on the thread that opened them (docs/architecture.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal


class _Signals(QObject):
    """Lives on the GUI thread; emitting from a pool thread queues delivery back to it."""

    done = Signal(object)
    failed = Signal(object)


class Progress(QObject):
    """Carries a worker's progress to the GUI thread: emit ``moved`` there, connect it here.

    Made on the GUI thread, so a connected slot runs there (a queued connection); the worker only
    calls ``moved.emit(done, total)``.
    """

    moved = Signal(int, int)  # done, total


# Keeps each call's signal object alive until its result has been delivered.
_pending: set[_Signals] = set()


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None],
                      on_failed: Callable[[BaseException], None]) -> None:
    """Start ``fn`` in the global thread pool; exactly one callback runs later on this thread.

    A plain callable is handed to the pool (not a QRunnable subclass), so no Python-owned
    runnable can be deleted while a pool thread is still leaving it.
    """
    signals = _Signals()
    _pending.add(signals)

    def finish_ok(result: object) -> None:
        _pending.discard(signals)
        on_done(result)

    def finish_error(error: object) -> None:
        _pending.discard(signals)
        assert isinstance(error, BaseException)
        on_failed(error)

    signals.done.connect(finish_ok)
    signals.failed.connect(finish_error)

    def work() -> None:  # runs in a pool thread
        try:
            result = fn()
        except Exception as exc:  # handed to the GUI thread, which decides what to say
            signals.failed.emit(exc)
            return
        signals.done.emit(result)

    QThreadPool.globalInstance().start(work)
