"""Parts, their stage history and the relations between them."""

from __future__ import annotations

import builtins
from dataclasses import replace
from datetime import datetime

from partsjournal.domain.model import (
    PART_TEXT_FIELDS,
    EntrySummary,
    Part,
    Relation,
    RelationKind,
    Role,
    Stage,
    StageEvent,
    utc_now,
)
from partsjournal.domain.validation import check_text, validate_part, validate_relation
from partsjournal.errors import NotFound, ValidationError
from partsjournal.vault.database import Database, Row
from partsjournal.vault.timefmt import from_db, to_db

_COLUMNS = ("id", "name", "role", *PART_TEXT_FIELDS, "color", "trust_in_self", "stage",
            "archived", "created_at", "updated_at", "revision")
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM parts"


def _part(row: Row) -> Part:
    values = dict(zip(_COLUMNS, row, strict=True))
    return Part(
        id=values["id"], name=values["name"], role=Role(values["role"]),
        **{name: values[name] for name in PART_TEXT_FIELDS},
        color=values["color"], trust_in_self=values["trust_in_self"],
        stage=Stage(values["stage"]), archived=bool(values["archived"]),
        created_at=from_db(values["created_at"]), updated_at=from_db(values["updated_at"]),
        revision=values["revision"],
    )


class PartRepository:
    """Stores the person's own parts."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, part: Part, *, stage_note: str = "") -> Part:
        """Store a new part and its first stage event; returns it as stored."""
        validate_part(part)
        check_text(stage_note, "stage_note", "The stage note")
        with self._db.transaction():
            self._db.execute(
                f"INSERT INTO parts ({', '.join(_COLUMNS)}) VALUES "
                f"({', '.join('?' for _ in _COLUMNS)})",
                self._values(part),
            )
            self._add_event(StageEvent(part.id, part.stage, part.created_at, stage_note))
        return part

    def _values(self, part: Part) -> builtins.list[object]:
        return [part.id, part.name, part.role.value,
                *(getattr(part, name) for name in PART_TEXT_FIELDS),
                part.color, part.trust_in_self, part.stage.value, int(part.archived),
                to_db(part.created_at), to_db(part.updated_at), part.revision]

    def get(self, part_id: str) -> Part:
        """The part with this id, or :class:`NotFound`."""
        row = self._db.one(f"{_SELECT} WHERE id = ?", (part_id,))
        if row is None:
            raise NotFound("That part no longer exists.")
        return _part(row)

    def find_by_name(self, name: str) -> Part | None:
        """The first part with exactly this name (case-insensitive), archived ones included."""
        row = self._db.one(f"{_SELECT} WHERE name = ? COLLATE NOCASE ORDER BY archived, name",
                           (name.strip(),))
        return None if row is None else _part(row)

    def list(self, *, include_archived: bool = False,
             role: Role | None = None) -> builtins.list[Part]:
        """Parts ordered by role then name (profiles only; cheap even for hundreds)."""
        where, params = [], []
        if not include_archived:
            where.append("archived = 0")
        if role is not None:
            where.append("role = ?")
            params.append(role.value)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        rows = self._db.all(f"{_SELECT}{clause} ORDER BY "
                            "CASE role WHEN 'manager' THEN 0 WHEN 'firefighter' THEN 1 "
                            "WHEN 'exile' THEN 2 ELSE 3 END, name COLLATE NOCASE", params)
        return [_part(r) for r in rows]

    def count(self) -> int:
        """How many parts, archived included."""
        return int(self._db.scalar("SELECT count(*) FROM parts"))

    def update(self, part: Part, *, stage_note: str = "", at: datetime | None = None) -> Part:
        """Save a changed profile; a new stage is recorded as a dated event.

        The revision goes up by one on every save, so a peer who received an older copy can tell
        that this one is newer.
        """
        validate_part(part)
        check_text(stage_note, "stage_note", "The stage note")
        with self._db.transaction():
            previous = self.get(part.id)
            part.updated_at = at or utc_now()
            part.revision = previous.revision + 1
            names = [c for c in _COLUMNS if c not in ("id", "created_at")]
            values = dict(zip(_COLUMNS, self._values(part), strict=True))
            self._db.execute(
                f"UPDATE parts SET {', '.join(f'{c} = ?' for c in names)} WHERE id = ?",
                [values[c] for c in names] + [part.id],
            )
            if previous.stage is not part.stage:
                self._add_event(StageEvent(part.id, part.stage, part.updated_at, stage_note))
        return part

    def set_archived(self, part_id: str, archived: bool) -> Part:
        """Archive (hide) or bring back a part without touching anything else."""
        part = self.get(part_id)
        return self.update(replace(part, archived=archived))

    def delete(self, part_id: str) -> None:
        """Remove a part for good, with its history, relations and mentions in entries."""
        with self._db.transaction():
            if self._db.execute("DELETE FROM parts WHERE id = ?", (part_id,)).rowcount == 0:
                raise NotFound("That part no longer exists.")

    # Stage history -------------------------------------------------------------------------

    def _add_event(self, event: StageEvent) -> None:
        self._db.execute(
            "INSERT INTO stage_events (id, part_id, stage, occurred_at, note) "
            "VALUES (?, ?, ?, ?, ?)",
            (event.id, event.part_id, event.stage.value, to_db(event.occurred_at), event.note),
        )

    def add_stage_event(self, event: StageEvent) -> None:
        """Record a stage event with its own date (e.g. filled in afterwards)."""
        check_text(event.note, "note", "The stage note")
        with self._db.transaction():
            self.get(event.part_id)
            self._add_event(event)

    def history(self, part_id: str) -> builtins.list[StageEvent]:
        """The part's stage events, oldest first."""
        rows = self._db.all(
            "SELECT id, part_id, stage, occurred_at, note FROM stage_events "
            "WHERE part_id = ? ORDER BY occurred_at, rowid", (part_id,))
        return [StageEvent(id=r[0], part_id=r[1], stage=Stage(r[2]), occurred_at=from_db(r[3]),
                           note=r[4]) for r in rows]

    def appears_in(self, part_id: str) -> builtins.list[EntrySummary]:
        """Entries this part showed up in, newest first."""
        from partsjournal.vault.entries import EntryRepository

        return EntryRepository(self._db).list(part_id=part_id)

    # Map positions ------------------------------------------------------------------------

    def positions(self) -> dict[str, tuple[float, float]]:
        """Where the person placed each part on the map (parts never placed are absent)."""
        rows = self._db.all("SELECT id, map_x, map_y FROM parts WHERE map_x IS NOT NULL")
        return {r[0]: (float(r[1]), float(r[2])) for r in rows}

    def set_positions(self, positions: dict[str, tuple[float, float]]) -> None:
        """Save map positions in one transaction."""
        with self._db.transaction():
            self._db.executemany("UPDATE parts SET map_x = ?, map_y = ? WHERE id = ?",
                                 [(x, y, pid) for pid, (x, y) in positions.items()])


