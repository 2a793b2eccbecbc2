"""What a bundle says: the payload model, its canonical JSON and the strict reader.

Every field is specified in docs/bundle-format.md.

The payload is canonical UTF-8 JSON (keys sorted, no whitespace, non-ASCII written as itself);
a reader refuses anything that is not byte-for-byte canonical, so one meaning has one encoding.
Every string is bounded and free of control characters, as in the journal itself; HTML and other
markup are ordinary text and are kept literally (the app always shows received text as plain
text). Every failure is a :class:`BundleRejected` with a specific ``reason``.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from partsjournal.domain.model import (
    PART_TEXT_FIELDS,
    Part,
    Relation,
    RelationKind,
    Role,
    Stage,
    utc_now,
)
from partsjournal.domain.session_contract import (
    MAX_PAUSE_WORD,
    Facilitation,
    Reach,
    SessionContract,
    clean_pause_word,
)
from partsjournal.domain.validation import MAX_NAME, MAX_TEXT, check_name, check_text
from partsjournal.errors import BundleRefusal, BundleRejected, ValidationError

PAYLOAD_TYPE = "parts-journal-bundle"
#: The newest payload version this release writes and reads (docs/bundle-format.md, "Payload
#: versions"). A bundle says the lowest version that reads it, and each version only adds one
#: optional top-level key, which every older reader refuses as unknown, so it is refused as
#: "made by a newer version" there instead of half-read:
#: version 1 is parts, relations, withdrawals and a message; every release reads it;
VERSION_PARTS_ONLY = 1
#: version 2 adds ``session_agreement``, written exactly when the sender shares one.
VERSION_WITH_SESSION_AGREEMENT = 2
PAYLOAD_VERSION = VERSION_WITH_SESSION_AGREEMENT

#: Every field of a part profile that can be shared, in the order the app shows them.
SHAREABLE_FIELDS: tuple[str, ...] = ("name", "role", *PART_TEXT_FIELDS, "color",
                                     "trust_in_self", "stage")
#: What the share wizard ticks by default: nothing sensitive.
DEFAULT_FIELDS: tuple[str, ...] = ("name", "role", "job")

MAX_PARTS = 2_000
MAX_RELATIONS = 10_000
MAX_WITHDRAWN = 2_000
MAX_REVISION = 2**53 - 1

FieldValue = str | int | None

_TOP_KEYS = frozenset({"type", "version", "bundle_id", "created", "sender_name", "parts",
                       "relations", "withdrawn", "message"})
_AGREEMENT_KEY = "session_agreement"
_AGREEMENT_KEYS = frozenset({"facilitation", "reach", "pause_word", "confidential"})
_FACILITATIONS = frozenset(f.value for f in Facilitation)
_REACHES = frozenset(r.value for r in Reach)
_PART_KEYS = frozenset({"id", "revision", "fields"})
_RELATION_KEYS = frozenset({"kind", "from", "to", "note"})
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_CREATED = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$")
_COLOR = re.compile(r"^(#[0-9a-fA-F]{6})?$")
_ROLES = frozenset(r.value for r in Role)
_STAGES = frozenset(s.value for s in Stage)
_KINDS = frozenset(k.value for k in RelationKind)


@dataclass(frozen=True)
class SharedPart:
    """One part as the peer will see it: its id, revision and the chosen fields only."""

    id: str
    revision: int
    fields: Mapping[str, FieldValue]

    @property
    def name(self) -> str:
        """The part's name (always shared)."""
        return str(self.fields["name"])

    @property
    def field_names(self) -> tuple[str, ...]:
        """The shared fields, in the app's order."""
        return tuple(f for f in SHAREABLE_FIELDS if f in self.fields)


@dataclass(frozen=True)
class SharedRelation:
    """A relation between two parts of the same bundle."""

    kind: RelationKind
    from_id: str
    to_id: str
    note: str = ""


@dataclass(frozen=True)
class BundleContents:
    """Everything a bundle carries, before encryption and after decryption."""

    bundle_id: str
    created: datetime
    sender_name: str
    parts: tuple[SharedPart, ...] = ()
    relations: tuple[SharedRelation, ...] = ()
    withdrawn: tuple[str, ...] = ()
    message: str = ""
    #: The sender's wishes for the next session together, when they chose to share them.
    session_agreement: SessionContract | None = None

    @property
    def version(self) -> int:
        """The lowest payload version that reads this bundle."""
        return (VERSION_WITH_SESSION_AGREEMENT if self.session_agreement is not None
                else VERSION_PARTS_ONLY)


