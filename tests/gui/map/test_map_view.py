"""The Map page driven like a person: dragging, connecting, opening, filtering, exporting."""

from __future__ import annotations

import math
import random
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QGraphicsSimpleTextItem,
    QMessageBox,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from tools.screenshots.map import render_for_screenshots

from partsjournal.domain.model import (
    Entry,
    Part,
    PartPresence,
    Relation,
    RelationKind,
    Role,
    utc_now,
)
from partsjournal.exchange.identity import Identity
from partsjournal.exchange.payload import SharedPart, SharedRelation
from partsjournal.ui.common.theme import ROLE_COLORS, dark_palette, light_palette
from partsjournal.ui.map import map_view as map_view_module
from partsjournal.ui.map.map_canvas import RelationDialog
from partsjournal.ui.map.map_layout import MapEdge, MapNode, auto_layout, spread
from partsjournal.ui.map.map_scene import LABEL_MIN_ZOOM, RADIUS_MAX, RADIUS_MIN, NodeItem
from partsjournal.ui.map.map_view import FIT_MAX, MapView
from partsjournal.vault import Vault

from ..fixtures import MARKUP as HOSTILE
from ..fixtures import shown


@pytest.fixture(autouse=True)
def _quick_save(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same debounce, shorter, so the suite stays fast."""
    monkeypatch.setattr(map_view_module, "SAVE_MS", 40)


def make_view(qtbot: QtBot, vault: Vault) -> MapView:
    view = shown(qtbot, MapView(vault), 1100, 760, activate=True)
    view.fit()
    return view


def add_parts(vault: Vault, *specs: tuple[str, Role]) -> list[Part]:
    with vault.db.transaction():
        return [vault.parts.add(Part(name, role)) for name, role in specs]


def viewport_pos(view: MapView, node: NodeItem) -> QPoint:
    return view.canvas.mapFromScene(node.scenePos())


def drag(view: MapView, start: QPoint, end: QPoint,
         modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    viewport = view.canvas.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, start)
    for step in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * step / 5)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, end)


def answer_relation(choice: str, note: str = ""):  # type: ignore[no-untyped-def]
    """A modal handler that picks one answer in the relation dialog and adds it."""
    def handler(dialog: QWidget) -> bool:
        dialog.findChild(QRadioButton, f"relation_{choice}").click()
        if note:
            dialog.note_edit.setText(note)
        buttons = dialog.findChild(QDialogButtonBox)
        buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return True
    return handler


# Empty, one, two hundred ------------------------------------------------------------------

def test_an_empty_journal_shows_a_kind_sentence(qtbot: QtBot, vault: Vault) -> None:
    view = make_view(qtbot, vault)
    assert view.scene.nodes == {}
    assert view.stack.currentWidget() is view.empty_state and view.empty_label.isVisible()
    assert "Your map is empty for now" in view.empty_label.text()
    assert view.empty_label.textFormat() == Qt.TextFormat.PlainText
    assert not view.export_button.isEnabled() and not view.fit_button.isEnabled()
    view.fit()  # nothing to fit: no error
    assert view.flush() is True


def test_one_part_sits_in_the_middle_at_a_calm_size(qtbot: QtBot, vault: Vault) -> None:
    (only,) = add_parts(vault, ("Only One", Role.MANAGER))
    view = make_view(qtbot, vault)
    assert view.stack.currentWidget() is view.canvas
    node = view.scene.nodes[only.id]
    assert node.pos() == QPointF(0, 0)
    assert node.radius == RADIUS_MIN
    assert node.shown_name() == "Only One"
    assert node.isVisible() and node.labels[0].isVisible()
    assert view.zoom() == pytest.approx(FIT_MAX)  # fitting never blows one part up
    assert view.canvas.mapFromScene(node.pos()).x() < view.canvas.viewport().width()


def test_two_hundred_parts_stay_apart(qtbot: QtBot, vault: Vault) -> None:
    rng = random.Random(5)
    roles = list(Role)
    parts = add_parts(vault, *((f"Part {i:03d}", roles[i % 4]) for i in range(200)))
    with vault.db.transaction():
        stored = 0
        for _ in range(160):
            a, b = rng.sample(parts, 2)
            if a.id == b.id:
                continue
            try:
                vault.relations.add(Relation(rng.choice(list(RelationKind)), a.id, b.id))
                stored += 1
            except Exception:  # noqa: BLE001 - a random duplicate is simply skipped
                pass
    view = make_view(qtbot, vault)
    assert len(view.scene.nodes) == 200
    assert len(view.scene.edges) == stored == len(vault.relations.list())
    view.reload()  # its time is measured in benchmarks/run.py ("lay out the map")
    assert len(view.scene.nodes) == 200
    points = [n.pos() for n in view.scene.nodes.values()]
    closest = min(math.dist((p.x(), p.y()), (q.x(), q.y()))
                  for i, p in enumerate(points) for q in points[i + 1:])
    assert closest > 2 * RADIUS_MAX
    # The whole map fits; at that zoom names are left out so the shape reads, and they come
    # back when zooming in.
    view.fit()
    assert view.zoom() < LABEL_MIN_ZOOM
    assert not view.scene.nodes[parts[0].id].labels[0].isVisible()
    for _ in range(8):
        view.zoom_in_button.click()
    assert view.zoom() >= LABEL_MIN_ZOOM
    assert view.scene.nodes[parts[0].id].labels[0].isVisible()


def test_circles_grow_with_appearances_in_the_last_90_days(qtbot: QtBot, vault: Vault) -> None:
    busy, quiet, old = add_parts(vault, ("Busy", Role.MANAGER), ("Quiet", Role.EXILE),
                                 ("Long ago", Role.FIREFIGHTER))
    now = utc_now()
    for days in (1, 5, 20, 40, 80):
        vault.entries.add(Entry(occurred_at=now - timedelta(days=days),
                                parts=[PartPresence(part_id=busy.id)]))
    for days in (100, 200, 300):
        vault.entries.add(Entry(occurred_at=now - timedelta(days=days),
                                parts=[PartPresence(part_id=old.id)]))
    view = make_view(qtbot, vault)
    nodes = view.scene.nodes
    assert nodes[busy.id].radius > nodes[quiet.id].radius == RADIUS_MIN
    assert nodes[old.id].radius == RADIUS_MIN


def test_colours_are_the_role_palette_or_the_parts_own(qtbot: QtBot, vault: Vault) -> None:
    plain, = add_parts(vault, ("Plain", Role.FIREFIGHTER))
    own = vault.parts.add(Part("Own colour", Role.EXILE, color="#f2c14e"))
    view = make_view(qtbot, vault)
    plain_node, own_node = view.scene.nodes[plain.id], view.scene.nodes[own.id]
    assert plain_node.brush().color() == QColor(ROLE_COLORS[Role.FIREFIGHTER])
    assert plain_node.own_dot is None
    # The role fills the circle (what the legend says); the part's own colour is a dot inside.
    assert own_node.brush().color() == QColor(ROLE_COLORS[Role.EXILE])
    assert own_node.own_dot is not None and own_node.own_dot.isVisible()
    assert own_node.own_dot.brush().color() == QColor("#f2c14e")


# Arranging --------------------------------------------------------------------------------

def test_dragging_a_part_moves_it_and_the_place_is_kept(qtbot: QtBot, vault: Vault) -> None:
    critic, kid = add_parts(vault, ("Critic", Role.MANAGER), ("Kid", Role.EXILE))
    vault.relations.add(Relation(RelationKind.PROTECTS, critic.id, kid.id))
    view = make_view(qtbot, vault)
    node = view.scene.nodes[critic.id]
    edge = view.scene.edges[0]
    before, line_before = node.pos(), edge.path().pointAtPercent(0)
    start = viewport_pos(view, node)
    drag(view, start, start + QPoint(120, 70))
    moved = node.pos()
    assert moved != before
    assert (moved - before).manhattanLength() > 100
    assert edge.path().pointAtPercent(0) != line_before  # the arrow followed
    qtbot.waitUntil(lambda: critic.id in vault.parts.positions(), timeout=2000)
    x, y = vault.parts.positions()[critic.id]
    assert (x, y) == pytest.approx((moved.x(), moved.y()), abs=0.1)

    again = make_view(qtbot, vault)
    assert again.scene.nodes[critic.id].pos().x() == pytest.approx(moved.x(), abs=0.1)
    assert again.scene.nodes[critic.id].pos().y() == pytest.approx(moved.y(), abs=0.1)


def test_flush_saves_a_move_at_once(qtbot: QtBot, vault: Vault) -> None:
    part, = add_parts(vault, ("Mover", Role.UNKNOWN))
    view = make_view(qtbot, vault)
    start = viewport_pos(view, view.scene.nodes[part.id])
    drag(view, start, start + QPoint(-60, 30))
    assert vault.parts.positions() == {}  # not yet: the save waits for a pause
    assert view.flush() is True
    assert part.id in vault.parts.positions()


def test_keyboard_chooses_moves_and_opens_parts(qtbot: QtBot, vault: Vault) -> None:
    first, second = add_parts(vault, ("First", Role.MANAGER), ("Second", Role.EXILE))
    view = make_view(qtbot, vault)
    view.canvas.setFocus()
    QTest.keyClick(view.canvas, Qt.Key.Key_Tab)
    chosen = view.canvas.current
    assert chosen is not None and chosen.id in (first.id, second.id)
    before = chosen.pos()
    QTest.keyClick(view.canvas, Qt.Key.Key_Right)
    QTest.keyClick(view.canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert chosen.pos() == before + QPointF(10, 40)
    with qtbot.waitSignal(view.open_part, timeout=1000) as opened:
        QTest.keyClick(view.canvas, Qt.Key.Key_Return)
    assert opened.args == [chosen.id]
    assert view.flush() and chosen.id in vault.parts.positions()


def test_arrange_lays_out_afresh_after_asking(qtbot: QtBot, vault: Vault,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = add_parts(vault, ("A", Role.MANAGER), ("B", Role.EXILE))
    vault.parts.set_positions({a.id: (900.0, 900.0)})
    view = make_view(qtbot, vault)
    asked: list[str] = []

    def no(parent: QWidget, title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", no)
    view.arrange_button.click()
    assert asked and view.scene.nodes[a.id].pos() == QPointF(900, 900)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    view.arrange_button.click()
    assert view.scene.nodes[a.id].pos() != QPointF(900, 900)
    assert set(vault.parts.positions()) == {a.id, b.id}


def test_a_new_part_does_not_move_the_others(qtbot: QtBot, vault: Vault) -> None:
    parts = add_parts(vault, ("A", Role.MANAGER), ("B", Role.EXILE), ("C", Role.FIREFIGHTER))
    view = make_view(qtbot, vault)
    before = {pid: node.pos() for pid, node in view.scene.nodes.items()}
    newcomer = vault.parts.add(Part("D", Role.EXILE))
    vault.relations.add(Relation(RelationKind.PROTECTS, parts[0].id, newcomer.id))
    view.reload()
    assert {pid: view.scene.nodes[pid].pos() for pid in before} == before
    placed = view.scene.nodes[newcomer.id].pos()
    assert all((placed - p).manhattanLength() > 100 for p in before.values())


# Connecting and opening --------------------------------------------------------------------

def test_shift_drag_between_parts_asks_and_stores_a_relation(qtbot: QtBot, vault: Vault,
                                                            modals) -> None:  # type: ignore[no-untyped-def]
    critic, scroller = add_parts(vault, ("Critic", Role.MANAGER), ("Scroller", Role.FIREFIGHTER))
    view = make_view(qtbot, vault)
    nodes = view.scene.nodes
    start, end = viewport_pos(view, nodes[critic.id]), viewport_pos(view, nodes[scroller.id])
    positions = (nodes[critic.id].pos(), nodes[scroller.id].pos())
    modals.on(RelationDialog, answer_relation("polarized", "round and round"))
    with qtbot.waitSignal(view.announced, timeout=3000):
        drag(view, start, end, Qt.KeyboardModifier.ShiftModifier)
    (stored,) = vault.relations.list()
    assert (stored.kind, stored.from_part_id, stored.to_part_id, stored.note) == (
        RelationKind.POLARIZED, critic.id, scroller.id, "round and round")
    assert [e.edge.kind for e in view.scene.edges] == [RelationKind.POLARIZED]
    assert len(view.scene.edges[0].heads) == 2  # the opposed arrowheads
    # The drag drew a line, it did not move anything.
    assert (view.scene.nodes[critic.id].pos(), view.scene.nodes[scroller.id].pos()) == positions


def test_connect_mode_and_the_direction_of_protecting(qtbot: QtBot, vault: Vault,
                                                      modals) -> None:  # type: ignore[no-untyped-def]
    kid, critic = add_parts(vault, ("Kid", Role.EXILE), ("Critic", Role.MANAGER))
    view = make_view(qtbot, vault)
    view.connect_button.click()
    assert view.canvas.connect_mode
    start = viewport_pos(view, view.scene.nodes[kid.id])
    end = viewport_pos(view, view.scene.nodes[critic.id])
    modals.on(RelationDialog, answer_relation("protectedBy"))
    with qtbot.waitSignal(view.announced, timeout=3000):
        drag(view, start, end)
    (stored,) = vault.relations.list()
    assert (stored.kind, stored.from_part_id, stored.to_part_id) == (
        RelationKind.PROTECTS, critic.id, kid.id)
    assert len(view.scene.edges[0].heads) == 1


def test_a_relation_that_exists_is_refused_kindly(qtbot: QtBot, vault: Vault,
                                                  modals) -> None:  # type: ignore[no-untyped-def]
    a, b = add_parts(vault, ("A", Role.MANAGER), ("B", Role.FIREFIGHTER))
    vault.relations.add(Relation(RelationKind.ALLIED, b.id, a.id))
    view = make_view(qtbot, vault)
    shown: list[str] = []

    def read_and_close(box: QWidget) -> bool:
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        box.accept()
        return True
    modals.on(RelationDialog, answer_relation("allied"))
    modals.on(QMessageBox, read_and_close)
    drag(view, viewport_pos(view, view.scene.nodes[a.id]),
         viewport_pos(view, view.scene.nodes[b.id]), Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    assert shown == ["These two parts already have that relationship."]
    assert len(vault.relations.list()) == 1


def test_cancelling_the_question_stores_nothing(qtbot: QtBot, vault: Vault,
                                                modals) -> None:  # type: ignore[no-untyped-def]
    a, b = add_parts(vault, ("A", Role.MANAGER), ("B", Role.FIREFIGHTER))
    view = make_view(qtbot, vault)
    modals.on(RelationDialog, lambda dialog: dialog.reject() or True)
    drag(view, viewport_pos(view, view.scene.nodes[a.id]),
         viewport_pos(view, view.scene.nodes[b.id]), Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "RelationDialog" in modals.seen, timeout=3000)
    assert vault.relations.list() == []


def test_double_click_opens_the_part(qtbot: QtBot, vault: Vault) -> None:
    _other, wanted = add_parts(vault, ("Other", Role.MANAGER), ("Wanted", Role.EXILE))
    view = make_view(qtbot, vault)
    with qtbot.waitSignal(view.open_part, timeout=1000) as opened:
        QTest.mouseDClick(view.canvas.viewport(), Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier,
                          viewport_pos(view, view.scene.nodes[wanted.id]))
    assert opened.args == [wanted.id]
    assert view.canvas.current is view.scene.nodes[wanted.id]


# Filters ----------------------------------------------------------------------------------

def test_role_buttons_hide_parts_and_their_lines(qtbot: QtBot, vault: Vault) -> None:
    critic, kid, fog = add_parts(vault, ("Critic", Role.MANAGER), ("Kid", Role.EXILE),
                                 ("Fog", Role.UNKNOWN))
    vault.relations.add(Relation(RelationKind.PROTECTS, critic.id, kid.id))
    view = make_view(qtbot, vault)
    managers = view.role_buttons[Role.MANAGER]
    assert managers.accessibleName() == "Show Managers"
    managers.click()
    assert not view.scene.nodes[critic.id].isVisible()
    assert view.scene.nodes[kid.id].isVisible() and view.scene.nodes[fog.id].isVisible()
    assert not view.scene.edges[0].isVisible()
    assert view.note_label.text() == "Showing 2 of 3 parts."
    for role in (Role.EXILE, Role.UNKNOWN):
        view.role_buttons[role].click()
    assert "No parts match" in view.note_label.text()
    for role in (Role.MANAGER, Role.EXILE, Role.UNKNOWN):
        view.role_buttons[role].click()
    assert all(n.isVisible() for n in view.scene.nodes.values())
    assert view.scene.edges[0].isVisible() and not view.note_label.isVisible()


def test_archived_parts_are_hidden_until_asked_for(qtbot: QtBot, vault: Vault) -> None:
    kept, gone = add_parts(vault, ("Kept", Role.MANAGER), ("Gone", Role.FIREFIGHTER))
    vault.parts.set_archived(gone.id, True)
    view = make_view(qtbot, vault)
    assert not view.archived_check.isChecked()
    assert not view.scene.nodes[gone.id].isVisible()
    view.archived_check.click()
    assert view.scene.nodes[gone.id].isVisible()
    assert view.scene.nodes[gone.id].opacity() < 1
    assert view.scene.nodes[kept.id].opacity() == 1


# Export -----------------------------------------------------------------------------------

def test_export_png_is_a_real_picture(qtbot: QtBot, sample_vault: Vault, tmp_path: Path) -> None:
    view = make_view(qtbot, sample_vault)
    written = view.export_image(tmp_path / "map.png")
    assert written == tmp_path / "map.png" and written.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(written))
    assert not image.isNull()
    assert 600 < image.width() < 8000 and 400 < image.height() < 8000
    colours = {image.pixel(x, y) for x in range(0, image.width(), 17)
               for y in range(0, image.height(), 17)}
    assert len(colours) > 20
    # The chosen part is not marked in the picture, and stays chosen on screen.
    view.canvas.set_current(next(iter(view.scene.nodes.values())))
    view.export_image(tmp_path / "again.png")
    assert view.canvas.current is not None


def test_export_svg_keeps_names_as_text(qtbot: QtBot, vault: Vault, tmp_path: Path) -> None:
    add_parts(vault, (HOSTILE, Role.MANAGER), ("Tom & Jerry", Role.EXILE))
    view = make_view(qtbot, vault)
    text = view.export_image(tmp_path / "map.svg").read_text(encoding="utf-8")
    assert "<svg" in text
    assert "&lt;img" in text and '<img src="file' not in text
    assert "Tom &amp; Jerry" in text


def test_export_button_warns_the_file_is_not_encrypted(qtbot: QtBot, vault: Vault,
                                                       tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    add_parts(vault, ("Part", Role.MANAGER))
    view = make_view(qtbot, vault)
    asked: list[str] = []

    def save_as(parent: QWidget, title: str, folder: str, filters: str) -> tuple[str, str]:
        asked.append(title)
        return str(tmp_path / "chosen"), "SVG drawing (*.svg)"
    monkeypatch.setattr(map_view_module.QFileDialog, "getSaveFileName", save_as)
    with qtbot.waitSignal(view.status, timeout=2000) as status:
        view.export_button.click()
    assert "not be encrypted" in asked[0]
    assert (tmp_path / "chosen.svg").exists()
    assert "not encrypted" in status.args[0]


def test_export_to_an_unwritable_place_is_explained(qtbot: QtBot, vault: Vault, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    modals) -> None:  # type: ignore[no-untyped-def]
    add_parts(vault, ("Part", Role.MANAGER))
    view = make_view(qtbot, vault)
    target = tmp_path / "missing-folder" / "map.png"
    monkeypatch.setattr(map_view_module.QFileDialog, "getSaveFileName",
                        lambda *args: (str(target), ""))
    shown: list[str] = []
    modals.on(QMessageBox, lambda box: shown.append(box.text()) or box.accept() or True)
    view.export_button.click()
    assert shown and "could not be saved" in shown[0] and not target.exists()


# Untrusted text ---------------------------------------------------------------------------

def test_a_hostile_name_shows_literally(qtbot: QtBot, vault: Vault) -> None:
    hostile, other = add_parts(vault, (HOSTILE, Role.MANAGER), ("Other", Role.EXILE))
    view = make_view(qtbot, vault)
    node = view.scene.nodes[hostile.id]
    assert all(type(item) is QGraphicsSimpleTextItem for item in node.labels)  # no markup
    assert [item.text() for item in node.labels][0] == "<img"
    shown = node.shown_name().replace("\n", " ")
    assert shown.startswith('<img src="file:') and shown.endswith("…")
    for item in node.labels:  # each line centred under the circle
        assert item.pos().x() + item.boundingRect().width() / 2 == pytest.approx(0, abs=0.5)
    dialog = RelationDialog(HOSTILE, "Tom & Jerry")
    qtbot.addWidget(dialog)
    texts = [b.text() for b in dialog.findChildren(QRadioButton)]
    assert any(t.startswith("<img src=") for t in texts)
    assert any("Tom && Jerry" in t for t in texts)  # '&' shown, not a shortcut marker
    view.canvas.set_current(view.scene.nodes[hostile.id])
    assert view.canvas.accessibleDescription() == HOSTILE
    assert other.id in view.scene.nodes


# Palette ----------------------------------------------------------------------------------

def test_the_map_follows_light_and_dark_palettes(qtbot: QtBot, sample_vault: Vault) -> None:
    view = make_view(qtbot, sample_vault)
    node = next(iter(view.scene.nodes.values()))
    for palette in (dark_palette(), light_palette()):
        view.setPalette(palette)
        QApplication.processEvents()
        text, base = palette.color(palette.ColorRole.Text), palette.color(palette.ColorRole.Base)
        assert view.scene.backgroundBrush().color() == base
        assert node.labels[0].brush().color() == text
        edge = view.scene.edges[0].pen().color()
        assert edge not in (text, base)
        assert abs(edge.lightness() - base.lightness()) > 60  # lines stand out
        assert abs(text.lightness() - base.lightness()) > 150  # names read easily


def test_zoom_buttons_wheel_and_fit(qtbot: QtBot, sample_vault: Vault) -> None:
    view = make_view(qtbot, sample_vault)
    fitted = view.zoom()
    view.zoom_in_button.click()
    assert view.zoom() == pytest.approx(fitted * 1.2)
    view.zoom_out_button.click()
    view.zoom_out_button.click()
    assert view.zoom() < fitted
    view.fit_button.click()
    assert view.zoom() == pytest.approx(fitted)
    rect = view.canvas.mapFromScene(view.scene.visible_rect()).boundingRect()
    assert view.canvas.viewport().rect().contains(rect)
    for button in (view.zoom_in_button, view.zoom_out_button, view.fit_button,
                   view.export_button, view.connect_button, view.arrange_button):
        assert button.accessibleName()


# A peer's parts ---------------------------------------------------------------------------

def test_a_peers_parts_show_as_their_own_read_only_map(qtbot: QtBot, sample_vault: Vault) -> None:
    vault = sample_vault
    peer = vault.peers.add(Identity.generate("Sam").card())
    guard, little = "11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"
    with vault.db.transaction():
        ids = {p.id: vault.received.store_for_import(peer.id, p, utc_now()) for p in (
            SharedPart(guard, 1, {"name": "Their Guard", "role": "manager", "color": "#123456"}),
            SharedPart(little, 1, {"name": HOSTILE}))}
        vault.received.replace_relations_for_import(
            peer.id, ids, [SharedRelation(RelationKind.PROTECTS, guard, little)])
    view = make_view(qtbot, vault)
    own = set(view.scene.nodes)
    assert view.whose.isVisible() and view.whose.count() == 2
    view.show_peer(peer.id)
    assert set(view.scene.nodes) == set(ids.values())
    assert {n.node.name for n in view.scene.nodes.values()} == {"Their Guard", HOSTILE}
    assert view.scene.nodes[ids[little]].node.role is Role.UNKNOWN
    guard_node = view.scene.nodes[ids[guard]]
    assert guard_node.brush().color() == QColor(ROLE_COLORS[Role.MANAGER])
    assert guard_node.own_dot is not None
    assert guard_node.own_dot.brush().color() == QColor("#123456")
    assert [e.edge.kind for e in view.scene.edges] == [RelationKind.PROTECTS]
    assert "Sam" in view.note_label.text() and "read-only" in view.note_label.text()
    assert not view.connect_button.isEnabled() and not view.arrange_button.isEnabled()
    assert not view.export_button.isEnabled()  # what a peer shared stays in the journal
    assert view.whose.currentData() == peer.id

    node = view.scene.nodes[ids[guard]]
    before = node.pos()
    drag(view, viewport_pos(view, node), viewport_pos(view, node) + QPoint(80, 80))
    assert node.pos() == before
    drag(view, viewport_pos(view, node), viewport_pos(view, view.scene.nodes[ids[little]]),
         Qt.KeyboardModifier.ShiftModifier)
    assert view.flush() and vault.received.relations(peer.id)[0].kind is RelationKind.PROTECTS
    with qtbot.waitSignal(view.open_received_part, timeout=1000) as opened:
        with qtbot.assertNotEmitted(view.open_part):
            QTest.mouseDClick(view.canvas.viewport(), Qt.MouseButton.LeftButton,
                              Qt.KeyboardModifier.NoModifier, viewport_pos(view, node))
    assert opened.args == [ids[guard]]

    view.whose.setCurrentIndex(0)
    view.whose.activated.emit(0)
    assert view.peer_id is None and set(view.scene.nodes) == own


def test_a_peer_who_shared_nothing_gets_a_kind_sentence(qtbot: QtBot, vault: Vault) -> None:
    peer = vault.peers.add(Identity.generate("Ana").card())
    view = make_view(qtbot, vault)
    view.show_peer(peer.id)
    assert view.stack.currentWidget() is view.empty_state and view.empty_label.isVisible()
    assert "hasn't shared any parts" in view.empty_label.text()


def test_clear_leaves_no_names_behind(qtbot: QtBot, sample_vault: Vault) -> None:
    view = make_view(qtbot, sample_vault)
    view.canvas.set_current(next(iter(view.scene.nodes.values())))
    start = viewport_pos(view, view.canvas.current)
    drag(view, start, start + QPoint(30, 30))
    view.clear()
    assert sample_vault.parts.positions()  # the move was saved first
    assert view.scene.items() == [] and view.scene.nodes == {}
    assert view.canvas.accessibleDescription() == "" and view.whose.count() == 0


# Layout and screenshots -------------------------------------------------------------------

def test_the_first_layout_puts_exiles_inside_and_protectors_near_them() -> None:
    nodes = [MapNode("kid", "Kid", Role.EXILE), MapNode("teen", "Teen", Role.EXILE),
             MapNode("critic", "Critic", Role.MANAGER),
             MapNode("snapper", "Snapper", Role.FIREFIGHTER),
             MapNode("fog", "Fog", Role.UNKNOWN)]
    edges = [MapEdge("1", RelationKind.PROTECTS, "critic", "kid"),
             MapEdge("2", RelationKind.PROTECTS, "snapper", "teen")]
    first = auto_layout(nodes, edges)
    assert first == auto_layout(nodes, edges)  # deterministic

    def radius(key: str) -> float:
        return math.hypot(*first[key])
    assert max(radius("kid"), radius("teen")) < min(radius("critic"), radius("snapper"))
    assert math.dist(first["critic"], first["kid"]) < math.dist(first["critic"], first["teen"])
    assert math.dist(first["snapper"], first["teen"]) < math.dist(first["snapper"], first["kid"])


def test_spreading_keeps_order_and_spacing() -> None:
    assert [a % 360 for a in spread([270.0, 270.0, 270.0], 30.0)] == [240.0, 270.0, 300.0]
    wrapped = [a % 360 for a in spread([0.0, 5.0, 355.0], 20.0)]
    assert wrapped == pytest.approx([0.0, 20.0, 340.0])  # centred on where they wanted to be
    assert [a % 360 for a in spread([10.0, 100.0], 30.0)] == [10.0, 100.0]  # room enough


def test_render_for_screenshots_writes_the_map(qtbot: QtBot, sample_vault: Vault,
                                               tmp_path: Path) -> None:
    render_for_screenshots(sample_vault, tmp_path / "map.png")
    image = QImage(str(tmp_path / "map.png"))
    assert image.width() >= 1000 and image.height() >= 700
