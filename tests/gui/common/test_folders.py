"""File dialogs start where the person last put the same kind of file, and nothing is saved."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from partsjournal.domain import Part, Role
from partsjournal.ui.common import folders
from partsjournal.ui.common.folders import FileKind, remember, start_in
from partsjournal.ui.map import map_view as map_view_module
from partsjournal.ui.map.map_view import MapView
from partsjournal.vault import Vault

from ..fixtures import shown


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    folders.forget_all()
    yield
    folders.forget_all()


def test_each_kind_remembers_its_own_folder(tmp_path: Path) -> None:
    bundles, backups = tmp_path / "for peers", tmp_path / "backups"
    bundles.mkdir()
    backups.mkdir()
    first = start_in(FileKind.BUNDLE)
    assert first == start_in(FileKind.BACKUP) == str(folders.documents_folder())
    remember(FileKind.BUNDLE, bundles / "parts-for-Sam.pjbundle")
    remember(FileKind.BACKUP, backups)
    assert start_in(FileKind.BUNDLE, "next.pjbundle") == str(bundles / "next.pjbundle")
    assert start_in(FileKind.BACKUP) == str(backups)
    assert start_in(FileKind.CARD) == first  # untouched kinds start as before


def test_a_folder_that_went_away_is_not_offered(tmp_path: Path) -> None:
    gone = tmp_path / "usb stick"
    gone.mkdir()
    remember(FileKind.EXPORT, gone / "map.png")
    gone.rmdir()
    assert start_in(FileKind.EXPORT) == str(folders.documents_folder())


def test_the_map_picture_dialog_opens_where_the_last_one_went(
        qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vault.parts.add(Part(name="Critic", role=Role.MANAGER))
    view = shown(qtbot, MapView(vault), 900, 600)
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    offered: list[str] = []

    def save_as(_parent: QWidget, _title: str, start: str, _filters: str) -> tuple[str, str]:
        offered.append(start)
        return str(pictures / "map.png"), ""
    monkeypatch.setattr(map_view_module.QFileDialog, "getSaveFileName", save_as)
    view.export_dialog()
    view.export_dialog()
    assert offered == [str(folders.documents_folder() / "parts-map.png"),
                       str(pictures / "parts-map.png")]
    assert (pictures / "map.png").exists()
