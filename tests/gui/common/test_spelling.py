"""Spell-checking in the text fields: the red wave, the suggestions, the person's own words."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit
from pytestqt.qtbot import QtBot

from partsjournal.ui.common import spelling
from partsjournal.ui.common.spelling_marks import MisspeltWords
from partsjournal.vault import Vault
from partsjournal.vault.vault import vault_files

from ...canary import files_containing, needles
from ...conftest import PASSPHRASE
from .spelling_fixture import LANGUAGE, enchant_or_skip, use_fixture_dictionary

WAVE = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


@pytest.fixture(autouse=True)
def _fresh_preferences() -> Iterator[None]:
    spelling.set_preferences(True, "")
    yield
    spelling.forget_all()
    spelling.set_preferences(True, "")


@pytest.fixture
def fixture_dictionary(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    use_fixture_dictionary(monkeypatch, tmp_path)


def _checker(vault: Vault) -> spelling.SpellChecker:
    checker = spelling.checker_for(vault)
    assert checker is not None
    return checker


def _waves(edit: QPlainTextEdit | QTextEdit, block_number: int = 0) -> list[tuple[int, int]]:
    layout: QTextLayout = edit.document().findBlockByNumber(block_number).layout()
    return [(r.start, r.length) for r in layout.formats()
            if r.format.underlineStyle() == WAVE]


def _point_in_word(edit: QPlainTextEdit | QTextEdit, position: int) -> QPoint:
    cursor = edit.textCursor()
    cursor.setPosition(position)
    return edit.cursorRect(cursor).center()


# The checker ----------------------------------------------------------------------------------

def test_misspelt_words_are_found_in_utf16_units_and_the_rest_left_alone(
        fixture_dictionary: None, vault: Vault) -> None:
    checker = _checker(vault)
    marks: MisspeltWords = checker  # what the highlighters ask for (checked by mypy)
    assert marks is checker
    assert checker.language == LANGUAGE
    text = "The critic protcts me"
    assert checker.misspelt(text) == [(11, 7)]
    # After an emoji (two UTF-16 units) the word starts one unit later than its Python index.
    emoji = "🙂 protcts"
    assert checker.misspelt(emoji) == [(3, 7)]
    # Apostrophes inside words; numbers, acronyms, addresses and `code` are not checked.
    assert checker.misspelt("don't part's") == []
    skipped = "IFS 2026 is https://exmple.org and sam@exmple.org and `zzqx` protcts"
    assert checker.misspelt(skipped) == [(len(skipped) - 7, 7)]  # only the last word
    assert checker.misspelt("") == []


def test_suggestions_are_at_most_six_and_exclude_the_word(
        fixture_dictionary: None, vault: Vault) -> None:
    checker = _checker(vault)
    assert checker.suggestions("protcts") == ["protects"]
    assert len(checker.suggestions("pa")) <= spelling.MAX_SUGGESTIONS


def test_a_warm_check_of_a_line_is_well_under_a_millisecond(
        fixture_dictionary: None, vault: Vault) -> None:
    checker = _checker(vault)
    line = ("The critic protects me from shame today and it felt calm, the quiet part's "
            "protcts my parts")[:120]
    checker.misspelt(line)
    runs = 200
    start = time.perf_counter()
    for _ in range(runs):
        checker.misspelt(line)
    per_line = (time.perf_counter() - start) / runs
    assert per_line < 0.0005, f"{per_line * 1e6:.0f} µs a line"


# Plain and rich text fields ----------------------------------------------------------------

@pytest.mark.parametrize("kind", [QPlainTextEdit, QTextEdit])
def test_a_misspelt_word_gets_the_wave_and_a_correct_one_does_not(
        qtbot: QtBot, fixture_dictionary: None, vault: Vault,
        kind: type[QPlainTextEdit] | type[QTextEdit]) -> None:
    edit = kind()
    qtbot.addWidget(edit)
    edit.setPlainText("🙂 the critic protcts me")
    spelling.attach_spelling(edit, vault)
    assert _waves(edit) == [(14, 7)]  # "protcts", after the two-unit emoji
    edit.setPlainText("the critic protects me")
    assert _waves(edit) == []


def test_choosing_a_suggestion_replaces_the_word_in_one_undo_step(
        qtbot: QtBot, fixture_dictionary: None, vault: Vault) -> None:
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.resize(400, 200)
    edit.show()
    edit.setPlainText("the critic protcts me")
    spelling.attach_spelling(edit, vault)
    actions = spelling.spelling_actions(edit, _point_in_word(edit, 13))
    texts = [a.text() for a in actions]
    assert texts == ["protects", "Add “protcts” to my dictionary"]
    actions[0].trigger()
    assert edit.toPlainText() == "the critic protects me"
    assert _waves(edit) == []
    edit.undo()
    assert edit.toPlainText() == "the critic protcts me"
    assert spelling.spelling_actions(edit, _point_in_word(edit, 2)) == []  # "the" is fine


def test_adding_a_word_removes_the_wave_survives_lock_and_leaves_no_file_outside_the_vault(
        qtbot: QtBot, fixture_dictionary: None, vault: Vault, vault_dir: Path,
        _private_environment: Path) -> None:
    started = time.time() - 1
    canary = "Zorblatqx"
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.resize(400, 200)
    edit.show()
    edit.setPlainText(f"the {canary} part")
    spelling.attach_spelling(edit, vault)
    assert _waves(edit) == [(4, len(canary))]
    add = spelling.spelling_actions(edit, _point_in_word(edit, 6))[-1]
    assert add.text() == f"Add “{canary}” to my dictionary"
    add.trigger()
    assert _waves(edit) == []
    assert spelling.spelling_actions(edit, _point_in_word(edit, 6)) == []
    assert vault.dictionary.list() == [canary]

    wanted = needles(canary)
    assert files_containing(vault_dir, wanted) == []  # while open (WAL included)
    vault.lock()
    spelling.forget_all()
    for path in vault_files(vault_dir):
        assert canary.encode() not in path.read_bytes(), path
    for place in (_private_environment, Path(tempfile.gettempdir())):
        assert files_containing(place, wanted, since=started) == [], place

    again = Vault.unlock(vault_dir, PASSPHRASE, auto_backup=False)
    try:
        assert again.dictionary.list() == [canary]
        assert _checker(again).misspelt(f"the {canary} part") == []
    finally:
        again.lock()


def test_a_checker_forgets_the_words_when_its_vault_is_locked(
        fixture_dictionary: None, vault: Vault) -> None:
    checker = _checker(vault)
    checker.add_word("Zorblat")
    assert checker.personal_words() == ["Zorblat"]
    vault.lock()
    assert checker.misspelt("the Zorblt") == []
    assert checker.is_forgotten and checker.personal_words() == []
    assert spelling.checker_for(vault) is None


def test_forget_all_clears_every_checker(fixture_dictionary: None, vault: Vault) -> None:
    checker = _checker(vault)
    checker.add_word("Zorblat")
    spelling.forget_all()
    assert checker.personal_words() == [] and checker.is_forgotten
    assert spelling.checker_for(vault) is not checker  # a fresh one reads the vault again
    assert _checker(vault).personal_words() == ["Zorblat"]


def test_turning_spelling_off_clears_the_waves_and_on_brings_them_back(
        qtbot: QtBot, fixture_dictionary: None, vault: Vault) -> None:
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText("the protcts")
    spelling.attach_spelling(edit, vault)
    assert _waves(edit) == [(4, 7)]
    spelling.set_preferences(False, "")
    assert spelling.checker_for(vault) is None
    assert _waves(edit) == []
    spelling.set_preferences(True, LANGUAGE)
    assert _waves(edit) == [(4, 7)]


def test_a_widget_with_its_own_highlighter_is_handed_the_checker(
        qtbot: QtBot, fixture_dictionary: None, vault: Vault) -> None:
    class MarkdownEditor(QPlainTextEdit):
        def __init__(self) -> None:
            super().__init__()
            self.handed: list[object] = []

        def set_spelling(self, checker: object) -> None:
            self.handed.append(checker)

    edit = MarkdownEditor()
    qtbot.addWidget(edit)
    edit.setPlainText("the protcts")
    spelling.attach_spelling(edit, vault)
    assert edit.handed == [spelling.checker_for(vault)]
    assert _waves(edit) == []  # it draws the wave itself
    spelling.set_preferences(False, "")
    assert edit.handed[-1] is None


# A line edit: the wave is painted over it ---------------------------------------------------

def _red_columns(edit: QLineEdit) -> set[int]:
    image = edit.grab().toImage()
    columns = set()
    for x in range(image.width()):
        for y in range(image.height()):
            color = image.pixelColor(x, y)
            if color.red() > 150 and color.green() < 110 and color.blue() < 110:
                columns.add(x)
                break
    return columns


def test_a_line_edit_shows_the_wave_under_the_misspelt_word(
        qtbot: QtBot, fixture_dictionary: None, vault: Vault) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.resize(320, 32)
    edit.setText("the critic protcts me")
    edit.setCursorPosition(0)
    spelling.attach_spelling(edit, vault)
    red = _red_columns(edit)
    assert red, "a red wave is painted"
    start = edit.cursorRect().x() + 5
    metrics = edit.fontMetrics()
    word_from = start + metrics.horizontalAdvance("the critic ")
    word_to = start + metrics.horizontalAdvance("the critic protcts")
    assert min(red) >= word_from - 2 and max(red) <= word_to + 2
    assert max(red) - min(red) >= (word_to - word_from) * 0.8
    # The menu offers the suggestion; choosing it removes the wave, Undo brings the word back.
    point = QPoint(int(word_from + 5), edit.height() // 2)
    actions = spelling.spelling_actions(edit, point)
    assert [a.text() for a in actions][0] == "protects"
    actions[0].trigger()
    assert edit.text() == "the critic protects me"
    assert _red_columns(edit) == set()
    edit.undo()
    assert edit.text() == "the critic protcts me"


def test_a_password_field_is_never_checked(
        qtbot: QtBot, fixture_dictionary: None, vault: Vault) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setText("protcts")
    spelling.attach_spelling(edit, vault)
    assert _red_columns(edit) == set()
    assert spelling.spelling_actions(edit, QPoint(5, 5)) == []


# Without Enchant ---------------------------------------------------------------------------

def test_without_enchant_fields_work_and_nothing_is_underlined(
        qtbot: QtBot, vault: Vault, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "enchant", None)  # "import enchant" raises ImportError
    monkeypatch.setattr(spelling, "_broker", None)
    assert spelling.installed_languages() == [] and not spelling.is_available()
    assert spelling.checker_for(vault) is None
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    spelling.attach_spelling(edit, vault)
    qtbot.keyClicks(edit, "the protcts")
    assert edit.toPlainText() == "the protcts"
    assert _waves(edit) == []
    line = QLineEdit()
    qtbot.addWidget(line)
    spelling.attach_spelling(line, vault)
    qtbot.keyClicks(line, "protcts")
    assert line.text() == "protcts" and _red_columns(line) == set()


# The real dictionary, and nothing written while checking -----------------------------------

def test_enchant_writes_nothing_to_disk_while_checking(tmp_path: Path) -> None:
    enchant_or_skip()
    home = tmp_path / "empty-home"
    home.mkdir()
    script = (
        "from partsjournal.ui.common import spelling\n"
        "tags = spelling.installed_languages()\n"
        "d = spelling._open_dictionary(spelling.resolve_language('') or 'en_US')\n"
        "if d is not None:\n"
        "    d.check('Zorblat'); d.suggest('protcts')\n"
        "print(len(tags))\n")
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_DATA_HOME": str(home / ".local/share"), "XDG_CACHE_HOME": str(home / ".cache")}
    env.pop("ENCHANT_CONFIG_DIR", None)
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                            text=True, timeout=60, check=True)
    assert result.stdout.strip().isdigit()
    assert list(home.rglob("*")) == []


def test_the_real_en_us_dictionary(vault: Vault) -> None:
    enchant_or_skip()
    if "en_US" not in spelling.installed_languages():
        pytest.skip("no en_US dictionary installed (apt install hunspell-en-us)")
    spelling.set_preferences(True, "en_US")
    checker = _checker(vault)
    assert checker.language == "en_US"
    assert checker.misspelt("My inner critic protcts me, doesn't it?") == [(16, 7)]
    assert "protects" in checker.suggestions("protcts")


# The real right-click menu, and a lazy start ------------------------------------------------

def test_the_right_click_menu_puts_the_spelling_above_the_standard_actions(
        qtbot: QtBot, fixture_dictionary: None, vault: Vault) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu

    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.resize(400, 200)
    edit.show()
    edit.setPlainText("the critic protcts me")
    spelling.attach_spelling(edit, vault)
    point = _point_in_word(edit, 13)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                              edit.viewport().mapToGlobal(point), Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(edit.viewport(), event)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    texts = [a.text() for a in menu.actions()]
    assert texts[:2] == ["protects", "Add “protcts” to my dictionary"]
    assert menu.actions()[2].isSeparator()
    assert any("Copy" in t for t in texts[3:]), texts  # the standard actions follow
    menu.close()
    assert event.type() == QEvent.Type.ContextMenu


def test_enchant_is_not_loaded_until_a_checker_is_wanted() -> None:
    code = ("import sys, partsjournal.ui.common.spelling, partsjournal.ui.parts.part_editor, "
            "partsjournal.ui.settings.settings_dialog; print('enchant' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip() == "False"


def test_the_line_edit_wave_follows_the_text_when_it_scrolls(
        qtbot: QtBot, fixture_dictionary: None, vault: Vault) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.resize(160, 32)
    edit.setText("the critic " * 6 + "protcts")
    edit.setCursorPosition(len(edit.text()))  # scrolled to the end
    spelling.attach_spelling(edit, vault)
    red = _red_columns(edit)
    cursor_x = edit.cursorRect().x() + 5
    word = edit.fontMetrics().horizontalAdvance("protcts")
    assert red and max(red) <= cursor_x + 2 and min(red) >= cursor_x - word - 2
