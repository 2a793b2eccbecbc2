"""Insights over a date range: Self-energy over time, the 8 C's, active parts, stage progress.

Pure functions over the vault's read services (:mod:`partsjournal.vault.insight_queries`); no
Qt, no text for people — the Insights view words and draws what :func:`build_insights` returns.
Ranges are half-open (``since`` included, ``until`` not); ``None`` leaves a side open.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from statistics import fmean

from partsjournal.domain.model import C_QUALITIES, EntryKind, Part, Role, Stage, StageEvent
from partsjournal.vault.insight_queries import (
    InsightQueries,
    PartActivityRow,
    PresenceRow,
    RatedEntry,
)
from partsjournal.vault.vault import Vault

#: Entries of these kinds are sessions: the natural "key entries" of a part's timeline.
SESSION_KINDS = (EntryKind.SOLO_SESSION, EntryKind.THERAPY_SESSION, EntryKind.PEER_SESSION)
#: An entry this close to a stage event is part of that step's story.
NEAR_STAGE_EVENT = timedelta(days=2)
#: A trend needs at least this many ratings to mean anything.
MIN_FOR_TREND = 4


@dataclass(frozen=True)
class DateRange:
    """A half-open span of time; either side may be open."""

    since: datetime | None
    until: datetime | None

    @classmethod
    def last_days(cls, days: int, now: datetime) -> DateRange:
        """The last ``days`` days up to (and including) ``now``."""
        return cls(now - timedelta(days=days), now + timedelta(seconds=1))

    @classmethod
    def local_dates(cls, first: date, last: date, tz: tzinfo) -> DateRange:
        """From the start of ``first`` to the end of ``last``, both whole days in ``tz``."""
        if last < first:
            first, last = last, first
        start = datetime.combine(first, time.min, tzinfo=tz)
        end = datetime.combine(last + timedelta(days=1), time.min, tzinfo=tz)
        return cls(start, end)

    def contains(self, moment: datetime) -> bool:
        """True if ``moment`` falls in the range."""
        return (self.since is None or moment >= self.since) and \
            (self.until is None or moment < self.until)


@dataclass(frozen=True)
class EnergyPoint:
    """One Self-energy rating: a point on the chart that opens its entry."""

    entry_id: str
    occurred_at: datetime
    kind: EntryKind
    title: str
    value: int


@dataclass(frozen=True)
class QualityStat:
    """One of the 8 C's over the range: its average and how often it was rated."""

    quality: str
    average: float
    count: int
    trend: float | None


@dataclass(frozen=True)
class PartTimeline:
    """A part's stage progress in the range: where it stood, each step, and key entries."""

    part_id: str
    name: str
    role: Role
    color: str
    archived: bool
    stage_before: Stage | None
    events: tuple[StageEvent, ...]
    key_entries: tuple[PresenceRow, ...]
    appearances: int

    @property
    def stage_now(self) -> Stage | None:
        """The stage at the end of the range (the last event, or where it stood before)."""
        return self.events[-1].stage if self.events else self.stage_before

    @property
    def last_activity(self) -> datetime | None:
        """The latest event or key entry shown."""
        moments = [e.occurred_at for e in self.events] + \
            [k.occurred_at for k in self.key_entries]
        return max(moments) if moments else None

    @property
    def steps_forward(self) -> int:
        """How many stages further along it is than at the start of the range."""
        now = self.stage_now
        if now is None:
            return 0
        start = self.stage_before
        return stage_rank(now) - (stage_rank(start) if start is not None else 0)


@dataclass(frozen=True)
class Insights:
    """Everything the Insights view shows for one range."""

    range: DateRange
    entry_count: int
    energy: tuple[EnergyPoint, ...]
    energy_average: float | None
    energy_trend: float | None
    qualities: tuple[QualityStat, ...]
    parts_most: tuple[PartActivityRow, ...]
    parts_recent: tuple[PartActivityRow, ...]
    timelines: tuple[PartTimeline, ...]

    @property
    def rated_count(self) -> int:
        """How many entries carry a Self-energy rating."""
        return len(self.energy)


def stage_rank(stage: Stage) -> int:
    """0 for noticed up to 6 for integrated."""
    return tuple(Stage).index(stage)


def rolling_average(values: Sequence[float], window: int) -> list[float]:
    """The mean of each value with up to ``window - 1`` values before it (a gentle smoothing)."""
    if window < 1:
        raise ValueError("window must be at least 1")
    return [fmean(values[max(0, i - window + 1):i + 1]) for i in range(len(values))]


