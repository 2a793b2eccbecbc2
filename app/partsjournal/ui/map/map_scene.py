"""What the parts map draws: part circles, relationship lines and the legend.

A part's circle is filled with its **role's** colour, and a colour the person gave the part
shows as a dot in the middle. The role is what the map is read for (who protects whom, where
the exiles are), what the role buttons above filter and what the legend names, so it gets the
area the eye finds first; a thin rim in the role's colour around a circle in the part's own
colour was easy to misread as "blue = manager" for a blue-chosen exile. The own colour still
tells the person's parts apart, as on the Parts page.

Names sit under their circle on a backdrop in the map's background colour that is drawn above
every line, and a line ends where it leaves its part's circle and name, so no line runs through
a name.

Names are untrusted text (they may come from a peer's bundle), so they are drawn as plain text
only: :class:`QGraphicsSimpleTextItem` and ``QPainter.drawText`` never interpret markup.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QWidget,
)

from partsjournal.domain.model import RelationKind, Role
from partsjournal.ui.common.theme import ROLE_COLORS, role_color
from partsjournal.ui.common.vocabulary import relation_label, role_label
from partsjournal.ui.map.map_layout import MapEdge, MapNode

#: Circle radius of a part that did not appear lately, and the largest radius.
RADIUS_MIN = 16.0
RADIUS_MAX = 40.0
#: Labels wrap at this width (scene units) and keep at most two lines.
LABEL_WIDTH = 136.0
#: Below this zoom the labels are left out, so 200 parts read as a shape, not as mush.
LABEL_MIN_ZOOM = 0.42

_ROLE_ORDER = (Role.MANAGER, Role.FIREFIGHTER, Role.EXILE, Role.UNKNOWN)
#: The legend's example of a part's own colour (a warm yellow unlike every role colour).
OWN_DOT_SAMPLE = "#f2c14e"


def tr(text: str) -> str:
    """Translate in the map's context."""
    return QCoreApplication.translate("MapView", text)


def node_radius(count: int) -> float:
    """Bigger for parts that showed up more often, growing slower as counts get large."""
    return min(RADIUS_MAX, RADIUS_MIN + 4.0 * math.sqrt(max(0, count)))


@dataclass(frozen=True)
class MapColors:
    """The palette colours the map uses, so it follows light and dark themes."""

    background: QColor
    text: QColor
    halo: QColor
    edge: QColor
    highlight: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> MapColors:
        """Derive the map's colours from a widget palette."""
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        halo = QColor(base)  # opaque: a line passing under a name must not show through
        edge = QColor(round(text.red() * 0.55 + base.red() * 0.45),
                      round(text.green() * 0.55 + base.green() * 0.45),
                      round(text.blue() * 0.55 + base.blue() * 0.45))
        return cls(base, text, halo, edge, palette.color(QPalette.ColorRole.Highlight))


# Items -------------------------------------------------------------------------------------
# Only Qt's own items are used, with no Python paint() or itemChange() overrides: Qt paints them
# without calling into Python, which keeps repaints fast and avoids a PySide6 6.12 defect on
# Python 3.11 where each Python-side Qt call with no result loses a reference to None.

