"""Start-up stays light: the first page loads only what it shows (docs/performance.md).

The app is started through its real entry point in a fresh interpreter, and what is loaded is
read when the window is first painted: not the main window, the sidebar or the icons (loaded
at unlock), not QtNetwork (the single-instance channel listens once the page is painted), not
the command-line parser, and not Qt's enum namespace or QStyle's types (~15 ms each).
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

from partsjournal.ui.app.app_window import after_first_paint

PROBE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from partsjournal.cli import main
from partsjournal.ui.app import single_instance
from partsjournal.ui.app.application import AppController

single_instance.server_name = lambda tag="": NAME  # never a running copy's channel
seen = {}


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not seen:
            from PySide6 import QtCore, QtWidgets

            seen["modules"] = sorted(sys.modules)
            seen["Qt"] = "Qt" in QtCore.__dict__
            seen["QStyle"] = "QStyle" in QtWidgets.__dict__
            QTimer.singleShot(0, QApplication.instance().quit)
        return False


watcher = FirstPaint()
original = AppController.start


def start(self, vault_dir=None):
    original(self, vault_dir)
    self.shell.installEventFilter(watcher)


AppController.start = start
code = main(["--vault", FOLDER])
print("painted", bool(seen), "code", code)
print("Qt", seen.get("Qt"), "QStyle", seen.get("QStyle"))
print("modules", " ".join(seen.get("modules", [])))
"""


def _first_paint(folder: Path, config: Path) -> dict[str, str]:
    name = f"pj-test-{uuid.uuid4().hex[:8]}"
    script = f"NAME = {name!r}\nFOLDER = {str(folder)!r}\n" + PROBE
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env=env, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert lines["painted"] == "True code 0", result.stdout + result.stderr
    return lines


def test_the_unlock_page_is_painted_before_anything_it_does_not_show_is_loaded(
        tmp_path: Path) -> None:
    from partsjournal.vault import Vault

    from ...conftest import FAST_KDF, PASSPHRASE

    folder = tmp_path / "journal"
    Vault.create(folder, PASSPHRASE, profile=FAST_KDF)[0].lock()
    lines = _first_paint(folder, tmp_path / "config")
    modules = set(lines["modules"].split())
    assert "partsjournal.ui.app.unlock_window" in modules  # the page really was the unlock page
    not_yet = {
        "partsjournal.ui.app.main_window",  # the journal: at unlock
        "partsjournal.ui.app.sidebar",
        "partsjournal.ui.common.icons",
        "partsjournal.ui.app.welcome",  # another first page
        "PySide6.QtNetwork",  # the single-instance server: once the page is painted
        "PySide6.QtSvg",
        "partsjournal.cli.base",  # the command-line parser: only for a command
        "partsjournal.vault.vault",  # SQLCipher and the crypto: in a worker, after the page
        "sqlcipher3",
        "cryptography",
        "json",
        "_hashlib",
    }
    assert sorted(not_yet & modules) == []
    assert lines["Qt"] == "False QStyle False"


def test_work_after_the_first_paint_waits_for_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    window = QLabel("page")
    qtbot.addWidget(window)
    calls: list[bool] = []
    after_first_paint(window, lambda: calls.append(window.isVisible()))
    assert calls == []  # not before the window is even shown
    window.show()
    qtbot.waitUntil(lambda: calls == [True], timeout=900)  # before the 1 s fallback
    window.update()
    window.repaint()
    assert calls == [True]  # once


def test_work_after_the_first_paint_runs_even_if_the_window_is_never_painted(  # type: ignore[no-untyped-def]
        qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    from partsjournal.ui.app import app_window

    window = QWidget()  # never shown (a window started minimised is never painted either)
    qtbot.addWidget(window)
    calls: list[int] = []
    after_first_paint(window, lambda: calls.append(1))
    assert calls == []
    qtbot.waitUntil(lambda: calls == [1], timeout=app_window.FIRST_PAINT_WAIT_MS + 2000)
