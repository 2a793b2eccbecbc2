"""The vault: a folder with the key slots, the encrypted journal and its backups.

The folder's format is in docs/vault-format.md.

:class:`Vault` is what the app and the CLI hold while a journal is unlocked. Locking closes the
database and forgets the data key; a locked vault object refuses every further call.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from partsjournal.domain.model import new_id
from partsjournal.errors import (
    BackupError,
    DiskFull,
    JournalError,
    VaultCorrupted,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    is_disk_full,
)
from partsjournal.vault import backup as backups
from partsjournal.vault import keyslots, recovery, schema, unsaved
from partsjournal.vault.agreements import AgreementRepository
from partsjournal.vault.body_spots import BodySpotRepository
from partsjournal.vault.checkins import CheckinRepository
from partsjournal.vault.database import Database
from partsjournal.vault.dictionary import PersonalWords
from partsjournal.vault.entries import EntryRepository
from partsjournal.vault.fsutil import make_private_dir
from partsjournal.vault.keyslots import KdfProfile, KeySlots
from partsjournal.vault.locations import is_vault
from partsjournal.vault.parts import PartRepository, RelationRepository
from partsjournal.vault.peer_agreements import PeerAgreementRepository
from partsjournal.vault.peers import (
    IdentityRepository,
    PeerRepository,
    ReceivedPartRepository,
    ShareLogRepository,
    ensure_identity,
)
from partsjournal.vault.pictures import PictureRepository
from partsjournal.vault.search import SearchService
from partsjournal.vault.templates import EntryTemplates

if TYPE_CHECKING:
    from partsjournal.vault.insight_queries import InsightQueries
    from partsjournal.vault.part_surgery import PartSurgery
    from partsjournal.vault.snapshot import Snapshot
from partsjournal.vault.secret import DataKey, wiped_on_error

T = TypeVar("T")

KEYSLOTS_FILE = "keyslots.json"
DATABASE_FILE = "journal.db"


@dataclass(frozen=True)
class PreparedKeys:
    """Key slots and data key for a vault about to be created, and its recovery code."""

    slots: KeySlots
    data_key: DataKey
    recovery_code: str


@dataclass(frozen=True)
class MaintenanceReport:
    """What the background check after unlocking found: damage, and the backup it took."""

    damage: VaultCorrupted | None
    backup: Path | None


@dataclass
class CheckReport:
    """The result of ``check``: empty ``problems`` means every check passed."""

    problems: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing was found wrong."""
        return not self.problems


