"""Guards against a broken Qt binding: PySide6 6.12.0 on Python 3.11 leaks references to None.

Every call that returns nothing dropped one reference, so a running app aborted with
``none_dealloc`` after a few thousand calls. pyproject.toml excludes that release; this test keeps
it excluded.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget


def test_void_calls_keep_none_alive(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    timer = QTimer()
    before = sys.getrefcount(None)
    for i in range(2000):
        widget.resize(100 + i % 5, 100)
        timer.start(1000)
    timer.stop()
    assert sys.getrefcount(None) >= before - 50