# Writing ------------------------------------------------------------------------------------

def canonical_json(value: Any) -> bytes:
    """Sorted keys, no whitespace, UTF-8 text as itself: the one encoding of a payload."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def payload_object(contents: BundleContents) -> dict[str, Any]:
    """The JSON object of a payload."""
    value: dict[str, Any] = {
        "type": PAYLOAD_TYPE,
        "version": contents.version,
        "bundle_id": contents.bundle_id,
        "created": _created_text(contents.created),
        "sender_name": contents.sender_name,
        "parts": [{"id": p.id, "revision": p.revision, "fields": dict(p.fields)}
                  for p in contents.parts],
        "relations": [{"kind": r.kind.value, "from": r.from_id, "to": r.to_id, "note": r.note}
                      for r in contents.relations],
        "withdrawn": list(contents.withdrawn),
        "message": contents.message,
    }
    agreement = contents.session_agreement
    if agreement is not None:
        value[_AGREEMENT_KEY] = {"facilitation": agreement.facilitation.value,
                                 "reach": agreement.reach.value,
                                 "pause_word": clean_pause_word(agreement.pause_word),
                                 "confidential": agreement.confidential}
    return value


def encode_payload(contents: BundleContents) -> bytes:
    """The canonical bytes of a payload."""
    return canonical_json(payload_object(contents))


def _created_text(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def field_value(part: Part, name: str) -> FieldValue:
    """A part's value for a shareable field, as it goes into the payload."""
    if name == "role":
        return part.role.value
    if name == "stage":
        return part.stage.value
    if name == "color":
        # One spelling on the wire, lowercase; the journal itself accepts either case.
        return part.color.lower()
    value: FieldValue = getattr(part, name)
    return value


def check_field_names(fields: Iterable[str]) -> tuple[str, ...]:
    """The chosen fields in the app's order, with the name always included."""
    if isinstance(fields, str):
        fields = fields.split(",")
    chosen = {f.strip() for f in fields if f.strip()} | {"name"}
    unknown = sorted(chosen - set(SHAREABLE_FIELDS))
    if unknown:
        raise ValidationError("fields", f"'{unknown[0]}' is not a field of a part. The fields "
                              f"are: {', '.join(SHAREABLE_FIELDS)}.")
    return tuple(f for f in SHAREABLE_FIELDS if f in chosen)


def build_contents(sender_name: str, parts: Sequence[Part],
                   fields: Mapping[str, Iterable[str]] | Iterable[str] = DEFAULT_FIELDS,
                   relations: Iterable[Relation] = (), withdrawn: Sequence[str] = (),
                   message: str = "", *, bundle_id: str | None = None,
                   created: datetime | None = None,
                   session_agreement: SessionContract | None = None) -> BundleContents:
    """Assemble what a peer will receive from chosen parts and chosen fields.

    ``fields`` is either one choice for every part or a mapping from part id to its choice;
    the name is always shared. Only relations whose two parts are both shared are included.
    """
    if len(parts) > MAX_PARTS:
        raise ValidationError("parts", f"A bundle can hold at most {MAX_PARTS:,} parts.")
    if len(withdrawn) > MAX_WITHDRAWN:
        raise ValidationError("withdrawn", f"A bundle can withdraw at most {MAX_WITHDRAWN:,} "
                              "parts at once.")
    check_text(message, "message", "The message")
    per_part: Mapping[str, Iterable[str]] = {}
    common: tuple[str, ...] | None = None
    if isinstance(fields, Mapping):
        per_part = fields
    else:
        common = check_field_names(fields)
    shared: list[SharedPart] = []
    for part in parts:
        names = common or check_field_names(per_part.get(part.id, DEFAULT_FIELDS))
        shared.append(SharedPart(part.id, part.revision,
                                 {name: field_value(part, name) for name in names}))
    ids = {p.id for p in parts}
    if len(ids) != len(parts):
        raise ValidationError("parts", "A part was chosen twice.")
    if ids & set(withdrawn):
        raise ValidationError("withdrawn", "A part can't be shared and withdrawn at once.")
    kept = tuple(SharedRelation(r.kind, r.from_part_id, r.to_part_id, r.note)
                 for r in relations if r.from_part_id in ids and r.to_part_id in ids)
    return BundleContents(
        bundle_id=bundle_id or str(uuid.uuid4()),
        created=(created or utc_now()).astimezone(UTC).replace(microsecond=0),
        sender_name=sender_name, parts=tuple(shared), relations=kept,
        withdrawn=tuple(dict.fromkeys(withdrawn)), message=message,
        session_agreement=None if session_agreement is None else SessionContract(
            session_agreement.facilitation, session_agreement.reach,
            clean_pause_word(session_agreement.pause_word), session_agreement.confidential))


