"""The published test vectors (docs/contact-card.md, docs/bundle-format.md) hold exactly."""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import x25519
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF, HKDFExpand

from partsjournal.errors import CardRejected
from partsjournal.exchange import bundle, card, payload
from partsjournal.exchange.identity import Identity, expand_kem_seed

VECTORS = Path(__file__).parent / "vectors"


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((VECTORS / name).read_text(encoding="utf-8"))
    return data


CARDS = load("card.json")
BUNDLE = load("bundle.json")
PEOPLE = {p["label"]: p for p in CARDS["identities"]}


def identity(label: str) -> Identity:
    p = PEOPLE[label]
    return Identity(p["display_name"], bytes.fromhex(p["kem_seed"]),
                    bytes.fromhex(p["auth_private"]))


@pytest.mark.parametrize("label", sorted(PEOPLE))
def test_keys_card_and_fingerprint(label: str) -> None:
    p = PEOPLE[label]
    who = identity(label)
    mlkem_key, x_key = expand_kem_seed(who.kem_seed)
    expanded = hashlib.shake_256(who.kem_seed).digest(96)
    assert mlkem_key.private_bytes_raw().hex() == p["kem_seed_expanded_mlkem_seed"] \
        == expanded[:64].hex()
    assert p["kem_seed_expanded_x25519_private"] == expanded[64:].hex()
    assert who.kem_public.hex() == p["kem_public"]
    assert who.auth_public.hex() == p["auth_public"]
    assert who.card().to_bytes().hex() == p["card"]
    assert who.card().to_armored() == p["armored"]
    # The fingerprint recipe, written out independently of the code under test.
    expected_fp = hashlib.sha256(b"parts-journal fingerprint v1\x00" + bytes.fromhex(
        p["kem_public"]) + bytes.fromhex(p["auth_public"])).hexdigest()
    assert who.fingerprint.hex == p["fingerprint"] == expected_fp
    parsed = card.parse_card(bytes.fromhex(p["card"]))
    assert parsed == who.card() == card.parse_armored(p["armored"])


def test_card_layout_byte_by_byte() -> None:
    p = PEOPLE["alice"]
    data = bytes.fromhex(p["card"])
    name = p["display_name"].encode()
    assert data[:6] == b"PJCARD" and data[6] == 1 and data[7:9] == b"\x64\x7a"
    assert data[9:1225].hex() == p["kem_public"]
    assert data[1225:1257].hex() == p["auth_public"]
    assert int.from_bytes(data[1257:1259], "big") == len(name)
    assert data[1259:] == name and len(data) == 1259 + len(name)


def test_safety_number() -> None:
    sn = CARDS["safety_number"]
    a, b = (identity(x).fingerprint for x in sn["between"])
    digest = hashlib.sha512(b"parts-journal safety number v1\x00" + min(a.digest, b.digest)
                            + max(a.digest, b.digest)).digest()
    independent = "".join(f"{int.from_bytes(digest[i * 5:i * 5 + 5], 'big') % 100000:05d}"
                          for i in range(12))
    assert card.safety_number(a, b).digits == card.safety_number(b, a).digits == sn["digits"] \
        == independent
    assert str(card.safety_number(a, b)) == sn["display"]
    assert len(sn["display"].split(" ")) == 12


@pytest.mark.parametrize("case", CARDS["rejected"], ids=lambda c: c["reason"])
def test_rejected_cards(case: dict[str, str]) -> None:
    with pytest.raises(CardRejected) as caught:
        card.parse_card(bytes.fromhex(case["card"]))
    assert caught.value.reason == case["reason"]


