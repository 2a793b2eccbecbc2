"""The vault's own identity, its peers, the parts received from them, and the share log.

Received parts are kept apart from the person's own parts and are read-only here: only an
import (:mod:`partsjournal.flows.importing`) writes them, through the ``_for_import`` methods.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from partsjournal.domain.model import RelationKind, Role, Stage, new_id, utc_now
from partsjournal.domain.validation import check_name
from partsjournal.errors import CardRefusal, CardRejected, NotFound, ValidationError, VaultError
from partsjournal.exchange.card import (
    ContactCard,
    Fingerprint,
    SafetyNumber,
    normalize_hex,
    parse_card,
    safety_number,
)
from partsjournal.exchange.identity import AUTH_PRIVATE_SIZE, KEM_SEED_SIZE, Identity
from partsjournal.exchange.payload import (
    SHAREABLE_FIELDS,
    BundleContents,
    FieldValue,
    SharedPart,
    SharedRelation,
)
from partsjournal.vault.database import Database, Row
from partsjournal.vault.timefmt import from_db, to_db

#: A fingerprint prefix must have at least this many hex digits to pick a peer.
MIN_PREFIX = 4
_ROLE_ORDER = ("CASE rp.role WHEN 'manager' THEN 0 WHEN 'firefighter' THEN 1 "
               "WHEN 'exile' THEN 2 WHEN 'unknown' THEN 3 ELSE 4 END")


# Identity ----------------------------------------------------------------------------------

def ensure_identity(db: Database) -> None:
    """Create the vault's identity if it has none (new vaults and the v2 migration)."""
    if db.one("SELECT 1 FROM identity WHERE id = 1") is None:
        identity = Identity.generate()
        db.execute("INSERT INTO identity (id, display_name, kem_private, auth_private, "
                   "created_at) VALUES (1, ?, ?, ?, ?)",
                   (identity.display_name, identity.kem_seed, identity.auth_private,
                    to_db(utc_now())))


class IdentityRepository:
    """The vault's one identity: its private keys never leave the encrypted database."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self) -> Identity:
        """The identity, created on first use if an older vault has none."""
        row = self._db.one("SELECT display_name, kem_private, auth_private FROM identity "
                           "WHERE id = 1")
        if row is None:
            with self._db.transaction():
                ensure_identity(self._db)
            return self.get()
        name, kem, auth = row
        if not isinstance(kem, bytes) or not isinstance(auth, bytes) \
                or len(kem) != KEM_SEED_SIZE or len(auth) != AUTH_PRIVATE_SIZE:
            raise VaultError("The keys of your identity in this journal are damaged, so bundles "
                             "can't be made or opened. Restore a backup to get them back.")
        return Identity(name, bytes(kem), bytes(auth))

    def set_display_name(self, name: str) -> Identity:
        """Change the name peers see on this vault's card (the keys stay the same)."""
        name = check_name(name, "display_name", "Your name on the card")
        self.get()
        with self._db.transaction():
            self._db.execute("UPDATE identity SET display_name = ? WHERE id = 1", (name,))
        return self.get()

    def card(self) -> ContactCard:
        """This vault's contact card; needs a display name first."""
        identity = self.get()
        if not identity.display_name:
            raise ValidationError("display_name", "Choose the name your peers will see on your "
                                  "contact card first.")
        return identity.card()


# Peers -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Peer:
    """Someone whose contact card this vault holds."""

    id: str
    name: str
    card: ContactCard
    verified_at: datetime | None
    added_at: datetime

    @property
    def fingerprint(self) -> Fingerprint:
        """The fingerprint of the peer's keys."""
        return self.card.fingerprint

    @property
    def verified(self) -> bool:
        """True once both people compared the safety number and it matched."""
        return self.verified_at is not None

    @property
    def label(self) -> str:
        """The name, marked when not verified: how a peer is shown everywhere."""
        return self.name if self.verified else f"{self.name} (not verified)"


_PEER_COLUMNS = "id, name, card, verified_at, added_at"


def _peer(row: Row) -> Peer:
    return Peer(id=row[0], name=row[1], card=parse_card(bytes(row[2])),
                verified_at=from_db(row[3]) if row[3] else None, added_at=from_db(row[4]))


