"""Key slots: the data key, wrapped once per way of unlocking (docs/vault-format.md).

``keyslots.json`` holds no personal data: a vault id, and for each slot the KDF parameters, a nonce
and the wrapped data key. Each slot is ChaCha20-Poly1305 over the 32-byte data key, with the slot's
own metadata and the vault id as associated data, so changing any parameter is detected exactly like
a wrong passphrase.
"""

from __future__ import annotations

import base64
import json
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from partsjournal.errors import VaultCorrupted, VaultNotFound, WrongPassphrase
from partsjournal.vault import recovery
from partsjournal.vault.fsutil import atomic_write
from partsjournal.vault.secret import DataKey, scrub_bytes, take_bytes

FORMAT = "parts-journal-keyslots"
FORMAT_VERSION = 1
AEAD_NAME = "chacha20-poly1305"
AAD_LABEL = b"parts-journal keyslot v1"
RECOVERY_INFO = "parts-journal recovery slot v1"
DATA_KEY_BYTES = 32

# Floors from docs/vault-format.md, and ceilings so a tampered file can't exhaust memory or time.
MIN_MEMORY_KIB = 64 * 1024
MIN_ITERATIONS = 2
MAX_MEMORY_KIB = 4 * 1024 * 1024
MAX_ITERATIONS = 64
CALIBRATION_TARGET = (0.5, 1.0)
CALIBRATION_MAX_MEMORY_KIB = 256 * 1024


@dataclass(frozen=True)
class KdfProfile:
    """Argon2id cost parameters (memory in KiB)."""

    memory_kib: int
    iterations: int
    lanes: int = 4


#: What production starts calibrating from; never goes below it.
DEFAULT_PROFILE = KdfProfile(memory_kib=MIN_MEMORY_KIB, iterations=MIN_ITERATIONS, lanes=4)


def derive_passphrase_key(passphrase: str, salt: bytes, profile: KdfProfile) -> bytes:
    """Argon2id of the passphrase (UTF-8, NFC as typed) into a 32-byte key-encryption key."""
    kdf = Argon2id(salt=salt, length=32, iterations=profile.iterations, lanes=profile.lanes,
                   memory_cost=profile.memory_kib)
    encoded = passphrase.encode("utf-8")
    try:
        return kdf.derive(encoded)
    finally:
        scrub_bytes(encoded)  # ours alone; the caller's str is beyond reach


def derive_recovery_key(secret: bytes, salt: bytes) -> bytes:
    """HKDF-SHA256 of the 128-bit recovery secret: it is random already, so no stretching needed."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt,
                info=RECOVERY_INFO.encode()).derive(secret)


def calibrate(measure: Callable[[KdfProfile], float] | None = None) -> KdfProfile:
    """Pick Argon2id costs that take 0.5–1 s here: more memory first (up to 256 MiB), then passes.

    ``measure`` returns the seconds one derivation takes; tests pass a fake one.
    """
    if measure is None:
        measure = _time_derivation
    profile = DEFAULT_PROFILE
    seconds = measure(profile)
    low, high = CALIBRATION_TARGET
    while seconds < low and profile.memory_kib * 2 <= CALIBRATION_MAX_MEMORY_KIB:
        doubled = KdfProfile(profile.memory_kib * 2, profile.iterations, profile.lanes)
        doubled_seconds = measure(doubled)
        if doubled_seconds > high:
            break
        profile, seconds = doubled, doubled_seconds
    while seconds < low and profile.iterations < MAX_ITERATIONS:
        per_pass = seconds / profile.iterations
        wanted = max(profile.iterations + 1, int((low + high) / 2 / per_pass))
        candidate = KdfProfile(profile.memory_kib, min(wanted, MAX_ITERATIONS), profile.lanes)
        profile, seconds = candidate, measure(candidate)
    return profile


def _time_derivation(profile: KdfProfile) -> float:
    start = time.perf_counter()
    derive_passphrase_key("calibration", b"\0" * 16, profile)
    return time.perf_counter() - start


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)


def canonical_json(value: object) -> bytes:
    """Sorted keys, no spaces, ASCII only: the same bytes in every implementation."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def slot_aad(vault_id: str, slot: dict[str, Any]) -> bytes:
    """Associated data: label, vault id and every slot field except the nonce and the ciphertext."""
    metadata = {k: v for k, v in slot.items() if k not in ("nonce", "wrapped_key")}
    return AAD_LABEL + b"\0" + vault_id.encode("ascii") + b"\0" + canonical_json(metadata)


def _wrap(vault_id: str, slot: dict[str, Any], kek: bytes, data_key: DataKey) -> dict[str, Any]:
    nonce = secrets.token_bytes(12)
    try:
        with data_key.borrow() as raw:
            wrapped = ChaCha20Poly1305(kek).encrypt(nonce, raw, slot_aad(vault_id, slot))
    finally:
        scrub_bytes(kek)
    return slot | {"nonce": _b64(nonce), "wrapped_key": _b64(wrapped)}


def _unwrap(vault_id: str, slot: dict[str, Any], kek: bytes) -> DataKey:
    """The data key, moved out of the AEAD's ``bytes`` result into a DataKey (see secret.py)."""
    try:
        nonce = _unb64(slot["nonce"])
        wrapped = _unb64(slot["wrapped_key"])
        plain = ChaCha20Poly1305(kek).decrypt(nonce, wrapped, slot_aad(vault_id, slot))
    except (InvalidTag, ValueError, KeyError, TypeError) as exc:
        raise WrongPassphrase() from exc
    finally:
        scrub_bytes(kek)
    if len(plain) != DATA_KEY_BYTES:
        raise WrongPassphrase()
    return take_bytes(plain)


