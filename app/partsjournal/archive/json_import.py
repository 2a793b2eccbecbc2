"""Reading a JSON export back into a new, empty journal (docs/export-format.md).

Everything is checked before anything is written: the file's shape, every type, every id and
time, every text limit of the journal itself, and every reference between records. The first
problem found is reported as an :class:`ImportRejected` that says where in the file it is and
what is wrong. The write is one transaction into an empty vault, so a failed import leaves the
journal empty. Everything is restored as it was — the optional keys each by its own module
(``archive/*_json.py``) — so exporting the imported journal gives the same file again (apart from
``exported_at``, and pictures, which are cleaned again). Every format version up to
:data:`VERSION` is read.
"""

from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, NoReturn

from partsjournal.archive import agreements_json, body_spots_json, checkins_json, pictures_json
from partsjournal.archive import checks as check
from partsjournal.archive.checks import ImportRejected
from partsjournal.archive.json_export import (
    FORMAT,
    VERSION,
    VERSION_WITH_AGREEMENTS,
    VERSION_WITH_BODY_SPOTS,
    VERSION_WITH_CHECKINS,
    VERSION_WITH_PEER_WISHES,
    VERSION_WITH_PICTURES,
    VERSION_WITH_TEMPLATES,
    VERSION_WITH_WORDS,
    VERSION_WITHOUT_WORDS,
)
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
    validate_entry,
    validate_part,
    validate_relation,
)
from partsjournal.errors import JournalError
from partsjournal.exchange.card import parse_armored
from partsjournal.exchange.payload import SHAREABLE_FIELDS, FieldValue
from partsjournal.vault.peers import (
    Peer,
    ReceivedPart,
    ReceivedRelation,
    SharedPartRecord,
    ShareLogEntry,
    WithdrawnRecord,
)
from partsjournal.vault.snapshot import (
    OwnTemplate,
    PartRecord,
    PersonalWord,
    ReceivedBundle,
    Snapshot,
)
from partsjournal.vault.vault import Vault

#: An export bigger than this is refused before it is read (a 20,000-entry journal is ~250 MB).
MAX_FILE = 1024 * 1024 * 1024

_HEX64 = re.compile(r"^[0-9a-f]{64}$")

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
#: The optional top-level keys (absent: none): (key, the version that adds it, what it holds).
_WORDS_KEY = "personal_words"
_WORD = ("word", "added_at")
_TEMPLATES_KEY = "entry_templates"
_TEMPLATE = ("kind", "body", "updated_at")
_OPTIONAL = ((_WORDS_KEY, VERSION_WITH_WORDS, "personal words"),
             (_TEMPLATES_KEY, VERSION_WITH_TEMPLATES, "own entry templates"),
             (agreements_json.KEY, VERSION_WITH_AGREEMENTS, "agreements"),
             (body_spots_json.KEY, VERSION_WITH_BODY_SPOTS, "body-map spots"),
             (checkins_json.PLANS_KEY, VERSION_WITH_CHECKINS, "planned check-ins"),
             (checkins_json.WISHES_KEY, VERSION_WITH_PEER_WISHES, "peers' session wishes"),
             (pictures_json.KEY, VERSION_WITH_PICTURES, "pictures"))
_VERSIONS = tuple(range(VERSION_WITHOUT_WORDS, VERSION + 1))


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
    return document_from_bytes(data)


def document_from_bytes(data: bytes) -> dict[str, Any]:
    """Parse an export's bytes as a JSON object, refusing what is not UTF-8 or not JSON."""
    if len(data) > MAX_FILE:
        raise ImportRejected("", f"The file is bigger than {MAX_FILE // 2**20:,} MB, far "
                             "bigger than any journal export.")
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
    if not into.is_empty():
        raise JournalError("An export can only be imported into a new, empty journal. "
                           "Nothing was changed.")
    snapshot = read_export(path)
    into.write_snapshot(snapshot)
    return ImportResult(len(snapshot.parts), len(snapshot.entries), len(snapshot.peers),
                        len(snapshot.received_parts))


# Checking values ---------------------------------------------------------------------------

# The document ------------------------------------------------------------------------------