class Vault:
    """An unlocked journal."""

    def __init__(self, folder: Path, slots: KeySlots, data_key: DataKey, db: Database, *,
                 needs_new_passphrase: bool = False) -> None:
        self.folder = folder
        self._slots = slots
        #: The only copy the vault keeps; lock() zeroes it in place (and so for every holder).
        self._data_key: DataKey | None = data_key
        self._db: Database | None = db
        #: True after unlocking with the recovery code: the person must choose a new passphrase.
        self.needs_new_passphrase = needs_new_passphrase
        #: Why the automatic backup at unlock could not be taken (None when it was, or wasn't due).
        self.backup_warning: str | None = None
        self.parts = PartRepository(db)
        self.relations = RelationRepository(db)
        self.entries = EntryRepository(db)
        self.search = SearchService(db)
        self.identity = IdentityRepository(db)
        self.peers = PeerRepository(db)
        self.received = ReceivedPartRepository(db)
        self.share_log = ShareLogRepository(db)
        #: The personal word list of the spell-checker (never Enchant's plain word files).
        self.dictionary = PersonalWords(db)
        #: The person's own entry templates (vault/templates.py; the defaults are in domain/).
        self.templates = EntryTemplates(db)
        #: The agreements ledger: what Self and a part agreed (vault/agreements.py).
        self.agreements = AgreementRepository(db)
        #: Pictures of parts and entries, cleaned of metadata (vault/pictures.py).
        self.pictures = PictureRepository(db)
        #: Planned check-ins with parts (vault/checkins.py).
        self.checkins = CheckinRepository(db)
        #: The latest session agreement each peer shared (vault/peer_agreements.py).
        self.peer_agreements = PeerAgreementRepository(db)
        #: Where parts are felt in the body (vault/body_spots.py).
        self.body_spots = BodySpotRepository(db)

    # Creating and opening ------------------------------------------------------------------

    @staticmethod
    def prepare(passphrase: str, *, profile: KdfProfile | None = None) -> PreparedKeys:
        """The slow half of creating a vault (calibration, key derivation): safe off the GUI thread.

        ``profile`` defaults to Argon2id costs calibrated on this machine (0.5–1 s).
        """
        if not passphrase:
            raise JournalError("Please choose a passphrase.")
        profile = profile or keyslots.calibrate()
        data_key = keyslots.new_data_key()
        vault_id = new_id()
        code, secret = recovery.generate()
        slots = KeySlots(vault_id, [
            keyslots.passphrase_slot(vault_id, passphrase, data_key, profile),
            keyslots.recovery_slot(vault_id, secret, data_key),
        ])
        return PreparedKeys(slots, data_key, code)

    @classmethod
    def create(cls, folder: Path, passphrase: str, *, profile: KdfProfile | None = None
               ) -> tuple[Vault, str]:
        """Create a new vault; returns it unlocked and the recovery code to show once."""
        cls.check_can_create(Path(folder))
        prepared = cls.prepare(passphrase, profile=profile)
        return cls.create_from(folder, prepared), prepared.recovery_code

    @staticmethod
    def check_can_create(folder: Path) -> None:
        """Refuse a folder that already holds a journal."""
        if is_vault(folder) or (folder / DATABASE_FILE).exists():
            raise VaultExists(f"There is already a journal in {folder}. Open it instead, or "
                              "choose another folder.")

    @classmethod
    def create_from(cls, folder: Path, prepared: PreparedKeys) -> Vault:
        """The quick half of creating a vault: write the database and then the key file."""
        folder = Path(folder)
        cls.check_can_create(folder)
        make_private_dir(folder)
        db = Database(folder / DATABASE_FILE, prepared.data_key)
        try:
            schema.migrate(db)
            with db.transaction():
                now = datetime.now(UTC).replace(microsecond=0).isoformat()
                db.executemany("INSERT INTO meta (key, value) VALUES (?, ?)",
                               [("vault_id", prepared.slots.vault_id), ("created_at", now)])
                # The identity behind this vault's contact card (docs/bundle-format.md).
                ensure_identity(db)
        except BaseException:
            db.close()
            raise
        # The key file is written last: until it exists, the folder is not a vault.
        prepared.slots.save(folder / KEYSLOTS_FILE)
        # The vault takes over prepared.data_key itself: locking wipes it.
        return cls(folder, prepared.slots, prepared.data_key, db)

    @staticmethod
    def load_slots(folder: Path) -> KeySlots:
        """Read a vault's key slots (cheap), checking its files are there."""
        return Vault._load_slots(Path(folder))

    @classmethod
    def open_with_key(cls, folder: Path, slots: KeySlots, data_key: DataKey | bytes, *,
                      auto_backup: bool = True, verify: bool = True,
                      needs_new_passphrase: bool = False) -> Vault:
        """Open the database with a key already unwrapped (e.g. by a worker thread).

        The app passes ``verify=False, auto_backup=False`` and runs :meth:`maintenance_job` in a
        worker instead, because on a large journal both take longer than opening should.
        """
        own = DataKey.copy_of(data_key)  # wiped on lock; the caller's copy stays the caller's
        with wiped_on_error(own):
            vault = cls._open(Path(folder), slots, own, auto_backup=auto_backup, policy=None,
                              verify=verify)
        vault.needs_new_passphrase = needs_new_passphrase
        return vault

    @classmethod
    def unlock(cls, folder: Path, passphrase: str, *, auto_backup: bool = True,
               policy: backups.BackupPolicy | None = None) -> Vault:
        """Open with the passphrase; raises WrongPassphrase, VaultNotFound, VaultCorrupted..."""
        folder = Path(folder)
        slots = cls._load_slots(folder)
        data_key = slots.unlock_with_passphrase(passphrase)
        with wiped_on_error(data_key):
            return cls._open(folder, slots, data_key, auto_backup=auto_backup, policy=policy)

    @classmethod
    def unlock_with_recovery_code(cls, folder: Path, code: str, *, auto_backup: bool = True
                                  ) -> Vault:
        """Open with the recovery code; the caller must then have a new passphrase chosen."""
        folder = Path(folder)
        slots = cls._load_slots(folder)
        data_key = slots.unlock_with_recovery_code(code)
        with wiped_on_error(data_key):
            vault = cls._open(folder, slots, data_key, auto_backup=auto_backup, policy=None)
        vault.needs_new_passphrase = True
        return vault

    @staticmethod
    def _load_slots(folder: Path) -> KeySlots:
        if not folder.is_dir():
            raise VaultNotFound(f"There is no journal folder at {folder}.", missing=folder)
        db_path = folder / DATABASE_FILE
        if not (folder / KEYSLOTS_FILE).is_file() and not db_path.exists():
            raise VaultNotFound(f"{folder} doesn't contain a Parts Journal.", missing=folder)
        try:
            slots = KeySlots.load(folder / KEYSLOTS_FILE)
        except VaultCorrupted as exc:
            raise VaultCorrupted(f"The key file {folder / KEYSLOTS_FILE} is damaged.",
                                 path=exc.path, newest_backup=backups.newest_backup(folder)) \
                from exc
        except VaultNotFound as exc:
            raise VaultNotFound(
                f"The key file {folder / KEYSLOTS_FILE} is missing, so the journal can't be "
                f"unlocked.{_backup_hint(folder)}", missing=exc.missing) from exc
        if not db_path.is_file():
            raise VaultNotFound(
                f"The journal file {db_path} is missing.{_backup_hint(folder)}", missing=db_path)
        return slots

    @classmethod
    def _open(cls, folder: Path, slots: KeySlots, data_key: DataKey, *, auto_backup: bool,
              policy: backups.BackupPolicy | None, verify: bool = True) -> Vault:
        db_path = folder / DATABASE_FILE
        try:
            db = Database(db_path, data_key)
        except VaultCorrupted as exc:
            raise VaultCorrupted(f"The journal file {db_path} is damaged and can't be read.",
                                 path=db_path, newest_backup=backups.newest_backup(folder)) \
                from exc
        try:
            if verify and db.all("PRAGMA cipher_integrity_check"):
                raise VaultCorrupted(f"The journal file {db_path} is damaged.", path=db_path)
            current = schema.check_supported(db)
            vault = cls(folder, slots, data_key, db)
            if current < schema.LATEST:
                vault.backup_now(reason="pre-migration")
                schema.migrate(db)
            if auto_backup:
                vault.backup_warning = _try_auto_backup(vault, policy or backups.BackupPolicy())
        except VaultCorrupted as exc:
            db.close()
            raise VaultCorrupted(f"The journal file {db_path} is damaged.", path=db_path,
                                 newest_backup=backups.newest_backup(folder)) from exc
        except BaseException:
            db.close()
            raise
        return vault

    # Keys ------------------------------------------------------------------------------------

    @property
    def db(self) -> Database:
        """The open database (repositories use it; raises once locked)."""
        if self._db is None:
            raise VaultLocked("The journal is locked. Unlock it to continue.")
        return self._db

    @property
    def is_locked(self) -> bool:
        """True after :meth:`lock`."""
        return self._db is None

    def _key(self) -> DataKey:
        if self._data_key is None or self._data_key.wiped:
            raise VaultLocked("The journal is locked. Unlock it to continue.")
        return self._data_key

    @property
    def kdf_profile(self) -> KdfProfile:
        """The Argon2id costs of the passphrase slot (reused when the passphrase changes)."""
        return self._slots.profile()

    def change_passphrase(self, new_passphrase: str, *, profile: KdfProfile | None = None
                          ) -> None:
        """Rewrap the data key under a new passphrase: only keyslots.json changes, atomically."""
        if not new_passphrase:
            raise JournalError("Please choose a passphrase.")
        slot = keyslots.passphrase_slot(self._slots.vault_id, new_passphrase, self._key(),
                                        profile or self.kdf_profile)
        updated = self._slots.with_passphrase_slot(slot)
        updated.save(self.folder / KEYSLOTS_FILE)
        self._slots = updated
        self.needs_new_passphrase = False

    def new_recovery_code(self) -> str:
        """Replace the recovery code (the old one stops working); returns the new one to show."""
        code, secret = recovery.generate()
        updated = self._slots.with_recovery_slot(
            keyslots.recovery_slot(self._slots.vault_id, secret, self._key()))
        updated.save(self.folder / KEYSLOTS_FILE)
        self._slots = updated
        return code

    # Backups ---------------------------------------------------------------------------------

    def backup_now(self, reason: str = "auto") -> Path:
        """Write an automatic backup into the vault's backups folder now."""
        now = datetime.now(UTC)
        dest = backups.automatic_backup_path(self.folder, now, reason)
        return backups.write_backup(self.db, self._key(), self._slots, dest)

    def auto_backup(self, policy: backups.BackupPolicy) -> Path | None:
        """Back up if the newest automatic backup is older than a day; then rotate."""
        now = datetime.now(UTC)
        if not backups.backup_due(self.folder, now, policy):
            return None
        path = self.backup_now()
        backups.rotate(self.folder, policy)
        return path

    def maintenance_job(self, policy: backups.BackupPolicy,
                        copy_to: Path | None = None) -> Callable[[], MaintenanceReport]:
        """A job for a worker thread: verify every page, then take the daily backup if due.

        The job opens its own connection on the thread that runs it (SQLite connections stay on
        the thread that opened them) and never touches this vault's connection. WAL lets the
        person keep writing meanwhile; the backup is a consistent snapshot.
        """
        folder, slots, key = self.folder, self._slots, self._key()

        def job() -> MaintenanceReport:
            db_path = folder / DATABASE_FILE
            db = Database(db_path, key)
            try:
                problems = [str(r[0]) for r in db.all("PRAGMA cipher_integrity_check")]
                if problems:
                    return MaintenanceReport(VaultCorrupted(
                        f"The journal file {db_path} is damaged.", path=db_path,
                        newest_backup=backups.newest_backup(folder)), None)
                taken = None
                now = datetime.now(UTC)
                if backups.backup_due(folder, now, policy):
                    dest = backups.automatic_backup_path(folder, now)
                    taken = backups.write_backup(db, key, slots, dest)
                    backups.rotate(folder, policy)
                    if copy_to is not None and copy_to.is_dir():
                        shutil.copy2(taken, copy_to / taken.name)
                return MaintenanceReport(None, taken)
            finally:
                db.close(checkpoint=False)

        return job

    def worker_job(self, work: Callable[[Vault], T]) -> Callable[[], T]:
        """A job for a worker thread: ``work`` gets this journal on a connection of its own.

        For slow reading and writing started from the GUI (the summary, the export, an import):
        the job opens its connection on the thread that runs it, as :meth:`maintenance_job`
        does, and closes it at the end without wiping the shared key. Locking meanwhile makes
        the job's next use of the key fail; what its connection already started finishes.
        """
        folder, slots, key = self.folder, self._slots, self._key()

        def job() -> T:
            db = Database(folder / DATABASE_FILE, key)
            view = Vault(folder, slots, key, db)
            try:
                return work(view)
            finally:
                view._db, view._data_key = None, None  # the key is this vault's to wipe
                db.close(checkpoint=False)

        return job

    def backup_to(self, dest: Path) -> Path:
        """A manual backup to a place the person chose (e.g. a USB stick)."""
        dest = Path(dest)
        if dest.is_dir():
            dest = dest / f"parts-journal-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}" \
                          f"{backups.SUFFIX}"
        return backups.write_backup(self.db, self._key(), self._slots, dest)

    # Services over the open database (the facade ui/ and cli/ use; never ``db`` itself) -----

    @property
    def surgery(self) -> PartSurgery:
        """Merging and splitting parts, undoably."""
        from partsjournal.vault.part_surgery import PartSurgery

        return PartSurgery(self.db)

    @property
    def insights(self) -> InsightQueries:
        """The queries behind the Insights page."""
        from partsjournal.vault.insight_queries import InsightQueries

        return InsightQueries(self.db)

    def appearance_counts(self, since: datetime, until: datetime | None = None,
                          *, received: bool = False) -> dict[str, int]:
        """Part id → entries it appeared in from ``since``; a peer's parts with ``received``."""
        from partsjournal.vault import stats

        count = stats.received_appearance_counts if received else stats.appearance_counts
        return count(self.db, since, until)

    # The whole journal at once (data export and import; docs/export-format.md) -------------

    def read_snapshot(self) -> Snapshot:
        """Everything in the journal but its identity keys, in the export's stable order."""
        from partsjournal.vault import snapshot_store

        return snapshot_store.read_snapshot(self.db)

    def is_empty(self) -> bool:
        """True if the journal holds nothing but its identity (a new vault)."""
        from partsjournal.vault import snapshot_store

        return snapshot_store.is_empty(self.db)

    def write_snapshot(self, snapshot: Snapshot,
                       progress: Callable[[int, int], None] | None = None) -> None:
        """Restore a validated snapshot into this empty journal: all of it, or nothing.

        ``progress(done, total)`` is called now and then while it is written.
        """
        from partsjournal.vault import snapshot_store

        snapshot_store.write_snapshot(self.db, snapshot, progress)

    # Writing that could not be saved -------------------------------------------------------

    def seal_unsaved(self, writing: unsaved.UnsavedWriting) -> unsaved.SealedWriting:
        """Encrypt edits that could not be stored, so they can be kept after locking."""
        return unsaved.seal(writing, self._key(), self._slots.vault_id)

    def open_unsaved(self, sealed: unsaved.SealedWriting) -> unsaved.UnsavedWriting:
        """Decrypt sealed edits (ValueError if they are not this journal's)."""
        return unsaved.open_sealed(sealed, self._key(), self._slots.vault_id)

    # Integrity -------------------------------------------------------------------------------

    def check(self, passphrase: str | None = None) -> CheckReport:
        """Every integrity check (docs/vault-format.md); ``passphrase`` also proves that slot."""
        report = CheckReport()
        db = self.db
        report.checks.append("cipher_integrity_check")
        report.problems += [f"encryption: {r[0]}" for r in db.all("PRAGMA cipher_integrity_check")]
        report.checks.append("integrity_check")
        report.problems += [f"structure: {r[0]}" for r in db.all("PRAGMA integrity_check")
                            if r[0] != "ok"]
        report.checks.append("foreign_key_check")
        report.problems += [f"references: {r[0]} row {r[1]} points to a missing {r[2]}"
                            for r in db.all("PRAGMA foreign_key_check")]
        report.checks.append("fts integrity")
        for table in ("parts_fts", "entries_fts"):
            try:
                db.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
            except JournalError:
                report.problems.append(f"search index {table} is out of step")
        report.checks.append("key slots")
        report.problems += self._check_slots(passphrase)
        return report

    def _check_slots(self, passphrase: str | None) -> list[str]:
        problems: list[str] = []
        try:
            on_disk = KeySlots.load(self.folder / KEYSLOTS_FILE)
        except JournalError as exc:
            return [f"key file: {exc}"]
        for kind in ("passphrase", "recovery"):
            try:
                slot = on_disk.slot(kind)
                if not isinstance(slot.get("kdf"), dict) or slot.get("aead") != \
                        keyslots.AEAD_NAME:
                    problems.append(f"{kind} slot: unknown parameters")
                    continue
                for name in ("nonce", "wrapped_key"):
                    keyslots._unb64(slot[name])
            except (JournalError, KeyError, ValueError):
                problems.append(f"{kind} slot: missing or malformed")
        try:
            on_disk.profile()
        except JournalError:
            problems.append("passphrase slot: key-derivation parameters out of range")
        if passphrase is not None:
            try:
                opened = on_disk.unlock_with_passphrase(passphrase)
                try:
                    if not opened.matches(self._key()):
                        problems.append("passphrase slot: opens a different key")
                finally:
                    opened.wipe()
            except JournalError:
                problems.append("passphrase slot: does not open with this passphrase")
        return problems

    # Locking ---------------------------------------------------------------------------------

    def lock(self) -> None:
        """Close the database and wipe the key in place; safe to call twice.

        The key buffer is shared with any :meth:`maintenance_job` still running: from here on its
        next use of the key raises VaultLocked (its open connection finishes what it started).
        """
        if self._db is not None:
            self._db.close()
        self._db = None
        if self._data_key is not None:
            self._data_key.wipe()
        self._data_key = None

    close = lock

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()


