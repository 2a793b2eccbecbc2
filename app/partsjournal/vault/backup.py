"""Encrypted backups: one ``.pjbackup`` file each, restorable with the passphrase of its day.

A backup is an uncompressed zip of two members: ``keyslots.json`` as it was when the backup was
taken and ``journal.db``, a page-for-page copy made with SQLite's backup API and still encrypted
with the same data key. Nothing in it is readable without that day's passphrase or recovery code.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from partsjournal.errors import BackupError, JournalError, VaultCorrupted, WrongPassphrase
from partsjournal.vault.database import Database
from partsjournal.vault.fsutil import FILE_MODE, fsync_dir, fsync_file, make_private_dir
from partsjournal.vault.keyslots import KeySlots

SUFFIX = ".pjbackup"
BACKUP_DIR = "backups"
_STAMP = "%Y%m%dT%H%M%SZ"
MEMBERS = ("keyslots.json", "journal.db")
MAX_KEYSLOTS_BYTES = 1 << 20


@dataclass(frozen=True)
class BackupPolicy:
    """How many automatic backups to keep: the most recent ones, plus one per week for a while."""

    keep_recent: int = 7
    keep_weekly: int = 8
    min_interval: timedelta = timedelta(days=1)


def backup_dir(vault_dir: Path) -> Path:
    """The vault's own folder of automatic backups."""
    return vault_dir / BACKUP_DIR


def list_backups(vault_dir: Path) -> list[Path]:
    """Automatic backups, newest first (by the time in their name)."""
    folder = backup_dir(vault_dir)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.suffix == SUFFIX and taken_at(p) is not None]
    return sorted(found, key=lambda p: taken_at(p) or datetime.min.replace(tzinfo=UTC),
                  reverse=True)


def newest_backup(vault_dir: Path) -> Path | None:
    """The most recent automatic backup, if any."""
    backups = list_backups(vault_dir)
    return backups[0] if backups else None


