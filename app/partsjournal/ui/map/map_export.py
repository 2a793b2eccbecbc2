"""The map as a picture file: the shown parts, their names and the legend, as PNG or SVG.

Names go into an SVG as text (never markup), because :class:`QSvgGenerator` writes what
``QPainter.drawText`` draws as escaped text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF
from PySide6.QtGui import QFont, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.ui.map.map_scene import MapColors, MapScene, legend_size, paint_legend, tr

#: Largest side of an exported PNG, in pixels.
EXPORT_MAX_PX = 8000


def write_picture(scene: MapScene, path: Path, font: QFont, colors: MapColors) -> Path:
    """Write the shown parts and the legend to ``path`` (SVG by suffix, PNG otherwise).

    The caller shows every name and clears the chosen part's ring first, and restores both.
    """
    if path.suffix.lower() not in (".png", ".svg"):
        path = path.with_suffix(".png")
    source = scene.visible_rect()
    if source.isNull():
        source = QRectF(-100, -100, 200, 200)
    source = source.adjusted(-30, -30, 30, 30)
    legend = legend_size(font)
    width = source.width() + legend.width() + 50
    height = max(source.height(), legend.height() + 40)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if path.suffix.lower() == ".svg":
        data = _svg(scene, buffer, source, QRectF(0, 0, width, height), font, colors)
    else:
        scale = min(2.0, EXPORT_MAX_PX / max(width, height))
        image = QImage(max(1, round(width * scale)), max(1, round(height * scale)),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(colors.background)
        painter = QPainter(image)
        painter.scale(scale, scale)
        _paint(scene, painter, source, font, colors)
        painter.end()
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # (stubs: bytes)
        data = buffer.data()
    try:
        path.write_bytes(bytes(data.data()))
    except OSError as exc:
        raise JournalError(fill(tr("The map could not be saved as %1: %2."),
                                path, exc.strerror or exc)) from exc
    return path


def _svg(scene: MapScene, buffer: QBuffer, source: QRectF, page: QRectF, font: QFont,
         colors: MapColors) -> QByteArray:
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(page.size().toSize())
    generator.setViewBox(page)
    generator.setTitle(tr("Parts map"))
    generator.setDescription(tr("A map of parts and how they relate, from Parts Journal."))
    painter = QPainter(generator)
    painter.fillRect(page, colors.background)
    _paint(scene, painter, source, font, colors)
    painter.end()
    return buffer.data()


def _paint(scene: MapScene, painter: QPainter, source: QRectF, font: QFont,
           colors: MapColors) -> None:
    painter.setRenderHints(QPainter.RenderHint.Antialiasing
                           | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    paint_legend(painter, QPointF(source.width() + 20, 20), font, colors)
