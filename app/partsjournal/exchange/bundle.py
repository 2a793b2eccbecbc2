"""Sealing and opening ``.pjbundle`` files (every byte in docs/bundle-format.md).

A bundle file is ``header ‖ HPKE ciphertext``. The header (magic, version, suite) is bound into
the HPKE ``info``, since the library's single-shot HPKE takes no associated data. Inside the
ciphertext: the sender's fingerprint, a repudiable HMAC and the payload. The MAC key comes from
the static X25519 secret of sender and recipient, so either of the two could have written it —
the recipient can check who sent a bundle but cannot prove it to anyone else.
"""

from __future__ import annotations

import hmac
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, hpke
from cryptography.hazmat.primitives.asymmetric import x25519
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from partsjournal.errors import BundleRefusal, BundleRejected, ValidationError
from partsjournal.exchange.card import FINGERPRINT_SIZE, KEM_ID, ContactCard, Fingerprint
from partsjournal.exchange.identity import Identity
from partsjournal.exchange.payload import BundleContents, decode_payload, encode_payload

MAGIC = b"PJBUNDLE"
FORMAT_VERSION = 1
KDF_ID = 0x0001  # HKDF-SHA256
AEAD_ID = 0x0003  # ChaCha20-Poly1305
_HEADER = struct.Struct(">8sBHHH")
HEADER = _HEADER.pack(MAGIC, FORMAT_VERSION, KEM_ID, KDF_ID, AEAD_ID)
HEADER_SIZE = _HEADER.size
INFO_LABEL = b"parts-journal bundle\x00"
MAC_LABEL = b"parts-journal bundle mac v1\x00"
ENC_SIZE = 1120  # ML-KEM-768 ciphertext (1088) ‖ X25519 ephemeral public key (32)
TAG_SIZE = 16
MAC_SIZE = 32
MAX_BUNDLE_SIZE = 16 * 1024 * 1024
OVERHEAD = HEADER_SIZE + ENC_SIZE + TAG_SIZE + FINGERPRINT_SIZE + MAC_SIZE
SUFFIX = ".pjbundle"

SUITE = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)

#: ``encrypt(plaintext, recipient_key, info) -> enc ‖ ciphertext``; replaceable in tests.
Encryptor = Callable[[bytes, hpke.MLKEM768X25519PublicKey, bytes], bytes]


def hpke_info(header: bytes = HEADER) -> bytes:
    """HPKE ``info``: the format label followed by the file header."""
    return INFO_LABEL + header


def _hpke_encrypt(plaintext: bytes, key: hpke.MLKEM768X25519PublicKey, info: bytes) -> bytes:
    return SUITE.encrypt(plaintext, key, info=info)


def mac_key(own: x25519.X25519PrivateKey, other: x25519.X25519PublicKey,
            sender: Fingerprint, recipient: Fingerprint) -> bytes:
    """HKDF-SHA256 over the static X25519 secret, bound to sender and recipient, in that order.

    Either side computes the same key: the sender with (its private key, the recipient's public
    key), the recipient with (its private key, the sender's public key).
    """
    shared = own.exchange(other)
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=MAC_LABEL + sender.digest + recipient.digest).derive(shared)


def bundle_mac(key: bytes, header: bytes, payload: bytes) -> bytes:
    """HMAC-SHA256 over the header and the payload."""
    return hmac.digest(key, header + payload, "sha256")


# Sealing ------------------------------------------------------------------------------------

def seal(contents: BundleContents, sender: Identity, recipient: ContactCard, *,
         encrypt: Encryptor | None = None) -> bytes:
    """The bytes of a ``.pjbundle`` file carrying ``contents`` from ``sender`` to ``recipient``."""
    return seal_payload(encode_payload(contents), sender, recipient, encrypt=encrypt)


def seal_payload(payload: bytes, sender: Identity, recipient: ContactCard, *,
                 encrypt: Encryptor | None = None) -> bytes:
    """Seal already-encoded payload bytes (tests use it to seal hostile payloads)."""
    if OVERHEAD + len(payload) > MAX_BUNDLE_SIZE:
        raise ValidationError(
            "parts", f"This share is too big for one bundle ({_mib(OVERHEAD + len(payload))}; "
            f"the limit is {_mib(MAX_BUNDLE_SIZE)}). Share fewer parts or fields at a time.")
    key = mac_key(sender.auth_private_key, recipient.auth_public_key(), sender.fingerprint,
                  recipient.fingerprint)
    plaintext = sender.fingerprint.digest + bundle_mac(key, HEADER, payload) + payload
    return HEADER + (encrypt or _hpke_encrypt)(plaintext, recipient.kem_public_key(),
                                               hpke_info())


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MiB"


# Opening ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class OpenedBundle:
    """A bundle that decrypted, came from a known peer, carried a valid MAC and a valid payload."""

    sender: ContactCard
    contents: BundleContents
    payload: bytes