# Reading ------------------------------------------------------------------------------------

class _Refused(ValueError):
    """Raised inside JSON parsing hooks; turned into a BundleRejected."""

    def __init__(self, reason: BundleRefusal, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def _rejected(reason: BundleRefusal, detail: str) -> BundleRejected:
    return BundleRejected(reason, f"This bundle can't be imported: {detail}. It may have been "
                          "damaged or made by an incompatible program; nothing in your journal "
                          "was changed.")


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Refused(
                BundleRefusal.DUPLICATE_KEY, f"the key “{key}” appears twice in one object")
        result[key] = value
    return result


def _constant(name: str) -> Any:
    raise _Refused(BundleRefusal.BAD_JSON, f"it contains the non-standard number {name}")


def decode_payload(payload: bytes) -> BundleContents:
    """Read and strictly validate a payload; raises :class:`BundleRejected`."""
    try:
        text = payload.decode("utf-8")
        value = json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant)
    except _Refused as exc:
        raise _rejected(exc.reason, exc.detail) from None
    except (ValueError, RecursionError):
        raise _rejected(BundleRefusal.BAD_JSON, "its contents are not valid JSON text") from None
    if not isinstance(value, dict):
        raise _rejected(BundleRefusal.WRONG_TYPE, "its contents are not a JSON object")
    if value.get("type") != PAYLOAD_TYPE:
        raise _rejected(BundleRefusal.NOT_A_BUNDLE, "its contents are not a Parts Journal bundle")
    version = value.get("version")
    if type(version) is int and version > PAYLOAD_VERSION:
        raise BundleRejected(
            BundleRefusal.FUTURE_VERSION, "This bundle was made by a newer version of "
            "Parts Journal. Update Parts Journal to import it; nothing in your "
            "journal was changed.")
    if type(version) is not int or not VERSION_PARTS_ONLY <= version <= PAYLOAD_VERSION:
        raise _rejected(BundleRefusal.UNKNOWN_VERSION, "its contents have an unknown version")
    try:
        canonical = canonical_json(value)
    except (ValueError, UnicodeError):
        canonical = b""
    if canonical != payload:
        raise _rejected(
            BundleRefusal.NOT_CANONICAL, "its contents are not in the one canonical form")
    return _contents(value, version)


def _contents(value: dict[str, Any], version: int) -> BundleContents:
    # Each version has exactly its keys: one meaning, one encoding (a version-2 bundle without
    # an agreement would be a second spelling of a version-1 one).
    with_agreement = version >= VERSION_WITH_SESSION_AGREEMENT
    _exact_keys(value, _TOP_KEYS | {_AGREEMENT_KEY} if with_agreement else _TOP_KEYS,
                "the bundle")
    agreement = _agreement(value[_AGREEMENT_KEY]) if with_agreement else None
    bundle_id = _uuid(value["bundle_id"], "the bundle id")
    created = _created(value["created"])
    sender_name = _name(value["sender_name"], "the sender's name")
    message = _text(value["message"], "the message")
    parts_value = _list(
        value["parts"], "the list of parts", MAX_PARTS, BundleRefusal.TOO_MANY_PARTS)
    relations_value = _list(value["relations"], "the list of relations", MAX_RELATIONS,
                            BundleRefusal.TOO_MANY_RELATIONS)
    withdrawn_value = _list(value["withdrawn"], "the list of withdrawn parts", MAX_WITHDRAWN,
                            BundleRefusal.TOO_MANY_WITHDRAWN)
    parts = tuple(_part(item, n) for n, item in enumerate(parts_value, 1))
    ids: set[str] = set()
    for part in parts:
        if part.id in ids:
            raise _rejected(BundleRefusal.DUPLICATE_ID, f"the part id {part.id} appears twice")
        ids.add(part.id)
    withdrawn = tuple(_uuid(item, f"withdrawn id {n}")
                      for n, item in enumerate(withdrawn_value, 1))
    if len(set(withdrawn)) != len(withdrawn):
        raise _rejected(BundleRefusal.DUPLICATE_ID, "a withdrawn part id appears twice")
    both = ids & set(withdrawn)
    if both:
        raise _rejected(
            BundleRefusal.WITHDRAWN_AND_SHARED, f"the part {sorted(both)[0]} is both shared and "
            "withdrawn")
    relations = tuple(_relation(item, n, ids) for n, item in enumerate(relations_value, 1))
    seen: set[tuple[str, str, str]] = set()
    for rel in relations:
        keys = {(rel.kind.value, rel.from_id, rel.to_id)}
        if not rel.kind.directed:
            keys.add((rel.kind.value, rel.to_id, rel.from_id))
        if keys & seen:
            raise _rejected(BundleRefusal.DUPLICATE_RELATION, "the same relation appears twice")
        seen |= keys
    return BundleContents(bundle_id=bundle_id, created=created, sender_name=sender_name,
                          parts=parts, relations=relations, withdrawn=withdrawn,
                          message=message, session_agreement=agreement)


