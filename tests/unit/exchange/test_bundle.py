from __future__ import annotations

import os
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partsjournal.domain import Part, Role, Stage
from partsjournal.errors import BundleRejected, ValidationError
from partsjournal.exchange import bundle
from partsjournal.exchange.bundle import (
    HEADER,
    HEADER_SIZE,
    MAX_BUNDLE_SIZE,
    OVERHEAD,
    open_bundle,
    read_bundle_file,
    seal,
    seal_payload,
)
from partsjournal.exchange.card import ContactCard, Fingerprint
from partsjournal.exchange.identity import Identity
from partsjournal.exchange.payload import (
    SHAREABLE_FIELDS,
    BundleContents,
    SharedPart,
    build_contents,
    canonical_json,
    encode_payload,
)

CREATED = datetime(2026, 5, 1, 12, tzinfo=UTC)
PART_ID = "11111111-1111-4111-8111-111111111111"


def knows(*people: Identity) -> Callable[[Fingerprint], ContactCard | None]:
    cards = {p.fingerprint: p.card() for p in people}
    return cards.get


def small(sender: Identity) -> BundleContents:
    return BundleContents(bundle_id="22222222-2222-4222-8222-222222222222", created=CREATED,
                          sender_name=sender.display_name,
                          parts=(SharedPart(PART_ID, 1, {"name": "Critic", "role": "manager"}),))


def refused(data: bytes, recipient: Identity,
            lookup: Callable[[Fingerprint], ContactCard | None]) -> str:
    with pytest.raises(BundleRejected) as caught:
        open_bundle(data, recipient, lookup)
    assert str(caught.value).endswith(".")
    return caught.value.reason


def test_round_trip(alice: Identity, bob: Identity) -> None:
    contents = small(alice)
    sealed = seal(contents, alice, bob.card())
    assert sealed[:HEADER_SIZE] == HEADER
    assert len(sealed) == OVERHEAD + len(encode_payload(contents))
    opened = open_bundle(sealed, bob, knows(alice))
    assert opened.contents == contents and opened.sender == alice.card()
    assert seal(contents, alice, bob.card()) != sealed  # fresh HPKE randomness each time


def test_for_another_recipient(alice: Identity, bob: Identity, mallory: Identity) -> None:
    sealed = seal(small(alice), alice, bob.card())
    assert refused(sealed, mallory, knows(alice)) == "cannot_decrypt"
    with pytest.raises(BundleRejected, match="made for someone else"):
        open_bundle(sealed, mallory, knows(alice))


def test_unknown_sender(alice: Identity, bob: Identity) -> None:
    sealed = seal(small(alice), alice, bob.card())
    assert refused(sealed, bob, knows()) == "unknown_sender"
    with pytest.raises(BundleRejected, match="isn't among your peers"):
        open_bundle(sealed, bob, knows())
    # A bundle claiming to come from the recipient themself is not from a peer either.
    assert refused(seal(small(bob), bob, bob.card()), bob, knows(bob)) == "unknown_sender"


def test_bad_mac_forged_by_someone_else(alice: Identity, bob: Identity,
                                        mallory: Identity) -> None:
    """Mallory knows Bob's and Alice's public cards, but not Alice's auth key."""
    forged_payload = encode_payload(small(alice))

    def forged(plaintext: bytes, key: object, info: bytes) -> bytes:
        fake = alice.fingerprint.digest + plaintext[32:]  # claim to be Alice, MAC keyed by Mallory
        return bundle.SUITE.encrypt(fake, key, info=info)  # type: ignore[arg-type]

    sealed = seal_payload(forged_payload, mallory, bob.card(), encrypt=forged)
    assert refused(sealed, bob, knows(alice)) == "bad_mac"
    with pytest.raises(BundleRejected, match="claims to come from “Alice”"):
        open_bundle(sealed, bob, knows(alice))


def test_bad_mac_when_payload_changed_inside_valid_encryption(alice: Identity,
                                                              bob: Identity) -> None:
    def tamper(plaintext: bytes, key: object, info: bytes) -> bytes:
        changed = plaintext.replace(b"Critic", b"Critik")
        return bundle.SUITE.encrypt(changed, key, info=info)  # type: ignore[arg-type]

    assert refused(seal(small(alice), alice, bob.card(), encrypt=tamper), bob,
                   knows(alice)) == "bad_mac"


def test_reflected_bundle_is_refused(alice: Identity, bob: Identity) -> None:
    """A bundle Alice made for Bob, re-encrypted to Alice as if from Bob: the MAC is directional."""
    sealed = seal(small(alice), alice, bob.card())
    plaintext = bundle.SUITE.decrypt(sealed[HEADER_SIZE:], bob.kem_private_key,
                                     info=bundle.hpke_info())
    reflected = HEADER + bundle.SUITE.encrypt(bob.fingerprint.digest + plaintext[32:],
                                              alice.card().kem_public_key(),
                                              info=bundle.hpke_info())
    assert refused(reflected, alice, knows(bob)) == "bad_mac"