def check_header(data: bytes) -> None:
    """Refuse a file that is not a bundle of this format before any decryption."""
    if len(data) > MAX_BUNDLE_SIZE:
        raise _too_large()
    if len(data) < HEADER_SIZE and MAGIC.startswith(data[:len(MAGIC)]):
        raise _truncated()
    if data[:len(MAGIC)] != MAGIC:
        raise BundleRejected(BundleRefusal.NOT_A_BUNDLE, "This file isn't a Parts Journal bundle.")
    _magic, version, kem, kdf, aead = _HEADER.unpack_from(data)
    if version > FORMAT_VERSION:
        raise BundleRejected(
            BundleRefusal.FUTURE_VERSION, "This bundle was made by a newer version of Parts "
            "Journal. Update Parts Journal to import it; nothing in your journal "
            "was changed.")
    if version != FORMAT_VERSION:
        raise BundleRejected(
            BundleRefusal.UNKNOWN_VERSION, "This bundle has an unknown format version; it "
            "may be damaged. Nothing in your journal was changed.")
    if (kem, kdf, aead) != (KEM_ID, KDF_ID, AEAD_ID):
        raise BundleRejected(
            BundleRefusal.UNSUPPORTED_SUITE, "This bundle was encrypted in a way this "
            "version of Parts Journal doesn't support. Nothing in your journal "
            "was changed.")
    if len(data) < OVERHEAD:
        raise _truncated()


def open_bundle(data: bytes, recipient: Identity,
                find_sender: Callable[[Fingerprint], ContactCard | None]) -> OpenedBundle:
    """Decrypt, identify the sender, verify the MAC and validate the payload, in that order.

    ``find_sender`` maps a fingerprint to a known peer's card (or None). Every failure is a
    :class:`BundleRejected`; nothing is returned unless every check passed.
    """
    check_header(data)
    try:
        plaintext = SUITE.decrypt(data[HEADER_SIZE:], recipient.kem_private_key,
                                  info=hpke_info(data[:HEADER_SIZE]))
    except (InvalidTag, ValueError):
        raise BundleRejected(
            BundleRefusal.CANNOT_DECRYPT,
            "This bundle can't be opened with your key. Either it was made for someone else (for "
            "example with an old contact card of yours), or the file was damaged or cut short on "
            "the way. Nothing in your journal was changed.") from None
    # No length check here: check_header refused every file too short to hold a fingerprint and
    # a MAC after decryption (`truncated`, docs/bundle-format.md, step 2).
    sender_fp = Fingerprint(plaintext[:FINGERPRINT_SIZE])
    mac = plaintext[FINGERPRINT_SIZE:FINGERPRINT_SIZE + MAC_SIZE]
    payload = plaintext[FINGERPRINT_SIZE + MAC_SIZE:]
    card = None if sender_fp == recipient.fingerprint else find_sender(sender_fp)
    if card is None:
        raise BundleRejected(
            BundleRefusal.UNKNOWN_SENDER,
            "This bundle comes from someone who isn't among your peers "
            f"(fingerprint {sender_fp.short()} …). Add their contact card first, then open the "
            "bundle again. Nothing in your journal was changed.")
    key = mac_key(recipient.auth_private_key, card.auth_public_key(), sender_fp,
                  recipient.fingerprint)
    if not hmac.compare_digest(bundle_mac(key, data[:HEADER_SIZE], payload), mac):
        raise BundleRejected(
            BundleRefusal.BAD_MAC,
            f"This bundle claims to come from “{card.display_name}”, but its "
            "authentication doesn't match their key: it was altered, or forged by someone "
            "else. Nothing in your journal was changed.")
    return OpenedBundle(card, decode_payload(payload), payload)


def read_bundle_file(path: Path) -> bytes:
    """The bytes of a bundle file; a file over 16 MiB is refused before it is read."""
    try:
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_size > MAX_BUNDLE_SIZE:
                raise _too_large()
            data = handle.read(MAX_BUNDLE_SIZE + 1)
    except OSError as exc:
        raise BundleRejected(BundleRefusal.UNREADABLE, f"The file {path} can't be read "
                             f"({exc.strerror or exc}).") from exc
    if len(data) > MAX_BUNDLE_SIZE:
        raise _too_large()
    return data


def _too_large() -> BundleRejected:
    return BundleRejected(
        BundleRefusal.TOO_LARGE, f"This file is larger than {_mib(MAX_BUNDLE_SIZE)}, the "
        "most a bundle can be, so it was not opened. Nothing in your journal "
        "was changed.")


def _truncated() -> BundleRejected:
    return BundleRejected(
        BundleRefusal.TRUNCATED, "This bundle file is empty or cut short; it may not have "
        "been copied in full. Nothing in your journal was changed.")
