"""Spell-checking for the text fields: Enchant's dictionaries, the person's words from the vault.

Enchant (pyenchant, with the system's Hunspell dictionaries) is loaded on first use, never at
start-up; without its C library or a dictionary spelling is simply off (Settings ▸ Writing says
why). Privacy: Enchant keeps a word list of its own, a plain file (``~/.config/enchant/<lang>.dic``)
it creates when a dictionary is opened and fills on ``Dict.add()``. So the app points its
configuration folder at a path that cannot exist (``ENCHANT_CONFIG_DIR``) and never calls
``add``/``add_to_pwl``: the person's words live in the vault (:mod:`partsjournal.vault.dictionary`)
and in a Python set while the journal is open, dropped at lock (:func:`forget_all`, and each
checker noticing its vault was locked).

:func:`attach_spelling` gives a ``QPlainTextEdit``, ``QTextEdit`` or ``QLineEdit`` the red wavy
underline and the suggestions in its right-click menu. A widget with a ``set_spelling(checker)``
method (the Markdown body editor, which has its own highlighter) is handed the checker instead and
draws the underline itself, through :class:`~partsjournal.ui.common.spelling_marks.MisspeltWords`.
"""

from __future__ import annotations

import logging
import os
import re
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QObject,
    QPoint,
    QPointF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from partsjournal.domain.words import fill
from partsjournal.errors import JournalError, VaultLocked
from partsjournal.ui.common.operation import perform
from partsjournal.ui.common.spelling_marks import SPELL_CHECK_UP_TO, utf16_length

if TYPE_CHECKING:
    from partsjournal.vault import Vault

log = logging.getLogger(__name__)

#: At most this many suggestions are offered for a word.
MAX_SUGGESTIONS = 6
#: Words remembered as right or wrong at most (a long body has a few thousand distinct ones).
MAX_CACHED = 50_000
#: Where Enchant would keep its own word files: a path below a device, which cannot be created,
#: so Enchant keeps them in memory only (and they stay empty: ``add`` is never called).
NO_CONFIG_DIR = "/dev/null/parts-journal-enchant"
#: The underline colour (Qt's spell-check red).
UNDERLINE = QColor(220, 30, 30)

