"""Reading the whole journal as one :class:`Snapshot` and writing one back exactly.

This is the storage half of the data export and import (the file formats are in
``partsjournal.archive``; docs/export-format.md). It lives in ``vault/`` because it is SQL, and
only ``vault/`` talks to the database. ``Vault.read_snapshot`` and ``Vault.write_snapshot`` are
the way in.

Reading uses the repositories (entries in bulk, as ``EntryRepository.get`` reads them); writing
puts every row back with its original id, times and revision, which the repositories
deliberately never do (adding a part there starts a fresh stage history, saving one bumps its
revision). Writing is only allowed into an empty journal and runs
in one transaction, so an import either restores everything or leaves the journal empty.
Reading, too, is one (read) transaction, so the snapshot is the journal as it was at one moment
even while another connection writes. The personal spelling dictionary (``personal_words``,
schema version 3), the person's own entry templates (``entry_templates``, schema version 4) and
the agreements ledger (``agreements``, schema version 5) are part of both, and a journal holding
any word, own template or agreement is not empty.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

from partsjournal.domain.model import (
    C_QUALITIES,
    PART_TEXT_FIELDS,
    Entry,
    EntryKind,
    PartPresence,
    PeerRole,
)
from partsjournal.errors import JournalError
from partsjournal.vault.agreements import INSERT as AGREEMENT_INSERT
from partsjournal.vault.agreements import AgreementRepository, agreement_row
from partsjournal.vault.body_spots import INSERT as SPOT_INSERT
from partsjournal.vault.body_spots import BodySpotRepository, spot_row
from partsjournal.vault.checkins import INSERT as CHECKIN_INSERT
from partsjournal.vault.checkins import CheckinRepository, plan_row
from partsjournal.vault.database import Database
from partsjournal.vault.parts import PartRepository, RelationRepository
from partsjournal.vault.peer_agreements import INSERT as WISH_INSERT
from partsjournal.vault.peer_agreements import PeerAgreementRepository
from partsjournal.vault.peer_agreements import agreement_row as wish_row
from partsjournal.vault.peers import (
    IdentityRepository,
    PeerRepository,
    ReceivedPartRepository,
    ShareLogRepository,
)
from partsjournal.vault.pictures import INSERT as PICTURE_INSERT
from partsjournal.vault.pictures import PictureRepository, picture_row
from partsjournal.vault.snapshot import (
    OwnTemplate,
    PartRecord,
    PersonalWord,
    ReceivedBundle,
    Snapshot,
)
from partsjournal.vault.timefmt import from_db, to_db

#: ``progress(done, total)`` while a snapshot is written.
Progress = Callable[[int, int], None]

#: The triggers that keep the full-text indexes in step with each row (vault/schema.py).
_INDEX_TRIGGERS = ("entries_fts_insert", "parts_fts_insert")
#: FTS5's buffer of pending terms while an index is built (its default is 1 MiB).
_BUILD_HASH = 64 * 1024 * 1024
_DEFAULT_HASH = 1024 * 1024
#: Entries per INSERT statement (24 values each, well under SQLite's 32,766 parameters).
_CHUNK = 200
_ENTRY_COLUMNS = ("id", "occurred_at", "kind", "title", "body", "trailhead", "self_energy",
                  *C_QUALITIES, "peer_id", "my_role", "planned_minutes", "agreements", "debrief",
                  "created_at", "updated_at")

#: Tables that must be empty before a snapshot is written (the identity row always exists).
_CONTENT_TABLES = ("parts", "relations", "peers", "received_parts", "received_relations",
                   "received_bundles", "entries", "share_log", "personal_words",
                   "entry_templates", "agreements", "body_spots", "checkin_reminders",
                   "received_session_agreements", "pictures")


def read_snapshot(db: Database) -> Snapshot:
    """Read the whole journal, in a stable order (by time, then id), so equal journals read equal.

    Stage histories and the parts of an entry keep their own order, which carries meaning;
    the personal words are in alphabetical order, ignoring case (as the dictionary lists them),
    and the own entry templates by the kind's value (code points).
    Everything is read in one read transaction: one consistent moment of the journal.
    """
    with _read_transaction(db):
        return _read(db)


@contextmanager
def _read_transaction(db: Database) -> Iterator[None]:
    """One deferred (read) transaction: every query inside sees the same state of the file.

    ``Database.transaction`` would say ``BEGIN IMMEDIATE`` and hold the write lock for the
    whole read, making the window's saves wait; a deferred transaction on this connection takes
    no write lock (in WAL mode other connections keep writing), it only pins what it reads.
    """
    db.execute("BEGIN DEFERRED")
    try:
        yield
    except BaseException:
        with suppress(JournalError):  # a closed connection has nothing left to roll back
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _read(db: Database) -> Snapshot:
    vault = _Repositories(db)
    positions = vault.parts.positions()
    parts = sorted(vault.parts.list(include_archived=True), key=lambda p: (p.created_at, p.id))
    entries = _all_entries(db)
    rows = db.all("SELECT peer_id, bundle_id, created, imported_at FROM received_bundles")
    bundles = sorted((ReceivedBundle(r[0], r[1], from_db(r[2]), from_db(r[3])) for r in rows),
                     key=lambda b: (b.imported_at, b.peer_id, b.bundle_id))
    words = sorted((PersonalWord(str(r[0]), from_db(r[1]))
                    for r in db.all("SELECT word, added_at FROM personal_words")),
                   key=lambda w: (w.word.casefold(), w.word))
    templates = sorted((OwnTemplate(EntryKind(r[0]), str(r[1]), from_db(r[2]))
                        for r in db.all("SELECT kind, body, updated_at FROM entry_templates")),
                       key=lambda t: t.kind.value)
    return Snapshot(
        display_name=vault.identity.get().display_name,
        parts=[PartRecord(p, vault.parts.history(p.id), positions.get(p.id)) for p in parts],
        relations=sorted(vault.relations.list(), key=lambda r: (r.created_at, r.id)),
        peers=sorted(vault.peers.list(), key=lambda p: (p.added_at, p.id)),
        received_parts=sorted(vault.received.list(), key=lambda p: (p.received_at, p.id)),
        received_relations=sorted(vault.received.relations(), key=lambda r: r.id),
        received_bundles=bundles,
        entries=entries,
        share_log=sorted(vault.share_log.list(), key=lambda s: (s.shared_at, s.id)),
        personal_words=tuple(words),
        entry_templates=tuple(templates),
        agreements=tuple(AgreementRepository(db).list()),
        checkin_plans=tuple(CheckinRepository(db).list(include_ended=True)),
        peer_wishes=tuple(PeerAgreementRepository(db).list()),
        pictures=tuple(PictureRepository(db).everything()),
        body_spots=tuple(BodySpotRepository(db).list()),
    )


def _all_entries(db: Database) -> list[Entry]:
    """Every entry as ``EntryRepository.get`` reads it, in three queries instead of 3 per entry.

    Ordered by time, then id (times are stored as sortable UTC text, so SQL's order is the
    order of the moments).
    """
    presences: dict[str, list[PartPresence]] = defaultdict(list)
    for r in db.all("SELECT ep.entry_id, ep.part_id, ep.received_part_id, ep.note, "
                    "coalesce(p.name, rp.name) FROM entry_parts ep "
                    "LEFT JOIN parts p ON p.id = ep.part_id "
                    "LEFT JOIN received_parts rp ON rp.id = ep.received_part_id "
                    "ORDER BY ep.entry_id, ep.position"):
        presences[r[0]].append(PartPresence(part_id=r[1], received_part_id=r[2], note=r[3],
                                            name=r[4] or ""))
    peer_names = {r[0]: r[1] for r in db.all("SELECT id, name FROM peers")}
    entries = []
    for row in db.all(f"SELECT {', '.join(_ENTRY_COLUMNS)} FROM entries "
                      "ORDER BY occurred_at, id"):
        v = dict(zip(_ENTRY_COLUMNS, row, strict=True))
        entries.append(Entry(
            id=v["id"], occurred_at=from_db(v["occurred_at"]), kind=EntryKind(v["kind"]),
            title=v["title"], body=v["body"], trailhead=v["trailhead"],
            self_energy=v["self_energy"],
            qualities={q: v[q] for q in C_QUALITIES if v[q] is not None},
            parts=presences.get(v["id"], []), peer_id=v["peer_id"],
            peer_name=peer_names.get(v["peer_id"], "") if v["peer_id"] else "",
            my_role=PeerRole(v["my_role"]) if v["my_role"] else None,
            planned_minutes=v["planned_minutes"], agreements=v["agreements"],
            debrief=v["debrief"], created_at=from_db(v["created_at"]),
            updated_at=from_db(v["updated_at"])))
    entries.sort(key=lambda e: (e.occurred_at, e.id))
    return entries


class _Repositories:
    def __init__(self, db: Database) -> None:
        self.parts = PartRepository(db)
        self.relations = RelationRepository(db)
        self.identity = IdentityRepository(db)
        self.peers = PeerRepository(db)
        self.received = ReceivedPartRepository(db)
        self.share_log = ShareLogRepository(db)


def is_empty(db: Database) -> bool:
    """True if the journal holds nothing but its identity (a new vault)."""
    return all(db.one(f"SELECT 1 FROM {table} LIMIT 1") is None
               for table in _CONTENT_TABLES)


def write_snapshot(db: Database, snapshot: Snapshot, progress: Progress | None = None) -> None:
    """Write a validated snapshot into an empty journal, all of it or (on any error) nothing.

    ``progress(done, total)`` is called now and then (from the calling thread); ``done`` reaches
    ``total`` once everything is written and indexed, just before the commit.

    Speed (docs/performance.md): the search-index triggers are dropped for the length of the
    transaction and the two full-text indexes are built once from the stored rows at the end
    (FTS5's ``rebuild``), which gives the same index the triggers would have built row by row at
    a fraction of the cost; the triggers are then created again from their own stored SQL. All of
    it is one transaction, so on any failure the schema, triggers included, is as it was.
    Foreign keys are checked once, over every table, before the indexes are built, instead of
    row by row (``Database.bulk_write``): with row-by-row checks each multi-row INSERT keeps a
    statement journal, and each entries INSERT says ``OR FAIL`` for the same reason (a failing
    row still fails the statement, and the whole import is rolled back).
    """
    total = len(snapshot.entries) + _index_weight(snapshot)
    report = progress or (lambda done, total: None)
    with db.bulk_write(), db.transaction():
        if not is_empty(db):
            raise JournalError("An export can only be imported into a new, empty journal. "
                               "Nothing was changed.")
        report(0, total)
        triggers = _drop_index_triggers(db)
        db.execute("UPDATE identity SET display_name = ? WHERE id = 1", (snapshot.display_name,))
        part_columns = ("id", "name", "role", *PART_TEXT_FIELDS, "color", "trust_in_self",
                        "stage", "archived", "created_at", "updated_at", "revision", "map_x",
                        "map_y")
        for record in snapshot.parts:
            p = record.part
            x, y = record.position if record.position is not None else (None, None)
            db.execute(
                f"INSERT INTO parts ({', '.join(part_columns)}) VALUES "
                f"({', '.join('?' for _ in part_columns)})",
                (p.id, p.name, p.role.value, *(getattr(p, f) for f in PART_TEXT_FIELDS),
                 p.color, p.trust_in_self, p.stage.value, int(p.archived), to_db(p.created_at),
                 to_db(p.updated_at), p.revision, x, y))
            db.executemany(
                "INSERT INTO stage_events (id, part_id, stage, occurred_at, note) "
                "VALUES (?, ?, ?, ?, ?)",
                [(e.id, p.id, e.stage.value, to_db(e.occurred_at), e.note)
                 for e in record.history])
        db.executemany(
            "INSERT INTO relations (id, kind, from_part_id, to_part_id, note, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(r.id, r.kind.value, r.from_part_id, r.to_part_id, r.note, to_db(r.created_at))
             for r in snapshot.relations])
        db.executemany(
            "INSERT INTO peers (id, name, card, fingerprint, verified_at, added_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(p.id, p.name, p.card.to_bytes(), p.fingerprint.hex,
              to_db(p.verified_at) if p.verified_at else None, to_db(p.added_at))
             for p in snapshot.peers])
        db.executemany(
            "INSERT INTO received_parts (id, peer_id, sender_part_id, revision, name, role, "
            "fields, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(rp.id, rp.peer_id, rp.sender_part_id, rp.revision, rp.name,
              rp.role.value if rp.role else "",
              json.dumps(dict(rp.fields), ensure_ascii=False, sort_keys=True),
              to_db(rp.received_at)) for rp in snapshot.received_parts])
        db.executemany(
            "INSERT INTO received_relations (id, peer_id, kind, from_received_id, "
            "to_received_id, note) VALUES (?, ?, ?, ?, ?, ?)",
            [(r.id, r.peer_id, r.kind.value, r.from_received_id, r.to_received_id, r.note)
             for r in snapshot.received_relations])
        db.executemany(
            "INSERT INTO received_bundles (peer_id, bundle_id, created, imported_at) "
            "VALUES (?, ?, ?, ?)",
            [(b.peer_id, b.bundle_id, to_db(b.created), to_db(b.imported_at))
             for b in snapshot.received_bundles])
        written = 0
        for start in range(0, len(snapshot.entries), _CHUNK):
            chunk = snapshot.entries[start:start + _CHUNK]
            _write_entries(db, chunk)
            written += len(chunk)
            report(written, total)
        db.executemany(
            "INSERT INTO share_log (id, peer_id, peer_name, bundle_id, shared_at, parts, "
            "fields, withdrawn) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(s.id, s.peer_id, s.peer_name, s.bundle_id, to_db(s.shared_at),
              json.dumps([{"id": p.id, "name": p.name, "revision": p.revision,
                           "fields": list(p.fields)} for p in s.parts], ensure_ascii=False),
              json.dumps(list(s.fields)),
              json.dumps([{"id": w.id, "name": w.name} for w in s.withdrawn],
                         ensure_ascii=False)) for s in snapshot.share_log])
        db.executemany("INSERT INTO personal_words (word, added_at) VALUES (?, ?)",
                       [(w.word, to_db(w.added_at)) for w in snapshot.personal_words])
        db.executemany("INSERT INTO entry_templates (kind, body, updated_at) VALUES (?, ?, ?)",
                       [(t.kind.value, t.body, to_db(t.updated_at))
                        for t in snapshot.entry_templates])
        db.executemany(AGREEMENT_INSERT, [agreement_row(a) for a in snapshot.agreements])
        db.executemany(CHECKIN_INSERT, [plan_row(p) for p in snapshot.checkin_plans])
        db.executemany(WISH_INSERT, [wish_row(w) for w in snapshot.peer_wishes])
        db.executemany(PICTURE_INSERT, [picture_row(p) for p in snapshot.pictures])
        db.executemany(SPOT_INSERT, [spot_row(s) for s in snapshot.body_spots])
        db.check_foreign_keys()
        _rebuild_index(db, "parts_fts")
        _rebuild_index(db, "entries_fts")
        for sql in triggers:
            db.execute(sql)
        report(total, total)


def _index_weight(snapshot: Snapshot) -> int:
    """Building the indexes takes about as long as writing half the entries."""
    return max(1, len(snapshot.entries) // 2)


def _drop_index_triggers(db: Database) -> list[str]:
    """Drop the triggers that index each new row; return their SQL, to create them again."""
    rows = db.all("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
                  f"({', '.join('?' for _ in _INDEX_TRIGGERS)}) ORDER BY name", _INDEX_TRIGGERS)
    if sorted(r[0] for r in rows) != sorted(_INDEX_TRIGGERS):
        raise JournalError("This journal's search index is not set up as expected, so nothing "
                           "was imported. Run “parts-journal check” on it.")
    for name, _sql in rows:
        db.execute(f"DROP TRIGGER {name}")
    return [str(r[1]) for r in rows]


def _rebuild_index(db: Database, table: str) -> None:
    """Fill an external-content FTS5 index from its table, in one pass.

    A large in-memory buffer of pending terms makes FTS5 write few, big segments instead of
    flushing and merging every megabyte; the default is put back afterwards.
    """
    db.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('hashsize', ?)", (_BUILD_HASH,))
    db.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")
    db.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('hashsize', ?)", (_DEFAULT_HASH,))


def _write_entries(db: Database, entries: list[Entry]) -> None:
    """Write entries with one multi-row INSERT.

    Far fewer statement runs (and allocations) than a row at a time, which matters because
    SQLCipher locks and wipes every allocation (docs/performance.md). ``OR FAIL``: a violated
    constraint stops the statement with its error without undoing the statement's earlier rows,
    so SQLite needs no statement journal; the transaction around it is rolled back anyway.
    """
    if not entries:
        return
    columns = _ENTRY_COLUMNS
    row = f"({', '.join('?' for _ in columns)})"
    values = [
        value for e in entries for value in (
            e.id, to_db(e.occurred_at), e.kind.value, e.title, e.body, e.trailhead,
            e.self_energy, *(e.qualities.get(q) for q in C_QUALITIES), e.peer_id,
            e.my_role.value if e.my_role else None, e.planned_minutes, e.agreements, e.debrief,
            to_db(e.created_at), to_db(e.updated_at))]
    db.execute(f"INSERT OR FAIL INTO entries ({', '.join(columns)}) VALUES "
               f"{', '.join(row for _ in entries)}", values)
    db.executemany(
        "INSERT INTO entry_parts (entry_id, position, part_id, received_part_id, note) "
        "VALUES (?, ?, ?, ?, ?)",
        [(e.id, position, p.part_id, p.received_part_id, p.note)
         for e in entries for position, p in enumerate(e.parts)])