def passphrase_slot(vault_id: str, passphrase: str, data_key: DataKey,
                    profile: KdfProfile) -> dict[str, Any]:
    """A new passphrase slot (fresh salt and nonce) wrapping ``data_key``."""
    salt = secrets.token_bytes(16)
    slot = {
        "type": "passphrase",
        "kdf": {"name": "argon2id", "salt": _b64(salt), "memory_kib": profile.memory_kib,
                "iterations": profile.iterations, "lanes": profile.lanes, "length": 32},
        "aead": AEAD_NAME,
    }
    return _wrap(vault_id, slot, derive_passphrase_key(passphrase, salt, profile), data_key)


def recovery_slot(vault_id: str, secret: bytes, data_key: DataKey) -> dict[str, Any]:
    """A new recovery slot wrapping ``data_key`` under the recovery code's secret."""
    salt = secrets.token_bytes(16)
    slot = {
        "type": "recovery",
        "kdf": {"name": "hkdf-sha256", "salt": _b64(salt), "info": RECOVERY_INFO, "length": 32},
        "aead": AEAD_NAME,
    }
    return _wrap(vault_id, slot, derive_recovery_key(secret, salt), data_key)


@dataclass
class KeySlots:
    """The parsed contents of ``keyslots.json``."""

    vault_id: str
    slots: list[dict[str, Any]]

    def slot(self, kind: str) -> dict[str, Any]:
        """The first slot of a type; a vault without one is treated as a wrong passphrase."""
        for slot in self.slots:
            if slot.get("type") == kind:
                return slot
        raise WrongPassphrase()

    def profile(self) -> KdfProfile:
        """The Argon2id parameters of the passphrase slot, bounds-checked."""
        kdf = self.slot("passphrase").get("kdf")
        if not isinstance(kdf, dict) or kdf.get("name") != "argon2id":
            raise WrongPassphrase()
        memory, iterations, lanes = kdf.get("memory_kib"), kdf.get("iterations"), kdf.get("lanes")
        if not all(isinstance(v, int) and not isinstance(v, bool)
                   for v in (memory, iterations, lanes)):
            raise WrongPassphrase()
        assert isinstance(memory, int) and isinstance(iterations, int) and isinstance(lanes, int)
        if not (8 * lanes <= memory <= MAX_MEMORY_KIB and 1 <= iterations <= MAX_ITERATIONS
                and 1 <= lanes <= 16):
            raise WrongPassphrase()
        return KdfProfile(memory, iterations, lanes)

    def unlock_with_passphrase(self, passphrase: str) -> DataKey:
        """Return the data key (wipe it when done), or raise :class:`WrongPassphrase`.

        A tampered slot is reported as a wrong passphrase too.
        """
        slot = self.slot("passphrase")
        profile = self.profile()
        try:
            salt = _unb64(slot["kdf"]["salt"])
        except (ValueError, KeyError, TypeError) as exc:
            raise WrongPassphrase() from exc
        return _unwrap(self.vault_id, slot, derive_passphrase_key(passphrase, salt, profile))

    def unlock_with_recovery_code(self, code: str) -> DataKey:
        """Return the data key (wipe it when done) from a typed recovery code; typos are named."""
        secret = recovery.parse(code)
        slot = self.slot("recovery")
        try:
            salt = _unb64(slot["kdf"]["salt"])
        except (ValueError, KeyError, TypeError) as exc:
            raise WrongPassphrase() from exc
        return _unwrap(self.vault_id, slot, derive_recovery_key(secret, salt))

    def with_passphrase_slot(self, slot: dict[str, Any]) -> KeySlots:
        """A copy with the passphrase slot replaced."""
        others = [s for s in self.slots if s.get("type") != "passphrase"]
        return KeySlots(self.vault_id, [slot, *others])

    def with_recovery_slot(self, slot: dict[str, Any]) -> KeySlots:
        """A copy with the recovery slot replaced."""
        others = [s for s in self.slots if s.get("type") != "recovery"]
        return KeySlots(self.vault_id, [*others, slot])

    def to_bytes(self) -> bytes:
        """The file's bytes: readable JSON (it holds no personal data)."""
        document = {"format": FORMAT, "version": FORMAT_VERSION, "vault_id": self.vault_id,
                    "slots": self.slots}
        return (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("ascii")

    def save(self, path: Path) -> None:
        """Write atomically (temp file, fsync, rename, fsync folder)."""
        atomic_write(path, self.to_bytes())

    @classmethod
    def load(cls, path: Path) -> KeySlots:
        """Read and shape-check the file; a malformed file is a tampered one."""
        try:
            raw = path.read_bytes()
        except FileNotFoundError as exc:
            raise VaultNotFound(
                f"The key file {path} is missing, so the journal can't be unlocked. If you have "
                "a backup, restore it.", missing=path) from exc
        try:
            document = json.loads(raw)
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise VaultCorrupted(f"The key file {path} is damaged.", path=path) from exc
        if (not isinstance(document, dict) or document.get("format") != FORMAT
                or not isinstance(document.get("vault_id"), str)
                or not isinstance(document.get("slots"), list)
                or not all(isinstance(s, dict) for s in document["slots"])):
            raise WrongPassphrase()
        if document.get("version") != FORMAT_VERSION:
            raise WrongPassphrase()
        vault_id = document["vault_id"]
        if not vault_id.isascii():
            raise WrongPassphrase()
        return cls(vault_id, document["slots"])


def new_data_key() -> DataKey:
    """A fresh random 256-bit key for the database."""
    return take_bytes(secrets.token_bytes(DATA_KEY_BYTES))