def parse_document(doc: dict[str, Any]) -> Snapshot:
    """Validate an export's JSON object and turn it into a :class:`Snapshot`."""
    if doc.get("format") != FORMAT:
        check.fail("", "It is not a Parts Journal export (its “format” is not "
              f"“{FORMAT}”).")
    version = doc.get("version")
    if type(version) is int and version > VERSION:
        raise JournalError("This export was made by a newer version of Parts Journal. Update "
                           "Parts Journal, then import it again. Nothing was imported.")
    if type(version) is not int or version not in _VERSIONS:
        check.fail("version", f"The version must be {', '.join(map(str, _VERSIONS[:-1]))} or "
                   f"{_VERSIONS[-1]}.")
    for key, since, what in _OPTIONAL:
        if key in doc and version < since:
            check.fail(key, f"A file with {what} says version {since}; in version {version} "
                       "this key does not exist.")
    check.obj(doc, "the file", (*_TOP, *(key for key, _, _ in _OPTIONAL if key in doc)))
    check.moment(doc["exported_at"], "exported_at")
    identity = check.obj(doc["identity"], "identity", ("display_name",))
    display_name = check.string(identity["display_name"], "identity.display_name")
    if display_name:
        check.name(display_name, "identity.display_name")

    parts = [_part(v, f"parts[{n}]") for n, v in enumerate(check.items(doc["parts"], "parts"))]
    part_ids: set[str] = set()
    event_ids: set[str] = set()
    for n, record in enumerate(parts):
        check.unique(part_ids, record.part.id, f"parts[{n}].id", "This part id")
        for m, event in enumerate(record.history):
            check.unique(event_ids, event.id, f"parts[{n}].stage_history[{m}].id",
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
    words = _personal_words(doc.get(_WORDS_KEY, []))
    templates = _entry_templates(doc.get(_TEMPLATES_KEY, []))
    entry_ids, get = {e.id for e in entries}, doc.get
    return Snapshot(display_name=display_name, parts=parts, relations=relations, peers=peers,
                    received_parts=received, received_relations=received_relations,
                    received_bundles=bundles, entries=entries, share_log=share_log,
                    personal_words=words, entry_templates=templates,
                    agreements=agreements_json.from_json(get(agreements_json.KEY, []), part_ids,
                                                         entry_ids),
                    body_spots=body_spots_json.from_json(get(body_spots_json.KEY, []), part_ids),
                    checkin_plans=checkins_json.plans_from_json(
                        get(checkins_json.PLANS_KEY, []), part_ids, entry_ids),
                    peer_wishes=checkins_json.wishes_from_json(
                        get(checkins_json.WISHES_KEY, []), set(peer_by_id)),
                    pictures=pictures_json.from_json(get(pictures_json.KEY, []), part_ids,
                                                     entry_ids))


def _part(value: Any, where: str) -> PartRecord:
    v = check.obj(value, where, _PART)
    part_id = check.ident(v["id"], f"{where}.id")
    texts = {f: check.text(v[f], f"{where}.{f}") for f in PART_TEXT_FIELDS}
    part = Part(
        id=part_id, name=check.name(v["name"], f"{where}.name"),
        role=check.choice(Role, v["role"], f"{where}.role"), **texts,
        color=check.string(v["color"], f"{where}.color"),
        trust_in_self=check.opt_integer(v["trust_in_self"], f"{where}.trust_in_self", 0, 10),
        stage=check.choice(Stage, v["stage"], f"{where}.stage"),
        archived=check.boolean(v["archived"], f"{where}.archived"),
        created_at=check.moment(v["created_at"], f"{where}.created_at"),
        updated_at=check.moment(v["updated_at"], f"{where}.updated_at"),
        revision=check.integer(v["revision"], f"{where}.revision", 1, check.MAX_REVISION))
    check.checked(partial(validate_part, part), where)
    position = None
    if v["map_position"] is not None:
        pos = check.obj(v["map_position"], f"{where}.map_position", ("x", "y"))
        xy = []
        for axis in ("x", "y"):
            number = pos[axis]
            if isinstance(number, bool) or not isinstance(number, int | float) \
                    or not math.isfinite(number):
                check.fail(f"{where}.map_position.{axis}", "This should be a number.")
            xy.append(float(number))
        position = (xy[0], xy[1])
    history = []
    for m, item in enumerate(check.items(v["stage_history"], f"{where}.stage_history")):
        at = f"{where}.stage_history[{m}]"
        e = check.obj(item, at, _EVENT)
        history.append(StageEvent(part_id=part_id, id=check.ident(e["id"], f"{at}.id"),
                                  stage=check.choice(Stage, e["stage"], f"{at}.stage"),
                                  occurred_at=check.moment(e["occurred_at"], f"{at}.occurred_at"),
                                  note=check.text(e["note"], f"{at}.note")))
    return PartRecord(part, history, position)


def _relations(value: Any, part_ids: set[str]) -> list[Relation]:
    relations: list[Relation] = []
    ids: set[str] = set()
    pairs: set[tuple[str, str, str]] = set()
    for n, item in enumerate(check.items(value, "relations")):
        where = f"relations[{n}]"
        v = check.obj(item, where, _RELATION)
        relation = Relation(
            id=check.ident(v["id"], f"{where}.id"),
            kind=check.choice(RelationKind, v["kind"], f"{where}.kind"),
            from_part_id=check.ident(v["from_part_id"], f"{where}.from_part_id"),
            to_part_id=check.ident(v["to_part_id"], f"{where}.to_part_id"),
            note=check.text(v["note"], f"{where}.note"),
            created_at=check.moment(v["created_at"], f"{where}.created_at"))
        check.unique(ids, relation.id, f"{where}.id", "This relation id")
        for end in ("from_part_id", "to_part_id"):
            if getattr(relation, end) not in part_ids:
                check.fail(f"{where}.{end}", "No part in this file has this id.")
        check.checked(partial(validate_relation, relation), where)
        keys = {(relation.kind.value, relation.from_part_id, relation.to_part_id)}
        if not relation.kind.directed:
            keys.add((relation.kind.value, relation.to_part_id, relation.from_part_id))
        if keys & pairs:
            check.fail(where, "The same relationship between these two parts appears twice.")
        pairs |= keys
        relations.append(relation)
    return relations


def _peers(value: Any) -> list[Peer]:
    peers: list[Peer] = []
    ids: set[str] = set()
    names: set[str] = set()
    prints: set[str] = set()
    for n, item in enumerate(check.items(value, "peers")):
        where = f"peers[{n}]"
        v = check.obj(item, where, _PEER)
        peer_id = check.ident(v["id"], f"{where}.id")
        name = check.name(v["name"], f"{where}.name")
        fingerprint = check.string(v["fingerprint"], f"{where}.fingerprint")
        if not _HEX64.match(fingerprint):
            check.fail(f"{where}.fingerprint", "A fingerprint is 64 lowercase hex digits.")
        try:
            card = parse_armored(check.string(v["card"], f"{where}.card"))
        except JournalError as exc:
            check.fail(f"{where}.card", str(exc))
        if card.fingerprint.hex != fingerprint:
            check.fail(f"{where}.fingerprint", "It doesn't match the keys on the peer's card.")
        verified = check.boolean(v["verified"], f"{where}.verified")
        verified_at = check.opt_moment(v["verified_at"], f"{where}.verified_at")
        if verified != (verified_at is not None):
            check.fail(f"{where}.verified_at", "A verified peer has a verification time, and an "
                  "unverified one has none (null).")
        check.unique(ids, peer_id, f"{where}.id", "This peer id")
        check.unique(names, name.casefold(), f"{where}.name", "This peer name")
        check.unique(prints, fingerprint, f"{where}.fingerprint", "This fingerprint")
        peers.append(Peer(peer_id, name, card, verified_at,
                          check.moment(v["added_at"], f"{where}.added_at")))
    return peers


def _field(name: str, value: Any, where: str) -> FieldValue:
    if name == "name":
        return check.name(value, where)
    if name == "role":
        return check.choice(Role, value, where).value
    if name == "stage":
        return check.choice(Stage, value, where).value
    if name == "trust_in_self":
        return check.opt_integer(value, where, 0, 10)
    if name == "color":
        text = check.string(value, where)
        if text and not re.fullmatch(r"#[0-9a-fA-F]{6}", text):
            check.fail(where, "A colour is written as #rrggbb.")
        return text
    return check.text(value, where)


def _received_parts(value: Any, peers: dict[str, Peer]) -> list[ReceivedPart]:
    received: list[ReceivedPart] = []
    ids: set[str] = set()
    senders: set[tuple[str, str]] = set()
    for n, item in enumerate(check.items(value, "received_parts")):
        where = f"received_parts[{n}]"
        v = check.obj(item, where, _RECEIVED)
        rid = check.ident(v["id"], f"{where}.id")
        peer_id = check.ident(v["peer_id"], f"{where}.peer_id")
        if peer_id not in peers:
            check.fail(f"{where}.peer_id", "No peer in this file has this id.")
        sender_part_id = check.ident(v["sender_part_id"], f"{where}.sender_part_id")
        name = check.name(v["name"], f"{where}.name")
        raw = v["fields"]
        if not isinstance(raw, dict):
            check.fail(f"{where}.fields", "This should be an object ({…}).")
        unknown = sorted(set(raw) - set(SHAREABLE_FIELDS))
        if unknown:
            check.fail(f"{where}.fields", f"“{unknown[0][:40]}” is not a field of a part.")
        fields = {f: _field(f, raw[f], f"{where}.fields.{f}") for f in SHAREABLE_FIELDS
                  if f in raw}
        if fields.get("name") != name:
            check.fail(f"{where}.fields.name", "The shared fields must hold the part's name.")
        check.unique(ids, rid, f"{where}.id", "This received-part id")
        check.unique(senders, (peer_id, sender_part_id), f"{where}.sender_part_id",
                "The same part from the same peer")
        peer = peers[peer_id]
        received.append(ReceivedPart(
            id=rid, peer_id=peer_id, peer_name=peer.name, peer_verified=peer.verified,
            sender_part_id=sender_part_id,
            revision=check.integer(v["revision"], f"{where}.revision", 1, check.MAX_REVISION),
            name=name,
            fields=fields, received_at=check.moment(v["received_at"], f"{where}.received_at")))
    return received


def _received_relations(value: Any, received: dict[str, ReceivedPart]
                        ) -> list[ReceivedRelation]:
    relations: list[ReceivedRelation] = []
    ids: set[str] = set()
    for n, item in enumerate(check.items(value, "received_relations")):
        where = f"received_relations[{n}]"
        v = check.obj(item, where, _RECEIVED_RELATION)
        relation = ReceivedRelation(
            id=check.ident(v["id"], f"{where}.id"),
            peer_id=check.ident(v["peer_id"], f"{where}.peer_id"),
            kind=check.choice(RelationKind, v["kind"], f"{where}.kind"),
            from_received_id=check.ident(v["from_received_id"], f"{where}.from_received_id"),
            to_received_id=check.ident(v["to_received_id"], f"{where}.to_received_id"),
            note=check.text(v["note"], f"{where}.note"))
        check.unique(ids, relation.id, f"{where}.id", "This relation id")
        for end in ("from_received_id", "to_received_id"):
            part = received.get(getattr(relation, end))
            if part is None:
                check.fail(f"{where}.{end}", "No received part in this file has this id.")
            if part.peer_id != relation.peer_id:
                check.fail(f"{where}.{end}", "This part was received from a different peer.")
        relations.append(relation)
    return relations


def _bundles(value: Any, peers: dict[str, Peer]) -> list[ReceivedBundle]:
    bundles: list[ReceivedBundle] = []
    seen: set[tuple[str, str]] = set()
    for n, item in enumerate(check.items(value, "received_bundles")):
        where = f"received_bundles[{n}]"
        v = check.obj(item, where, _BUNDLE)
        bundle = ReceivedBundle(
            peer_id=check.ident(v["peer_id"], f"{where}.peer_id"),
            bundle_id=check.ident(v["bundle_id"], f"{where}.bundle_id"),
            created=check.moment(v["created"], f"{where}.created"),
            imported_at=check.moment(v["imported_at"], f"{where}.imported_at"))
        if bundle.peer_id not in peers:
            check.fail(f"{where}.peer_id", "No peer in this file has this id.")
        check.unique(seen, (bundle.peer_id, bundle.bundle_id), where, "This bundle")
        bundles.append(bundle)
    return bundles


def _entries(value: Any, part_ids: set[str], received: dict[str, ReceivedPart],
             peers: dict[str, Peer]) -> list[Entry]:
    entries: list[Entry] = []
    ids: set[str] = set()
    for n, item in enumerate(check.items(value, "entries")):
        where = f"entries[{n}]"
        v = check.obj(item, where, _ENTRY)
        entry = Entry(
            id=check.ident(v["id"], f"{where}.id"),
            occurred_at=check.moment(v["occurred_at"], f"{where}.occurred_at"),
            kind=check.choice(EntryKind, v["kind"], f"{where}.kind"),
            title=check.text(v["title"], f"{where}.title", MAX_NAME),
            body=check.text(v["body"], f"{where}.body"),
            trailhead=check.text(v["trailhead"], f"{where}.trailhead"),
            self_energy=check.opt_integer(v["self_energy"], f"{where}.self_energy", 0, 10),
            qualities=_qualities(v["qualities"], f"{where}.qualities"),
            parts=_presences(v["parts"], f"{where}.parts", part_ids, received),
            peer_id=check.opt_ident(v["peer_id"], f"{where}.peer_id"),
            my_role=None if v["my_role"] is None
            else check.choice(PeerRole, v["my_role"], f"{where}.my_role"),
            planned_minutes=check.opt_integer(v["planned_minutes"], f"{where}.planned_minutes", 1,
                                     MAX_PLANNED_MINUTES),
            agreements=check.text(v["agreements"], f"{where}.agreements"),
            debrief=check.text(v["debrief"], f"{where}.debrief"),
            created_at=check.moment(v["created_at"], f"{where}.created_at"),
            updated_at=check.moment(v["updated_at"], f"{where}.updated_at"))
        if entry.kind is not EntryKind.PEER_SESSION:
            for key in ("peer_id", "my_role", "planned_minutes"):
                if v[key] is not None:
                    check.fail(f"{where}.{key}", "Only a peer session has this; it should be null.")
        if entry.peer_id is not None and entry.peer_id not in peers:
            check.fail(f"{where}.peer_id", "No peer in this file has this id.")
        # Every text above went through check.text (the same check_text, naming its place in the
        # file), so the domain validation need not search them for control characters again.
        check.checked(partial(validate_entry, entry, texts_checked=True), where)
        check.unique(ids, entry.id, f"{where}.id", "This entry id")
        entries.append(entry)
    return entries


def _qualities(value: Any, where: str) -> dict[str, int]:
    if not isinstance(value, dict):
        check.fail(where, "This should be an object ({…}).")
    unknown = sorted(set(value) - set(C_QUALITIES))
    if unknown:
        check.fail(where, f"“{unknown[0][:40]}” is not one of the 8 C's.")
    return {q: check.integer(value[q], f"{where}.{q}", 0, 10) for q in C_QUALITIES if q in value}


def _presences(value: Any, where: str, part_ids: set[str], received: dict[str, ReceivedPart]
               ) -> list[PartPresence]:
    presences: list[PartPresence] = []
    for n, item in enumerate(check.items(value, where)):
        at = f"{where}[{n}]"
        v = check.obj(item, at, _PRESENCE)
        presence = PartPresence(part_id=check.opt_ident(v["part_id"], f"{at}.part_id"),
                                received_part_id=check.opt_ident(v["received_part_id"],
                                                         f"{at}.received_part_id"),
                                note=check.text(v["note"], f"{at}.note"),
                                name=check.string(v["name"], f"{at}.name"))
        if presence.part_id is not None and presence.part_id not in part_ids:
            check.fail(f"{at}.part_id", "No part in this file has this id.")
        if presence.received_part_id is not None and presence.received_part_id not in received:
            check.fail(f"{at}.received_part_id", "No received part in this file has this id.")
        presences.append(presence)
    return presences


def _share_log(value: Any, peers: dict[str, Peer]) -> list[ShareLogEntry]:
    log: list[ShareLogEntry] = []
    ids: set[str] = set()
    for n, item in enumerate(check.items(value, "share_log")):
        where = f"share_log[{n}]"
        v = check.obj(item, where, _SHARE)
        peer_id = check.opt_ident(v["peer_id"], f"{where}.peer_id")
        if peer_id is not None and peer_id not in peers:
            check.fail(f"{where}.peer_id", "No peer in this file has this id.")
        parts = []
        for m, raw in enumerate(check.items(v["parts"], f"{where}.parts")):
            at = f"{where}.parts[{m}]"
            p = check.obj(raw, at, _SHARED_PART)
            parts.append(SharedPartRecord(
                check.ident(p["id"], f"{at}.id"), check.text(p["name"], f"{at}.name", MAX_NAME),
                check.integer(p["revision"], f"{at}.revision", 1, check.MAX_REVISION),
                _field_names(p["fields"], f"{at}.fields")))
        withdrawn = []
        for m, raw in enumerate(check.items(v["withdrawn"], f"{where}.withdrawn")):
            at = f"{where}.withdrawn[{m}]"
            w = check.obj(raw, at, _WITHDRAWN)
            withdrawn.append(WithdrawnRecord(check.ident(w["id"], f"{at}.id"),
                                             check.text(w["name"], f"{at}.name", MAX_NAME)))
        entry = ShareLogEntry(
            id=check.ident(v["id"], f"{where}.id"), peer_id=peer_id,
            peer_name=check.text(v["peer_name"], f"{where}.peer_name", MAX_NAME),
            bundle_id=check.ident(v["bundle_id"], f"{where}.bundle_id"),
            shared_at=check.moment(v["shared_at"], f"{where}.shared_at"), parts=tuple(parts),
            fields=_field_names(v["fields"], f"{where}.fields"), withdrawn=tuple(withdrawn))
        check.unique(ids, entry.id, f"{where}.id", "This share-log id")
        log.append(entry)
    return log


def _personal_words(value: Any) -> tuple[PersonalWord, ...]:
    """The personal spelling words; absent (a version-1 file) means none."""
    words: list[PersonalWord] = []
    seen: set[str] = set()
    for n, item in enumerate(check.items(value, _WORDS_KEY)):
        where = f"{_WORDS_KEY}[{n}]"
        v = check.obj(item, where, _WORD)
        word = PersonalWord(check.word(v["word"], f"{where}.word"),
                            check.moment(v["added_at"], f"{where}.added_at"))
        check.unique(seen, word.word, f"{where}.word", "This word")
        words.append(word)
    return tuple(words)


def _entry_templates(value: Any) -> tuple[OwnTemplate, ...]:
    """The person's own entry templates, at most one per kind; absent (version 1, 2): none."""
    templates: list[OwnTemplate] = []
    seen: set[EntryKind] = set()
    for n, item in enumerate(check.items(value, _TEMPLATES_KEY)):
        where = f"{_TEMPLATES_KEY}[{n}]"
        v = check.obj(item, where, _TEMPLATE)
        template = OwnTemplate(check.choice(EntryKind, v["kind"], f"{where}.kind"),
                               check.template(v["body"], f"{where}.body"),
                               check.moment(v["updated_at"], f"{where}.updated_at"))
        check.unique(seen, template.kind, f"{where}.kind", "A template for this kind")
        templates.append(template)
    return tuple(sorted(templates, key=lambda t: t.kind.value))


def _field_names(value: Any, where: str) -> tuple[str, ...]:
    names = tuple(check.string(item, f"{where}[{n}]")
                  for n, item in enumerate(check.items(value, where)))
    for n, name in enumerate(names):
        if name not in SHAREABLE_FIELDS:
            check.fail(f"{where}[{n}]", f"“{name[:40]}” is not a field of a part.")
    return names


__all__ = ["MAX_FILE", "ImportRejected", "ImportResult", "import_json", "load_document",
           "parse_document", "read_export"]
