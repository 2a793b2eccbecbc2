"""Focus mode shows only the entry's text; F11, Esc or "Leave focus" brings back what was there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from partsjournal.domain import Entry
from partsjournal.ui.app.main_window import MainWindow
from partsjournal.vault import Vault


def _visible(window: MainWindow) -> list[QWidget]:
    """Every visible widget of the window that shows something (not a bare container).

    Scroll bars come and go with the text's length and the layout's timing: left out.
    """
    return [w for w in window.findChildren(QWidget)
            if w.isVisible() and type(w) is not QWidget and not w.inherits("QScrollBar")]


def _window(qtbot: QtBot, vault: Vault) -> tuple[MainWindow, str]:
    entry = vault.entries.add(Entry(title="Morning", body="The critic was quiet today."))
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    window.open_entry(entry.id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts answer in the active window only
    qtbot.waitUntil(lambda: window.journal.editor.body.isVisible())
    return window, entry.id


def test_f11_shows_only_the_text_and_esc_brings_everything_back(qtbot: QtBot,
                                                                vault: Vault) -> None:
    window, _ = _window(qtbot, vault)
    editor = window.journal.editor
    before = set(_visible(window))
    assert window.sidebar in before and editor.title in before and editor.details in before
    assert window.journal.list_pane.isVisible()

    qtbot.keyClick(editor.body, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.focus_mode.is_on)
    shown = _visible(window)
    hidden = (window.sidebar, window.journal.list_pane, window.menuBar(), window.statusBar(),
              editor.title, editor.meta, editor.format_bar, editor.details, window.search_field)
    assert [w for w in hidden if w.isVisible()] == []
    assert editor.body.isVisible() and editor.body.hasFocus()
    assert editor.leave_focus_button.isVisible()
    # Nothing that reads as content is left beside the text: labels, buttons, fields, lists.
    readable = [w for w in shown if w.inherits("QLabel") or w.inherits("QAbstractButton")
                or w.inherits("QLineEdit") or w.inherits("QAbstractItemView")]
    assert readable == [editor.leave_focus_button]
    assert window.focus_mode.action.isChecked()

    qtbot.keyClick(editor.body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.body, " Still here.")
    qtbot.keyClick(editor.body, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.focus_mode.is_on)
    assert set(_visible(window)) == before
    assert not editor.leave_focus_button.isVisible()
    assert editor.body.toPlainText().endswith("Still here.")
    assert not window.focus_mode.action.isChecked()


def test_the_buttons_and_the_menu_enter_and_leave(qtbot: QtBot, vault: Vault) -> None:
    window, entry_id = _window(qtbot, vault)
    editor = window.journal.editor
    qtbot.mouseClick(editor.focus_button, Qt.MouseButton.LeftButton)
    assert window.focus_mode.is_on and not window.sidebar.isVisible()
    qtbot.mouseClick(editor.leave_focus_button, Qt.MouseButton.LeftButton)
    assert not window.focus_mode.is_on and window.sidebar.isVisible()
    assert editor.details.isVisible(), "the details come back as they were"

    editor.set_details_shown(False)
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    focus = next(a for a in view_menu.actions() if a.text() == "&Focus mode")
    assert focus.shortcut().toString() == "F11"
    focus.trigger()
    assert window.focus_mode.is_on
    focus.trigger()
    assert not window.focus_mode.is_on
    assert not editor.details.isVisible(), "details put away stay away after focus mode"
    assert editor.entry_id == entry_id


def test_focus_from_another_page_opens_a_fresh_entry_to_write_in(qtbot: QtBot,
                                                                 vault: Vault) -> None:
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_parts()
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.focus_mode.is_on)
    assert window.pages.currentWidget() is window.journal
    assert window.journal.editor.body.isVisible() and window.journal.editor.body.hasFocus()
    qtbot.keyClick(window.journal.editor.body, Qt.Key.Key_F11)
    assert not window.focus_mode.is_on and window.sidebar.isVisible()


def test_locking_in_focus_mode_clears_it(qtbot: QtBot, vault: Vault) -> None:
    window, _ = _window(qtbot, vault)
    window.focus_mode.set_on(True)
    window.clear_all()
    assert not window.focus_mode.is_on
    assert window.journal.editor.body.toPlainText() == ""
