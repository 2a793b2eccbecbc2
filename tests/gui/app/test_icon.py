"""The app icon (package data, partsjournal/data/icons) renders at small and large sizes.

That the package's SVGs equal their sources in resources/icons is checked in
tests/unit/flows/test_sample_journal.py, without Qt.
"""

from __future__ import annotations

from partsjournal.ui.app.application import app_icon


def test_icon_renders_at_16_and_256(qtbot) -> None:  # type: ignore[no-untyped-def]
    icon = app_icon()
    assert not icon.isNull()
    for size in (16, 256):
        image = icon.pixmap(size, size).toImage()
        assert image.width() == size
        colours = {image.pixelColor(x, y).name() for x in range(0, size, max(1, size // 16))
                   for y in range(0, size, max(1, size // 16))}
        assert len(colours) > 3  # drawn, not blank
