from __future__ import annotations

import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from partsjournal.domain import Entry, Part
from partsjournal.errors import BackupError, WrongPassphrase
from partsjournal.vault import Vault, backup, restore
from partsjournal.vault.backup import BackupPolicy

from ...conftest import PASSPHRASE


def test_auto_backup_on_unlock_at_most_daily(vault: Vault, vault_dir: Path) -> None:
    vault.lock()
    Vault.unlock(vault_dir, PASSPHRASE).lock()
    Vault.unlock(vault_dir, PASSPHRASE).lock()
    assert len(backup.list_backups(vault_dir)) == 1
    Vault.unlock(vault_dir, PASSPHRASE, policy=BackupPolicy(min_interval=timedelta(0))).lock()
    assert len(backup.list_backups(vault_dir)) >= 1


def test_backup_restores_end_to_end_with_that_days_passphrase(vault: Vault, vault_dir: Path,
                                                              tmp_path: Path) -> None:
    part = vault.parts.add(Part(name="Before backup"))
    manual = vault.backup_to(tmp_path / "b.pjbackup")
    vault.parts.add(Part(name="After backup"))
    vault.change_passphrase("newer passphrase")
    vault.lock()
    # A backup opens only with the passphrase of its day.
    with pytest.raises(WrongPassphrase):
        restore(vault_dir, manual, passphrase="newer passphrase")
    replaced = restore(vault_dir, manual, passphrase=PASSPHRASE)
    assert replaced is not None and (replaced / "journal.db").exists()
    reopened = Vault.unlock(vault_dir, PASSPHRASE)
    assert [p.name for p in reopened.parts.list()] == ["Before backup"]
    assert reopened.parts.get(part.id).name == "Before backup"
    assert reopened.check(PASSPHRASE).ok
    reopened.lock()


def test_restore_into_empty_folder(vault: Vault, tmp_path: Path) -> None:
    vault.entries.add(Entry(title="kept", body="safe"))
    path = vault.backup_to(tmp_path)
    assert path.suffix == ".pjbackup" and path.parent == tmp_path
    vault.lock()
    new_home = tmp_path / "elsewhere"
    assert restore(new_home, path, passphrase=PASSPHRASE) is None
    moved = Vault.unlock(new_home, PASSPHRASE)
    assert moved.entries.list()[0].title == "kept"
    moved.lock()


def test_backup_is_encrypted_and_private(vault: Vault, tmp_path: Path) -> None:
    vault.entries.add(Entry(title="secret-title-xyz", body="secret-body-xyz"))
    path = vault.backup_to(tmp_path / "b.pjbackup")
    data = path.read_bytes()
    assert b"secret-body-xyz" not in data and b"SQLite format 3" not in data
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == ["journal.db", "keyslots.json"]
    assert path.stat().st_mode & 0o077 == 0


def test_damaged_backup_is_refused_and_vault_untouched(vault: Vault, vault_dir: Path,
                                                       tmp_path: Path) -> None:
    for i in range(20):
        vault.entries.add(Entry(title=f"e{i}", body="text " * 200))
    path = vault.backup_to(tmp_path / "b.pjbackup")
    vault.lock()
    before = (vault_dir / "journal.db").read_bytes()
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(BackupError, match="damaged"):
        restore(vault_dir, path, passphrase=PASSPHRASE)
    assert (vault_dir / "journal.db").read_bytes() == before
    not_zip = tmp_path / "x.pjbackup"
    not_zip.write_bytes(b"hello")
    with pytest.raises(BackupError):
        restore(vault_dir, not_zip, passphrase=PASSPHRASE)


def test_rotation_keeps_recent_and_weekly(tmp_path: Path) -> None:
    folder = backup.backup_dir(tmp_path)
    folder.mkdir(parents=True)
    start = datetime(2026, 1, 1, 12, tzinfo=UTC)
    for day in range(60):
        backup.automatic_backup_path(tmp_path, start + timedelta(days=day)).write_bytes(b"x")
    removed = backup.rotate(tmp_path, BackupPolicy(keep_recent=7, keep_weekly=4))
    kept = backup.list_backups(tmp_path)
    assert len(removed) + len(kept) == 60
    newest = start + timedelta(days=59)
    assert kept[0].name == backup.automatic_backup_path(tmp_path, newest).name
    # 7 most recent days + one per ISO week for the 4 newest weeks (some overlap).
    assert 7 <= len(kept) <= 11
    weeks = {datetime.strptime(p.stem.rsplit("-", 1)[-1], "%Y%m%dT%H%M%SZ").isocalendar()[1]
             for p in kept}
    assert len(weeks) >= 4
