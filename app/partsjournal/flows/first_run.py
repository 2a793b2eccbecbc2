"""Creating a vault: folder → passphrase (with strength and confirmation) → keys → recovery code.

The slow step (:meth:`CreateVaultFlow.prepare_keys`) is pure computation and runs in a worker;
everything that touches the database runs on the thread that will keep using it.
"""

from __future__ import annotations

from enum import Enum, auto
from pathlib import Path

from partsjournal.errors import JournalError, VaultExists
from partsjournal.flows.strength import Strength, assess
from partsjournal.vault import Vault
from partsjournal.vault.keyslots import KdfProfile
from partsjournal.vault.vault import PreparedKeys


class Step(Enum):
    """Where the person is in creating a vault."""

    PASSPHRASE = auto()
    DERIVING = auto()
    RECOVERY_CODE = auto()
    DONE = auto()


class CreateVaultFlow:
    """State and rules of the create-a-vault wizard."""

    def __init__(self, folder: Path, *, profile: KdfProfile | None = None) -> None:
        self.folder = Path(folder)
        self.step = Step.PASSPHRASE
        self.passphrase = ""
        self.confirmation = ""
        self.strength = assess("")
        self.written_down = False
        self.vault: Vault | None = None
        self.recovery_code = ""
        self._profile = profile

    def set_folder(self, folder: Path) -> str:
        """Choose where the vault goes; returns a problem sentence or ''."""
        try:
            Vault.check_can_create(Path(folder))
        except VaultExists as exc:
            return str(exc)
        self.folder = Path(folder)
        return ""

    def set_passphrase(self, passphrase: str, confirmation: str) -> Strength:
        """Update what was typed; returns the strength to show."""
        if passphrase != self.passphrase:
            self.strength = assess(passphrase)
        self.passphrase, self.confirmation = passphrase, confirmation
        return self.strength

    def passphrase_problem(self) -> str:
        """Why the passphrase can't be used yet, as one sentence, or ''."""
        if not self.passphrase:
            return "Choose a passphrase."
        if not self.strength.acceptable:
            return "This passphrase would be too easy to guess. Try a few unrelated words."
        if self.confirmation != self.passphrase:
            return "The two passphrases don't match yet."
        return ""

    @property
    def can_create(self) -> bool:
        """True when the passphrase step is complete."""
        return self.step is Step.PASSPHRASE and not self.passphrase_problem()

    def start_deriving(self) -> None:
        """Move to the busy state (the dialog starts the worker)."""
        if not self.can_create:
            raise JournalError(self.passphrase_problem())
        self.step = Step.DERIVING

    def prepare_keys(self) -> PreparedKeys:
        """The slow part: calibration and Argon2id. Safe to call from a worker thread."""
        return Vault.prepare(self.passphrase, profile=self._profile)

    def keys_ready(self, prepared: PreparedKeys) -> None:
        """Create the vault on this thread with the prepared keys; show the recovery code next."""
        self.vault = Vault.create_from(self.folder, prepared)
        self.recovery_code = prepared.recovery_code
        self.passphrase = self.confirmation = ""
        self.step = Step.RECOVERY_CODE

    def keys_failed(self) -> None:
        """Go back to the passphrase step after a failure."""
        self.step = Step.PASSPHRASE

    def confirm_written_down(self, done: bool) -> None:
        """The explicit 'I have written it down' step."""
        self.written_down = done

    @property
    def can_finish(self) -> bool:
        """The code must have been acknowledged before the journal opens."""
        return self.step is Step.RECOVERY_CODE and self.written_down

    def finish(self) -> Vault:
        """Hand over the unlocked vault and forget the recovery code."""
        if not self.can_finish or self.vault is None:
            raise JournalError("Please confirm that you have written down your recovery code.")
        self.step = Step.DONE
        self.recovery_code = ""
        return self.vault
