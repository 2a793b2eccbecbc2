"""Screenshots of pictures of parts, light and dark.

A part's Pictures tab (empty and with drawings), the viewer, and an entry's pictures.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from partsjournal.vault import Vault


def _grab(widget: QWidget, path: Path, size: QSize | None = None) -> Path:
    if size is not None:
        widget.resize(size)
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    widget.grab().save(str(path))
    return path


def drawing(colour: tuple[int, int, int], shape: str) -> bytes:
    """A child-like drawing of a part: a shape on paper."""
    image = Image.new("RGB", (900, 700), (250, 246, 236))
    pen = ImageDraw.Draw(image)
    if shape == "circle":
        pen.ellipse((250, 150, 650, 550), outline=colour, width=18)
    else:
        pen.polygon([(450, 100), (750, 600), (150, 600)], outline=colour, width=18)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def render_for_screenshots(vault: Vault, out: Path, theme: str) -> list[Path]:
    """The pictures views in ``theme``; adds two drawings to a part and one to an entry."""
    from partsjournal.ui.app.main_window import MainWindow
    from partsjournal.ui.pictures.viewer import PictureViewer

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    window = MainWindow(vault)
    window.resize(1200, 800)
    window.show()
    part = vault.parts.list()[0]
    window.open_part(part.id)
    tabs = window.parts.findChild(QTabWidget, "partTabs")
    assert tabs is not None
    tabs.setCurrentWidget(window.part_pictures)
    written.append(_grab(window, out / f"pictures-part-empty-{theme}.png"))
    vault.pictures.add(drawing((180, 60, 60), "circle"), part_id=part.id, caption="How it felt")
    vault.pictures.add(drawing((40, 110, 160), "triangle"), part_id=part.id)
    window.part_pictures.reload()
    written.append(_grab(window, out / f"pictures-part-{theme}.png"))
    viewer = PictureViewer(vault, vault.pictures.of_part(part.id), 0, window)
    written.append(_grab(viewer, out / f"pictures-viewer-{theme}.png", QSize(720, 600)))
    viewer.close()
    entry = vault.entries.list()[0]
    vault.pictures.add(drawing((60, 140, 90), "circle"), entry_id=entry.id)
    window.open_entry(entry.id)
    window.show_journal()
    written.append(_grab(window, out / f"pictures-entry-{theme}.png"))
    window.close()
    return written
