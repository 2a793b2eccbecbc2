"""The SQLCipher connection: raw-key opening, pragmas, transactions, typed errors.

The file format and the pragmas are in docs/vault-format.md.

This is the only module that talks to ``sqlcipher3`` directly; repositories use :class:`Database`.

The key reaches SQLCipher through ``sqlite3_key()`` of the bundled library, called with ctypes on
the connection's ``sqlite3 *`` handle, from a bytearray wiped right after (see :func:`_apply_key`):
no ``PRAGMA key`` string holding the key is ever made, so none can outlive the lock.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3

from partsjournal.errors import DiskFull, NoRoomToOpen, VaultCorrupted, VaultError, VaultLocked
from partsjournal.vault import secret
from partsjournal.vault.fsutil import FILE_MODE
from partsjournal.vault.secret import DataKey

Row = tuple[Any, ...]

# Why each pragma: docs/vault-format.md. cipher_memory_security is decided in docs/security.md.
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

#: SQLite's lookaside: each connection's own pool of slots for small, short-lived allocations
#: (statement cursors, bound values, records). SQLite's default (about 120 slots) is taken up by
#: the cached statements, so nearly every small allocation missed it and went to the allocator,
#: where memory security turns it into an ``mlock`` and a wiped ``munlock`` (docs/performance.md).
#: 2,000 slots of up to 1,200 bytes (2.3 MiB, itself locked and wiped) keep them out of the
#: allocator. Configured before the connection's first statement, as SQLite requires.
LOOKASIDE_SLOT_SIZE = 1200
LOOKASIDE_SLOTS = 2000
_DBCONFIG_LOOKASIDE = 1001

#: How the key was handed over: through the C API, or (if the handle can't be verified) a pragma.
KEY_VIA_C_API = "sqlite3_key"
KEY_VIA_PRAGMA = "pragma"


def _sqlcipher_version(conn: Any) -> tuple[int, ...]:
    row = conn.execute("PRAGMA cipher_version").fetchone()
    digits = str(row[0] if row else "").split()[0] if row else ""
    try:
        return tuple(int(part) for part in digits.split("."))
    except ValueError:
        return ()


def _quiet_pragma() -> str:
    """The pragma that silences SQLCipher's own log, applied process-wide once at import.

    SQLCipher writes decryption failures (``ERROR CORE sqlcipher_page_cipher: hmac check
    failed``) to stderr; the journal reports damage itself, in words. 4.6+ has log levels.
    """
    probe = sqlcipher3.connect(":memory:")
    try:
        if _sqlcipher_version(probe) >= (4, 6):
            pragma = "PRAGMA cipher_log_level = NONE"
        else:
            pragma = "PRAGMA cipher_log = off"
        # The level is process-wide, so this also covers connections opened by anyone else,
        # and lines SQLCipher would write before a connection's own first statement.
        probe.execute(pragma)
    finally:
        probe.close()
    return pragma


LOG_PRAGMA = _quiet_pragma()


class _CApi:
    """``sqlite3_key`` and ``sqlite3_db_filename`` of the SQLCipher inside the sqlcipher3 wheel."""

    def __init__(self) -> None:
        from sqlcipher3 import _sqlite3

        # The extension module is already loaded; dlopen hands back the same image.
        lib = ctypes.CDLL(_sqlite3.__file__)
        self.key = lib.sqlite3_key
        self.key.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int]
        self.key.restype = ctypes.c_int
        self.db_filename = lib.sqlite3_db_filename
        self.db_filename.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        self.db_filename.restype = ctypes.c_char_p
        # Variadic: only the fixed arguments are declared, so ctypes passes the rest as varargs.
        self.db_config = lib.sqlite3_db_config
        self.db_config.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self.db_config.restype = ctypes.c_int


_c_api: _CApi | None = None
_c_api_failed = False


def _api() -> _CApi | None:
    global _c_api, _c_api_failed
    if _c_api is None and not _c_api_failed:
        try:
            _c_api = _CApi()
        except (OSError, AttributeError, ImportError):
            _c_api_failed = True  # e.g. a build that doesn't export the symbols
    return _c_api


def _connection_handle(conn: Any, path: Path, api: _CApi) -> int | None:
    """The connection's ``sqlite3 *``, or None if it can't be confirmed to be the right one.

    sqlcipher3 is a pysqlite fork: its Connection struct is ``PyObject_HEAD`` followed by
    ``sqlite3 *db`` (src/connection.h). The pointer is read from there and accepted only if
    SQLite, asked for that handle's main database file, names ``path``.
    """
    if sys.implementation.name != "cpython" or not isinstance(conn, sqlcipher3.Connection):
        return None
    handle = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value
    if not handle:
        return None
    name = api.db_filename(handle, b"main")
    if not name:
        return None
    wanted = {os.fsencode(os.path.realpath(path)), os.fsencode(os.path.abspath(path))}
    return handle if name in wanted else None


def _apply_key(conn: Any, path: Path, data_key: DataKey | bytes) -> str:
    """Key a fresh connection; returns which way the key went (KEY_VIA_C_API or KEY_VIA_PRAGMA).

    The key is copied once, as ``x'<hex>'`` (the raw-key form: no PBKDF2), into a bytearray that is
    zeroed as soon as SQLCipher has taken its own copy (which it wipes when the connection closes).
    Raises VaultLocked if the key was wiped (the vault was locked meanwhile).
    """
    with secret.borrowed(data_key) as raw:
        literal = secret.raw_key_literal(raw)
    try:
        api = _api()
        handle = None if api is None else _connection_handle(conn, path, api)
        if api is not None and handle is not None:
            view = (ctypes.c_char * len(literal)).from_buffer(literal)
            try:
                rc = api.key(handle, view, len(literal))
            finally:
                del view
            if rc != 0:
                raise VaultError(f"The journal file {path} could not be opened (key: {rc}).")
            return KEY_VIA_C_API
        _pragma_key(conn, literal)
        return KEY_VIA_PRAGMA
    finally:
        secret.wipe(literal)


def _configure_lookaside(conn: Any, path: Path) -> bool:
    """Give a fresh connection a larger lookaside (LOOKASIDE_SLOTS); False if it couldn't be.

    Speed only: where the handle can't be verified the connection keeps SQLite's default.
    """
    api = _api()
    handle = None if api is None else _connection_handle(conn, path, api)
    if api is None or handle is None:
        return False
    rc = api.db_config(handle, _DBCONFIG_LOOKASIDE, ctypes.c_void_p(None),
                       ctypes.c_int(LOOKASIDE_SLOT_SIZE), ctypes.c_int(LOOKASIDE_SLOTS))
    return bool(rc == 0)


def _pragma_key(conn: Any, literal: bytearray) -> None:
    """The fallback: ``PRAGMA key`` built in a bytearray, run outside the statement cache.

    ``executescript`` prepares, runs and finalizes at once, so sqlcipher3 keeps no reference to the
    statement; the one str it needs is overwritten in place right after.
    """
    prefix, suffix = b'PRAGMA key = "', b'"'
    sql = bytearray(len(prefix) + len(literal) + len(suffix))
    sql[:len(prefix)] = prefix
    sql[len(prefix):len(prefix) + len(literal)] = literal
    sql[-len(suffix):] = suffix
    try:
        text = sql.decode("ascii")
        try:
            conn.executescript(text)
        finally:
            secret.scrub_str(text)
            del text
    finally:
        secret.wipe(sql)


class Database:
    """One open, keyed connection, used only on the thread that opened it."""

    def __init__(self, path: Path, data_key: DataKey | bytes, *,
                 memory_security: bool = True) -> None:
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
            #: False if the connection kept SQLite's default lookaside (docs/performance.md).
            self.large_lookaside = _configure_lookaside(self._conn, path)
            self._conn.execute(LOG_PRAGMA)
            #: KEY_VIA_C_API, or KEY_VIA_PRAGMA where the C handle couldn't be verified.
            self.key_method = _apply_key(self._conn, path, data_key)
        except BaseException:
            self._conn.close()
            raise
        try:
            for pragma in SESSION_PRAGMAS:
                if not memory_security and "cipher_memory_security" in pragma:
                    pragma = "PRAGMA cipher_memory_security = OFF"
                self._conn.execute(pragma)
            # The first real read proves the key fits the file.
            self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            self._conn.close()
            raise _open_error(exc, path) from exc

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
        cursor = self.execute(sql, params)
        try:  # a damaged page may only be met while fetching
            row = cursor.fetchone()
        except sqlcipher3.Error as exc:
            raise _translate(exc, self.path) from exc
        return None if row is None else tuple(row)

    def all(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Row]:
        """Every row."""
        cursor = self.execute(sql, params)
        try:
            return [tuple(r) for r in cursor.fetchall()]
        except sqlcipher3.Error as exc:
            raise _translate(exc, self.path) from exc

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

    @contextmanager
    def bulk_write(self) -> Iterator[Database]:
        """Settings for writing a whole journal in one transaction; put back afterwards.

        Foreign keys are not enforced row by row (``PRAGMA foreign_keys = OFF``): with them,
        every multi-row INSERT needs a statement journal, a copy of each page it changes, made
        of 1 KiB allocations that memory security locks and wipes (docs/performance.md). The
        caller must check them all at once before committing (:meth:`check_foreign_keys`).
        The pragma only takes effect outside a transaction, so open this around one; inside an
        outer transaction it changes nothing. The previous setting is restored on the way out,
        whatever happens inside.
        """
        before = int(self.scalar("PRAGMA foreign_keys"))
        if self._depth == 0:
            self.execute("PRAGMA foreign_keys = OFF")
        try:
            yield self
        finally:
            if self._conn is not None and self._depth == 0:
                self.execute(f"PRAGMA foreign_keys = {'ON' if before else 'OFF'}")

    def check_foreign_keys(self) -> None:
        """Refuse the transaction's writes if any row points at a row that doesn't exist.

        The same rule SQLite enforces row by row with ``foreign_keys = ON``, checked over every
        table at once (``PRAGMA foreign_key_check``), with the same error.
        """
        if self.one("PRAGMA foreign_key_check") is not None:
            raise VaultError("The change was refused by the journal's consistency rules "
                             "(FOREIGN KEY constraint failed).")

    def backup_to(self, target: Path, data_key: DataKey | bytes) -> None:
        """Copy the whole database, still encrypted with the same key, into ``target``.

        Raises VaultLocked if ``data_key`` was wiped (the vault was locked during a backup).
        """
        dest = sqlcipher3.connect(str(target), isolation_level=None)
        try:
            dest.execute(LOG_PRAGMA)
            _apply_key(dest, target, data_key)
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


#: Below this much free space, an I/O error is taken for a full disk: SQLite reports a failed
#: write to its ``-shm``/``-wal`` files as SQLITE_IOERR, not SQLITE_FULL.
LOW_SPACE_BYTES = 1 << 20


def _disk_nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < LOW_SPACE_BYTES
    except OSError:
        return False


def _is_io_error(exc: Exception) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name.startswith("SQLITE_IOERR") or getattr(exc, "sqlite_errorcode", None) == 10 \
        or "disk i/o error" in str(exc).lower()


def _open_error(exc: Exception, path: Path) -> Exception:
    """Why opening failed: a full disk and a failing drive are not a damaged journal.

    Neither may offer a restore: the file is fine, and restoring onto a full disk would fail too.
    """
    translated = _translate(exc, path)
    if isinstance(translated, DiskFull):
        return NoRoomToOpen(f"The disk that holds {path.parent} is full, so the journal can't be "
                            "opened: it needs a little room for its working files. Free some "
                            "space on that disk and try again. Nothing in the journal was "
                            "changed.")
    if _is_io_error(exc):
        return VaultError(f"The journal file {path} couldn't be read from its disk (an "
                          "input/output error). If it is on a removable drive, check that the "
                          "drive is still connected, then try again.")
    return VaultCorrupted(f"The journal file {path} can't be read: it is damaged.", path=path)


def _translate(exc: Exception, path: Path) -> Exception:
    """Map SQLite's error codes to the journal's own errors."""
    code = getattr(exc, "sqlite_errorcode", None)
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name.startswith("SQLITE_FULL") or code == 13 or "database or disk is full" in text \
            or (_is_io_error(exc) and _disk_nearly_full(path)):
        return DiskFull("There isn't enough space to save this. Nothing was changed; free some "
                        "disk space and try again.")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or code in (11, 26) \
            or "malformed" in text or "not a database" in text:
        return VaultCorrupted(f"The journal file {path} is damaged.", path=path)
    if isinstance(exc, sqlcipher3.IntegrityError):
        return VaultError(f"The change was refused by the journal's consistency rules ({exc}).")
    return VaultError(f"The journal could not complete that ({exc}).")
