"""What a highlighter needs to know from the spell-checker: where the misspelt words are.

The body's live-Markdown highlighter and the plain fields' spelling highlighter both draw the red
wavy underline; only the spell-checker knows which words deserve it. This small protocol keeps the
two apart, so either can be built, tested and replaced without the other.

Positions are in UTF-16 code units, as Qt counts them in a ``QTextBlock`` — not Python string
indices, which differ after an emoji or any other character outside the Basic Multilingual Plane.
"""

from __future__ import annotations

from typing import Protocol

#: Paragraphs longer than this (a pasted log, a whole book in one line) are not spell-checked:
#: typing in them stays quick, and they are rarely prose.
SPELL_CHECK_UP_TO = 20_000


class MisspeltWords(Protocol):
    """Finds the misspelt words in one line (one text block) of a text field."""

    def misspelt(self, text: str) -> list[tuple[int, int]]:
        """``(start, length)`` of each misspelt word in ``text``, in UTF-16 code units."""
        ...


def utf16_length(text: str) -> int:
    """How many UTF-16 code units Qt counts in ``text``."""
    return len(text.encode("utf-16-le")) // 2