class NodeItem(QGraphicsEllipseItem):
    """A part: a circle in its role's colour, its own colour as a dot inside, its name below."""

    def __init__(self, node: MapNode, font: QFont) -> None:
        radius = node_radius(node.count)
        super().__init__(-radius, -radius, 2 * radius, 2 * radius)
        self.node = node
        self.radius = radius
        self.edges: list[EdgeItem] = []
        fill = role_color(node.role)
        self.setBrush(fill)
        self.setPen(QPen(fill.darker(135), 1.2))
        self.setZValue(2)
        #: The part's own colour, as a dot in the middle (None when it has none of its own).
        self.own_dot: QGraphicsEllipseItem | None = None
        if node.color and QColor(node.color).isValid() and QColor(node.color) != fill:
            r = round(radius * 0.46, 1)
            self.own_dot = QGraphicsEllipseItem(-r, -r, 2 * r, 2 * r, self)
            self.own_dot.setBrush(QColor(node.color))
        if node.archived:
            self.setOpacity(0.55)
            self.archived_ring = QGraphicsEllipseItem(-radius - 4, -radius - 4,
                                                      2 * radius + 8, 2 * radius + 8, self)
            self.archived_ring.setBrush(Qt.BrushStyle.NoBrush)
        self.current_ring: QGraphicsEllipseItem | None = None  # made when first chosen
        self._colors: MapColors | None = None
        self.halo = QGraphicsPathItem(self)
        self.halo.setPen(Qt.PenStyle.NoPen)
        # One plain-text item per line, each centred under the circle.
        self.labels: list[QGraphicsSimpleTextItem] = []
        area = QRectF()
        top = radius + 5
        for line in wrap_name(node.name, font):
            item = QGraphicsSimpleTextItem(line, self)
            item.setFont(font)
            rect = item.boundingRect()
            item.setPos(-rect.width() / 2, top)
            top += rect.height()
            area = area.united(item.mapRectToParent(rect))
            self.labels.append(item)
        #: Where the name and its backdrop are, around the circle's centre.
        self.label_area = area.adjusted(-4, -1, 4, 1)
        self.labels_shown = True
        halo = QPainterPath()
        halo.addRoundedRect(self.label_area, 4, 4)
        self.halo.setPath(halo)

    @property
    def id(self) -> str:
        """The part's id."""
        return self.node.id

    def shown_name(self) -> str:
        """The name as drawn: up to two lines, the second elided if the name is long."""
        return "\n".join(item.text() for item in self.labels)

    def apply_colors(self, colors: MapColors) -> None:
        """Take the palette's colours for the name, its halo and the rings."""
        self._colors = colors
        for item in self.labels:
            item.setBrush(colors.text)
        self.halo.setBrush(colors.halo)
        if self.own_dot is not None:
            self.own_dot.setPen(QPen(colors.background, 1.5))
        if self.current_ring is not None:
            self.current_ring.setPen(QPen(colors.highlight, 2.5))
        if self.node.archived:
            self.archived_ring.setPen(QPen(colors.text, 1.2, Qt.PenStyle.DashLine))

    def set_label_shown(self, shown: bool) -> None:
        """Show or leave out the name (left out when zoomed far out)."""
        self.labels_shown = shown
        for item in self.labels:
            item.setVisible(shown)
        self.halo.setVisible(shown)

    def covers(self, point: QPointF, gap: float) -> bool:
        """Whether ``point`` (scene) is within ``gap`` of this circle or of its shown name."""
        centre = self.pos()
        if QLineF(centre, point).length() < self.radius + gap:
            return True
        return self.labels_shown and self.label_area.translated(centre).adjusted(
            -gap, -gap, gap, gap).contains(point)

    def set_current(self, current: bool) -> None:
        """Mark this part as the one chosen, and bring out its relationships."""
        if self.current_ring is None:
            r = self.radius + 5
            self.current_ring = QGraphicsEllipseItem(-r, -r, 2 * r, 2 * r, self)
            self.current_ring.setBrush(Qt.BrushStyle.NoBrush)
            if self._colors is not None:
                self.current_ring.setPen(QPen(self._colors.highlight, 2.5))
        self.current_ring.setVisible(current)
        self.setZValue(3 if current else 2)
        for edge in self.edges:
            edge.set_emphasised(current)

    def move_to(self, point: QPointF) -> None:
        """Move the part and redraw its relationship lines."""
        self.setPos(point)
        for edge in self.edges:
            edge.adjust()


def wrap_name(text: str, font: QFont) -> list[str]:
    """``text`` in at most two lines of :data:`LABEL_WIDTH`, the second elided if too long."""
    metrics = QFontMetricsF(font)
    words = text.split() or [text]
    first, rest = words[0], 1
    while rest < len(words) and \
            metrics.horizontalAdvance(f"{first} {words[rest]}") <= LABEL_WIDTH:
        first = f"{first} {words[rest]}"
        rest += 1
    lines = [first] + ([" ".join(words[rest:])] if rest < len(words) else [])
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, LABEL_WIDTH)
            for line in lines]


