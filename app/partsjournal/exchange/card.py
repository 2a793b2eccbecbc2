"""Contact cards, fingerprints and safety numbers (every byte in docs/contact-card.md).

A card carries a display name and the two public keys of a vault's identity. It is what two peers
swap before they can share anything. Its *fingerprint* covers the keys only, so a peer can change
their display name without losing their verified status; the *safety number* of a pair is derived
from both fingerprints in sorted order, so both people read the same 60 digits.

Parsing is strict: anything that is not exactly a card is refused with a :class:`CardRejected`
whose ``reason`` names what was wrong.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re
import struct
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric import mlkem, x25519

from partsjournal.domain.validation import MAX_NAME, check_name
from partsjournal.errors import CardRefusal, CardRejected, ValidationError

CARD_MAGIC = b"PJCARD"
CARD_VERSION = 1
#: HPKE KEM identifier of MLKEM768-X25519 (X-Wing), the only KEM of card version 1.
KEM_ID = 0x647A
MLKEM_PUBLIC_SIZE = 1184
X25519_SIZE = 32
KEM_PUBLIC_SIZE = MLKEM_PUBLIC_SIZE + X25519_SIZE
AUTH_PUBLIC_SIZE = X25519_SIZE
#: A name of 200 characters is at most 800 bytes of UTF-8.
MAX_NAME_BYTES = 4 * MAX_NAME
_PREFIX = struct.Struct(">6sBH")  # magic, version, KEM id
_NAME_LENGTH = struct.Struct(">H")
_KEYS_END = _PREFIX.size + KEM_PUBLIC_SIZE + AUTH_PUBLIC_SIZE
#: Refuse card files (binary or text) above this size before reading them.
MAX_CARD_FILE = 64 * 1024

FINGERPRINT_LABEL = b"parts-journal fingerprint v1\x00"
SAFETY_NUMBER_LABEL = b"parts-journal safety number v1\x00"
FINGERPRINT_SIZE = 32

ARMOR_BEGIN = "-----BEGIN PARTS JOURNAL CONTACT CARD-----"
ARMOR_END = "-----END PARTS JOURNAL CONTACT CARD-----"
ARMOR_LINE = 64
_BASE64 = re.compile(r"^[A-Za-z0-9+/]*={0,2}$")
_HEX_SEPARATORS = re.compile(r"[\s:\-]")
_HEX = re.compile(r"^[0-9a-f]*$")


# Fingerprints and safety numbers -----------------------------------------------------------

@dataclass(frozen=True, order=True)
class Fingerprint:
    """SHA-256 over a label and both public keys: the identity of a peer's keys."""

    digest: bytes

    def __post_init__(self) -> None:
        if len(self.digest) != FINGERPRINT_SIZE:
            raise ValueError("a fingerprint is 32 bytes")

    @property
    def hex(self) -> str:
        """64 lowercase hex digits."""
        return self.digest.hex()

    def grouped(self) -> str:
        """16 groups of 4 hex digits, the form shown to people."""
        text = self.hex
        return " ".join(text[i:i + 4] for i in range(0, len(text), 4))

    def short(self) -> str:
        """The first 4 groups: enough to tell peers apart in a list."""
        return " ".join(self.grouped().split(" ")[:4])

    def matches(self, prefix: str) -> bool:
        """True if ``prefix`` (hex, any case, spaces or colons allowed) starts this fingerprint."""
        wanted = normalize_hex(prefix)
        return bool(wanted) and self.hex.startswith(wanted)

    def __str__(self) -> str:
        return self.grouped()


def normalize_hex(text: str) -> str:
    """Lowercase hex with spaces, colons and dashes removed; '' if anything else is in it."""
    cleaned = _HEX_SEPARATORS.sub("", text).lower()
    return cleaned if _HEX.match(cleaned) else ""


def fingerprint_of(kem_public: bytes, auth_public: bytes) -> Fingerprint:
    """``SHA-256(label ‖ KEM public key ‖ auth public key)``."""
    return Fingerprint(hashlib.sha256(FINGERPRINT_LABEL + kem_public + auth_public).digest())


@dataclass(frozen=True)
class SafetyNumber:
    """60 digits both peers read aloud to each other; the same on both sides."""

    digits: str

    @property
    def groups(self) -> tuple[str, ...]:
        """12 groups of 5 digits."""
        return tuple(self.digits[i:i + 5] for i in range(0, len(self.digits), 5))

    def rows(self, per_row: int = 4) -> list[str]:
        """The groups laid out in rows (3 rows of 4 by default), for reading aloud."""
        groups = self.groups
        return [" ".join(groups[i:i + per_row]) for i in range(0, len(groups), per_row)]

    def __str__(self) -> str:
        return " ".join(self.groups)


def safety_number(a: Fingerprint, b: Fingerprint) -> SafetyNumber:
    """``SHA-512(label ‖ lower fingerprint ‖ higher fingerprint)`` as 12 groups of 5 digits.

    Each group is 5 bytes of the digest read as a big-endian number, modulo 100000.
    """
    low, high = sorted((a.digest, b.digest))
    digest = hashlib.sha512(SAFETY_NUMBER_LABEL + low + high).digest()
    groups = (int.from_bytes(digest[i * 5:i * 5 + 5], "big") % 100_000 for i in range(12))
    return SafetyNumber("".join(f"{g:05d}" for g in groups))


