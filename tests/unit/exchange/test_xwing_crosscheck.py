"""The X-Wing vectors, cross-checked with an implementation that shares no code with ours.

Our keys and bundles use X-Wing through `cryptography` (which wraps AWS-LC/BoringSSL/OpenSSL).
Here X-Wing is rebuilt from draft-connolly-cfrg-xwing-kem-06 out of kyber-py (a pure-Python
ML-KEM, FIPS 203), a pure-Python X25519 (RFC 7748) written below and hashlib's SHA3/SHAKE:

1. it must reproduce the draft's own first test vector (its inputs are the first bytes of
   SHAKE-128 of the empty string, as the draft's spec/xwing_test.py makes them);
2. it must derive the public keys of card.json from their seeds;
3. decapsulating the fixed bundle's ``enc`` with Bob's seed must give bundle.json's
   ``kem_shared_secret`` — the secret that test_vectors.py turns into the HPKE key which opens
   the ciphertext `cryptography` made.

kyber-py is in the ``test`` extra; without it these tests skip (and say so).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

ml_kem = pytest.importorskip("kyber_py.ml_kem", reason="kyber-py (pure-Python ML-KEM) is not "
                             "installed: pip install -e '.[test]'")
ML_KEM_768: Any = ml_kem.ML_KEM_768

VECTORS = Path(__file__).parent / "vectors"
XWING_LABEL = b"\\.//^\\"

#: draft-connolly-cfrg-xwing-kem-06, Appendix "Test vectors", first vector (unchanged in every
#: revision since -05). Its seed and eseed are SHAKE-128("")[0:32] and [32:96]; pk and ct are
#: long, so they are compared by SHA-256.
DRAFT_VECTOR = {
    "ss": "d2df0522128f09dd8e2c92b1e905c793d8f57a54c3da25861f10bf4ca613e384",
    "pk_sha256": "2e816deebcd76c5c80d0cd2d174478871658e8e2ff42bc9d4a6e486372e856bb",
    "ct_sha256": "17cd532d657e44c897ca6583e548a5424fc70bf54f99515a4d2bcf99e3469f33",
    "seed_prefix": "7f9c2ba4e88f827d",
}


# X25519 (RFC 7748 §5), written out: slow and not constant-time, fine for test vectors ----------

_P = 2**255 - 19
_BASE = (9).to_bytes(32, "little")


def x25519(scalar: bytes, u: bytes) -> bytes:
    k = bytearray(scalar)
    k[0] &= 248
    k[31] &= 127
    k[31] |= 64
    n = int.from_bytes(k, "little")
    x1 = int.from_bytes(u, "little") & ((1 << 255) - 1)
    x2, z2, x3, z3, swap = 1, 0, x1, 1, 0
    for t in reversed(range(255)):
        bit = (n >> t) & 1
        swap ^= bit
        if swap:
            x2, x3, z2, z3 = x3, x2, z3, z2
        swap = bit
        a, b = x2 + z2, x2 - z2
        aa, bb = a * a, b * b
        e = aa - bb
        c, d = x3 + z3, x3 - z3
        da, cb = d * a, c * b
        x3 = (da + cb) ** 2 % _P
        z3 = x1 * (da - cb) ** 2 % _P
        x2 = aa * bb % _P
        z2 = e * (aa + 121665 * e) % _P
    if swap:
        x2, z2 = x3, z3
    return (x2 * pow(z2, _P - 2, _P) % _P).to_bytes(32, "little")


# X-Wing (draft-connolly-cfrg-xwing-kem-06 §5) ----------------------------------------------------

def expand(seed: bytes) -> tuple[bytes, bytes, bytes, bytes]:
    """(ML-KEM encapsulation key, ML-KEM decapsulation key, X25519 secret, X25519 public)."""
    expanded = hashlib.shake_256(seed).digest(96)
    ek_m, dk_m = ML_KEM_768.key_derive(expanded[:64])
    sk_x = expanded[64:96]
    return ek_m, dk_m, sk_x, x25519(sk_x, _BASE)


def public_key(seed: bytes) -> bytes:
    ek_m, _dk_m, _sk_x, pk_x = expand(seed)
    return bytes(ek_m) + pk_x


def combiner(ss_m: bytes, ss_x: bytes, ct_x: bytes, pk_x: bytes) -> bytes:
    return hashlib.sha3_256(ss_m + ss_x + ct_x + pk_x + XWING_LABEL).digest()


def encapsulate_derand(pk: bytes, eseed: bytes) -> tuple[bytes, bytes]:
    pk_m, pk_x = pk[:1184], pk[1184:]
    ek_x = eseed[32:64]
    ct_x = x25519(ek_x, _BASE)
    ss_m, ct_m = ML_KEM_768._encaps_internal(pk_m, eseed[:32])
    return combiner(ss_m, x25519(ek_x, pk_x), ct_x, pk_x), bytes(ct_m) + ct_x


def decapsulate(ct: bytes, seed: bytes) -> bytes:
    _ek_m, dk_m, sk_x, pk_x = expand(seed)
    ct_m, ct_x = ct[:1088], ct[1088:]
    return combiner(ML_KEM_768.decaps(dk_m, ct_m), x25519(sk_x, ct_x), ct_x, pk_x)


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((VECTORS / name).read_text(encoding="utf-8"))
    return data


# The tests ---------------------------------------------------------------------------------------

def test_label_is_the_drafts() -> None:
    assert XWING_LABEL.hex() == "5c2e2f2f5e5c"


def test_the_independent_x_wing_reproduces_the_drafts_vector() -> None:
    stream = hashlib.shake_128(b"").digest(96)
    seed, eseed = stream[:32], stream[32:96]
    assert seed.hex().startswith(DRAFT_VECTOR["seed_prefix"])
    pk = public_key(seed)
    assert hashlib.sha256(pk).hexdigest() == DRAFT_VECTOR["pk_sha256"]
    ss, ct = encapsulate_derand(pk, eseed)
    assert len(ct) == 1120
    assert hashlib.sha256(ct).hexdigest() == DRAFT_VECTOR["ct_sha256"]
    assert ss.hex() == DRAFT_VECTOR["ss"]
    assert decapsulate(ct, seed) == ss


@pytest.mark.parametrize("label", ["alice", "bob"])
def test_card_public_keys_match_the_independent_key_expansion(label: str) -> None:
    person = next(p for p in load("card.json")["identities"] if p["label"] == label)
    assert public_key(bytes.fromhex(person["kem_seed"])).hex() == person["kem_public"]


def test_fixed_bundle_decapsulates_to_the_vectors_shared_secret() -> None:
    bundle = load("bundle.json")
    bob = next(p for p in load("card.json")["identities"] if p["label"] == bundle["recipient"])
    sealed = bytes.fromhex(bundle["bundle"])
    enc = sealed[15:15 + 1120]
    assert enc.hex() == bundle["kem_enc"]
    assert decapsulate(enc, bytes.fromhex(bob["kem_seed"])).hex() == bundle["kem_shared_secret"]
