"""The welcome screen's arrows are drawn in the text colour, so they show on a dark window."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from partsjournal.ui.app.welcome import WelcomeWindow
from partsjournal.ui.common.theme import dark_palette, light_palette

from ..fixtures import contrast


@pytest.mark.parametrize("palette", [dark_palette, light_palette])
def test_the_arrows_stand_out_from_the_window(qtbot: QtBot, palette) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    app.setPalette(palette())
    try:
        window = WelcomeWindow()
        qtbot.addWidget(window)
        background = window.palette().color(QPalette.ColorRole.Window)
        for button in (window.create_button, window.open_button, window.restore_button,
                       window.sample_button):
            image = button.icon().pixmap(20, 20).toImage()
            drawn = [image.pixelColor(x, y) for x in range(20) for y in range(20)
                     if image.pixelColor(x, y).alpha() > 200]
            assert drawn, button.text()
            assert max(contrast(c, background) for c in drawn) >= 4.5, button.text()
    finally:
        app.setPalette(before)