# The card ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ContactCard:
    """A display name and the two public keys of a peer's identity."""

    display_name: str
    kem_public: bytes = field(repr=False)
    auth_public: bytes = field(repr=False)

    def __post_init__(self) -> None:
        _check_display_name(self.display_name)
        if len(self.kem_public) != KEM_PUBLIC_SIZE or len(self.auth_public) != AUTH_PUBLIC_SIZE:
            raise CardRejected(
                CardRefusal.BAD_KEY, "This contact card's keys have the wrong length.")
        # Constructing the key objects checks them (ML-KEM's modulus check; X25519 small order).
        _ = self._kem_key
        _ = self._auth_key

    @cached_property
    def fingerprint(self) -> Fingerprint:
        """The fingerprint of the card's keys (the name is not part of it)."""
        return fingerprint_of(self.kem_public, self.auth_public)

    @cached_property
    def _kem_key(self) -> hpke.MLKEM768X25519PublicKey:
        try:
            mlkem_key = mlkem.MLKEM768PublicKey.from_public_bytes(
                self.kem_public[:MLKEM_PUBLIC_SIZE])
            x_key = x25519.X25519PublicKey.from_public_bytes(self.kem_public[MLKEM_PUBLIC_SIZE:])
            _check_not_small_order(x_key)
        except ValueError as exc:
            raise CardRejected(
                CardRefusal.BAD_KEY, "This contact card holds an invalid encryption key; "
                "it may have been damaged. Ask for the card again.") from exc
        return hpke.MLKEM768X25519PublicKey(mlkem_key, x_key)

    @cached_property
    def _auth_key(self) -> x25519.X25519PublicKey:
        try:
            key = x25519.X25519PublicKey.from_public_bytes(self.auth_public)
            _check_not_small_order(key)
        except ValueError as exc:
            raise CardRejected(
                CardRefusal.BAD_KEY, "This contact card holds an invalid authentication "
                "key; it may have been damaged. Ask for the card again.") from exc
        return key

    def kem_public_key(self) -> hpke.MLKEM768X25519PublicKey:
        """The HPKE recipient key bundles for this peer are encrypted to."""
        return self._kem_key

    def auth_public_key(self) -> x25519.X25519PublicKey:
        """The static X25519 key bundle MACs are keyed with."""
        return self._auth_key

    def to_bytes(self) -> bytes:
        """The canonical encoding: the content of a ``.pjcard`` file."""
        name = self.display_name.encode("utf-8")
        return (_PREFIX.pack(CARD_MAGIC, CARD_VERSION, KEM_ID) + self.kem_public
                + self.auth_public + _NAME_LENGTH.pack(len(name)) + name)

    def to_armored(self) -> str:
        """The card as a text block to paste into a message (ends with a newline)."""
        data = self.to_bytes()
        text = base64.b64encode(data).decode("ascii")
        lines = [text[i:i + ARMOR_LINE] for i in range(0, len(text), ARMOR_LINE)]
        return "\n".join([ARMOR_BEGIN, *lines, "=" + _armor_checksum(data), ARMOR_END]) + "\n"


def _check_not_small_order(key: x25519.X25519PublicKey) -> None:
    """A small-order point gives an all-zero shared secret for every private key; refuse it."""
    probe = x25519.X25519PrivateKey.from_private_bytes(b"\x01" * 32)
    probe.exchange(key)  # raises ValueError on an all-zero result


def _check_display_name(name: str) -> None:
    try:
        cleaned = check_name(name, "display_name", "The name on a contact card")
    except ValidationError as exc:
        raise CardRejected(CardRefusal.BAD_NAME, str(exc)) from exc
    if cleaned != name:
        raise CardRejected(
            CardRefusal.BAD_NAME, "The name on a contact card can't start or end with "
            "spaces.")


def _armor_checksum(data: bytes) -> str:
    """Base64 of the first 6 bytes of SHA-256(card bytes): 8 characters."""
    return base64.b64encode(hashlib.sha256(data).digest()[:6]).decode("ascii")


# Reading -----------------------------------------------------------------------------------