class PeerRepository:
    """The people this vault exchanges bundles with."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, card: ContactCard, name: str | None = None) -> Peer:
        """Add a peer from their card, under ``name`` (default: the name on the card).

        Refuses one's own card, a card already added, and a name already in use.
        """
        name = check_name(name if name is not None else card.display_name, "name",
                          "A peer's name")
        with self._db.transaction():
            if card.fingerprint == IdentityRepository(self._db).get().fingerprint:
                raise CardRejected(
                    CardRefusal.OWN_CARD, "This is your own contact card. Add the card your "
                    "peer gave you.")
            existing = self.by_fingerprint(card.fingerprint)
            if existing is not None:
                raise ValidationError("card", f"You already have this peer, as “{existing.name}”.")
            self._check_name_free(name)
            peer = Peer(new_id(), name, card, None, utc_now())
            self._db.execute(
                f"INSERT INTO peers ({_PEER_COLUMNS}, fingerprint) VALUES (?, ?, ?, ?, ?, ?)",
                (peer.id, peer.name, card.to_bytes(), None, to_db(peer.added_at),
                 card.fingerprint.hex))
        return peer

    def _check_name_free(self, name: str, except_id: str = "") -> None:
        if self._db.one("SELECT 1 FROM peers WHERE name = ? COLLATE NOCASE AND id <> ?",
                        (name, except_id)) is not None:
            raise ValidationError("name", f"You already have a peer called “{name}”. Choose "
                                  "another name for this one.")

    def list(self) -> builtins.list[Peer]:
        """Every peer, by name."""
        return [_peer(r) for r in self._db.all(
            f"SELECT {_PEER_COLUMNS} FROM peers ORDER BY name COLLATE NOCASE")]

    def get(self, peer_id: str) -> Peer:
        """The peer with this id, or :class:`NotFound`."""
        row = self._db.one(f"SELECT {_PEER_COLUMNS} FROM peers WHERE id = ?", (peer_id,))
        if row is None:
            raise NotFound("That peer is no longer in your journal.")
        return _peer(row)

    def by_fingerprint(self, fingerprint: Fingerprint) -> Peer | None:
        """The peer with exactly this fingerprint."""
        row = self._db.one(f"SELECT {_PEER_COLUMNS} FROM peers WHERE fingerprint = ?",
                           (fingerprint.hex,))
        return None if row is None else _peer(row)

    def card_for(self, fingerprint: Fingerprint) -> ContactCard | None:
        """The card of the peer with this fingerprint (what bundle opening needs)."""
        peer = self.by_fingerprint(fingerprint)
        return None if peer is None else peer.card

    def find(self, text: str) -> Peer:
        """A peer by name (any case) or by the start of their fingerprint."""
        wanted = text.strip()
        row = self._db.one(f"SELECT {_PEER_COLUMNS} FROM peers WHERE name = ? COLLATE NOCASE",
                           (wanted,))
        if row is not None:
            return _peer(row)
        prefix = normalize_hex(wanted)
        if len(prefix) >= MIN_PREFIX:
            rows = self._db.all(f"SELECT {_PEER_COLUMNS} FROM peers WHERE fingerprint LIKE ?",
                                (prefix + "%",))
            if len(rows) == 1:
                return _peer(rows[0])
            if len(rows) > 1:
                raise ValidationError("peer", f"More than one peer's fingerprint starts with "
                                      f"{wanted}; type more of it.")
        raise NotFound(f"No peer is called “{wanted}” or has a fingerprint starting with it.")

    def rename(self, peer_id: str, name: str) -> Peer:
        """Change what this journal calls a peer."""
        name = check_name(name, "name", "A peer's name")
        with self._db.transaction():
            self.get(peer_id)
            self._check_name_free(name, peer_id)
            self._db.execute("UPDATE peers SET name = ? WHERE id = ?", (name, peer_id))
        return self.get(peer_id)

    def mark_verified(self, peer_id: str, at: datetime | None = None) -> Peer:
        """Record that the safety numbers were compared and matched."""
        return self._set_verified(peer_id, to_db(at or utc_now()))

    def mark_unverified(self, peer_id: str) -> Peer:
        """Take back a verification (e.g. it was done too quickly)."""
        return self._set_verified(peer_id, None)

    def _set_verified(self, peer_id: str, value: str | None) -> Peer:
        with self._db.transaction():
            if self._db.execute("UPDATE peers SET verified_at = ? WHERE id = ?",
                                (value, peer_id)).rowcount == 0:
                raise NotFound("That peer is no longer in your journal.")
        return self.get(peer_id)

    def remove(self, peer_id: str) -> None:
        """Forget a peer and everything received from them (share-log lines keep the name)."""
        with self._db.transaction():
            if self._db.execute("DELETE FROM peers WHERE id = ?", (peer_id,)).rowcount == 0:
                raise NotFound("That peer is no longer in your journal.")

    def safety_number(self, peer: Peer) -> SafetyNumber:
        """The 60 digits both people should see for this pair."""
        return safety_number(IdentityRepository(self._db).get().fingerprint, peer.fingerprint)


# Received parts ----------------------------------------------------------------------------

@dataclass(frozen=True)
class ReceivedPart:
    """A part a peer shared: only the fields they chose, read-only."""

    id: str
    peer_id: str
    peer_name: str
    peer_verified: bool
    sender_part_id: str
    revision: int
    name: str
    fields: Mapping[str, FieldValue]
    received_at: datetime

    @property
    def field_names(self) -> tuple[str, ...]:
        """The fields the peer shared, in the app's order."""
        return tuple(f for f in SHAREABLE_FIELDS if f in self.fields)

    @property
    def role(self) -> Role | None:
        """The role, if the peer shared it."""
        value = self.fields.get("role")
        return Role(value) if isinstance(value, str) else None

    @property
    def stage(self) -> Stage | None:
        """The stage, if the peer shared it."""
        value = self.fields.get("stage")
        return Stage(value) if isinstance(value, str) else None

    def text(self, field: str) -> str:
        """A shared field as text ('' if it was not shared or is empty)."""
        value = self.fields.get(field)
        return "" if value is None else str(value)


