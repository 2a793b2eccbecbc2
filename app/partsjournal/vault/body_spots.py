"""The body map's spots, stored in the ``body_spots`` table (schema 6).

What a spot is, and its regions, are in :mod:`partsjournal.domain.body_map`; the table in
docs/vault-format.md. A spot says where a part is felt in the body, which is as personal as the
part itself, so it lives here, inside the encrypted file, and goes with the part when it is
deleted (the foreign key cascades).
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable

from partsjournal.domain.body_map import BodySpot, Side, SpotSize, validate_spot
from partsjournal.errors import NotFound
from partsjournal.vault.database import Database, Row
from partsjournal.vault.timefmt import from_db, to_db

_COLUMNS = "id, part_id, side, region, x, y, size, note, created_at"
_ORDER = "ORDER BY created_at, id"

INSERT = f"INSERT INTO body_spots ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"


def _spot(row: Row) -> BodySpot:
    return BodySpot(id=str(row[0]), part_id=str(row[1]), side=Side(row[2]), region=str(row[3]),
                    x=float(row[4]), y=float(row[5]), size=SpotSize(int(row[6])),
                    note=str(row[7]), created_at=from_db(row[8]))


def spot_row(s: BodySpot) -> tuple[object, ...]:
    """The stored values of ``s``, in the order of the table's columns (also for the import)."""
    return (s.id, s.part_id, Side(s.side).value, s.region, s.x, s.y, int(s.size), s.note,
            to_db(s.created_at))


class BodySpotRepository:
    """Places, moves, notes and removes the spots of the person's own parts."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, spot: BodySpot) -> BodySpot:
        """Store a new spot (or one put back by undo, with its id); the part must exist."""
        validate_spot(spot)
        with self._db.transaction():
            if self._db.one("SELECT 1 FROM parts WHERE id = ?", (spot.part_id,)) is None:
                raise NotFound("That part no longer exists.")
            self._db.execute(INSERT, spot_row(spot))
        return spot

    def update(self, spot: BodySpot) -> BodySpot:
        """Store a moved, resized or re-noted spot (its part and creation time stay)."""
        validate_spot(spot)
        with self._db.transaction():
            if self._db.execute(
                    "UPDATE body_spots SET side = ?, region = ?, x = ?, y = ?, size = ?, note = ? "
                    "WHERE id = ?", (Side(spot.side).value, spot.region, spot.x, spot.y,
                                     int(spot.size), spot.note, spot.id)).rowcount == 0:
                raise NotFound("That spot is no longer on the body map.")
        return spot

    def get(self, spot_id: str) -> BodySpot:
        """One spot, or NotFound."""
        row = self._db.one(f"SELECT {_COLUMNS} FROM body_spots WHERE id = ?", (spot_id,))
        if row is None:
            raise NotFound("That spot is no longer on the body map.")
        return _spot(row)

    def for_part(self, part_id: str) -> builtins.list[BodySpot]:
        """The spots of one part, first placed first (in the order placed within a second)."""
        rows = self._db.all(f"SELECT {_COLUMNS} FROM body_spots WHERE part_id = ? "
                            "ORDER BY created_at, rowid", (part_id,))
        return [_spot(r) for r in rows]

    def for_parts(self, part_ids: Iterable[str]) -> builtins.list[BodySpot]:
        """The spots of the parts ``part_ids`` (maybe none)."""
        ids = sorted(set(part_ids))
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        rows = self._db.all(f"SELECT {_COLUMNS} FROM body_spots WHERE part_id IN ({marks}) "
                            f"{_ORDER}", ids)
        return [_spot(r) for r in rows]

    def list(self) -> builtins.list[BodySpot]:
        """Every spot, first placed first (the export's order)."""
        return [_spot(r) for r in self._db.all(f"SELECT {_COLUMNS} FROM body_spots {_ORDER}")]

    def delete(self, spot_id: str) -> None:
        """Remove a spot."""
        with self._db.transaction():
            if self._db.execute("DELETE FROM body_spots WHERE id = ?",
                                (spot_id,)).rowcount == 0:
                raise NotFound("That spot is no longer on the body map.")

    def count(self) -> int:
        """How many spots are stored."""
        return int(self._db.scalar("SELECT count(*) FROM body_spots"))


__all__ = ["INSERT", "BodySpotRepository", "spot_row"]
