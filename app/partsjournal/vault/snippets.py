"""Snippets cut from stored text in Python: fast, diacritics-insensitive, plain text.

SQLite's ``snippet()`` re-tokenizes each whole document; for long entries that costs about a
millisecond a row. Here each query word becomes one regular expression in which every Latin
letter also matches its accented forms, so "cafe" finds "Café" as the FTS5 index does
(``remove_diacritics 2``), and only the matched neighbourhood is touched.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
BEFORE, AFTER = 60, 140


def _accent_table() -> dict[str, str]:
    variants: dict[str, set[str]] = {}
    for code in list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1F00)):
        char = chr(code)
        base = unicodedata.normalize("NFKD", char)[:1]
        if base.isascii() and base.isalpha():
            variants.setdefault(base.lower(), set()).update({char, char.lower(), char.upper()})
    return {base: "".join(sorted(chars)) for base, chars in variants.items()}


_ACCENTS = _accent_table()


def fold(word: str) -> str:
    """Lower case without diacritics: what the index compares."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=256)
def word_pattern(words: tuple[str, ...], last_is_prefix: bool) -> re.Pattern[str]:
    """One pattern matching any of the words at a word start (the last one maybe unfinished)."""
    alternatives = []
    for i, word in enumerate(words):
        pieces = []
        for char in fold(word):
            accented = _ACCENTS.get(char)
            pieces.append(f"[{re.escape(char)}{accented}]" if accented else re.escape(char))
        body = "".join(pieces)
        whole = not (last_is_prefix and i == len(words) - 1)
        alternatives.append(body + (r"(?!\w)" if whole else r"\w*"))
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


def snippet(texts: list[str], pattern: re.Pattern[str]) -> str:
    """The neighbourhood of the first match in the first text that has one, matches marked."""
    for text in texts:
        match = pattern.search(text)
        if match is None:
            continue
        start = max(0, match.start() - BEFORE)
        end = min(len(text), match.end() + AFTER)
        if start > 0:
            space = text.find(" ", start, match.start())
            start = space + 1 if space != -1 else start
        if end < len(text):
            space = text.rfind(" ", match.end(), end)
            end = space if space != -1 else end
        window = text[start:end]
        marked = pattern.sub(lambda m: f"{HIGHLIGHT_START}{m.group(0)}{HIGHLIGHT_END}", window)
        marked = " ".join(marked.split())
        return ("…" if start > 0 else "") + marked + ("…" if end < len(text) else "")
    return ""
