"""The data key lives in one buffer that lock() zeroes, and reaches SQLCipher without a str.

See vault/secret.py and vault/database.py; the measurement is benchmarks/memory_after_lock.py.
"""

from __future__ import annotations

import pickle
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from partsjournal.domain import Entry
from partsjournal.errors import VaultCorrupted, VaultLocked
from partsjournal.vault import Vault, database, keyslots, secret
from partsjournal.vault import vault as vault_module
from partsjournal.vault.backup import BackupPolicy
from partsjournal.vault.database import KEY_VIA_C_API, KEY_VIA_PRAGMA, Database
from partsjournal.vault.keyslots import KeySlots
from partsjournal.vault.secret import DataKey

from ...conftest import PASSPHRASE

CPYTHON_LINUX = sys.implementation.name == "cpython" and sys.platform.startswith("linux")


def _hex_of(vault: Vault) -> str:
    return bytes(vault._data_key).hex()  # type: ignore[arg-type]  # test-only copy


# The buffer and lock() -----------------------------------------------------------------------

def test_lock_zeroes_the_key_buffer_in_place(vault: Vault) -> None:
    buffer = vault._data_key
    assert buffer is not None and any(buffer)
    vault.lock()
    assert buffer == bytearray(32)
    assert isinstance(buffer, bytearray)


def test_unlocking_by_passphrase_and_locking_zeroes_that_key_too(vault: Vault,
                                                               vault_dir: Path) -> None:
    vault.lock()
    opened = Vault.unlock(vault_dir, PASSPHRASE, auto_backup=False)
    buffer = opened._data_key
    assert buffer is not None and any(buffer)
    opened.lock()
    assert buffer == bytearray(32)


def test_open_with_key_keeps_its_own_copy_and_wipes_only_that(vault: Vault,
                                                               vault_dir: Path) -> None:
    """A caller (the unlock flow, the benchmarks) may open twice with one unwrapped key."""
    vault.lock()
    key = KeySlots.load(vault_dir / "keyslots.json").unlock_with_passphrase(PASSPHRASE)
    for _ in range(2):
        opened = Vault.open_with_key(vault_dir, KeySlots.load(vault_dir / "keyslots.json"), key,
                                     auto_backup=False)
        own = opened._data_key
        assert own is not key
        opened.lock()
        assert own == bytearray(32) and any(key)
    key.wipe()
    assert key == bytearray(32)


