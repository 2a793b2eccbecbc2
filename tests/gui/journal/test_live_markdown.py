"""The entry body styles Markdown as it is typed, and stores exactly what was typed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QPalette, QTextCharFormat
from PySide6.QtWidgets import QLineEdit, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from partsjournal.ui.journal.body_edit import MarkdownBodyEdit
from partsjournal.ui.journal.format_bar import FormatBar
from partsjournal.ui.journal.journal_view import JournalView
from partsjournal.vault import Vault


class FakeChecker:
    """Calls every "teh" misspelt, counting in UTF-16 units as the real checker does."""

    def misspelt(self, text: str) -> list[tuple[int, int]]:
        found, start = [], text.find("teh")
        while start >= 0:
            found.append((len(text[:start].encode("utf-16-le")) // 2, 3))
            start = text.find("teh", start + 1)
        return found


@pytest.fixture
def body(qtbot) -> MarkdownBodyEdit:  # type: ignore[no-untyped-def]
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(QLineEdit(window))
    edit = MarkdownBodyEdit(window)
    edit.setTabChangesFocus(True)
    layout.addWidget(edit)
    layout.addWidget(QLineEdit(window))
    qtbot.addWidget(window)
    window.resize(700, 400)
    window.show()
    qtbot.waitExposed(window)
    edit.setFocus()
    edit.window_for_test = window  # type: ignore[attr-defined]  # keep it alive
    return edit


def formats_at(edit: MarkdownBodyEdit, block_number: int, column: int) -> QTextCharFormat:
    """The format the highlighter drew at ``column`` of the block (merged, last wins)."""
    block = edit.document().findBlockByNumber(block_number)
    found = QTextCharFormat()
    for r in block.layout().formats():
        if r.start <= column < r.start + r.length:
            found.merge(r.format)
    return found


def dim(edit: MarkdownBodyEdit) -> QColor:
    return edit.palette().color(QPalette.ColorRole.PlaceholderText)


def test_typing_strong_makes_it_bold_and_keeps_the_markers(qtbot, body: MarkdownBodyEdit) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(body, "**x** y")
    assert body.toPlainText() == "**x** y"
    assert formats_at(body, 0, 2).fontWeight() == QFont.Weight.Bold
    assert formats_at(body, 0, 6).fontWeight() != QFont.Weight.Bold
    for column in (0, 1, 3, 4):  # the markers stay, dimmed
        assert formats_at(body, 0, column).foreground().color() == dim(body)
    assert formats_at(body, 0, 2).foreground().color() != dim(body)


def test_headings_are_larger_and_emphasis_italic(qtbot, body: MarkdownBodyEdit) -> None:  # type: ignore[no-untyped-def]
    body.setPlainText("# Big\nplain *soft* text")
    size = body.document().defaultFont().pointSizeF()
    assert formats_at(body, 0, 3).fontPointSize() > size
    assert formats_at(body, 0, 0).foreground().color() == dim(body)
    assert formats_at(body, 1, 7).fontItalic()
    assert not formats_at(body, 1, 1).fontItalic()
    assert body.toPlainText() == "# Big\nplain *soft* text"


def test_code_is_monospace_and_never_underlined(qtbot, body: MarkdownBodyEdit) -> None:  # type: ignore[no-untyped-def]
    body.set_spelling(FakeChecker())
    body.setPlainText("teh `teh` end\n```\nteh **not bold**\n```\nafter teh")
    wave = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    assert formats_at(body, 0, 1).underlineStyle() == wave
    assert formats_at(body, 0, 6).underlineStyle() != wave
    assert formats_at(body, 0, 6).fontFixedPitch()
    assert formats_at(body, 2, 0).fontFixedPitch()  # inside the fenced block
    assert formats_at(body, 2, 0).underlineStyle() != wave
    assert formats_at(body, 2, 7).fontWeight() != QFont.Weight.Bold
    assert formats_at(body, 4, 7).underlineStyle() == wave  # after the fence closes
    assert not formats_at(body, 4, 0).fontFixedPitch()


def test_spelling_underlines_exactly_the_checkers_ranges_after_an_emoji(qtbot, body: MarkdownBodyEdit) -> None:  # type: ignore[no-untyped-def]
    body.set_spelling(FakeChecker())
    body.setPlainText("😀 **teh** ok")
    block = body.document().firstBlock()
    wave = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    waved = [(r.start, r.length) for r in block.layout().formats()
             if r.format.underlineStyle() == wave]
    assert waved == [(5, 3)]  # 😀 is two UTF-16 units, then space and **
    assert formats_at(body, 0, 5).fontWeight() == QFont.Weight.Bold  # merged, not replaced
    body.set_spelling(None)
    assert not [r for r in block.layout().formats() if r.format.underlineStyle() == wave]


def test_ctrl_b_wraps_then_unwraps_and_one_undo_restores(qtbot, body: MarkdownBodyEdit) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(body, "a word here")
    cursor = body.textCursor()
    cursor.setPosition(2)
    cursor.setPosition(6, cursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)
    qtbot.keyClick(body, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert body.toPlainText() == "a **word** here"
    assert body.textCursor().selectedText() == "word"
    qtbot.keyClick(body, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert body.toPlainText() == "a ***word*** here"
    qtbot.keyClick(body, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert body.toPlainText() == "a **word** here"
    qtbot.keyClick(body, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert body.toPlainText() == "a word here"
    body.undo()
    assert body.toPlainText() == "a **word** here"


def test_ctrl_b_without_selection_wraps_the_word_or_opens_a_pair(qtbot, body: MarkdownBodyEdit) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(body, "hello ")
    qtbot.keyClick(body, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(body, "x")
    assert body.toPlainText() == "hello **x**"
    body.setPlainText("hello")
    qtbot.keyClick(body, Qt.Key.Key_Home)
    qtbot.keyClick(body, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert body.toPlainText() == "*hello*"


def test_ctrl_k_makes_a_link_with_the_address_selected(qtbot, body: MarkdownBodyEdit) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(body, "see")
    body.selectAll()
    qtbot.keyClick(body, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(body, "https://example.org")
    assert body.toPlainText() == "[see](https://example.org)"


def test_heading_keys_toggle_the_line(qtbot, body: MarkdownBodyEdit) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(body, "Title")
    both = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(body, Qt.Key.Key_2, both)
    assert body.toPlainText() == "## Title"
    qtbot.keyClick(body, Qt.Key.Key_1, both)
    assert body.toPlainText() == "# Title"
    qtbot.keyClick(body, Qt.Key.Key_1, both)
    assert body.toPlainText() == "Title"


def test_enter_continues_and_ends_lists(qtbot, body: MarkdownBodyEdit) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(body, "- one")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClicks(body, "two")
    assert body.toPlainText() == "- one\n- two"
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClick(body, Qt.Key.Key_Return)  # on the empty item: the list ends
    assert body.toPlainText() == "- one\n- two\n"
    body.setPlainText("3. three")
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClick(body, Qt.Key.Key_Return)
    assert body.toPlainText() == "3. three\n4. "
    body.setPlainText("> said")
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClick(body, Qt.Key.Key_Return)
    assert body.toPlainText() == "> said\n> "
    body.setPlainText("Q: why?")
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClick(body, Qt.Key.Key_Return)
    assert body.toPlainText() == "Q: why?\n"


def test_tab_leaves_the_field_outside_a_list_and_indents_inside(qtbot, body: MarkdownBodyEdit) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(body, "- item")
    qtbot.keyClick(body, Qt.Key.Key_Tab)
    assert body.toPlainText() == "  - item"
    assert body.hasFocus()
    qtbot.keyClick(body, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert body.toPlainText() == "- item"
    body.setPlainText("just text")
    qtbot.keyClick(body, Qt.Key.Key_Tab)
    assert not body.hasFocus()
    assert body.toPlainText() == "just text"


def test_format_bar_buttons_act_on_the_body(qtbot, body: MarkdownBodyEdit) -> None:  # type: ignore[no-untyped-def]
    bar = FormatBar(body)
    qtbot.addWidget(bar)
    bar.show()
    assert all(b.accessibleName() for b in bar.buttons.values())
    qtbot.keyClicks(body, "hello")
    body.selectAll()
    qtbot.mouseClick(bar.buttons["bold"], Qt.MouseButton.LeftButton)
    assert body.toPlainText() == "**hello**"
    qtbot.mouseClick(bar.buttons["question"], Qt.MouseButton.LeftButton)
    assert body.toPlainText() == "Q: **hello**"
    qtbot.mouseClick(bar.buttons["question"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.buttons["list"], Qt.MouseButton.LeftButton)
    assert body.toPlainText() == "- **hello**"
    qtbot.mouseClick(bar.buttons["quote"], Qt.MouseButton.LeftButton)
    assert body.toPlainText() == "> - **hello**"
    qtbot.mouseClick(bar.buttons["quote"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.buttons["heading"], Qt.MouseButton.LeftButton)
    assert body.toPlainText() == "## - **hello**"
    assert body.hasFocus()


def test_question_lines_stand_out(qtbot, body: MarkdownBodyEdit) -> None:  # type: ignore[no-untyped-def]
    body.setPlainText("Q: ask about the Critic\nordinary")
    accent = body.palette().color(QPalette.ColorRole.Link)
    assert formats_at(body, 0, 5).foreground().color() == accent
    assert formats_at(body, 1, 1).foreground().color() != accent


def test_entry_editor_has_no_preview_and_stores_the_exact_markdown(qtbot, vault: Vault) -> None:  # type: ignore[no-untyped-def]
    view = JournalView(vault)
    qtbot.addWidget(view)
    view.resize(1024, 700)
    view.show()
    view.new_entry()
    editor = view.editor
    assert isinstance(editor.body, MarkdownBodyEdit)
    assert not editor.findChildren(QTabWidget)
    assert not hasattr(editor, "preview")
    markdown = "# Day\n\n**What asked for attention:**\n\n- a *tight* chest\n\nQ: why now? 😀\n"
    qtbot.keyClicks(editor.title, "Live")
    editor.body.setPlainText(markdown)
    qtbot.waitUntil(lambda: vault.entries.count() == 1, timeout=3000)
    qtbot.waitUntil(lambda: editor.save_state.text() == "Saved", timeout=3000)
    stored = vault.entries.get(vault.entries.list()[0].id)
    assert (stored.title, stored.body) == ("Live", markdown)


def test_the_windows_ctrl_i_does_not_take_italic_from_the_body(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    other = QLineEdit(window)
    window.setMenuWidget(other)
    edit = MarkdownBodyEdit(window)
    window.setCentralWidget(edit)
    fired: list[bool] = []
    action = QAction("Import…", window)  # as the main window's Ctrl+I (import a bundle)
    action.setShortcut(QKeySequence("Ctrl+I"))
    action.triggered.connect(lambda: fired.append(True))
    window.addAction(action)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    qtbot.keyClick(other, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert fired == [True]  # elsewhere the window's shortcut works
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClicks(edit, "soft")
    qtbot.keyClick(edit, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() == "*soft*"
    assert fired == [True]  # in the body, Ctrl+I is italic


def test_an_entry_opens_at_its_first_heading(qtbot, vault: Vault) -> None:  # type: ignore[no-untyped-def]
    from partsjournal.domain import Entry, EntryKind

    body = "## Find\n\n**What asked for attention:**\n\nA knot.\n\n" * 20
    stored = vault.entries.add(Entry(kind=EntryKind.SOLO_SESSION, title="Six F's", body=body))
    view = JournalView(vault)
    qtbot.addWidget(view)
    view.resize(1024, 700)
    view.show()
    view.open_entry(stored.id)  # the editor is hidden (and tiny) while it is filled
    qtbot.waitUntil(lambda: view.editor.body.isVisible())
    assert view.editor.body.firstVisibleBlock().blockNumber() == 0
    assert view.editor.body.verticalScrollBar().value() == 0
    heading = formats_at(view.editor.body, 0, 4)
    assert heading.fontWeight() == QFont.Weight.Bold  # "## Find" reads as a heading
    assert heading.fontPointSize() > view.editor.body.document().defaultFont().pointSizeF()
    assert formats_at(view.editor.body, 2, 5).fontWeight() == QFont.Weight.Bold


def test_a_word_taught_to_the_checker_loses_its_wave(qtbot, body: MarkdownBodyEdit) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QObject, Signal

    class Teachable(QObject):
        changed = Signal()

        def __init__(self) -> None:
            super().__init__()
            self.known: set[str] = set()

        def misspelt(self, text: str) -> list[tuple[int, int]]:
            return FakeChecker().misspelt(text) if "teh" not in self.known else []

    checker = Teachable()
    body.set_spelling(checker)
    body.setPlainText("teh end")
    wave = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    assert formats_at(body, 0, 1).underlineStyle() == wave
    checker.known.add("teh")
    checker.changed.emit()  # as the spell-checker does after "Add to my dictionary"
    assert formats_at(body, 0, 1).underlineStyle() != wave
    assert body.toPlainText() == "teh end"
