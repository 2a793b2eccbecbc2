"""The entry body: a plain-text field that shows its Markdown live and helps write it.

What is stored is exactly what was typed (plain Markdown); the look comes from
:class:`MarkdownHighlighter`. The keys a writer expects:

- Ctrl+B / Ctrl+I wrap the selection (or the word at the cursor) in ``**`` / ``*``, and unwrap
  it when pressed again; Ctrl+K makes it a link with the address selected to type over;
  Ctrl+Alt+1…3 make the line a heading of that level (again: plain text). Ctrl+1…5 are the
  window's rooms, so headings do not take them. Each is one undo step.
- Enter in a list item (``- ``, ``* ``, ``+ ``, ``1. ``) or a quote (``> ``) starts the next one;
  Enter on an empty item ends the list. Tab and Shift+Tab indent and outdent a list item; outside
  a list Tab leaves the field, as everywhere else in the window.
- Dialogue with parts (:mod:`partsjournal.domain.dialogue`): once :meth:`set_speakers` has named
  Self and the parts, typing the start of a name at the start of a line offers the names (Up and
  Down choose, Enter or Tab writes ``Name: ``, Escape declines); Enter at the end of a turn
  starts the next line with whoever answers (Self ↔ the part), and Enter on a turn with nothing
  said yet takes its name away again, as with a list.

The document never loads anything: Qt's own text document would read an image's ``file:`` URL
from disk when asked for it, so the body uses the same refusing document as the old preview.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, QStringListModel, Qt, QTimer
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QKeyEvent,
    QResizeEvent,
    QShowEvent,
    QTextBlock,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QCompleter,
    QListView,
    QPlainTextDocumentLayout,
    QPlainTextEdit,
    QWidget,
)

from partsjournal.domain.dialogue import Cast, Speaker, next_speaker
from partsjournal.ui.common.spelling_marks import MisspeltWords
from partsjournal.ui.common.theme import SPACE_L, SPACE_XL
from partsjournal.ui.journal.markdown_highlighter import MarkdownHighlighter
from partsjournal.ui.journal.markdown_view import SafeDocument

#: Reading faces, best first; the first one installed is used when no face was chosen.
READING_FACES = ("Literata", "Source Serif 4", "Source Serif Pro", "Noto Serif", "Charter",
                 "Georgia", "Cambria", "DejaVu Serif", "Liberation Serif")
DEFAULT_SIZE = 13
#: The widest the text runs, in characters of ordinary prose: long lines are hard to follow,
#: and 60–80 is the measure book typography settles on.
COLUMN_CHARACTERS = 72
#: What "a character of prose" is measured on: a sentence with the spaces, short words and
#: punctuation real writing has. A font's average character width is wider than that (it has
#: no spaces in it), which set lines of about 100 characters at 80 "average" ones.
MEASURE_SAMPLE = ("What happened? Which parts showed up, and what did they want you to know? "
                  "I sat with the tightness in my chest for a while.")

_ITEM = re.compile(r"^([ \t]*)(?:([-*+])|(\d{1,9})([.)]))([ \t]+)(\[[ xX]\][ \t]+)?")
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_HEADING = re.compile(r"^(#{1,6})[ \t]+")
_QUESTION = "Q: "

_CTRL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_HEADING_KEYS = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3}
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
#: Names are offered once this much of one is typed (one letter would interrupt every line).
COMPLETE_AFTER = 2
#: How far back Enter looks for who spoke before, in lines.
_LOOK_BACK = 200


class MarkdownBodyEdit(QPlainTextEdit):
    """A ``QPlainTextEdit`` for Markdown, styled as it is typed (see the module's notes)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        document = SafeDocument(self)
        document.setDocumentLayout(QPlainTextDocumentLayout(document))
        document.setDocumentMargin(SPACE_L)
        self.setDocument(document)
        self.highlighter = MarkdownHighlighter(document, self.palette)
        self._changed_connection: QObject | None = None
        self._cast = Cast()
        self._names = QStringListModel(self)
        self.completer = QCompleter(self._names, self)
        self.completer.setWidget(self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.names_popup = QListView()
        self.names_popup.setAccessibleName(self.tr("Who speaks"))
        self.completer.setPopup(self.names_popup)  # the completer owns it from here
        self.completer.activated[str].connect(self._complete)  # type: ignore[index]
        self.set_writing_font("", DEFAULT_SIZE)

    # Look --------------------------------------------------------------------------------------

    def set_writing_font(self, family: str, point_size: int) -> None:
        """Write in ``family`` at ``point_size`` ("" or a face not installed: a reading face)."""
        families = set(QFontDatabase.families())
        if not family or family not in families:
            family = next((face for face in READING_FACES if face in families), "")
        font = QFont(self.font())
        if family:
            font.setFamilies([family])
        font.setPointSize(point_size if point_size > 0 else DEFAULT_SIZE)
        font.setStyleHint(QFont.StyleHint.Serif)
        self.setFont(font)
        self.document().setDefaultFont(font)
        self.highlighter.refresh_formats()
        self._fit_column()

    def set_spelling(self, checker: MisspeltWords | None) -> None:
        """Underline the words ``checker`` finds misspelt; ``None`` takes the underlines away."""
        old = self.highlighter.checker
        if old is not None and old is not checker:
            try:
                old.changed.disconnect(self.highlighter.rehighlight)  # type: ignore[attr-defined]
            except (AttributeError, RuntimeError, TypeError):  # no signal, or already gone
                pass
        if checker is not None and checker is not old:
            changed = getattr(checker, "changed", None)  # a word was taught to it
            if changed is not None:
                changed.connect(self.highlighter.rehighlight)
        self.highlighter.set_spelling(checker)

    def set_speakers(self, speakers: Iterable[Speaker]) -> None:
        """Who can speak in a dialogue (Self and the parts): shown in colour, offered by name."""
        self._cast = Cast(speakers)
        self.names_popup.hide()
        self.highlighter.set_cast(self._cast)

    @property
    def cast(self) -> Cast:
        """The speakers :meth:`set_speakers` gave."""
        return self._cast

    def setPlainText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        """Replace the text and show its beginning.

        A hidden editor is only a few pixels tall; a heading taller than that would otherwise
        leave the entry opened one block down, its first heading out of sight.
        """
        super().setPlainText(text)
        self.verticalScrollBar().setValue(0)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.refresh_formats()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_column()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        # Resized while hidden (a page of a stack): the viewport takes its margins only once
        # shown, after this event, so the lines are broken anew on the next turn of the loop.
        QTimer.singleShot(0, self._refit_column)

    def _refit_column(self) -> None:
        self.setViewportMargins(0, 0, 0, 0)  # so the margins change and the lines follow them
        self._fit_column()

    def _relayout(self) -> None:
        """Break the lines at the viewport's width now.

        QPlainTextEdit does that only when the field itself changes width, so after new margins
        (or a resize while hidden) the lines kept the old width — 100 characters a line, running
        under the margin — until the window next changed size.
        """
        QCoreApplication.sendEvent(self, QResizeEvent(self.size(), QSize(-1, -1)))

    def _fit_column(self) -> None:
        """Centre a column of about ``COLUMN_CHARACTERS`` of prose when the field is wider."""
        per_character = self.fontMetrics().horizontalAdvance(MEASURE_SAMPLE) / len(MEASURE_SAMPLE)
        column = round(per_character * COLUMN_CHARACTERS) + 2 * SPACE_L
        spare = self.width() - column - self.verticalScrollBar().sizeHint().width()
        side = max(0, spare // 2) if spare > 2 * SPACE_XL else 0
        if self.viewportMargins().left() == side:
            return
        self.setViewportMargins(side, 0, side, 0)
        self._relayout()

    # Keys --------------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if self._is_own_key(event):  # the window's Ctrl+I (import) must not take it here
                event.accept()
                return True
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Tab and self._offering()
                and not event.modifiers() & (_CTRL | _ALT | _SHIFT)):
            self._complete()
            return True
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                and not event.modifiers() & (_CTRL | _ALT) and self._in_list()):
            outdent = event.key() == Qt.Key.Key_Backtab or bool(event.modifiers() & _SHIFT)
            self.indent_list(-1 if outdent else 1)
            return True
        return super().event(event)

    @staticmethod
    def _is_own_key(event: QKeyEvent) -> bool:
        mods = event.modifiers() & (_CTRL | _ALT | _SHIFT)
        if mods == _CTRL:
            return event.key() in (Qt.Key.Key_B, Qt.Key.Key_I, Qt.Key.Key_K)
        return mods == _CTRL | _ALT and event.key() in _HEADING_KEYS

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        mods = event.modifiers() & (_CTRL | _ALT | _SHIFT)
        key = event.key()
        if self._offering() and key in (*_ENTER, Qt.Key.Key_Escape):
            if key == Qt.Key.Key_Escape:
                self.names_popup.hide()
            else:
                self._complete()
            return
        if mods == _CTRL and key == Qt.Key.Key_B:
            self.toggle_wrap("**")
        elif mods == _CTRL and key == Qt.Key.Key_I:
            self.toggle_wrap("*")
        elif mods == _CTRL and key == Qt.Key.Key_K:
            self.make_link()
        elif mods == _CTRL | _ALT and key in _HEADING_KEYS:
            self.toggle_heading(_HEADING_KEYS[Qt.Key(key)])
        elif (key in _ENTER and not mods & (_SHIFT | _CTRL)
              and (self._continue_list() or self._continue_dialogue())):
            self.ensureCursorVisible()
        else:
            super().keyPressEvent(event)
            if self._cast and (event.text() or self._offering()):
                self._offer_names()

    # Dialogue ----------------------------------------------------------------------------------

    def insert_speaker(self, speaker: Speaker) -> None:
        """Start the cursor's line with ``Name: ``; one undo step.

        Another speaker's name there is replaced; the same speaker again takes the name away.
        """
        cast = self._cast if self._cast.find(speaker.name) else Cast([speaker])
        prefix = f"{speaker.name}: "

        def change(text: str) -> tuple[int, str]:
            turn = cast.match(text)
            if turn is not None:
                same = turn.speaker.name.casefold() == speaker.name.casefold()
                return turn.said_start, text[:turn.name_start] + ("" if same else prefix)
            indent = len(text) - len(text.lstrip(" "))
            return (indent, text[:indent] + prefix) if indent <= 3 else (0, prefix)
        self._edit_line_starts(change, every_line=False)
        cursor = self.textCursor()
        turn = cast.match(cursor.block().text())
        if turn is not None and cursor.positionInBlock() < turn.said_start:
            cursor.setPosition(cursor.block().position() + turn.said_start)
            self.setTextCursor(cursor)

    def _offering(self) -> bool:
        """Are names on offer (the completion list is showing)?"""
        return self.names_popup.isVisible()

    def _offer_names(self) -> None:
        """Offer the names that start as the line does, while only a name is being typed."""
        popup = self.names_popup
        cursor = self.textCursor()
        text = cursor.block().text()
        typed = text.lstrip(" ")
        matches = []
        if (not cursor.hasSelection() and cursor.positionInBlock() == len(text)
                and len(text) - len(typed) <= 3 and COMPLETE_AFTER <= len(typed)
                and len(typed) <= self._cast.longest and not self._cast.match(text)):
            matches = [s.name for s in self._cast.completions(typed)]
        if not matches:
            popup.hide()
            return
        self._names.setStringList(matches)
        rect = self.cursorRect()
        rect.setWidth(popup.sizeHintForColumn(0) + popup.verticalScrollBar().sizeHint().width()
                      + 2 * popup.frameWidth())
        self.completer.complete(rect)
        popup.setCurrentIndex(self.completer.completionModel().index(0, 0))

    def _complete(self, name: str = "") -> None:
        """Write the chosen name (or the highlighted one) as the line's speaker."""
        popup = self.names_popup
        if not name:
            index = popup.currentIndex()
            name = str(index.data()) if index.isValid() else ""
        popup.hide()
        speaker = self._cast.find(name)
        if speaker is None:
            return
        cursor = self.textCursor()
        block = cursor.block()
        text = block.text()
        indent = len(text) - len(text.lstrip(" "))
        cursor.beginEditBlock()
        cursor.setPosition(block.position() + min(indent, 3))
        cursor.setPosition(block.position() + len(text), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(f"{speaker.name}: ")
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def _continue_dialogue(self) -> bool:
        """Enter at the end of a turn: the next line starts with whoever answers."""
        cursor = self.textCursor()
        if cursor.hasSelection() or not self._cast:
            return False
        block = cursor.block()
        text = block.text()
        turn = self._cast.match(text)
        if turn is None or cursor.positionInBlock() < max(turn.name_end, len(text.rstrip())):
            return False
        cursor.beginEditBlock()
        if not turn.said:  # a turn with nothing said: the conversation pauses here
            cursor.setPosition(block.position())
            cursor.setPosition(block.position() + len(text), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            cursor.endEditBlock()
            self.setTextCursor(cursor)
            return True
        answer = next_speaker(turn.speaker, self._earlier_speakers(block), self._cast)
        if answer is None:
            cursor.endEditBlock()
            return False
        cursor.insertText(f"\n{text[:turn.name_start]}{answer.name}: ")
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        return True

    def _earlier_speakers(self, block: QTextBlock) -> list[Speaker]:
        """Speakers of the turns above ``block``, nearest last.

        Blank lines between turns are fine; any other line ends the conversation.
        """
        found: list[Speaker] = []
        current = block.previous()
        for _ in range(_LOOK_BACK):
            if not current.isValid():
                break
            text = current.text()
            if text.strip():
                turn = self._cast.match(text)
                if turn is None:
                    break
                found.append(turn.speaker)
            current = current.previous()
        found.reverse()
        return found

    # Editing (each one undo step) --------------------------------------------------------------

    def toggle_wrap(self, marker: str) -> None:
        """Wrap the selection (or the word at the cursor) in ``marker``, or unwrap it."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        size = len(marker)
        cursor.beginEditBlock()
        if not cursor.hasSelection():
            cursor.insertText(marker * 2)
            cursor.movePosition(QTextCursor.MoveOperation.Left, n=size)
        else:
            start, end = cursor.selectionStart(), cursor.selectionEnd()
            if self._wrapped(start, end, marker):  # markers just outside the selection
                self._remove(end, size)
                self._remove(start - size, size)
                start, end = start - size, end - size
            elif end - start >= 2 * size and self._wrapped(start + size, end - size, marker):
                self._remove(end - size, size)
                self._remove(start, size)
                end -= 2 * size
            else:
                self._insert(end, marker)
                self._insert(start, marker)
                start, end = start + size, end + size
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def make_link(self) -> None:
        """``[selection](https://)`` with the address selected, to be typed over."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        label = cursor.selectedText()
        address = "https://"
        cursor.beginEditBlock()
        cursor.insertText(f"[{label}]({address})")
        cursor.endEditBlock()
        end = cursor.position() - 1
        cursor.setPosition(end - len(address))
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def toggle_heading(self, level: int) -> None:
        """Make the cursor's line a heading of ``level``; the same level again: plain text."""
        def change(text: str) -> tuple[int, str]:
            found = _HEADING.match(text)
            if found and len(found.group(1)) == level:
                return found.end(), ""
            return (found.end() if found else 0), "#" * level + " "
        self._edit_line_starts(change, every_line=False)

    def toggle_prefix(self, prefix: str) -> None:
        """Start each selected line with ``prefix`` (``- ``, ``> ``, ``Q: ``), or take it off."""
        def change(text: str) -> tuple[int, str]:
            if prefix == "- ":
                found = _ITEM.match(text)
                return (found.end(), "") if found else (0, prefix)
            if prefix.startswith(">"):
                quote = _QUOTE.match(text)
                return (quote.end(), "") if quote and quote.end() else (0, prefix)
            return (len(prefix), "") if text.startswith(prefix) else (0, prefix)
        self._edit_line_starts(change, every_line=True)

    def indent_list(self, step: int) -> None:
        """Indent (``step`` 1) or outdent (-1) the selected list items by two spaces."""
        def change(text: str) -> tuple[int, str]:
            if step > 0:
                return 0, "  "
            spaces = len(text) - len(text.lstrip(" "))
            return min(2, spaces), ""
        self._edit_line_starts(change, every_line=True)

    def _edit_line_starts(self, change: Callable[[str], tuple[int, str]], *,
                          every_line: bool) -> None:
        """Replace the first ``n`` characters of each line by a prefix: ``change(text)``."""
        cursor = self.textCursor()
        document = self.document()
        first = document.findBlock(cursor.selectionStart())
        last = document.findBlock(cursor.selectionEnd()) if every_line else first
        edit = QTextCursor(document)
        edit.beginEditBlock()
        block = first
        while block.isValid():
            removed, prefix = change(block.text())
            edit.setPosition(block.position())
            edit.setPosition(block.position() + removed, QTextCursor.MoveMode.KeepAnchor)
            edit.insertText(prefix)
            if block == last:
                break
            block = block.next()
        edit.endEditBlock()

    def _continue_list(self) -> bool:
        """Enter in a list item or quote: the next item (or the end of an empty one)."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            return False
        block = cursor.block()
        text = block.text()
        column = cursor.position() - block.position()
        item = _ITEM.match(text)
        quote = None if item else _QUOTE.match(text)
        prefix_end = item.end() if item else (quote.end() if quote and quote.end() else -1)
        if prefix_end < 0 or column < prefix_end:
            return False
        cursor.beginEditBlock()
        if not text[prefix_end:].strip():  # an empty item: the list ends here
            cursor.setPosition(block.position())
            cursor.setPosition(block.position() + len(text), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        elif item:
            bullet = item.group(2) or f"{int(item.group(3)) + 1}{item.group(4)}"
            box = "[ ] " if item.group(6) else ""
            cursor.insertText(f"\n{item.group(1)}{bullet}{item.group(5)}{box}")
        else:
            assert quote is not None
            cursor.insertText("\n" + quote.group(0))
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        return True

    def _in_list(self) -> bool:
        return bool(_ITEM.match(self.textCursor().block().text()))

    def _wrapped(self, start: int, end: int, marker: str) -> bool:
        """Is ``[start, end)`` just inside ``marker`` … ``marker`` (and not a longer run)?"""
        size = len(marker)
        if start - size < 0 or end + size > self.document().characterCount() - 1:
            return False
        char = self.document().characterAt
        before = "".join(char(p) for p in range(start - size, start))
        after = "".join(char(p) for p in range(end, end + size))
        if before != marker or after != marker:
            return False
        if marker == "*":  # *x* is emphasis; **x** is strong (not emphasis), ***x*** both
            if char(start) == "*" or char(end - 1) == "*":
                return False
            if start >= 2 and char(start - 2) == "*" and char(end + 1) == "*":
                return start >= 3 and char(start - 3) == "*" and char(end + 2) == "*"
        return True

    def _insert(self, position: int, text: str) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        cursor.insertText(text)

    def _remove(self, position: int, length: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
