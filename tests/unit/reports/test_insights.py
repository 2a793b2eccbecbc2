"""Insights numbers, checked against the sample journal's own data and hand-made vaults."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from statistics import fmean
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from partsjournal.domain import Entry, EntryKind, Part, PartPresence, Role, Stage, StageEvent
from partsjournal.flows.sample_journal import populate, sample_document
from partsjournal.reports.insights import (
    DateRange,
    build_insights,
    rolling_average,
    stage_rank,
    trend,
)
from partsjournal.vault import Vault
from partsjournal.vault.insight_queries import InsightQueries

NOW = datetime(2026, 7, 15, 12, 0, tzinfo=UTC)
SAMPLE = sample_document(NOW)
NAMES = {p["id"]: p["name"] for p in SAMPLE["parts"]}


def _days_ago(moment: str) -> int:
    return (NOW.date() - datetime.fromisoformat(moment).date()).days


#: The sample's entries as the numbers below need them, oldest first.
ENTRIES: list[dict[str, Any]] = [
    {"days_ago": _days_ago(e["occurred_at"]), "self_energy": e["self_energy"],
     "qualities": e["qualities"], "parts": [(p["part_id"], p["note"]) for p in e["parts"]]}
    for e in SAMPLE["entries"]]


@pytest.fixture
def demo(vault: Vault) -> Vault:
    populate(vault, now=NOW)
    return vault


def expected_entries(max_days: int) -> list[dict[str, object]]:
    # No sample entry is 89 or 90 days old, so the hour of day can't move one across the edge.
    return [e for e in ENTRIES if int(e["days_ago"]) < max_days]


def test_last_90_days_of_the_sample_journal(demo: Vault) -> None:
    span = DateRange.last_days(90, NOW)
    insights = build_insights(demo, span.since, span.until)
    wanted = expected_entries(90)
    assert insights.entry_count == len(wanted) == 33
    ratings = [e["self_energy"] for e in sorted(wanted, key=lambda e: -int(e["days_ago"]))
               if e.get("self_energy") is not None]
    assert [p.value for p in insights.energy] == ratings
    assert insights.energy_average == pytest.approx(fmean(ratings))
    assert insights.energy_trend == pytest.approx(trend(ratings))

    counts = Counter(key for e in wanted for key, _ in e.get("parts", []))
    top_key, top_count = counts.most_common(1)[0]
    assert (insights.parts_most[0].name, insights.parts_most[0].count) == (NAMES[top_key],
                                                                           top_count)
    assert {a.name: a.count for a in insights.parts_most} == \
        {NAMES[k]: c for k, c in counts.most_common(10)}
    newest = min(wanted, key=lambda e: int(e["days_ago"]) if e.get("parts") else 10**6)
    assert insights.parts_recent[0].name in {NAMES[k] for k, _ in newest["parts"]}

    for quality in insights.qualities:
        values = [e["qualities"][quality.quality] for e in wanted
                  if quality.quality in (e.get("qualities") or {})]
        assert (quality.count, quality.average) == (len(values), pytest.approx(fmean(values)))


def test_stage_timeline_of_the_sample_journal(demo: Vault) -> None:
    span = DateRange.last_days(90, NOW)
    insights = build_insights(demo, span.since, span.until)
    spec = next(p for p in SAMPLE["parts"] if p["name"] == "Eight")
    timeline = next(t for t in insights.timelines if t.name == spec["name"])
    stages = [(_days_ago(e["occurred_at"]), e["stage"]) for e in spec["stage_history"]]
    in_range = [s for s in stages if s[0] < 90]
    before = [s for s in stages if s[0] >= 90]
    assert [e.stage.value for e in timeline.events] == [s[1] for s in in_range]
    assert timeline.stage_before is Stage(before[-1][1])
    assert timeline.stage_now is Stage(spec["stage"])
    assert timeline.steps_forward == stage_rank(Stage(spec["stage"])) - \
        stage_rank(Stage(before[-1][1]))
    assert 0 < len(timeline.key_entries) <= 8
    assert all(span.contains(k.occurred_at) for k in timeline.key_entries)
    assert [k.occurred_at for k in timeline.key_entries] == \
        sorted(k.occurred_at for k in timeline.key_entries)
    # Most recently active first.
    latest = [t.last_activity for t in insights.timelines]
    assert latest[0] is not None


def test_all_time_covers_every_entry(demo: Vault) -> None:
    insights = build_insights(demo)
    assert insights.entry_count == len(ENTRIES)
    assert insights.rated_count == sum(1 for e in ENTRIES
                                       if e.get("self_energy") is not None)
    assert len(insights.timelines) == len(SAMPLE["parts"])
    assert all(t.stage_before is None for t in insights.timelines)
    first = InsightQueries(demo.db).first_entry_time()
    assert first is not None and first < NOW - timedelta(days=160)


def test_an_empty_journal(vault: Vault) -> None:
    empty = build_insights(vault)
    assert (empty.entry_count, empty.energy, empty.energy_average, empty.energy_trend) == (
        0, (), None, None)
    assert empty.qualities == () and empty.parts_most == () and empty.timelines == ()


def test_an_empty_range(demo: Vault) -> None:
    future = build_insights(demo, NOW + timedelta(days=1), NOW + timedelta(days=2))
    assert future.entry_count == 0 and future.timelines == ()


def test_hand_made_counts_and_the_range_edges(vault: Vault) -> None:
    t = datetime(2026, 1, 10, 12, tzinfo=UTC)
    made = t - timedelta(days=30)
    a = vault.parts.add(Part(name="A", role=Role.MANAGER, created_at=made))
    b = vault.parts.add(Part(name="B", role=Role.EXILE, archived=True, created_at=made))
    for days, parts, energy, kind in [(0, [a, b], 3, EntryKind.SOLO_SESSION),
                                      (1, [a], None, EntryKind.NOTE),
                                      (2, [b], 7, EntryKind.CHECK_IN),
                                      (5, [a], 9, EntryKind.THERAPY_SESSION)]:
        vault.entries.add(Entry(occurred_at=t + timedelta(days=days), kind=kind,
                                self_energy=energy,
                                qualities={"calm": energy} if energy else {},
                                parts=[PartPresence(part_id=p.id) for p in parts]))
    vault.parts.add_stage_event(StageEvent(b.id, Stage.WITNESSED, t + timedelta(days=2)))
    insights = build_insights(vault, t, t + timedelta(days=5))  # the last entry is outside
    assert insights.entry_count == 3
    assert [p.value for p in insights.energy] == [3, 7]
    # Equal counts: the one seen most recently comes first.
    assert [(x.name, x.count) for x in insights.parts_most] == [("B", 2), ("A", 2)]
    assert [x.name for x in insights.parts_recent] == ["B", "A"]
    assert insights.qualities[0].quality == "calm" and insights.qualities[0].count == 2
    timeline = {x.name: x for x in insights.timelines}
    assert timeline["B"].archived and timeline["B"].stage_before is Stage.NOTICED
    assert [e.stage for e in timeline["B"].events] == [Stage.WITNESSED]
    assert [k.kind for k in timeline["A"].key_entries] == [EntryKind.SOLO_SESSION,
                                                           EntryKind.NOTE]
    assert [k.kind for k in timeline["B"].key_entries] == [EntryKind.SOLO_SESSION,
                                                           EntryKind.CHECK_IN]


def test_local_date_range_is_whole_days() -> None:
    tz = ZoneInfo("Europe/Berlin")
    span = DateRange.local_dates(date(2026, 3, 31), date(2026, 3, 1), tz)
    assert span.since == datetime(2026, 3, 1, tzinfo=tz)
    assert span.until == datetime(2026, 4, 1, tzinfo=tz)
    assert span.contains(datetime(2026, 3, 31, 23, 59, tzinfo=tz))
    assert not span.contains(datetime(2026, 4, 1, tzinfo=tz))


def test_key_entries_prefer_stage_steps_then_sessions(vault: Vault) -> None:
    t = datetime(2026, 1, 10, 12, tzinfo=UTC)
    part = vault.parts.add(Part(name="P", created_at=t - timedelta(days=100)))
    kinds = [EntryKind.NOTE, EntryKind.SOLO_SESSION, EntryKind.CHECK_IN, EntryKind.NOTE,
             EntryKind.THERAPY_SESSION, EntryKind.NOTE]
    for day, kind in enumerate(kinds):
        vault.entries.add(Entry(occurred_at=t + timedelta(days=day * 10), kind=kind,
                                title=f"day {day * 10}",
                                parts=[PartPresence(part_id=part.id)]))
    vault.parts.add_stage_event(StageEvent(part.id, Stage.BEFRIENDED, t + timedelta(days=31)))
    insights = build_insights(vault, t - timedelta(days=1), t + timedelta(days=60),
                              key_entries_per_part=3)
    (timeline,) = insights.timelines
    assert [k.title for k in timeline.key_entries] == ["day 10", "day 30", "day 40"]
    assert timeline.appearances == 6


def test_rolling_average_and_trend() -> None:
    assert rolling_average([2, 4, 6, 8], 2) == [2, 3, 5, 7]
    assert rolling_average([], 3) == []
    with pytest.raises(ValueError):
        rolling_average([1], 0)
    assert trend([1, 2, 3]) is None
    assert trend([2, 2, 6, 6]) == 4
    assert trend([1, 2, 100, 3, 4]) == pytest.approx(2.0)