# A word: letters, with apostrophes inside (don't, part's); not touching digits or underscores.
_WORD = re.compile(r"(?<![\w'’])[^\W\d_]+(?:['’][^\W\d_]+)*(?!\w)")
# What is never checked: inline code, web addresses and e-mail addresses.
# The e-mail branch starts only where a run starts (else a long run is rescanned at every place).
_SKIP = re.compile(r"`[^`\n]*`?|\b(?:https?://|ftp://|www\.)\S+"
                   r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


def _enchant() -> Any | None:
    """The ``enchant`` module, or None when it or its C library is missing."""
    os.environ["ENCHANT_CONFIG_DIR"] = NO_CONFIG_DIR
    try:
        import enchant  # type: ignore[import-untyped]
    except (ImportError, OSError) as exc:
        log.info("spell-checking is off: %s", exc)
        return None
    return enchant


_broker: Any | None = None


def _get_broker() -> Any | None:
    global _broker
    enchant = _enchant()
    if enchant is not None and _broker is None:
        _broker = enchant.Broker()
    return _broker if enchant is not None else None


def is_available() -> bool:
    """True when Enchant is installed and has at least one dictionary."""
    return bool(installed_languages())


def installed_languages() -> list[str]:
    """The language tags (``en_US``, ``de_DE``…) of the installed dictionaries, sorted."""
    broker = _get_broker()
    if broker is None:
        return []
    try:
        return sorted(set(broker.list_languages()))
    except Exception:  # an odd provider must not break the app
        log.exception("could not list the spelling dictionaries")
        return []


def _open_dictionary(tag: str) -> Any | None:
    """Enchant's dictionary for ``tag``, Hunspell first; None if there is none."""
    broker = _get_broker()
    if broker is None:
        return None
    try:
        broker.set_ordering(tag, "hunspell,aspell,*")
        return broker.request_dict(tag)
    except Exception as exc:  # enchant.errors.DictNotFoundError, or a broken provider
        log.info("no spelling dictionary for %s: %s", tag, exc)
        return None


def resolve_language(wanted: str) -> str | None:
    """The dictionary to use for the setting ``wanted`` ("" = this computer's language)."""
    installed = installed_languages()
    if not installed:
        return None
    if wanted:
        return wanted if wanted in installed else None
    system = QLocale().name()
    for candidate in (system, system.split("_")[0]):
        if candidate in installed:
            return candidate
    english = [t for t in installed if t.startswith("en")]
    return (["en_US"] if "en_US" in english else english or installed)[0]


class SpellChecker(QObject):
    """Which words of a line are misspelt, for one unlocked vault; its words come from there.

    Results are cached per word, so a long body is checked once and each keystroke re-checks
    only the line it changed, from the cache.
    """

    changed = Signal()

    def __init__(self, vault: Vault, language: str, dictionary: Any,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vault = weakref.ref(vault)
        self._language = language
        self._dictionary: Any | None = dictionary
        self._words: set[str] = set(vault.dictionary.list())
        self._correct: dict[str, bool] = {}
        self._suggested: dict[str, list[str]] = {}
        # Clear the words soon after the vault is locked, even if nobody asks anything.
        self._watch = QTimer(self)
        self._watch.setInterval(1000)
        self._watch.timeout.connect(self._check_vault)
        self._watch.start()

    # MisspeltWords --------------------------------------------------------------------------

    def misspelt(self, text: str) -> list[tuple[int, int]]:
        """``(start, length)`` in UTF-16 code units of each misspelt word in ``text``."""
        if not self._check_vault() or not text or len(text) > SPELL_CHECK_UP_TO:
            return []
        skipped = [m.span() for m in _SKIP.finditer(text)]
        found: list[tuple[int, int]] = []
        narrow = text.isascii() or all(ord(c) < 0x10000 for c in text)
        for match in _WORD.finditer(text):
            start, end = match.span()
            if skipped and any(s <= start < e for s, e in skipped):
                continue
            if self.is_correct(match.group()):
                continue
            if narrow:
                found.append((start, end - start))
            else:
                found.append((utf16_length(text[:start]), utf16_length(match.group())))
        return found

    def is_correct(self, word: str) -> bool:
        """True for a word the dictionary or the person knows (and for what is not checked)."""
        known = self._correct.get(word)
        if known is None:
            if len(self._correct) > MAX_CACHED:  # a very long, varied text: start again
                self._correct.clear()
            known = self._judge(word)
            self._correct[word] = known
        return known

    def _judge(self, word: str) -> bool:
        if len(word) < 2 or word.isupper() or self._dictionary is None:
            return True  # single letters and ACRONYMS are left alone
        if self._is_personal(word):
            return True
        try:
            return bool(self._dictionary.check(word.replace("’", "'")))
        except Exception:  # a provider's error on an odd word must not break typing
            return True

    def _is_personal(self, word: str) -> bool:
        """The person's word, its possessive (Zorblat's), or capitalised (zorblat → Zorblat)."""
        forms = {word, _POSSESSIVE.sub("", word)}
        if word[:1].isupper():
            forms |= {form.lower() for form in forms}
        return not self._words.isdisjoint(forms)

    def suggestions(self, word: str) -> list[str]:
        """Up to six replacements for ``word``, best first."""
        if not self._check_vault() or self._dictionary is None:
            return []
        cached = self._suggested.get(word)
        if cached is None:
            try:
                cached = [s for s in self._dictionary.suggest(word.replace("’", "'"))
                          if s != word][:MAX_SUGGESTIONS]
            except Exception:
                cached = []
            self._suggested[word] = cached
        return list(cached)

    # The person's words -----------------------------------------------------------------------

    def add_word(self, word: str) -> None:
        """Store ``word`` in the vault's dictionary (never Enchant's) and stop marking it."""
        vault = self._live_vault()
        stored = perform(self, lambda: vault.dictionary.add(word), [])
        self._words.add(stored)
        self._forget_results()
        self.changed.emit()

    def remove_word(self, word: str) -> None:
        """Take ``word`` out of the vault's dictionary; it is checked again."""
        vault = self._live_vault()
        perform(self, lambda: vault.dictionary.remove(word), [])
        self._words.discard(word)
        self._forget_results()
        self.changed.emit()

    def personal_words(self) -> list[str]:
        """The person's words, as the vault lists them."""
        return sorted(self._words, key=lambda w: (w.casefold(), w))

    # Language ---------------------------------------------------------------------------------

    @property
    def language(self) -> str:
        """The tag of the dictionary in use, e.g. ``en_GB``."""
        return self._language

    def set_language(self, tag: str) -> bool:
        """Check against the dictionary for ``tag`` from now on; False (no change) if missing."""
        if tag == self._language:
            return True
        dictionary = _open_dictionary(tag)
        if dictionary is None:
            return False
        self._language, self._dictionary = tag, dictionary
        self._forget_results()
        self.changed.emit()
        return True

    # Forgetting -------------------------------------------------------------------------------

    def forget(self) -> None:
        """Drop the person's words and every result from memory (the vault was locked)."""
        self._watch.stop()
        self._words.clear()
        self._forget_results()
        self._dictionary = None

    @property
    def is_forgotten(self) -> bool:
        """True once :meth:`forget` ran: the checker marks nothing any more."""
        return self._dictionary is None

    def _forget_results(self) -> None:
        self._correct.clear()
        self._suggested.clear()

    def _live_vault(self) -> Vault:
        vault = self._vault()
        if vault is None or not self._check_vault():
            raise VaultLocked("The journal is locked. Unlock it to continue.")
        return vault

    def _check_vault(self) -> bool:
        """False (after forgetting) once the vault is locked or gone."""
        if self._dictionary is None:
            return False
        vault = self._vault()
        if vault is None or vault.is_locked:
            self.forget()
            for key in [key for key, checker in _checkers.items() if checker is self]:
                del _checkers[key]
            return False
        return True


# One checker per unlocked vault, and the preferences they follow ------------------------------

class _Hub(QObject):
    """Tells attached fields that the preferences changed (they ask for their checker again)."""

    preferences_changed = Signal()


_hub: _Hub | None = None
_checkers: dict[int, SpellChecker] = {}
_spelling_on = True
_spelling_language = ""


def _the_hub() -> _Hub:
    global _hub
    if _hub is None:
        _hub = _Hub()
    return _hub


def set_preferences(on: bool, language: str) -> None:
    """Spelling on or off, and the dictionary ("" = this computer's language); from Settings."""
    global _spelling_on, _spelling_language
    if (_spelling_on, _spelling_language) == (on, language):
        return
    _spelling_on, _spelling_language = on, language
    tag = resolve_language(language) if on else None
    for key, checker in list(_checkers.items()):
        if tag is None or not checker.set_language(tag):
            checker.forget()
            del _checkers[key]
    _the_hub().preferences_changed.emit()


def checker_for(vault: Vault) -> SpellChecker | None:
    """The vault's checker; None when spelling is off, or Enchant or the dictionary is missing."""
    if vault.is_locked or not _spelling_on:
        return None
    checker = _checkers.get(id(vault))
    if checker is not None and checker._vault() is vault and not checker.is_forgotten:
        return checker
    tag = resolve_language(_spelling_language)
    dictionary = _open_dictionary(tag) if tag else None
    if tag is None or dictionary is None:
        return None
    checker = SpellChecker(vault, tag, dictionary, _the_hub())
    _checkers[id(vault)] = checker
    return checker


def forget_all() -> None:
    """Drop every checker and the personal words it held (the journal was locked)."""
    for checker in _checkers.values():
        checker.forget()
    _checkers.clear()
    _the_hub().preferences_changed.emit()


# Attaching to text fields ------------------------------------------------------------------

class _Highlighter(QSyntaxHighlighter):
    """The red wave under misspelt words of a plain or rich text field."""

    def __init__(self, document: QTextDocument, attachment: _Attachment) -> None:
        super().__init__(document)
        self._attachment = attachment
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(UNDERLINE)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        checker = self._attachment.checker
        if checker is None:
            return
        for start, length in checker.misspelt(text):
            self.setFormat(start, length, self._format)


TextWidget = QPlainTextEdit | QTextEdit | QLineEdit


class _Attachment(QObject):
    """Spell-checking for one field: finds its checker, re-checks, adds to its menu."""

    def __init__(self, widget: QWidget, vault: Vault) -> None:
        super().__init__(widget)
        self.widget = widget
        self._vault = weakref.ref(vault)
        self.checker: SpellChecker | None = None
        self._highlighter: _Highlighter | None = None
        self._delegated = callable(getattr(widget, "set_spelling", None))
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            if not self._delegated:
                self._highlighter = _Highlighter(widget.document(), self)
            widget.viewport().installEventFilter(self)
        else:
            widget.installEventFilter(self)
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(widget.update)
        _the_hub().preferences_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Ask for the checker again (preferences or lock changed) and re-check the text."""
        vault = self._vault()
        checker = checker_for(vault) if vault is not None else None
        if checker is not self.checker:
            if self.checker is not None:
                self.checker.changed.disconnect(self._recheck)
            self.checker = checker
            if checker is not None:
                checker.changed.connect(self._recheck)
            if self._delegated:
                self.widget.set_spelling(checker)  # type: ignore[attr-defined]
        self._recheck()

    def _recheck(self) -> None:
        if self._highlighter is not None:
            self._highlighter.rehighlight()
        self.widget.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            self._show_menu(event)
            return True
        if (event.type() == QEvent.Type.Paint and isinstance(self.widget, QLineEdit)
                and watched is self.widget and self.checker is not None):
            type(self.widget).paintEvent(self.widget, event)  # type: ignore[arg-type]
            _paint_line_edit_waves(self.widget, self.checker)
            return True
        return super().eventFilter(watched, event)

    def _show_menu(self, event: QContextMenuEvent) -> None:
        widget = self.widget
        pos = event.pos()
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            menu = widget.createStandardContextMenu(pos)
        elif isinstance(widget, QLineEdit):
            menu = widget.createStandardContextMenu()
        else:
            return
        actions = spelling_actions(widget, pos)
        if actions:
            first = menu.actions()[0] if menu.actions() else None
            for action in actions:
                action.setParent(menu)
                menu.insertAction(first, action)  # type: ignore[arg-type]
            menu.insertSeparator(first)  # type: ignore[arg-type]
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())


def attach_spelling(widget: TextWidget, vault: Vault) -> None:
    """Give ``widget`` the red wavy underline and spelling suggestions in its right-click menu.

    It follows the preferences (:func:`set_preferences`) and the person's words by itself, and
    stops marking words once the vault is locked.
    """
    if getattr(widget, "_spelling_attachment", None) is None:
        widget._spelling_attachment = _Attachment(widget, vault)  # type: ignore[union-attr]


def _attachment_of(widget: QWidget) -> _Attachment | None:
    return getattr(widget, "_spelling_attachment", None)


def _word_at(widget: QWidget, pos: QPoint) -> tuple[str, Callable[[str], None]] | None:
    """The misspelt word under ``pos`` (widget or viewport coordinates) and how to replace it."""
    attachment = _attachment_of(widget)
    checker = attachment.checker if attachment is not None else None
    if checker is None:
        return None
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        cursor = widget.cursorForPosition(pos)
        block = cursor.block()
        at = cursor.position() - block.position()
        text, base = block.text(), block.position()
    elif isinstance(widget, QLineEdit):
        if widget.echoMode() != QLineEdit.EchoMode.Normal:
            return None
        text, base, at = widget.text(), 0, widget.cursorPositionAt(pos)
    else:
        return None
    for start, length in checker.misspelt(text):
        if start <= at <= start + length:
            word = _slice_utf16(text, start, length)

            def replace(new: str, start: int = start, length: int = length) -> None:
                _replace(widget, base + start, length, new)

            return word, replace
    return None


def _slice_utf16(text: str, start: int, length: int) -> str:
    units = text.encode("utf-16-le")
    return units[2 * start:2 * (start + length)].decode("utf-16-le")


def _replace(widget: QWidget, start: int, length: int, new: str) -> None:
    """Put ``new`` in place of the UTF-16 range: one step for Undo."""
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        cursor = QTextCursor(widget.document())
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.beginEditBlock()
        cursor.insertText(new)
        cursor.endEditBlock()
        widget.setTextCursor(cursor)
    elif isinstance(widget, QLineEdit):
        widget.setSelection(start, length)
        widget.insert(new)


def spelling_actions(widget: QWidget, pos: QPoint) -> list[QAction]:
    """The spelling entries of the right-click menu at ``pos``: suggestions, then "Add…".

    Empty when the word there is spelt right (or spelling is off). ``pos`` is in the coordinates
    of the widget's viewport for text edits, of the widget for a line edit, as Qt gives them in
    a context-menu event.
    """
    found = _word_at(widget, pos)
    attachment = _attachment_of(widget)
    if found is None or attachment is None or attachment.checker is None:
        return []
    word, replace = found
    checker = attachment.checker
    actions: list[QAction] = []
    for suggestion in checker.suggestions(word):
        action = QAction(suggestion, widget)
        action.triggered.connect(lambda _=False, s=suggestion: replace(s))
        actions.append(action)
    if not actions:
        none = QAction(QCoreApplication.translate("Spelling", "No suggestions"), widget)
        none.setEnabled(False)
        actions.append(none)
    add = QAction(fill(QCoreApplication.translate("Spelling", "Add “%1” to my dictionary"),
                          word), widget)
    add.setObjectName("addToDictionary")
    add.triggered.connect(lambda _=False: _add_word(widget, checker, word))
    actions.append(add)
    return actions


def _add_word(widget: QWidget, checker: SpellChecker, word: str) -> None:
    try:
        checker.add_word(word)
    except JournalError as exc:
        log.info("could not add a word to the dictionary: %s", type(exc).__name__)


# The wave under a line edit's words ----------------------------------------------------------

def _paint_line_edit_waves(edit: QLineEdit, checker: SpellChecker) -> None:
    """Draw the wave under misspelt words of ``edit``, over what it painted itself."""
    if edit.echoMode() != QLineEdit.EchoMode.Normal or not edit.text():
        return
    spans = checker.misspelt(edit.text())
    if not spans:
        return
    text = edit.text()
    metrics = QFontMetricsF(edit.font())
    cursor = edit.cursorRect()
    # cursorRect() is 5 px left of the cursor's x (Qt's QWidgetLineControl::rectForPos).
    cursor_x = cursor.x() + 5.0
    before_cursor = metrics.horizontalAdvance(_slice_utf16(text, 0, edit.cursorPosition()))
    origin = cursor_x - before_cursor
    baseline = cursor.y() + metrics.ascent() + 1.5
    painter = QPainter(edit)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(UNDERLINE, 1.0))
    painter.setClipRect(edit.contentsRect())
    for start, length in spans:
        x0 = origin + metrics.horizontalAdvance(_slice_utf16(text, 0, start))
        x1 = origin + metrics.horizontalAdvance(_slice_utf16(text, 0, start + length))
        painter.drawPath(_wave(x0, x1, baseline))
    painter.end()


def _wave(x0: float, x1: float, y: float) -> QPainterPath:
    path = QPainterPath(QPointF(x0, y))
    x, up = x0, True
    while x < x1:
        x = min(x + 2.0, x1)
        path.lineTo(QPointF(x, y - 1.5 if up else y + 0.5))
        up = not up
    return path