def _agreement(value: Any) -> SessionContract:
    where = "the session agreement"
    if not isinstance(value, dict):
        raise _rejected(BundleRefusal.WRONG_TYPE, f"{where} is not an object")
    _exact_keys(value, _AGREEMENT_KEYS, where)
    facilitation = _string(value["facilitation"], f"the facilitation in {where}")
    if facilitation not in _FACILITATIONS:
        raise _rejected(BundleRefusal.BAD_VALUE, f"the facilitation in {where} is not one of "
                        f"{', '.join(sorted(_FACILITATIONS))}")
    reach = _string(value["reach"], f"how far the session may go in {where}")
    if reach not in _REACHES:
        raise _rejected(BundleRefusal.BAD_VALUE, f"how far the session may go in {where} is "
                        f"not one of {', '.join(sorted(_REACHES))}")
    pause_word = _string(value["pause_word"], f"the pause word in {where}")
    if len(pause_word) > MAX_PAUSE_WORD:
        raise _rejected(BundleRefusal.TOO_LONG, f"the pause word in {where} has "
                        f"{len(pause_word):,} characters; at most {MAX_PAUSE_WORD} are allowed")
    if clean_pause_word(pause_word) != pause_word:
        raise _rejected(BundleRefusal.BAD_VALUE, f"the pause word in {where} is not one clean "
                        "line (control characters, line breaks or extra spaces)")
    confidential = value["confidential"]
    if type(confidential) is not bool:
        raise _rejected(BundleRefusal.WRONG_TYPE, f"the confidentiality in {where} is not "
                        "true or false")
    return SessionContract(Facilitation(facilitation), Reach(reach), pause_word, confidential)


def _exact_keys(value: dict[str, Any], allowed: frozenset[str], where: str) -> None:
    missing = sorted(allowed - value.keys())
    if missing:
        raise _rejected(BundleRefusal.MISSING_FIELD, f"{where} has no “{missing[0]}”")
    unknown = sorted(value.keys() - allowed)
    if unknown:
        raise _rejected(
            BundleRefusal.UNKNOWN_FIELD, f"{where} has an unknown entry “{unknown[0][:40]}”")


def _list(value: Any, where: str, limit: int, reason: BundleRefusal) -> list[Any]:
    if not isinstance(value, list):
        raise _rejected(BundleRefusal.WRONG_TYPE, f"{where} is not a list")
    if len(value) > limit:
        raise _rejected(reason, f"{where} has {len(value):,} items; at most {limit:,} are "
                        "allowed")
    return value


