"""The part editor's free-text fields are spell-checked; the part's name is not."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from partsjournal.domain import Part
from partsjournal.ui.common import spelling
from partsjournal.ui.parts.parts_view import PartsView
from partsjournal.vault import Vault

from ..fixtures import shown
from .spelling_fixture import use_fixture_dictionary

WAVE = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


@pytest.fixture(autouse=True)
def _fixture_dictionary(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    use_fixture_dictionary(monkeypatch, tmp_path)
    spelling.set_preferences(True, "")
    yield
    spelling.forget_all()


def _waves(edit: QPlainTextEdit) -> list[tuple[int, int]]:
    layout = edit.document().firstBlock().layout()
    return [(r.start, r.length) for r in layout.formats() if r.format.underlineStyle() == WAVE]


def test_profile_fields_are_checked_and_the_name_is_not(qtbot: QtBot, vault: Vault) -> None:
    part = vault.parts.add(Part(name="Zorblat", job="protcts me from shame"))
    view = shown(qtbot, PartsView(vault), activate=True)
    view.select_part(part.id)
    form = view._form
    job = form.text_edits["job"]
    assert isinstance(job, QPlainTextEdit)
    assert job.toPlainText() == "protcts me from shame"
    qtbot.waitUntil(lambda: _waves(job) == [(0, 7)])
    assert spelling._attachment_of(form.name_edit) is None
    assert spelling._attachment_of(form.stage_note_edit) is not None
    assert spelling._attachment_of(view._relations.note_edit) is not None
