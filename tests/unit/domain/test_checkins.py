"""When a planned check-in is due, in the person's own clock."""

from __future__ import annotations

import os
import time as clock
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

import pytest

from partsjournal.domain.checkins import (
    MAX_MISSED,
    CheckinPlan,
    check_plan,
    due_between,
    earliest_due,
    next_due,
)
from partsjournal.errors import ValidationError


@pytest.fixture(autouse=True)
def berlin() -> Iterator[None]:
    """A clock with summer time, so a day is not always 24 hours."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Berlin"
    clock.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    clock.tzset()


def local(*args: int) -> datetime:
    return datetime(*args).astimezone()  # type: ignore[misc]


MADE = local(2026, 3, 20, 9, 0)


def plan(**changes: object) -> CheckinPlan:
    values: dict[str, object] = {"part_id": None, "at": time(8, 30), "created_at": MADE}
    values.update(changes)
    return CheckinPlan(**values)  # type: ignore[arg-type]


def test_daily_is_due_at_the_same_local_time_across_the_summer_time_change() -> None:
    daily = plan()
    first = next_due(daily, MADE)
    assert first == local(2026, 3, 21, 8, 30)
    moments = due_between(daily, MADE, local(2026, 3, 31, 0, 0))
    assert [m.astimezone().strftime("%d %H:%M") for m in moments] == [
        f"{d} 08:30" for d in range(21, 31)]
    # Berlin moved its clocks on 29 March: the same 08:30 is an hour earlier in UTC.
    assert moments[7].astimezone(UTC).hour == 7 and moments[8].astimezone(UTC).hour == 6


def test_later_the_same_day_is_due_today() -> None:
    assert next_due(plan(at=time(21, 0)), MADE) == local(2026, 3, 20, 21, 0)


def test_chosen_weekdays_only() -> None:
    weekly = plan(weekdays=frozenset({1, 4}))  # Mondays and Thursdays; 20 March is a Friday
    moments = due_between(weekly, MADE, local(2026, 4, 3, 0, 0))
    assert [m.date() for m in moments] == [date(2026, 3, 23), date(2026, 3, 26),
                                           date(2026, 3, 30), date(2026, 4, 2)]


def test_until_is_the_last_day_included() -> None:
    short = plan(until=date(2026, 3, 22))
    assert [m.day for m in due_between(short, MADE, local(2026, 4, 1))] == [21, 22]
    assert next_due(short, local(2026, 3, 22, 8, 30)) is None
    assert next_due(plan(until=date(2026, 3, 20)), MADE) is None  # 08:30 today has passed


def test_handled_and_ended_are_not_due_again() -> None:
    daily = plan().handled(local(2026, 3, 23, 8, 30))
    assert next_due(daily, MADE) == local(2026, 3, 24, 8, 30)
    assert due_between(daily, MADE, local(2026, 3, 24, 9)) == [local(2026, 3, 24, 8, 30)]
    assert next_due(plan(ended=True), MADE) is None


def test_a_long_absence_lists_a_bounded_number() -> None:
    moments = due_between(plan(), MADE, MADE + timedelta(days=400))
    assert len(moments) == MAX_MISSED


def test_earliest_of_many_and_none_when_nothing_is_planned() -> None:
    plans = [plan(at=time(20, 0)), plan(at=time(7, 0))]
    assert earliest_due(plans, MADE) == local(2026, 3, 20, 20, 0)
    assert earliest_due([], MADE) is None
    assert earliest_due([plan(ended=True)], MADE) is None


@pytest.mark.parametrize(("changes", "words"), [
    ({"note": "x" * 201}, "at most 200"),
    ({"note": "two\nlines"}, "one line"),
    ({"note": "\u202eevil"}, "direction overrides"),
    ({"weekdays": frozenset({0})}, "Monday to Sunday"),
    ({"at": time(8, 30, 15)}, "an hour and a minute"),
    ({"until": date(2026, 3, 19)}, "before today"),
])
def test_refusals_say_what_to_change(changes: dict[str, object], words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        check_plan(plan(**changes))


def test_a_note_is_stripped() -> None:
    assert check_plan(plan(note="  with the Critic  ")).note == "with the Critic"
