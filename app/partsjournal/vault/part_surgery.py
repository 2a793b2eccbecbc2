"""Merging two parts into one and splitting a new part off an existing one.

People often find that what they named as two parts is one (the "Worrier" and the "Planner" turn
out to be the same protector), or that one name covered two parts. Each operation runs in one
transaction and returns an *undo record*: the rows exactly as they were, so that
:meth:`PartSurgery.undo_merge` / :meth:`PartSurgery.undo_split` put the journal back as it was,
ids included. Running the same operation again with the same arguments and time (a redo) gives
the same result.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from partsjournal.domain.model import (
    PART_TEXT_FIELDS,
    Part,
    Relation,
    Role,
    Stage,
    new_id,
    utc_now,
)
from partsjournal.domain.validation import check_name, check_text
from partsjournal.errors import NotFound, ValidationError
from partsjournal.vault.database import Database
from partsjournal.vault.parts import PartRepository
from partsjournal.vault.timefmt import to_db

RowData = Mapping[str, Any]
#: Tables whose rows belong to a part (``part_id``) and follow it through a merge, and back to
#: the source part when a split is undone.
FOLLOW_THE_PART = ("agreements", "body_spots", "checkin_reminders", "pictures")
_STAGE_ORDER = tuple(Stage)


@dataclass(frozen=True)
class MergePreview:
    """What merging ``absorb`` into ``keep`` would do, to show before asking."""

    keep: Part
    absorb: Part
    entries_moved: int
    entries_shared: int
    relations_moved: int
    relations_dropped: int
    stage_events_moved: int
    fields_combined: tuple[str, ...]
    shared_with: tuple[str, ...]


@dataclass(frozen=True)
class MergeUndo:
    """Everything needed to undo a merge exactly: the rows as they were before it."""

    keep_id: str
    absorb_id: str
    at: datetime
    keep_row: RowData
    absorbed_row: RowData
    moved_event_ids: tuple[str, ...]
    relation_rows: tuple[RowData, ...]
    entry_ids: tuple[str, ...]
    presence_rows: tuple[RowData, ...]
    #: What belonged to the absorbed part and the merge gave to the kept part, per table of
    #: :data:`FOLLOW_THE_PART`: its agreements, body-map spots, check-ins and pictures.
    moved_rows: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def moved_agreement_ids(self) -> tuple[str, ...]:
        """The absorbed part's agreements, now with the kept part."""
        return dict(self.moved_rows).get("agreements", ())


@dataclass(frozen=True)
class SplitSpec:
    """What a new part split off an existing one takes with it.

    Attributes:
        name: The new part's name.
        role: The new part's role.
        entry_ids: Entries where it was really the new part that showed up; the source part's
            mention in each moves to the new part.
        move_fields: Profile fields (see ``PART_TEXT_FIELDS``) whose text moves from the source
            part to the new one.
        copy_relation_ids: Relations of the source part that the new part gets as well.
        stage_note: The note on the new part's first stage event.
        new_part_id: The new part's id (fixed up front, so a redo recreates the same part).
        first_event_id: The id of the new part's first stage event (likewise).
    """

    name: str
    role: Role = Role.UNKNOWN
    entry_ids: tuple[str, ...] = ()
    move_fields: tuple[str, ...] = ()
    copy_relation_ids: tuple[str, ...] = ()
    stage_note: str = ""
    new_part_id: str = field(default_factory=new_id)
    first_event_id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class SplitUndo:
    """Everything needed to undo a split exactly."""

    source_id: str
    new_part_id: str
    at: datetime
    source_row: RowData
    moved_entry_ids: tuple[str, ...]
    copied_relation_ids: tuple[str, ...]


def combine_text(kept: str, absorbed: str) -> str:
    """One profile field from two: nothing written in either is lost, nothing is doubled."""
    if not absorbed.strip() or absorbed.strip() in kept:
        return kept
    if not kept.strip():
        return absorbed
    return f"{kept.rstrip()}\n\n{absorbed.strip()}"


