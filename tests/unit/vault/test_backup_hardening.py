"""Hostile and damaged ``.pjbackup`` files, and the folders a backup is written into.

A backup may come from anywhere (a USB stick, a mail attachment), so restoring one must refuse
anything that is not exactly what :func:`write_backup` makes, with one sentence, before writing
more than the archive's own size, and without replacing anything.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import stat
import struct
import subprocess
import sys
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from partsjournal.domain import Entry
from partsjournal.errors import BackupError, JournalError
from partsjournal.vault import Vault, backup, fsutil, restore
from partsjournal.vault.backup import open_backup

from ...conftest import PASSPHRASE

CLI = Path(sys.executable).with_name("parts-journal")

# Offsets inside a zip's local file header and central directory entry (APPNOTE 4.3.7, 4.3.12).
LOCAL_SIG, CENTRAL_SIG = b"PK\x03\x04", b"PK\x01\x02"
LOCAL = {"flags": 6, "method": 8, "crc": 14, "csize": 18, "usize": 22}
CENTRAL = {"flags": 8, "method": 10, "crc": 16, "csize": 20, "usize": 24}


# Building backups -----------------------------------------------------------------------------

@pytest.fixture
def good_backup(vault: Vault, tmp_path: Path) -> Path:
    """A real backup of a vault with some entries; the vault is locked afterwards."""
    for i in range(30):
        vault.entries.add(Entry(title=f"entry {i}", body="rebuilt the carburettor " * 40))
    path = vault.backup_to(tmp_path / "good.pjbackup")
    vault.lock()
    return path


def members_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_zip(path: Path, members: list[tuple[str, bytes, int]]) -> Path:
    """A zip with exactly these (name, data, compress_type) members, duplicates allowed."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "Duplicate name" is the point
        with zipfile.ZipFile(path, "w") as archive:
            for name, data, method in members:
                info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
                info.compress_type = method
                archive.writestr(info, data)
    return path


def zero_bomb(path: Path, slots: bytes, size: int) -> Path:
    """A valid keyslots.json and a DEFLATE-compressed journal.db of ``size`` zero bytes."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("keyslots.json"), slots)
        info = zipfile.ZipInfo("journal.db", date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as out:
            chunk = bytes(1 << 20)
            for _ in range(size // len(chunk)):
                out.write(chunk)
    return path


def _headers(data: bytes | bytearray, name: str) -> tuple[int, int]:
    """Offsets of the local header and of the central directory entry of member ``name``."""
    encoded = name.encode()
    central = -1
    at = data.find(CENTRAL_SIG)
    while at >= 0:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46:at + 46 + length]) == encoded:
            central = at
            break
        at = data.find(CENTRAL_SIG, at + 4)
    assert central >= 0, name
    local = struct.unpack_from("<I", data, central + 42)[0]
    assert bytes(data[local:local + 4]) == LOCAL_SIG
    return local, central


def member_data_offset(path: Path, name: str) -> tuple[int, int]:
    """(offset, length) of a stored member's bytes in the archive."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    data = path.read_bytes()
    name_len, extra_len = struct.unpack_from("<HH", data, info.header_offset + 26)
    return info.header_offset + 30 + name_len + extra_len, info.compress_size


def patch_member(path: Path, name: str, **fields: int) -> None:
    """Overwrite header fields (flags, method, crc, csize, usize) of ``name`` in both headers."""
    data = bytearray(path.read_bytes())
    local, central = _headers(data, name)
    for field, value in fields.items():
        fmt = "<H" if field in ("flags", "method") else "<I"
        struct.pack_into(fmt, data, local + LOCAL[field], value)
        struct.pack_into(fmt, data, central + CENTRAL[field], value)
    path.write_bytes(bytes(data))


