from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partsjournal.domain import Part, Relation, RelationKind, Role, Stage
from partsjournal.domain.session_contract import Facilitation, Reach, SessionContract
from partsjournal.errors import BundleRejected, ValidationError
from partsjournal.exchange.payload import (
    DEFAULT_FIELDS,
    SHAREABLE_FIELDS,
    build_contents,
    canonical_json,
    decode_payload,
    encode_payload,
    payload_object,
)

A = "11111111-1111-4111-8111-111111111111"
B = "22222222-2222-4222-8222-222222222222"
C = "33333333-3333-4333-8333-333333333333"


def base() -> dict[str, Any]:
    return {
        "type": "parts-journal-bundle", "version": 1,
        "bundle_id": "44444444-4444-4444-8444-444444444444",
        "created": "2026-05-01T10:00:00+00:00", "sender_name": "Ada",
        "parts": [
            {"id": A, "revision": 3, "fields": {"name": "Critic", "role": "manager",
                                                "job": "guards", "trust_in_self": 5}},
            {"id": B, "revision": 1, "fields": {"name": "Little", "stage": "witnessed"}},
        ],
        "relations": [{"kind": "protects", "from": A, "to": B, "note": ""}],
        "withdrawn": [C],
        "message": "hello",
    }


def rejected(value: Any) -> str:
    data = value if isinstance(value, bytes) else canonical_json(value)
    with pytest.raises(BundleRejected) as caught:
        decode_payload(data)
    message = str(caught.value)
    assert "nothing in your journal was changed" in message.lower()
    return caught.value.reason


def test_round_trip() -> None:
    contents = decode_payload(canonical_json(base()))
    assert payload_object(contents) == base()
    assert contents.parts[0].fields == {"name": "Critic", "role": "manager", "job": "guards",
                                        "trust_in_self": 5}
    assert contents.parts[0].field_names == ("name", "role", "job", "trust_in_self")
    assert contents.relations[0].kind is RelationKind.PROTECTS
    assert contents.created == datetime(2026, 5, 1, 10, tzinfo=UTC)


def mutate(path: list[Any], value: Any, *, delete: bool = False) -> dict[str, Any]:
    doc = base()
    target: Any = doc
    for key in path[:-1]:
        target = target[key]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return doc


WRONG_TYPES = [
    (["bundle_id"], 5), (["created"], None), (["sender_name"], ["Ada"]), (["parts"], {}),
    (["relations"], "none"), (["withdrawn"], C), (["message"], 1),
    (["parts", 0], "part"), (["parts", 0, "revision"], "3"), (["parts", 0, "revision"], 3.0),
    (["parts", 0, "revision"], True), (["parts", 0, "fields"], []),
    (["parts", 0, "fields", "name"], 7), (["parts", 0, "fields", "job"], ["guards"]),
    (["parts", 0, "fields", "trust_in_self"], "5"), (["parts", 0, "fields", "trust_in_self"],
                                                     False),
    (["relations", 0], []), (["relations", 0, "note"], None), (["withdrawn", 0], 1),
]


@pytest.mark.parametrize(("path", "value"), WRONG_TYPES, ids=lambda v: str(v))
def test_wrong_types(path: list[Any], value: Any) -> None:
    assert rejected(mutate(path, value)) == "wrong_type"


@pytest.mark.parametrize("path", [["bundle_id"], ["created"], ["sender_name"], ["parts"],
                                  ["relations"], ["withdrawn"], ["message"], ["parts", 0, "id"],
                                  ["parts", 0, "revision"], ["parts", 0, "fields"],
                                  ["parts", 0, "fields", "name"], ["relations", 0, "note"]])
def test_missing_fields(path: list[Any]) -> None:
    assert rejected(mutate(path, None, delete=True)) == "missing_field"


@pytest.mark.parametrize(("path", "value"), [
    ([], None), (["parts", 0], None), (["parts", 0, "fields"], None), (["relations", 0], None)])
def test_unknown_fields(path: list[Any], value: Any) -> None:
    doc = base()
    target: Any = doc
    for key in path:
        target = target[key]
    target["nickname"] = "x"
    assert rejected(doc) == "unknown_field"


