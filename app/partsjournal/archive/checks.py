"""Checks for the values of an export file, each naming its place in the file when it fails.

Every check returns the value it accepted (typed) or raises :class:`ImportRejected` with the
place (``entries[3].kind``) and a sentence saying what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, NoReturn, TypeVar

from partsjournal.domain.agreements import AgreementStatus, check_agreement_text
from partsjournal.domain.model import EntryKind, PeerRole, RelationKind, Role, Stage
from partsjournal.domain.session_contract import Facilitation, Reach
from partsjournal.domain.validation import check_name, check_text
from partsjournal.errors import JournalError, ValidationError
from partsjournal.vault.dictionary import check_word
from partsjournal.vault.templates import check_template

MAX_REVISION = 2**53 - 1
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_E = TypeVar("_E", Role, Stage, RelationKind, EntryKind, PeerRole, AgreementStatus,
             Facilitation, Reach)


class ImportRejected(JournalError):
    """An export file that can't be imported; ``where`` points into the file (e.g. entries[3])."""

    def __init__(self, where: str, problem: str) -> None:
        place = f" At {where}: " if where else " "
        super().__init__(f"This export file can't be imported.{place}{problem} Nothing was "
                         "imported.")
        self.where = where
        self.problem = problem


def fail(where: str, problem: str) -> NoReturn:
    """Refuse the file: ``problem`` happened at ``where``."""
    raise ImportRejected(where, problem)


def obj(value: Any, where: str, keys: tuple[str, ...]) -> dict[str, Any]:
    """An object with exactly ``keys`` (none missing, none unknown)."""
    if not isinstance(value, dict):
        fail(where, "This should be an object ({…}).")
    missing = [k for k in keys if k not in value]
    if missing:
        fail(where, f"“{missing[0]}” is missing.")
    unknown = sorted(set(value) - set(keys))
    if unknown:
        fail(where, f"“{unknown[0][:40]}” is not part of the export format.")
    return value


def items(value: Any, where: str) -> list[Any]:
    """A list."""
    if not isinstance(value, list):
        fail(where, "This should be a list ([…]).")
    return value


def string(value: Any, where: str) -> str:
    """Any text."""
    if not isinstance(value, str):
        fail(where, "This should be text.")
    return value


def text(value: Any, where: str, limit: int | None = None) -> str:
    """Text within the journal's limits (length, no control characters)."""
    text = string(value, where)
    if limit is not None and len(text) > limit:
        fail(where, f"This text has {len(text):,} characters; at most {limit:,} are allowed.")
    try:
        return check_text(text, where, "This text")
    except ValidationError as exc:
        fail(where, str(exc))


def name(value: Any, where: str) -> str:
    """A name as the journal stores it: non-empty, one line, no padding, at most 200."""
    text = string(value, where)
    cleaned = checked(lambda: check_name(text, where, "This name"), where)
    if cleaned != text:
        fail(where, "This name starts or ends with spaces.")
    return text


def word(value: Any, where: str) -> str:
    """A word of the personal dictionary, exactly as ``vault/dictionary.py`` stores one.

    The dictionary's own check decides (one word, no spaces or invisible characters, at most
    100 characters); a stored word is also already stripped and in Unicode form NFC, so a word
    that check would change is refused rather than silently changed.
    """
    text = string(value, where)
    if not text.strip():
        fail(where, "This word is empty.")
    cleaned = checked(lambda: check_word(text), where)
    if cleaned != text:
        if text != text.strip():
            fail(where, "This word starts or ends with spaces.")
        fail(where, "This word is not in the Unicode form (NFC) the dictionary stores "
             f"words in; stored, it would be “{cleaned[:60]}”.")
    return text


def template(value: Any, where: str) -> str:
    """The text of an own entry template, checked exactly as ``vault/templates.py`` checks one.

    ``check_template`` decides (at most 10,000 characters, no control characters but tab and
    line breaks); it never changes a template, and an empty one is allowed ("start empty").
    """
    text = string(value, where)
    return str(checked(lambda: check_template(text), where))


def agreement(value: Any, where: str) -> str:
    """The words of an agreement, exactly as ``domain/agreements.py`` stores them.

    Its own check decides (1–500 characters, one line, no control or bidi characters); a stored
    agreement is already stripped, so one with spaces around it is refused, not changed.
    """
    text = string(value, where)
    cleaned = checked(lambda: check_agreement_text(text), where)
    if cleaned != text:
        fail(where, "This agreement starts or ends with spaces.")
    return text


def opt_day(value: Any, where: str) -> date | None:
    """A calendar day written ``YYYY-MM-DD`` (no time, no zone), or null."""
    if value is None:
        return None
    text = string(value, where)
    try:
        if not _DAY.match(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        fail(where, f"“{text[:40]}” is not a day written like 2026-03-01.")


def checked(check: Callable[[], Any], where: str) -> Any:
    """Run a domain validation; its complaint becomes a refusal at ``where``."""
    try:
        return check()
    except ValidationError as exc:
        fail(where, str(exc))


def ident(value: Any, where: str) -> str:
    """A lowercase UUID."""
    text = string(value, where)
    if not _UUID.match(text):
        fail(where, f"“{text[:60]}” is not a valid id (a lowercase UUID).")
    return text


def opt_ident(value: Any, where: str) -> str | None:
    """A lowercase UUID, or null."""
    return None if value is None else ident(value, where)


def moment(value: Any, where: str) -> datetime:
    """An ISO 8601 time with a time zone."""
    text = string(value, where)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        fail(where, f"“{text[:40]}” is not a date and time (ISO 8601).")
    if moment.tzinfo is None:
        fail(where, f"“{text[:40]}” has no time zone; times are written like "
              "2026-03-01T09:30:00+00:00.")
    return moment


def opt_moment(value: Any, where: str) -> datetime | None:
    """An ISO 8601 time with a time zone, or null."""
    return None if value is None else moment(value, where)


def integer(value: Any, where: str, low: int, high: int) -> int:
    """A whole number (not a boolean) from ``low`` to ``high``."""
    if type(value) is not int:
        fail(where, "This should be a whole number.")
    if not low <= value <= high:
        fail(where, f"{value} is out of range ({low} to {high:,}).")
    return value


def opt_integer(value: Any, where: str, low: int, high: int) -> int | None:
    """A whole number from ``low`` to ``high``, or null."""
    return None if value is None else integer(value, where, low, high)


def boolean(value: Any, where: str) -> bool:
    """A JSON true or false."""
    if not isinstance(value, bool):
        fail(where, "This should be true or false.")
    return value


def choice(kind: type[_E], value: Any, where: str) -> _E:
    """One of the values of the enum ``kind``."""
    text = string(value, where)
    try:
        return kind(text)
    except ValueError:
        choices = ", ".join(m.value for m in kind)
        fail(where, f"“{text[:40]}” is not one of: {choices}.")


def unique(seen: set[Any], key: Any, where: str, what: str) -> None:
    """Remember ``key``; refuse it if it was seen before."""
    if key in seen:
        fail(where, f"{what} appears twice.")
    seen.add(key)


