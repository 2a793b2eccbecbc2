"""docs/vault-format.md, read back by a reader that shares no code with the app.

The app writes a journal (``Vault.create`` with the fixtures' fast Argon2id costs, then parts and
entries through its repositories). Everything in the section "The independent reader" was
written from docs/vault-format.md alone. It uses the standard library, three `cryptography`
primitives (Argon2id, HKDF-SHA256, ChaCha20-Poly1305) and APSW built with SQLite3 Multiple
Ciphers — a second implementation of the SQLCipher 4 format, not the sqlcipher3 module the app
opens its journal with. ``test_the_reader_imports_nothing_of_the_app`` runs it in a fresh
interpreter in which importing ``partsjournal`` or ``sqlcipher3`` fails, so that is checked, not
just said. This module itself imports no ``partsjournal`` code at the top for the same reason:
the app is imported only inside the functions that *write* journals.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import apsw
import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import mlkem, x25519
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

DOC = Path(__file__).parents[3] / "docs" / "vault-format.md"
#: Not ASCII on purpose: the doc says the passphrase is hashed as typed, in UTF-8.
PASSPHRASE = "zwölf Boxkämpfer jagen Viktor — 日記"
TITLES = ("Morning check-in", "Session with the Critic — ça va")
BODIES = ("The Critic was loud before the meeting.\n\tIt calmed when I listened.",
          "Little One showed up: 🧒 «scared», and then curious.")


# The independent reader: docs/vault-format.md, nothing else ----------------------------------

KEYSLOT_LABEL = b"parts-journal keyslot v1"
RECOVERY_INFO = b"parts-journal recovery slot v1"
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
MAX_MEMORY_KIB, MAX_ITERATIONS, MAX_LANES = 4 * 1024 * 1024, 64, 16


def _slot(doc: dict[str, Any], kind: str) -> dict[str, Any]:
    assert doc["format"] == "parts-journal-keyslots" and doc["version"] == 1
    slot: dict[str, Any] = next(s for s in doc["slots"] if s["type"] == kind)
    assert slot["aead"] == "chacha20-poly1305"
    return slot


def _unwrap(doc: dict[str, Any], slot: dict[str, Any], kek: bytes) -> bytes:
    metadata = {k: v for k, v in slot.items() if k not in ("nonce", "wrapped_key")}
    aad = (KEYSLOT_LABEL + b"\0" + doc["vault_id"].encode("ascii") + b"\0"
           + json.dumps(metadata, sort_keys=True, separators=(",", ":"),
                        ensure_ascii=True).encode())
    data_key = ChaCha20Poly1305(kek).decrypt(base64.b64decode(slot["nonce"]),
                                             base64.b64decode(slot["wrapped_key"]), aad)
    assert len(data_key) == 32
    return data_key


def key_from_passphrase(keyslots: bytes, passphrase: str) -> bytes:
    """The data key, from the passphrase slot."""
    doc = json.loads(keyslots)
    slot = _slot(doc, "passphrase")
    kdf = slot["kdf"]
    assert kdf["name"] == "argon2id" and kdf["length"] == 32
    if (kdf["memory_kib"] > MAX_MEMORY_KIB or kdf["iterations"] > MAX_ITERATIONS
            or kdf["lanes"] > MAX_LANES):
        raise ValueError("Argon2id parameters above the documented limits")
    kek = Argon2id(salt=base64.b64decode(kdf["salt"]), length=32,
                   iterations=kdf["iterations"], lanes=kdf["lanes"],
                   memory_cost=kdf["memory_kib"]).derive(passphrase.encode("utf-8"))
    return _unwrap(doc, slot, kek)


def recovery_secret(code: str) -> bytes:
    """The 16-byte secret of a recovery code, with its 4-byte check verified."""
    value = 0
    count = 0
    for ch in code.upper():
        if not ch.isalnum():
            continue
        ch = {"O": "0", "I": "1", "L": "1"}.get(ch, ch)
        value = value * 32 + CROCKFORD.index(ch)  # any other letter (U…) is an error
        count += 1
    assert count == 32
    raw = value.to_bytes(20, "big")
    secret, check = raw[:16], raw[16:]
    assert hashlib.sha256(secret).digest()[:4] == check, "typo in the recovery code"
    return secret


def key_from_recovery_code(keyslots: bytes, code: str) -> bytes:
    """The data key, from the recovery slot."""
    doc = json.loads(keyslots)
    slot = _slot(doc, "recovery")
    kdf = slot["kdf"]
    assert kdf["name"] == "hkdf-sha256" and kdf["info"] == RECOVERY_INFO.decode()
    kek = HKDF(algorithm=hashes.SHA256(), length=32, salt=base64.b64decode(kdf["salt"]),
               info=RECOVERY_INFO).derive(recovery_secret(code))
    return _unwrap(doc, slot, kek)


def open_journal(path: Path, data_key: bytes) -> apsw.Connection:
    """journal.db through SQLite3 Multiple Ciphers: SQLCipher 4 scheme, raw key, read-only."""
    connection = apsw.Connection(str(path), flags=apsw.SQLITE_OPEN_READONLY)
    for pragma in sqlite3mc_pragmas(data_key):
        connection.execute(pragma)
    return connection


def sqlite3mc_pragmas(data_key: bytes) -> list[str]:
    """The doc's SQLite3 Multiple Ciphers session (the block that sets `legacy`), key filled in."""
    blocks = DOC.read_text(encoding="utf-8").split("```")[1::2]
    block, = (b for b in blocks if "PRAGMA legacy" in b)
    pragmas = [line.split("> ", 1)[1].rstrip(";") for line in block.splitlines()
               if "> PRAGMA" in line]
    assert pragmas[-1].startswith("PRAGMA key")
    return [p.replace("x'…'", f"x'{data_key.hex()}'") for p in pragmas]


