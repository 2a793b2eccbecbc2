"""Agreements with parts: the checks on their words and fields, and what "this week" means."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from partsjournal.domain.agreements import (
    MAX_AGREEMENT,
    Agreement,
    AgreementStatus,
    check_agreement_text,
    in_this_week,
    validate_agreement,
)
from partsjournal.errors import ValidationError

TODAY = date(2026, 3, 10)
MADE = datetime(2026, 3, 9, 20, tzinfo=UTC)


def test_words_are_kept_as_typed_but_stripped() -> None:
    words = "  I'll check in with Eight every morning — 毎朝 🌅 שלום  "
    assert check_agreement_text(words) == words.strip()


@pytest.mark.parametrize(("value", "reason"), [
    ("", "Write a few words of what was agreed."),
    ("   ", "Write a few words of what was agreed."),
    ("x" * (MAX_AGREEMENT + 1),
     f"An agreement can be at most {MAX_AGREEMENT} characters; this one has 501."),
    ("check in\nevery day", "An agreement is one line, without invisible control characters."),
    ("bell\x07", "An agreement is one line, without invisible control characters."),
    ("c1\x85c1", "An agreement is one line, without invisible control characters."),
    ("abc\u202edcb", "An agreement contains invisible control characters."),
])
def test_hostile_words_are_refused_with_a_reason(value: str, reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_agreement_text(value)
    assert caught.value.field == "text"
    assert str(caught.value) == reason


def test_an_open_agreement_has_no_closing_time_and_a_closed_one_has_one() -> None:
    validate_agreement(Agreement("p", "ok", made_at=MADE))
    with pytest.raises(ValidationError, match="An open agreement has not been closed yet."):
        validate_agreement(Agreement("p", "ok", made_at=MADE, closed_at=MADE))
    with pytest.raises(ValidationError, match="says when"):
        validate_agreement(Agreement("p", "ok", made_at=MADE, status=AgreementStatus.KEPT))
    kept = validate_agreement(Agreement("p", "ok", made_at=MADE, status=AgreementStatus.KEPT,
                                        closed_at=MADE + timedelta(days=1)))
    assert not kept.is_open


def test_the_last_day_is_a_date_and_times_need_a_zone() -> None:
    with pytest.raises(ValidationError, match="a date, without a time"):
        validate_agreement(Agreement("p", "ok", made_at=MADE, ends_on=MADE))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="time zone"):
        validate_agreement(Agreement("p", "ok", made_at=datetime(2026, 3, 9)))
    with pytest.raises(ValidationError, match="one of your parts"):
        validate_agreement(Agreement("", "ok", made_at=MADE))


def test_this_week_is_open_and_ending_within_seven_days_or_without_an_end() -> None:
    def week(ends_on: date | None, status: AgreementStatus = AgreementStatus.OPEN) -> bool:
        closed = None if status is AgreementStatus.OPEN else MADE
        return in_this_week(Agreement("p", "ok", ends_on=ends_on, status=status,
                                      closed_at=closed), TODAY)

    assert week(TODAY + timedelta(days=3))
    assert week(TODAY + timedelta(days=7))
    assert not week(TODAY + timedelta(days=8))
    assert not week(TODAY + timedelta(days=10))
    assert week(None)
    assert week(TODAY - timedelta(days=2)), "past its last day but still open: still to look at"
    assert not week(TODAY + timedelta(days=3), AgreementStatus.KEPT)
    assert not week(None, AgreementStatus.RELEASED)
