"""SQLCipher's own log lines never reach stderr: the journal says what is damaged, in words.

Each case runs in a fresh interpreter, because SQLCipher's log level is process-wide and is set
when vault/database.py is imported.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from partsjournal.domain import Entry
from partsjournal.vault import Vault
from partsjournal.vault.keyslots import KeySlots

from ...conftest import PASSPHRASE
from ...damage import PAGE, damage_a_data_page


@pytest.fixture
def damaged_vault(vault: Vault, vault_dir: Path) -> Path:
    """A vault whose journal has one damaged page in the middle (page 1 is intact)."""
    for i in range(40):
        vault.entries.add(Entry(title=f"entry {i}", body="the part that keeps watch " * 60))
    vault.lock()
    db = vault_dir / "journal.db"
    assert db.stat().st_size >= 6 * PAGE
    key = KeySlots.load(vault_dir / "keyslots.json").unlock_with_passphrase(PASSPHRASE)
    damage_a_data_page(db, key)
    return vault_dir


def _run(code: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, env=env, timeout=120, check=False)


def _sqlcipher_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "sqlcipher" in line.lower()]


def _raw_check(folder: Path, key_hex: str, *, import_database: bool) -> str:
    """A script that checks every page with a bare sqlcipher3 connection (not Database)."""
    return f"""
        import sqlcipher3
        if {import_database}:
            import partsjournal.vault.database
        conn = sqlcipher3.connect({str(folder / "journal.db")!r})
        conn.execute("PRAGMA key = \\"x'{key_hex}'\\"")
        try:
            conn.execute("PRAGMA integrity_check").fetchall()
            print("read")
        except sqlcipher3.DatabaseError:
            print("damaged")
        """


def test_a_damaged_page_found_by_the_check_writes_nothing_to_stderr(damaged_vault: Path) -> None:
    result = _run(f"""
        from pathlib import Path
        from partsjournal.errors import VaultCorrupted
        from partsjournal.vault.database import Database
        from partsjournal.vault.keyslots import KeySlots
        folder = Path({str(damaged_vault)!r})
        key = KeySlots.load(folder / "keyslots.json").unlock_with_passphrase({PASSPHRASE!r})
        db = Database(folder / "journal.db", key)
        print("problems:", len(db.all("PRAGMA cipher_integrity_check")))
        try:  # reading the page itself: where SQLCipher logs "hmac check failed"
            db.all("PRAGMA integrity_check")
        except VaultCorrupted:
            print("read: damaged")
        """)
    assert "problems:" in result.stdout and "problems: 0" not in result.stdout, result.stderr
    assert "read: damaged" in result.stdout, result.stderr
    assert _sqlcipher_lines(result.stderr) == []


def test_a_damaged_first_page_is_one_typed_error_and_no_log(vault: Vault,
                                                            vault_dir: Path) -> None:
    vault.lock()
    db = vault_dir / "journal.db"
    data = bytearray(db.read_bytes())
    data[200:300] = bytes(300 - 200)
    db.write_bytes(bytes(data))
    result = _run(f"""
        from pathlib import Path
        from partsjournal.errors import VaultCorrupted
        from partsjournal.vault import Vault
        try:
            Vault.unlock(Path({str(vault_dir)!r}), {PASSPHRASE!r}, auto_backup=False)
        except VaultCorrupted:
            print("damaged")
        """)
    assert result.stdout.strip() == "damaged", result.stderr
    assert _sqlcipher_lines(result.stderr) == []


def test_the_silence_is_process_wide_from_import(vault: Vault, vault_dir: Path) -> None:
    """Even a connection made without Database (and before any of its own pragmas) is quiet."""
    key_hex = bytes(vault._data_key).hex()  # type: ignore[arg-type]
    for i in range(40):
        vault.entries.add(Entry(title=f"entry {i}", body="a very long body " * 80))
    vault.lock()
    db = vault_dir / "journal.db"
    data = bytearray(db.read_bytes())
    middle = (len(data) // PAGE // 2) * PAGE
    data[middle + 100:middle + 110] = bytes(10)
    db.write_bytes(bytes(data))
    baseline = _run(_raw_check(vault_dir, key_hex, import_database=False))
    if not _sqlcipher_lines(baseline.stderr):
        pytest.skip("this SQLCipher build does not log decryption failures at all")
    quiet = _run(_raw_check(vault_dir, key_hex, import_database=True))
    assert quiet.stdout.strip() == "damaged", quiet.stderr
    assert _sqlcipher_lines(quiet.stderr) == []
