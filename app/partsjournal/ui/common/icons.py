"""Interface icons: the bundled Lucide SVGs, drawn in the current palette's text colour.

``icon("search")`` gives a :class:`QIcon` whose engine renders the SVG each time Qt asks for a
pixmap, with the file's ``currentColor`` replaced by the colour the palette has *now* for that
mode: the window text colour normally, the disabled text colour when the control is disabled, the
highlighted text colour on a selection. So icons follow a switch between light, dark and system
without anyone rebuilding them, and a disabled button's icon is as "off" as its label.

Rendered pixmaps are cached by (name, size, colour); a theme switch simply asks for new keys.
Nothing is read or rendered before the first :func:`icon` call, and QtSvg is imported only then,
so start-up does not pay for icons the first window may not show.

The files are a few of Lucide's (https://lucide.dev, ISC licence: data/icons/ui/LICENSE), copied
unchanged; :func:`icon_names` lists them. Asking for a name that is not bundled raises
:class:`LookupError` at once (tests/gui/common/test_icons.py checks every name used in ``ui/``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QLabel, QWidget

from partsjournal import data

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer

_sources: dict[str, bytes] = {}
_renderers: dict[tuple[str, str], QSvgRenderer] = {}
_pixmaps: dict[tuple[str, int, int, int], QPixmap] = {}
_CACHE_LIMIT = 400  # pixmaps; a few dozen icons at two or three sizes, light and dark
_names: list[str] | None = None


def icon_names() -> list[str]:
    """The names of the bundled icons (their file names without ``.svg``), sorted."""
    global _names
    if _names is None:
        _names = data.ui_icon_names()
    return list(_names)


def icon(name: str) -> QIcon:
    """The bundled icon ``name``, drawn in the palette's colours; ``LookupError`` if unknown."""
    if name not in _sources:
        try:
            _sources[name] = data.ui_icon_svg(name)
        except (FileNotFoundError, OSError) as error:
            raise LookupError(f"no interface icon named {name!r}; bundled: "
                              f"{', '.join(icon_names())}") from error
    return QIcon(TintedSvgEngine(name))


def icon_colour(mode: QIcon.Mode, palette: QPalette | None = None) -> QColor:
    """The colour an icon is drawn in for ``mode``, from ``palette`` (the application's)."""
    palette = palette if palette is not None else QGuiApplication.palette()
    if mode is QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode is QIcon.Mode.Selected:
        return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)


def _renderer(name: str, colour: QColor) -> QSvgRenderer:
    from PySide6.QtSvg import QSvgRenderer

    key = (name, colour.name(QColor.NameFormat.HexArgb))
    renderer = _renderers.get(key)
    if renderer is None:
        svg = _sources[name].replace(b"currentColor", colour.name().encode("ascii"))
        renderer = QSvgRenderer(svg)
        if not renderer.isValid():
            raise ValueError(f"interface icon {name!r} is not a valid SVG")
        if len(_renderers) > _CACHE_LIMIT:
            _renderers.clear()
        _renderers[key] = renderer
    return renderer


def render(name: str, size: QSize, colour: QColor, scale: float = 1.0) -> QPixmap:
    """The icon ``name`` at ``size`` (device-independent pixels) in ``colour``, cached."""
    width, height = max(1, round(size.width() * scale)), max(1, round(size.height() * scale))
    key = (name, width, height, colour.rgba())
    pixmap = _pixmaps.get(key)
    if pixmap is None:
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer = _renderer(name, colour)
        if colour.alpha() < 255:
            painter.setOpacity(colour.alphaF())
        side = min(width, height)  # square icons, centred in whatever they are given
        renderer.render(painter, QRect((width - side) // 2, (height - side) // 2, side, side))
        painter.end()
        pixmap = QPixmap.fromImage(image)
        if len(_pixmaps) > _CACHE_LIMIT:
            _pixmaps.clear()
        _pixmaps[key] = pixmap
    result = QPixmap(pixmap)  # a shallow copy: the caller may set its own pixel ratio
    result.setDevicePixelRatio(scale)
    return result


class TintedSvgEngine(QIconEngine):
    """Renders one bundled SVG on demand, in the colour of the palette at paint time."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return render(self._name, size, icon_colour(mode))

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode,  # noqa: N802 - Qt's name
                     state: QIcon.State, scale: float) -> QPixmap:
        return render(self._name, size, icon_colour(mode), max(1.0, scale))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(rect, render(self._name, rect.size(), icon_colour(mode), scale))

    def clone(self) -> QIconEngine:
        return TintedSvgEngine(self._name)

    def key(self) -> str:
        return "partsjournal-tinted-svg"

    def iconName(self) -> str:  # noqa: N802 - Qt's name
        return self._name

    def isNull(self) -> bool:  # noqa: N802 - Qt's name
        return False


class IconLabel(QLabel):
    """A bundled icon on its own (beside a sentence), re-tinted when the palette changes.

    A label keeps the pixmap it was given, so this one renders it again on a palette, style or
    enabled change: a warning triangle stays in the text colour after a switch to dark.
    """

    def __init__(self, name: str, size: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        icon(name)  # fails now, not at the first paint, if ``name`` is not bundled
        self._name, self._size = name, size
        self.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange,
                            QEvent.Type.EnabledChange):
            self._refresh()

    def _refresh(self) -> None:
        from PySide6.QtWidgets import QStyle  # its Python type is slow to make: only when shown

        side = self._size or self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        mode = QIcon.Mode.Normal if self.isEnabled() else QIcon.Mode.Disabled
        self.setPixmap(render(self._name, QSize(side, side), icon_colour(mode, self.palette()),
                              max(1.0, self.devicePixelRatioF())))