def test_payload_is_canonical_and_decodes() -> None:
    body = bytes.fromhex(BUNDLE["payload_hex"])
    assert body.decode("utf-8") == BUNDLE["payload"]
    assert json.dumps(BUNDLE["payload_object"], sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode() == body
    contents = payload.decode_payload(body)
    assert payload.encode_payload(contents) == body
    assert contents.parts[0].fields["job"].startswith("Keeps me")  # type: ignore[union-attr]
    assert contents.withdrawn == ("7d3e0f60-4b5c-4d8e-8f10-2c3d4e5f6071",)


def test_version_2_payload_with_a_session_agreement() -> None:
    v2 = load("payload-v2.json")
    body = bytes.fromhex(v2["payload_hex"])
    assert body.decode("utf-8") == v2["payload"]
    assert json.dumps(v2["payload_object"], sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode() == body
    contents = payload.decode_payload(body)
    assert payload.encode_payload(contents) == body
    assert v2["payload_object"]["version"] == 2
    assert v2["payload_object"]["session_agreement"] == {
        "confidential": True, "facilitation": "gentle_facilitation",
        "pause_word": "Blaue Stunde", "reach": "protectors_only"}
    # The rest is exactly the version-1 vector's payload.
    rest = {k: v for k, v in v2["payload_object"].items()
            if k not in ("version", "session_agreement")}
    assert rest == {k: v for k, v in BUNDLE["payload_object"].items() if k != "version"}
    mac = hmac.digest(bytes.fromhex(BUNDLE["mac_key"]), bundle.HEADER + body, "sha256")
    assert mac.hex() == v2["mac"]


def test_header_info_and_mac() -> None:
    alice, bob = identity("alice"), identity("bob")
    assert bundle.HEADER.hex() == BUNDLE["header"] == "504a42554e444c4501647a00010003"
    assert bundle.hpke_info().hex() == BUNDLE["hpke_info"]
    assert bundle.hpke_info() == b"parts-journal bundle\x00" + bundle.HEADER
    shared = alice.auth_private_key.exchange(bob.card().auth_public_key())
    assert shared.hex() == BUNDLE["x25519_shared_secret"]
    assert bob.auth_private_key.exchange(alice.card().auth_public_key()) == shared
    info = b"parts-journal bundle mac v1\x00" + alice.fingerprint.digest + bob.fingerprint.digest
    assert info.hex() == BUNDLE["mac_key_info"]
    key = HKDF(hashes.SHA256(), 32, salt=None, info=info).derive(shared)
    assert key.hex() == BUNDLE["mac_key"]
    assert bundle.mac_key(alice.auth_private_key, bob.card().auth_public_key(),
                          alice.fingerprint, bob.fingerprint) == key
    # The recipient derives the same key from its own side.
    assert bundle.mac_key(bob.auth_private_key, alice.card().auth_public_key(),
                          alice.fingerprint, bob.fingerprint) == key
    # The other direction gets a different key, so a bundle can't be reflected back.
    assert BUNDLE["reverse_mac_key"] != BUNDLE["mac_key"]
    body = bytes.fromhex(BUNDLE["payload_hex"])
    mac = hmac.digest(key, bundle.HEADER + body, "sha256")
    assert mac.hex() == BUNDLE["mac"]
    assert BUNDLE["hpke_plaintext"] == alice.fingerprint.hex + mac.hex() + body.hex()


def test_fixed_hpke_ciphertext_decrypts_to_the_exact_plaintext() -> None:
    """HPKE encryption is randomised; the fixed ciphertext pins the decryption side."""
    bob = identity("bob")
    sealed = bytes.fromhex(BUNDLE["bundle"])
    assert sealed[:15].hex() == BUNDLE["header"]
    assert len(sealed) == 15 + 1120 + len(bytes.fromhex(BUNDLE["hpke_plaintext"])) + 16
    plaintext = bundle.SUITE.decrypt(sealed[15:], bob.kem_private_key,
                                     info=bytes.fromhex(BUNDLE["hpke_info"]))
    assert plaintext.hex() == BUNDLE["hpke_plaintext"]


def test_xwing_and_hpke_steps_of_the_fixed_bundle() -> None:
    """Each step inside HPKE, recomputed here from primitives (no HPKE call).

    X-Wing decapsulation as in draft-connolly-cfrg-xwing-kem-06 (SHA3-256, label last), then
    RFC 9180's key schedule, then ChaCha20-Poly1305: if cryptography's HPKE did anything else,
    the key derived here would not open the ciphertext it made.
    """
    bob = identity("bob")
    sealed = bytes.fromhex(BUNDLE["bundle"])
    enc, ciphertext = sealed[15:15 + 1120], sealed[15 + 1120:]
    assert enc.hex() == BUNDLE["kem_enc"]
    mlkem_key, x_key = expand_kem_seed(bob.kem_seed)
    ct_x, pk_x = enc[1088:], bob.kem_public[1184:]
    ss_m = mlkem_key.decapsulate(enc[:1088])
    ss_x = x_key.exchange(x25519.X25519PublicKey.from_public_bytes(ct_x))
    label = b"\\.//^\\"
    assert label.hex() == "5c2e2f2f5e5c"
    shared = hashlib.sha3_256(ss_m + ss_x + ct_x + pk_x + label).digest()
    assert shared.hex() == BUNDLE["kem_shared_secret"]

    suite_id = b"HPKE" + bytes.fromhex("647a" "0001" "0003")

    def labeled_extract(salt: bytes, name: bytes, ikm: bytes) -> bytes:
        return hmac.digest(salt, b"HPKE-v1" + suite_id + name + ikm, "sha256")

    def labeled_expand(prk: bytes, name: bytes, context: bytes, length: int) -> bytes:
        info = length.to_bytes(2, "big") + b"HPKE-v1" + suite_id + name + context
        return HKDFExpand(hashes.SHA256(), length, info).derive(prk)

    def schedule(secret_in: bytes) -> tuple[bytes, bytes]:
        context = (b"\x00" + labeled_extract(b"", b"psk_id_hash", b"")
                   + labeled_extract(b"", b"info_hash", bytes.fromhex(BUNDLE["hpke_info"])))
        secret = labeled_extract(secret_in, b"secret", b"")
        return (labeled_expand(secret, b"key", context, 32),
                labeled_expand(secret, b"base_nonce", context, 12))

    key, nonce = schedule(shared)
    assert key.hex() == BUNDLE["hpke_key"] and nonce.hex() == BUNDLE["hpke_base_nonce"]
    assert ChaCha20Poly1305(key).decrypt(nonce, ciphertext, b"").hex() == BUNDLE["hpke_plaintext"]
    # X-Wing up to draft -04 hashed the label first: that secret does not open the bundle.
    early = hashlib.sha3_256(label + ss_m + ss_x + ct_x + pk_x).digest()
    with pytest.raises(InvalidTag):
        ChaCha20Poly1305(schedule(early)[0]).decrypt(schedule(early)[1], ciphertext, b"")


def test_fixed_bundle_opens_to_the_expected_contents() -> None:
    alice, bob = identity("alice"), identity("bob")
    known = {alice.fingerprint: alice.card()}
    opened = bundle.open_bundle(bytes.fromhex(BUNDLE["bundle"]), bob, known.get)
    assert opened.sender == alice.card()
    assert payload.payload_object(opened.contents) == BUNDLE["payload_object"]
    assert opened.payload.hex() == BUNDLE["payload_hex"]


def test_vectors_are_what_the_generator_makes() -> None:
    """Re-running make_vectors.py changes nothing (apart from never re-encrypting)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_vectors",
                                                  Path(__file__).parent / "make_vectors.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert json.loads(json.dumps(module.card_vectors())) == CARDS
    assert json.loads(json.dumps(module.bundle_vectors(BUNDLE, False))) == BUNDLE


def test_every_refusal_reason_is_documented() -> None:
    """Each reason a card or bundle can be refused for is a member of its enum, and documented."""
    from partsjournal.errors import BundleRefusal, CardRefusal

    docs = Path(__file__).parents[3] / "docs"
    for doc, enum in (("bundle-format.md", BundleRefusal), ("contact-card.md", CardRefusal)):
        text = (docs / doc).read_text(encoding="utf-8")
        missing = sorted(reason.value for reason in enum if f"`{reason.value}`" not in text)
        assert missing == [], (doc, missing)
    assert len(BundleRefusal) >= 20 and len(CardRefusal) >= 10


def test_every_refusal_reason_is_used() -> None:
    """No member without a place in the code that refuses for it (the doc lists only real ones)."""
    import re

    import partsjournal
    from partsjournal.errors import BundleRefusal, CardRefusal

    package = Path(partsjournal.__file__).parent
    code = "".join(path.read_text(encoding="utf-8") for path in
                   [*(package / "exchange").glob("*.py"), package / "vault" / "peers.py",
                    package / "flows" / "importing.py"])
    for enum in (BundleRefusal, CardRefusal):
        used = set(re.findall(rf"{enum.__name__}\.([A-Z_0-9]+)", code))
        assert sorted(m.name for m in enum if m.name not in used) == [], enum.__name__


def test_the_bundle_header_in_the_document_is_the_vector() -> None:
    docs = Path(__file__).parents[3] / "docs"
    assert BUNDLE["header"] in (docs / "bundle-format.md").read_text(encoding="utf-8")
