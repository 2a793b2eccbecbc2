"""The Map screen: parts and their relationships as a picture you can arrange, zoom and export.

Dragging a part moves it (its place is saved in the vault shortly after, and at once on
:meth:`MapView.flush`); dragging from one part to another with Shift held, or in Connect mode,
asks how the two relate and stores that. A peer's shared parts can be shown as their own map,
read-only. Exported pictures leave the encrypted vault, and the save dialog says so.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGraphicsView,
    QHBoxLayout,
    QMessageBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.model import Relation, Role, utc_now
from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.ui.common.changes import Change, Changes
from partsjournal.ui.common.folders import FileKind, remember, start_in
from partsjournal.ui.common.messages import show_error
from partsjournal.ui.common.operation import perform
from partsjournal.ui.common.plain_text import set_tooltip
from partsjournal.ui.common.theme import role_color
from partsjournal.ui.common.vocabulary import role_group_label
from partsjournal.ui.common.widgets import named, plain_label
from partsjournal.ui.map.map_canvas import ZOOM_MIN, ZOOM_STEP, MapCanvas, RelationDialog, role_dot
from partsjournal.ui.map.map_empty import MapEmptyState
from partsjournal.ui.map.map_export import write_picture
from partsjournal.ui.map.map_layout import MapEdge, MapNode, auto_layout
from partsjournal.ui.map.map_scene import LABEL_MIN_ZOOM, MapColors, MapScene
from partsjournal.vault import Vault

#: How long after the last drag the positions are written.
SAVE_MS = 700
#: How far back "how often a part appeared" looks.
RECENT_DAYS = 90
#: Fitting never enlarges beyond this, so one part does not fill the screen.
FIT_MAX = 1.15
_ROLES = (Role.MANAGER, Role.FIREFIGHTER, Role.EXILE, Role.UNKNOWN)



class MapView(QWidget):
    """Parts and relationships as a map the person arranges; a peer's parts, read-only."""

    #: The person asked to open one of their own parts (its id).
    open_part = Signal(str)
    #: The person asked to open a received part (its id) on a peer's map.
    open_received_part = Signal(str)
    #: A relationship was added here, so other views showing relationships can refresh.
    #: What this page stored (a Changes value for the change bus).
    announced = Signal(object)
    #: A short message for the status bar.
    status = Signal(str)
    #: The person asked to add a part (from the empty map), as File ▸ New part does.
    part_requested = Signal()

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._peer_id: str | None = None
        self._pending: dict[str, tuple[float, float]] = {}
        self._fit_pending = True
        self._has_parts = False
        self._peer_name = ""
        self._save_timer = named(QTimer(self), "mapSaveTimer")
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_MS)
        self._save_timer.timeout.connect(self._save_from_timer)

        self.scene = MapScene(self)
        self.canvas = named(MapCanvas(self.scene), "mapCanvas")
        self.canvas.setAccessibleName(self.tr("Map of your parts"))
        self.canvas.setAccessibleDescription(self.tr(
            "Drag a part to move it; Shift and drag from one part to another to say how they "
            "relate; double-click or press Enter to open a part; Tab moves between parts; "
            "arrow keys move the chosen part; plus and minus zoom."))
        self.canvas.node_activated.connect(self._activated)
        self.canvas.connect_requested.connect(self._connect)
        self.canvas.node_moved.connect(self._node_moved)
        self.canvas.current_changed.connect(self._current_changed)
        self.canvas.zoomed.connect(self._zoomed)

        self.empty_state = named(MapEmptyState(), "mapEmptyState")
        self.empty_state.part_requested.connect(self.part_requested)
        self.empty_label = self.empty_state.label
        self.stack = QStackedWidget()
        self.stack.addWidget(self.canvas)
        self.stack.addWidget(self.empty_state)

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_toolbar())
        self.note_label = named(plain_label(), "mapNote")
        self.note_label.setWordWrap(True)
        layout.addWidget(self.note_label)
        layout.addWidget(self.stack, 1)
        # Built when first shown: laying out hundreds of parts is work a person who never opens
        # the map should not wait for at unlock (benchmarks: 0.66 s for 500 parts).
        self._loaded = False

    # Building ------------------------------------------------------------------------------

    def _tool(self, text: str, name: str, accessible: str, tip: str = "") -> QToolButton:
        button = named(QToolButton(), name)
        button.setText(text)
        button.setAccessibleName(accessible)
        set_tooltip(button, tip or accessible)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return button

    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.whose = named(QComboBox(), "mapWhose")
        self.whose.setAccessibleName(self.tr("Whose parts the map shows"))
        self.whose.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.whose.activated.connect(self._whose_chosen)
        bar.addWidget(self.whose)

        self.role_buttons: dict[Role, QToolButton] = {}
        for role in _ROLES:
            label = role_group_label(role)
            button = self._tool(label, f"mapRole_{role.value}",
                                fill(self.tr("Show %1"), label))
            button.setCheckable(True)
            button.setChecked(True)
            button.setIcon(role_dot(role_color(role)))
            button.toggled.connect(self._apply_filter)
            self.role_buttons[role] = button
            bar.addWidget(button)
        self.archived_check = named(QCheckBox(self.tr("Show archived")), "mapShowArchived")
        self.archived_check.setAccessibleName(self.tr("Show archived parts"))
        self.archived_check.toggled.connect(self._apply_filter)
        bar.addWidget(self.archived_check)
        bar.addStretch(1)

        self.connect_button = self._tool(
            self.tr("Connect"), "mapConnect", self.tr("Connect parts"),
            self.tr("Drag from one part to another to say how they relate "
                    "(or hold Shift while dragging)"))
        self.connect_button.setCheckable(True)
        self.connect_button.toggled.connect(self._set_connect_mode)
        self.arrange_button = self._tool(self.tr("Arrange"), "mapArrange",
                                         self.tr("Arrange the parts automatically"))
        self.arrange_button.clicked.connect(self.arrange)
        self.zoom_out_button = self._tool("−", "mapZoomOut", self.tr("Zoom out"))
        self.zoom_out_button.clicked.connect(lambda: self.canvas.zoom_by(1 / ZOOM_STEP))
        self.zoom_in_button = self._tool("+", "mapZoomIn", self.tr("Zoom in"))
        self.zoom_in_button.clicked.connect(lambda: self.canvas.zoom_by(ZOOM_STEP))
        self.fit_button = self._tool(self.tr("Fit"), "mapFit",
                                     self.tr("Fit the whole map in view"))
        self.fit_button.clicked.connect(self.fit)
        self.export_button = self._tool(self.tr("Export…"), "mapExport",
                                        self.tr("Export the map as a PNG or SVG picture"))
        self.export_button.clicked.connect(self.export_dialog)
        for button in (self.connect_button, self.arrange_button, self.zoom_out_button,
                       self.zoom_in_button, self.fit_button, self.export_button):
            bar.addWidget(button)
        return bar

    # Loading -------------------------------------------------------------------------------

    @property
    def peer_id(self) -> str | None:
        """Whose received parts are shown; None for one's own parts."""
        return self._peer_id

    def show_peer(self, peer_id: str | None) -> None:
        """Show a peer's received parts (read-only), or one's own parts with None."""
        if peer_id != self._peer_id:
            self.flush()
            self._peer_id = peer_id
            self._fit_pending = True
        self.reload()

    def on_changes(self, changes: Changes) -> None:
        """Parts, relationships or entries changed elsewhere: redraw, if the map was drawn."""
        if self._loaded and not changes.made_by(self) and changes.touches(
                Change.PARTS, Change.RELATIONS, Change.ENTRIES, Change.PEERS):
            self.reload()

    def reload(self) -> None:
        """Read parts, relationships and recent appearances again and redraw the map."""
        self._loaded = True
        self.flush()
        self._fill_whose()
        read_only = self._peer_id is not None
        nodes, edges, saved = self._read(self._peer_id) if not read_only or \
            self._peer_exists() else ([], [], {})
        # Parts keep where they are on screen, so adding a relationship moves nothing.
        if not self._fit_pending:
            for pid, item in self.scene.nodes.items():
                saved.setdefault(pid, item.pos())
        positions = self._positions(nodes, edges, saved)
        colors = MapColors.from_palette(self.palette())
        current = self.canvas.current.id if self.canvas.current is not None else ""
        self.canvas.current = None
        self._has_parts = bool(nodes)
        self.scene.build(nodes, edges, positions, self.font(), colors,
                         labels_shown=self.zoom() >= LABEL_MIN_ZOOM)
        self.canvas.read_only = read_only
        self.canvas.colors = colors
        self.canvas.draw_legend()
        self.canvas.set_current(self.scene.nodes.get(current))
        self._zoomed()
        for widget in (self.connect_button, self.arrange_button, self.archived_check):
            widget.setEnabled(not read_only and self._has_parts)
        if read_only:
            self.connect_button.setChecked(False)
        self.canvas.setAccessibleName(self.tr("Map of your parts") if not read_only
                                      else self.tr("Map of a peer's parts, read-only"))
        self._apply_filter()
        if self._fit_pending and self.isVisible():
            self.fit()

    def clear(self) -> None:
        """Hold no names any more (used when locking, before the window is destroyed)."""
        self.flush()
        self._pending.clear()
        self.canvas.current = None
        self.scene.build([], [], {}, self.font(), MapColors.from_palette(self.palette()))
        self.whose.clear()
        self.note_label.clear()
        self.canvas.setAccessibleDescription("")
        self._fit_pending = True

    def _peer_exists(self) -> bool:
        return any(p.id == self._peer_id for p in self._vault.peers.list())

    def _read(self, peer_id: str | None
              ) -> tuple[list[MapNode], list[MapEdge], dict[str, QPointF]]:
        since = utc_now() - timedelta(days=RECENT_DAYS)
        if peer_id is None:
            counts = self._vault.appearance_counts(since)
            nodes = [MapNode(p.id, p.name, p.role, p.color, counts.get(p.id, 0), p.archived)
                     for p in self._vault.parts.list(include_archived=True)]
            edges = [MapEdge(r.id, r.kind, r.from_part_id, r.to_part_id)
                     for r in self._vault.relations.list()]
            saved = {pid: QPointF(x, y) for pid, (x, y) in self._vault.parts.positions().items()}
            return nodes, edges, saved
        counts = self._vault.appearance_counts(since, received=True)
        nodes = []
        for part in self._vault.received.list(peer_id):
            color = part.fields.get("color")
            nodes.append(MapNode(part.id, part.name, part.role or Role.UNKNOWN,
                                 color if isinstance(color, str) and
                                 QColor.isValidColorName(color) else "",
                                 counts.get(part.id, 0)))
        edges = [MapEdge(r.id, r.kind, r.from_received_id, r.to_received_id)
                 for r in self._vault.received.relations(peer_id)]
        return nodes, edges, {}

    @staticmethod
    def _positions(nodes: list[MapNode], edges: list[MapEdge],
                   saved: dict[str, QPointF]) -> dict[str, QPointF]:
        """Saved places where the person put parts; the automatic layout for the rest."""
        auto = {pid: QPointF(x, y) for pid, (x, y) in auto_layout(nodes, edges).items()}
        positions = {n.id: saved[n.id] for n in nodes if n.id in saved}
        taken = list(positions.values())
        for node in nodes:
            if node.id in positions:
                continue
            point = auto.get(node.id, QPointF(0, 0))
            # New parts among ones already arranged by hand: step outward until there is room.
            length = (point.x() ** 2 + point.y() ** 2) ** 0.5
            step = QPointF(0, 60) if length < 1 else point * (60 / length)
            for _ in range(40):
                if all((point - other).manhattanLength() > 110 for other in taken):
                    break
                point += step
            positions[node.id] = point
            taken.append(point)
        return positions

    def _fill_whose(self) -> None:
        self.whose.blockSignals(True)
        self.whose.clear()
        self.whose.addItem(self.tr("My parts"), None)
        self._peer_name = ""
        for peer in self._vault.peers.list():
            self.whose.addItem(fill(self.tr("Shared by %1"), peer.name), peer.id)
            if peer.id == self._peer_id:
                self._peer_name = peer.name
        index = self.whose.findData(self._peer_id)
        self.whose.setCurrentIndex(max(0, index))
        self.whose.setVisible(self.whose.count() > 1)
        self.whose.blockSignals(False)

    def _whose_chosen(self, index: int) -> None:
        self.show_peer(self.whose.itemData(index))

    # Filtering, zoom, fit -----------------------------------------------------------------

    def visible_roles(self) -> set[Role]:
        """The roles whose buttons are on."""
        return {role for role, button in self.role_buttons.items() if button.isChecked()}

    def _apply_filter(self) -> None:
        show_archived = self.archived_check.isChecked() and self._peer_id is None
        shown = self.scene.filter(self.visible_roles(), show_archived)
        total = sum(1 for n in self.scene.nodes.values() if show_archived or not n.node.archived)
        if not self._has_parts:
            self.empty_state.show_sentence(self._empty_sentence(),
                                           can_add=self._peer_id is None)
            self.stack.setCurrentWidget(self.empty_state)
            self.note_label.setText("")
        else:
            self.stack.setCurrentWidget(self.canvas)
            self.note_label.setText(self._note(shown, total))
        self.note_label.setVisible(bool(self.note_label.text()))
        for widget in (*self.role_buttons.values(), self.zoom_in_button, self.zoom_out_button,
                       self.fit_button):
            widget.setEnabled(self._has_parts)
        own = self._peer_id is None
        self.archived_check.setEnabled(self._has_parts and own)
        # What a peer shared stays inside the journal: their map is not exported.
        self.export_button.setEnabled(self._has_parts and own)
        set_tooltip(
            self.export_button,
            self.tr("Export the map as a PNG or SVG picture") if own
            else self.tr("A peer's parts stay inside your journal, so their map can't be "
                         "exported."))

    def _empty_sentence(self) -> str:
        if self._peer_id is not None:
            return self.tr("This peer hasn't shared any parts with you yet. When you import a "
                           "bundle from them, their parts appear here as their own map.")
        return self.tr("Your map is empty for now. Each part you add appears here as a "
                       "circle you can move, and you can draw lines for how parts relate.")

    def _note(self, shown: int, total: int) -> str:
        parts: list[str] = []
        if self._peer_id is not None:
            parts.append(fill(self.tr("The parts %1 shared with you, as they shared them. This "
                                      "map is read-only."), self._peer_name))
        if shown == 0:
            parts.append(self.tr("No parts match the roles chosen above."))
        elif shown < total:
            parts.append(fill(self.tr("Showing %1 of %2 parts."), shown, total))
        return "  ".join(parts)

    def fit(self) -> None:
        """Show all shown parts, leaving room for the legend, without enlarging past 115 %."""
        rect = self.scene.visible_rect()
        viewport = self.canvas.viewport().size()
        self._fit_pending = not self.isVisible() or viewport.width() < 50
        if rect.isNull():
            self.canvas.resetTransform()
            self.canvas.centerOn(0, 0)
            return
        rect = rect.adjusted(-30, -30, 30, 30)
        legend = self.canvas.legend.width() + 20
        room_w = max(100, viewport.width() - legend)
        scale = min(room_w / rect.width(), viewport.height() / rect.height(), FIT_MAX)
        scale = max(ZOOM_MIN, scale)
        self.canvas.resetTransform()
        self.canvas.scale(scale, scale)
        self.canvas.centerOn(rect.center() - QPointF(legend / 2 / scale, 0))
        self.canvas.zoomed.emit()

    def zoom(self) -> float:
        """The current zoom factor (1.0 is 100 %)."""
        return self.canvas.transform().m11()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.reload()
        if self._fit_pending:
            QTimer.singleShot(0, self, self.fit)  # dropped if the view is gone by then

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            colors = MapColors.from_palette(self.palette())
            self.scene.apply_colors(colors)
            self.canvas.colors = colors
            self.canvas.draw_legend()
        elif event.type() == QEvent.Type.FontChange:
            self.canvas.draw_legend()

    # Arranging -----------------------------------------------------------------------------

    def _node_moved(self, node_id: str) -> None:
        node = self.scene.nodes.get(node_id)
        if self._peer_id is not None or node is None:
            return
        self._pending[node_id] = (round(node.pos().x(), 1), round(node.pos().y(), 1))
        self._save_timer.start()

    def _save_from_timer(self) -> None:
        self.flush(report=True)

    def unsaved_positions(self) -> dict[str, tuple[float, float]]:
        """Places of parts moved on the map and not yet stored."""
        return dict(self._pending)

    def flush(self, *, report: bool = False) -> bool:
        """Save moved positions now; False if they could not be saved (they stay pending)."""
        self._save_timer.stop()
        if not self._pending or self._vault.is_locked:
            return not self._pending
        try:
            perform(self, lambda: self._vault.parts.set_positions(dict(self._pending)),
                    [Change.POSITIONS])
        except JournalError as exc:
            if report:
                show_error(self, exc, self.tr("Map"))
            return False
        self._pending.clear()
        return True

    def arrange(self) -> None:
        """Lay out all parts afresh (and remember the new places), after asking."""
        if self._peer_id is not None:
            return
        if self._vault.parts.positions():
            answer = QMessageBox.question(
                self, self.tr("Arrange the parts"),
                self.tr("Arrange all parts afresh? The places you gave them will be replaced."))
            if answer != QMessageBox.StandardButton.Yes:
                return
        nodes = [item.node for item in self.scene.nodes.values()]
        edges = [edge.edge for edge in self.scene.edges]
        for pid, (x, y) in auto_layout(nodes, edges).items():
            self.scene.nodes[pid].move_to(QPointF(x, y))
            self._pending[pid] = (x, y)
        self.flush(report=True)
        self.fit()

    # Opening and connecting ---------------------------------------------------------------

    def _activated(self, node_id: str) -> None:
        if self._peer_id is None:
            self.open_part.emit(node_id)
        else:
            self.open_received_part.emit(node_id)

    def _current_changed(self, node_id: str) -> None:
        node = self.scene.nodes.get(node_id)
        self.canvas.setAccessibleDescription(node.node.name if node is not None else "")

    def _zoomed(self) -> None:
        self.scene.set_labels_shown(self.zoom() >= LABEL_MIN_ZOOM)

    def _set_connect_mode(self, on: bool) -> None:
        self.canvas.connect_mode = on
        self.canvas.setDragMode(QGraphicsView.DragMode.NoDrag if on
                                else QGraphicsView.DragMode.ScrollHandDrag)
        if on:
            self.canvas.viewport().setCursor(Qt.CursorShape.CrossCursor)
            self.status.emit(self.tr("Drag from one part to another to connect them."))
        else:
            self.canvas.viewport().unsetCursor()

    def _connect(self, first_id: str, second_id: str) -> None:
        if self._peer_id is not None:
            return
        first = self.scene.nodes[first_id].node
        second = self.scene.nodes[second_id].node
        dialog = RelationDialog(first.name, second.name, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        kind, swapped = dialog.choice()
        note = dialog.note_edit.text().strip()
        dialog.deleteLater()
        if not accepted:
            return
        source, target = (second, first) if swapped else (first, second)
        relation = Relation(kind=kind, from_part_id=source.id, to_part_id=target.id, note=note)
        try:
            perform(self, lambda: self._vault.relations.add(relation), [Change.RELATIONS])
        except JournalError as exc:
            show_error(self, exc, self.tr("Connect parts"))
            return
        self.reload()
        self.status.emit(self.tr("Relationship added."))

    # Export --------------------------------------------------------------------------------

    def export_dialog(self) -> None:
        """Ask where to save a picture of the map, then save it."""
        if not self._has_parts or self._peer_id is not None:
            return
        path, chosen_filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the map (the picture will not be encrypted)"),
            start_in(FileKind.EXPORT, "parts-map.png"),
            self.tr("PNG image (*.png);;SVG drawing (*.svg)"))
        if not path:
            return
        remember(FileKind.EXPORT, path)
        target = Path(path)
        if target.suffix.lower() not in (".png", ".svg"):
            target = target.with_name(target.name + (".svg" if "svg" in chosen_filter.lower()
                                                     else ".png"))
        try:
            written = self.export_image(target)
        except JournalError as exc:
            show_error(self, exc, self.tr("Export the map"))
            return
        self.status.emit(fill(self.tr("Map saved to %1. This file is not encrypted."), written))

    def export_image(self, path: Path) -> Path:
        """Write the shown parts and the legend as PNG or SVG (by suffix; PNG otherwise)."""
        current = self.canvas.current
        self.canvas.set_current(None)
        self.scene.set_labels_shown(True)
        try:
            return write_picture(self.scene, path, self.font(),
                                 MapColors.from_palette(self.palette()))
        finally:
            self.canvas.set_current(current)
            self._zoomed()
