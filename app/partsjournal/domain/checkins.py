"""Check-ins after the work: when a planned check-in with a part is due.

After an unburdening, or any session, a person may ask to be reminded to check in with the
part — every day until a date, or on chosen weekdays — at a time of day in their own clock.
The rules are plain Python so they can be tested without waiting: every function takes the
moment to reason about, and the local time zone is the system's (``datetime.astimezone()``),
as the person's clock is.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from partsjournal.domain.model import new_id, utc_now
from partsjournal.errors import ValidationError

#: A note is one short line, like an agreement's text.
MAX_NOTE = 200
#: ISO weekdays, Monday = 1 … Sunday = 7.
WEEKDAYS = range(1, 8)
#: However long the journal was closed, at most this many missed check-ins are listed.
MAX_MISSED = 30
_BIDI = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})


@dataclass(frozen=True)
class CheckinPlan:
    """A planned check-in: with which part, when each day, on which days, until when."""

    part_id: str | None
    at: time
    weekdays: frozenset[int] = frozenset()  # empty: every day
    until: date | None = None
    note: str = ""
    source_entry_id: str | None = None
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utc_now)
    #: The latest due moment already shown (or written about): nothing up to it is due again.
    handled_until: datetime | None = None
    ended: bool = False

    @property
    def every_day(self) -> bool:
        """Due every day (no weekdays chosen)."""
        return not self.weekdays

    def handled(self, until: datetime) -> CheckinPlan:
        """This plan with everything due up to ``until`` marked as shown."""
        return replace(self, handled_until=until)


def check_plan(plan: CheckinPlan) -> CheckinPlan:
    """Refuse what can't be a check-in, with a message that says what to change."""
    if plan.at.second or plan.at.microsecond or plan.at.tzinfo is not None:
        raise ValidationError("at", "A check-in is due at an hour and a minute of your day.")
    if not plan.weekdays <= set(WEEKDAYS):
        raise ValidationError("weekdays", "The days of a check-in are Monday to Sunday.")
    note = plan.note.strip()
    if len(note) > MAX_NOTE:
        raise ValidationError("note", f"A note for a check-in is one short line (at most "
                              f"{MAX_NOTE} characters); this one has {len(note):,}.")
    if any(unicodedata.category(c) == "Cc" or unicodedata.bidirectional(c) in _BIDI
           or c in "\u2028\u2029" for c in note):
        raise ValidationError("note", "A note for a check-in is one line, without control "
                              "characters or direction overrides.")
    if plan.until is not None and plan.until < plan.created_at.astimezone().date():
        raise ValidationError("until", "The last day of a check-in can't be before today.")
    return replace(plan, note=note)


def _local(day: date, at: time) -> datetime:
    """``at`` on ``day`` in the person's own clock, as an aware moment."""
    return datetime.combine(day, at).astimezone()


def _is_due_day(plan: CheckinPlan, day: date) -> bool:
    return (plan.every_day or day.isoweekday() in plan.weekdays) and \
        (plan.until is None or day <= plan.until)


def next_due(plan: CheckinPlan, after: datetime) -> datetime | None:
    """The first moment strictly after ``after`` this check-in is due (None: never again)."""
    if plan.ended:
        return None
    start = max(after, plan.handled_until or after)
    day = start.astimezone().date()
    for offset in range(8):  # within a week every chosen weekday comes round
        candidate = day + timedelta(days=offset)
        if plan.until is not None and candidate > plan.until:
            return None
        moment = _local(candidate, plan.at)
        if _is_due_day(plan, candidate) and moment > start:
            return moment
    return None


def due_between(plan: CheckinPlan, start: datetime, end: datetime) -> list[datetime]:
    """The moments in (``start``, ``end``] this check-in was due, after what was handled."""
    found: list[datetime] = []
    moment = next_due(plan, max(start, plan.created_at))
    while moment is not None and moment <= end and len(found) < MAX_MISSED:
        found.append(moment)
        moment = next_due(plan, moment)
    return found


def earliest_due(plans: list[CheckinPlan], after: datetime) -> datetime | None:
    """The next moment any of ``plans`` is due: all that may be kept outside the journal."""
    moments = [m for m in (next_due(p, after) for p in plans) if m is not None]
    return min(moments) if moments else None


__all__ = ["MAX_MISSED", "MAX_NOTE", "WEEKDAYS", "CheckinPlan", "check_plan", "due_between",
           "earliest_due", "next_due"]
