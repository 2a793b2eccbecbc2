"""Dialogue with parts in the entry body: coloured speakers, names offered, turns continued."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat
from PySide6.QtWidgets import QLineEdit, QToolButton, QVBoxLayout, QWidget

from partsjournal.domain.dialogue import Speaker
from partsjournal.ui.common.theme import SELF_COLOR, contrast_ratio, dark_palette, light_palette
from partsjournal.ui.journal.body_edit import MarkdownBodyEdit
from partsjournal.ui.journal.format_bar import FormatBar
from partsjournal.ui.journal.markdown_highlighter import SPEAKER_CONTRAST, speaker_colour

SELF = Speaker("Self", None, is_self=True)
CRITIC = Speaker("The Critic", "#d08a3c")  # a firefighter-ish amber: 2.6:1 on white as it is
LITTLE = Speaker("Little One", "#9b6fc4")
SPEAKERS = [SELF, CRITIC, LITTLE, Speaker("The", "#4a7fb5")]


@pytest.fixture
def body(qtbot) -> MarkdownBodyEdit:  # type: ignore[no-untyped-def]
    window = QWidget()
    layout = QVBoxLayout(window)
    edit = MarkdownBodyEdit(window)
    edit.setTabChangesFocus(True)
    bar = FormatBar(edit, window)
    layout.addWidget(bar)
    layout.addWidget(edit)
    layout.addWidget(QLineEdit(window))
    qtbot.addWidget(window)
    window.resize(700, 400)
    window.show()
    qtbot.waitExposed(window)
    edit.setFocus()
    edit.set_speakers(SPEAKERS)
    edit.window_for_test = window  # type: ignore[attr-defined]  # keep it alive
    edit.bar_for_test = bar  # type: ignore[attr-defined]
    return edit


def formats_at(edit: MarkdownBodyEdit, block_number: int, column: int) -> QTextCharFormat:
    block = edit.document().findBlockByNumber(block_number)
    found = QTextCharFormat()
    for r in block.layout().formats():
        if r.start <= column < r.start + r.length:
            found.merge(r.format)
    return found


def colour_at(edit: MarkdownBodyEdit, block: int, column: int) -> QColor:
    return formats_at(edit, block, column).foreground().color()


def test_a_speaker_is_shown_bold_in_its_colour_and_the_words_stay_plain(
        qtbot, body: MarkdownBodyEdit) -> None:  # type: ignore[no-untyped-def]
    text = "Self: What do you want me to know?\nThe Critic: That I'm tired.\nNote: not a part"
    body.setPlainText(text)
    assert body.toPlainText() == text  # stored as typed
    base = body.palette().color(QPalette.ColorRole.Base)
    for block, column in ((0, 0), (0, 4), (1, 0), (1, 10)):
        assert formats_at(body, block, column).fontWeight() == QFont.Weight.Bold
        assert contrast_ratio(colour_at(body, block, column), base) >= SPEAKER_CONTRAST
    assert colour_at(body, 0, 0) != colour_at(body, 1, 0)  # each speaker its own colour
    assert colour_at(body, 1, 0) == speaker_colour(CRITIC, body.palette())
    for block, column in ((0, 7), (1, 13), (2, 0)):  # the words, and "Note:", are plain
        assert formats_at(body, block, column).fontWeight() != QFont.Weight.Bold
        assert not formats_at(body, block, column).hasProperty(QTextCharFormat.Property.ForegroundBrush)


@pytest.mark.parametrize("palette", [light_palette, dark_palette])
def test_speaker_colours_read_well_in_light_and_dark(palette) -> None:  # type: ignore[no-untyped-def]
    chosen = palette()
    base = chosen.color(QPalette.ColorRole.Base)
    for speaker in (*SPEAKERS, Speaker("Yellow", "#f2d024"), Speaker("Navy", "#101060")):
        colour = speaker_colour(speaker, chosen)
        assert contrast_ratio(colour, base) >= SPEAKER_CONTRAST, speaker
    # Self is Self-energy's teal, deepened or lightened, not some other hue.
    teal = speaker_colour(SELF, chosen)
    assert teal.hslHue() == pytest.approx(QColor(SELF_COLOR).hslHue(), abs=12)


def test_the_dark_theme_redraws_the_speakers(qtbot, body: MarkdownBodyEdit) -> None:  # type: ignore[no-untyped-def]
    body.setPlainText("The Critic: loud")
    light = colour_at(body, 0, 0)
    body.setPalette(dark_palette())
    dark = colour_at(body, 0, 0)
    assert dark != light
    assert contrast_ratio(dark, QColor("#33363b")) >= SPEAKER_CONTRAST


def test_speakers_given_later_colour_what_is_already_written(
        qtbot, body: MarkdownBodyEdit) -> None:  # type: ignore[no-untyped-def]
    body.set_speakers([])
    body.setPlainText("Little One: I'm scared")
    assert formats_at(body, 0, 0).fontWeight() != QFont.Weight.Bold
    body.set_speakers(SPEAKERS)
    assert formats_at(body, 0, 0).fontWeight() == QFont.Weight.Bold
    assert colour_at(body, 0, 0) == speaker_colour(LITTLE, body.palette())


def test_typing_a_name_offers_it_and_enter_writes_the_prefix(
        qtbot, body: MarkdownBodyEdit) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(body, "li")
    qtbot.waitUntil(body.names_popup.isVisible)
    model = body.completer.completionModel()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Little One"]
    assert body.names_popup.accessibleName() == "Who speaks"
    qtbot.keyClick(body, Qt.Key.Key_Return)
    assert body.toPlainText() == "Little One: "
    assert not body.names_popup.isVisible()
    qtbot.keyClicks(body, "I'm here")
    assert body.toPlainText() == "Little One: I'm here"


def test_tab_takes_the_name_chosen_with_the_arrows(qtbot, body: MarkdownBodyEdit) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(body, "Th")
    qtbot.waitUntil(body.names_popup.isVisible)
    model = body.completer.completionModel()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["The", "The Critic"]
    body.names_popup.setCurrentIndex(model.index(1, 0))  # what Down does in the list
    qtbot.keyClick(body, Qt.Key.Key_Tab)
    assert body.toPlainText() == "The Critic: "
    assert body.hasFocus()  # Tab chose a name; it did not leave the field


def test_escape_declines_and_ordinary_words_are_not_interrupted(
        qtbot, body: MarkdownBodyEdit) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(body, "Se")
    qtbot.waitUntil(body.names_popup.isVisible)
    qtbot.keyClick(body, Qt.Key.Key_Escape)
    assert not body.names_popup.isVisible()
    qtbot.keyClick(body, Qt.Key.Key_Return)
    assert body.toPlainText() == "Se\n"
    qtbot.keyClicks(body, "The weather was grey")  # past "The " no name fits any more
    assert not body.names_popup.isVisible()
    qtbot.keyClick(body, Qt.Key.Key_Return)
    assert body.toPlainText() == "Se\nThe weather was grey\n"
    qtbot.keyClicks(body, "S")  # one letter is not enough to interrupt
    assert not body.names_popup.isVisible()


def test_enter_hands_the_conversation_back_and_forth(qtbot, body: MarkdownBodyEdit) -> None:  # type: ignore[no-untyped-def]
    body.setPlainText("The Critic: You'll mess it up.")
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClick(body, Qt.Key.Key_Return)
    assert body.toPlainText() == "The Critic: You'll mess it up.\nSelf: "
    qtbot.keyClicks(body, "What are you afraid of?")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClicks(body, "Being laughed at.")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    assert body.toPlainText() == ("The Critic: You'll mess it up.\nSelf: What are you afraid of?"
                                  "\nThe Critic: Being laughed at.\nSelf: ")
    qtbot.keyClick(body, Qt.Key.Key_Return)  # nothing said: the conversation pauses
    assert body.toPlainText() == ("The Critic: You'll mess it up.\nSelf: What are you afraid of?"
                                  "\nThe Critic: Being laughed at.\n")
    assert formats_at(body, 2, 0).fontWeight() == QFont.Weight.Bold


def test_self_first_question_leaves_the_choice_to_the_person(
        qtbot, body: MarkdownBodyEdit) -> None:  # type: ignore[no-untyped-def]
    body.setPlainText("Self: Who is here?")
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClick(body, Qt.Key.Key_Return)
    assert body.toPlainText() == "Self: Who is here?\n"
    body.setPlainText("Self: Who is here?")
    cursor = body.textCursor()
    cursor.setPosition(6)  # in the middle of the turn, Enter only breaks the line
    body.setTextCursor(cursor)
    qtbot.keyClick(body, Qt.Key.Key_Return)
    assert body.toPlainText() == "Self: \nWho is here?"


def test_who_speaks_button_sets_and_switches_the_speaker(qtbot, body: MarkdownBodyEdit) -> None:  # type: ignore[no-untyped-def]
    bar: FormatBar = body.bar_for_test  # type: ignore[attr-defined]
    button = bar.buttons["speaker"]
    assert isinstance(button, QToolButton)
    assert button.accessibleName() == "Who speaks"
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    body.setPlainText("I want to stay")
    menu = button.menu()
    assert menu is not None
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions()] == ["Self", "Little One", "The", "The Critic"]
    next(a for a in menu.actions() if a.text() == "Little One").trigger()
    assert body.toPlainText() == "Little One: I want to stay"
    assert body.hasFocus()
    next(a for a in menu.actions() if a.text() == "Self").trigger()
    assert body.toPlainText() == "Self: I want to stay"
    next(a for a in menu.actions() if a.text() == "Self").trigger()  # again: no speaker
    assert body.toPlainText() == "I want to stay"


def test_a_name_with_an_ampersand_is_shown_as_written(qtbot, body: MarkdownBodyEdit) -> None:  # type: ignore[no-untyped-def]
    body.set_speakers([SELF, Speaker("Rock & Roll <b>", "#4a7fb5")])
    bar: FormatBar = body.bar_for_test  # type: ignore[attr-defined]
    menu = bar.buttons["speaker"].menu()
    assert menu is not None
    menu.aboutToShow.emit()
    action = menu.actions()[1]
    assert action.text().replace("&&", "&") == "Rock & Roll <b>"
    action.trigger()
    assert body.toPlainText() == "Rock & Roll <b>: "


def test_who_speaks_steps_aside_in_a_narrow_column(qtbot, body: MarkdownBodyEdit) -> None:  # type: ignore[no-untyped-def]
    bar: FormatBar = body.bar_for_test  # type: ignore[attr-defined]
    speaker = bar.buttons["speaker"]
    question = bar.buttons["question"]
    assert speaker.isVisible()
    narrow = bar.minimumSizeHint().width()
    assert narrow < bar.sizeHint().width()  # the bar asks no room for it
    window = body.window_for_test  # type: ignore[attr-defined]
    window.setMinimumWidth(0)
    window.resize(narrow + 30, 400)  # the layout's margins around the bar
    qtbot.waitUntil(lambda: bar.width() < narrow + speaker.sizeHint().width())
    qtbot.waitUntil(lambda: not speaker.isVisible())
    assert question.isVisible()  # the other buttons stay, whole
    assert question.geometry().right() <= bar.width()
    window.resize(900, 400)
    qtbot.waitUntil(speaker.isVisible)
