"""The map of the sample journal, drawn as a person would see it (screenshots and a test)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from partsjournal.ui.map.map_view import MapView
from partsjournal.vault import Vault


def render_for_screenshots(vault: Vault, path: Path) -> None:
    """Draw the map of ``vault`` as the person would see it, into a PNG at ``path``."""
    view = MapView(vault)
    view.resize(1280, 820)
    view.show()
    for _ in range(5):
        QApplication.processEvents()
    view.fit()
    QApplication.processEvents()
    view.grab().save(str(path))
    view.close()
    view.deleteLater()