def read_journal(path: Path, data_key: bytes) -> dict[str, Any]:
    """What a person wrote, plus the facts the doc states about the file."""
    connection = open_journal(path, data_key)
    try:
        def rows(sql: str) -> list[Any]:
            return [list(r) for r in connection.execute(sql)]

        identity = rows("SELECT id, display_name, kem_private, auth_private, created_at "
                        "FROM identity")
        (ident_id, name, kem_seed, auth_private, created), = identity
        expanded = hashlib.shake_256(kem_seed).digest(96)
        kem_public = (mlkem.MLKEM768PrivateKey.from_seed_bytes(expanded[:64]).public_key()
                      .public_bytes_raw()
                      + x25519.X25519PrivateKey.from_private_bytes(expanded[64:]).public_key()
                      .public_bytes(Encoding.Raw, PublicFormat.Raw))
        auth_public = x25519.X25519PrivateKey.from_private_bytes(auth_private).public_key() \
            .public_bytes(Encoding.Raw, PublicFormat.Raw)
        return {
            "user_version": rows("PRAGMA user_version")[0][0],
            "integrity": rows("PRAGMA integrity_check"),
            "parts": rows("SELECT name, role, color FROM parts ORDER BY name"),
            "entries": rows("SELECT title, body FROM entries ORDER BY occurred_at"),
            "present": rows("SELECT e.title, p.name, ep.note FROM entry_parts ep "
                            "JOIN entries e ON e.id = ep.entry_id "
                            "JOIN parts p ON p.id = ep.part_id ORDER BY e.occurred_at"),
            "found": rows("SELECT title FROM entries_fts WHERE entries_fts MATCH 'curious'"),
            "identity": {"id": ident_id, "display_name": name, "kem_seed_bytes": len(kem_seed),
                         "auth_private_bytes": len(auth_private), "created_at": created,
                         "kem_public": kem_public.hex(), "auth_public": auth_public.hex()},
        }
    finally:
        connection.close()


def read_vault(folder: Path, passphrase: str | None = None,
               code: str | None = None) -> dict[str, Any]:
    keyslots = (folder / "keyslots.json").read_bytes()
    key = (key_from_passphrase(keyslots, passphrase) if passphrase is not None
           else key_from_recovery_code(keyslots, str(code)))
    return read_journal(folder / "journal.db", key)


