"""Recovery codes: 128 random bits a person can write down, with a check that catches typos.

A code is 16 random bytes followed by the first 4 bytes of their SHA-256, written in Crockford's
base32 (no I, L, O, U) as 8 groups of 4 characters, e.g. ``7K3M-...``. Reading accepts any case and
any separators, and reads O as 0 and I/L as 1, the usual slips when copying by hand.
"""

from __future__ import annotations

import hashlib
import secrets

from partsjournal.errors import WrongPassphrase

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
SECRET_BYTES = 16
CHECK_BYTES = 4
GROUP = 4
_DECODE = {ch: i for i, ch in enumerate(ALPHABET)} | {"O": 0, "I": 1, "L": 1}


class RecoveryCodeTypo(WrongPassphrase):
    """The code is not well formed or its check digits do not match: most likely a typo."""

    def __init__(self) -> None:
        super().__init__(
            "That recovery code has a typo: its check doesn't match. Compare it with your written "
            "copy group by group."
        )


def generate() -> tuple[str, bytes]:
    """Return a new recovery code as display text and the 16 secret bytes it stands for."""
    secret = secrets.token_bytes(SECRET_BYTES)
    return format_code(secret), secret


def format_code(secret: bytes) -> str:
    """Render the secret plus its check as grouped base32."""
    raw = secret + hashlib.sha256(secret).digest()[:CHECK_BYTES]
    number = int.from_bytes(raw, "big")
    chars = []
    for _ in range(len(raw) * 8 // 5):
        chars.append(ALPHABET[number & 31])
        number >>= 5
    text = "".join(reversed(chars))
    return "-".join(text[i:i + GROUP] for i in range(0, len(text), GROUP))


def parse(text: str) -> bytes:
    """Return the 16 secret bytes of a typed code, or raise :class:`RecoveryCodeTypo`."""
    cleaned = [ch for ch in text.upper() if ch.isalnum()]
    total_bytes = SECRET_BYTES + CHECK_BYTES
    if len(cleaned) != total_bytes * 8 // 5 or any(ch not in _DECODE for ch in cleaned):
        raise RecoveryCodeTypo()
    number = 0
    for ch in cleaned:
        number = (number << 5) | _DECODE[ch]
    raw = number.to_bytes(total_bytes, "big")
    secret, check = raw[:SECRET_BYTES], raw[SECRET_BYTES:]
    if not secrets.compare_digest(hashlib.sha256(secret).digest()[:CHECK_BYTES], check):
        raise RecoveryCodeTypo()
    return secret

