"""Counts over the journal that views draw from, such as how often each part showed up lately.

One query each, grouped in SQLite, so a map of hundreds of parts needs no per-part round trips.
"""

from __future__ import annotations

from datetime import datetime

from partsjournal.vault.database import Database
from partsjournal.vault.timefmt import to_db

_COUNTS = (
    "SELECT ep.{column}, count(DISTINCT ep.entry_id) FROM entry_parts ep "
    "JOIN entries e ON e.id = ep.entry_id "
    "WHERE ep.{column} IS NOT NULL AND e.occurred_at >= ?{until} "
    "GROUP BY ep.{column}"
)


def appearance_counts(db: Database, since: datetime,
                      until: datetime | None = None) -> dict[str, int]:
    """Own part id → number of entries it appeared in from ``since`` (up to ``until``).

    Parts that did not appear in that time are absent; a part named twice in one entry counts
    once.
    """
    return _counts(db, "part_id", since, until)


def received_appearance_counts(db: Database, since: datetime,
                               until: datetime | None = None) -> dict[str, int]:
    """Received part id → number of entries it appeared in from ``since`` (up to ``until``)."""
    return _counts(db, "received_part_id", since, until)


def _counts(db: Database, column: str, since: datetime,
            until: datetime | None) -> dict[str, int]:
    params: list[str] = [to_db(since)]
    until_clause = ""
    if until is not None:
        until_clause = " AND e.occurred_at < ?"
        params.append(to_db(until))
    rows = db.all(_COUNTS.format(column=column, until=until_clause), params)
    return {str(part_id): int(count) for part_id, count in rows}
