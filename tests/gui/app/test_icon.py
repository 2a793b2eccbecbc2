"""The app icon: embedded from its SVG sources, and it renders at small and large sizes."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from partsjournal.ui.app.application import app_icon

ROOT = Path(__file__).parents[3]


def test_embedded_icon_matches_its_sources() -> None:
    spec = importlib.util.spec_from_file_location("embed", ROOT / "resources" / "embed.py")
    assert spec is not None and spec.loader is not None
    embed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(embed)
    generated = ROOT / "app" / "partsjournal" / "ui" / "app" / "icon_data.py"
    assert generated.read_text(encoding="utf-8") == embed.render(), \
        "run python resources/embed.py after changing an icon"


def test_icon_renders_at_16_and_256(qtbot) -> None:  # type: ignore[no-untyped-def]
    icon = app_icon()
    assert not icon.isNull()
    for size in (16, 256):
        image = icon.pixmap(size, size).toImage()
        assert image.width() == size
        colours = {image.pixelColor(x, y).name() for x in range(0, size, max(1, size // 16))
                   for y in range(0, size, max(1, size // 16))}
        assert len(colours) > 3  # drawn, not blank
