"""Journal entries and the parts present in each."""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import datetime

from partsjournal.domain.model import (
    C_QUALITIES,
    Entry,
    EntryKind,
    EntrySummary,
    PartPresence,
    PeerRole,
    utc_now,
)
from partsjournal.domain.validation import validate_entry
from partsjournal.errors import NotFound, ValidationError
from partsjournal.vault.database import Database, Row
from partsjournal.vault.timefmt import from_db, to_db

_COLUMNS = ("id", "occurred_at", "kind", "title", "body", "trailhead", "self_energy",
            *C_QUALITIES, "peer_id", "my_role", "planned_minutes", "agreements", "debrief",
            "created_at", "updated_at")
_SEPARATOR = "\x1f"  # names can't hold control characters, so this never splits a name
_PART_NAMES = (
    "(SELECT group_concat(name || char(30) || role, char(31)) FROM ("
    "SELECT coalesce(p.name, rp.name) AS name, coalesce(p.role, rp.role) AS role "
    "FROM entry_parts ep LEFT JOIN parts p ON p.id = ep.part_id "
    "LEFT JOIN received_parts rp ON rp.id = ep.received_part_id "
    "WHERE ep.entry_id = e.id ORDER BY ep.position))"
)


@dataclass(frozen=True)
class EntryFilter:
    """Which entries the journal list shows."""

    kind: EntryKind | None = None
    part_id: str | None = None
    received_part_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None

    def where(self) -> tuple[str, list[object]]:
        """SQL condition on table alias ``e`` and its parameters."""
        clauses: list[str] = ["1"]
        params: list[object] = []
        if self.kind is not None:
            clauses.append("e.kind = ?")
            params.append(self.kind.value)
        if self.part_id is not None:
            clauses.append("e.id IN (SELECT entry_id FROM entry_parts WHERE part_id = ?)")
            params.append(self.part_id)
        if self.received_part_id is not None:
            clauses.append(
                "e.id IN (SELECT entry_id FROM entry_parts WHERE received_part_id = ?)")
            params.append(self.received_part_id)
        if self.since is not None:
            clauses.append("e.occurred_at >= ?")
            params.append(to_db(self.since))
        if self.until is not None:
            clauses.append("e.occurred_at < ?")
            params.append(to_db(self.until))
        return " AND ".join(clauses), params


