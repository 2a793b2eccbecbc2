"""Render the app icon's SVG source to the PNG sizes desktops ask for.

Run from the repository root with the project's venv (PySide6 is all it needs):

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py

Writes resources/icons/hicolor/<N>x<N>/apps/org.partsjournal.PartsJournal.png for every size,
laid out like an icon theme so the folder can be copied into ~/.local/share/icons/ as it is.
Qt's own SVG renderer gives byte-identical files on every run with the same Qt version.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

APP_ID = "org.partsjournal.PartsJournal"
SIZES = (16, 32, 48, 64, 128, 256)
ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"


def png_path(size: int, icons: Path = ICONS) -> Path:
    """Where the rendering at ``size`` pixels lives."""
    return icons / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render(source: Path, size: int, out: Path) -> None:
    """Draw ``source`` into a transparent ``size``×``size`` image and save it as PNG."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"could not write {out}")


def source_for(size: int, icons: Path = ICONS) -> Path:
    """The SVG drawn at ``size``: a simplified small variant where one exists."""
    small = icons / f"{APP_ID}-small.svg"
    if size <= 16 and small.exists():
        return small
    return icons / f"{APP_ID}.svg"


def main(argv: list[str] | None = None) -> int:
    """Render every size; print each file written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--icons", type=Path, default=ICONS, help="the resources/icons folder")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    for size in SIZES:
        out = png_path(size, args.icons)
        render(source_for(size, args.icons), size, out)
        print(out.relative_to(ROOT) if out.is_relative_to(ROOT) else out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