def _combine_notes(kept: str, absorbed: str) -> str:
    if not absorbed.strip() or absorbed.strip() in kept:
        return kept
    if not kept.strip():
        return absorbed
    return f"{kept.rstrip()} / {absorbed.strip()}"


class PartSurgery:
    """Merge and split parts, each in one transaction, each exactly undoable."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._parts = PartRepository(db)

    # Merge -----------------------------------------------------------------------------------

    def merge_preview(self, keep_id: str, absorb_id: str) -> MergePreview:
        """Counts of what would move, stay or be dropped, without changing anything."""
        keep, absorb = self._pair(keep_id, absorb_id)
        entries = [r[0] for r in self._db.all(
            "SELECT DISTINCT entry_id FROM entry_parts WHERE part_id = ?", (absorb_id,))]
        shared = sum(1 for e in entries if self._has_presence(e, keep_id))
        relations = self._relations_of(absorb_id)
        dropped = sum(1 for r in relations if self._merged_relation_drops(r, keep_id, absorb_id))
        events = int(self._db.scalar("SELECT count(*) FROM stage_events WHERE part_id = ?",
                                     (absorb_id,)))
        combined = tuple(f for f in PART_TEXT_FIELDS
                         if combine_text(getattr(keep, f), getattr(absorb, f))
                         != getattr(keep, f))
        return MergePreview(keep, absorb, len(entries) - shared, shared,
                            len(relations) - dropped, dropped, events, combined,
                            self._shared_with(absorb_id))

    def merge(self, keep_id: str, absorb_id: str, *, at: datetime | None = None) -> MergeUndo:
        """Fold ``absorb`` into ``keep``: its entries, relations and stage history move over.

        The kept part's profile gains whatever the absorbed one knew that it didn't (each text
        field combined, nothing lost); the absorbed part is then removed.
        """
        at = at or utc_now()
        with self._db.transaction():
            keep, absorb = self._pair(keep_id, absorb_id)
            keep_row = self._part_row(keep_id)
            absorbed_row = self._part_row(absorb_id)
            entry_ids = tuple(r[0] for r in self._db.all(
                "SELECT DISTINCT entry_id FROM entry_parts WHERE part_id = ? ORDER BY entry_id",
                (absorb_id,)))
            presence_rows = tuple(self._presence_rows(entry_ids, (keep_id, absorb_id)))
            relation_rows = tuple(_rows(self._db, "SELECT * FROM relations WHERE "
                                        "from_part_id = ? OR to_part_id = ? ORDER BY rowid",
                                        (absorb_id, absorb_id)))
            moved_events = tuple(r[0] for r in self._db.all(
                "SELECT id FROM stage_events WHERE part_id = ? ORDER BY rowid", (absorb_id,)))
            moved_rows = tuple((table, tuple(str(r[0]) for r in self._db.all(
                f"SELECT id FROM {table} WHERE part_id = ? ORDER BY rowid", (absorb_id,))))
                for table in FOLLOW_THE_PART)

            self._move_presences(entry_ids, keep_id, absorb_id)
            self._move_relations(keep_id, absorb_id)
            self._db.execute("UPDATE stage_events SET part_id = ? WHERE part_id = ?",
                             (keep_id, absorb_id))
            # What was promised to the absorbed part is now promised to the one that remains
            # (before the delete, which would otherwise take the agreements with it).
            self._give_rows(absorb_id, keep_id)
            self._db.execute("DELETE FROM parts WHERE id = ?", (absorb_id,))
            self._write_merged_profile(keep, absorb, at)
        return MergeUndo(keep_id, absorb_id, at, keep_row, absorbed_row, moved_events,
                         relation_rows, entry_ids, presence_rows, moved_rows)

    def undo_merge(self, undo: MergeUndo) -> None:
        """Put both parts back exactly as they were before :meth:`merge`."""
        with self._db.transaction():
            if self._db.one("SELECT 1 FROM parts WHERE id = ?", (undo.absorb_id,)) is not None:
                raise ValidationError("absorb_id", "That merge was already undone.")
            _insert(self._db, "parts", undo.absorbed_row)
            self._restore_part(undo.keep_row)
            for event_id in undo.moved_event_ids:
                self._db.execute("UPDATE stage_events SET part_id = ? WHERE id = ?",
                                 (undo.absorb_id, event_id))
            for table, row_ids in undo.moved_rows:
                self._db.executemany(f"UPDATE {table} SET part_id = ? WHERE id = ?",
                                     [(undo.absorb_id, row_id) for row_id in row_ids])
            for row in undo.relation_rows:
                self._db.execute("DELETE FROM relations WHERE id = ?", (row["id"],))
            for row in undo.relation_rows:
                _insert(self._db, "relations", row)
            for entry_id in undo.entry_ids:
                self._db.execute(
                    "DELETE FROM entry_parts WHERE entry_id = ? AND part_id IN (?, ?)",
                    (entry_id, undo.keep_id, undo.absorb_id))
            for row in undo.presence_rows:
                _insert(self._db, "entry_parts", row)

    def _pair(self, keep_id: str, absorb_id: str) -> tuple[Part, Part]:
        if keep_id == absorb_id:
            raise ValidationError("absorb_id", "Choose two different parts to merge.")
        return self._parts.get(keep_id), self._parts.get(absorb_id)

    def _has_presence(self, entry_id: str, part_id: str) -> bool:
        return self._db.one("SELECT 1 FROM entry_parts WHERE entry_id = ? AND part_id = ?",
                            (entry_id, part_id)) is not None

    def _presence_rows(self, entry_ids: Sequence[str], part_ids: Sequence[str]
                       ) -> list[RowData]:
        rows: list[RowData] = []
        for entry_id in entry_ids:
            rows += _rows(self._db, "SELECT * FROM entry_parts WHERE entry_id = ? AND part_id "
                          "IN (?, ?) ORDER BY position, rowid", (entry_id, *part_ids))
        return rows

    def _move_presences(self, entry_ids: Sequence[str], keep_id: str, absorb_id: str) -> None:
        for entry_id in entry_ids:
            kept = self._db.one("SELECT note FROM entry_parts WHERE entry_id = ? AND part_id = ?",
                                (entry_id, keep_id))
            if kept is None:
                self._db.execute("UPDATE entry_parts SET part_id = ? WHERE entry_id = ? AND "
                                 "part_id = ?", (keep_id, entry_id, absorb_id))
                continue
            absorbed_note = self._db.scalar(
                "SELECT note FROM entry_parts WHERE entry_id = ? AND part_id = ?",
                (entry_id, absorb_id)) or ""
            self._db.execute("UPDATE entry_parts SET note = ? WHERE entry_id = ? AND part_id = ?",
                             (_combine_notes(str(kept[0]), str(absorbed_note)), entry_id,
                              keep_id))
            self._db.execute("DELETE FROM entry_parts WHERE entry_id = ? AND part_id = ?",
                             (entry_id, absorb_id))

    def _relations_of(self, part_id: str) -> list[Relation]:
        from partsjournal.vault.parts import RelationRepository

        return RelationRepository(self._db).list(part_id)

    def _merged_relation_drops(self, relation: Relation, keep_id: str, absorb_id: str) -> bool:
        moved = _rewired(relation, absorb_id, keep_id)
        if moved.from_part_id == moved.to_part_id:
            return True
        return self._exists(moved, ignore_id=relation.id)

    def _move_relations(self, keep_id: str, absorb_id: str) -> None:
        for relation in self._relations_of(absorb_id):
            if self._merged_relation_drops(relation, keep_id, absorb_id):
                self._db.execute("DELETE FROM relations WHERE id = ?", (relation.id,))
                continue
            moved = _rewired(relation, absorb_id, keep_id)
            self._db.execute("UPDATE relations SET from_part_id = ?, to_part_id = ? WHERE id = ?",
                             (moved.from_part_id, moved.to_part_id, relation.id))

    def _exists(self, relation: Relation, ignore_id: str = "") -> bool:
        pairs = [(relation.from_part_id, relation.to_part_id)]
        if not relation.kind.directed:
            pairs.append((relation.to_part_id, relation.from_part_id))
        return any(self._db.one(
            "SELECT 1 FROM relations WHERE kind = ? AND from_part_id = ? AND to_part_id = ? "
            "AND id <> ?", (relation.kind.value, a, b, ignore_id)) for a, b in pairs)

    def _write_merged_profile(self, keep: Part, absorb: Part, at: datetime) -> None:
        texts = {f: combine_text(getattr(keep, f), getattr(absorb, f)) for f in PART_TEXT_FIELDS}
        stage = max(keep.stage, absorb.stage, key=_STAGE_ORDER.index)
        merged = replace(
            keep,
            role=keep.role if keep.role is not Role.UNKNOWN else absorb.role,
            color=keep.color or absorb.color,
            trust_in_self=keep.trust_in_self if keep.trust_in_self is not None
            else absorb.trust_in_self,
            stage=stage)
        for name, text in texts.items():
            setattr(merged, name, text)
        for name in PART_TEXT_FIELDS:
            check_text(getattr(merged, name), name, f"The part's {name}")
        names = (*PART_TEXT_FIELDS, "role", "color", "trust_in_self", "stage")
        values = [getattr(merged, n) for n in PART_TEXT_FIELDS] + [
            merged.role.value, merged.color, merged.trust_in_self, merged.stage.value]
        self._db.execute(
            f"UPDATE parts SET {', '.join(f'{n} = ?' for n in names)}, updated_at = ?, "
            "revision = revision + 1 WHERE id = ?", [*values, to_db(at), keep.id])

    def _shared_with(self, part_id: str) -> tuple[str, ...]:
        from partsjournal.vault.peers import PeerRepository, ShareLogRepository

        log = ShareLogRepository(self._db)
        return tuple(peer.name for peer in PeerRepository(self._db).list()
                     if part_id in log.currently_shared(peer.id))

    # Split -----------------------------------------------------------------------------------

    def split(self, source_id: str, spec: SplitSpec, *, at: datetime | None = None
              ) -> SplitUndo:
        """Create a new part from ``source_id``: chosen entries and profile text move to it."""
        at = at or utc_now()
        name = check_name(spec.name, "name", "The new part's name")
        check_text(spec.stage_note, "stage_note", "The stage note")
        unknown = [f for f in spec.move_fields if f not in PART_TEXT_FIELDS]
        if unknown:
            raise ValidationError("move_fields", "Only profile text can move to the new part.")
        with self._db.transaction():
            source = self._parts.get(source_id)
            if self._db.one("SELECT 1 FROM parts WHERE id = ?", (spec.new_part_id,)) is not None:
                raise ValidationError("new_part_id", "That part was already split off.")
            source_row = self._part_row(source_id)
            for entry_id in spec.entry_ids:
                if not self._has_presence(entry_id, source_id):
                    raise NotFound(f"“{source.name}” is no longer in one of the chosen entries.")
            relations = {r.id: r for r in self._relations_of(source_id)}
            missing = [rid for rid in spec.copy_relation_ids if rid not in relations]
            if missing:
                raise NotFound("One of the chosen relationships no longer exists.")

            new_part = Part(name=name, role=spec.role, id=spec.new_part_id, created_at=at,
                            updated_at=at,
                            **{f: getattr(source, f) for f in spec.move_fields})
            self._parts.add(new_part, stage_note=spec.stage_note)
            self._db.execute("UPDATE stage_events SET id = ? WHERE part_id = ?",
                             (spec.first_event_id, new_part.id))
            if spec.move_fields:
                cleared = replace(source)
                for name in spec.move_fields:
                    setattr(cleared, name, "")
                self._parts.update(cleared, at=at)
            for entry_id in spec.entry_ids:
                self._db.execute("UPDATE entry_parts SET part_id = ? WHERE entry_id = ? AND "
                                 "part_id = ?", (new_part.id, entry_id, source_id))
            copied = tuple(self._copy_relation(relations[rid], source_id, new_part.id, at)
                           for rid in spec.copy_relation_ids)
        return SplitUndo(source_id, new_part.id, at, source_row, tuple(spec.entry_ids),
                         tuple(c for c in copied if c))

    def _copy_relation(self, relation: Relation, source_id: str, new_id_: str,
                       at: datetime) -> str:
        copy = replace(_rewired(relation, source_id, new_id_), id=new_id(), created_at=at)
        if copy.from_part_id == copy.to_part_id or self._exists(copy):
            return ""
        self._db.execute(
            "INSERT INTO relations (id, kind, from_part_id, to_part_id, note, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (copy.id, copy.kind.value, copy.from_part_id, copy.to_part_id, copy.note,
             to_db(copy.created_at)))
        return copy.id

    def undo_split(self, undo: SplitUndo) -> None:
        """Remove the split-off part and give everything back to the source part."""
        with self._db.transaction():
            if self._db.one("SELECT 1 FROM parts WHERE id = ?", (undo.new_part_id,)) is None:
                raise ValidationError("new_part_id", "That split was already undone.")
            for entry_id in undo.moved_entry_ids:
                self._db.execute("UPDATE entry_parts SET part_id = ? WHERE entry_id = ? AND "
                                 "part_id = ?", (undo.source_id, entry_id, undo.new_part_id))
            # Agreements made with the split-off part since go back to the source part rather
            # than vanish with it (a split keeps every agreement with the source part).
            self._give_rows(undo.new_part_id, undo.source_id)
            self._db.execute("DELETE FROM parts WHERE id = ?", (undo.new_part_id,))
            self._restore_part(undo.source_row)

    # Rows ------------------------------------------------------------------------------------

    def _give_rows(self, from_id: str, to_id: str) -> None:
        """What belongs to one part goes to another: agreements, spots, check-ins, pictures.

        Called before the first part is deleted, which would otherwise take them along.
        """
        for table in FOLLOW_THE_PART:
            self._db.execute(f"UPDATE {table} SET part_id = ? WHERE part_id = ?", (to_id, from_id))

    def _part_row(self, part_id: str) -> RowData:
        rows = _rows(self._db, "SELECT * FROM parts WHERE id = ?", (part_id,))
        if not rows:
            raise NotFound("That part no longer exists.")
        return rows[0]

    def _restore_part(self, row: RowData) -> None:
        names = [n for n in row if n != "id"]
        self._db.execute(f"UPDATE parts SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ?",
                         [*(row[n] for n in names), row["id"]])


def _rewired(relation: Relation, old: str, new: str) -> Relation:
    return replace(relation,
                   from_part_id=new if relation.from_part_id == old else relation.from_part_id,
                   to_part_id=new if relation.to_part_id == old else relation.to_part_id)


def _rows(db: Database, sql: str, params: Sequence[Any]) -> list[RowData]:
    """Rows as column → value, with the columns the database itself names."""
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _insert(db: Database, table: str, row: RowData) -> None:
    names = list(row)
    db.execute(f"INSERT INTO {table} ({', '.join(names)}) VALUES "
               f"({', '.join('?' for _ in names)})", [row[n] for n in names])


__all__ = ["MergePreview", "MergeUndo", "PartSurgery", "SplitSpec", "SplitUndo", "combine_text"]
