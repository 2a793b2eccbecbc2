"""A vault's identity: the key pairs behind its contact card (docs/bundle-format.md).

Two key pairs, both stored as short private seeds inside the encrypted database:

* the **KEM key** for confidentiality — HPKE's MLKEM768-X25519 (X-Wing). Its private key is a
  32-byte seed expanded with SHAKE256 to 96 bytes exactly as X-Wing does: the first 64 bytes are
  the ML-KEM-768 seed (d ‖ z), the last 32 the X25519 private key;
* the **auth key** for repudiable sender authentication — a static X25519 key (32 raw bytes).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

from cryptography.hazmat.primitives import hpke, serialization
from cryptography.hazmat.primitives.asymmetric import mlkem, x25519

from partsjournal.exchange.card import ContactCard, Fingerprint, fingerprint_of

KEM_SEED_SIZE = 32
AUTH_PRIVATE_SIZE = 32

_RAW = serialization.Encoding.Raw
_RAW_PUBLIC = serialization.PublicFormat.Raw


def expand_kem_seed(seed: bytes) -> tuple[mlkem.MLKEM768PrivateKey, x25519.X25519PrivateKey]:
    """X-Wing's key expansion: ``SHAKE256(seed, 96)`` → (ML-KEM-768 seed, X25519 private key)."""
    if len(seed) != KEM_SEED_SIZE:
        raise ValueError("a KEM seed is 32 bytes")
    expanded = hashlib.shake_256(seed).digest(96)
    return (mlkem.MLKEM768PrivateKey.from_seed_bytes(expanded[:64]),
            x25519.X25519PrivateKey.from_private_bytes(expanded[64:]))


@dataclass(frozen=True)
class Identity:
    """The private half of a vault's identity, and the card it publishes."""

    display_name: str
    kem_seed: bytes = field(repr=False)
    auth_private: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.kem_seed) != KEM_SEED_SIZE or len(self.auth_private) != AUTH_PRIVATE_SIZE:
            raise ValueError("identity keys have the wrong length")

    @classmethod
    def generate(cls, display_name: str = "", *,
                 random: Callable[[int], bytes] = os.urandom) -> Identity:
        """A fresh identity; ``random`` can be replaced to make test vectors."""
        return cls(display_name, random(KEM_SEED_SIZE), random(AUTH_PRIVATE_SIZE))

    def with_name(self, display_name: str) -> Identity:
        """The same keys under another display name."""
        return replace(self, display_name=display_name)

    @cached_property
    def _kem_parts(self) -> tuple[mlkem.MLKEM768PrivateKey, x25519.X25519PrivateKey]:
        return expand_kem_seed(self.kem_seed)

    @cached_property
    def kem_private_key(self) -> hpke.MLKEM768X25519PrivateKey:
        """The HPKE private key bundles to this vault are decrypted with."""
        return hpke.MLKEM768X25519PrivateKey(*self._kem_parts)

    @cached_property
    def kem_public(self) -> bytes:
        """1216 bytes: the ML-KEM-768 encapsulation key (1184) ‖ the X25519 public key (32)."""
        mlkem_key, x_key = self._kem_parts
        return (mlkem_key.public_key().public_bytes_raw()
                + x_key.public_key().public_bytes(_RAW, _RAW_PUBLIC))

    @cached_property
    def auth_private_key(self) -> x25519.X25519PrivateKey:
        """The static X25519 key bundle MACs are keyed with."""
        return x25519.X25519PrivateKey.from_private_bytes(self.auth_private)

    @cached_property
    def auth_public(self) -> bytes:
        """32 bytes."""
        return self.auth_private_key.public_key().public_bytes(_RAW, _RAW_PUBLIC)

    @cached_property
    def fingerprint(self) -> Fingerprint:
        """The fingerprint peers see for this identity."""
        return fingerprint_of(self.kem_public, self.auth_public)

    def card(self) -> ContactCard:
        """The contact card to give to peers; needs a display name (CardRejected otherwise)."""
        return ContactCard(self.display_name, self.kem_public, self.auth_public)
