"""Reading a JSON export back into a new, empty journal (docs/export-format.md).

Everything is checked before anything is written: the file's shape, every type, every id and
time, every text limit of the journal itself, and every reference between records. The first
problem found is reported as an :class:`ImportRejected` that says where in the file it is and
what is wrong. The write is one transaction into an empty vault, so a failed import leaves the
journal empty. Ids, times, revisions, stage histories and map positions are restored as they
were, so exporting the imported journal gives the same file again (apart from ``exported_at``).
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from partsjournal.domain.model import (
    C_QUALITIES,
    PART_TEXT_FIELDS,
    Entry,
    EntryKind,
    Part,
    PartPresence,
    PeerRole,
    Relation,
    RelationKind,
    Role,
    Stage,
    StageEvent,
)
from partsjournal.domain.validation import (
    MAX_NAME,
    MAX_PLANNED_MINUTES,
    check_name,
    check_text,
    validate_entry,
    validate_part,
    validate_relation,
)
from partsjournal.errors import JournalError, ValidationError
from partsjournal.exchange.card import parse_armored
from partsjournal.exchange.payload import SHAREABLE_FIELDS, FieldValue
from partsjournal.reports.export import FORMAT, VERSION
from partsjournal.vault.peers import (
    Peer,
    ReceivedPart,
    ReceivedRelation,
    SharedPartRecord,
    ShareLogEntry,
    WithdrawnRecord,
)
from partsjournal.vault.transfer import (
    PartRecord,
    ReceivedBundle,
    Snapshot,
    is_empty,
    write_snapshot,
)
from partsjournal.vault.vault import Vault

#: An export bigger than this is refused before it is read (a 20,000-entry journal is ~250 MB).
MAX_FILE = 1024 * 1024 * 1024

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_E = TypeVar("_E", Role, Stage, RelationKind, EntryKind, PeerRole)

_TOP = ("format", "version", "exported_at", "identity", "parts", "relations", "peers",
        "received_parts", "received_relations", "received_bundles", "entries", "share_log")
_PART = ("id", "name", "role", *PART_TEXT_FIELDS, "color", "trust_in_self", "stage",
         "archived", "created_at", "updated_at", "revision", "map_position", "stage_history")
_EVENT = ("id", "stage", "occurred_at", "note")
_RELATION = ("id", "kind", "from_part_id", "to_part_id", "note", "created_at")
_PEER = ("id", "name", "fingerprint", "verified", "verified_at", "added_at", "card")
_RECEIVED = ("id", "peer_id", "sender_part_id", "revision", "name", "fields", "received_at")
_RECEIVED_RELATION = ("id", "peer_id", "kind", "from_received_id", "to_received_id", "note")
_BUNDLE = ("peer_id", "bundle_id", "created", "imported_at")
_ENTRY = ("id", "occurred_at", "kind", "title", "body", "trailhead", "self_energy",
          "qualities", "parts", "peer_id", "my_role", "planned_minutes", "agreements",
          "debrief", "created_at", "updated_at")
_PRESENCE = ("part_id", "received_part_id", "name", "note")
_SHARE = ("id", "peer_id", "peer_name", "bundle_id", "shared_at", "parts", "fields",
          "withdrawn")
_SHARED_PART = ("id", "name", "revision", "fields")
_WITHDRAWN = ("id", "name")


class ImportRejected(JournalError):
    """An export file that can't be imported; ``where`` points into the file (e.g. entries[3])."""

    def __init__(self, where: str, problem: str) -> None:
        place = f" At {where}: " if where else " "
        super().__init__(f"This export file can't be imported.{place}{problem} Nothing was "
                         "imported.")
        self.where = where
        self.problem = problem


@dataclass(frozen=True)
class ImportResult:
    """What an import restored."""

    parts: int
    entries: int
    peers: int
    received_parts: int


# Reading the file --------------------------------------------------------------------------

def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ImportRejected("", f"The key “{key[:40]}” appears twice in one object.")
        result[key] = value
    return result


def _no_constants(name: str) -> NoReturn:
    raise ImportRejected("", f"It contains {name}, which is not a number JSON allows.")


