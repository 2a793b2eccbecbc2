"""Tooltips, What's This and status text that Qt always shows as plain text.

Qt shows a tooltip (and a What's This) as rich text whenever the string merely *looks* like
markup (``Qt::mightBeRichText``), so a peer's part whose job is ``<img src="file:///…">`` would
make Qt open and show that file. Every tooltip, What's This, status tip and status-bar message in
ui/ therefore goes through this module (a static test holds that rule, tests/unit/
test_plain_tooltips.py; a GUI test walks every widget and model, tests/gui/
test_plain_text_everywhere.py):

* ``plain_tooltip(text)`` makes a tooltip that is *deliberately* rich text — a fixed ``<p>``
  whose content is HTML-escaped — so nothing in ``text`` can become markup. It also elides long
  text (``MAX_CHARS`` characters, ``MAX_LINES`` lines, with "…") and neutralises bidi controls.
* ``set_tooltip(widget, text)`` sets that on a widget, action or item.
* ``isolate(text)`` wraps an untrusted string in FIRST STRONG ISOLATE … POP DIRECTIONAL
  ISOLATE before it goes into a sentence, so a Hebrew or Arabic name (or a planted override)
  cannot reorder the words around it: "Imported from ⁨Alice⁩: 1 new".
* ``plain_status(text)`` is the status-bar form: plain text already, but one line, elided, with
  bidi controls neutralised.

Bidi: embeddings and overrides (U+202A–U+202E) are removed — they are what reverses text, and
ordinary writing in any script never needs them; isolates (U+2066–U+2069) are kept only in
matched pairs; marks (U+200E, U+200F, U+061C) are kept, since right-to-left text uses them and
once the string is isolated they cannot reach past it.
"""

from __future__ import annotations

import html
import unicodedata
from typing import Protocol

#: The fixed start and end of every tooltip: rich text on purpose, so Qt never guesses.
PREFIX = "<p style='white-space:pre-wrap'>"
SUFFIX = "</p>"
#: At most this many characters (plus "…") and lines are shown in a tooltip or status message.
MAX_CHARS = 300
MAX_LINES = 8
ELLIPSIS = "…"

FSI = "\u2068"  # FIRST STRONG ISOLATE
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE
_EMBEDDINGS = frozenset("\u202a\u202b\u202c\u202d\u202e")  # LRE RLE PDF LRO RLO
_OPEN_ISOLATES = frozenset("\u2066\u2067\u2068")  # LRI RLI FSI
_NEWLINES = str.maketrans({"\r": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n",
                           "\x1c": "\n", "\x1d": "\n", "\x1e": "\n"})


class _HasToolTip(Protocol):
    def setToolTip(self, text: str, /) -> None: ...  # noqa: N802 (Qt's name)


def _balanced(line: str) -> str:
    """``line`` with unmatched PDIs dropped and every isolate it opens closed at its end."""
    out: list[str] = []
    depth = 0
    for char in line:
        if char in _OPEN_ISOLATES:
            depth += 1
        elif char == PDI:
            if depth == 0:
                continue
            depth -= 1
        out.append(char)
    return "".join(out) + PDI * depth


def neutralise_bidi(text: str) -> str:
    """``text`` without embeddings/overrides or stray isolates, line by line; marks are kept.

    Control characters other than tab and newline are dropped; every kind of line or paragraph
    break becomes a newline (the bidi algorithm starts afresh at each).
    """
    text = text.replace("\r\n", "\n").translate(_NEWLINES)
    kept = "".join(c for c in text if c not in _EMBEDDINGS
                   and (c in "\t\n" or unicodedata.category(c) != "Cc"))
    return "\n".join(_balanced(line) for line in kept.split("\n"))


def elide(text: str, max_chars: int = MAX_CHARS, max_lines: int = MAX_LINES) -> str:
    """At most ``max_lines`` lines and ``max_chars`` characters, ending in "…" when cut."""
    text = neutralise_bidi(text).strip()
    lines = text.split("\n")
    cut = False
    if len(lines) > max_lines:
        text = "\n".join(lines[:max_lines]).rstrip()
        cut = True
    if len(text) > max_chars:
        text = text[:max_chars].rstrip()
        cut = True
    if not cut:
        return text
    # Close any isolate the cut left open, within the bound.
    shorter = text
    while True:
        result = neutralise_bidi(shorter).rstrip() + ELLIPSIS
        if len(result) <= max_chars + len(ELLIPSIS) or not shorter:
            return result
        shorter = shorter[:-1]


def isolate(text: str) -> str:
    """``text`` as an isolated run (FSI … PDI) for putting inside a sentence."""
    return FSI + neutralise_bidi(text) + PDI


def plain_tooltip(text: str | None) -> str:
    """A tooltip (or What's This) Qt shows as exactly ``text``: escaped, elided, bidi-safe.

    Empty or blank text gives "" (no tooltip).
    """
    if text is None or not str(text).strip():
        return ""
    return PREFIX + html.escape(elide(str(text)), quote=True) + SUFFIX


def plain_status(text: str | None) -> str:
    """A status-bar message or status tip: one line, elided, bidi controls neutralised."""
    if text is None:
        return ""
    one_line = " ".join(part.strip() for part in neutralise_bidi(str(text)).split("\n")
                        if part.strip())
    return elide(one_line, MAX_CHARS, 1)


def plain_notification(text: str | None) -> str:
    """A desktop notification's body: as a status message, and with markup escaped.

    Freedesktop notification servers (and Qt's own balloon) may read the body as markup, so a
    part's name like ``<img src=…>`` must arrive as the characters it is.
    """
    return html.escape(plain_status(text), quote=False)


def set_tooltip(target: _HasToolTip, text: str | None) -> None:
    """``target.setToolTip(plain_tooltip(text))`` for a widget, an action or an item."""
    target.setToolTip(plain_tooltip(text))
