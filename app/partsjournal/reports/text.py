"""Journal text made safe to place inside a generated Markdown document.

A title or an excerpt is the person's own text, but inside a report it must stay text: a ``#``
must not become a heading, ``![x](file:...)`` must not become an image, ``<b>`` must not become
markup in whatever viewer opens the file later. Everything that could change the document's
structure is escaped with a backslash, which every CommonMark reader (Qt's included) shows as
the plain character.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# Inline characters with a meaning in CommonMark/GFM: emphasis, code, links and images (an
# escaped "[" also defuses "!["), raw HTML, strikethrough, and "&" only where it would start an
# entity. Backslash escapes are defined for every ASCII punctuation character; the rest (".",
# "!", "?") is left alone so the file still reads naturally as text.
_INLINE = re.compile(r"([\\`*_\[\]<~]|&(?=#?[A-Za-z0-9]+;))")
# What would open a block (heading, list, quote, thematic break) at the start of a line.
_BLOCK_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_LINE_MARKER = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)")
_STRONG = re.compile(r"(\*\*|__)(.+?)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")
_SPACE = re.compile(r"\s+")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$)")
_ITEM = re.compile(r"^\s{0,3}(?:[-*+]\s+|\d+[.)]\s+)")
#: What may end a fragment without a full stop being added.
_ENDS = (".", "!", "?", "…", ":", ";", ",", "”", '"', ")", "’")
_SENTENCE_END = re.compile(r"[.!?…][\"”’)]?(?=\s|$)")


def escape_markdown(text: str) -> str:
    """``text`` as literal Markdown text on one line: nothing in it is markup any more."""
    one_line = _SPACE.sub(" ", text).strip()
    escaped = _INLINE.sub(r"\\\1", one_line)
    return _BLOCK_START.sub(_escape_block_start, escaped)


def _escape_block_start(match: re.Match[str]) -> str:
    spaces, marker = match.group(1), match.group(2)
    if marker.isdigit():  # "1." opens a list: escape the "." or ")" that follows the number
        return f"{spaces}{marker}\\"
    return f"{spaces}\\{marker}"


def is_question(line: str) -> bool:
    """A line the person marked as a question to bring: it starts with ``Q:``."""
    return line.lstrip().startswith("Q:")


def plain_excerpt(body: str, limit: int = 280, *,
                  skip: Callable[[str], bool] | None = None) -> str:
    """The start of a Markdown body as one line of plain text, at most ``limit`` characters.

    Markdown syntax is dropped rather than escaped (an excerpt should read like prose); headings
    are left out (they name sections, and "Find Focus Flesh out" is not a sentence), and so are
    lines marked as questions, because the summary lists them on their own. Paragraphs and list
    items become sentences — a label ending in ":" runs on into what follows, so a guided
    session's "What asked for attention: a tight chest" reads as it was meant. A long body is
    cut after its last whole sentence that fits (or at a word, when no sentence does).
    Lines for which ``skip`` is true are left out too: the summary shows a dialogue's turns on
    their own, one per line, rather than run together into the prose.
    """
    blocks: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            blocks.append(" ".join(current))
            current.clear()

    for line in body.splitlines():
        if is_question(line) or (skip is not None and skip(line)):
            continue
        if not line.strip() or _HEADING.match(line):
            close()
            continue
        if _ITEM.match(line):
            close()
        current.append(_plain_line(line))
    close()
    text = ""
    for block in (b for b in (_SPACE.sub(" ", b).strip() for b in blocks) if b):
        if text and not text.endswith(_ENDS):
            text += "."
        text = f"{text} {block}" if text else block
    return _shorten(text, limit)


def _plain_line(line: str) -> str:
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(r"\1", line)
    line = _LINE_MARKER.sub("", line)
    line = _STRONG.sub(r"\2", line)
    line = _EMPHASIS.sub(r"\1", line)
    return line.replace("`", "")


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    window = text[:limit - 2]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    if ends and ends[-1] >= limit * 0.4:
        return window[:ends[-1]] + " …"
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,.;:—-") + "…"


def slug(text: str, fallback: str, limit: int = 60) -> str:
    """A file-name-safe ASCII form of ``text`` (``fallback`` if nothing is left)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return cleaned[:limit].rstrip("-") or fallback


_WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_QUESTION_MARK = re.compile(r"^\s*Q:", re.MULTILINE)  # a question for the therapist


def count_words(body: str) -> int:
    """Words as a reader counts them: Markdown's markers and link addresses are not words.

    "**Eight** said: don't go" is four words; "[the poem](https://…)" is two; the ``Q:`` that
    marks a question for the therapist is a marker too.
    """
    return len(_WORD.findall(_QUESTION_MARK.sub("", _LINK_TARGET.sub("]", body))))
