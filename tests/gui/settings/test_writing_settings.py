"""Settings ▸ Writing: spelling on/off, its dictionary, the person's words, the writing face."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from partsjournal.ui.common import spelling
from partsjournal.ui.settings import settings as keys
from partsjournal.ui.settings.settings import Settings
from partsjournal.ui.settings.settings_dialog import SettingsDialog
from partsjournal.ui.settings.writing_settings import language_name
from partsjournal.vault import Vault

from ..common.spelling_fixture import LANGUAGE, use_fixture_dictionary


@pytest.fixture(autouse=True)
def _fresh_spelling() -> Iterator[None]:
    spelling.set_preferences(True, "")
    yield
    spelling.forget_all()
    spelling.set_preferences(True, "")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "s.ini")


def _dialog(qtbot: QtBot, settings: Settings, vault: Vault | None) -> SettingsDialog:
    dialog = SettingsDialog(settings, vault)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.writing_page)
    return dialog


def _words(dialog: SettingsDialog) -> list[str]:
    """The words the list shows (its rows, as a person reads them)."""
    model = dialog.writing_page.words_list.model()
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def _select(dialog: SettingsDialog, row: int) -> None:
    listed = dialog.writing_page.words_list
    listed.selectionModel().select(listed.model().index(row, 0),
                                   QItemSelectionModel.SelectionFlag.Select)


def test_the_preferences_are_shown_and_saved_on_save(
        qtbot: QtBot, settings: Settings, vault: Vault, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    use_fixture_dictionary(monkeypatch, tmp_path)
    dialog = _dialog(qtbot, settings, vault)
    page = dialog.writing_page
    assert dialog.tabs.tabText(dialog.tabs.indexOf(page)) == "&Writing"
    assert page.spelling_check.isChecked()
    combo = page.language_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["", LANGUAGE]
    assert combo.isEnabled() and page.unavailable.isHidden()
    assert page.font_family == "" and not page.font_note.isHidden()
    assert page.size_spin.value() == 13

    page.spelling_check.setChecked(False)
    assert not combo.isEnabled()
    page.spelling_check.setChecked(True)
    combo.setCurrentIndex(1)
    other = next(page.font_combo.itemText(i) for i in range(page.font_combo.count())
                 if page.font_combo.itemText(i) != QApplication.font().family())
    page.font_combo.setCurrentIndex(page.font_combo.findText(other))
    page.font_combo.activated.emit(page.font_combo.currentIndex())
    assert page.font_family == other and page.font_note.isHidden()
    page.size_spin.setValue(16)
    dialog.ok_button.click()
    assert settings.get(keys.SPELLING_ON) is True
    assert settings.get(keys.SPELLING_LANGUAGE) == LANGUAGE
    assert settings.get(keys.WRITING_FONT_FAMILY) == other
    assert settings.get(keys.WRITING_FONT_SIZE) == 16

    again = _dialog(qtbot, settings, vault)
    assert again.writing_page.language_combo.currentData() == LANGUAGE
    assert again.writing_page.font_family == other
    again.writing_page.default_font_button.click()
    assert again.writing_page.font_family == ""
    again.cancel_button.click()
    assert settings.get(keys.WRITING_FONT_FAMILY) == other  # Cancel keeps what was stored


def test_the_personal_words_are_listed_and_removed_from_the_vault_and_the_checker(
        qtbot: QtBot, settings: Settings, vault: Vault, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    use_fixture_dictionary(monkeypatch, tmp_path)
    checker = spelling.checker_for(vault)
    assert checker is not None
    checker.add_word("Zorblat")
    checker.add_word("exilic")
    assert checker.misspelt("Zorblat") == []
    dialog = _dialog(qtbot, settings, vault)
    page = dialog.writing_page
    assert page.words_box.isVisible()
    assert _words(dialog) == ["exilic", "Zorblat"]
    assert not page.no_words.isVisible()
    assert not page.remove_word_button.isEnabled()
    _select(dialog, 1)
    assert page.remove_word_button.isEnabled()
    page.remove_word_button.click()
    assert _words(dialog) == ["exilic"]
    assert vault.dictionary.list() == ["exilic"]
    assert checker.misspelt("Zorblat") == [(0, 7)]
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    page.words_list.setFocus()
    _select(dialog, 0)
    qtbot.keyClick(page.words_list, Qt.Key.Key_Delete)  # the keyboard way
    assert vault.dictionary.list() == [] and _words(dialog) == []
    assert page.no_words.isVisible() and page.no_words.text() == "No words yet."


def test_without_a_journal_the_word_list_is_not_shown(
        qtbot: QtBot, settings: Settings, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    use_fixture_dictionary(monkeypatch, tmp_path)
    dialog = _dialog(qtbot, settings, None)
    assert dialog.writing_page.words_box.isHidden()
    assert dialog.writing_page.spelling_check.isVisible()


def test_without_enchant_the_page_says_why_and_how_to_get_it(
        qtbot: QtBot, settings: Settings, vault: Vault,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "enchant", None)  # "import enchant" raises ImportError
    monkeypatch.setattr(spelling, "_broker", None)
    dialog = _dialog(qtbot, settings, vault)
    page = dialog.writing_page
    message = page.unavailable.text()
    assert page.unavailable.isVisible()
    assert message.startswith("Spell-checking needs the Enchant library and a dictionary.")
    assert "sudo apt install libenchant-2-2 hunspell-en-us" in message
    assert "enchant2 hunspell-en" in message and "enchant hunspell-en_us" in message
    assert not page.language_combo.isEnabled()
    assert page.size_spin.isEnabled() and page.font_combo.isEnabled()
    dialog.ok_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_languages_have_readable_names() -> None:
    assert language_name("de_DE") == "Deutsch (Deutschland)"
    assert language_name("en_GB").endswith("(United Kingdom)")
    assert language_name("xx_not_a_tag") == "xx_not_a_tag"


def test_every_control_has_an_accessible_name_and_the_labels_have_buddies(
        qtbot: QtBot, settings: Settings, vault: Vault, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    use_fixture_dictionary(monkeypatch, tmp_path)
    page = _dialog(qtbot, settings, vault).writing_page
    for control in (page.spelling_check, page.language_combo, page.font_combo,
                    page.default_font_button, page.size_spin, page.words_list,
                    page.remove_word_button):
        assert control.accessibleName(), control.objectName()
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus, control.objectName()
