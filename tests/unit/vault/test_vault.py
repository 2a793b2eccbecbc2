from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from partsjournal.domain import Entry, EntryKind, Part, PartPresence, Role
from partsjournal.errors import (
    VaultCorrupted,
    VaultExists,
    VaultFromNewerVersion,
    VaultLocked,
    VaultNotFound,
    WrongPassphrase,
)
from partsjournal.vault import Vault, backup, schema
from partsjournal.vault.keyslots import KdfProfile

from ...canary import files_containing, needles
from ...conftest import PASSPHRASE


def _fill(vault: Vault, canary: str = "") -> tuple[Part, Entry]:
    part = vault.parts.add(Part(name=f"Inner Critic {canary}".strip(), role=Role.MANAGER,
                                job=f"Keeps me from being laughed at {canary}"))
    entry = vault.entries.add(Entry(kind=EntryKind.SOLO_SESSION, title="Meeting the critic",
                                    body=f"It softened when I asked what it fears. {canary}",
                                    parts=[PartPresence(part_id=part.id, note="loud")]))
    return part, entry


def test_create_unlock_and_everything_is_there(vault: Vault, vault_dir: Path) -> None:
    part, entry = _fill(vault)
    vault.lock()
    again = Vault.unlock(vault_dir, PASSPHRASE)
    assert again.parts.get(part.id).name == "Inner Critic"
    got = again.entries.get(entry.id)
    assert got.body == entry.body and got.parts[0].name == "Inner Critic"
    again.lock()


def test_create_refuses_existing_vault(vault: Vault, vault_dir: Path,
                                       fast_kdf: KdfProfile) -> None:
    with pytest.raises(VaultExists, match="already a journal"):
        Vault.create(vault_dir, "other", profile=fast_kdf)


def test_wrong_passphrase_changes_nothing(vault: Vault, vault_dir: Path) -> None:
    _fill(vault)
    vault.lock()
    before = {p.name: p.read_bytes() for p in vault_dir.iterdir() if p.is_file()}
    with pytest.raises(WrongPassphrase, match="didn't open"):
        Vault.unlock(vault_dir, PASSPHRASE + "x")
    after = {p.name: p.read_bytes() for p in vault_dir.iterdir() if p.is_file()}
    assert before == after


def test_recovery_code_unlocks_and_demands_new_passphrase(
        vault_with_code: tuple[Vault, str], vault_dir: Path) -> None:
    vault, code = vault_with_code
    part, _ = _fill(vault)
    vault.lock()
    opened = Vault.unlock_with_recovery_code(vault_dir, code.lower().replace("-", " "))
    assert opened.needs_new_passphrase
    assert opened.parts.get(part.id).name == "Inner Critic"
    opened.change_passphrase("a brand new passphrase")
    assert not opened.needs_new_passphrase
    opened.lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_dir, PASSPHRASE)
    Vault.unlock(vault_dir, "a brand new passphrase").lock()


def test_wrong_recovery_code(vault: Vault, vault_dir: Path) -> None:
    from partsjournal.vault import recovery

    vault.lock()
    other, _ = recovery.generate()
    with pytest.raises(WrongPassphrase):
        Vault.unlock_with_recovery_code(vault_dir, other)


def test_change_passphrase_rewrites_only_keyslots(vault: Vault, vault_dir: Path) -> None:
    _fill(vault)
    vault.db.close()  # flush the WAL so journal.db holds everything
    db_before = (vault_dir / "journal.db").read_bytes()
    slots_before = (vault_dir / "keyslots.json").read_bytes()
    vault.change_passphrase("new one")
    assert (vault_dir / "journal.db").read_bytes() == db_before
    assert (vault_dir / "keyslots.json").read_bytes() != slots_before
    assert not list(vault_dir.glob(".keyslots*"))  # no temp file left behind
    Vault.unlock(vault_dir, "new one").lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_dir, PASSPHRASE)


def test_locked_vault_refuses_use(vault: Vault) -> None:
    vault.lock()
    with pytest.raises(VaultLocked):
        vault.parts.list()
    vault.lock()  # twice is fine


@pytest.mark.parametrize("name", ["keyslots.json", "journal.db"])
def test_missing_file_is_named(vault: Vault, vault_dir: Path, name: str) -> None:
    vault.lock()
    (vault_dir / name).unlink()
    with pytest.raises(VaultNotFound) as info:
        Vault.unlock(vault_dir, PASSPHRASE)
    assert name in str(info.value)


def test_not_a_vault_folder(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound, match="doesn't contain"):
        Vault.unlock(tmp_path, PASSPHRASE)
    with pytest.raises(VaultNotFound, match="no journal folder"):
        Vault.unlock(tmp_path / "nope", PASSPHRASE)