@pytest.mark.parametrize(("path", "value"), [
    (["bundle_id"], "not-a-uuid"), (["bundle_id"], "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa".upper()), (["created"], "yesterday"),
    (["created"], "2026-05-01T10:00:00"), (["created"], "2026-13-01T10:00:00+00:00"),
    (["created"], "2026-05-01T10:00:00+02:00"), (["parts", 0, "revision"], 0),
    (["parts", 0, "revision"], 2**60), (["parts", 0, "fields", "role"], "boss"),
    (["parts", 0, "fields", "stage"], "done"), (["parts", 0, "fields", "color"], "red"),
    (["parts", 0, "fields", "trust_in_self"], 11), (["parts", 0, "fields", "name"], ""),
    (["parts", 0, "fields", "name"], " Critic"), (["relations", 0, "kind"], "loves"),
    (["relations", 0, "to"], A), (["sender_name"], "   "),
])
def test_bad_values(path: list[Any], value: Any) -> None:
    assert rejected(mutate(path, value)) == "bad_value"


def test_versions_and_type() -> None:
    assert rejected(mutate(["version"], 3)) == "future_version"
    assert rejected(mutate(["version"], 99)) == "future_version"
    # Version 2 is a bundle with a session agreement; without one it is not version 2.
    assert rejected(mutate(["version"], 2)) == "missing_field"
    assert rejected(mutate(["version"], 0)) == "unknown_version"
    assert rejected(mutate(["version"], "1")) == "unknown_version"
    assert rejected(mutate(["version"], None, delete=True)) == "unknown_version"
    assert rejected(mutate(["type"], "something-else")) == "not_a_bundle"
    assert rejected([base()]) == "wrong_type"
    # A future version is refused for what it is, whatever else it contains.
    future = {"type": "parts-journal-bundle", "version": 3, "new": "shape"}
    assert rejected(future) == "future_version"
    with pytest.raises(BundleRejected, match="newer version of Parts Journal"):
        decode_payload(canonical_json(future))


def test_a_million_parts_are_refused_by_count() -> None:
    doc = base()
    doc["parts"] = [{}] * 1_000_000
    assert rejected(doc) == "too_many_parts"
    doc = base()
    doc["withdrawn"] = [C] * 5000
    assert rejected(doc) == "too_many_withdrawn"
    doc = base()
    doc["relations"] = [{}] * 20000
    assert rejected(doc) == "too_many_relations"


def test_huge_strings_are_refused() -> None:
    assert rejected(mutate(["parts", 0, "fields", "name"], "N" * 1_000_000)) == "too_long"
    assert rejected(mutate(["sender_name"], "N" * 201)) == "too_long"
    assert rejected(mutate(["message"], "m" * 100_001)) == "too_long"
    assert rejected(mutate(["parts", 0, "fields", "job"], "j" * 100_001)) == "too_long"
    decode_payload(canonical_json(mutate(["parts", 0, "fields", "job"], "j" * 100_000)))


def test_duplicates_and_dangling_relations() -> None:
    doc = base()
    doc["parts"].append(copy.deepcopy(doc["parts"][0]))
    assert rejected(doc) == "duplicate_id"
    assert rejected(mutate(["withdrawn"], [C, C])) == "duplicate_id"
    assert rejected(mutate(["withdrawn"], [A])) == "withdrawn_and_shared"
    assert rejected(mutate(["relations", 0, "to"], C)) == "dangling_relation"
    doc = base()
    doc["relations"].append({"kind": "protects", "from": A, "to": B, "note": "again"})
    assert rejected(doc) == "duplicate_relation"
    doc = base()
    doc["relations"] = [{"kind": "allied", "from": A, "to": B, "note": ""},
                        {"kind": "allied", "from": B, "to": A, "note": ""}]
    assert rejected(doc) == "duplicate_relation"
    doc["relations"][1]["kind"] = "protects"  # protects the other way is a different relation
    decode_payload(canonical_json(doc))


def test_json_level_problems() -> None:
    good = canonical_json(base())
    assert rejected(good[:-1]) == "bad_json"
    assert rejected(b"\xff" + good) == "bad_json"
    assert rejected(good.replace(b'"revision":3', b'"revision":NaN')) == "bad_json"
    assert rejected(b"[" * 100_000 + b"]" * 100_000) == "bad_json"
    assert rejected(good.replace(b'"revision":3', b'"revision":' + b"9" * 5000)) == "bad_json"
    duplicated = good.replace(b'"message":"hello"', b'"message":"hello","message":"bye"')
    assert rejected(duplicated) == "duplicate_key"
    assert rejected(json.dumps(base(), indent=1).encode()) == "not_canonical"
    assert rejected(json.dumps(base(), sort_keys=True, separators=(",", ":")).encode()
                    .replace(b"hello", b"h\\u00e9llo")) == "not_canonical"
    assert rejected(good.replace(b"hello", b"\\ud800")) == "not_canonical"