def read_backup(backup: Path, workdir: Path, passphrase: str | None = None,
                code: str | None = None) -> dict[str, Any]:
    """A .pjbackup: a stored zip of exactly keyslots.json and journal.db."""
    with zipfile.ZipFile(backup) as archive:
        members = archive.infolist()
        assert sorted(m.filename for m in members) == ["journal.db", "keyslots.json"]
        assert all(m.compress_type == zipfile.ZIP_STORED for m in members)
        workdir.mkdir(parents=True, exist_ok=True)
        (workdir / "journal.db").write_bytes(archive.read("journal.db"))
        (workdir / "keyslots.json").write_bytes(archive.read("keyslots.json"))
    return read_vault(workdir, passphrase, code)


# What the app wrote ------------------------------------------------------------------------------

def write_journal(folder: Path, profile: Any) -> tuple[str, dict[str, Any]]:
    """A vault written through the app's API; returns its recovery code and what to expect."""
    from datetime import UTC, datetime, timedelta

    from partsjournal.domain import Entry, EntryKind, Part, PartPresence, Role
    from partsjournal.vault import Vault

    vault, code = Vault.create(folder, PASSPHRASE, profile=profile)
    try:
        critic = vault.parts.add(Part(name="Inner Critic", role=Role.MANAGER, color="#AA3366"))
        vault.parts.add(Part(name="Little One", role=Role.EXILE))
        start = datetime(2026, 3, 1, 9, tzinfo=UTC)
        for n, (title, body) in enumerate(zip(TITLES, BODIES, strict=True)):
            vault.entries.add(Entry(occurred_at=start + timedelta(days=n), title=title,
                                    body=body, kind=EntryKind.CHECK_IN,
                                    parts=[PartPresence(part_id=critic.id, note=f"note {n}")]))
        card = vault.identity.set_display_name("Ada").card()
        expected = {
            "user_version": 6,
            "integrity": [["ok"]],
            "parts": [["Inner Critic", "manager", "#AA3366"], ["Little One", "exile", ""]],
            "entries": [list(pair) for pair in zip(TITLES, BODIES, strict=True)],
            "present": [[TITLES[0], "Inner Critic", "note 0"],
                        [TITLES[1], "Inner Critic", "note 1"]],
            "found": [[TITLES[1]]],
            "identity": {"id": 1, "display_name": "Ada", "kem_seed_bytes": 32,
                         "auth_private_bytes": 32, "kem_public": card.kem_public.hex(),
                         "auth_public": card.auth_public.hex()},
        }
    finally:
        vault.lock()
    return code, expected


def matches(found: dict[str, Any], expected: dict[str, Any]) -> None:
    created = found["identity"].pop("created_at")
    assert isinstance(created, str) and created.endswith("+00:00")
    assert found == expected


@pytest.fixture
def journal(tmp_path: Path, fast_kdf: Any) -> tuple[Path, str, dict[str, Any]]:
    folder = tmp_path / "vault"
    code, expected = write_journal(folder, fast_kdf)
    return folder, code, expected


# The tests ---------------------------------------------------------------------------------------

def test_the_passphrase_slot_opens_the_journal(
        journal: tuple[Path, str, dict[str, Any]]) -> None:
    folder, _code, expected = journal
    assert not (folder / "journal.db-wal").exists()  # locked: nothing left in a WAL
    matches(read_vault(folder, passphrase=PASSPHRASE), expected)


def test_the_recovery_slot_opens_the_journal(journal: tuple[Path, str, dict[str, Any]]) -> None:
    folder, code, expected = journal
    keyslots = (folder / "keyslots.json").read_bytes()
    assert key_from_recovery_code(keyslots, code) == key_from_passphrase(keyslots, PASSPHRASE)
    # As the doc says: any case, any separators, O for 0 and I/L for 1.
    sloppy = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    matches(read_vault(folder, code=sloppy), expected)
    with pytest.raises(AssertionError, match="typo"):
        recovery_secret(code[:-1] + ("0" if code[-1] != "0" else "1"))


def test_a_wrong_passphrase_is_refused_by_the_aead(
        journal: tuple[Path, str, dict[str, Any]]) -> None:
    from cryptography.exceptions import InvalidTag

    folder, _code, _expected = journal
    with pytest.raises(InvalidTag):
        key_from_passphrase((folder / "keyslots.json").read_bytes(), PASSPHRASE + " ")


