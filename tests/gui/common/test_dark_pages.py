"""Every top-level page in dark mode: each visible label and button reads on its background.

It measures the colours each widget is given (its palette's foreground on its background), so
it holds the palette and any colour a page sets on a widget; what delegates and charts paint
themselves is held by their own tests.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from partsjournal.ui.app.main_window import MainWindow
from partsjournal.ui.common.theme import apply_theme
from partsjournal.vault import Vault

from ..fixtures import contrast, shown


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[None]:
    apply_theme(qapp, "dark")
    yield
    apply_theme(qapp, "system")


def _unreadable(page: QWidget) -> tuple[int, list[str]]:
    """How many labels and buttons were measured, and those under 4.5:1 (WCAG AA, text)."""
    found, measured = [], 0
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, QLabel | QAbstractButton) or not widget.isVisible() \
                or not widget.isEnabled() or not widget.text().strip():
            continue
        measured += 1
        palette = widget.palette()
        fg = palette.color(QPalette.ColorGroup.Active, widget.foregroundRole())
        bg = palette.color(QPalette.ColorGroup.Active, widget.backgroundRole())
        if contrast(fg, bg) < 4.5:
            found.append(f"{type(widget).__name__} {widget.text()[:40]!r}: "
                         f"{contrast(fg, bg):.2f}")
    return measured, found


def test_every_page_reads_in_dark_mode(qtbot: QtBot, sample_vault: Vault, dark: None) -> None:
    window = shown(qtbot, MainWindow(sample_vault, sample=True), 1280, 820)
    pages = {"journal": window.show_journal, "parts": window.show_parts,
             "map": window.show_map, "peers": window.show_peers,
             "insights": window.show_insights}
    problems = {}
    for name, show in pages.items():
        show()
        qtbot.waitUntil(lambda: window.pages.currentWidget().isVisible())
        measured, problems[name] = _unreadable(window)
        assert measured >= 8, name
    assert problems == {name: [] for name in pages}


def test_the_walk_sees_a_label_that_does_not_read(qtbot: QtBot, dark: None) -> None:
    page = shown(qtbot, QWidget())
    faint = QLabel("grey on grey", page)
    palette = faint.palette()
    palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.Window)
                     .lighter(115))
    faint.setPalette(palette)
    faint.show()
    problems = _unreadable(page)[1]
    assert len(problems) == 1 and problems[0].startswith("QLabel 'grey on grey'")