class EntryRepository:
    """Stores journal entries."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, entry: Entry) -> Entry:
        """Store a new entry (or put back a deleted one, keeping its id)."""
        validate_entry(entry)
        with self._db.transaction():
            self._db.execute(
                f"INSERT INTO entries ({', '.join(_COLUMNS)}) VALUES "
                f"({', '.join('?' for _ in _COLUMNS)})", self._values(entry))
            self._write_parts(entry)
        return entry

    def update(self, entry: Entry) -> Entry:
        """Save changes to an entry (the autosave path: one short transaction)."""
        validate_entry(entry)
        entry.updated_at = utc_now()
        names = [c for c in _COLUMNS if c not in ("id", "created_at")]
        values = dict(zip(_COLUMNS, self._values(entry), strict=True))
        with self._db.transaction():
            cursor = self._db.execute(
                f"UPDATE entries SET {', '.join(f'{c} = ?' for c in names)} WHERE id = ?",
                [values[c] for c in names] + [entry.id])
            if cursor.rowcount == 0:
                raise NotFound("That entry no longer exists.")
            self._db.execute("DELETE FROM entry_parts WHERE entry_id = ?", (entry.id,))
            self._write_parts(entry)
        return entry

    def _values(self, entry: Entry) -> builtins.list[object]:
        return [entry.id, to_db(entry.occurred_at), entry.kind.value, entry.title, entry.body,
                entry.trailhead, entry.self_energy,
                *(entry.qualities.get(q) for q in C_QUALITIES),
                entry.peer_id, entry.my_role.value if entry.my_role else None,
                entry.planned_minutes, entry.agreements, entry.debrief,
                to_db(entry.created_at), to_db(entry.updated_at)]

    def _write_parts(self, entry: Entry) -> None:
        for position, presence in enumerate(entry.parts):
            table = "parts" if presence.part_id else "received_parts"
            ref = presence.part_id or presence.received_part_id
            if self._db.one(f"SELECT 1 FROM {table} WHERE id = ?", (ref,)) is None:
                raise ValidationError("parts", "One of the parts in this entry no longer exists.")
            self._db.execute(
                "INSERT INTO entry_parts (entry_id, position, part_id, received_part_id, note) "
                "VALUES (?, ?, ?, ?, ?)",
                (entry.id, position, presence.part_id, presence.received_part_id, presence.note))

    def get(self, entry_id: str) -> Entry:
        """The whole entry, with the parts present and their names."""
        row = self._db.one(f"SELECT {', '.join(_COLUMNS)} FROM entries WHERE id = ?",
                           (entry_id,))
        if row is None:
            raise NotFound("That entry no longer exists.")
        values = dict(zip(_COLUMNS, row, strict=True))
        parts = [PartPresence(part_id=r[0], received_part_id=r[1], note=r[2], name=r[3] or "")
                 for r in self._db.all(
                     "SELECT ep.part_id, ep.received_part_id, ep.note, "
                     "coalesce(p.name, rp.name) FROM entry_parts ep "
                     "LEFT JOIN parts p ON p.id = ep.part_id "
                     "LEFT JOIN received_parts rp ON rp.id = ep.received_part_id "
                     "WHERE ep.entry_id = ? ORDER BY ep.position", (entry_id,))]
        peer_name = ""
        if values["peer_id"]:
            peer_name = self._db.scalar("SELECT name FROM peers WHERE id = ?",
                                        (values["peer_id"],)) or ""
        return Entry(
            id=values["id"], occurred_at=from_db(values["occurred_at"]),
            kind=EntryKind(values["kind"]), title=values["title"], body=values["body"],
            trailhead=values["trailhead"], self_energy=values["self_energy"],
            qualities={q: values[q] for q in C_QUALITIES if values[q] is not None},
            parts=parts, peer_id=values["peer_id"], peer_name=peer_name,
            my_role=PeerRole(values["my_role"]) if values["my_role"] else None,
            planned_minutes=values["planned_minutes"], agreements=values["agreements"],
            debrief=values["debrief"], created_at=from_db(values["created_at"]),
            updated_at=from_db(values["updated_at"]),
        )

    def delete(self, entry_id: str) -> Entry:
        """Remove an entry; returns it as it was, so the caller can offer undo."""
        entry = self.get(entry_id)
        with self._db.transaction():
            self._db.execute("DELETE FROM entries WHERE id = ?", (entry_id,))
        return entry

    def count(self, where: EntryFilter | None = None) -> int:
        """How many entries match."""
        clause, params = (where or EntryFilter()).where()
        return int(self._db.scalar(f"SELECT count(*) FROM entries e WHERE {clause}", params))

    def list(self, where: EntryFilter | None = None, *, part_id: str | None = None,
             limit: int = -1, offset: int = 0) -> builtins.list[EntrySummary]:
        """Summaries (no bodies), newest first; ``limit``/``offset`` page through long journals."""
        if part_id is not None:
            where = EntryFilter(part_id=part_id)
        clause, params = (where or EntryFilter()).where()
        # Page by the time index first (rowids only), then fetch names for the page alone:
        # computing part names before sorting would cost one subquery per entry per page.
        rows = self._db.all(
            f"SELECT e.id, e.occurred_at, e.kind, e.title, e.self_energy, {_PART_NAMES} "
            "FROM (SELECT e.rowid AS hit FROM entries e "
            f"WHERE {clause} ORDER BY e.occurred_at DESC, e.rowid DESC LIMIT ? OFFSET ?) AS page "
            "JOIN entries e ON e.rowid = page.hit ORDER BY e.occurred_at DESC, e.rowid DESC",
            [*params, limit, offset])
        return [_summary(r) for r in rows]


def _summary(row: Row) -> EntrySummary:
    pairs = [item.split("\x1e", 1) for item in row[5].split(_SEPARATOR)] if row[5] else []
    return EntrySummary(id=row[0], occurred_at=from_db(row[1]), kind=EntryKind(row[2]),
                        title=row[3], self_energy=row[4],
                        part_names=tuple(name for name, _role in pairs),
                        part_roles=tuple(role for _name, role in pairs))