def test_flipped_bytes_give_vault_corrupted_naming_backup(vault: Vault, vault_dir: Path) -> None:
    for i in range(30):
        _fill(vault, canary=str(i))
    vault.backup_now()
    vault.lock()
    data = bytearray((vault_dir / "journal.db").read_bytes())
    assert len(data) > 8192
    middle = len(data) // 2
    for offset in range(middle, middle + 16):
        data[offset] ^= 0xFF
    (vault_dir / "journal.db").write_bytes(bytes(data))
    with pytest.raises(VaultCorrupted) as info:
        Vault.unlock(vault_dir, PASSPHRASE)
    message = str(info.value)
    assert "journal.db" in message and ".pjbackup" in message and "restore" in message


def test_flipped_first_page_also_detected(vault: Vault, vault_dir: Path) -> None:
    _fill(vault)
    vault.lock()
    data = bytearray((vault_dir / "journal.db").read_bytes())
    data[100] ^= 0x01
    (vault_dir / "journal.db").write_bytes(bytes(data))
    with pytest.raises(VaultCorrupted, match="No backup was found"):
        Vault.unlock(vault_dir, PASSPHRASE, auto_backup=False)


def test_garbled_keyslots_file(vault: Vault, vault_dir: Path) -> None:
    vault.lock()
    (vault_dir / "keyslots.json").write_text("{ not json")
    with pytest.raises(VaultCorrupted, match="keyslots.json"):
        Vault.unlock(vault_dir, PASSPHRASE)


def test_newer_vault_is_refused(vault: Vault, vault_dir: Path) -> None:
    vault.db.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    vault.lock()
    with pytest.raises(VaultFromNewerVersion, match="newer version"):
        Vault.unlock(vault_dir, PASSPHRASE)


def test_migration_backs_up_first(vault: Vault, vault_dir: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    part, _ = _fill(vault)
    vault.lock()
    applied = []

    def add_column(db):  # type: ignore[no-untyped-def]
        applied.append(sorted(p.name for p in backup.list_backups(vault_dir)))
        db.execute("ALTER TABLE parts ADD COLUMN nickname TEXT")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, add_column])
    monkeypatch.setattr(schema, "LATEST", len(schema.MIGRATIONS))
    opened = Vault.unlock(vault_dir, PASSPHRASE, auto_backup=False)
    assert applied and any(name.startswith("pre-migration-") for name in applied[0])
    assert opened.db.scalar("PRAGMA user_version") == schema.LATEST
    assert opened.parts.get(part.id).name == "Inner Critic"
    opened.lock()


def test_failed_migration_rolls_back(vault: Vault, vault_dir: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    vault.lock()

    def broken(db):  # type: ignore[no-untyped-def]
        db.execute("ALTER TABLE parts ADD COLUMN nickname TEXT")
        raise RuntimeError("boom")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, broken])
    monkeypatch.setattr(schema, "LATEST", len(schema.MIGRATIONS))
    with pytest.raises(RuntimeError):
        Vault.unlock(vault_dir, PASSPHRASE, auto_backup=False)
    monkeypatch.undo()
    opened = Vault.unlock(vault_dir, PASSPHRASE, auto_backup=False)
    assert opened.db.scalar("PRAGMA user_version") == schema.LATEST
    columns = [r[1] for r in opened.db.all("PRAGMA table_info(parts)")]
    assert "nickname" not in columns
    opened.lock()


def test_pragmas_are_set(vault: Vault) -> None:
    db = vault.db
    assert db.scalar("PRAGMA journal_mode") == "wal"
    assert db.scalar("PRAGMA synchronous") == 2  # FULL
    assert db.scalar("PRAGMA foreign_keys") == 1
    assert db.scalar("PRAGMA secure_delete") == 1
    assert db.scalar("PRAGMA temp_store") == 2  # MEMORY
    assert str(db.scalar("PRAGMA cipher_memory_security")) == "1"


def test_files_are_private(vault: Vault, vault_dir: Path) -> None:
    _fill(vault)
    vault.backup_now()
    assert stat.S_IMODE(vault_dir.stat().st_mode) == 0o700
    for path in vault_dir.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path} is {oct(mode)}"


def test_database_looks_random(vault: Vault, vault_dir: Path) -> None:
    _fill(vault)
    vault.lock()
    data = (vault_dir / "journal.db").read_bytes()
    assert not data.startswith(b"SQLite format 3")
    # Every byte value appears about equally often in ciphertext.
    counts = [data.count(bytes([b])) for b in range(256)]
    expected = len(data) / 256
    assert max(counts) < expected * 1.5 and min(counts) > expected * 0.5


CANARY = "Canary-7f3a-Ωmega-fjord"


def test_canary_appears_in_no_file(vault: Vault, vault_dir: Path, tmp_path: Path,
                                   _private_environment: Path) -> None:
    import time

    started = time.time() - 1
    wanted = needles(CANARY)
    _fill(vault, canary=CANARY)
    hit = vault.search.search("Canary")
    assert hit, "the canary must be searchable inside the vault"
    vault.backup_now()
    import tempfile

    places = [vault_dir, _private_environment, Path(tempfile.gettempdir())]
    assert files_containing(vault_dir, wanted) == []  # while open (WAL included)
    vault.lock()
    for place in places:
        assert files_containing(place, wanted, since=started) == [], place
    assert json.loads((vault_dir / "keyslots.json").read_text())
