"""Encrypted backups: one ``.pjbackup`` file each, restorable with the passphrase of its day.

A backup is an uncompressed zip of two members: ``keyslots.json`` as it was when the backup was
taken and ``journal.db``, a page-for-page copy made with SQLite's backup API and still encrypted
with the same data key. Nothing in it is readable without that day's passphrase or recovery code.

A backup to restore may come from anywhere, so reading one trusts nothing in it: anything that is
not exactly what :func:`write_backup` makes is refused before a byte is extracted, extraction
copies no more than the sizes checked beforehand, and every failure is one sentence
(:class:`BackupError`) with nothing replaced.
"""

from __future__ import annotations

import io
import itertools
import os
import struct
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO

from partsjournal.errors import BackupError, JournalError, VaultError, WrongPassphrase
from partsjournal.vault.database import Database
from partsjournal.vault.fsutil import (
    DIR_MODE,
    FILE_MODE,
    ensure_dir_exists_private,
    fsync_dir,
    fsync_file,
    make_private_dir,
)
from partsjournal.vault.keyslots import KeySlots
from partsjournal.vault.secret import DataKey

SUFFIX = ".pjbackup"
BACKUP_DIR = "backups"
_STAMP = "%Y%m%dT%H%M%SZ"
MEMBERS = ("keyslots.json", "journal.db")
MAX_KEYSLOTS_BYTES = 1 << 20
#: SQLCipher 4's page size (docs/vault-format.md): a whole journal is a whole number of pages.
PAGE_SIZE = 4096
#: The vault's own files a restore replaces (the WAL and its index go with the database).
VAULT_FILES = ("journal.db", "journal.db-wal", "journal.db-shm", "keyslots.json")
_CHUNK = 1 << 20
#: Zip flags for encryption (traditional, strong, central directory) and "patched data":
#: write_backup never sets them and zipfile can't read them.
_UNSUPPORTED_FLAGS = 0x0001 | 0x0020 | 0x0040 | 0x2000
#: What zipfile raises, besides OSError, for archives it can't read: bad or truncated headers,
#: features it lacks, names that aren't text, offsets beyond any file.
_ZIP_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, RuntimeError,
    ValueError, OverflowError, struct.error)
_READ_ERRORS: tuple[type[Exception], ...] = (OSError, *_ZIP_ERRORS)


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


def write_backup(db: Database, data_key: DataKey, keyslots: KeySlots, dest: Path) -> Path:
    """Write a consistent backup of the open database to ``dest`` atomically.

    Missing folders on the way to ``dest`` are created private (0700). A folder that exists keeps
    its permissions, unless it is the vault's own ``backups/`` folder, which is kept 0700.
    """
    folder = dest.parent
    try:
        if _is_own_backup_dir(folder, db.path):
            make_private_dir(folder)
        else:
            ensure_dir_exists_private(folder)
        with tempfile.TemporaryDirectory(dir=folder, prefix=".backup-") as tmp:
            tmp_db = Path(tmp) / "journal.db"
            db.backup_to(tmp_db, data_key)
            tmp_zip = Path(tmp) / "backup.zip"
            with zipfile.ZipFile(tmp_zip, "w", compression=zipfile.ZIP_STORED) as archive:
                archive.writestr("keyslots.json", keyslots.to_bytes())
                archive.write(tmp_db, "journal.db")
            os.chmod(tmp_zip, FILE_MODE)
            fsync_file(tmp_zip)
            os.replace(tmp_zip, dest)
            fsync_dir(folder)
    except OSError as exc:
        raise BackupError(f"The backup couldn't be written to {dest}: "
                          f"{exc.strerror or exc}.") from exc
    return dest


def _is_own_backup_dir(folder: Path, db_path: Path) -> bool:
    """True for the ``backups/`` folder of the vault whose database is at ``db_path``."""
    return folder.resolve() == backup_dir(db_path.parent).resolve()


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
                recovery_code: str | None = None) -> tuple[KeySlots, DataKey, bytes]:
    """Check a backup's shape, read its key slots and unlock them.

    Returns (slots, data key, the bytes of ``keyslots.json``). Raises :class:`BackupError` for a
    file that is missing, damaged or not exactly a Parts Journal backup, and
    :class:`WrongPassphrase` if the passphrase is not the one of the backup's day.
    """
    with _checked_archive(backup) as (archive, members):
        return _unlock(archive, members, backup, passphrase, recovery_code)