def test_a_failed_open_wipes_the_unwrapped_key(vault: Vault, vault_dir: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    vault.lock()
    seen: list[Any] = []

    def damaged(cls: type[Vault], folder: Path, slots: KeySlots, data_key: Any,
                **_kw: object) -> Vault:
        seen.append(data_key)
        raise VaultCorrupted("damaged", path=folder)

    monkeypatch.setattr(Vault, "_open", classmethod(damaged))
    with pytest.raises(VaultCorrupted):
        Vault.unlock(vault_dir, PASSPHRASE, auto_backup=False)
    assert len(seen) == 1 and seen[0] == bytearray(32)


def test_keyslots_erase_the_aead_result_they_copied_the_key_from(
        vault: Vault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _hex_of(vault)
    vault.lock()
    returned: list[bytes] = []
    real = keyslots.ChaCha20Poly1305

    class Recording:
        def __init__(self, key: bytes) -> None:
            self._inner = real(key)

        def decrypt(self, *args: Any) -> bytes:
            out = self._inner.decrypt(*args)
            returned.append(out)
            return out

    monkeypatch.setattr(keyslots, "ChaCha20Poly1305", Recording)
    key = KeySlots.load(vault_dir / "keyslots.json").unlock_with_passphrase(PASSPHRASE)
    assert isinstance(key, DataKey) and bytes(key).hex() == expected
    if sys.implementation.name == "cpython":
        assert returned == [bytes(32)]  # the immutable copy was overwritten in place


def test_a_data_key_does_not_show_or_pickle_its_contents() -> None:
    key = DataKey(bytes(range(32)))
    assert repr(key) == str(key) == "DataKey(<32 bytes>)"
    with pytest.raises(TypeError):
        pickle.dumps(key)
    key.wipe()
    assert repr(key) == "DataKey(<wiped>)"
    with pytest.raises(VaultLocked), key.borrow():
        pass


def test_raw_key_literal_is_sqlciphers_raw_key_form() -> None:
    raw = bytes(range(200, 232))
    assert secret.raw_key_literal(raw) == bytearray(b"x'" + raw.hex().encode() + b"'")


# How the key reaches SQLCipher ----------------------------------------------------------------

@pytest.mark.skipif(not CPYTHON_LINUX, reason="the bundled wheel's C API is checked on Linux")
def test_the_key_goes_through_sqlite3_key(vault: Vault) -> None:
    assert vault.db.key_method == KEY_VIA_C_API


def test_no_statement_carries_the_key(vault: Vault, vault_dir: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite's trace sees every statement: none of them (opening, backing up) holds the key."""
    key_hex = _hex_of(vault)
    vault.entries.add(Entry(title="traced", body="nothing secret"))
    vault.lock()
    statements: list[str] = []
    connect = sqlcipher3.connect

    def traced_connect(*args: Any, **kwargs: Any) -> Any:
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(sqlcipher3, "connect", traced_connect)
    opened = Vault.unlock(vault_dir, PASSPHRASE, auto_backup=False)
    opened.backup_to(tmp_path / "copy.pjbackup")
    opened.maintenance_job(BackupPolicy())()
    opened.lock()
    assert statements, "the trace saw nothing"
    assert not [s for s in statements if key_hex in s.lower() or "pragma key" in s.lower()]


def test_when_the_handle_cant_be_verified_a_wiped_pragma_is_used(
        vault: Vault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vault.entries.add(Entry(title="fallback", body="still opens"))
    vault.lock()
    literals: list[bytearray] = []
    build = secret.raw_key_literal

    def recording(raw: bytes | bytearray) -> bytearray:
        literals.append(build(raw))
        return literals[-1]

    monkeypatch.setattr(database, "_connection_handle", lambda *_a: None)
    monkeypatch.setattr(secret, "raw_key_literal", recording)
    opened = Vault.unlock(vault_dir, PASSPHRASE, auto_backup=False)
    try:
        assert opened.db.key_method == KEY_VIA_PRAGMA
        assert [e.title for e in opened.entries.list()] == ["fallback"]
    finally:
        opened.lock()
    assert literals and all(b == bytearray(len(b)) for b in literals)


@pytest.mark.skipif(not CPYTHON_LINUX, reason="the bundled wheel's C API is checked on Linux")
def test_the_handle_is_only_used_for_the_file_it_names(vault: Vault, vault_dir: Path,
                                                       tmp_path: Path) -> None:
    api = database._api()
    assert api is not None
    conn = sqlcipher3.connect(str(vault_dir / "journal.db"))
    try:
        assert database._connection_handle(conn, vault_dir / "journal.db", api)
        assert database._connection_handle(conn, tmp_path / "other.db", api) is None
    finally:
        conn.close()


def test_wrong_key_is_still_reported_as_damage(vault: Vault, vault_dir: Path) -> None:
    vault.lock()
    with pytest.raises(VaultCorrupted):
        Database(vault_dir / "journal.db", DataKey(bytes(32)))


# The background check and lock() --------------------------------------------------------------

def test_a_job_started_after_lock_refuses_cleanly(vault: Vault) -> None:
    job = vault.maintenance_job(BackupPolicy())
    vault.lock()
    with pytest.raises(VaultLocked):
        job()


def test_lock_while_the_job_is_running_stops_its_backup_cleanly(
        vault: Vault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The job has its connection open when the vault locks; the backup then needs the key."""
    vault.entries.add(Entry(title="kept", body="written before the lock"))
    at_backup, locked = threading.Event(), threading.Event()

    def pause_then_due(*_args: Any) -> bool:
        at_backup.set()
        assert locked.wait(10)
        return True

    monkeypatch.setattr(vault_module.backups, "backup_due", pause_then_due)
    job = vault.maintenance_job(BackupPolicy())
    outcome: list[BaseException | object] = []

    def run() -> None:
        try:
            outcome.append(job())
        except BaseException as exc:  # noqa: BLE001
            outcome.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    assert at_backup.wait(10)
    vault.lock()
    locked.set()
    worker.join(10)
    assert len(outcome) == 1 and isinstance(outcome[0], VaultLocked), outcome
    backups_dir = vault_dir / "backups"
    assert not backups_dir.exists() or not [p for p in backups_dir.iterdir()
                                            if p.suffix == ".pjbackup" or p.name.startswith(".")]
    monkeypatch.undo()
    reopened = Vault.unlock(vault_dir, PASSPHRASE, auto_backup=False)
    try:
        assert [e.title for e in reopened.entries.list()] == ["kept"]
    finally:
        reopened.lock()
