"""Write the test vectors in vectors/*.json (run by hand; the tests only read them).

    .venv/bin/python tests/unit/exchange/make_vectors.py

Everything deterministic is recomputed from fixed keys and inputs. The HPKE layer cannot be made
deterministic with the `cryptography` API (every encryption draws a fresh ephemeral key), so the
bundle ciphertext was produced once: it is kept as long as it still decrypts to the expected
plaintext, and regenerated only with --new-hpke.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import x25519

from partsjournal.exchange import bundle, card, payload
from partsjournal.exchange.identity import Identity, expand_kem_seed

HERE = Path(__file__).parent / "vectors"


def identities() -> dict[str, Identity]:
    """Fixed keys: seeds are SHA-256 of a label, so anyone can rebuild them."""
    def seed(label: str) -> bytes:
        return hashlib.sha256(label.encode()).digest()

    return {
        "alice": Identity("Alice Å. <Peer>", seed("alice kem seed"), seed("alice auth key")),
        "bob": Identity("Bob", seed("bob kem seed"), seed("bob auth key")),
    }


def contents() -> payload.BundleContents:
    """A small bundle with every kind of value in it."""
    critic = "5b1c8d4e-2f3a-4b6c-8d9e-0a1b2c3d4e5f"
    little = "6c2d9e5f-3a4b-4c7d-9e0f-1b2c3d4e5f60"
    gone = "7d3e0f60-4b5c-4d8e-8f10-2c3d4e5f6071"
    return payload.BundleContents(
        bundle_id="0f1e2d3c-4b5a-4968-8776-655443322110",
        created=datetime(2026, 3, 14, 15, 9, 26, tzinfo=UTC),
        sender_name="Alice Å. <Peer>",
        parts=(
            payload.SharedPart(critic, 7, {
                "name": "Inner Critic", "role": "manager", "job": "Keeps me from being "
                "laughed at.\nSays \"not good enough\" <b>loudly</b>.", "trust_in_self": 4,
                "stage": "befriended", "color": "#aa3366"}),
            payload.SharedPart(little, 2, {
                "name": "Little One 🧒", "role": "exile", "trust_in_self": None,
                "needs": "to be seen — ביחד"}),
        ),
        relations=(payload.SharedRelation(payload.RelationKind.PROTECTS, critic, little,
                                          "shields her"),),
        withdrawn=(gone,),
        message="Here are two of my parts.\n\tWith care — A.")


def payload_v2_vectors() -> dict[str, object]:
    """A version-2 payload: the same bundle with the sender's wishes for the next session."""
    from dataclasses import replace

    from partsjournal.domain.session_contract import Facilitation, Reach, SessionContract

    alice, bob = identities().values()
    wishes = SessionContract(Facilitation.GENTLE_FACILITATION, Reach.PROTECTORS_ONLY,
                             "Blaue Stunde", True)
    the_contents = replace(contents(), session_agreement=wishes)
    body = payload.encode_payload(the_contents)
    key = bundle.mac_key(alice.auth_private_key, bob.card().auth_public_key(),
                         alice.fingerprint, bob.fingerprint)
    return {
        "description": "A version-2 payload (docs/bundle-format.md, 'Payload versions'): "
                       "bundle.json's payload with a session_agreement; the MAC uses "
                       "bundle.json's mac_key.",
        "payload_object": payload.payload_object(the_contents),
        "payload": body.decode("utf-8"),
        "payload_hex": body.hex(),
        "mac": bundle.bundle_mac(key, bundle.HEADER, body).hex(),
    }


def card_vectors() -> dict[str, object]:
    people = []
    for label, who in identities().items():
        mlkem_key, x_key = expand_kem_seed(who.kem_seed)
        the_card = who.card()
        people.append({
            "label": label,
            "display_name": who.display_name,
            "kem_seed": who.kem_seed.hex(),
            "kem_seed_expanded_mlkem_seed": mlkem_key.private_bytes_raw().hex(),
            "kem_seed_expanded_x25519_private": x_key.private_bytes(
                serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                serialization.NoEncryption()).hex(),
            "auth_private": who.auth_private.hex(),
            "kem_public": who.kem_public.hex(),
            "auth_public": who.auth_public.hex(),
            "card": the_card.to_bytes().hex(),
            "armored": the_card.to_armored(),
            "fingerprint": who.fingerprint.hex,
        })
    alice, bob = identities().values()
    good = alice.card().to_bytes()
    rejected = [
        {"description": "version 2", "reason": "future_version",
         "card": (good[:6] + b"\x02" + good[7:]).hex()},
        {"description": "KEM id 0x0020 (DHKEM X25519)", "reason": "unsupported_kem",
         "card": (good[:7] + b"\x00\x20" + good[9:]).hex()},
        {"description": "one byte missing", "reason": "truncated", "card": good[:-1].hex()},
        {"description": "one byte appended", "reason": "trailing_data",
         "card": (good + b"\x00").hex()},
        {"description": "name with a leading space", "reason": "bad_name",
         "card": (good[:1257] + b"\x00\x04 Bob").hex()},
        {"description": "name with an ESC control character", "reason": "bad_name",
         "card": (good[:1257] + b"\x00\x04B\x1bob").hex()},
        {"description": "all-zero (small order) auth key", "reason": "bad_key",
         "card": (good[:1225] + bytes(32) + good[1257:]).hex()},
    ]
    return {
        "description": "Parts Journal contact card vectors; see docs/contact-card.md.",
        "identities": people,
        "safety_number": {
            "between": ["alice", "bob"],
            "digits": card.safety_number(alice.fingerprint, bob.fingerprint).digits,
            "display": str(card.safety_number(alice.fingerprint, bob.fingerprint)),
        },
        "rejected": rejected,
    }