def restore(vault_dir: Path, backup: Path, passphrase: str | None = None,
            recovery_code: str | None = None) -> Path | None:
    """Replace the vault's files with the backup's, after checking the backup opens and is whole.

    The files being replaced are kept in ``backups/replaced-<time>/`` so a restore can itself be
    undone by hand. Returns that folder (None if there was nothing to replace). On any failure
    it raises :class:`BackupError` (or :class:`WrongPassphrase`) and nothing is replaced.
    """
    with _checked_archive(backup) as (archive, members):
        _slots, key, slots_bytes = _unlock(archive, members, backup, passphrase, recovery_code)
        try:
            created = make_private_dir(vault_dir)
        except OSError as exc:
            raise _unwritable(backup, vault_dir, exc) from exc
        try:
            return _restore_into(vault_dir, archive, members["journal.db"], key, slots_bytes,
                                 backup)
        except BaseException:
            for folder in reversed(created):  # a failed restore leaves no new empty folders
                try:
                    folder.rmdir()
                except OSError:
                    break
            raise


def _restore_into(vault_dir: Path, archive: zipfile.ZipFile, db_info: zipfile.ZipInfo,
                  key: DataKey, slots_bytes: bytes, backup: Path) -> Path | None:
    try:
        with tempfile.TemporaryDirectory(dir=vault_dir, prefix=".restore-") as tmp:
            staged_db = Path(tmp) / "journal.db"
            with open(staged_db, "xb", opener=_private_opener) as out:
                _copy_member(archive, db_info, out, backup)
            _verify_restorable(staged_db, key, backup)
            staged_slots = Path(tmp) / "keyslots.json"
            with open(staged_slots, "xb", opener=_private_opener) as out:
                out.write(slots_bytes)
            for path in (staged_db, staged_slots):
                os.chmod(path, FILE_MODE)
                fsync_file(path)
            return _swap_in(vault_dir, staged_db, staged_slots, backup)
    except OSError as exc:
        raise _unwritable(backup, vault_dir, exc) from exc


def _swap_in(vault_dir: Path, staged_db: Path, staged_slots: Path, backup: Path) -> Path | None:
    """Move the vault's files aside and the staged ones in; on failure, move everything back."""
    current = [vault_dir / name for name in VAULT_FILES if (vault_dir / name).exists()]
    replaced: Path | None = None
    moved: list[Path] = []
    placed: list[Path] = []
    try:
        if current:
            replaced = _new_replaced_dir(vault_dir)
            for path in current:
                os.replace(path, replaced / path.name)
                moved.append(path)
            fsync_dir(replaced)
        for staged in (staged_db, staged_slots):
            os.replace(staged, vault_dir / staged.name)
            placed.append(vault_dir / staged.name)
        fsync_dir(vault_dir)
    except OSError as exc:
        try:
            for path in moved:
                assert replaced is not None
                os.replace(replaced / path.name, path)
            for path in placed:
                if path not in moved:
                    path.unlink(missing_ok=True)
            if replaced is not None:
                replaced.rmdir()
            fsync_dir(vault_dir)
        except OSError:
            raise BackupError(
                f"The backup {backup} couldn't be restored: {exc.strerror or exc}. The journal's "
                f"own files are kept in {replaced}; copy them back into {vault_dir} by hand."
            ) from exc
        raise
    return replaced


def _new_replaced_dir(vault_dir: Path) -> Path:
    """A new, empty ``backups/replaced-<time>[-n]/``: never one an earlier restore filled."""
    folder = backup_dir(vault_dir)
    make_private_dir(folder)
    stamp = datetime.now(UTC).strftime(_STAMP)
    for n in itertools.count(1):
        candidate = folder / (f"replaced-{stamp}" if n == 1 else f"replaced-{stamp}-{n}")
        try:
            candidate.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue
        os.chmod(candidate, DIR_MODE)
        return candidate
    raise AssertionError("unreachable")


# Reading a backup without trusting it ----------------------------------------------------------

def _not_a_backup(backup: Path) -> BackupError:
    return BackupError(f"{backup} is not a Parts Journal backup (it is compressed or has "
                       "unexpected contents); nothing was changed.")


def _damaged(backup: Path) -> BackupError:
    return BackupError(f"The backup {backup} is damaged and can't be restored; nothing was "
                       "changed.")


def _unwritable(backup: Path, vault_dir: Path, exc: OSError) -> BackupError:
    return BackupError(f"The backup {backup} couldn't be restored into {vault_dir}: "
                       f"{exc.strerror or exc}; nothing was changed.")