def load_document(path: Path) -> dict[str, Any]:
    """Read the file as a JSON object, refusing what is too big, not UTF-8 or not JSON."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_size > MAX_FILE:
                raise ImportRejected("", f"The file is bigger than {MAX_FILE // 2**20:,} MB, far "
                                     "bigger than any journal export.")
            data = handle.read(MAX_FILE + 1)
    except OSError as exc:
        raise JournalError(f"The file {path} can't be read ({exc.strerror or exc}).") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRejected("", "It is not UTF-8 text, so it is not a Parts Journal "
                             "export.") from None
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates,
                           parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        raise ImportRejected("", f"It is not valid JSON (line {exc.lineno}, column "
                             f"{exc.colno}: {exc.msg}). It may be incomplete or damaged."
                             ) from None
    except RecursionError:
        raise ImportRejected("", "It is nested far too deeply to be an export.") from None
    if not isinstance(value, dict):
        raise ImportRejected("", "It is JSON, but not a Parts Journal export (it is not an "
                             "object).")
    return value


def read_export(path: Path) -> Snapshot:
    """Read and strictly validate an export file; raises :class:`ImportRejected`."""
    return parse_document(load_document(path))


def import_json(path: Path, into: Vault) -> ImportResult:
    """Import an export file into ``into``, which must be a new, empty journal.

    Validation happens first and the write is one transaction: on any failure the journal is
    left exactly as empty as it was.
    """
    if not is_empty(into):
        raise JournalError("An export can only be imported into a new, empty journal. "
                           "Nothing was changed.")
    snapshot = read_export(path)
    write_snapshot(into, snapshot)
    return ImportResult(len(snapshot.parts), len(snapshot.entries), len(snapshot.peers),
                        len(snapshot.received_parts))


# Checking values ---------------------------------------------------------------------------

def _fail(where: str, problem: str) -> NoReturn:
    raise ImportRejected(where, problem)


def _object(value: Any, where: str, keys: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(value, dict):
        _fail(where, "This should be an object ({…}).")
    missing = [k for k in keys if k not in value]
    if missing:
        _fail(where, f"“{missing[0]}” is missing.")
    unknown = sorted(set(value) - set(keys))
    if unknown:
        _fail(where, f"“{unknown[0][:40]}” is not part of the export format.")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        _fail(where, "This should be a list ([…]).")
    return value


def _str(value: Any, where: str) -> str:
    if not isinstance(value, str):
        _fail(where, "This should be text.")
    return value


def _text(value: Any, where: str, limit: int | None = None) -> str:
    text = _str(value, where)
    if limit is not None and len(text) > limit:
        _fail(where, f"This text has {len(text):,} characters; at most {limit:,} are allowed.")
    try:
        return check_text(text, where, "This text")
    except ValidationError as exc:
        _fail(where, str(exc))


def _name(value: Any, where: str) -> str:
    text = _str(value, where)
    cleaned = _checked(lambda: check_name(text, where, "This name"), where)
    if cleaned != text:
        _fail(where, "This name starts or ends with spaces.")
    return text


def _checked(check: Callable[[], Any], where: str) -> Any:
    try:
        return check()
    except ValidationError as exc:
        _fail(where, str(exc))


def _id(value: Any, where: str) -> str:
    text = _str(value, where)
    if not _UUID.match(text):
        _fail(where, f"“{text[:60]}” is not a valid id (a lowercase UUID).")
    return text


def _opt_id(value: Any, where: str) -> str | None:
    return None if value is None else _id(value, where)


def _time(value: Any, where: str) -> datetime:
    text = _str(value, where)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        _fail(where, f"“{text[:40]}” is not a date and time (ISO 8601).")
    if moment.tzinfo is None:
        _fail(where, f"“{text[:40]}” has no time zone; times are written like "
              "2026-03-01T09:30:00+00:00.")
    return moment


def _opt_time(value: Any, where: str) -> datetime | None:
    return None if value is None else _time(value, where)


def _int(value: Any, where: str, low: int, high: int) -> int:
    if type(value) is not int:
        _fail(where, "This should be a whole number.")
    if not low <= value <= high:
        _fail(where, f"{value} is out of range ({low} to {high:,}).")
    return value


def _opt_int(value: Any, where: str, low: int, high: int) -> int | None:
    return None if value is None else _int(value, where, low, high)


def _bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        _fail(where, "This should be true or false.")
    return value


def _enum(kind: type[_E], value: Any, where: str) -> _E:
    text = _str(value, where)
    try:
        return kind(text)
    except ValueError:
        choices = ", ".join(m.value for m in kind)
        _fail(where, f"“{text[:40]}” is not one of: {choices}.")


def _unique(seen: set[Any], key: Any, where: str, what: str) -> None:
    if key in seen:
        _fail(where, f"{what} appears twice.")
    seen.add(key)


MAX_REVISION = 2**53 - 1


# The document ------------------------------------------------------------------------------

def parse_document(doc: dict[str, Any]) -> Snapshot:
    """Validate an export's JSON object and turn it into a :class:`Snapshot`."""
    if doc.get("format") != FORMAT:
        _fail("", "It is not a Parts Journal export (its “format” is not "
              f"“{FORMAT}”).")
    version = doc.get("version")
    if type(version) is int and version > VERSION:
        raise JournalError("This export was made by a newer version of Parts Journal. Update "
                           "Parts Journal, then import it again. Nothing was imported.")
    if type(version) is not int or version != VERSION:
        _fail("version", f"The version must be {VERSION}.")
    _object(doc, "the file", _TOP)
    _time(doc["exported_at"], "exported_at")
    identity = _object(doc["identity"], "identity", ("display_name",))
    display_name = _str(identity["display_name"], "identity.display_name")
    if display_name:
        _name(display_name, "identity.display_name")

    parts = [_part(v, f"parts[{n}]") for n, v in enumerate(_list(doc["parts"], "parts"))]
    part_ids: set[str] = set()
    event_ids: set[str] = set()
    for n, record in enumerate(parts):
        _unique(part_ids, record.part.id, f"parts[{n}].id", "This part id")
        for m, event in enumerate(record.history):
            _unique(event_ids, event.id, f"parts[{n}].stage_history[{m}].id",
                    "This stage-event id")

    relations = _relations(doc["relations"], part_ids)
    peers = _peers(doc["peers"])
    peer_by_id = {p.id: p for p in peers}
    received = _received_parts(doc["received_parts"], peer_by_id)
    received_by_id = {r.id: r for r in received}
    received_relations = _received_relations(doc["received_relations"], received_by_id)
    bundles = _bundles(doc["received_bundles"], peer_by_id)
    entries = _entries(doc["entries"], part_ids, received_by_id, peer_by_id)
    share_log = _share_log(doc["share_log"], peer_by_id)
    return Snapshot(display_name=display_name, parts=parts, relations=relations, peers=peers,
                    received_parts=received, received_relations=received_relations,
                    received_bundles=bundles, entries=entries, share_log=share_log)