#: X-Wing's combiner label, "\\.//^\\" (draft-connolly-cfrg-xwing-kem, since -05: hashed last).
XWING_LABEL = bytes.fromhex("5c2e2f2f5e5c")


def xwing_decapsulate(who: Identity, enc: bytes) -> bytes:
    """X-Wing's Decapsulate, spelled out with the ML-KEM and X25519 primitives (not HPKE)."""
    mlkem_key, x_key = expand_kem_seed(who.kem_seed)
    ct_m, ct_x = enc[:1088], enc[1088:]
    ss_m = mlkem_key.decapsulate(ct_m)
    ss_x = x_key.exchange(x25519.X25519PublicKey.from_public_bytes(ct_x))
    return hashlib.sha3_256(ss_m + ss_x + ct_x + who.kem_public[1184:] + XWING_LABEL).digest()


def hpke_key_schedule(shared_secret: bytes, info: bytes, header: bytes) -> tuple[bytes, bytes]:
    """RFC 9180 §5.1, base mode, HKDF-SHA256: (key, base_nonce) for ChaCha20-Poly1305."""
    suite_id = b"HPKE" + header[9:15]  # KEM id, KDF id, AEAD id as in the header

    def extract(salt: bytes, label: bytes, ikm: bytes) -> bytes:
        return hmac.digest(salt, b"HPKE-v1" + suite_id + label + ikm, "sha256")

    def expand(prk: bytes, label: bytes, context: bytes, length: int) -> bytes:
        labeled = length.to_bytes(2, "big") + b"HPKE-v1" + suite_id + label + context
        return hmac.digest(prk, labeled + b"\x01", "sha256")[:length]  # one block is enough

    context = b"\x00" + extract(b"", b"psk_id_hash", b"") + extract(b"", b"info_hash", info)
    secret = extract(shared_secret, b"secret", b"")
    return expand(secret, b"key", context, 32), expand(secret, b"base_nonce", context, 12)


def bundle_vectors(previous: dict[str, object] | None, new_hpke: bool) -> dict[str, object]:
    alice, bob = identities().values()
    the_contents = contents()
    body = payload.encode_payload(the_contents)
    shared = alice.auth_private_key.exchange(bob.card().auth_public_key())
    key = bundle.mac_key(alice.auth_private_key, bob.card().auth_public_key(),
                         alice.fingerprint, bob.fingerprint)
    mac = bundle.bundle_mac(key, bundle.HEADER, body)
    plaintext = alice.fingerprint.digest + mac + body
    sealed = None
    if previous and not new_hpke:
        old = bytes.fromhex(str(previous["bundle"]))
        try:
            if bundle.SUITE.decrypt(old[bundle.HEADER_SIZE:], bob.kem_private_key,
                                    info=bundle.hpke_info()) == plaintext:
                sealed = old
        except Exception:  # a stale vector is simply replaced
            sealed = None
    if sealed is None:
        sealed = bundle.seal(the_contents, alice, bob.card())
        print("new HPKE ciphertext generated", file=sys.stderr)
    # What Bob's side computes inside HPKE, for implementations that want to check each step.
    enc = sealed[bundle.HEADER_SIZE:bundle.HEADER_SIZE + bundle.ENC_SIZE]
    shared_secret = xwing_decapsulate(bob, enc)
    hpke_key, base_nonce = hpke_key_schedule(shared_secret, bundle.hpke_info(), bundle.HEADER)
    return {
        "description": "Parts Journal bundle vectors (Alice -> Bob); see docs/bundle-format.md. "
                       "The HPKE ciphertext in 'bundle' was produced once with a random "
                       "ephemeral key; check it by decrypting, not by re-encrypting.",
        "sender": "alice",
        "recipient": "bob",
        "payload_object": payload.payload_object(the_contents),
        "payload": body.decode("utf-8"),
        "payload_hex": body.hex(),
        "header": bundle.HEADER.hex(),
        "hpke_info": bundle.hpke_info().hex(),
        "x25519_shared_secret": shared.hex(),
        "mac_key_info": (bundle.MAC_LABEL + alice.fingerprint.digest
                         + bob.fingerprint.digest).hex(),
        "mac_key": key.hex(),
        "mac": mac.hex(),
        "reverse_mac_key": bundle.mac_key(bob.auth_private_key, alice.card().auth_public_key(),
                                          bob.fingerprint, alice.fingerprint).hex(),
        "hpke_plaintext": plaintext.hex(),
        "bundle": sealed.hex(),
        "kem_enc": enc.hex(),
        "kem_shared_secret": shared_secret.hex(),
        "hpke_key": hpke_key.hex(),
        "hpke_base_nonce": base_nonce.hex(),
    }


def main() -> None:
    new_hpke = "--new-hpke" in sys.argv
    HERE.mkdir(exist_ok=True)
    card_file, bundle_file = HERE / "card.json", HERE / "bundle.json"
    previous = json.loads(bundle_file.read_text()) if bundle_file.exists() else None
    for path, data in ((card_file, card_vectors()),
                       (bundle_file, bundle_vectors(previous, new_hpke)),
                       (HERE / "payload-v2.json", payload_v2_vectors())):
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
