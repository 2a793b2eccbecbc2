"""The one exception hierarchy of the Qt-free layers (docs/architecture.md).

Every error a person can meet is a subclass of :class:`JournalError` and carries a message that is
already a kind, complete sentence. The UI and the CLI map these to a way forward; nothing else
ever reaches a user.
"""

from __future__ import annotations

import errno
from enum import StrEnum
from pathlib import Path


class JournalError(Exception):
    """Base of every expected failure; ``str(error)`` is a sentence fit for a person."""


class ValidationError(JournalError):
    """Input that cannot be stored as given (too long, empty name, control characters...)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class NotFound(JournalError):
    """A part, entry or peer that no longer exists."""


class VaultError(JournalError):
    """Something about the vault files themselves."""


class VaultNotFound(VaultError):
    """The folder is not a vault, or one of its files is missing."""

    def __init__(self, message: str, missing: Path | None = None) -> None:
        super().__init__(message)
        self.missing = missing


class VaultExists(VaultError):
    """Refusing to create a vault over an existing one."""


class WrongPassphrase(VaultError):
    """The passphrase or recovery code did not open any key slot (or a slot was tampered with)."""

    def __init__(self, message: str = "That passphrase didn't open this journal. "
                 "Check for Caps Lock and try again, or use your recovery code.") -> None:
        super().__init__(message)


class VaultCorrupted(VaultError):
    """A vault file is damaged; names the file and the newest backup that could replace it."""

    def __init__(self, message: str, path: Path | None = None,
                 newest_backup: Path | None = None) -> None:
        if newest_backup is not None:
            message = f"{message} The newest backup is {newest_backup}; you can restore it."
        else:
            message = f"{message} No backup was found to restore from."
        super().__init__(message)
        self.path = path
        self.newest_backup = newest_backup


class VaultFromNewerVersion(VaultError):
    """The vault was written by a newer Parts Journal; opening it could lose data."""


class VaultLocked(VaultError):
    """An operation needed an open vault, but it is locked."""


class DiskFull(VaultError):
    """A write did not fit on the disk; nothing of it was stored."""


class NoRoomToOpen(DiskFull):
    """The journal can't even be opened: SQLite's working files (``-shm``, ``-wal``) don't fit."""


def is_disk_full(error: BaseException) -> bool:
    """True when ``error``, or an error it was raised from, means the disk had no room."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, DiskFull):
            return True
        if isinstance(seen, OSError) and seen.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class BackupError(VaultError):
    """A backup could not be written or restored."""


class ExchangeError(JournalError):
    """Base of contact card and bundle failures."""


class CardRefusal(StrEnum):
    """Why a contact card was refused: the reasons docs/contact-card.md names, in its order."""

    TOO_LARGE = "too_large"
    UNREADABLE = "unreadable"
    NOT_A_CARD = "not_a_card"
    MULTIPLE_CARDS = "multiple_cards"
    TRUNCATED = "truncated"
    CHECKSUM = "checksum"
    BAD_BASE64 = "bad_base64"
    FUTURE_VERSION = "future_version"
    UNKNOWN_VERSION = "unknown_version"
    UNSUPPORTED_KEM = "unsupported_kem"
    BAD_KEY = "bad_key"
    BAD_NAME = "bad_name"
    TRAILING_DATA = "trailing_data"
    OWN_CARD = "own_card"


class BundleRefusal(StrEnum):
    """Why a bundle was refused: the reasons docs/bundle-format.md names, in its order."""

    TOO_LARGE = "too_large"
    UNREADABLE = "unreadable"
    TRUNCATED = "truncated"
    NOT_A_BUNDLE = "not_a_bundle"
    UNKNOWN_VERSION = "unknown_version"
    FUTURE_VERSION = "future_version"
    UNSUPPORTED_SUITE = "unsupported_suite"
    CANNOT_DECRYPT = "cannot_decrypt"
    UNKNOWN_SENDER = "unknown_sender"
    BAD_MAC = "bad_mac"
    ALREADY_IMPORTED = "already_imported"
    BAD_JSON = "bad_json"
    NOT_CANONICAL = "not_canonical"
    DUPLICATE_KEY = "duplicate_key"
    MISSING_FIELD = "missing_field"
    UNKNOWN_FIELD = "unknown_field"
    WRONG_TYPE = "wrong_type"
    BAD_VALUE = "bad_value"
    TOO_LONG = "too_long"
    CONTROL_CHARACTERS = "control_characters"
    TOO_MANY_PARTS = "too_many_parts"
    TOO_MANY_RELATIONS = "too_many_relations"
    TOO_MANY_WITHDRAWN = "too_many_withdrawn"
    DUPLICATE_ID = "duplicate_id"
    DUPLICATE_RELATION = "duplicate_relation"
    DANGLING_RELATION = "dangling_relation"
    WITHDRAWN_AND_SHARED = "withdrawn_and_shared"


class CardRejected(ExchangeError):
    """A contact card that could not be read, and why (:class:`CardRefusal`)."""

    def __init__(self, reason: CardRefusal, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class BundleRejected(ExchangeError):
    """A bundle that was refused, and why (:class:`BundleRefusal`)."""

    def __init__(self, reason: BundleRefusal, message: str) -> None:
        super().__init__(message)
        self.reason = reason