def parse_card(data: bytes) -> ContactCard:
    """Read the binary encoding (a ``.pjcard`` file), refusing anything else."""
    if len(data) > MAX_CARD_FILE:
        raise CardRejected(CardRefusal.TOO_LARGE, "This file is far too big to be a contact card.")
    if data[:len(CARD_MAGIC)] != CARD_MAGIC:
        raise CardRejected(CardRefusal.NOT_A_CARD, "This isn't a Parts Journal contact card.")
    if len(data) < _PREFIX.size:
        raise _cut_short()
    _magic, version, kem_id = _PREFIX.unpack_from(data)
    if version > CARD_VERSION:
        raise CardRejected(
            CardRefusal.FUTURE_VERSION, "This contact card was made by a newer version of "
            "Parts Journal. Update Parts Journal, then add it again.")
    if version != CARD_VERSION:
        raise CardRejected(
            CardRefusal.UNKNOWN_VERSION, "This contact card has an unknown format version; "
            "it may be damaged. Ask for the card again.")
    if kem_id != KEM_ID:
        raise CardRejected(
            CardRefusal.UNSUPPORTED_KEM, "This contact card uses a kind of key this version "
            "of Parts Journal doesn't support.")
    if len(data) < _KEYS_END + _NAME_LENGTH.size:
        raise _cut_short()
    kem_public = data[_PREFIX.size:_PREFIX.size + KEM_PUBLIC_SIZE]
    auth_public = data[_PREFIX.size + KEM_PUBLIC_SIZE:_KEYS_END]
    (name_length,) = _NAME_LENGTH.unpack_from(data, _KEYS_END)
    if not 0 < name_length <= MAX_NAME_BYTES:
        raise CardRejected(
            CardRefusal.BAD_NAME, "The name on this contact card is empty or too long.")
    end = _KEYS_END + _NAME_LENGTH.size + name_length
    if len(data) < end:
        raise _cut_short()
    if len(data) > end:
        raise CardRejected(
            CardRefusal.TRAILING_DATA, "This contact card has extra bytes after its end; "
            "it may have been damaged. Ask for the card again.")
    try:
        name = data[_KEYS_END + _NAME_LENGTH.size:end].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CardRejected(
            CardRefusal.BAD_NAME, "The name on this contact card isn't valid text.") from exc
    return ContactCard(name, bytes(kem_public), bytes(auth_public))


def _cut_short() -> CardRejected:
    return CardRejected(
        CardRefusal.TRUNCATED, "This contact card is cut short; it may not have been "
        "copied in full. Ask for the card again.")


def parse_armored(text: str) -> ContactCard:
    """Read a pasted text block; text before and after the block is ignored."""
    if len(text) > MAX_CARD_FILE:
        raise CardRejected(CardRefusal.TOO_LARGE, "This text is far too long to be a contact card.")
    lines = [line.strip() for line in text.splitlines()]
    begins = [i for i, line in enumerate(lines) if line == ARMOR_BEGIN]
    ends = [i for i, line in enumerate(lines) if line == ARMOR_END]
    if not begins:
        raise CardRejected(
            CardRefusal.NOT_A_CARD, "This text doesn't contain a Parts Journal contact "
            f"card (it starts with the line {ARMOR_BEGIN}).")
    if len(begins) > 1 or len(ends) > 1:
        raise CardRejected(
            CardRefusal.MULTIPLE_CARDS, "This text holds more than one contact card; "
            "paste one at a time.")
    if not ends or ends[0] < begins[0]:
        raise CardRejected(
            CardRefusal.TRUNCATED, "The contact card text is cut short: its last line "
            f"({ARMOR_END}) is missing. Copy it again in full.")
    body = [line for line in lines[begins[0] + 1:ends[0]] if line]
    if not body or not body[-1].startswith("="):
        raise CardRejected(
            CardRefusal.CHECKSUM, "The contact card text has no checksum line, so it "
            "can't be checked. Copy it again in full.")
    encoded = "".join(body[:-1])
    if not _BASE64.match(encoded):
        raise CardRejected(CardRefusal.BAD_BASE64, "The contact card text contains characters that "
                           "don't belong in it. Copy it again exactly as it was sent.")
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise CardRejected(
            CardRefusal.BAD_BASE64, "The contact card text is incomplete or garbled. "
            "Copy it again exactly as it was sent.") from exc
    if not hmac.compare_digest(body[-1][1:].encode("ascii", "replace"),
                               _armor_checksum(data).encode("ascii")):
        raise CardRejected(
            CardRefusal.CHECKSUM, "The contact card text was changed or cut short: its "
            "checksum doesn't match. Copy it again in full.")
    return parse_card(data)


def read_card(data: bytes) -> ContactCard:
    """Read a card in either form: binary ``.pjcard`` bytes, or UTF-8 text with the block."""
    if data[:len(CARD_MAGIC)] == CARD_MAGIC:
        return parse_card(data)
    if len(data) > MAX_CARD_FILE:
        raise CardRejected(CardRefusal.TOO_LARGE, "This file is far too big to be a contact card.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CardRejected(
            CardRefusal.NOT_A_CARD, "This isn't a Parts Journal contact card.") from exc
    return parse_armored(text)


def read_card_file(path: Path) -> ContactCard:
    """Read a card from a file, refusing a big file before reading it."""
    try:
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_size > MAX_CARD_FILE:
                raise CardRejected(
                    CardRefusal.TOO_LARGE, f"{path} is far too big to be a contact card.")
            data = handle.read(MAX_CARD_FILE + 1)
    except OSError as exc:
        raise CardRejected(CardRefusal.UNREADABLE, f"The file {path} can't be read "
                           f"({exc.strerror or exc}).") from exc
    return read_card(data)