@contextmanager
def _checked_archive(backup: Path) -> Iterator[tuple[zipfile.ZipFile, dict[str, zipfile.ZipInfo]]]:
    """The open archive and its two members, once its directory says it is exactly a backup.

    The file is opened once and read through that one handle, so what was checked is what is
    extracted even if the file is replaced meanwhile.
    """
    try:
        handle = open(backup, "rb")
    except FileNotFoundError as exc:
        raise BackupError(f"There is no backup at {backup}; nothing was changed.") from exc
    except IsADirectoryError as exc:
        raise BackupError(f"{backup} is a folder, not a Parts Journal backup; nothing was "
                          "changed.") from exc
    except OSError as exc:
        raise BackupError(f"The backup {backup} can't be read: {exc.strerror or exc}; nothing "
                          "was changed.") from exc
    with handle:
        try:
            size = os.fstat(handle.fileno()).st_size
            archive = zipfile.ZipFile(handle)
        except _READ_ERRORS as exc:
            raise BackupError(f"{backup} is damaged or is not a Parts Journal backup; nothing "
                              "was changed.") from exc
        with archive:
            yield archive, _check_members(archive, size, backup)


def _check_members(archive: zipfile.ZipFile, archive_size: int,
                   backup: Path) -> dict[str, zipfile.ZipInfo]:
    """Refuse anything write_backup would not have written, from the zip's directory alone."""
    infos = archive.infolist()
    if sorted(info.filename for info in infos) != sorted(MEMBERS):  # duplicates count twice
        raise _not_a_backup(backup)
    for info in infos:
        if (info.compress_type != zipfile.ZIP_STORED or info.flag_bits & _UNSUPPORTED_FLAGS
                or info.file_size != info.compress_size
                or info.header_offset + info.compress_size > archive_size
                or max(info.file_size, info.compress_size) > archive_size):
            raise _not_a_backup(backup)
    members = {info.filename: info for info in infos}
    db_size = members["journal.db"].file_size
    if db_size == 0 or db_size % PAGE_SIZE or members["keyslots.json"].file_size > \
            MAX_KEYSLOTS_BYTES:
        raise _not_a_backup(backup)
    return members


def _copy_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, out: IO[bytes],
                 backup: Path) -> None:
    """Copy exactly the member's checked size into ``out``; a stream that differs is damage.

    Reading to the end is what makes zipfile compare the CRC-32. Errors writing ``out`` are
    left as OSError for the caller, which knows where it was writing.
    """
    remaining = info.file_size
    try:
        src = archive.open(info)
    except _READ_ERRORS as exc:
        raise _damaged(backup) from exc
    with src:
        while True:
            try:
                chunk = src.read(min(_CHUNK, remaining) if remaining else 1)
            except _READ_ERRORS as exc:
                raise _damaged(backup) from exc
            if not remaining:
                if chunk:  # more than it declared
                    raise _damaged(backup)
                return
            if not chunk:  # less than it declared
                raise _damaged(backup)
            chunk = chunk[:remaining]
            out.write(chunk)
            remaining -= len(chunk)


def _unlock(archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], backup: Path,
            passphrase: str | None, recovery_code: str | None) -> tuple[KeySlots, DataKey, bytes]:
    buffer = io.BytesIO()
    _copy_member(archive, members["keyslots.json"], buffer, backup)
    slots_bytes = buffer.getvalue()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "keyslots.json"
        path.write_bytes(slots_bytes)
        try:
            slots = KeySlots.load(path)
        except WrongPassphrase:
            raise
        except (VaultError, RecursionError) as exc:  # not JSON, or nested beyond any slot
            raise _damaged(backup) from exc
    if recovery_code is not None:
        key = slots.unlock_with_recovery_code(recovery_code)
    elif passphrase is not None:
        key = slots.unlock_with_passphrase(passphrase)
    else:
        raise WrongPassphrase()
    return slots, key, slots_bytes


def _private_opener(path: str, flags: int) -> int:
    return os.open(path, flags, FILE_MODE)


def _verify_restorable(db_path: Path, key: DataKey, backup: Path) -> None:
    try:
        db = Database(db_path, key)
    except JournalError as exc:
        raise _damaged(backup) from exc
    try:
        problems = [r[0] for r in db.all("PRAGMA cipher_integrity_check")]
        problems += [r[0] for r in db.all("PRAGMA integrity_check") if r[0] != "ok"]
    except Exception as exc:
        # The file is untrusted: whatever fails while reading it (a typed JournalError, or a
        # raw driver error from fetching rows, e.g. "database disk image is malformed" when a
        # page's HMAC fails) means it can't be restored.
        raise _damaged(backup) from exc
    finally:
        db.close()
    if problems:
        raise _damaged(backup)