def _part(value: Any, where: str) -> PartRecord:
    v = _object(value, where, _PART)
    part_id = _id(v["id"], f"{where}.id")
    texts = {f: _text(v[f], f"{where}.{f}") for f in PART_TEXT_FIELDS}
    part = Part(
        id=part_id, name=_name(v["name"], f"{where}.name"),
        role=_enum(Role, v["role"], f"{where}.role"), **texts,
        color=_str(v["color"], f"{where}.color"),
        trust_in_self=_opt_int(v["trust_in_self"], f"{where}.trust_in_self", 0, 10),
        stage=_enum(Stage, v["stage"], f"{where}.stage"),
        archived=_bool(v["archived"], f"{where}.archived"),
        created_at=_time(v["created_at"], f"{where}.created_at"),
        updated_at=_time(v["updated_at"], f"{where}.updated_at"),
        revision=_int(v["revision"], f"{where}.revision", 1, MAX_REVISION))
    _checked(partial(validate_part, part), where)
    position = None
    if v["map_position"] is not None:
        pos = _object(v["map_position"], f"{where}.map_position", ("x", "y"))
        xy = []
        for axis in ("x", "y"):
            number = pos[axis]
            if isinstance(number, bool) or not isinstance(number, int | float) \
                    or not math.isfinite(number):
                _fail(f"{where}.map_position.{axis}", "This should be a number.")
            xy.append(float(number))
        position = (xy[0], xy[1])
    history = []
    for m, item in enumerate(_list(v["stage_history"], f"{where}.stage_history")):
        at = f"{where}.stage_history[{m}]"
        e = _object(item, at, _EVENT)
        history.append(StageEvent(part_id=part_id, id=_id(e["id"], f"{at}.id"),
                                  stage=_enum(Stage, e["stage"], f"{at}.stage"),
                                  occurred_at=_time(e["occurred_at"], f"{at}.occurred_at"),
                                  note=_text(e["note"], f"{at}.note")))
    return PartRecord(part, history, position)