def test_every_flipped_byte_is_refused(alice: Identity, bob: Identity) -> None:
    sealed = seal(small(alice), alice, bob.card())
    assert len(sealed) < 1600  # a small bundle: every one of its bytes is tried
    reasons = set()
    for position in range(len(sealed)):
        damaged = bytearray(sealed)
        damaged[position] ^= 0x01 if position % 2 else 0x80
        reasons.add(refused(bytes(damaged), bob, knows(alice)))
    assert reasons <= {"not_a_bundle", "unknown_version", "future_version", "unsupported_suite",
                       "cannot_decrypt"}
    assert {"not_a_bundle", "cannot_decrypt"} <= reasons


def test_truncation_at_every_length(alice: Identity, bob: Identity) -> None:
    sealed = seal(small(alice), alice, bob.card())
    expected = {0: "truncated", 5: "truncated", HEADER_SIZE - 1: "truncated",
                HEADER_SIZE: "truncated", OVERHEAD - 1: "truncated",
                OVERHEAD: "cannot_decrypt", len(sealed) - 1: "cannot_decrypt"}
    for length in range(len(sealed)):
        reason = refused(sealed[:length], bob, knows(alice))
        assert reason in ("truncated", "cannot_decrypt"), length
        if length in expected:
            assert reason == expected[length], length


def test_appended_bytes_are_refused(alice: Identity, bob: Identity) -> None:
    sealed = seal(small(alice), alice, bob.card())
    for extra in (b"\x00", b"x" * 16, sealed):
        assert refused(sealed + extra, bob, knows(alice)) == "cannot_decrypt"


def test_header_problems_are_named(alice: Identity, bob: Identity) -> None:
    sealed = seal(small(alice), alice, bob.card())
    assert refused(b"%PDF-1.7" + sealed[8:], bob, knows(alice)) == "not_a_bundle"
    assert refused(sealed[:8] + b"\x02" + sealed[9:], bob, knows(alice)) == "future_version"
    assert refused(sealed[:8] + b"\x00" + sealed[9:], bob, knows(alice)) == "unknown_version"
    assert refused(sealed[:9] + b"\x00\x20" + sealed[11:], bob, knows(alice)) \
        == "unsupported_suite"
    assert refused(sealed[:13] + b"\x00\x01" + sealed[15:], bob, knows(alice)) \
        == "unsupported_suite"
    with pytest.raises(BundleRejected, match="newer version of Parts Journal"):
        open_bundle(sealed[:8] + b"\x02" + sealed[9:], bob, knows(alice))


def test_malformed_payload_inside_valid_encryption(alice: Identity, bob: Identity) -> None:
    base = canonical_json({"type": "parts-journal-bundle", "version": 1})
    assert refused(seal_payload(base, alice, bob.card()), bob, knows(alice)) == "missing_field"
    future = canonical_json({"type": "parts-journal-bundle", "version": 7})
    assert refused(seal_payload(future, alice, bob.card()), bob, knows(alice)) == \
        "future_version"
    assert refused(seal_payload(b"", alice, bob.card()), bob, knows(alice)) == "bad_json"


def test_a_million_parts_in_one_real_bundle(alice: Identity, bob: Identity) -> None:
    doc = {"type": "parts-journal-bundle", "version": 1,
           "bundle_id": "22222222-2222-4222-8222-222222222222",
           "created": "2026-05-01T12:00:00+00:00", "sender_name": "Alice",
           "parts": [{}] * 1_000_000, "relations": [], "withdrawn": [], "message": ""}
    sealed = seal_payload(canonical_json(doc), alice, bob.card())
    assert len(sealed) < MAX_BUNDLE_SIZE
    assert refused(sealed, bob, knows(alice)) == "too_many_parts"


def test_a_one_megabyte_name_in_a_real_bundle(alice: Identity, bob: Identity) -> None:
    contents = BundleContents("22222222-2222-4222-8222-222222222222", CREATED, "Alice",
                              (SharedPart(PART_ID, 1, {"name": "N" * 1_000_000}),))
    assert refused(seal(contents, alice, bob.card()), bob, knows(alice)) == "too_long"


def test_writer_refuses_a_bundle_over_the_limit(alice: Identity, bob: Identity) -> None:
    with pytest.raises(ValidationError, match="too big for one bundle"):
        seal_payload(b" " * MAX_BUNDLE_SIZE, alice, bob.card())


