"""The map reads as its legend says: role fills the circle, lines stay off the names (issue 12),
and an empty map says what will appear and offers the first part."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from partsjournal.domain.model import Part, Relation, RelationKind, Role
from partsjournal.exchange.identity import Identity
from partsjournal.ui.app.main_window import MainWindow
from partsjournal.ui.common.theme import ROLE_COLORS
from partsjournal.ui.map import map_view as map_view_module
from partsjournal.ui.map.map_scene import NodeItem
from partsjournal.ui.map.map_view import MapView
from partsjournal.vault import Vault

from ..fixtures import shown

#: The part of the scene rendered into a picture for the pixel checks, and its size.
SOURCE = QRectF(-400, -100, 800, 300)


@pytest.fixture(autouse=True)
def _quick_save(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(map_view_module, "SAVE_MS", 40)


def placed(qtbot: QtBot, vault: Vault, *specs: tuple[str, Role, str, float, float],
           relations: tuple[tuple[int, int], ...] = ()) -> tuple[MapView, list[NodeItem]]:
    """A map of parts placed by hand (name, role, own colour, x, y), related as asked."""
    with vault.db.transaction():
        parts = [vault.parts.add(Part(name, role, color=color))
                 for name, role, color, _x, _y in specs]
        for a, b in relations:
            vault.relations.add(Relation(RelationKind.ALLIED, parts[a].id, parts[b].id))
    vault.parts.set_positions({p.id: (x, y) for p, (*_, x, y) in zip(parts, specs, strict=True)})
    view = shown(qtbot, MapView(vault), 1100, 760, activate=True)
    qtbot.waitUntil(lambda: len(view.scene.nodes) == len(specs))
    view.fit()
    return view, [view.scene.nodes[p.id] for p in parts]


def picture(view: MapView) -> QImage:
    """The scene as drawn (SOURCE, one pixel per scene unit, over the map's background)."""
    image = QImage(int(SOURCE.width()), int(SOURCE.height()), QImage.Format.Format_RGB32)
    image.fill(view.canvas.colors.background)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.scene.render(painter, QRectF(0, 0, SOURCE.width(), SOURCE.height()), SOURCE)
    painter.end()
    return image


def pixel(image: QImage, x: float, y: float) -> QColor:
    return image.pixelColor(int(x - SOURCE.left()), int(y - SOURCE.top()))


def distance(a: QColor, b: QColor) -> int:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue()))


def test_a_circle_is_filled_with_its_role_and_its_own_colour_is_a_dot(
        qtbot: QtBot, vault: Vault, tmp_path: Path) -> None:
    view, (exile, plain) = placed(qtbot, vault, ("Kid", Role.EXILE, "#2e8b57", 0, 0),
                                  ("Guard", Role.MANAGER, "", 200, 0))
    image = picture(view)
    exile_colour, own = QColor(ROLE_COLORS[Role.EXILE]), QColor("#2e8b57")
    # The middle shows the part's own colour; the ring around it, the role the legend names.
    assert distance(pixel(image, 0, 0), own) <= 2
    assert distance(pixel(image, exile.radius - 3, 0), exile_colour) <= 2
    assert distance(pixel(image, 0, -(exile.radius - 3)), exile_colour) <= 2
    # A part with no colour of its own is its role's colour all through.
    guard_colour = QColor(ROLE_COLORS[Role.MANAGER])
    assert distance(pixel(image, 200, 0), guard_colour) <= 2
    assert distance(pixel(image, 200 + plain.radius - 3, 0), guard_colour) <= 2
    # The legend says what the dot is (the exported picture carries the same legend).
    svg = view.export_image(tmp_path / "map.svg").read_text(encoding="utf-8")
    assert "Dot inside: the part&apos;s own colour" in svg or \
        "Dot inside: the part's own colour" in svg
    assert "Exile" in svg and "Manager" in svg


