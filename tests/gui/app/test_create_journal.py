"""Creating a journal, as a new person sees it: the advice once, a strength bar that keeps still."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from partsjournal.ui.app.welcome import CreateVaultDialog
from partsjournal.ui.common.theme import dark_palette, light_palette

from ...conftest import FAST_KDF
from ..fixtures import contrast, shown


def _visible_texts_with(dialog: CreateVaultDialog, words: str) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)
            if label.isVisible() and words in label.text().lower()]


def test_the_few_unrelated_words_advice_is_given_once(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = shown(qtbot, CreateVaultDialog(tmp_path / "new", profile=FAST_KDF), 1024, 700)
    assert len(_visible_texts_with(dialog, "unrelated words")) == 1


WEAK, FAIR, STRONG = "tulip", "tulip99x", "tulip orbit mackerel lantern"


def _type(qtbot: QtBot, dialog: CreateVaultDialog, passphrase: str) -> None:
    dialog.passphrase.new_edit.clear()
    qtbot.keyClicks(dialog.passphrase.new_edit, passphrase)
    QApplication.processEvents()


def test_the_strength_bar_keeps_its_width_and_says_its_level_in_words(
        qtbot: QtBot, tmp_path: Path) -> None:
    dialog = shown(qtbot, CreateVaultDialog(tmp_path / "new", profile=FAST_KDF), 1024, 700)
    meter = dialog.passphrase.meter
    widths, verdicts = [], []
    for passphrase in (WEAK, FAIR, STRONG, ""):
        _type(qtbot, dialog, passphrase)
        widths.append(meter.bar.width())
        verdicts.append(meter.verdict.text())
        assert meter.bar.accessibleDescription() == meter.verdict.text()
    assert len(set(widths)) == 1, widths
    assert verdicts == ["Weak", "Fair", "Strong", ""]


@pytest.mark.parametrize("palette", [light_palette, dark_palette])
def test_the_strength_bar_is_red_amber_then_green_in_both_themes(
        qtbot: QtBot, tmp_path: Path, palette) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    app.setPalette(palette())
    try:
        dialog = shown(qtbot, CreateVaultDialog(tmp_path / "new", profile=FAST_KDF), 1024, 700)
        bar = dialog.passphrase.meter.bar
        groove = bar.palette().color(QPalette.ColorRole.Base)
        hues = []
        for passphrase in (WEAK, FAIR, STRONG):
            _type(qtbot, dialog, passphrase)
            fill_colour = bar.palette().color(QPalette.ColorRole.Highlight)
            assert contrast(fill_colour, groove) >= 3, (passphrase, fill_colour.name())
            assert fill_colour.hsvSaturation() > 100, fill_colour.name()  # a colour, not grey
            hues.append(fill_colour.hsvHue())
        weak, fair, strong = hues
        assert weak < 30 and 30 <= fair < 60 and 90 <= strong < 160, hues
    finally:
        app.setPalette(before)
