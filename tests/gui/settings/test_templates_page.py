"""Settings ▸ Templates: a kind's template edited, saved, reset — stored in the vault only."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from partsjournal.domain.model import EntryKind
from partsjournal.domain.templates import default_template
from partsjournal.ui.common.spelling import _attachment_of
from partsjournal.ui.settings.settings import Settings
from partsjournal.ui.settings.settings_dialog import SettingsDialog
from partsjournal.ui.settings.templates_page import TemplatesPage
from partsjournal.vault import Vault
from partsjournal.vault.templates import starting_body

MINE = "## What is the Critic saying today?\n\nQ: "


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "s.ini")


def _dialog(qtbot: QtBot, settings: Settings, vault: Vault | None) -> SettingsDialog:
    dialog = SettingsDialog(settings, vault)
    qtbot.addWidget(dialog)
    dialog.show()
    if dialog.templates_page is not None:
        dialog.tabs.setCurrentWidget(dialog.templates_page)
    return dialog


def _page(dialog: SettingsDialog) -> TemplatesPage:
    assert dialog.templates_page is not None
    return dialog.templates_page


def _type_over(qtbot: QtBot, editor: QPlainTextEdit, text: str) -> None:
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        if line:
            qtbot.keyClicks(editor, line)


def _save(qtbot: QtBot, dialog: SettingsDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def _stored(vault: Vault) -> list[tuple[str, str]]:
    return [(str(r[0]), str(r[1])) for r in
            vault.db.all("SELECT kind, body FROM entry_templates ORDER BY kind")]


def test_the_tab_is_there_only_with_a_journal_open(qtbot: QtBot, settings: Settings,
                                                   vault: Vault) -> None:
    without = _dialog(qtbot, settings, None)
    tabs = [without.tabs.tabText(i) for i in range(without.tabs.count())]
    assert without.templates_page is None and "T&emplates" not in tabs
    with_vault = _dialog(qtbot, settings, vault)
    page = _page(with_vault)
    assert with_vault.tabs.tabText(with_vault.tabs.indexOf(page)) == "T&emplates"


def test_it_shows_each_kinds_default_and_says_so(qtbot: QtBot, settings: Settings,
                                                 vault: Vault) -> None:
    page = _page(_dialog(qtbot, settings, vault))
    combo = page.kind_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Solo session", "Therapy session", "Peer session", "Check-in", "Note"]
    page.choose(EntryKind.THERAPY_SESSION)
    assert page.editor.toPlainText() == default_template(EntryKind.THERAPY_SESSION)
    assert "\nQ: " in page.editor.toPlainText()
    assert page.status.text() == "The default template."
    assert not page.reset_button.isEnabled()
    assert page.editor.accessibleName() == "Template for a new therapy session"
    page.choose(EntryKind.NOTE)
    assert page.editor.toPlainText() == ""
    assert page.status.text() == "The default: a note starts empty."
    assert _attachment_of(page.editor) is not None, "the template is spell-checked"


def test_a_template_is_edited_saved_and_reset_in_the_vault(qtbot: QtBot, settings: Settings,
                                                          vault: Vault) -> None:
    dialog = _dialog(qtbot, settings, vault)
    page = _page(dialog)
    page.choose(EntryKind.CHECK_IN)
    _type_over(qtbot, page.editor, MINE)
    assert page.status.text() == "Your own template (saved when you press Save)."
    assert page.reset_button.isEnabled()
    assert _stored(vault) == [], "nothing is stored before Save"
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    assert _stored(vault) == [("check_in", MINE)]
    assert starting_body(vault, EntryKind.CHECK_IN) == MINE
    assert Path(settings.file_name).read_text(encoding="utf-8").find("Critic") == -1, \
        "a template never reaches the settings file"

    again = _dialog(qtbot, settings, vault)
    page = _page(again)
    page.choose(EntryKind.CHECK_IN)
    assert page.editor.toPlainText() == MINE
    assert page.status.text() == "Your own template."
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    assert page.editor.toPlainText() == default_template(EntryKind.CHECK_IN)
    assert page.status.text() == "The default template."
    assert not page.reset_button.isEnabled()
    assert _stored(vault) == [("check_in", MINE)], "Reset is stored on Save"
    _save(qtbot, again)
    assert _stored(vault) == []
    assert starting_body(vault, EntryKind.CHECK_IN) == default_template(EntryKind.CHECK_IN)


def test_edits_of_several_kinds_are_kept_while_switching_and_cancel_forgets_them(
        qtbot: QtBot, settings: Settings, vault: Vault) -> None:
    dialog = _dialog(qtbot, settings, vault)
    page = _page(dialog)
    page.choose(EntryKind.NOTE)
    _type_over(qtbot, page.editor, "Today:")
    page.choose(EntryKind.PEER_SESSION)
    _type_over(qtbot, page.editor, "## Who companioned")
    page.choose(EntryKind.NOTE)
    assert page.editor.toPlainText() == "Today:"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert _stored(vault) == []

    dialog = _dialog(qtbot, settings, vault)
    page = _page(dialog)
    page.choose(EntryKind.NOTE)
    assert page.editor.toPlainText() == ""
    _type_over(qtbot, page.editor, "Today:")
    page.choose(EntryKind.PEER_SESSION)
    _type_over(qtbot, page.editor, "## Who companioned")
    _save(qtbot, dialog)
    assert _stored(vault) == [("note", "Today:"), ("peer_session", "## Who companioned")]


def test_a_refused_template_keeps_the_dialog_open_and_says_why(
        qtbot: QtBot, settings: Settings, vault: Vault) -> None:
    dialog = _dialog(qtbot, settings, vault)
    page = _page(dialog)
    page.choose(EntryKind.SOLO_SESSION)
    page.editor.setPlainText("## Find\x07")  # pasted, with a bell character
    page.choose(EntryKind.CHECK_IN)
    page.editor.setPlainText("part " * 20_000)  # a paste far too long
    dialog.tabs.setCurrentIndex(0)
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.tabs.currentWidget() is page
    assert page.kind is EntryKind.SOLO_SESSION, "the refused one is shown"
    assert page.problem.isVisible()
    assert page.problem.text() == ("This template can't be saved: The template contains "
                                   "invisible control characters.")
    assert _stored(vault) == [], "nothing is stored when one of them is refused"
    page.editor.setPlainText("## Find")
    assert page.problem.isHidden()
    _save(qtbot, dialog)
    assert dialog.isVisible() and page.kind is EntryKind.CHECK_IN
    assert "A template can be at most 10,000 characters; this one has 100,000." in \
        page.problem.text()
    _type_over(qtbot, page.editor, "## Here")
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    assert _stored(vault) == [("check_in", "## Here"), ("solo_session", "## Find")]


def test_the_keyboard_reaches_everything_and_tab_leaves_the_editor(
        qtbot: QtBot, settings: Settings, vault: Vault, qapp: QApplication) -> None:
    dialog = _dialog(qtbot, settings, vault)
    page = _page(dialog)
    page.choose(EntryKind.CHECK_IN)
    _type_over(qtbot, page.editor, "x")
    page.kind_combo.setFocus()
    qtbot.waitUntil(page.kind_combo.hasFocus)
    qtbot.keyClick(page.kind_combo, Qt.Key.Key_Tab)
    qtbot.waitUntil(page.editor.hasFocus)
    qtbot.keyClick(page.editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(page.reset_button.hasFocus)
    assert page.editor.toPlainText() == "x", "Tab moved on instead of typing a tab"
    assert page.reset_button.accessibleName() == "Reset the check-in template to the default"
    qtbot.keyClick(page.reset_button, Qt.Key.Key_Space)
    assert page.editor.toPlainText() == default_template(EntryKind.CHECK_IN)
