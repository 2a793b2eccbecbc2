"""The outline: a front and a back body side by side, with spots in their parts' colours.

A click on the outline asks to place a spot there (``place_requested``); a click on a spot makes
it the current one. With the keyboard, the arrow keys move the current spot (staying on the
outline; it reads back as the region it lands in), Delete removes it, Tab moves on. The figure
itself is ``data/body/body.svg``, drawn in the palette's colours so it sits calmly in light and
dark. What the outline shows is also in a list view next to it (the readable text); this widget
names itself with the current spot's line for a screen reader.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QByteArray, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from partsjournal.domain.body_map import STEP, BodySpot, Side, nudge, region_at
from partsjournal.ui.body.words import side_label, spot_line, tr

#: A spot's radius by size, as a fraction of one outline's width.
_RADIUS = {1: 0.05, 2: 0.08, 3: 0.12}
_GAP = 24
_LABEL = 22


def _svg(with_edge: bool) -> QSvgRenderer:
    text = resources.files("partsjournal.data").joinpath("body/body.svg").read_bytes()
    if not with_edge:
        text = text.replace(b'stroke-width="5"', b'stroke-width="0"')
    return QSvgRenderer(QByteArray(text))


class BodyMapWidget(QWidget):
    """Front and back outlines with spots; emits what the person asks, stores nothing itself."""

    place_requested = Signal(str, float, float)  # side, x, y
    move_requested = Signal(object)  # the moved BodySpot
    delete_requested = Signal(str)  # spot id
    current_changed = Signal(object)  # spot id or None

    def __init__(self, parent: QWidget | None = None, *, show_names: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("bodyMap")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 220)
        self._show_names = show_names
        self._spots: list[tuple[BodySpot, QColor, str]] = []
        self._current: str | None = None
        self._edge, self._fill = _svg(True), _svg(False)
        self._cache: tuple[QSize, int, QImage] | None = None
        self.setAccessibleName(tr("Body map"))
        self._describe()

    # What is shown -------------------------------------------------------------------------

    def set_spots(self, spots: list[tuple[BodySpot, QColor, str]]) -> None:
        """Show these spots: each with its colour and its part's name (shown if asked)."""
        self._spots = list(spots)
        if self._current not in {s.id for s, _, _ in self._spots}:
            self._current = None
        self._describe()
        self.update()

    def current(self) -> BodySpot | None:
        """The spot the arrow keys move."""
        return next((s for s, _, _ in self._spots if s.id == self._current), None)

    def current_id(self) -> str | None:
        """The current spot's id, or None."""
        return self._current

    def set_current(self, spot_id: str | None) -> None:
        """Make a spot current (from the list), without a signal back."""
        if spot_id != self._current:
            self._current = spot_id
            self._describe()
            self.update()

    def _describe(self) -> None:
        spot = self.current()
        self.setAccessibleDescription(
            tr("Click the outline to place a spot. Arrow keys move the chosen spot, Delete "
               "removes it.") if spot is None else spot_line(spot))

    # Geometry ------------------------------------------------------------------------------

    def outline_rect(self, side: Side) -> QRectF:
        """Where one outline is drawn (its 1:2 box), in widget coordinates."""
        w, h = self.width(), self.height() - _LABEL
        height = max(10.0, min(h - 8.0, (w - _GAP) / 2 * 2 - 8))
        width = height / 2
        left = (w - 2 * width - _GAP) / 2
        x = left if Side(side) is Side.FRONT else left + width + _GAP
        return QRectF(x, 4, width, height)

    def point_of(self, spot: BodySpot) -> QPointF:
        """A spot's centre in widget coordinates."""
        r = self.outline_rect(spot.side)
        return QPointF(r.left() + spot.x * r.width(), r.top() + spot.y * r.height())

    def _at(self, pos: QPointF) -> tuple[Side, float, float] | None:
        for side in Side:
            r = self.outline_rect(side)
            if r.contains(pos):
                return (side, (pos.x() - r.left()) / r.width(), (pos.y() - r.top()) / r.height())
        return None

    # Input ---------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = event.position()
        for spot, _, _ in reversed(self._spots):
            r = self.outline_rect(spot.side).width() * _RADIUS[int(spot.size)]
            d = pos - self.point_of(spot)
            if d.x() ** 2 + d.y() ** 2 <= max(r, 8) ** 2:
                self._current = spot.id
                self._describe()
                self.update()
                self.current_changed.emit(spot.id)
                return
        place = self._at(pos)
        if place is not None and region_at(*place) is not None:
            self.place_requested.emit(place[0].value, place[1], place[2])

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        spot = self.current()
        moves = {Qt.Key.Key_Left: (-STEP, 0.0), Qt.Key.Key_Right: (STEP, 0.0),
                 Qt.Key.Key_Up: (0.0, -STEP / 2), Qt.Key.Key_Down: (0.0, STEP / 2)}
        key = Qt.Key(event.key())
        if spot is not None and key in moves:
            moved = nudge(spot, *moves[key])
            if moved is not None:
                self.move_requested.emit(moved)
            event.accept()
            return
        if spot is not None and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_requested.emit(spot.id)
            event.accept()
            return
        super().keyPressEvent(event)

    # Painting ------------------------------------------------------------------------------

    def _figure(self, size: QSize) -> QImage:
        """The outline in the palette's colours, drawn once per size and palette."""
        key = self.palette().cacheKey()
        if self._cache is not None and self._cache[0] == size and self._cache[1] == key:
            return self._cache[2]
        text = self.palette().color(QPalette.ColorRole.Text)
        base = self.palette().color(QPalette.ColorRole.Base)
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        for renderer, color in ((self._edge, _mix(text, base, 0.45)),
                                (self._fill, _mix(text, base, 0.9))):
            layer = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
            layer.fill(Qt.GlobalColor.transparent)
            p = QPainter(layer)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(p, QRectF(0, 0, size.width(), size.height()))
            p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
            p.fillRect(layer.rect(), color)
            p.end()
            p = QPainter(image)
            p.drawImage(0, 0, layer)
            p.end()
        self._cache = (size, key, image)
        return image

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.Text)
        for side in Side:
            r = self.outline_rect(side)
            p.drawImage(r.topLeft(), self._figure(r.size().toSize()))
            if side is Side.BACK:  # a quiet spine line tells the back from the front
                p.setPen(QPen(_mix(text, self.palette().color(QPalette.ColorRole.Base), 0.6),
                              1.2, Qt.PenStyle.DashLine))
                p.drawLine(QPointF(r.center().x(), r.top() + r.height() * 0.25),
                           QPointF(r.center().x(), r.top() + r.height() * 0.6))
            p.setPen(text)
            p.drawText(QRectF(r.left(), r.bottom() + 2, r.width(), _LABEL),
                       Qt.AlignmentFlag.AlignCenter, side_label(side).capitalize())
        for spot, color, name in self._spots:
            self._paint_spot(p, spot, color, name)
        if self.hasFocus() and self.current() is None:
            p.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 1.5,
                          Qt.PenStyle.DotLine))
            p.drawRect(self.rect().adjusted(1, 1, -2, -2))
        p.end()

    def _paint_spot(self, p: QPainter, spot: BodySpot, color: QColor, name: str) -> None:
        centre = self.point_of(spot)
        radius = self.outline_rect(spot.side).width() * _RADIUS[int(spot.size)]
        fill = QColor(color)
        fill.setAlphaF(0.55)
        p.setBrush(fill)
        p.setPen(QPen(color, 1.5))
        p.drawEllipse(centre, radius, radius)
        if spot.id == self._current:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2.5))
            p.drawEllipse(centre, radius + 4, radius + 4)
        if self._show_names and name:
            p.setPen(self.palette().color(QPalette.ColorRole.Text))
            p.drawText(QPointF(centre.x() + radius + 3, centre.y() + 4), name)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.update()


def _mix(a: QColor, b: QColor, toward_b: float) -> QColor:
    """``a`` moved ``toward_b`` of the way to ``b``."""
    return QColor(round(a.red() + (b.red() - a.red()) * toward_b),
                  round(a.green() + (b.green() - a.green()) * toward_b),
                  round(a.blue() + (b.blue() - a.blue()) * toward_b))