HOSTILE_TEXT = ['<script>alert(1)</script>', '<img src="file:///etc/hosts">', "&amp; &lt;",
                "emoji 🧒🏽‍🦱", "עברית", "tab\tand\nnewline\r\n", "'; DROP TABLE parts; --"]


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_markup_is_kept_literally_in_every_text_field(text: str) -> None:
    doc = base()
    for name in SHAREABLE_FIELDS:
        if name not in ("name", "role", "stage", "color", "trust_in_self"):
            doc["parts"][0]["fields"][name] = text
    one_line = text.replace("\t", " ").replace("\n", " ").replace("\r", " ").strip()
    doc["parts"][1]["fields"]["name"] = one_line
    doc["sender_name"] = one_line
    doc["message"] = text
    doc["relations"][0]["note"] = text
    contents = decode_payload(canonical_json(doc))
    assert all(contents.parts[0].fields[f] == text for f in ("job", "fears", "notes"))
    assert contents.parts[1].name == contents.sender_name == one_line
    assert contents.message == contents.relations[0].note == text


@pytest.mark.parametrize("control", ["\x00", "\x07", "\x1b[31m", "\x7f", "\x85"])
@pytest.mark.parametrize("path", [["message"], ["parts", 0, "fields", "job"],
                                  ["relations", 0, "note"], ["parts", 0, "fields", "name"],
                                  ["sender_name"]])
def test_control_characters_are_refused_with_a_message(control: str, path: list[Any]) -> None:
    doc = mutate(path, f"a{control}b")
    with pytest.raises(BundleRejected, match="invisible control characters") as caught:
        decode_payload(canonical_json(doc))
    assert caught.value.reason in ("control_characters", "bad_value")


def test_build_contents_chooses_fields_and_relations() -> None:
    critic = Part(name="Critic", role=Role.MANAGER, job="guards", fears="shame", notes="private",
                  trust_in_self=3, stage=Stage.BEFRIENDED, color="#112233")
    little = Part(name="Little", role=Role.EXILE, burdens="alone")
    other = Part(name="Other")
    relations = [Relation(RelationKind.PROTECTS, critic.id, little.id, "n"),
                 Relation(RelationKind.ALLIED, critic.id, other.id)]
    contents = build_contents("Ada", [critic, little], DEFAULT_FIELDS, relations, message="hi")
    assert contents.parts[0].fields == {"name": "Critic", "role": "manager", "job": "guards"}
    assert [r.to_id for r in contents.relations] == [little.id]  # 'other' is not shared
    per_part = build_contents("Ada", [critic, little],
                              {critic.id: ["trust_in_self", "stage", "color"]})
    assert per_part.parts[0].fields == {"name": "Critic", "color": "#112233",
                                        "trust_in_self": 3, "stage": "befriended"}
    assert per_part.parts[1].field_names == DEFAULT_FIELDS  # unspecified → defaults
    everything = build_contents("Ada", [critic], SHAREABLE_FIELDS)
    assert set(everything.parts[0].fields) == set(SHAREABLE_FIELDS)
    assert decode_payload(encode_payload(everything)) == everything
    assert build_contents("Ada", [critic], "job, fears").parts[0].field_names == \
        ("name", "job", "fears")
    with pytest.raises(ValidationError, match="not a field"):
        build_contents("Ada", [critic], ["password"])
    with pytest.raises(ValidationError, match="shared and withdrawn"):
        build_contents("Ada", [critic], withdrawn=[critic.id])
    with pytest.raises(ValidationError, match="twice"):
        build_contents("Ada", [critic, critic])


# Fuzzing -------------------------------------------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(JSON)
def test_fuzz_any_json(value: Any) -> None:
    try:
        decode_payload(canonical_json(value))
    except BundleRejected:
        pass


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["parts", "relations", "withdrawn", "fields", "id", "revision",
                                 "name", "kind", "from", "to", "note", "message", 0, 1]),
                min_size=1, max_size=5), JSON)
def test_fuzz_mutated_valid_payload(path: list[Any], value: Any) -> None:
    doc: Any = base()
    target = doc
    for key in path[:-1]:
        try:
            target = target[key]
        except (KeyError, IndexError, TypeError):
            break
    try:
        target[path[-1]] = value
    except (KeyError, IndexError, TypeError):
        pass
    try:
        data = canonical_json(doc)
    except TypeError:  # an int key next to text keys: not something JSON text can hold
        return
    try:
        contents = decode_payload(data)
    except BundleRejected:
        return
    assert decode_payload(encode_payload(contents)) == contents


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=500))
def test_fuzz_raw_bytes(data: bytes) -> None:
    try:
        decode_payload(data)
    except BundleRejected:
        pass