class EdgeItem(QGraphicsPathItem):
    """A relationship line in its kind's style.

    'protects' is an arrow toward the protected part, 'polarized' a dashed line with two
    arrowheads meeting in the middle, 'allied' a plain line.
    """

    def __init__(self, edge: MapEdge, source: NodeItem, target: NodeItem, bend: float,
                 others: dict[str, NodeItem] | None = None) -> None:
        super().__init__()
        self.edge = edge
        self.source = source
        self.target = target
        self.bend = bend
        self.others = others or {}
        self.emphasised = False
        self.colors: MapColors | None = None
        heads = {RelationKind.PROTECTS: 1, RelationKind.POLARIZED: 2}.get(edge.kind, 0)
        self.heads = [QGraphicsPolygonItem(self) for _ in range(heads)]
        self.setZValue(0)
        source.edges.append(self)
        target.edges.append(self)
        self.adjust()

    def apply_colors(self, colors: MapColors) -> None:
        """Take the palette's colours."""
        self.colors = colors
        self._style()

    def set_emphasised(self, emphasised: bool) -> None:
        """Draw stronger, in the highlight colour, while one of its parts is chosen."""
        self.emphasised = emphasised
        self._style()

    def _style(self) -> None:
        if self.colors is None:
            return
        color = self.colors.highlight if self.emphasised else self.colors.edge
        self.setPen(relation_pen(self.edge.kind, color, 2.4 if self.emphasised else 1.6))
        for head in self.heads:
            head.setPen(QPen(color, 1.0))
            head.setBrush(color)
        self.setZValue(1 if self.emphasised else 0)

    def adjust(self) -> None:
        """Recompute the line after either end moved: from outline to outline, around names."""
        a, b = self.source.pos(), self.target.pos()
        length = QLineF(a, b).length()
        path = QPainterPath()
        if length < self.source.radius + self.target.radius + 4:
            self._set_path(path)
            return
        nx, ny = -(b.y() - a.y()) / length, (b.x() - a.x()) / length
        bend = self.bend or self._detour(a, b, length, nx, ny)
        mid = QPointF((a.x() + b.x()) / 2 + nx * bend, (a.y() + b.y()) / 2 + ny * bend)
        curve = (a, mid, b)
        first = _leave(self.source, curve, 3.0, forward=True)
        last = _leave(self.target, curve, 6.0 if self.heads else 3.0, forward=False)
        if last - first < 0.02:
            self._set_path(path)
            return
        # The part of the curve between the two ends, itself a quadratic curve.
        path.moveTo(_blossom(curve, first, first))
        path.quadTo(_blossom(curve, first, last), _blossom(curve, last, last))
        self._set_path(path)

    def _set_path(self, path: QPainterPath) -> None:
        self.setPath(path)
        if path.isEmpty():
            for head in self.heads:
                head.setPolygon(QPolygonF())
        elif self.edge.kind is RelationKind.PROTECTS:
            self.heads[0].setPolygon(arrowhead(path.pointAtPercent(1.0),
                                               path.angleAtPercent(1.0), 11.0))
        elif self.edge.kind is RelationKind.POLARIZED:
            centre, angle = path.pointAtPercent(0.5), path.angleAtPercent(0.5)
            forward = QLineF.fromPolar(6.0, angle).p2()
            self.heads[0].setPolygon(arrowhead(centre - forward, angle, 10.0))
            self.heads[1].setPolygon(arrowhead(centre + forward, angle + 180.0, 10.0))

    def _detour(self, a: QPointF, b: QPointF, length: float, nx: float, ny: float) -> float:
        """A bend that takes a straight line around the part it would cross, if any.

        A line through a third part would read as two relationships that are not there.
        """
        ax, ay, bx, by = a.x(), a.y(), b.x(), b.y()
        ux, uy = (bx - ax) / length, (by - ay) / length
        # Only a part inside the line's box (grown by the widest clearance) can be crossed;
        # the cheap test first keeps a 200-part map quick to lay out.
        reach = RADIUS_MAX + 14
        left, right = min(ax, bx) - reach, max(ax, bx) + reach
        top, bottom = min(ay, by) - reach, max(ay, by) + reach
        worst, bend = 0.0, 0.0
        for other in self.others.values():
            o = other.pos()
            ox, oy = o.x(), o.y()
            if not (left < ox < right and top < oy < bottom):
                continue
            if other is self.source or other is self.target or not other.isVisible():
                continue
            along = (ox - ax) * ux + (oy - ay) * uy
            if not 0.1 * length < along < 0.9 * length:
                continue
            side = (ox - ax) * nx + (oy - ay) * ny
            clearance = other.radius + 14 - abs(side)
            if clearance > worst:
                t = along / length
                # The curve's offset at t is 2t(1-t) times the bend: bow away from the part.
                needed = (clearance + 6) / (2 * t * (1 - t))
                worst, bend = clearance, -math.copysign(min(needed, 0.6 * length), side or 1.0)
        return bend


_Curve = tuple[QPointF, QPointF, QPointF]


