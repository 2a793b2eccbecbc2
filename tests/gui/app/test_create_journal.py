"""Creating a journal, as a new person sees it: the advice once, a strength bar that keeps still."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from partsjournal.ui.app.welcome import CreateVaultDialog

from ...conftest import FAST_KDF
from ..fixtures import shown


def _visible_texts_with(dialog: CreateVaultDialog, words: str) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)
            if label.isVisible() and words in label.text().lower()]


def test_the_few_unrelated_words_advice_is_given_once(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = shown(qtbot, CreateVaultDialog(tmp_path / "new", profile=FAST_KDF), 1024, 700)
    assert len(_visible_texts_with(dialog, "unrelated words")) == 1