def taken_at(path: Path) -> datetime | None:
    """When an automatic backup was taken, read from its name (None if it has no time)."""
    stem = path.stem.rsplit("-", 1)[-1]
    try:
        return datetime.strptime(stem, _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def write_backup(db: Database, data_key: bytes, keyslots: KeySlots, dest: Path) -> Path:
    """Write a consistent backup of the open database to ``dest`` atomically."""
    make_private_dir(dest.parent)
    with tempfile.TemporaryDirectory(dir=dest.parent, prefix=".backup-") as tmp:
        tmp_db = Path(tmp) / "journal.db"
        db.backup_to(tmp_db, data_key)
        tmp_zip = Path(tmp) / "backup.zip"
        try:
            with zipfile.ZipFile(tmp_zip, "w", compression=zipfile.ZIP_STORED) as archive:
                archive.writestr("keyslots.json", keyslots.to_bytes())
                archive.write(tmp_db, "journal.db")
            os.chmod(tmp_zip, FILE_MODE)
            fsync_file(tmp_zip)
            os.replace(tmp_zip, dest)
            fsync_dir(dest.parent)
        except OSError as exc:
            raise BackupError(f"The backup couldn't be written to {dest}: {exc.strerror}.") \
                from exc
    return dest


def automatic_backup_path(vault_dir: Path, now: datetime, reason: str = "auto") -> Path:
    """``backups/<reason>-<UTC time>.pjbackup``."""
    return backup_dir(vault_dir) / f"{reason}-{now.strftime(_STAMP)}{SUFFIX}"


def backup_due(vault_dir: Path, now: datetime, policy: BackupPolicy) -> bool:
    """True when no automatic backup is younger than the policy's interval."""
    latest = newest_backup(vault_dir)
    taken = taken_at(latest) if latest else None
    return taken is None or now - taken >= policy.min_interval


def rotate(vault_dir: Path, policy: BackupPolicy) -> list[Path]:
    """Delete automatic backups beyond the policy; returns what was deleted."""
    backups = list_backups(vault_dir)
    keep = set(backups[: policy.keep_recent])
    weeks_seen: set[tuple[int, int]] = set()
    for path in backups:
        taken = taken_at(path)
        assert taken is not None
        week = taken.isocalendar()[:2]
        if week not in weeks_seen and len(weeks_seen) < policy.keep_weekly:
            weeks_seen.add(week)
            keep.add(path)
    removed = [p for p in backups if p not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def open_backup(backup: Path, passphrase: str | None = None,
                recovery_code: str | None = None) -> tuple[KeySlots, bytes, bytes]:
    """Read a backup's key slots and unlock them; returns (slots, data key, database bytes path).

    Raises :class:`WrongPassphrase` if the passphrase is not the one of the backup's day.
    """
    try:
        with zipfile.ZipFile(backup) as archive:
            names = set(archive.namelist())
            if names != set(MEMBERS):
                raise BackupError(f"{backup} is not a Parts Journal backup.")
            info = archive.getinfo("keyslots.json")
            if info.file_size > MAX_KEYSLOTS_BYTES:
                raise BackupError(f"{backup} is not a Parts Journal backup.")
            slots_bytes = archive.read("keyslots.json")
    except FileNotFoundError as exc:
        raise BackupError(f"There is no backup at {backup}.") from exc
    except (zipfile.BadZipFile, OSError) as exc:
        raise BackupError(f"{backup} is damaged or is not a Parts Journal backup.") from exc
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "keyslots.json"
        path.write_bytes(slots_bytes)
        slots = KeySlots.load(path)
    if recovery_code is not None:
        key = slots.unlock_with_recovery_code(recovery_code)
    elif passphrase is not None:
        key = slots.unlock_with_passphrase(passphrase)
    else:
        raise WrongPassphrase()
    return slots, key, slots_bytes


def restore(vault_dir: Path, backup: Path, passphrase: str | None = None,
            recovery_code: str | None = None) -> Path | None:
    """Replace the vault's files with the backup's, after checking the backup opens and is whole.

    The files being replaced are kept in ``backups/replaced-<time>/`` so a restore can itself be
    undone by hand. Returns that folder (None if there was nothing to replace).
    """
    slots, key, slots_bytes = open_backup(backup, passphrase, recovery_code)
    make_private_dir(vault_dir)
    with tempfile.TemporaryDirectory(dir=vault_dir, prefix=".restore-") as tmp:
        staged_db = Path(tmp) / "journal.db"
        try:
            with zipfile.ZipFile(backup) as archive, archive.open("journal.db") as src, \
                    open(staged_db, "wb") as out:
                shutil.copyfileobj(src, out, 1 << 20)
        except (zipfile.BadZipFile, OSError) as exc:
            raise BackupError(f"{backup} is damaged and can't be restored.") from exc
        _verify_restorable(staged_db, key, backup)
        fsync_file(staged_db)
        staged_slots = Path(tmp) / "keyslots.json"
        staged_slots.write_bytes(slots_bytes)
        os.chmod(staged_slots, FILE_MODE)
        os.chmod(staged_db, FILE_MODE)
        fsync_file(staged_slots)

        replaced: Path | None = None
        current = [vault_dir / n for n in ("journal.db", "journal.db-wal", "journal.db-shm",
                                            "keyslots.json")]
        if any(p.exists() for p in current):
            stamp = datetime.now(UTC).strftime(_STAMP)
            replaced = backup_dir(vault_dir) / f"replaced-{stamp}"
            make_private_dir(replaced)
            for path in current:
                if path.exists():
                    os.replace(path, replaced / path.name)
            fsync_dir(replaced)
        os.replace(staged_db, vault_dir / "journal.db")
        os.replace(staged_slots, vault_dir / "keyslots.json")
        fsync_dir(vault_dir)
    return replaced


def _verify_restorable(db_path: Path, key: bytes, backup: Path) -> None:
    try:
        db = Database(db_path, key)
    except VaultCorrupted as exc:
        raise BackupError(f"The backup {backup} is damaged and can't be restored.") from exc
    try:
        problems = [r[0] for r in db.all("PRAGMA cipher_integrity_check")]
        problems += [r[0] for r in db.all("PRAGMA integrity_check") if r[0] != "ok"]
    except JournalError as exc:
        raise BackupError(f"The backup {backup} is damaged and can't be restored.") from exc
    finally:
        db.close()
    if problems:
        raise BackupError(f"The backup {backup} is damaged and can't be restored.")
