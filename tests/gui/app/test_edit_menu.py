"""The Edit menu follows the focused text field: Undo undoes typing, Copy copies its selection."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from partsjournal.domain import Entry
from partsjournal.ui.app.main_window import MainWindow
from partsjournal.vault import Vault


def _shown(qtbot: QtBot, window: MainWindow) -> MainWindow:
    qtbot.addWidget(window)
    window.resize(1200, 780)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_undo_and_redo_in_the_menu_act_on_the_typing(qtbot: QtBot, vault: Vault) -> None:
    window = _shown(qtbot, MainWindow(vault))
    window.new_entry()
    body = window.journal.editor.body
    body.setFocus()
    qtbot.waitUntil(body.hasFocus)
    assert not window.undo_action.isEnabled()  # nothing typed, nothing done
    qtbot.keyClicks(body, "The critic got loud")
    assert window.undo_action.isEnabled()
    assert window.undo_action.text().replace("&", "") == "Undo typing"
    window.undo_action.trigger()
    assert "loud" not in body.toPlainText()
    assert window.redo_action.isEnabled()
    window.redo_action.trigger()
    assert body.toPlainText() == "The critic got loud"


def test_cut_copy_paste_and_select_all_follow_the_focused_field(qtbot: QtBot,
                                                                 vault: Vault) -> None:
    window = _shown(qtbot, MainWindow(vault))
    window.new_entry()
    actions = window.edit_actions
    title = window.journal.editor.title
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    qtbot.keyClicks(title, "Morning pages")
    assert actions.field is title
    assert not actions.copy.isEnabled()  # nothing selected yet
    actions.select_all.trigger()
    assert title.selectedText() == "Morning pages"
    assert actions.copy.isEnabled() and actions.cut.isEnabled()
    actions.cut.trigger()
    assert title.text() == "" and QApplication.clipboard().text() == "Morning pages"
    body = window.journal.editor.body
    body.setFocus()
    qtbot.waitUntil(lambda: actions.field is body)
    assert actions.paste.isEnabled()
    actions.paste.trigger()
    assert body.toPlainText() == "Morning pages"


def test_with_no_text_field_focused_undo_is_the_journals(qtbot: QtBot, vault: Vault,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    entry = vault.entries.add(Entry(title="Keep me", body="precious"))
    window = _shown(qtbot, MainWindow(vault))
    window.open_entry(entry.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.journal.editor.delete_button.click()
    window.journal.list.setFocus()
    qtbot.waitUntil(lambda: window.edit_actions.field is None)
    assert window.undo_action.isEnabled()
    assert window.undo_action.text().replace("&", "").startswith("Undo ")
    assert window.undo_action.text().replace("&", "") != "Undo typing"
    assert not window.edit_actions.paste.isEnabled()  # no field to paste into
    window.undo_action.trigger()
    assert vault.entries.get(entry.id).body == "precious"
