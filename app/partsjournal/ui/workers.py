"""Run slow work (key derivation, calibration) off the GUI thread and get the result back on it.

Nothing here touches SQLite: connections stay on the thread that opened them (DESIGN §2).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """One call of ``fn`` in the global thread pool; signals arrive on the creating thread."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:  # runs in a pool thread
        try:
            result = self.fn()
        except Exception as exc:  # handed to the GUI thread, which decides what to say
            self.signals.failed.emit(exc)
            return
        self.signals.done.emit(result)


_running: set[Task] = set()


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None],
                      on_failed: Callable[[BaseException], None]) -> Task:
    """Start ``fn`` in a worker; exactly one of the callbacks runs later on this thread."""
    task = Task(fn)
    _running.add(task)

    def finish_ok(result: object) -> None:
        _running.discard(task)
        on_done(result)

    def finish_error(error: object) -> None:
        _running.discard(task)
        assert isinstance(error, BaseException)
        on_failed(error)

    task.signals.done.connect(finish_ok)
    task.signals.failed.connect(finish_error)
    QThreadPool.globalInstance().start(task)
    return task
