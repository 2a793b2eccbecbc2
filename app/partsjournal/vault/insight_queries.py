"""The few reads the Insights view needs, each one query however long the journal is.

:mod:`partsjournal.reports.insights` turns these rows into the numbers and series it shows.
Ranges are half-open: ``since`` is included, ``until`` is not; ``None`` means unbounded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from partsjournal.domain.model import C_QUALITIES, EntryKind, Role, Stage, StageEvent
from partsjournal.vault.database import Database
from partsjournal.vault.timefmt import from_db, to_db


@dataclass(frozen=True)
class RatedEntry:
    """An entry with a Self-energy rating or at least one of the 8 C's."""

    id: str
    occurred_at: datetime
    kind: EntryKind
    title: str
    self_energy: int | None
    qualities: dict[str, int]


@dataclass(frozen=True)
class PartActivityRow:
    """How often one of the person's own parts showed up in a range, and when last."""

    part_id: str
    name: str
    role: Role
    color: str
    stage: Stage
    archived: bool
    count: int
    last_seen: datetime


@dataclass(frozen=True)
class PresenceRow:
    """One appearance of an own part in an entry (for stage timelines)."""

    part_id: str
    entry_id: str
    occurred_at: datetime
    kind: EntryKind
    title: str
    self_energy: int | None


def _range(column: str, since: datetime | None, until: datetime | None
           ) -> tuple[str, list[object]]:
    clauses: list[str] = ["1"]
    params: list[object] = []
    if since is not None:
        clauses.append(f"{column} >= ?")
        params.append(to_db(since))
    if until is not None:
        clauses.append(f"{column} < ?")
        params.append(to_db(until))
    return " AND ".join(clauses), params


class InsightQueries:
    """Read-only queries over entries, appearances and stage events."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def rated_entries(self, since: datetime | None = None, until: datetime | None = None
                      ) -> list[RatedEntry]:
        """Entries with Self-energy or any of the 8 C's recorded, oldest first."""
        where, params = _range("occurred_at", since, until)
        rated = " OR ".join(f"{c} IS NOT NULL" for c in ("self_energy", *C_QUALITIES))
        rows = self._db.all(
            f"SELECT id, occurred_at, kind, title, self_energy, {', '.join(C_QUALITIES)} "
            f"FROM entries WHERE {where} AND ({rated}) ORDER BY occurred_at, rowid", params)
        return [RatedEntry(id=r[0], occurred_at=from_db(r[1]), kind=EntryKind(r[2]), title=r[3],
                           self_energy=r[4],
                           qualities={q: v for q, v in zip(C_QUALITIES, r[5:], strict=True)
                                      if v is not None})
                for r in rows]

    def entry_count(self, since: datetime | None = None, until: datetime | None = None) -> int:
        """How many entries fall in the range."""
        where, params = _range("occurred_at", since, until)
        return int(self._db.scalar(f"SELECT count(*) FROM entries WHERE {where}", params))

    def part_activity(self, since: datetime | None = None, until: datetime | None = None
                      ) -> list[PartActivityRow]:
        """Own parts that appeared in the range, most often first (ties: most recent first)."""
        where, params = _range("e.occurred_at", since, until)
        rows = self._db.all(
            "SELECT p.id, p.name, p.role, p.color, p.stage, p.archived, "
            "count(DISTINCT e.id), max(e.occurred_at) "
            "FROM entry_parts ep JOIN entries e ON e.id = ep.entry_id "
            f"JOIN parts p ON p.id = ep.part_id WHERE {where} "
            "GROUP BY p.id ORDER BY count(DISTINCT e.id) DESC, max(e.occurred_at) DESC, "
            "p.name COLLATE NOCASE", params)
        return [PartActivityRow(part_id=r[0], name=r[1], role=Role(r[2]), color=r[3],
                                stage=Stage(r[4]), archived=bool(r[5]), count=int(r[6]),
                                last_seen=from_db(r[7])) for r in rows]

    def presences(self, since: datetime | None = None, until: datetime | None = None
                  ) -> list[PresenceRow]:
        """Every appearance of an own part in the range, oldest first."""
        where, params = _range("e.occurred_at", since, until)
        rows = self._db.all(
            "SELECT ep.part_id, e.id, e.occurred_at, e.kind, e.title, e.self_energy "
            "FROM entry_parts ep JOIN entries e ON e.id = ep.entry_id "
            f"WHERE ep.part_id IS NOT NULL AND {where} ORDER BY e.occurred_at, e.rowid", params)
        return [PresenceRow(part_id=r[0], entry_id=r[1], occurred_at=from_db(r[2]),
                            kind=EntryKind(r[3]), title=r[4], self_energy=r[5]) for r in rows]

    def stage_events(self, since: datetime | None = None, until: datetime | None = None
                     ) -> list[StageEvent]:
        """Stage events of every own part in the range, oldest first."""
        where, params = _range("occurred_at", since, until)
        rows = self._db.all(
            "SELECT id, part_id, stage, occurred_at, note FROM stage_events "
            f"WHERE {where} ORDER BY occurred_at, rowid", params)
        return [StageEvent(id=r[0], part_id=r[1], stage=Stage(r[2]), occurred_at=from_db(r[3]),
                           note=r[4]) for r in rows]

    def stages_at(self, moment: datetime) -> dict[str, Stage]:
        """Each part's stage just before ``moment`` (its latest event before then)."""
        rows = self._db.all(
            "SELECT part_id, stage FROM stage_events se WHERE occurred_at < ? AND rowid = ("
            "SELECT s2.rowid FROM stage_events s2 WHERE s2.part_id = se.part_id AND "
            "s2.occurred_at < ? ORDER BY s2.occurred_at DESC, s2.rowid DESC LIMIT 1)",
            (to_db(moment), to_db(moment)))
        return {r[0]: Stage(r[1]) for r in rows}

    def first_entry_time(self) -> datetime | None:
        """When the oldest entry happened (for an 'all time' range)."""
        value = self._db.scalar("SELECT min(occurred_at) FROM entries")
        return None if value is None else from_db(str(value))
