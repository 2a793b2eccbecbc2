"""Radio buttons and check boxes show their outline on a dark window too (issue 12, item 8)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton, QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot

from partsjournal.ui.common.theme import apply_theme

from ..fixtures import contrast, shown


@pytest.fixture
def restored(qapp: QApplication) -> Iterator[None]:
    yield
    apply_theme(qapp, "system")


@pytest.mark.parametrize("theme", ["dark", "light"])
@pytest.mark.parametrize("kind", [QRadioButton, QCheckBox])
def test_the_indicator_outline_stands_out(qtbot: QtBot, qapp: QApplication, restored: None,
                                          theme: str, kind: type) -> None:
    apply_theme(qapp, theme)
    button = shown(qtbot, kind("The Critic protects Little One"))
    option = QStyleOptionButton()
    button.initStyleOption(option)
    element = QStyle.SubElement.SE_RadioButtonIndicator if kind is QRadioButton \
        else QStyle.SubElement.SE_CheckBoxIndicator
    box = button.style().subElementRect(element, option, button)
    image = button.grab().toImage()
    window = button.palette().color(QPalette.ColorRole.Window)
    ratio = max(contrast(image.pixelColor(x, y), window)
                for x in range(box.left(), box.right() + 1)
                for y in range(box.top(), box.bottom() + 1))
    # WCAG 1.4.11: the parts of a control a person must see need 3:1 against what is around.
    assert ratio >= 3.0, f"{kind.__name__} in {theme}: {ratio:.2f}"
