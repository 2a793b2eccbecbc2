"""The map's canvas — zoom, pan, dragging parts, a line drawn to connect two — and its question.

When the person connects two parts, :class:`RelationDialog` asks how they relate.

Moving is done here rather than by Qt's movable items, so every move — by mouse or by arrow
keys — goes through :meth:`MapCanvas.move_node` and is reported once, when it ends.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QIcon,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGraphicsLineItem,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.model import RelationKind
from partsjournal.domain.words import fill
from partsjournal.ui.common.widgets import named, plain_label
from partsjournal.ui.map.map_scene import MapColors, MapScene, NodeItem, legend_size, paint_legend

ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = 0.12, 3.0, 1.2


def _mnemonic_safe(text: str) -> str:
    """Button texts treat '&' as a shortcut marker; a part's name must show it as typed."""
    return text.replace("&", "&&")


class RelationDialog(QDialog):
    """Asks how two parts relate after the person drew a line from one to the other."""

    def __init__(self, first: str, second: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("How do these parts relate?"))
        metrics = QFontMetrics(self.font())
        a = _mnemonic_safe(metrics.elidedText(first, Qt.TextElideMode.ElideRight, 220))
        b = _mnemonic_safe(metrics.elidedText(second, Qt.TextElideMode.ElideRight, 220))
        intro = plain_label(fill(self.tr("You drew a line from “%1” to “%2”."), first, second))
        intro.setWordWrap(True)
        self.choices: dict[str, tuple[RelationKind, bool]] = {}
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        options = (
            ("protects", self.tr("{a} protects {b}"), RelationKind.PROTECTS, False),
            ("protectedBy", self.tr("{b} protects {a}"), RelationKind.PROTECTS, True),
            ("polarized", self.tr("{a} and {b} are polarized (pulling in opposite ways)"),
             RelationKind.POLARIZED, False),
            ("allied", self.tr("{a} and {b} are allied (working together)"),
             RelationKind.ALLIED, False),
        )
        for key, text, kind, swapped in options:
            button = named(QRadioButton(text.format(a=a, b=b)), f"relation_{key}")
            self.group.addButton(button)
            self.choices[key] = (kind, swapped)
            layout.addWidget(button)
        self.group.buttons()[0].setChecked(True)
        self.note_edit = named(QLineEdit(), "relationNote")
        self.note_edit.setPlaceholderText(self.tr("A note, if you like (optional)"))
        self.note_edit.setAccessibleName(self.tr("Note on the relationship"))
        layout.addWidget(self.note_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Add relationship"))
        ok.setObjectName("addRelation")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choice(self) -> tuple[RelationKind, bool]:
        """The chosen kind, and whether the second part is the protector."""
        checked = self.group.checkedButton()
        assert checked is not None  # an exclusive group that starts with one checked
        return self.choices[checked.objectName().removeprefix("relation_")]


class MapCanvas(QGraphicsView):
    """The view of the scene: zoom, pan, dragging parts, and the drag that connects two parts.

    Moving is done here rather than by Qt's movable items, so every move — by mouse or by
    arrow keys — goes through :meth:`move_node` and is reported once with ``node_moved``.
    """

    node_activated = Signal(str)
    node_moved = Signal(str)
    connect_requested = Signal(str, str)
    current_changed = Signal(str)
    zoomed = Signal()

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.map_scene = scene
        self.connect_mode = False
        self.read_only = False
        self.current: NodeItem | None = None
        self.colors = MapColors.from_palette(self.palette())
        self._drag: tuple[NodeItem, QPointF] | None = None
        self._dragged = False
        self._link_from: NodeItem | None = None
        self._link_line: QGraphicsLineItem | None = None
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # The legend is a picture drawn once per palette, so dragging never repaints it in Python.
        self.legend = named(QLabel(self), "mapLegend")
        self.legend.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.legend.setAccessibleName(self.tr("Legend"))
        self.legend.setAccessibleDescription(self.tr(
            "Colours show a part's role; an arrow means protects, a dashed line with arrowheads "
            "meeting means polarized, a plain line means allied; larger circles appeared more "
            "often in the last 90 days."))

    def draw_legend(self) -> None:
        """Redraw the legend picture for the current palette and font."""
        ratio = self.devicePixelRatioF()
        size = legend_size(self.font())
        pixmap = QPixmap((size * ratio).toSize() + QSize(2, 2))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        paint_legend(painter, QPointF(0.5, 0.5), self.font(), self.colors)
        painter.end()
        self.legend.setPixmap(pixmap)
        self.legend.resize(size.toSize() + QSize(2, 2))
        self.place_legend()

    def place_legend(self) -> None:
        """Keep the legend in the bottom-left corner of the visible area."""
        area = self.viewport().geometry()
        self.legend.move(area.left() + 10, area.bottom() - self.legend.height() - 10)
        self.legend.raise_()

    def node_at(self, pos: QPoint) -> NodeItem | None:
        """The shown part under a viewport position (its circle or its name), if any."""
        for item in self.items(pos):
            while item is not None and not isinstance(item, NodeItem):
                item = item.parentItem()
            if item is not None and item.isVisible():
                return item
        return None

    def set_current(self, node: NodeItem | None) -> None:
        """Choose a part (or none), marking it and its relationships."""
        if node is self.current:
            return
        if self.current is not None and self.current.scene() is self.map_scene:
            self.current.set_current(False)
        self.current = node
        if node is not None:
            node.set_current(True)
        self.current_changed.emit(node.id if node is not None else "")

    def move_node(self, node: NodeItem, point: QPointF) -> None:
        """Move a part (the drag and the arrow keys both come here)."""
        node.move_to(point)

    def zoom_by(self, factor: float) -> None:
        """Zoom in (factor > 1) or out, within sensible limits."""
        current = self.transform().m11()
        factor = max(ZOOM_MIN / current, min(ZOOM_MAX / current, factor))
        self.scale(factor, factor)
        self.zoomed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.place_legend()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP ** steps)
            event.accept()
            return
        super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        node = self.node_at(event.position().toPoint())
        if event.button() != Qt.MouseButton.LeftButton or node is None:
            if event.button() == Qt.MouseButton.LeftButton:
                self.set_current(None)
            super().mousePressEvent(event)
            return
        self.set_current(node)
        scene_pos = self.mapToScene(event.position().toPoint())
        linking = self.connect_mode or event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if linking and not self.read_only:
            self._link_from = node
            self._link_line = QGraphicsLineItem(QLineF(node.pos(), scene_pos))
            self._link_line.setPen(QPen(self.colors.highlight, 2, Qt.PenStyle.DashLine))
            self._link_line.setZValue(5)
            self.map_scene.addItem(self._link_line)
        elif not self.read_only:
            self._drag = (node, node.pos() - scene_pos)
            self._dragged = False
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        scene_pos = self.mapToScene(event.position().toPoint())
        if self._link_from is not None and self._link_line is not None:
            self._link_line.setLine(QLineF(self._link_from.pos(), scene_pos))
        elif self._drag is not None:
            node, offset = self._drag
            self.move_node(node, scene_pos + offset)
            self._dragged = True
        else:
            super().mouseMoveEvent(event)
            return
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._link_from is not None:
            source, self._link_from = self._link_from, None
            if self._link_line is not None:
                self.map_scene.removeItem(self._link_line)
                self._link_line = None
            target = self.node_at(event.position().toPoint())
            if target is not None and target is not source:
                self.connect_requested.emit(source.id, target.id)
        elif self._drag is not None:
            node, _offset = self._drag
            self._drag = None
            self.viewport().unsetCursor()
            if self._dragged:
                self.node_moved.emit(node.id)
        else:
            super().mouseReleaseEvent(event)
            return
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        node = self.node_at(event.position().toPoint())
        if node is not None and event.button() == Qt.MouseButton.LeftButton:
            self.set_current(node)
            self.node_activated.emit(node.id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, node = event.key(), self.current
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                  Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / ZOOM_STEP)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and node is not None:
            self.node_activated.emit(node.id)
        elif key == Qt.Key.Key_Escape and node is not None:
            self.set_current(None)
        elif key in arrows and node is not None and not self.read_only:
            step = 40 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 10
            dx, dy = arrows[Qt.Key(key)]
            self.move_node(node, node.pos() + QPointF(dx * step, dy * step))
            self.ensureVisible(node, 40, 40)
            self.node_moved.emit(node.id)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        # Tab goes from part to part; past the last one, focus leaves the map as usual.
        if self.select_next(1 if next else -1):
            return True
        return super().focusNextPrevChild(next)

    def select_next(self, step: int) -> bool:
        """Choose the next (or previous) shown part; False past either end."""
        shown = [n for n in self.map_scene.nodes.values() if n.isVisible()]
        if self.current in shown:
            index = shown.index(self.current) + step
        else:
            index = 0 if step > 0 else len(shown) - 1
        if not 0 <= index < len(shown):
            self.set_current(None)
            return False
        self.set_current(shown[index])
        self.ensureVisible(shown[index], 60, 60)
        return True


def role_dot(color: QColor, size: int = 12) -> QIcon:
    """A round swatch, like the parts on the map."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(color.darker(135), 1.0))
    painter.setBrush(color)
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    painter.end()
    return QIcon(pixmap)
