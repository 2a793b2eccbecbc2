"""The data key in one mutable buffer that locking wipes (docs/security.md, "Keys in memory").

Python's ``bytes`` and ``str`` are immutable: a key held in one can't be erased, only dropped, and
the memory it occupied keeps the key until something else happens to reuse it. So the unlocked
vault holds its key in a :class:`DataKey` — a ``bytearray`` that :meth:`DataKey.wipe` zeroes in
place — and SQLCipher gets it through :func:`raw_key_literal`, built in another bytearray that the
caller wipes right after use. Nothing here ever makes a ``bytes`` or ``str`` of the key.

Two limits, stated plainly: the cryptography library returns an unwrapped key as ``bytes``
(:func:`take_bytes` copies it into a DataKey and then overwrites that ``bytes`` object in place,
which CPython allows through ctypes), and copies made by code that ignores these rules
(``bytes(key)``, ``key.hex()``, slicing) are ordinary objects again.
"""

from __future__ import annotations

import ctypes
import hmac
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

from partsjournal.errors import VaultLocked

KEY_BYTES = 32
_HEX = b"0123456789abcdef"


class DataKey(bytearray):
    """The 32-byte database key; :meth:`wipe` zeroes it and refuses every later use.

    It is a ``bytearray`` so the cryptography library and ctypes read it without a copy. Use it
    only through :meth:`borrow` (which raises :class:`VaultLocked` once wiped and keeps
    :meth:`wipe` waiting while the key is being handed to SQLCipher on another thread).
    """

    __slots__ = ("_guard", "_wiped")

    def __init__(self, source: bytes | bytearray | memoryview) -> None:
        super().__init__(KEY_BYTES)
        self._guard = threading.Lock()
        self._wiped = False
        if len(source) != KEY_BYTES:
            raise ValueError("a data key is 32 bytes")
        self[:] = source  # same length: copied into this buffer, never reallocated

    @classmethod
    def copy_of(cls, key: bytes | bytearray) -> DataKey:
        """A new DataKey holding the same key (``key`` itself is left as it is)."""
        if isinstance(key, DataKey):
            with key.borrow() as raw:
                return cls(raw)
        return cls(key)

    @property
    def wiped(self) -> bool:
        """True once :meth:`wipe` ran."""
        return self._wiped

    @contextmanager
    def borrow(self) -> Iterator[bytearray]:
        """The live buffer, for the duration of one use; raises VaultLocked once wiped."""
        with self._guard:
            if self._wiped:
                raise VaultLocked("The journal is locked. Unlock it to continue.")
            yield self

    def wipe(self) -> None:
        """Zero the buffer in place; safe to call twice."""
        with self._guard:
            self._wiped = True
            _zero(self)

    def matches(self, other: bytes | bytearray) -> bool:
        """Constant-time comparison."""
        with self.borrow() as raw:
            return hmac.compare_digest(raw, other)

    def __del__(self) -> None:
        # A key nobody wiped explicitly (a dropped unlock result, say) is wiped when it is freed.
        if not getattr(self, "_wiped", True):
            try:
                _zero(self)
            except Exception:  # at interpreter exit ctypes may already be gone
                pass

    def __repr__(self) -> str:
        return "DataKey(<wiped>)" if self._wiped else "DataKey(<32 bytes>)"

    __str__ = __repr__

    def __reduce_ex__(self, protocol: object) -> NoReturn:
        raise TypeError("a DataKey is not copied or pickled")


@contextmanager
def borrowed(key: bytes | bytearray) -> Iterator[bytes | bytearray]:
    """``key.borrow()`` for a DataKey; any other bytes-like key as it is (tests, tools)."""
    if isinstance(key, DataKey):
        with key.borrow() as raw:
            yield raw
    else:
        yield key


@contextmanager
def wiped_on_error(key: DataKey) -> Iterator[None]:
    """Wipe ``key`` if the block raises (a failed unlock must not leave the key behind)."""
    try:
        yield
    except BaseException:
        key.wipe()
        raise


def raw_key_literal(raw: bytes | bytearray) -> bytearray:
    """``x'<64 hex digits>'`` in a new bytearray: SQLCipher's raw-key form. The caller wipes it.

    Built digit by digit into a preallocated buffer (indexing a bytes object yields cached small
    ints), so no ``str`` or ``bytes`` of the hex ever exists.
    """
    out = bytearray(3 + 2 * len(raw))
    out[0], out[1], out[-1] = 0x78, 0x27, 0x27  # x ' '
    for i, byte in enumerate(raw):
        out[2 + 2 * i] = _HEX[byte >> 4]
        out[3 + 2 * i] = _HEX[byte & 15]
    return out


def wipe(buffer: bytearray) -> None:
    """Zero a bytearray in place."""
    _zero(buffer)


def take_bytes(key: bytes) -> DataKey:
    """Copy a freshly made ``bytes`` key (an AEAD result) into a DataKey and erase the original.

    Only for ``bytes`` objects the caller has just received and holds the sole reference to: the
    original is overwritten in place, which would corrupt any other holder.
    """
    data_key = DataKey(key)
    scrub_bytes(key)
    return data_key


def scrub_bytes(data: bytes) -> bool:
    """Overwrite a ``bytes`` object's contents in place (CPython only); True if it was done.

    For short-lived secrets the caller owns outright — an unwrapped key, a derived key-encryption
    key, an encoded passphrase — so that the freed memory doesn't keep them. Never call it on an
    object anyone else may hold: ``bytes`` are assumed immutable everywhere else.
    """
    if type(data) is not bytes or len(data) < 2 or _BYTES_DATA_OFFSET is None:
        return False
    ctypes.memset(id(data) + _BYTES_DATA_OFFSET, 0, len(data))
    return True


def scrub_str(text: str) -> bool:
    """Overwrite an ASCII ``str``'s characters in place (CPython only); True if it was done.

    Only for a str built moments ago from a secret and held by nobody else (the fallback
    ``PRAGMA key`` statement); same warning as :func:`scrub_bytes`.
    """
    if type(text) is not str or len(text) < 2 or not text.isascii() or _STR_DATA_OFFSET is None:
        return False
    ctypes.memset(id(text) + _STR_DATA_OFFSET, 0, len(text))
    return True


def _zero(buffer: bytearray) -> None:
    if buffer:
        ctypes.memset((ctypes.c_char * len(buffer)).from_buffer(buffer), 0, len(buffer))


def _probe_offset(sample: bytes | str, expected: bytes) -> int | None:
    """Where CPython keeps the characters of ``sample``, checked by reading them back."""
    if sys.implementation.name != "cpython":
        return None
    offset = type(sample).__basicsize__ - 1 if isinstance(sample, bytes) else \
        sys.getsizeof("") - 1
    if ctypes.string_at(id(sample) + offset, len(expected)) != expected:
        return None
    return offset


# Probes made at run time (not constants, which could be shared): the layout of a compact bytes
# object and of a compact ASCII str, confirmed before anything is written through it.
_BYTES_DATA_OFFSET = _probe_offset(bytes(bytearray(b"layout-probe")), b"layout-probe")
_STR_DATA_OFFSET = _probe_offset("".join(["layout-", "probe"]), b"layout-probe")
