"""Limits and checks applied before anything is stored (listed in docs/export-format.md).

Text is kept exactly as typed — emoji, right-to-left scripts and combining marks round-trip —
but control characters are refused (other than newline and tab in long text), because they are
invisible, can reorder or hide what a person sees, and have no place in a journal.
"""

from __future__ import annotations

import re
import unicodedata

from partsjournal.domain.model import (
    C_QUALITIES,
    PART_TEXT_FIELDS,
    Entry,
    EntryKind,
    Part,
    Relation,
)
from partsjournal.errors import ValidationError

MAX_NAME = 200
MAX_TEXT = 100_000
MAX_PLANNED_MINUTES = 24 * 60

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
# C0 and C1 controls except TAB/LF/CR, plus DEL.
_CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_IN_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def check_name(value: str, field: str = "name", label: str = "A name") -> str:
    """Return ``value`` stripped, or raise if it is empty, too long or holds control characters."""
    value = value.strip()
    if not value:
        raise ValidationError(field, f"{label} can't be empty.")
    if len(value) > MAX_NAME:
        raise ValidationError(
            field, f"{label} can be at most {MAX_NAME} characters; this one has {len(value)}."
        )
    if _CONTROL_IN_NAME.search(value) or _has_bidi_override(value):
        raise ValidationError(field, f"{label} contains invisible control characters.")
    return value


def check_text(value: str, field: str, label: str) -> str:
    """Return ``value`` unchanged, or raise if it is too long or holds control characters."""
    if len(value) > MAX_TEXT:
        raise ValidationError(
            field,
            f"{label} can be at most {MAX_TEXT:,} characters; this one has {len(value):,}.",
        )
    if _CONTROL_IN_TEXT.search(value):
        raise ValidationError(field, f"{label} contains invisible control characters.")
    return value


def _check_length(value: str, field: str, label: str) -> str:
    """:func:`check_text` without the control-character search, for text already searched."""
    if len(value) > MAX_TEXT:
        raise ValidationError(
            field,
            f"{label} can be at most {MAX_TEXT:,} characters; this one has {len(value):,}.",
        )
    return value


def check_scale(value: int | None, field: str, label: str) -> int | None:
    """Ratings (Self-energy, trust, the 8 C's) are whole numbers from 0 to 10, or not given."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise ValidationError(field, f"{label} is a number from 0 to 10.")
    return value


def _has_bidi_override(value: str) -> bool:
    """Bidi embedding/override/isolate controls can make a name display as something else."""
    return any(unicodedata.bidirectional(ch) in {"LRE", "RLE", "LRO", "RLO", "PDF",
                                                  "LRI", "RLI", "FSI", "PDI"} for ch in value)


def validate_part(part: Part) -> Part:
    """Check every field of a part profile; returns it with the name stripped."""
    part.name = check_name(part.name, "name", "A part's name")
    for name in PART_TEXT_FIELDS:
        check_text(getattr(part, name), name, f"The part's {name.replace('_', ' ')}")
    if part.color and not _COLOR.match(part.color):
        raise ValidationError("color", "A colour is written as #rrggbb.")
    check_scale(part.trust_in_self, "trust_in_self", "Trust in Self")
    return part


def validate_relation(relation: Relation) -> Relation:
    """A relation joins two different parts."""
    if relation.from_part_id == relation.to_part_id:
        raise ValidationError("to_part_id", "A part can't be in a relationship with itself.")
    check_text(relation.note, "note", "The relationship note")
    return relation


def validate_entry(entry: Entry, *, texts_checked: bool = False) -> Entry:
    """Check every field of a journal entry.

    ``texts_checked``: the caller has already put every text of the entry (title, body,
    trailhead, agreements, debrief and the notes on its parts) through :func:`check_text`, as
    the JSON import does to name the place in the file; the control-character search, the
    costly half of that check, is then not run a second time. Every other check still is.
    """
    text = _check_length if texts_checked else check_text
    if entry.occurred_at.tzinfo is None:
        raise ValidationError("occurred_at", "The entry's time needs a time zone.")
    entry.title = text(entry.title, "title", "The title")
    if len(entry.title) > MAX_NAME:
        raise ValidationError(
            "title", f"A title can be at most {MAX_NAME} characters; this one has "
            f"{len(entry.title)}.")
    if "\n" in entry.title or "\r" in entry.title:
        raise ValidationError("title", "A title is a single line.")
    text(entry.body, "body", "The entry text")
    text(entry.trailhead, "trailhead", "The trailhead")
    text(entry.agreements, "agreements", "The agreements")
    text(entry.debrief, "debrief", "The debrief")
    check_scale(entry.self_energy, "self_energy", "Self-energy")
    for quality, value in entry.qualities.items():
        if quality not in C_QUALITIES:
            raise ValidationError("qualities", f"'{quality}' is not one of the 8 C's.")
        check_scale(value, quality, quality.capitalize())
    seen: set[str] = set()
    for presence in entry.parts:
        if (presence.part_id is None) == (presence.received_part_id is None):
            raise ValidationError("parts", "Each part present is either yours or a peer's.")
        key = presence.part_id or presence.received_part_id or ""
        if key in seen:
            raise ValidationError("parts", "A part is listed twice in this entry.")
        seen.add(key)
        text(presence.note, "parts", "The note on a part")
    if entry.kind is not EntryKind.PEER_SESSION:
        entry.peer_id = None
        entry.my_role = None
        entry.planned_minutes = None
    elif entry.planned_minutes is not None and not (
        0 < entry.planned_minutes <= MAX_PLANNED_MINUTES
    ):
        raise ValidationError("planned_minutes", "Planned minutes are between 1 and 1440.")
    return entry