# Colours: one spelling on the wire --------------------------------------------------------------

def test_a_colour_is_written_lowercase() -> None:
    """The journal accepts "#AA3366"; the bundle carries "#aa3366" (docs/bundle-format.md)."""
    part = Part(name="Critic", role=Role.MANAGER, color="#AA3366")
    contents = build_contents("Ada", [part], ["color"])
    assert contents.parts[0].fields["color"] == "#aa3366"
    payload = encode_payload(contents)
    assert b'"color":"#aa3366"' in payload and b"AA3366" not in payload
    assert decode_payload(payload).parts[0].fields["color"] == "#aa3366"


@pytest.mark.parametrize("written", ["#AA3366", "#aa3366", "#Aa3366"])
def test_a_colour_is_read_in_either_case_and_kept_lowercase(written: str) -> None:
    doc = mutate(["parts", 0, "fields", "color"], written)
    contents = decode_payload(canonical_json(doc))
    assert contents.parts[0].fields["color"] == "#aa3366"


@pytest.mark.parametrize("bad", ["aa3366", "#aa336", "#aa33666", "#gg3366", "#AA3366 ", "red"])
def test_a_colour_in_another_form_is_refused(bad: str) -> None:
    assert rejected(mutate(["parts", 0, "fields", "color"], bad)) == "bad_value"


# The session agreement (version 2) -------------------------------------------------------------

def with_agreement(**changes: Any) -> dict[str, Any]:
    value = base()
    value["version"] = 2
    value["session_agreement"] = {"facilitation": "active_witness", "reach": "protectors_only",
                                  "pause_word": "blue sky", "confidential": True, **changes}
    return value


def test_a_session_agreement_makes_a_version_2_bundle_and_reads_back() -> None:
    agreement = SessionContract(Facilitation.GENTLE_FACILITATION, Reach.MAY_APPROACH_EXILE,
                                "  blue\n sky ", False)
    contents = build_contents("Ada", [Part(name="Critic", role=Role.MANAGER)],
                              session_agreement=agreement)
    value = payload_object(contents)
    assert value["version"] == 2
    assert value["session_agreement"] == {"facilitation": "gentle_facilitation",
                                          "reach": "may_approach_exile",
                                          "pause_word": "blue sky", "confidential": False}
    read = decode_payload(encode_payload(contents))
    assert read.session_agreement == SessionContract(
        Facilitation.GENTLE_FACILITATION, Reach.MAY_APPROACH_EXILE, "blue sky", False)
    assert read.parts[0].name == "Critic"


def test_without_an_agreement_a_bundle_stays_version_1_for_older_readers() -> None:
    contents = build_contents("Ada", [Part(name="Critic", role=Role.MANAGER)])
    value = payload_object(contents)
    assert value["version"] == 1 and "session_agreement" not in value
    assert decode_payload(encode_payload(contents)).session_agreement is None
    # A version-1 bundle carrying the key is refused: the key is a version-2 member.
    value["session_agreement"] = with_agreement()["session_agreement"]
    assert rejected(value) == "unknown_field"


@pytest.mark.parametrize(("changes", "reason"), [
    ({"facilitation": "hypnosis"}, "bad_value"),
    ({"reach": "everything"}, "bad_value"),
    ({"reach": 1}, "wrong_type"),
    ({"pause_word": "x" * 41}, "too_long"),
    ({"pause_word": "two\nlines"}, "bad_value"),
    ({"pause_word": "\u202eevil"}, "bad_value"),
    ({"pause_word": " padded"}, "bad_value"),
    ({"confidential": 1}, "wrong_type"),
    ({"confidential": "yes"}, "wrong_type"),
    ({"extra": "key"}, "unknown_field"),
])
def test_a_damaged_session_agreement_is_refused(changes: dict[str, Any], reason: str) -> None:
    assert rejected(with_agreement(**changes)) == reason


def test_an_agreement_that_is_not_an_object_is_refused() -> None:
    value = with_agreement()
    value["session_agreement"] = ["quiet_witness"]
    assert rejected(value) == "wrong_type"
    del value["session_agreement"]
    assert rejected(value) == "missing_field"


def test_markup_in_a_pause_word_is_kept_literally() -> None:
    read = decode_payload(canonical_json(with_agreement(pause_word="<b>stop</b>")))
    assert read.session_agreement is not None
    assert read.session_agreement.pause_word == "<b>stop</b>"
