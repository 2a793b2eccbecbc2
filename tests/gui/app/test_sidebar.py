"""The sidebar: rooms with icons and names, the page's name above it, folding when room is short."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget
from pytestqt.qtbot import QtBot

from partsjournal.ui.app.main_window import MainWindow
from partsjournal.ui.app.sidebar import COMPACT_WIDTH, SIDEBAR_WIDTH


def _shown(qtbot: QtBot, window: MainWindow, width: int, height: int) -> MainWindow:
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_each_room_has_an_icon_and_its_name_and_the_page_says_where_you_are(  # type: ignore[no-untyped-def]
        qtbot: QtBot, sample_vault) -> None:
    window = _shown(qtbot, MainWindow(sample_vault), 1280, 800)
    names = [button.text() for button in window.sidebar.buttons.values()]
    assert names == ["Journal", "Parts", "Map", "Peers", "Insights", "This week", "Settings",
                     "Lock"]
    for button in window.sidebar.buttons.values():
        assert not button.icon().isNull()
        assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        assert button.accessibleName() == button.text()
    assert window.page_title.text() == "Journal"
    qtbot.mouseClick(window.sidebar.buttons["waypoints"], Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.map and window.page_title.text() == "Map"
    assert window.map_action.isChecked() and not window.journal_action.isChecked()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_2,
                   Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.parts and window.page_title.text() == "Parts"
    window.search_field.setText("critic")
    assert window.page_title.text() == "Search"
    window.search_field.clear()
    assert window.page_title.text() == "Parts"


def test_the_sidebar_folds_to_icons_when_the_peer_panel_needs_the_room(  # type: ignore[no-untyped-def]
        qtbot: QtBot, sample_vault) -> None:
    window = _shown(qtbot, MainWindow(sample_vault), 1200, 780)
    assert window.sidebar.width() == SIDEBAR_WIDTH and not window.sidebar.compact
    window.start_peer_session()
    dock = window.findChild(QDockWidget, "peer-session")
    assert dock is not None
    qtbot.waitUntil(dock.isVisible)
    assert window.sidebar.compact and window.sidebar.width() == COMPACT_WIDTH
    assert window.width() == 1200
    for button in window.sidebar.buttons.values():  # folded, each still says what it is
        assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        assert button.toolTip() and button.accessibleName()
    dock.close()
    qtbot.waitUntil(lambda: not window.sidebar.compact)
    assert window.sidebar.width() == SIDEBAR_WIDTH and window.width() == 1200


def test_a_wide_window_keeps_the_names_beside_the_panel(  # type: ignore[no-untyped-def]
        qtbot: QtBot, sample_vault) -> None:
    window = _shown(qtbot, MainWindow(sample_vault), 1700, 900)
    window.start_peer_session()
    dock = window.findChild(QDockWidget, "peer-session")
    assert dock is not None
    qtbot.waitUntil(dock.isVisible)
    assert not window.sidebar.compact
