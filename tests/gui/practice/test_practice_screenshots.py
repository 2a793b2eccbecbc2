"""The practice screenshots render, are real pictures, and change nothing in the journal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from tools.screenshots.practice import render_for_screenshots

from partsjournal.ui.common.theme import apply_theme
from partsjournal.vault import Vault


def test_render_for_screenshots(qtbot: QtBot, sample_vault: Vault, tmp_path: Path,
                                qapp) -> None:  # type: ignore[no-untyped-def]
    before = {table: sample_vault.db.all(f"SELECT * FROM {table} ORDER BY 1")
              for table in ("parts", "entries", "entry_parts", "relations", "meta")}
    try:
        paths = render_for_screenshots(sample_vault, tmp_path, "dark")
    finally:
        apply_theme(qapp, "system")
    names = {p.name for p in paths}
    for view in ("guided-find", "guided-step-back", "guided-review", "peer-session-switch",
                 "peer-session-time-up", "insights", "merge-parts", "split-part",
                 "guide-safety"):
        assert f"practice-{view}-dark.png" in names
    for path in paths:
        image = QImage(str(path))
        assert not image.isNull() and image.width() > 300 and image.height() > 200, path
    after = {table: sample_vault.db.all(f"SELECT * FROM {table} ORDER BY 1") for table in before}
    assert after == before