@dataclass(frozen=True)
class ReceivedRelation:
    """A relation between two parts received from the same peer."""

    id: str
    peer_id: str
    kind: RelationKind
    from_received_id: str
    to_received_id: str
    note: str


@dataclass(frozen=True)
class HeldPart:
    """What the import preview needs to know about a part already received."""

    id: str
    revision: int
    name: str
    field_names: tuple[str, ...]
    fields: Mapping[str, FieldValue]
    entry_count: int


_RECEIVED_SELECT = (
    "SELECT rp.id, rp.peer_id, p.name, p.verified_at, rp.sender_part_id, rp.revision, rp.name, "
    "rp.fields, rp.received_at FROM received_parts rp JOIN peers p ON p.id = rp.peer_id")


def _received(row: Row) -> ReceivedPart:
    return ReceivedPart(id=row[0], peer_id=row[1], peer_name=row[2],
                        peer_verified=row[3] is not None, sender_part_id=row[4],
                        revision=row[5], name=row[6], fields=_load_fields(row[7]),
                        received_at=from_db(row[8]))


def _load_fields(text: str) -> dict[str, FieldValue]:
    value: Any = json.loads(text)
    return {k: v for k, v in value.items() if k in SHAREABLE_FIELDS} \
        if isinstance(value, dict) else {}