class RelationRepository:
    """Stores relations between the person's own parts."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, relation: Relation) -> Relation:
        """Store a relation; an undirected one that already exists either way is refused."""
        validate_relation(relation)
        with self._db.transaction():
            for pid in (relation.from_part_id, relation.to_part_id):
                if self._db.one("SELECT 1 FROM parts WHERE id = ?", (pid,)) is None:
                    raise NotFound("That part no longer exists.")
            if self._exists(relation):
                raise ValidationError("kind", "These two parts already have that relationship.")
            self._db.execute(
                "INSERT INTO relations (id, kind, from_part_id, to_part_id, note, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (relation.id, relation.kind.value, relation.from_part_id, relation.to_part_id,
                 relation.note, to_db(relation.created_at)))
        return relation

    def _exists(self, relation: Relation) -> bool:
        pairs = [(relation.from_part_id, relation.to_part_id)]
        if not relation.kind.directed:
            pairs.append((relation.to_part_id, relation.from_part_id))
        return any(self._db.one(
            "SELECT 1 FROM relations WHERE kind = ? AND from_part_id = ? AND to_part_id = ?",
            (relation.kind.value, a, b)) for a, b in pairs)

    def list(self, part_id: str | None = None) -> builtins.list[Relation]:
        """All relations, or those touching one part."""
        sql = "SELECT id, kind, from_part_id, to_part_id, note, created_at FROM relations"
        params: tuple[str, ...] = ()
        if part_id is not None:
            sql += " WHERE from_part_id = ? OR to_part_id = ?"
            params = (part_id, part_id)
        rows = self._db.all(sql + " ORDER BY created_at, rowid", params)
        return [Relation(id=r[0], kind=RelationKind(r[1]), from_part_id=r[2], to_part_id=r[3],
                         note=r[4], created_at=from_db(r[5])) for r in rows]

    def update_note(self, relation_id: str, note: str) -> None:
        """Change what the person wrote about a relation."""
        check_text(note, "note", "The relationship note")
        with self._db.transaction():
            if self._db.execute("UPDATE relations SET note = ? WHERE id = ?",
                                (note, relation_id)).rowcount == 0:
                raise NotFound("That relationship no longer exists.")

    def delete(self, relation_id: str) -> None:
        """Remove a relation."""
        with self._db.transaction():
            if self._db.execute("DELETE FROM relations WHERE id = ?",
                                (relation_id,)).rowcount == 0:
                raise NotFound("That relationship no longer exists.")