def flip_journal_bytes(source: Path, dest: Path, *, fix_crc: bool) -> Path:
    """Copy ``source`` with 16 bytes in the middle of journal.db inverted."""
    offset, length = member_data_offset(source, "journal.db")
    data = bytearray(source.read_bytes())
    middle = offset + length // 2
    for i in range(16):
        data[middle + i] ^= 0xFF
    dest.write_bytes(bytes(data))
    if fix_crc:
        patch_member(dest, "journal.db", crc=zlib.crc32(data[offset:offset + length]))
    return dest


# Watching the vault folder ---------------------------------------------------------------------

def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file (bytes) and folder (None) under ``folder``."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None)
            for p in sorted(folder.rglob("*"))}


def total_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


class SizeWatch:
    """The largest file written under a folder: looked at just before anything is deleted.

    Restoring stages files in a temporary folder and deletes it on failure, so looking only
    afterwards would miss a 4 GiB file that came and went. Files already there are not counted
    (the snapshot comparison catches any change to them).
    """

    def __init__(self, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.folder = folder.resolve()
        self.existing = {p for p in self.folder.rglob("*")} if self.folder.exists() else set()
        self.largest = 0
        real_rmtree, real_unlink = shutil.rmtree, os.unlink

        def rmtree(path: Any, *args: Any, **kwargs: Any) -> Any:
            self.look(path)
            return real_rmtree(path, *args, **kwargs)

        def unlink(path: Any, *args: Any, **kwargs: Any) -> Any:
            if "dir_fd" not in kwargs:  # rmtree's own unlinks: already looked at
                self.look(path)
            return real_unlink(path, *args, **kwargs)

        monkeypatch.setattr(shutil, "rmtree", rmtree)
        monkeypatch.setattr(os, "unlink", unlink)
        monkeypatch.setattr(os, "remove", unlink)

    def look(self, path: Any) -> None:
        if isinstance(path, int):
            return
        target = Path(os.fsdecode(path)).resolve()
        if target != self.folder and self.folder not in target.parents:
            return
        files = [target] if target.is_file() else [p for p in target.rglob("*") if p.is_file()]
        for file in files:
            if file in self.existing:
                continue
            self.largest = max(self.largest, file.stat().st_size)

    def finish(self) -> int:
        self.look(self.folder)
        return self.largest


def assert_refused(vault_dir: Path, bad: Path, monkeypatch: pytest.MonkeyPatch) -> BackupError:
    """Restore ``bad``: a one-sentence BackupError naming it, nothing changed or left behind."""
    before = snapshot(vault_dir)
    size_before = total_size(vault_dir)
    watch = SizeWatch(vault_dir, monkeypatch)
    with pytest.raises(BackupError) as caught:
        restore(vault_dir, bad, passphrase=PASSPHRASE)
    largest = watch.finish()
    message = str(caught.value)
    assert str(bad) in message and message.endswith(".") and "\n" not in message
    assert snapshot(vault_dir) == before
    assert total_size(vault_dir) == size_before
    assert largest <= (bad.stat().st_size if bad.is_file() else 0)
    return caught.value


# 1. Archives that are not what write_backup makes -----------------------------------------------

def test_zip_bomb_is_refused_before_anything_is_written(good_backup: Path, vault_dir: Path,
                                                        tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    slots = members_of(good_backup)["keyslots.json"]
    bomb = zero_bomb(tmp_path / "bomb.pjbackup", slots, 50 << 20)
    assert bomb.stat().st_size < 1 << 20  # ~50 KB standing for 50 MB
    error = assert_refused(vault_dir, bomb, monkeypatch)
    assert "nothing was changed" in str(error)
    with pytest.raises(BackupError):
        open_backup(bomb, PASSPHRASE)


def _shapes(good: dict[str, bytes]) -> dict[str, list[tuple[str, bytes, int]]]:
    slots, db = good["keyslots.json"], good["journal.db"]
    stored, deflated = zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED
    return {
        "extra member": [("keyslots.json", slots, stored), ("journal.db", db, stored),
                         ("notes.txt", b"hello", stored)],
        "duplicate journal.db": [("keyslots.json", slots, stored), ("journal.db", db, stored),
                                 ("journal.db", db, stored)],
        "duplicate keyslots.json": [("keyslots.json", slots, stored),
                                    ("keyslots.json", slots, stored), ("journal.db", db, stored)],
        "missing journal.db": [("keyslots.json", slots, stored)],
        "compressed keyslots.json": [("keyslots.json", slots, deflated),
                                     ("journal.db", db, stored)],
        "compressed journal.db": [("keyslots.json", slots, stored), ("journal.db", db, deflated)],
        "journal.db not whole pages": [("keyslots.json", slots, stored),
                                       ("journal.db", db + b"x", stored)],
        "empty journal.db": [("keyslots.json", slots, stored), ("journal.db", b"", stored)],
        "keyslots.json not JSON": [("keyslots.json", b"\x00not json", stored),
                                   ("journal.db", db, stored)],
        "keyslots.json nested too deep": [("keyslots.json", b"[" * 200_000, stored),
                                          ("journal.db", db, stored)],
        "keyslots.json too large": [("keyslots.json", b" " * (2 << 20), stored),
                                    ("journal.db", db, stored)],
    }


SHAPES = list(_shapes({"keyslots.json": b"", "journal.db": b""}))


@pytest.mark.parametrize("shape", SHAPES)
def test_archive_of_the_wrong_shape_is_refused(shape: str, good_backup: Path, vault_dir: Path,
                                               tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    bad = write_zip(tmp_path / "bad.pjbackup", _shapes(members_of(good_backup))[shape])
    assert_refused(vault_dir, bad, monkeypatch)


@pytest.mark.parametrize("field", ["usize", "csize", "both"])
def test_declared_size_larger_than_the_archive_is_refused(field: str, good_backup: Path,
                                                          vault_dir: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "oversize.pjbackup"
    shutil.copyfile(good_backup, bad)
    huge = 0x7FFF_F000  # 2 GiB, still a whole number of pages
    fields = {"usize": {"usize": huge}, "csize": {"csize": huge},
              "both": {"usize": huge, "csize": huge}}[field]
    patch_member(bad, "journal.db", **fields)
    assert_refused(vault_dir, bad, monkeypatch)


def test_encrypted_member_is_refused(good_backup: Path, vault_dir: Path, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "encrypted.pjbackup"
    shutil.copyfile(good_backup, bad)
    patch_member(bad, "keyslots.json", flags=0x1)
    assert_refused(vault_dir, bad, monkeypatch)


def test_extraction_copies_at_most_the_declared_size(good_backup: Path, vault_dir: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Even if the member's stream yields more than its header declared, no more is written."""
    declared = len(members_of(good_backup)["journal.db"])
    real_open = zipfile.ZipFile.open

    class Endless:
        """The real member, then zeros for up to 64 more reads (a stream that lies)."""

        def __init__(self, inner: Any) -> None:
            self.inner, self.extra_reads = inner, 0

        def read(self, n: int = -1) -> bytes:
            data = self.inner.read(n)
            if data or self.extra_reads >= 64:
                return data
            self.extra_reads += 1
            return bytes(n if 0 < n <= 1 << 20 else 1 << 20)

        def __enter__(self) -> Endless:
            return self

        def __exit__(self, *exc: object) -> None:
            self.inner.close()

    def endless_open(self: zipfile.ZipFile, name: Any, *args: Any, **kwargs: Any) -> Any:
        inner = real_open(self, name, *args, **kwargs)
        member = name.filename if isinstance(name, zipfile.ZipInfo) else name
        return Endless(inner) if member == "journal.db" else inner

    monkeypatch.setattr(zipfile.ZipFile, "open", endless_open)
    watch = SizeWatch(vault_dir, monkeypatch)
    before = snapshot(vault_dir)
    with pytest.raises(BackupError):
        restore(vault_dir, good_backup, passphrase=PASSPHRASE)
    assert watch.finish() <= declared
    assert snapshot(vault_dir) == before


# 2. Damaged backups ---------------------------------------------------------------------------

def test_flipped_bytes_with_wrong_crc_are_refused(good_backup: Path, vault_dir: Path,
                                                  tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    bad = flip_journal_bytes(good_backup, tmp_path / "crc.pjbackup", fix_crc=False)
    error = assert_refused(vault_dir, bad, monkeypatch)
    assert "damaged" in str(error)


def test_flipped_bytes_with_right_crc_fail_the_page_hmac_and_are_refused(
        good_backup: Path, vault_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    bad = flip_journal_bytes(good_backup, tmp_path / "hmac.pjbackup", fix_crc=True)
    with zipfile.ZipFile(bad) as archive:
        assert archive.testzip() is None  # only SQLCipher can tell
    error = assert_refused(vault_dir, bad, monkeypatch)
    assert "damaged" in str(error)


def test_failed_restore_into_a_new_folder_leaves_no_folder(good_backup: Path, tmp_path: Path) -> None:
    bad = flip_journal_bytes(good_backup, tmp_path / "hmac.pjbackup", fix_crc=True)
    new_home = tmp_path / "new" / "home"
    with pytest.raises(BackupError):
        restore(new_home, bad, passphrase=PASSPHRASE)
    assert not new_home.exists()


def test_missing_and_unreadable_backups_are_one_sentence(vault_dir: Path, tmp_path: Path,
                                                         vault: Vault,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    vault.lock()
    for bad in (tmp_path / "nowhere.pjbackup", tmp_path):
        assert_refused(vault_dir, bad, monkeypatch)
    empty = tmp_path / "empty.pjbackup"
    empty.write_bytes(b"")
    assert_refused(vault_dir, empty, monkeypatch)


def test_damage_anywhere_is_a_sentence_never_a_traceback(good_backup: Path, vault_dir: Path,
                                                         tmp_path: Path) -> None:
    """Flip bytes all over a backup and cut it short: restore succeeds or says why, in words."""
    data = good_backup.read_bytes()
    rng = random.Random(20261202)
    offset, length = member_data_offset(good_backup, "journal.db")
    # The headers and the central directory, where parsers trip, and a few pages.
    places = list(range(0, offset, 3)) + list(range(offset + length, len(data)))
    places += [rng.randrange(offset, offset + length) for _ in range(20)]
    cuts = [1, 4, 30, offset - 1, offset + 10, offset + length, len(data) - 22, len(data) - 1]
    variants = [data[:i] + bytes([data[i] ^ 0xFF]) + data[i + 1:] for i in places]
    variants += [data[:cut] for cut in cuts]
    escaped: list[str] = []
    bad = tmp_path / "variant.pjbackup"
    for i, variant in enumerate(variants):
        bad.write_bytes(variant)
        before = snapshot(vault_dir)
        try:
            restore(vault_dir, bad, passphrase=PASSPHRASE)
        except JournalError as exc:
            assert "\n" not in str(exc)
            assert snapshot(vault_dir) == before, f"variant {i} changed the vault"
        except Exception as exc:  # noqa: BLE001 - that is what is being looked for
            escaped.append(f"variant {i}: {type(exc).__name__}: {exc}")
    assert escaped == [], "\n".join(escaped)
    assert not list(vault_dir.glob(".restore-*"))


# Replacing the vault's files ------------------------------------------------------------------

def test_failure_while_replacing_puts_everything_back(good_backup: Path, vault_dir: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    before = {n: (vault_dir / n).read_bytes() for n in ("journal.db", "keyslots.json")}
    real_replace = os.replace

    def failing_replace(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        if Path(dst) == vault_dir / "keyslots.json" and ".restore-" in str(src):
            raise OSError(28, "No space left on device")
        real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(BackupError, match="nothing was changed"):
        restore(vault_dir, good_backup, passphrase=PASSPHRASE)
    assert {n: (vault_dir / n).read_bytes() for n in before} == before
    assert not list(vault_dir.glob(".restore-*"))


def test_two_restores_in_the_same_second_keep_both_replaced_sets(
        good_backup: Path, vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = (vault_dir / "journal.db").read_bytes()

    class Frozen(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> Frozen:
            return cls(2026, 12, 2, 12, 0, 0, tzinfo=UTC)

    monkeypatch.setattr(backup, "datetime", Frozen)
    first = restore(vault_dir, good_backup, passphrase=PASSPHRASE)
    second = restore(vault_dir, good_backup, passphrase=PASSPHRASE)
    assert first is not None and second is not None and first != second
    assert (first / "journal.db").read_bytes() == original


# 3. Folders a backup is written into ------------------------------------------------------------

def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The umask of a typical desktop session, so folder modes are not an accident of ours."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_backup_into_an_existing_folder_keeps_its_mode(vault: Vault, tmp_path: Path,
                                                       umask_022: None) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    os.chmod(usb, 0o755)
    written = vault.backup_to(usb / "journal.pjbackup")
    assert written.exists() and mode(written) == 0o600
    assert mode(usb) == 0o755
    vault.backup_to(usb)  # a folder: the file name is made up
    assert mode(usb) == 0o755


def test_backup_creates_missing_nested_folders_private(vault: Vault, tmp_path: Path,
                                                       umask_022: None) -> None:
    outer = tmp_path / "outer"
    outer.mkdir()
    os.chmod(outer, 0o755)
    dest = outer / "a" / "b" / "c" / "journal.pjbackup"
    vault.backup_to(dest)
    assert dest.exists()
    assert [mode(outer / p) for p in ("a", "a/b", "a/b/c")] == [0o700] * 3
    assert mode(outer) == 0o755


def test_vaults_own_folders_are_still_made_private(vault: Vault, vault_dir: Path,
                                                   good_backup: Path, umask_022: None) -> None:
    folder = backup.backup_dir(vault_dir)
    reopened = Vault.unlock(vault_dir, PASSPHRASE, auto_backup=False)
    try:
        reopened.backup_now()
        assert mode(folder) == 0o700
        os.chmod(folder, 0o755)
        reopened.backup_now()
        assert mode(folder) == 0o700
    finally:
        reopened.lock()
    os.chmod(vault_dir, 0o755)
    replaced = restore(vault_dir, good_backup, passphrase=PASSPHRASE)
    assert replaced is not None and mode(replaced) == 0o700
    assert mode(vault_dir) == 0o700
    elsewhere = vault_dir.parent / "x" / "y"
    restore(elsewhere, good_backup, passphrase=PASSPHRASE)
    assert mode(elsewhere) == 0o700 and mode(elsewhere.parent) == 0o700


def test_fsutil_folder_helpers(tmp_path: Path, umask_022: None) -> None:
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    os.chmod(theirs, 0o755)
    ensure_dir_exists_private = fsutil.ensure_dir_exists_private
    make_private_dir = fsutil.make_private_dir
    ensure_dir_exists_private(theirs)
    assert mode(theirs) == 0o755
    ensure_dir_exists_private(theirs / "new" / "deeper")
    assert mode(theirs / "new") == 0o700 and mode(theirs / "new" / "deeper") == 0o700
    assert mode(theirs) == 0o755
    ours = tmp_path / "ours"
    ours.mkdir()
    os.chmod(ours, 0o755)
    make_private_dir(ours)
    assert mode(ours) == 0o700
    make_private_dir(tmp_path / "p" / "q")
    assert mode(tmp_path / "p") == 0o700 and mode(tmp_path / "p" / "q") == 0o700
    blocker = tmp_path / "file"
    blocker.write_bytes(b"")
    for helper in (ensure_dir_exists_private, make_private_dir):
        with pytest.raises(OSError):
            helper(blocker)
        with pytest.raises(OSError):
            helper(blocker / "below")


# Through the command line ---------------------------------------------------------------------

def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    if not CLI.exists():
        pytest.skip(f"{CLI} is not installed")
    return subprocess.run([str(CLI), *args], capture_output=True, text=True,
                          env=dict(os.environ), check=False, stdin=subprocess.DEVNULL,
                          timeout=120)


@pytest.fixture
def passfile(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text(PASSPHRASE + "\n")
    return path


BadMaker = Callable[[Path, Path], Path]
BAD_BACKUPS: dict[str, BadMaker] = {
    "page hmac": lambda good, tmp: flip_journal_bytes(good, tmp / "hmac.pjbackup", fix_crc=True),
    "crc": lambda good, tmp: flip_journal_bytes(good, tmp / "crc.pjbackup", fix_crc=False),
    "zip bomb": lambda good, tmp: zero_bomb(tmp / "bomb.pjbackup",
                                            members_of(good)["keyslots.json"], 50 << 20),
}


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(BAD_BACKUPS))
def test_cli_restore_of_a_bad_backup_ends_with_a_sentence(kind: str, good_backup: Path,
                                                          vault_dir: Path, tmp_path: Path,
                                                          passfile: Path) -> None:
    bad = BAD_BACKUPS[kind](good_backup, tmp_path)
    before = snapshot(vault_dir)
    result = run_cli("restore", "--vault", str(vault_dir), "--from", str(bad),
                     "--passphrase-file", str(passfile))
    assert result.returncode in (1, 4), result.stderr
    assert "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("parts-journal: ") and str(bad) in last and last.endswith("."), last
    assert result.stdout == ""
    assert snapshot(vault_dir) == before


@pytest.mark.slow
def test_cli_restore_of_a_damaged_backup_prints_exactly_one_line(good_backup: Path,
                                                                 vault_dir: Path, tmp_path: Path,
                                                                 passfile: Path) -> None:
    bad = flip_journal_bytes(good_backup, tmp_path / "hmac.pjbackup", fix_crc=True)
    result = run_cli("restore", "--vault", str(vault_dir), "--from", str(bad),
                     "--passphrase-file", str(passfile))
    assert len(result.stderr.splitlines()) == 1, result.stderr


@pytest.mark.slow
def test_cli_backup_keeps_an_existing_folders_mode(vault: Vault, vault_dir: Path,
                                                   tmp_path: Path, passfile: Path) -> None:
    vault.lock()
    usb = tmp_path / "usb"
    usb.mkdir()
    os.chmod(usb, 0o755)
    result = run_cli("backup", "--vault", str(vault_dir), "--out", str(usb / "j.pjbackup"),
                     "--passphrase-file", str(passfile))
    assert result.returncode == 0, result.stderr
    assert (usb / "j.pjbackup").exists() and mode(usb) == 0o755
    nested = usb / "new" / "deeper" / "j.pjbackup"
    result = run_cli("backup", "--vault", str(vault_dir), "--out", str(nested),
                     "--passphrase-file", str(passfile))
    assert result.returncode == 0, result.stderr
    assert mode(usb / "new") == 0o700 and mode(nested.parent) == 0o700 and mode(usb) == 0o755


def test_a_good_backup_still_opens_and_restores(good_backup: Path, vault_dir: Path) -> None:
    """The happy path still holds after all the refusing: same slots, opens, restores."""
    assert json.loads(members_of(good_backup)["keyslots.json"]) == \
        json.loads((vault_dir / "keyslots.json").read_bytes())
    slots, key, _ = open_backup(good_backup, PASSPHRASE)
    assert len(key) == 32 and slots.vault_id
    assert restore(vault_dir, good_backup, passphrase=PASSPHRASE) is not None