def _blossom(curve: _Curve, u: float, v: float) -> QPointF:
    """The quadratic curve's blossom: its point at t for (t, t).

    For (t0, t1) it is the control point of the piece of the curve from t0 to t1.
    """
    p0, p1, p2 = curve
    return p0 * ((1 - u) * (1 - v)) + p1 * ((1 - u) * v + u * (1 - v)) + p2 * (u * v)


def _leave(node: NodeItem, curve: _Curve, gap: float, *, forward: bool) -> float:
    """Where (as t along ``curve``) the line leaves ``node``'s circle and name, ``gap`` clear.

    Walks from the node's end of the curve in small steps, then narrows the step down.
    """
    def covered(t: float) -> bool:
        return node.covers(_blossom(curve, t, t) if forward else
                           _blossom(curve, 1 - t, 1 - t), gap)

    inside, t = 0.0, 0.02
    while t < 0.5 and covered(t):
        inside, t = t, t + 0.02
    t = min(t, 0.5)
    for _ in range(7):
        middle = (inside + t) / 2
        inside, t = (middle, t) if covered(middle) else (inside, middle)
    return t if forward else 1 - t


def arrowhead(tip: QPointF, angle: float, size: float) -> QPolygonF:
    """A triangle pointing along ``angle`` (degrees, counter-clockwise as QLineF counts)."""
    return QPolygonF([tip, tip + QLineF.fromPolar(size, angle + 156.0).p2(),
                      tip + QLineF.fromPolar(size, angle + 204.0).p2()])


def relation_pen(kind: RelationKind, color: QColor, width: float) -> QPen:
    """The line style of a relationship kind (the map and the legend share it)."""
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    if kind is RelationKind.POLARIZED:
        pen.setDashPattern([4.0, 3.0])
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


# The scene ---------------------------------------------------------------------------------

class MapScene(QGraphicsScene):
    """Holds the items of one map and knows how to filter and recolour them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nodes: dict[str, NodeItem] = {}
        self.edges: list[EdgeItem] = []
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)

    def build(self, nodes: list[MapNode], edges: list[MapEdge],
              positions: dict[str, QPointF], font: QFont, colors: MapColors,
              labels_shown: bool = True) -> None:
        """Replace everything with these parts and relationships.

        ``labels_shown`` is decided before the lines are drawn, so each line is laid out once.
        """
        self.clear()
        self.nodes = {}
        self.edges = []
        for node in nodes:
            item = NodeItem(node, font)
            item.setPos(positions.get(node.id, QPointF(0, 0)))
            item.apply_colors(colors)
            item.set_label_shown(labels_shown)
            self.addItem(item)
            self.nodes[node.id] = item
        pair_counts: dict[frozenset[str], int] = {}
        for edge in edges:
            source, target = self.nodes.get(edge.source), self.nodes.get(edge.target)
            if source is None or target is None or source is target:
                continue
            key = frozenset((edge.source, edge.target))
            index = pair_counts.get(key, 0)
            pair_counts[key] = index + 1
            # More relationships between the same two parts curve apart instead of overlapping.
            bend = 0.0 if index == 0 else 28.0 * ((index + 1) // 2) * (1 if index % 2 else -1)
            if edge.source > edge.target:
                bend = -bend
            item_edge = EdgeItem(edge, source, target, bend, self.nodes)
            item_edge.apply_colors(colors)
            self.addItem(item_edge)
            self.edges.append(item_edge)
        self.setBackgroundBrush(colors.background)

    def apply_colors(self, colors: MapColors) -> None:
        """Recolour for a new palette."""
        self.setBackgroundBrush(colors.background)
        for node in self.nodes.values():
            node.apply_colors(colors)
        for edge in self.edges:
            edge.apply_colors(colors)

    def set_labels_shown(self, shown: bool) -> None:
        """Show or leave out every name (lines then end at the circles, or below the names)."""
        changed = False
        for node in self.nodes.values():
            changed = changed or node.labels_shown != shown
            node.set_label_shown(shown)
        if changed:
            for edge in self.edges:
                edge.adjust()

    def filter(self, roles: set[Role], show_archived: bool) -> int:
        """Show only parts of these roles (and archived ones if asked); returns how many show."""
        shown = 0
        for item in self.nodes.values():
            visible = item.node.role in roles and (show_archived or not item.node.archived)
            item.setVisible(visible)
            shown += visible
        for edge in self.edges:
            edge.setVisible(edge.source.isVisible() and edge.target.isVisible())
        return shown

    def visible_rect(self) -> QRectF:
        """The area the shown parts and their names cover."""
        rect = QRectF()
        for item in self.nodes.values():
            if item.isVisible():
                rect = rect.united(item.sceneBoundingRect())
                rect = rect.united(item.halo.sceneBoundingRect())
        return rect


# Legend ------------------------------------------------------------------------------------

def legend_size(font: QFont) -> QSizeF:
    """How much room :func:`paint_legend` needs."""
    metrics = QFontMetricsF(font)
    texts = [role_label(r) for r in _ROLE_ORDER] + [relation_label(k) for k in RelationKind]
    texts += [own_colour_text(), tr("Larger circle: appeared more often"),
              tr("in the last 90 days")]
    width = max(metrics.horizontalAdvance(t) for t in texts) + 56
    line = metrics.height() + 5
    return QSizeF(max(width, 170.0), 16 + line * (len(_ROLE_ORDER) + 1 + 3 + 2) + 10)


def own_colour_text() -> str:
    """The legend's line for the dot inside a circle."""
    return tr("Dot inside: the part's own colour")