def _relations(value: Any, part_ids: set[str]) -> list[Relation]:
    relations: list[Relation] = []
    ids: set[str] = set()
    pairs: set[tuple[str, str, str]] = set()
    for n, item in enumerate(_list(value, "relations")):
        where = f"relations[{n}]"
        v = _object(item, where, _RELATION)
        relation = Relation(
            id=_id(v["id"], f"{where}.id"),
            kind=_enum(RelationKind, v["kind"], f"{where}.kind"),
            from_part_id=_id(v["from_part_id"], f"{where}.from_part_id"),
            to_part_id=_id(v["to_part_id"], f"{where}.to_part_id"),
            note=_text(v["note"], f"{where}.note"),
            created_at=_time(v["created_at"], f"{where}.created_at"))
        _unique(ids, relation.id, f"{where}.id", "This relation id")
        for end in ("from_part_id", "to_part_id"):
            if getattr(relation, end) not in part_ids:
                _fail(f"{where}.{end}", "No part in this file has this id.")
        _checked(partial(validate_relation, relation), where)
        keys = {(relation.kind.value, relation.from_part_id, relation.to_part_id)}
        if not relation.kind.directed:
            keys.add((relation.kind.value, relation.to_part_id, relation.from_part_id))
        if keys & pairs:
            _fail(where, "The same relationship between these two parts appears twice.")
        pairs |= keys
        relations.append(relation)
    return relations


def _peers(value: Any) -> list[Peer]:
    peers: list[Peer] = []
    ids: set[str] = set()
    names: set[str] = set()
    prints: set[str] = set()
    for n, item in enumerate(_list(value, "peers")):
        where = f"peers[{n}]"
        v = _object(item, where, _PEER)
        peer_id = _id(v["id"], f"{where}.id")
        name = _name(v["name"], f"{where}.name")
        fingerprint = _str(v["fingerprint"], f"{where}.fingerprint")
        if not _HEX64.match(fingerprint):
            _fail(f"{where}.fingerprint", "A fingerprint is 64 lowercase hex digits.")
        try:
            card = parse_armored(_str(v["card"], f"{where}.card"))
        except JournalError as exc:
            _fail(f"{where}.card", str(exc))
        if card.fingerprint.hex != fingerprint:
            _fail(f"{where}.fingerprint", "It doesn't match the keys on the peer's card.")
        verified = _bool(v["verified"], f"{where}.verified")
        verified_at = _opt_time(v["verified_at"], f"{where}.verified_at")
        if verified != (verified_at is not None):
            _fail(f"{where}.verified_at", "A verified peer has a verification time, and an "
                  "unverified one has none (null).")
        _unique(ids, peer_id, f"{where}.id", "This peer id")
        _unique(names, name.casefold(), f"{where}.name", "This peer name")
        _unique(prints, fingerprint, f"{where}.fingerprint", "This fingerprint")
        peers.append(Peer(peer_id, name, card, verified_at,
                          _time(v["added_at"], f"{where}.added_at")))
    return peers


def _field(name: str, value: Any, where: str) -> FieldValue:
    if name == "name":
        return _name(value, where)
    if name == "role":
        return _enum(Role, value, where).value
    if name == "stage":
        return _enum(Stage, value, where).value
    if name == "trust_in_self":
        return _opt_int(value, where, 0, 10)
    if name == "color":
        text = _str(value, where)
        if text and not re.fullmatch(r"#[0-9a-fA-F]{6}", text):
            _fail(where, "A colour is written as #rrggbb.")
        return text
    return _text(value, where)


def _received_parts(value: Any, peers: dict[str, Peer]) -> list[ReceivedPart]:
    received: list[ReceivedPart] = []
    ids: set[str] = set()
    senders: set[tuple[str, str]] = set()
    for n, item in enumerate(_list(value, "received_parts")):
        where = f"received_parts[{n}]"
        v = _object(item, where, _RECEIVED)
        rid = _id(v["id"], f"{where}.id")
        peer_id = _id(v["peer_id"], f"{where}.peer_id")
        if peer_id not in peers:
            _fail(f"{where}.peer_id", "No peer in this file has this id.")
        sender_part_id = _id(v["sender_part_id"], f"{where}.sender_part_id")
        name = _name(v["name"], f"{where}.name")
        raw = v["fields"]
        if not isinstance(raw, dict):
            _fail(f"{where}.fields", "This should be an object ({…}).")
        unknown = sorted(set(raw) - set(SHAREABLE_FIELDS))
        if unknown:
            _fail(f"{where}.fields", f"“{unknown[0][:40]}” is not a field of a part.")
        fields = {f: _field(f, raw[f], f"{where}.fields.{f}") for f in SHAREABLE_FIELDS
                  if f in raw}
        if fields.get("name") != name:
            _fail(f"{where}.fields.name", "The shared fields must hold the part's name.")
        _unique(ids, rid, f"{where}.id", "This received-part id")
        _unique(senders, (peer_id, sender_part_id), f"{where}.sender_part_id",
                "The same part from the same peer")
        peer = peers[peer_id]
        received.append(ReceivedPart(
            id=rid, peer_id=peer_id, peer_name=peer.name, peer_verified=peer.verified,
            sender_part_id=sender_part_id,
            revision=_int(v["revision"], f"{where}.revision", 1, MAX_REVISION), name=name,
            fields=fields, received_at=_time(v["received_at"], f"{where}.received_at")))
    return received


