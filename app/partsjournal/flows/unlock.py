"""Unlocking: passphrase or recovery code → key (in a worker) → open (on the GUI thread)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from partsjournal.errors import JournalError

if TYPE_CHECKING:
    from partsjournal.vault import Vault
    from partsjournal.vault.keyslots import KeySlots
    from partsjournal.vault.secret import DataKey


class Method(Enum):
    """What the person types to unlock."""

    PASSPHRASE = "passphrase"
    RECOVERY_CODE = "recovery_code"


@dataclass(frozen=True)
class UnwrappedKey:
    """The result of the slow step."""

    slots: KeySlots
    data_key: DataKey
    method: Method


class UnlockFlow:
    """State of the unlock screen."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.method = Method.PASSPHRASE
        self.busy = False
        self.error = ""
        self.failures = 0

    def toggle_method(self) -> Method:
        """Switch between passphrase and recovery code."""
        self.method = (Method.RECOVERY_CODE if self.method is Method.PASSPHRASE
                       else Method.PASSPHRASE)
        self.error = ""
        return self.method

    def begin(self) -> None:
        """Enter the busy state."""
        self.busy = True
        self.error = ""

    def derive(self, secret: str) -> UnwrappedKey:
        """The slow step (Argon2id): runs in a worker; raises WrongPassphrase and friends."""
        from partsjournal.vault import Vault

        slots = Vault.load_slots(self.folder)
        if self.method is Method.PASSPHRASE:
            return UnwrappedKey(slots, slots.unlock_with_passphrase(secret), self.method)
        return UnwrappedKey(slots, slots.unlock_with_recovery_code(secret), self.method)

    def open(self, key: UnwrappedKey) -> Vault:
        """Open the database on the calling (GUI) thread."""
        from partsjournal.vault import Vault

        self.busy = False
        # Page verification and the daily backup run afterwards in a worker
        # (Vault.maintenance_job), so a large journal opens at once.
        try:
            return Vault.open_with_key(self.folder, key.slots, key.data_key, auto_backup=False,
                                       verify=False,
                                       needs_new_passphrase=key.method is Method.RECOVERY_CODE)
        finally:
            key.data_key.wipe()  # the vault keeps its own copy; this one is done with

    def failed(self, error: JournalError) -> str:
        """Record a failure; returns the sentence to show."""
        self.busy = False
        self.failures += 1
        self.error = str(error)
        return self.error
