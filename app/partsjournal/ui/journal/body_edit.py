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

The document never loads anything: Qt's own text document would read an image's ``file:`` URL
from disk when asked for it, so the body uses the same refusing document as the old preview.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QKeyEvent,
    QResizeEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit, QWidget

from partsjournal.ui.common.spelling_marks import MisspeltWords
from partsjournal.ui.common.theme import SPACE_L, SPACE_XL
from partsjournal.ui.journal.markdown_highlighter import MarkdownHighlighter
from partsjournal.ui.journal.markdown_view import SafeDocument

#: Reading faces, best first; the first one installed is used when no face was chosen.
READING_FACES = ("Literata", "Source Serif 4", "Source Serif Pro", "Noto Serif", "Charter",
                 "Georgia", "Cambria", "DejaVu Serif", "Liberation Serif")
DEFAULT_SIZE = 13
#: The widest the text runs, in average characters: long lines are hard to follow.
COLUMN_CHARACTERS = 80

_ITEM = re.compile(r"^([ \t]*)(?:([-*+])|(\d{1,9})([.)]))([ \t]+)(\[[ xX]\][ \t]+)?")
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_HEADING = re.compile(r"^(#{1,6})[ \t]+")
_QUESTION = "Q: "

_CTRL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_HEADING_KEYS = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3}


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

    def _fit_column(self) -> None:
        """Centre a column of at most ``COLUMN_CHARACTERS`` when the field is wider."""
        column = self.fontMetrics().averageCharWidth() * COLUMN_CHARACTERS + 2 * SPACE_L
        spare = self.width() - column - self.verticalScrollBar().sizeHint().width()
        side = max(0, spare // 2) if spare > 2 * SPACE_XL else 0
        self.setViewportMargins(side, 0, side, 0)

    # Keys --------------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if self._is_own_key(event):  # the window's Ctrl+I (import) must not take it here
                event.accept()
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
        if mods == _CTRL and key == Qt.Key.Key_B:
            self.toggle_wrap("**")
        elif mods == _CTRL and key == Qt.Key.Key_I:
            self.toggle_wrap("*")
        elif mods == _CTRL and key == Qt.Key.Key_K:
            self.make_link()
        elif mods == _CTRL | _ALT and key in _HEADING_KEYS:
            self.toggle_heading(_HEADING_KEYS[Qt.Key(key)])
        elif (key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods & (_SHIFT | _CTRL)
              and self._continue_list()):
            self.ensureCursorVisible()
        else:
            super().keyPressEvent(event)

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
