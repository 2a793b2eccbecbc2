"""Dialogue with parts: lines of an entry spoken by Self or by one of the person's parts.

Talking with a part — asking, listening, answering — is the heart of IFS journaling, so an entry
can hold a conversation. It is stored as the plain Markdown a person would write by hand, one
line per turn::

    Self: What do you want me to know?
    The Critic: That I'm tired of keeping you safe.

A line is dialogue when it starts (after at most three spaces, as Markdown allows) with the name
of a *speaker* — Self, or one of the person's parts, matched without regard to case — followed
by a colon and a space (or the end of the line). Only names the journal knows count, so "Note:"
or "Tuesday:" stay ordinary text, and the longest name wins ("The Critic:" is The Critic even
when there is a part called "The"). ``Q:`` always marks a question for the therapist
(:func:`partsjournal.reports.text.is_question`), never a part called "Q". Lines inside a fenced
code block are not dialogue either.

Keeping the storage this plain means a dialogue survives every path the text takes — search,
the JSON and Markdown exports, a peer's copy — with nothing to convert; only the look (the
speaker's colour and name) and the summary need to know which lines are turns. This module is
free of Qt: the editor's highlighter, the therapy-prep summary and the guided session all use it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Final, Protocol, TypeVar

from partsjournal.domain.words import QT_TRANSLATE_NOOP

#: The name Self speaks under. The app recognises its translation ("Dialogue" context) too, and
#: the guided session writes the translation, so a dialogue reads in the person's language.
SELF_NAME: Final = QT_TRANSLATE_NOOP("Dialogue", "Self")

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_QUESTION = re.compile(r"^ {0,3}Q:")
_INDENT = 3  # Markdown's own: four spaces would make an indented code block


@dataclass(frozen=True)
class Speaker:
    """Who can speak in a dialogue: Self, or a part by its exact name.

    ``colour`` is a ``#rrggbb`` hex (the part's own colour, or its role's) or None for "no
    colour of its own"; the editor makes it readable on a light or dark page. ``is_self`` marks
    Self, whose turns the conversation alternates with.
    """

    name: str
    colour: str | None = None
    is_self: bool = False


@dataclass(frozen=True)
class DialogueLine:
    """One turn: ``speaker`` said ``said`` on line ``number`` (0-based) of the text.

    ``name_start`` and ``name_end`` bound the name as written (``name_end`` is just after the
    colon), ``said_start`` is where the words begin: the editor colours exactly that prefix.
    """

    number: int
    speaker: Speaker
    said: str
    name_start: int
    name_end: int
    said_start: int


class Cast:
    """The speakers of a journal, ready to recognise at the start of a line.

    Built once (when the parts change) and asked on every keystroke by the highlighter, so it
    keeps the names by length, longest first: recognising a line costs a few dictionary
    look-ups, however many parts there are. Names are compared case-insensitively; a name given
    twice (Self's translation equal to a part's name, say) keeps its first speaker.
    """

    def __init__(self, speakers: Iterable[Speaker] = ()) -> None:
        self._speakers: list[Speaker] = []
        self._by_key: dict[str, Speaker] = {}
        for speaker in speakers:
            name = speaker.name.strip()
            key = name.casefold()
            if not name or key in self._by_key or "\n" in name:
                continue
            if name != speaker.name:
                speaker = Speaker(name, speaker.colour, speaker.is_self)
            self._by_key[key] = speaker
            self._speakers.append(speaker)
        self._lengths = sorted({len(s.name) for s in self._speakers}, reverse=True)

    @property
    def speakers(self) -> tuple[Speaker, ...]:
        """Every speaker, in the order given (without repeats)."""
        return tuple(self._speakers)

    @property
    def self_speaker(self) -> Speaker | None:
        """The first speaker who is Self (None when Self is not in the cast)."""
        return next((s for s in self._speakers if s.is_self), None)

    @property
    def longest(self) -> int:
        """The length of the longest name (0 for an empty cast)."""
        return self._lengths[0] if self._lengths else 0

    def __bool__(self) -> bool:
        return bool(self._speakers)

    def find(self, name: str) -> Speaker | None:
        """The speaker called ``name`` (any case), or None."""
        return self._by_key.get(name.strip().casefold())

    def completions(self, typed: str) -> list[Speaker]:
        """Speakers whose names start with ``typed`` (any case), Self first, then by name."""
        key = typed.casefold()
        found = [s for s in self._speakers if s.name.casefold().startswith(key)]
        return sorted(found, key=lambda s: (not s.is_self, s.name.casefold()))

    def match(self, line: str, number: int = 0) -> DialogueLine | None:
        """The turn ``line`` is, or None when it is not dialogue (see the module's notes)."""
        if not self._lengths or _QUESTION.match(line):
            return None
        start = len(line) - len(line.lstrip(" "))
        if start > _INDENT:
            return None
        for length in self._lengths:
            colon = start + length
            if colon >= len(line) or line[colon] != ":":
                continue
            speaker = self._by_key.get(line[start:colon].casefold())
            if speaker is None:
                continue
            after = colon + 1
            if after < len(line) and not line[after].isspace():
                continue  # "Self:ish" or "Critic://" is not a turn
            said_start = after + len(line[after:]) - len(line[after:].lstrip())
            return DialogueLine(number, speaker, line[said_start:].rstrip(), start, after,
                                said_start)
        return None


class _Part(Protocol):
    """What :func:`speakers_for` needs of a part (``domain.model.Part`` has it)."""

    @property
    def name(self) -> str: ...

    @property
    def color(self) -> str: ...


_P = TypeVar("_P", bound=_Part)


def speakers_for(parts: Iterable[_P], *, self_names: Sequence[str] = (SELF_NAME,),
                 self_colour: str | None = None,
                 colour_of: Callable[[_P], str | None] | None = None) -> list[Speaker]:
    """Self (under each of ``self_names``) and then each part, as speakers.

    ``self_names`` lets a dialogue written as "Self:" and one written in the person's language
    ("Selbst:") both be recognised. ``colour_of`` gives a part's colour (default: its own
    colour, if it has one); the app passes its role colours for parts without one.
    """
    speakers = [Speaker(name, self_colour, is_self=True) for name in self_names if name.strip()]
    for part in parts:
        colour = colour_of(part) if colour_of is not None else (part.color or None)
        speakers.append(Speaker(part.name, colour))
    return speakers


def _cast(speakers: Cast | Iterable[Speaker]) -> Cast:
    return speakers if isinstance(speakers, Cast) else Cast(speakers)


def speaker_at(line: str, speakers: Cast | Iterable[Speaker]) -> Speaker | None:
    """Who speaks ``line`` (one line, no newline), or None when it is not dialogue."""
    found = _cast(speakers).match(line)
    return found.speaker if found else None


def dialogue_lines(text: str, speakers: Cast | Iterable[Speaker]) -> list[DialogueLine]:
    """Every turn in ``text``, in order; lines in fenced code blocks are skipped."""
    cast = _cast(speakers)
    if not cast:
        return []
    found: list[DialogueLine] = []
    fence: str | None = None
    for number, line in enumerate(text.splitlines()):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        turn = cast.match(line, number)
        if turn is not None:
            found.append(turn)
    return found


def next_speaker(current: Speaker, earlier: Sequence[Speaker], cast: Cast) -> Speaker | None:
    """Who speaks after ``current``: the conversation goes back and forth.

    ``earlier`` are the speakers of the turns before it, nearest last. The answer is the nearest
    earlier speaker who is not ``current`` (so Self ↔ the part, or back to whichever part Self
    was talking with); with no such turn, a part is answered by Self, and Self's first question
    has no one to hand over to yet (None: the person chooses).
    """
    for speaker in reversed(earlier):
        if speaker.name.casefold() != current.name.casefold():
            return speaker
    if not current.is_self:
        return cast.self_speaker
    return None