def test_a_line_ends_at_the_circle_and_never_runs_through_its_parts_names(
        qtbot: QtBot, vault: Vault) -> None:
    view, (top, below, beside) = placed(
        qtbot, vault, ("The Weather Watcher", Role.MANAGER, "", 0, 0),
        ("Below", Role.EXILE, "", 0, 240), ("Beside", Role.EXILE, "", 260, 0),
        relations=((0, 1), (0, 2)))
    assert top.labels[0].isVisible()
    down, across = view.scene.edges
    names = [QRectF(item.sceneBoundingRect()) for node in (top, below, beside)
             for item in node.labels]
    for edge in (down, across):
        path = edge.mapToScene(edge.path())
        samples = [path.pointAtPercent(i / 100) for i in range(101)]
        for point in samples:
            for node in (edge.source, edge.target):
                assert math_distance(point, node.pos()) >= node.radius + 2
            assert not any(name.contains(point) for name in names), point
    # Sideways, the line starts and ends right at the outlines, a few pixels off.
    path = across.mapToScene(across.path())
    assert math_distance(path.pointAtPercent(0), top.pos()) == pytest.approx(top.radius + 3, abs=1)
    assert math_distance(path.pointAtPercent(1), beside.pos()) == \
        pytest.approx(beside.radius + 3, abs=1)
    # Straight down, it leaves from under the name, not from the circle through the name.
    start = down.mapToScene(down.path()).pointAtPercent(0)
    name_bottom = max(r.bottom() for r in names[:1])
    assert name_bottom < start.y() < name_bottom + 10
    assert math_distance(down.mapToScene(down.path()).pointAtPercent(1), below.pos()) == \
        pytest.approx(below.radius + 3, abs=1)


def math_distance(a: QPointF, b: QPointF) -> float:
    return float(((a.x() - b.x()) ** 2 + (a.y() - b.y()) ** 2) ** 0.5)


def test_a_line_passing_under_another_parts_name_is_hidden_by_the_names_backdrop(
        qtbot: QtBot, vault: Vault) -> None:
    view, (left, right, middle) = placed(
        qtbot, vault, ("Left", Role.MANAGER, "", -300, 0), ("Right", Role.EXILE, "", 300, 0),
        ("A long middle name", Role.UNKNOWN, "", 0, -31), relations=((0, 1),))
    (edge,) = view.scene.edges
    backdrop = middle.halo.sceneBoundingRect()
    assert backdrop.top() < 0 < backdrop.bottom()  # the name sits right on the line
    image = picture(view)
    background, line = view.canvas.colors.background, view.canvas.colors.edge
    # The line is drawn where no name is ...
    assert distance(pixel(image, -150, 0), background) > 40
    # ... and inside the name's backdrop (its margin left of the letters) nothing of it shows.
    for x in (backdrop.left() + 2, backdrop.right() - 2):
        for y in (-0.5, 0.5):
            assert distance(pixel(image, x, y), background) <= 3, (x, y)
    assert distance(line, background) > 40


def test_an_empty_map_says_what_will_appear_and_offers_the_first_part(
        qtbot: QtBot, vault: Vault) -> None:
    view = shown(qtbot, MapView(vault), 1024, 700, activate=True)
    qtbot.waitUntil(lambda: view.empty_state.isVisible())
    sentence = view.empty_state.label
    assert sentence.isVisible() and "appears here" in sentence.text()
    assert sentence.textFormat() == Qt.TextFormat.PlainText
    assert sentence.height() >= sentence.heightForWidth(sentence.width())  # nothing cut off
    button = view.findChild(QPushButton, "mapAddFirstPart")
    assert button is not None and button.isVisible() and button.text() == "Add your first part"
    assert view.rect().contains(button.geometry().translated(
        button.mapTo(view, button.rect().topLeft()) - button.geometry().topLeft()))
    assert not view.arrange_button.isEnabled() and not view.connect_button.isEnabled()
    with qtbot.waitSignal(view.part_requested, timeout=1000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_peers_empty_map_has_no_add_button(qtbot: QtBot, vault: Vault) -> None:
    peer = vault.peers.add(Identity.generate("Ana").card())
    view = shown(qtbot, MapView(vault), 1024, 700)
    view.show_peer(peer.id)
    assert view.empty_state.label.isVisible()
    assert not view.findChild(QPushButton, "mapAddFirstPart").isVisible()


def test_the_first_part_button_starts_a_new_part_on_the_parts_page(
        qtbot: QtBot, vault: Vault) -> None:
    window = shown(qtbot, MainWindow(vault), 1024, 700)
    window.show_map()
    button = window.map.findChild(QPushButton, "mapAddFirstPart")
    qtbot.waitUntil(lambda: button.isVisible())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.parts
    name = window.parts.findChild(QLineEdit, "partName")
    assert name is not None and name.isVisible() and name.text() == ""
    window.flush_all()