def _received_relations(value: Any, received: dict[str, ReceivedPart]
                        ) -> list[ReceivedRelation]:
    relations: list[ReceivedRelation] = []
    ids: set[str] = set()
    for n, item in enumerate(_list(value, "received_relations")):
        where = f"received_relations[{n}]"
        v = _object(item, where, _RECEIVED_RELATION)
        relation = ReceivedRelation(
            id=_id(v["id"], f"{where}.id"), peer_id=_id(v["peer_id"], f"{where}.peer_id"),
            kind=_enum(RelationKind, v["kind"], f"{where}.kind"),
            from_received_id=_id(v["from_received_id"], f"{where}.from_received_id"),
            to_received_id=_id(v["to_received_id"], f"{where}.to_received_id"),
            note=_text(v["note"], f"{where}.note"))
        _unique(ids, relation.id, f"{where}.id", "This relation id")
        for end in ("from_received_id", "to_received_id"):
            part = received.get(getattr(relation, end))
            if part is None:
                _fail(f"{where}.{end}", "No received part in this file has this id.")
            if part.peer_id != relation.peer_id:
                _fail(f"{where}.{end}", "This part was received from a different peer.")
        relations.append(relation)
    return relations


def _bundles(value: Any, peers: dict[str, Peer]) -> list[ReceivedBundle]:
    bundles: list[ReceivedBundle] = []
    seen: set[tuple[str, str]] = set()
    for n, item in enumerate(_list(value, "received_bundles")):
        where = f"received_bundles[{n}]"
        v = _object(item, where, _BUNDLE)
        bundle = ReceivedBundle(
            peer_id=_id(v["peer_id"], f"{where}.peer_id"),
            bundle_id=_id(v["bundle_id"], f"{where}.bundle_id"),
            created=_time(v["created"], f"{where}.created"),
            imported_at=_time(v["imported_at"], f"{where}.imported_at"))
        if bundle.peer_id not in peers:
            _fail(f"{where}.peer_id", "No peer in this file has this id.")
        _unique(seen, (bundle.peer_id, bundle.bundle_id), where, "This bundle")
        bundles.append(bundle)
    return bundles


def _entries(value: Any, part_ids: set[str], received: dict[str, ReceivedPart],
             peers: dict[str, Peer]) -> list[Entry]:
    entries: list[Entry] = []
    ids: set[str] = set()
    for n, item in enumerate(_list(value, "entries")):
        where = f"entries[{n}]"
        v = _object(item, where, _ENTRY)
        entry = Entry(
            id=_id(v["id"], f"{where}.id"),
            occurred_at=_time(v["occurred_at"], f"{where}.occurred_at"),
            kind=_enum(EntryKind, v["kind"], f"{where}.kind"),
            title=_text(v["title"], f"{where}.title", MAX_NAME),
            body=_text(v["body"], f"{where}.body"),
            trailhead=_text(v["trailhead"], f"{where}.trailhead"),
            self_energy=_opt_int(v["self_energy"], f"{where}.self_energy", 0, 10),
            qualities=_qualities(v["qualities"], f"{where}.qualities"),
            parts=_presences(v["parts"], f"{where}.parts", part_ids, received),
            peer_id=_opt_id(v["peer_id"], f"{where}.peer_id"),
            my_role=None if v["my_role"] is None
            else _enum(PeerRole, v["my_role"], f"{where}.my_role"),
            planned_minutes=_opt_int(v["planned_minutes"], f"{where}.planned_minutes", 1,
                                     MAX_PLANNED_MINUTES),
            agreements=_text(v["agreements"], f"{where}.agreements"),
            debrief=_text(v["debrief"], f"{where}.debrief"),
            created_at=_time(v["created_at"], f"{where}.created_at"),
            updated_at=_time(v["updated_at"], f"{where}.updated_at"))
        if entry.kind is not EntryKind.PEER_SESSION:
            for key in ("peer_id", "my_role", "planned_minutes"):
                if v[key] is not None:
                    _fail(f"{where}.{key}", "Only a peer session has this; it should be null.")
        if entry.peer_id is not None and entry.peer_id not in peers:
            _fail(f"{where}.peer_id", "No peer in this file has this id.")
        _checked(partial(validate_entry, entry), where)
        _unique(ids, entry.id, f"{where}.id", "This entry id")
        entries.append(entry)
    return entries