def test_backups_open_with_the_passphrase_and_the_recovery_code(
        journal: tuple[Path, str, dict[str, Any]], tmp_path: Path, fast_kdf: Any) -> None:
    from partsjournal.vault import Vault

    folder, code, expected = journal
    vault = Vault.unlock(folder, PASSPHRASE)  # the daily automatic backup is due: taken now
    try:
        manual = vault.backup_to(tmp_path / "usb" / "journal.pjbackup")
    finally:
        vault.lock()
    automatic = sorted((folder / "backups").glob("auto-*.pjbackup"))
    assert len(automatic) == 1
    for n, backup in enumerate((manual, automatic[0])):
        matches(read_backup(backup, tmp_path / f"b{n}p", passphrase=PASSPHRASE),
                expected)
        matches(read_backup(backup, tmp_path / f"b{n}c", code=code),
                expected)


def test_a_copy_of_an_open_vault_with_its_wal_is_readable(tmp_path: Path, fast_kdf: Any) -> None:
    """The doc's "(or copy the folder first)": journal.db-wal holds encrypted pages."""
    from partsjournal.domain import Entry
    from partsjournal.vault import Vault

    folder = tmp_path / "vault"
    write_journal(folder, fast_kdf)
    vault = Vault.unlock(folder, PASSPHRASE, auto_backup=False)
    try:
        vault.entries.add(Entry(title="Only in the WAL", body="quietly-unreadable-words"))
        wal = (folder / "journal.db-wal").read_bytes()
        shm = (folder / "journal.db-shm").read_bytes()
        copy = tmp_path / "copy"
        copy.mkdir()
        for name in ("keyslots.json", "journal.db", "journal.db-wal"):
            shutil.copyfile(folder / name, copy / name)
    finally:
        vault.lock()
    # WAL header and frame headers are SQLite's own, in the clear; page contents are not.
    assert wal[:4] == bytes.fromhex("377f0682") and int.from_bytes(wal[8:12], "big") == 4096
    assert b"quietly-unreadable-words" not in wal and b"quietly-unreadable-words" not in shm
    assert b"Only in the WAL" not in (copy / "journal.db").read_bytes()
    keyslots = (copy / "keyslots.json").read_bytes()
    connection = apsw.Connection(str(copy / "journal.db"))  # not read-only: it replays the WAL
    try:
        for pragma in sqlite3mc_pragmas(key_from_passphrase(keyslots, PASSPHRASE)):
            connection.execute(pragma)
        assert list(connection.execute("SELECT body FROM entries WHERE title = ?",
                                       ("Only in the WAL",))) == [("quietly-unreadable-words",)]
    finally:
        connection.close()


def test_the_reader_imports_nothing_of_the_app(
        journal: tuple[Path, str, dict[str, Any]], tmp_path: Path) -> None:
    """Run the reader where `import partsjournal` and `import sqlcipher3` fail."""
    folder, code, expected = journal
    script = (
        "import importlib.util, json, sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('partsjournal', 'sqlcipher3'):\n"
        "            raise ImportError(name + ' is blocked: the reader must not need it')\n"
        "sys.meta_path.insert(0, Block())\n"
        "try:\n"
        "    import partsjournal\n"
        "    raise SystemExit('the block does not work')\n"
        "except ImportError:\n"
        "    pass\n"
        "spec = importlib.util.spec_from_file_location('reader', sys.argv[1])\n"
        "reader = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(reader)\n"
        "from pathlib import Path\n"
        "found = [reader.read_vault(Path(sys.argv[2]), passphrase=reader.PASSPHRASE),\n"
        "         reader.read_vault(Path(sys.argv[2]), code=sys.argv[3])]\n"
        "assert not any(m.split('.')[0] in ('partsjournal', 'sqlcipher3') for m in sys.modules)\n"
        "print(json.dumps(found))\n"
    )
    result = subprocess.run([sys.executable, "-c", script, __file__, str(folder), code],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    for found in json.loads(result.stdout):
        matches(found, expected)
