"""Pictures of a part and of an entry, added, viewed and deleted as a person would."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTabWidget
from pytestqt.qtbot import QtBot

from partsjournal.domain import Entry, Part, Role
from partsjournal.ui.app.main_window import MainWindow
from partsjournal.ui.pictures.picture_strip import PictureStrip
from partsjournal.ui.pictures.viewer import PictureViewer
from partsjournal.vault import Vault

from ...unit.media.test_pictures import jpeg_with_gps, png_declaring


def picture_file(tmp_path: Path, name: str = "drawing.jpg", **kwargs: int) -> Path:
    path = tmp_path / name
    path.write_bytes(jpeg_with_gps(**kwargs))
    return path


def choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def test_a_part_gets_a_picture_through_its_pictures_tab(
        qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    critic = vault.parts.add(Part(name="Critic", role=Role.MANAGER))
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    window.open_part(critic.id)
    tabs = window.parts.findChild(QTabWidget, "partTabs")
    assert tabs is not None
    tabs.setCurrentWidget(window.part_pictures)
    strip = window.part_pictures
    qtbot.waitUntil(lambda: strip.add_button.isEnabled())
    assert strip.empty.isVisible() and "No pictures yet" in strip.empty.text()
    statuses: list[str] = []
    strip.status.connect(statuses.append)
    choose(monkeypatch, picture_file(tmp_path))
    qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)
    assert strip.model.rowCount() == 1 and strip.view.isVisible()
    assert not strip.model.item(0).icon().isNull()
    assert statuses == ["Picture added. Its location and camera details were removed."]
    [stored] = vault.pictures.of_part(critic.id)
    assert b"SecretPhone" not in vault.pictures.data(stored.id)

    # Another part shows its own (none), and back again shows the picture.
    other = vault.parts.add(Part(name="Pleaser", role=Role.MANAGER))
    window.parts.reload()
    window.open_part(other.id)
    qtbot.waitUntil(lambda: strip.model.rowCount() == 0)
    window.open_part(critic.id)
    qtbot.waitUntil(lambda: strip.model.rowCount() == 1)


def test_refusals_are_said_under_the_buttons(qtbot: QtBot, vault: Vault, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    critic = vault.parts.add(Part(name="Critic", role=Role.MANAGER))
    strip = PictureStrip(vault)
    qtbot.addWidget(strip)
    strip.show()
    strip.show_owner(part_id=critic.id)
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_declaring(30_000, 30_000))
    strip.add_file(bomb)
    assert strip.problem.isVisible()
    assert "far too many pixels to open safely" in strip.problem.text()
    text = tmp_path / "notes.png"
    text.write_text("not a picture")
    strip.add_file(text)
    assert "isn't a picture that can be read" in strip.problem.text()
    strip.add_file(tmp_path / "missing.png")
    assert strip.problem.text().startswith("That file can't be read")
    assert vault.pictures.count() == 0 and strip.model.rowCount() == 0


def test_the_viewer_steps_through_and_delete_asks_first(
        qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    critic = vault.parts.add(Part(name="Critic", role=Role.MANAGER))
    vault.pictures.add(jpeg_with_gps(400, 300), part_id=critic.id, caption="<b>first</b>")
    vault.pictures.add(jpeg_with_gps(300, 400), part_id=critic.id)
    strip = PictureStrip(vault)
    qtbot.addWidget(strip)
    strip.show()
    strip.show_owner(part_id=critic.id)
    strip.open_viewer(strip.model.index(0, 0))
    viewer = strip.findChild(PictureViewer)
    assert viewer is not None
    qtbot.waitExposed(viewer)
    assert viewer.caption.text() == "<b>first</b> — 1 of 2"
    assert viewer.caption.textFormat() == Qt.TextFormat.PlainText
    assert not viewer.image.pixmap().isNull()
    assert not viewer.previous.isEnabled()
    qtbot.mouseClick(viewer.next, Qt.MouseButton.LeftButton)
    assert viewer.caption.text() == "2 of 2" and not viewer.next.isEnabled()
    viewer.close()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    qtbot.mouseClick(strip.delete_button, Qt.MouseButton.LeftButton)
    assert vault.pictures.count() == 2
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(strip.delete_button, Qt.MouseButton.LeftButton)
    assert vault.pictures.count() == 1 and strip.model.rowCount() == 1


def test_an_entry_keeps_pictures_and_a_new_one_is_saved_first(
        qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    window.new_entry()
    editor = window.journal.editor
    qtbot.keyClicks(editor.body, "I drew the critic today.")
    choose(monkeypatch, picture_file(tmp_path, width=1200, height=900))
    qtbot.mouseClick(editor.pictures.add_button, Qt.MouseButton.LeftButton)
    [entry] = vault.entries.list()
    [stored] = vault.pictures.of_entry(entry.id)
    assert (stored.width, stored.height) == (1200, 900)
    assert editor.pictures.model.rowCount() == 1
    other = vault.entries.add(Entry(title="Another day"))
    window.open_entry(other.id)
    assert editor.pictures.model.rowCount() == 0
    window.open_entry(entry.id)
    assert editor.pictures.model.rowCount() == 1
    editor.clear()
    assert editor.pictures.model.rowCount() == 0  # nothing left on screen after a lock


def test_a_large_png_is_kept_at_2048(qtbot: QtBot, vault: Vault, tmp_path: Path) -> None:
    critic = vault.parts.add(Part(name="Critic", role=Role.MANAGER))
    out = io.BytesIO()
    Image.new("RGB", (4000, 3000), (5, 90, 90)).save(out, "PNG")
    path = tmp_path / "big.png"
    path.write_bytes(out.getvalue())
    strip = PictureStrip(vault)
    qtbot.addWidget(strip)
    strip.show_owner(part_id=critic.id)
    added = strip.add_file(path)
    assert added is not None and (added.width, added.height) == (2048, 1536)
