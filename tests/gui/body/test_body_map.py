"""The body map as a person uses it: place by click and by keyboard, note, move, remove, undo;
the Body page shows every part by role; the spots survive lock, export and import."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from partsjournal.archive.json_export import export_json
from partsjournal.archive.json_import import import_json
from partsjournal.archive.markdown_export import export_markdown
from partsjournal.domain import Part
from partsjournal.domain.body_map import BodySpot, Side, SpotSize
from partsjournal.domain.model import Role
from partsjournal.ui.app.application import AppController
from partsjournal.ui.body.body_page import BodyPage
from partsjournal.ui.body.part_body import PartBodySection
from partsjournal.vault import Vault

from ...conftest import FAST_KDF, PASSPHRASE
from ..fixtures import shown, unlock_through_the_window


def lines(section: PartBodySection | BodyPage) -> list[str]:
    model = section.model
    return [str(model.index(n, 0).data()).replace("\u2068", "").replace("\u2069", "")
            for n in range(model.rowCount())]


def click_at(qtbot: QtBot, section: PartBodySection, side: Side, x: float, y: float) -> None:
    r = section.map.outline_rect(side)
    point = QPoint(round(r.left() + x * r.width()), round(r.top() + y * r.height()))
    qtbot.mouseClick(section.map, Qt.MouseButton.LeftButton, pos=point)


def test_place_by_click_and_by_keyboard_note_move_remove_and_undo(qtbot: QtBot,
                                                                  vault: Vault) -> None:
    part = vault.parts.add(Part(name="Eight", body="A knot, mostly"))
    section = shown(qtbot, PartBodySection(vault))
    section.show_part(part.id)
    assert section.empty.isVisible() and "A knot, mostly" in section.words_label.text()

    click_at(qtbot, section, Side.FRONT, 0.45, 0.33)  # the chest, left of the heart
    assert lines(section) == ["Chest (front), medium"]
    assert [s.region for s in vault.body_spots.for_part(part.id)] == ["chest"]

    # By keyboard: choose a region, a size, press Add.
    section.region_box.setFocus()
    section.region_box.setCurrentIndex(section.region_box.findText("Lower back (back)"))
    section.size_box.setCurrentIndex(2)
    qtbot.keyClick(section.add_button, Qt.Key.Key_Space)
    assert lines(section)[1] == "Lower back (back), large"
    assert section.map.current() is not None and section.map.current().region == "lower_back"

    # A note, typed and saved with Enter.
    section.note_edit.clear()
    qtbot.keyClicks(section.note_edit, "dull ache, low down")
    qtbot.keyClick(section.note_edit, Qt.Key.Key_Return)
    assert lines(section)[1] == "Lower back (back), large — dull ache, low down"
    assert vault.body_spots.for_part(part.id)[1].note == "dull ache, low down"

    # Arrow keys move the chosen spot; up a long way it reads as the upper back.
    section.map.setFocus()
    for _ in range(6):
        qtbot.keyClick(section.map, Qt.Key.Key_Up)
    assert vault.body_spots.for_part(part.id)[1].region == "upper_back"
    assert lines(section)[1].startswith("Upper back (back), large")

    # Delete removes it; Undo puts it back exactly, then undoes the move.
    spot_id = section.map.current_id()
    qtbot.keyClick(section.map, Qt.Key.Key_Delete)
    assert len(vault.body_spots.for_part(part.id)) == 1 and len(lines(section)) == 1
    qtbot.mouseClick(section.undo_button, Qt.MouseButton.LeftButton)
    assert vault.body_spots.get(spot_id).region == "upper_back"  # type: ignore[arg-type]
    for _ in range(6):
        section.undo_stack.undo()
    assert vault.body_spots.get(spot_id).region == "lower_back"  # type: ignore[arg-type]
    assert lines(section)[1] == "Lower back (back), large — dull ache, low down"


def test_a_note_with_a_control_character_is_refused_kindly(qtbot: QtBot, vault: Vault) -> None:
    part = vault.parts.add(Part(name="Critic"))
    vault.body_spots.add(BodySpot(part.id, Side.FRONT, "throat", 0.5, 0.2))
    section = shown(qtbot, PartBodySection(vault))
    section.show_part(part.id)
    section.list.setCurrentIndex(section.model.index(0, 0))
    section.note_edit.setText("tight\u202eevil")
    qtbot.mouseClick(section.save_note, Qt.MouseButton.LeftButton)
    assert "control characters" in section.problem.text()
    assert vault.body_spots.for_part(part.id)[0].note == ""


def test_the_body_page_shows_all_parts_by_role_with_names(qtbot: QtBot, vault: Vault) -> None:
    eight = vault.parts.add(Part(name="Eight", role=Role.EXILE))
    planner = vault.parts.add(Part(name="Planner", role=Role.MANAGER))
    vault.body_spots.add(BodySpot(eight.id, Side.FRONT, "belly", 0.5, 0.48, SpotSize.SMALL))
    vault.body_spots.add(BodySpot(planner.id, Side.BACK, "shoulders", 0.5, 0.25,
                                  note="carrying it all"))
    page = shown(qtbot, BodyPage(vault))
    assert page.empty.text() == ""
    page.reload()
    assert lines(page) == ["Eight: Belly (front), small",
                           "Planner: Shoulders (back), medium — carrying it all"]
    page.role_box.setCurrentIndex(page.role_box.findData("manager"))
    assert lines(page) == ["Planner: Shoulders (back), medium — carrying it all"]
    page.role_box.setCurrentIndex(page.role_box.findData("firefighter"))
    assert lines(page) == [] and page.empty.isVisible()
    page.clear()
    assert lines(page) == []


def test_spots_placed_in_the_window_survive_lock_export_import_and_markdown(
        qtbot: QtBot, controller: AppController, vault_dir: Path, tmp_path: Path) -> None:
    vault, _ = Vault.create(vault_dir, PASSPHRASE, profile=FAST_KDF)
    part = vault.parts.add(Part(name="Eight"))
    vault.lock()
    controller.start(vault_dir)
    window = unlock_through_the_window(qtbot, controller, PASSPHRASE)
    window.show_parts()
    window.parts.select_part(part.id)
    tabs = window.parts.findChild(type(window.part_body.parentWidget().parentWidget()),
                                  "partTabs")
    tabs.setCurrentWidget(window.part_body)
    section = window.part_body
    qtbot.waitUntil(lambda: section.add_button.isEnabled())
    section.region_box.setCurrentIndex(section.region_box.findText("Heart (front)"))
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    section.note_edit.setText("warm, a little sore")
    qtbot.mouseClick(section.save_note, Qt.MouseButton.LeftButton)
    assert lines(section) == ["Heart (front), medium — warm, a little sore"]
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)  # View ▸ Body
    assert window.pages.currentWidget() is window.body and window.body_action.isChecked()
    assert lines(window.body) == ["Eight: Heart (front), medium — warm, a little sore"]

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.state == "unlock"
    assert lines(window.body) == [] and lines(section) == []
    assert not any("warm, a little sore" in w.text() for w in QApplication.allWidgets()
                   if isinstance(w, QLabel | QLineEdit))

    opened = Vault.unlock(vault_dir, PASSPHRASE, auto_backup=False)
    try:
        path = export_json(opened, tmp_path / "out.json")
        spots = opened.body_spots.list()
    finally:
        opened.lock()
    assert json.loads(path.read_text(encoding="utf-8"))["body_spots"][0]["region"] == "heart"
    fresh, _ = Vault.create(tmp_path / "fresh", PASSPHRASE, profile=FAST_KDF)
    try:
        import_json(path, fresh)
        assert fresh.body_spots.list() == spots
        index = export_markdown(fresh, tmp_path / "md")
        page = next((index.parent / "parts").glob("*.md")).read_text(encoding="utf-8")
        assert "- heart (front), medium — warm, a little sore" in page
    finally:
        fresh.lock()