def _string(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise _rejected(BundleRefusal.WRONG_TYPE, f"{where} is not text")
    return value


def _uuid(value: Any, where: str) -> str:
    text = _string(value, where)
    if not _UUID.match(text):
        raise _rejected(BundleRefusal.BAD_VALUE, f"{where} is not a valid id")
    return text


def _created(value: Any) -> datetime:
    text = _string(value, "the creation time")
    try:
        if not _CREATED.match(text):
            raise ValueError(text)
        return datetime.fromisoformat(text)
    except ValueError:
        raise _rejected(
            BundleRefusal.BAD_VALUE, "the creation time is not a valid UTC time") from None


def _name(value: Any, where: str) -> str:
    text = _string(value, where)
    if len(text) > MAX_NAME:
        raise _rejected(BundleRefusal.TOO_LONG, f"{where} has {len(text):,} characters; at most "
                        f"{MAX_NAME} are allowed")
    try:
        cleaned = check_name(text, "name", where)
    except ValidationError as exc:
        raise _rejected(BundleRefusal.BAD_VALUE, _sentence_part(exc)) from None
    if cleaned != text:
        raise _rejected(BundleRefusal.BAD_VALUE, f"{where} starts or ends with spaces")
    return text


def _text(value: Any, where: str) -> str:
    text = _string(value, where)
    if len(text) > MAX_TEXT:
        raise _rejected(BundleRefusal.TOO_LONG, f"{where} has {len(text):,} characters; at most "
                        f"{MAX_TEXT:,} are allowed")
    try:
        return check_text(text, "text", where[0].upper() + where[1:])
    except ValidationError as exc:
        raise _rejected(BundleRefusal.CONTROL_CHARACTERS, _sentence_part(exc)) from None


def _sentence_part(exc: ValidationError) -> str:
    text = str(exc).rstrip(".")
    return text[0].lower() + text[1:] if text else text


def _part(value: Any, n: int) -> SharedPart:
    where = f"part {n}"
    if not isinstance(value, dict):
        raise _rejected(BundleRefusal.WRONG_TYPE, f"{where} is not an object")
    _exact_keys(value, _PART_KEYS, where)
    part_id = _uuid(value["id"], f"the id of {where}")
    revision = value["revision"]
    if type(revision) is not int:
        raise _rejected(BundleRefusal.WRONG_TYPE, f"the revision of {where} is not a whole number")
    if not 1 <= revision <= MAX_REVISION:
        raise _rejected(BundleRefusal.BAD_VALUE, f"the revision of {where} is out of range")
    fields = value["fields"]
    if not isinstance(fields, dict):
        raise _rejected(BundleRefusal.WRONG_TYPE, f"the fields of {where} are not an object")
    if "name" not in fields:
        raise _rejected(BundleRefusal.MISSING_FIELD, f"{where} has no name")
    unknown = sorted(fields.keys() - set(SHAREABLE_FIELDS))
    if unknown:
        raise _rejected(
            BundleRefusal.UNKNOWN_FIELD, f"{where} has an unknown field “{unknown[0][:40]}”")
    checked: dict[str, FieldValue] = {}
    for name in SHAREABLE_FIELDS:
        if name in fields:
            checked[name] = _field(name, fields[name], f"the {name.replace('_', ' ')} of {where}")
    return SharedPart(part_id, revision, checked)


def _field(name: str, value: Any, where: str) -> FieldValue:
    if name == "name":
        return _name(value, where)
    if name == "trust_in_self":
        if value is None:
            return None
        if type(value) is not int:
            raise _rejected(BundleRefusal.WRONG_TYPE, f"{where} is not a whole number")
        if not 0 <= value <= 10:
            raise _rejected(BundleRefusal.BAD_VALUE, f"{where} is not between 0 and 10")
        return int(value)
    text = _string(value, where)
    if name == "role" and text not in _ROLES:
        raise _rejected(
            BundleRefusal.BAD_VALUE, f"{where} is not one of {', '.join(sorted(_ROLES))}")
    if name == "stage" and text not in _STAGES:
        raise _rejected(BundleRefusal.BAD_VALUE, f"{where} is not a known stage")
    if name == "color":
        # Written lowercase, read in either case and kept lowercase (docs/bundle-format.md).
        if not _COLOR.match(text):
            raise _rejected(BundleRefusal.BAD_VALUE, f"{where} is not a colour written as #rrggbb")
        return text.lower()
    return _text(text, where)


def _relation(value: Any, n: int, ids: set[str]) -> SharedRelation:
    where = f"relation {n}"
    if not isinstance(value, dict):
        raise _rejected(BundleRefusal.WRONG_TYPE, f"{where} is not an object")
    _exact_keys(value, _RELATION_KEYS, where)
    kind = _string(value["kind"], f"the kind of {where}")
    if kind not in _KINDS:
        raise _rejected(BundleRefusal.BAD_VALUE, f"the kind of {where} is not one of "
                        f"{', '.join(sorted(_KINDS))}")
    from_id = _uuid(value["from"], f"the first part of {where}")
    to_id = _uuid(value["to"], f"the second part of {where}")
    if from_id == to_id:
        raise _rejected(BundleRefusal.BAD_VALUE, f"{where} joins a part to itself")
    for end in (from_id, to_id):
        if end not in ids:
            raise _rejected(
                BundleRefusal.DANGLING_RELATION, f"{where} refers to a part that is not in "
                "the bundle")
    note = _text(value["note"], f"the note of {where}")
    return SharedRelation(RelationKind(kind), from_id, to_id, note)