def test_read_bundle_file(tmp_path: Path, alice: Identity, bob: Identity) -> None:
    path = tmp_path / "a.pjbundle"
    sealed = seal(small(alice), alice, bob.card())
    path.write_bytes(sealed)
    assert read_bundle_file(path) == sealed
    with pytest.raises(BundleRejected) as caught:
        read_bundle_file(tmp_path / "missing.pjbundle")
    assert caught.value.reason == "unreadable"
    exact = tmp_path / "exact.pjbundle"
    with open(exact, "wb") as handle:
        handle.truncate(MAX_BUNDLE_SIZE)
    assert len(read_bundle_file(exact)) == MAX_BUNDLE_SIZE  # 16 MiB itself is allowed


def test_over_16_mib_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.pjbundle"
    with open(huge, "wb") as handle:
        handle.write(HEADER)
        handle.truncate(4 * 1024 * 1024 * 1024)  # sparse: 4 GiB on paper, nothing on disk
    over = tmp_path / "over.pjbundle"
    with open(over, "wb") as handle:
        handle.truncate(MAX_BUNDLE_SIZE + 1)
    for path in (huge, over):
        tracemalloc.start()
        started = time.perf_counter()
        try:
            with pytest.raises(BundleRejected, match="larger than 16.0 MiB") as caught:
                read_bundle_file(path)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert caught.value.reason == "too_large"
        assert peak < 1024 * 1024, peak  # nothing like the file was read into memory
        assert time.perf_counter() - started < 1
    assert os.path.getsize(huge) > MAX_BUNDLE_SIZE


def test_two_hundred_parts_with_every_field(alice: Identity, bob: Identity) -> None:
    parts = [Part(name=f"Part {i}", role=Role.FIREFIGHTER, stage=Stage.WITNESSED,
                  trust_in_self=i % 11, color="#123456",
                  **{f: f"{f} of part {i} " * 40 for f in ("job", "fears", "age", "body",
                                                            "appearance", "burdens", "needs",
                                                            "triggers", "notes")})
             for i in range(200)]
    contents = build_contents("Alice", parts, SHAREABLE_FIELDS)
    sealed = seal(contents, alice, bob.card())
    opened = open_bundle(sealed, bob, knows(alice))
    assert opened.contents == contents
    assert all(set(p.fields) == set(SHAREABLE_FIELDS) for p in opened.contents.parts)


# Fuzzing: the reader raises nothing but BundleRejected --------------------------------------

FUZZ_ALICE = Identity("Alice", bytes(32), bytes(range(32)))
FUZZ_BOB = Identity("Bob", bytes(range(1, 33)), bytes(range(2, 34)))
FUZZ_SEALED = seal(BundleContents("22222222-2222-4222-8222-222222222222", CREATED, "Alice",
                                  (SharedPart(PART_ID, 1, {"name": "Critic"}),)),
                   FUZZ_ALICE, FUZZ_BOB.card())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_fuzz_random_bytes(data: bytes) -> None:
    for attempt in (data, HEADER + data, FUZZ_SEALED[:HEADER_SIZE + 1120] + data):
        try:
            open_bundle(attempt, FUZZ_BOB, knows(FUZZ_ALICE))
        except BundleRejected:
            pass


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5000), st.integers(0, 255)), min_size=1, max_size=4),
       st.integers(0, 5000))
def test_fuzz_mutated_bundles(edits: list[tuple[int, int]], cut: int) -> None:
    data = bytearray(FUZZ_SEALED)
    for position, value in edits:
        data[position % len(data)] = value
    for attempt in (bytes(data), bytes(data[:cut])):
        try:
            opened = open_bundle(attempt, FUZZ_BOB, knows(FUZZ_ALICE))
        except BundleRejected:
            continue
        assert attempt == FUZZ_SEALED and opened.contents.parts[0].name == "Critic"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_fuzz_payload_behind_valid_crypto(payload: bytes) -> None:
    try:
        open_bundle(seal_payload(payload, FUZZ_ALICE, FUZZ_BOB.card()), FUZZ_BOB,
                    knows(FUZZ_ALICE))
    except BundleRejected:
        pass


def test_a_plaintext_under_64_bytes_is_already_truncated(alice: Identity, bob: Identity) -> None:
    """docs/bundle-format.md names no separate reason for it: the length check comes first."""
    key = bob.card().kem_public_key()
    for size in (0, 1, 31, 32, 63):
        data = HEADER + bundle.SUITE.encrypt(b"\x00" * size, key, info=bundle.hpke_info())
        assert len(data) == OVERHEAD - 64 + size < OVERHEAD
        assert refused(data, bob, knows(alice)) == "truncated", size
    whole = HEADER + bundle.SUITE.encrypt(alice.fingerprint.digest + bytes(32), key,
                                          info=bundle.hpke_info())
    assert len(whole) == OVERHEAD and refused(whole, bob, knows(alice)) == "bad_mac"