def _try_auto_backup(vault: Vault, policy: backups.BackupPolicy) -> str | None:
    """Take the daily backup if due; a failure (say, a nearly full disk) is returned, not raised.

    Opening the journal must not fail because a copy of it could not be written: the person may
    only want to read, or to free space. The caller shows the returned sentence once.
    """
    again = "The journal opened as usual; the backup will be tried again at the next unlock."
    try:
        vault.auto_backup(policy)
    except (DiskFull, BackupError, OSError) as exc:
        if is_disk_full(exc):
            return (f"Today's automatic backup couldn't be written: the disk that holds "
                    f"{vault.folder} is full. {again}")
        if isinstance(exc, OSError):
            return (f"Today's automatic backup couldn't be written "
                    f"({exc.strerror or exc}). {again}")
        return f"{exc} {again}"
    return None


def _backup_hint(folder: Path) -> str:
    newest = backups.newest_backup(folder)
    if newest is None:
        return ""
    return f" The newest backup is {newest}; you can restore it."


def restore(folder: Path, backup: Path, *, passphrase: str | None = None,
            recovery_code: str | None = None) -> Path | None:
    """Restore a backup into ``folder`` (see :func:`vault.backup.restore`)."""
    return backups.restore(Path(folder), Path(backup), passphrase, recovery_code)


def vault_files(folder: Path) -> list[Path]:
    """Every file of a vault, for permission checks and canary scans."""
    return [Path(root) / name for root, _dirs, names in os.walk(folder) for name in names]
