"""The SQLCipher connection: raw-key opening, the pragmas of DESIGN §3, transactions, typed errors.

This is the only module that talks to ``sqlcipher3`` directly; repositories use :class:`Database`.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3

from partsjournal.errors import DiskFull, VaultCorrupted, VaultError, VaultLocked
from partsjournal.vault.fsutil import FILE_MODE

Row = tuple[Any, ...]

# Why each pragma: DESIGN §3. cipher_memory_security is decided in docs/security.md.
SESSION_PRAGMAS: tuple[str, ...] = (
    "PRAGMA cipher_memory_security = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
    # 32 MiB of decrypted pages: every page read from disk costs a decryption and an HMAC,
    # so a warm cache is most of what keeps SQLCipher close to plain SQLite (performance.md).
    "PRAGMA cache_size = -32768",
)


def key_pragma(data_key: bytes) -> str:
    """``PRAGMA key`` with the raw 256-bit key, which skips SQLCipher's own PBKDF2."""
    return f"PRAGMA key = \"x'{data_key.hex()}'\""


class Database:
    """One open, keyed connection, used only on the thread that opened it."""

    def __init__(self, path: Path, data_key: bytes, *, memory_security: bool = True) -> None:
        self.path = path
        self._thread = threading.get_ident()
        _create_private(path)
        try:
            self._conn = sqlcipher3.connect(str(path), isolation_level=None,
                                            check_same_thread=True)
        except sqlcipher3.Error as exc:
            raise VaultError(f"The journal file {path} could not be opened: {exc}.") from exc
        self._depth = 0
        try:
            self._conn.execute(key_pragma(data_key))
            for pragma in SESSION_PRAGMAS:
                if not memory_security and "cipher_memory_security" in pragma:
                    pragma = "PRAGMA cipher_memory_security = OFF"
                self._conn.execute(pragma)
            # The first real read proves the key fits the file.
            self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            self._conn.close()
            raise VaultCorrupted(f"The journal file {path} can't be read: it is damaged.",
                                 path=path) from exc

    @property
    def is_open(self) -> bool:
        """False after :meth:`close`."""
        return self._conn is not None

    def _connection(self) -> Any:
        if self._conn is None:
            raise VaultLocked("The journal is locked. Unlock it to continue.")
        return self._conn

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        """Run one statement and return the cursor; SQLite errors become typed errors."""
        try:
            return self._connection().execute(sql, params)
        except sqlcipher3.Error as exc:
            raise _translate(exc, self.path) from exc

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement for many parameter rows."""
        try:
            self._connection().executemany(sql, rows)
        except sqlcipher3.Error as exc:
            raise _translate(exc, self.path) from exc

    def one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Row | None:
        """The first row or None."""
        row = self.execute(sql, params).fetchone()
        return None if row is None else tuple(row)

    def all(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Row]:
        """Every row."""
        return [tuple(r) for r in self.execute(sql, params).fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        """The first column of the first row, or None."""
        row = self.one(sql, params)
        return None if row is None else row[0]

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """All-or-nothing: commit on success, roll back on any exception. Nests as savepoints."""
        conn = self._connection()
        name = f"sp{self._depth}"
        try:
            conn.execute("BEGIN IMMEDIATE" if self._depth == 0 else f"SAVEPOINT {name}")
        except sqlcipher3.Error as exc:
            raise _translate(exc, self.path) from exc
        self._depth += 1
        try:
            yield self
        except BaseException:
            self._depth -= 1
            try:
                conn.execute("ROLLBACK" if self._depth == 0 else f"ROLLBACK TO {name}")
                if self._depth:
                    conn.execute(f"RELEASE {name}")
            except sqlcipher3.Error:
                pass
            raise
        self._depth -= 1
        try:
            conn.execute("COMMIT" if self._depth == 0 else f"RELEASE {name}")
        except sqlcipher3.Error as exc:
            try:
                conn.execute("ROLLBACK")
            except sqlcipher3.Error:
                pass
            raise _translate(exc, self.path) from exc

    def backup_to(self, target: Path, data_key: bytes) -> None:
        """Copy the whole database, still encrypted with the same key, into ``target``."""
        dest = sqlcipher3.connect(str(target), isolation_level=None)
        try:
            dest.execute(key_pragma(data_key))
            dest.execute("PRAGMA journal_mode = DELETE")
            self._connection().backup(dest)
        except sqlcipher3.Error as exc:
            raise _translate(exc, target) from exc
        finally:
            dest.close()

    def close(self, *, checkpoint: bool = True) -> None:
        """Checkpoint the WAL into the main file and close; further use raises VaultLocked.

        A second, short-lived connection (the background check) closes without checkpointing,
        so it never waits for the app's own connection.
        """
        if self._conn is None:
            return
        if checkpoint:
            try:
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlcipher3.Error:
                pass
        self._conn.close()
        self._conn = None


def _create_private(path: Path) -> None:
    """Make sure the database file exists as 0600 before SQLite opens it (WAL files copy it)."""
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    if sys.platform != "win32" and (path.stat().st_mode & 0o077):
        os.chmod(path, FILE_MODE)


def _translate(exc: Exception, path: Path) -> Exception:
    """Map SQLite's error codes to the journal's own errors."""
    code = getattr(exc, "sqlite_errorcode", None)
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name.startswith("SQLITE_FULL") or code == 13 or "database or disk is full" in text:
        return DiskFull("There isn't enough space to save this. Nothing was changed; free some "
                        "disk space and try again.")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or code in (11, 26) \
            or "malformed" in text or "not a database" in text:
        return VaultCorrupted(f"The journal file {path} is damaged.", path=path)
    if isinstance(exc, sqlcipher3.IntegrityError):
        return VaultError(f"The change was refused by the journal's consistency rules ({exc}).")
    return VaultError(f"The journal could not complete that ({exc}).")