def trend(values: Sequence[float]) -> float | None:
    """Mean of the later half minus mean of the earlier half; None with too few values."""
    if len(values) < MIN_FOR_TREND:
        return None
    half = len(values) // 2
    return fmean(values[len(values) - half:]) - fmean(values[:half])


def energy_points(rated: Sequence[RatedEntry]) -> tuple[EnergyPoint, ...]:
    """Self-energy ratings, oldest first (entries with only C's are left out)."""
    return tuple(EnergyPoint(r.id, r.occurred_at, r.kind, r.title, r.self_energy)
                 for r in rated if r.self_energy is not None)


def quality_stats(rated: Sequence[RatedEntry]) -> tuple[QualityStat, ...]:
    """Each of the 8 C's that was rated at least once, in the usual order."""
    stats = []
    for quality in C_QUALITIES:
        values = [r.qualities[quality] for r in rated if quality in r.qualities]
        if values:
            stats.append(QualityStat(quality, fmean(values), len(values), trend(values)))
    return tuple(stats)


def part_timelines(parts: Sequence[Part], events: Sequence[StageEvent],
                   presences: Sequence[PresenceRow], stages_before: dict[str, Stage],
                   *, key_entries_per_part: int = 8) -> tuple[PartTimeline, ...]:
    """A timeline for every part with a stage event or an appearance in the range.

    Key entries are, up to ``key_entries_per_part``: entries within two days of one of its
    stage events first, then the sessions it appeared in, then its other appearances (the most
    recent of each kind when there are more).
    """
    by_part_events: dict[str, list[StageEvent]] = defaultdict(list)
    for event in events:
        by_part_events[event.part_id].append(event)
    by_part_presences: dict[str, list[PresenceRow]] = defaultdict(list)
    for presence in presences:
        by_part_presences[presence.part_id].append(presence)
    timelines: list[tuple[datetime, PartTimeline]] = []
    for part in parts:
        own_events = by_part_events.get(part.id, [])
        own_presences = by_part_presences.get(part.id, [])
        if not own_events and not own_presences:
            continue
        latest = max([e.occurred_at for e in own_events] +
                     [p.occurred_at for p in own_presences])
        timelines.append((latest, PartTimeline(
            part.id, part.name, part.role, part.color, part.archived,
            stages_before.get(part.id), tuple(own_events),
            _key_entries(own_presences, own_events, key_entries_per_part),
            len(own_presences))))
    # Most recently active first: what is moving now is what a person wants to see.
    timelines.sort(key=lambda pair: (pair[0], pair[1].name.casefold()), reverse=True)
    return tuple(timeline for _latest, timeline in timelines)


def _key_entries(presences: Sequence[PresenceRow], events: Sequence[StageEvent],
                 limit: int) -> tuple[PresenceRow, ...]:
    def near_event(p: PresenceRow) -> bool:
        return any(abs(p.occurred_at - e.occurred_at) <= NEAR_STAGE_EVENT for e in events)

    near = [p for p in presences if near_event(p)]
    sessions = [p for p in presences if p.kind in SESSION_KINDS and p not in near]
    others = [p for p in presences if p not in near and p not in sessions]
    chosen: list[PresenceRow] = []
    # Next to a stage event first, then sessions, then anything else; the most recent of each.
    for group in (near, sessions, others):
        room = limit - len(chosen)
        if room <= 0:
            break
        chosen += group[-room:]
    return tuple(sorted(chosen, key=lambda p: p.occurred_at))


def build_insights(vault: Vault, since: datetime | None = None, until: datetime | None = None,
                   *, top: int = 10, key_entries_per_part: int = 8) -> Insights:
    """Read the range once and compute everything the Insights view shows."""
    queries = InsightQueries(vault.db)
    rated = queries.rated_entries(since, until)
    energy = energy_points(rated)
    values = [float(p.value) for p in energy]
    activity = queries.part_activity(since, until)
    recent = sorted(activity, key=lambda a: (a.last_seen, a.count), reverse=True)
    parts = vault.parts.list(include_archived=True)
    timelines = part_timelines(
        parts, queries.stage_events(since, until), queries.presences(since, until),
        queries.stages_at(since) if since is not None else {},
        key_entries_per_part=key_entries_per_part)
    return Insights(
        range=DateRange(since, until), entry_count=queries.entry_count(since, until),
        energy=energy, energy_average=fmean(values) if values else None,
        energy_trend=trend(values), qualities=quality_stats(rated),
        parts_most=tuple(activity[:top]), parts_recent=tuple(recent[:top]),
        timelines=timelines)