class ReceivedPartRepository:
    """Parts received from peers: read-only for the app, written only by an import."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self, peer_id: str | None = None) -> builtins.list[ReceivedPart]:
        """Received parts, by peer, then role, then name."""
        where, params = ("WHERE rp.peer_id = ?", (peer_id,)) if peer_id else ("", ())
        rows = self._db.all(
            f"{_RECEIVED_SELECT} {where} ORDER BY p.name COLLATE NOCASE, "
            f"{_ROLE_ORDER}, rp.name COLLATE NOCASE", params)
        return [_received(r) for r in rows]

    def count(self, peer_id: str | None = None) -> int:
        """How many parts were received (from one peer, or from all)."""
        if peer_id is None:
            return int(self._db.scalar("SELECT count(*) FROM received_parts"))
        return int(self._db.scalar("SELECT count(*) FROM received_parts WHERE peer_id = ?",
                                   (peer_id,)))

    def get(self, received_id: str) -> ReceivedPart:
        """One received part, or :class:`NotFound` (e.g. after the peer withdrew it)."""
        row = self._db.one(f"{_RECEIVED_SELECT} WHERE rp.id = ?", (received_id,))
        if row is None:
            raise NotFound("That part is no longer shared with you.")
        return _received(row)

    def relations(self, peer_id: str | None = None) -> builtins.list[ReceivedRelation]:
        """Relations among received parts."""
        where, params = ("WHERE peer_id = ?", (peer_id,)) if peer_id else ("", ())
        rows = self._db.all("SELECT id, peer_id, kind, from_received_id, to_received_id, note "
                            f"FROM received_relations {where} ORDER BY rowid", params)
        return [ReceivedRelation(r[0], r[1], RelationKind(r[2]), r[3], r[4], r[5]) for r in rows]

    # Used by the import flow ------------------------------------------------------------------

    def held_for_import(self, peer_id: str) -> dict[str, HeldPart]:
        """Parts already received from a peer, by the sender's part id."""
        rows = self._db.all(
            "SELECT rp.sender_part_id, rp.id, rp.revision, rp.name, rp.fields, "
            "(SELECT count(DISTINCT entry_id) FROM entry_parts ep "
            " WHERE ep.received_part_id = rp.id) FROM received_parts rp WHERE rp.peer_id = ?",
            (peer_id,))
        held: dict[str, HeldPart] = {}
        for sender_id, rid, revision, name, fields_text, entries in rows:
            fields = _load_fields(fields_text)
            held[sender_id] = HeldPart(rid, revision, name,
                                       tuple(f for f in SHAREABLE_FIELDS if f in fields),
                                       fields, int(entries))
        return held

    def has_bundle(self, peer_id: str, bundle_id: str) -> bool:
        """True if this bundle from this peer was imported before."""
        return self._db.one("SELECT 1 FROM received_bundles WHERE peer_id = ? AND bundle_id = ?",
                            (peer_id, bundle_id)) is not None

    def store_for_import(self, peer_id: str, part: SharedPart, at: datetime) -> str:
        """Insert or replace one received part, keeping its local id; returns that id."""
        role = part.fields.get("role")
        values = (part.revision, part.name, role if isinstance(role, str) else "",
                  json.dumps(dict(part.fields), ensure_ascii=False, sort_keys=True), to_db(at))
        existing = self._db.scalar("SELECT id FROM received_parts WHERE peer_id = ? AND "
                                   "sender_part_id = ?", (peer_id, part.id))
        if existing is not None:
            self._db.execute("UPDATE received_parts SET revision = ?, name = ?, role = ?, "
                             "fields = ?, received_at = ? WHERE id = ?", (*values, existing))
            return str(existing)
        received_id = new_id()
        self._db.execute("INSERT INTO received_parts (id, peer_id, sender_part_id, revision, "
                         "name, role, fields, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (received_id, peer_id, part.id, *values))
        return received_id

    def replace_relations_for_import(self, peer_id: str, local_ids: Mapping[str, str],
                                     relations: Iterable[SharedRelation]) -> int:
        """Replace the relations among the given parts (sender id → local id) with ``relations``.

        Relations to parts outside ``local_ids`` are left alone. Returns how many were stored.
        """
        among = list(local_ids.values())
        if among:
            marks = ", ".join("?" for _ in among)
            self._db.execute(f"DELETE FROM received_relations WHERE peer_id = ? AND "
                             f"from_received_id IN ({marks}) AND to_received_id IN ({marks})",
                             (peer_id, *among, *among))
        rows = [(new_id(), peer_id, r.kind.value, local_ids[r.from_id], local_ids[r.to_id],
                 r.note) for r in relations if r.from_id in local_ids and r.to_id in local_ids]
        self._db.executemany("INSERT INTO received_relations (id, peer_id, kind, "
                             "from_received_id, to_received_id, note) VALUES (?, ?, ?, ?, ?, ?)",
                             rows)
        return len(rows)

    def withdraw_for_import(self, peer_id: str, sender_ids: Sequence[str]) -> int:
        """Remove withdrawn parts (their relations and mentions in entries go with them)."""
        removed = 0
        for sender_id in sender_ids:
            removed += self._db.execute("DELETE FROM received_parts WHERE peer_id = ? AND "
                                        "sender_part_id = ?", (peer_id, sender_id)).rowcount
        return removed

    def record_bundle_for_import(self, peer_id: str, contents: BundleContents,
                                 at: datetime) -> None:
        """Remember an imported bundle so the same file can't be imported twice."""
        self._db.execute("INSERT INTO received_bundles (peer_id, bundle_id, created, "
                         "imported_at) VALUES (?, ?, ?, ?)",
                         (peer_id, contents.bundle_id, to_db(contents.created), to_db(at)))


# Share log ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class SharedPartRecord:
    """One part in a share-log line: which part, which revision, which fields."""

    id: str
    name: str
    revision: int
    fields: tuple[str, ...]


@dataclass(frozen=True)
class WithdrawnRecord:
    """One part withdrawn in a share-log line."""

    id: str
    name: str


@dataclass(frozen=True)
class ShareLogEntry:
    """What was shared, which fields, with whom and when."""

    id: str
    peer_id: str | None
    peer_name: str
    bundle_id: str
    shared_at: datetime
    parts: tuple[SharedPartRecord, ...]
    fields: tuple[str, ...]
    withdrawn: tuple[WithdrawnRecord, ...]


def _log_entry(row: Row) -> ShareLogEntry:
    parts = tuple(SharedPartRecord(p["id"], p["name"], int(p["revision"]), tuple(p["fields"]))
                  for p in json.loads(row[5]))
    withdrawn = tuple(WithdrawnRecord(w["id"], w["name"]) for w in json.loads(row[7]))
    return ShareLogEntry(id=row[0], peer_id=row[1], peer_name=row[2], bundle_id=row[3],
                         shared_at=from_db(row[4]), parts=parts, fields=tuple(json.loads(row[6])),
                         withdrawn=withdrawn)


class ShareLogRepository:
    """The sender's record of every bundle written."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def record(self, peer: Peer, contents: BundleContents,
               at: datetime | None = None) -> ShareLogEntry:
        """Log a bundle written for ``peer``."""
        names = self._withdrawn_names(peer.id, contents.withdrawn)
        entry = ShareLogEntry(
            id=new_id(), peer_id=peer.id, peer_name=peer.name, bundle_id=contents.bundle_id,
            shared_at=at or utc_now(),
            parts=tuple(SharedPartRecord(p.id, p.name, p.revision, p.field_names)
                        for p in contents.parts),
            fields=tuple(f for f in SHAREABLE_FIELDS
                         if any(f in p.fields for p in contents.parts)),
            withdrawn=tuple(WithdrawnRecord(pid, names.get(pid, ""))
                            for pid in contents.withdrawn))
        with self._db.transaction():
            self._db.execute(
                "INSERT INTO share_log (id, peer_id, peer_name, bundle_id, shared_at, parts, "
                "fields, withdrawn) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (entry.id, entry.peer_id, entry.peer_name, entry.bundle_id,
                 to_db(entry.shared_at),
                 json.dumps([{"id": p.id, "name": p.name, "revision": p.revision,
                              "fields": list(p.fields)} for p in entry.parts],
                            ensure_ascii=False),
                 json.dumps(list(entry.fields)),
                 json.dumps([{"id": w.id, "name": w.name} for w in entry.withdrawn],
                            ensure_ascii=False)))
        return entry

    def _withdrawn_names(self, peer_id: str, ids: Sequence[str]) -> dict[str, str]:
        names = dict(self.currently_shared(peer_id))
        for pid in ids:
            name = self._db.scalar("SELECT name FROM parts WHERE id = ?", (pid,))
            if name is not None:
                names[pid] = name
        return names

    def list(self, peer_id: str | None = None) -> builtins.list[ShareLogEntry]:
        """Log lines, newest first (all, or those for one peer)."""
        where, params = ("WHERE peer_id = ?", (peer_id,)) if peer_id else ("", ())
        rows = self._db.all("SELECT id, peer_id, peer_name, bundle_id, shared_at, parts, "
                            f"fields, withdrawn FROM share_log {where} "
                            "ORDER BY shared_at DESC, rowid DESC", params)
        return [_log_entry(r) for r in rows]

    def currently_shared(self, peer_id: str) -> dict[str, str]:
        """Part id → name of own parts shared with a peer and not withdrawn since."""
        shared: dict[str, str] = {}
        for entry in reversed(self.list(peer_id)):
            for part in entry.parts:
                shared[part.id] = part.name
            for gone in entry.withdrawn:
                shared.pop(gone.id, None)
        return shared