def _qualities(value: Any, where: str) -> dict[str, int]:
    if not isinstance(value, dict):
        _fail(where, "This should be an object ({…}).")
    unknown = sorted(set(value) - set(C_QUALITIES))
    if unknown:
        _fail(where, f"“{unknown[0][:40]}” is not one of the 8 C's.")
    return {q: _int(value[q], f"{where}.{q}", 0, 10) for q in C_QUALITIES if q in value}


def _presences(value: Any, where: str, part_ids: set[str], received: dict[str, ReceivedPart]
               ) -> list[PartPresence]:
    presences: list[PartPresence] = []
    for n, item in enumerate(_list(value, where)):
        at = f"{where}[{n}]"
        v = _object(item, at, _PRESENCE)
        presence = PartPresence(part_id=_opt_id(v["part_id"], f"{at}.part_id"),
                                received_part_id=_opt_id(v["received_part_id"],
                                                         f"{at}.received_part_id"),
                                note=_text(v["note"], f"{at}.note"),
                                name=_str(v["name"], f"{at}.name"))
        if presence.part_id is not None and presence.part_id not in part_ids:
            _fail(f"{at}.part_id", "No part in this file has this id.")
        if presence.received_part_id is not None and presence.received_part_id not in received:
            _fail(f"{at}.received_part_id", "No received part in this file has this id.")
        presences.append(presence)
    return presences


def _share_log(value: Any, peers: dict[str, Peer]) -> list[ShareLogEntry]:
    log: list[ShareLogEntry] = []
    ids: set[str] = set()
    for n, item in enumerate(_list(value, "share_log")):
        where = f"share_log[{n}]"
        v = _object(item, where, _SHARE)
        peer_id = _opt_id(v["peer_id"], f"{where}.peer_id")
        if peer_id is not None and peer_id not in peers:
            _fail(f"{where}.peer_id", "No peer in this file has this id.")
        parts = []
        for m, raw in enumerate(_list(v["parts"], f"{where}.parts")):
            at = f"{where}.parts[{m}]"
            p = _object(raw, at, _SHARED_PART)
            parts.append(SharedPartRecord(
                _id(p["id"], f"{at}.id"), _text(p["name"], f"{at}.name", MAX_NAME),
                _int(p["revision"], f"{at}.revision", 1, MAX_REVISION),
                _field_names(p["fields"], f"{at}.fields")))
        withdrawn = []
        for m, raw in enumerate(_list(v["withdrawn"], f"{where}.withdrawn")):
            at = f"{where}.withdrawn[{m}]"
            w = _object(raw, at, _WITHDRAWN)
            withdrawn.append(WithdrawnRecord(_id(w["id"], f"{at}.id"),
                                             _text(w["name"], f"{at}.name", MAX_NAME)))
        entry = ShareLogEntry(
            id=_id(v["id"], f"{where}.id"), peer_id=peer_id,
            peer_name=_text(v["peer_name"], f"{where}.peer_name", MAX_NAME),
            bundle_id=_id(v["bundle_id"], f"{where}.bundle_id"),
            shared_at=_time(v["shared_at"], f"{where}.shared_at"), parts=tuple(parts),
            fields=_field_names(v["fields"], f"{where}.fields"), withdrawn=tuple(withdrawn))
        _unique(ids, entry.id, f"{where}.id", "This share-log id")
        log.append(entry)
    return log


def _field_names(value: Any, where: str) -> tuple[str, ...]:
    names = tuple(_str(item, f"{where}[{n}]") for n, item in enumerate(_list(value, where)))
    for n, name in enumerate(names):
        if name not in SHAREABLE_FIELDS:
            _fail(f"{where}[{n}]", f"“{name[:40]}” is not a field of a part.")
    return names


__all__ = ["MAX_FILE", "ImportRejected", "ImportResult", "import_json", "load_document",
           "parse_document", "read_export"]
