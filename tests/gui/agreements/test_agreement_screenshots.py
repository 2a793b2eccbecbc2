"""The agreements screenshots render real pictures and leave no agreement behind."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from tools.screenshots.agreements import render_for_screenshots

from partsjournal.ui.common.theme import apply_theme
from partsjournal.vault import Vault


def test_render_for_screenshots(qtbot: QtBot, sample_vault: Vault, tmp_path: Path,
                                qapp) -> None:  # type: ignore[no-untyped-def]
    try:
        paths = render_for_screenshots(sample_vault, tmp_path, "dark")
    finally:
        apply_theme(qapp, "system")
    names = {p.name for p in paths}
    for view in ("entry", "add", "add-refused", "this-week", "this-week-empty",
                 "session-note"):
        assert f"agreements-{view}-dark.png" in names
    for path in paths:
        image = QImage(str(path))
        assert not image.isNull() and image.width() > 150 and image.height() > 100, path
    assert sample_vault.agreements.count() == 0
