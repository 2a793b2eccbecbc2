"""Nothing but our own settings file is written outside the vault — not even by Qt's dialogs."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

from partsjournal.ui.app import application as app_module

SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
app = QApplication([])
app.setApplicationName("Parts Journal")
app.setOrganizationName("parts-journal")
from partsjournal.ui.settings.settings import THEME, Settings, keep_qt_state_off_disk
settings = Settings()
if sys.argv[1] == "guarded":
    keep_qt_state_off_disk()
settings.set(THEME, "dark")
def close_dialogs():
    for widget in app.topLevelWidgets():
        if isinstance(widget, QFileDialog):
            widget.reject()
QTimer.singleShot(300, close_dialogs)
QFileDialog.getSaveFileName(None, "Save the bundle", sys.argv[2] + "/for-alice.pjbundle",
                            options=QFileDialog.Option.DontUseNativeDialog)
assert Settings().get(THEME) == "dark"
print(settings.file_name)
"""


def _run(home: Path, mode: str, where: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               QT_QPA_PLATFORM="offscreen", PYTHONPATH=os.pathsep.join(sys.path))
    return subprocess.run([sys.executable, "-c", SCRIPT, mode, str(where)], env=env,
                          capture_output=True, text=True, timeout=60, check=False)


def _files(home: Path) -> list[str]:
    return sorted(str(p.relative_to(home)) for p in home.rglob("*") if p.is_file())


def test_qt_file_dialog_leaves_no_qtproject_conf(tmp_path: Path) -> None:
    where = tmp_path / "private-folder-name"
    where.mkdir()
    unguarded, guarded = tmp_path / "a", tmp_path / "b"
    before = _run(unguarded, "plain", where)
    assert before.returncode == 0, before.stderr
    # Without the guard Qt writes the folder into QtProject.conf — what this test exists for.
    assert ".config/QtProject.conf" in _files(unguarded)
    assert "private-folder-name" in (unguarded / ".config/QtProject.conf").read_text()
    after = _run(guarded, "guarded", where)
    assert after.returncode == 0, after.stderr
    assert _files(guarded) == [".config/parts-journal/Parts Journal.conf"]
    assert after.stdout.strip() == str(guarded / ".config/parts-journal/Parts Journal.conf")


def test_the_app_sets_the_guard_at_start() -> None:
    assert "keep_qt_state_off_disk()" in inspect.getsource(app_module.run_app)
