"""Agreements with parts: what Self and a part agreed, kept until it is kept or let go.

In parts work a person often ends a session with an agreement ("I'll check in with Eight every
morning this week", "the Critic agreed to step back during presentations"). Keeping such a
promise builds a part's trust in Self, so the app keeps a ledger of them and shows the open ones
again when that part next appears. An agreement belongs to one of the person's own parts, was
made at a moment (``made_at``), may have a last day (``ends_on``, a calendar day in the person's
own calendar, not a moment: "until Friday" means Friday wherever they are), and may name the
entry it was made in. It is *open* until the person marks it *kept* or *released* (let go —
nobody failed; the agreement no longer fits), and then remembers when (``closed_at``).

The tables and the export are in docs/vault-format.md and docs/export-format.md. No I/O, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from partsjournal.domain.model import new_id, utc_now
from partsjournal.errors import ValidationError

if TYPE_CHECKING:  # (annotations only) datetime and unicodedata load when first used: the
    from datetime import date, datetime  # vocabulary imports this module, as start-up does

#: An agreement is a sentence or two: long enough to say it, short enough to see it in a list.
MAX_AGREEMENT = 500
#: "This week": open agreements whose last day is at most this many days from today.
WEEK_DAYS = 7

_BIDI_CONTROLS = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})


class AgreementStatus(StrEnum):
    """Where an agreement stands: still open, kept, or let go."""

    OPEN = "open"
    KEPT = "kept"
    RELEASED = "released"


@dataclass
class Agreement:
    """One agreement between the person (Self) and one of their own parts."""

    part_id: str
    text: str
    ends_on: date | None = None
    entry_id: str | None = None
    status: AgreementStatus = AgreementStatus.OPEN
    closed_at: datetime | None = None
    made_at: datetime = field(default_factory=utc_now)
    id: str = field(default_factory=new_id)

    @property
    def is_open(self) -> bool:
        """True until it is marked kept or let go."""
        return self.status is AgreementStatus.OPEN


def check_agreement_text(value: str) -> str:
    """``value`` stripped, or ValidationError: empty, too long, or not one plain line.

    One line because it is shown as one row in a list and beside a part's name; control
    characters and bidi overrides are refused as in a part's name, since an agreement is shown
    next to it and could otherwise make the row read as something else.
    """
    import unicodedata

    if not isinstance(value, str):
        raise ValidationError("text", "An agreement is text.")
    value = value.strip()
    if not value:
        raise ValidationError("text", "Write a few words of what was agreed.")
    if len(value) > MAX_AGREEMENT:
        raise ValidationError("text", f"An agreement can be at most {MAX_AGREEMENT} characters; "
                                      f"this one has {len(value)}.")
    if any(unicodedata.category(c) == "Cc" for c in value):
        raise ValidationError("text", "An agreement is one line, without invisible control "
                                      "characters.")
    if any(unicodedata.bidirectional(c) in _BIDI_CONTROLS for c in value):
        raise ValidationError("text", "An agreement contains invisible control characters.")
    return value


def validate_agreement(agreement: Agreement) -> Agreement:
    """Check every field; returns the agreement with its text stripped.

    An open agreement has no ``closed_at`` and a closed one has one: the two always go together,
    so "when was it kept?" always has an answer and an open one never looks closed.
    """
    from datetime import date, datetime

    agreement.text = check_agreement_text(agreement.text)
    if not agreement.part_id:
        raise ValidationError("part_id", "An agreement is made with one of your parts.")
    if not isinstance(agreement.made_at, datetime) or agreement.made_at.tzinfo is None:
        raise ValidationError("made_at", "The time an agreement was made needs a time zone.")
    ends_on = agreement.ends_on
    if ends_on is not None and (isinstance(ends_on, datetime) or not isinstance(ends_on, date)):
        raise ValidationError("ends_on", "An agreement's last day is a date, without a time.")
    agreement.status = AgreementStatus(agreement.status)
    closed = agreement.closed_at
    if agreement.is_open and closed is not None:
        raise ValidationError("closed_at", "An open agreement has not been closed yet.")
    if not agreement.is_open and (not isinstance(closed, datetime) or closed.tzinfo is None):
        raise ValidationError("closed_at", "A kept or let-go agreement says when, with a time "
                                           "zone.")
    return agreement


def in_this_week(agreement: Agreement, today: date) -> bool:
    """Open, and with no last day or one at most :data:`WEEK_DAYS` days from ``today``.

    One whose last day has already passed but is still open counts too: it is exactly the one
    the person still has to look at (kept? let go?).
    """
    from datetime import timedelta

    if not agreement.is_open:
        return False
    return agreement.ends_on is None or agreement.ends_on <= today + timedelta(days=WEEK_DAYS)


__all__ = ["MAX_AGREEMENT", "WEEK_DAYS", "Agreement", "AgreementStatus",
           "check_agreement_text", "in_this_week", "validate_agreement"]