def paint_legend(painter: QPainter, origin: QPointF, font: QFont, colors: MapColors) -> QRectF:
    """Draw the legend (roles, line styles, what size means) on a card at ``origin``."""
    size = legend_size(font)
    rect = QRectF(origin, size)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    card = QColor(colors.background)
    card.setAlpha(235)
    border = QColor(colors.edge)
    border.setAlpha(120)
    painter.setPen(QPen(border, 1.0))
    painter.setBrush(card)
    painter.drawRoundedRect(rect, 6, 6)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    line = metrics.height() + 5
    x, y = rect.left() + 12, rect.top() + 10
    text_x = x + 40
    for role in _ROLE_ORDER:
        centre = QPointF(x + 16, y + line / 2 - 2)
        fill = QColor(ROLE_COLORS[role])
        painter.setPen(QPen(fill.darker(135), 1.0))
        painter.setBrush(fill)
        painter.drawEllipse(centre, 6.5, 6.5)
        painter.setPen(colors.text)
        painter.drawText(QPointF(text_x, y + metrics.ascent()), role_label(role))
        y += line
    # A circle with the dot a part's own colour makes (an outline: any role may have one).
    centre = QPointF(x + 16, y + line / 2 - 2)
    painter.setPen(QPen(colors.edge, 1.2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(centre, 6.5, 6.5)
    painter.setPen(QPen(colors.background, 1.0))
    painter.setBrush(QColor(OWN_DOT_SAMPLE))
    painter.drawEllipse(centre, 3.5, 3.5)
    painter.setPen(colors.text)
    painter.drawText(QPointF(text_x, y + metrics.ascent()), own_colour_text())
    y += line
    y += 4
    for kind in (RelationKind.PROTECTS, RelationKind.POLARIZED, RelationKind.ALLIED):
        mid_y = y + line / 2 - 2
        path = QPainterPath(QPointF(x, mid_y))
        path.lineTo(QPointF(x + 30, mid_y))
        heads: list[QPolygonF] = []
        if kind is RelationKind.PROTECTS:
            heads.append(arrowhead(QPointF(x + 32, mid_y), 0.0, 9.0))
        elif kind is RelationKind.POLARIZED:
            heads.append(arrowhead(QPointF(x + 13, mid_y), 0.0, 8.0))
            heads.append(arrowhead(QPointF(x + 19, mid_y), 180.0, 8.0))
        painter.setPen(relation_pen(kind, colors.edge, 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(QPen(colors.edge, 1.0))
        painter.setBrush(colors.edge)
        for head in heads:
            painter.drawPolygon(head)
        painter.setPen(colors.text)
        painter.drawText(QPointF(text_x, y + metrics.ascent()), relation_label(kind))
        y += line
    y += 4
    painter.setPen(QPen(colors.edge, 1.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(QPointF(x + 8, y + line / 2), 4, 4)
    painter.drawEllipse(QPointF(x + 24, y + line / 2), 8, 8)
    painter.setPen(colors.text)
    painter.drawText(QPointF(text_x, y + metrics.ascent()),
                     tr("Larger circle: appeared more often"))
    y += line
    painter.drawText(QPointF(text_x, y + metrics.ascent()), tr("in the last 90 days"))
    painter.restore()
    return rect
