"""What of a journal is still in this process's memory after it is locked (docs/security.md).

In one process: create a vault with a random passphrase and entries holding a unique canary text,
lock it, unlock it again by passphrase in a fresh ``Vault`` (the daily backup runs, as in the CLI),
read every entry and search for the canary, run the background check's job, lock, ``gc.collect()``,
then read every readable mapping of the process (``/proc/PID/maps`` + ``/proc/PID/mem``) and count
the copies of:

* the 32-byte data key, raw, and as lower- and upper-case hex;
* the passphrase as UTF-8 and in CPython's wider string forms (UCS-2 = UTF-16-LE, UCS-4);
* the canary text in the same three forms.

The same counts are taken once while the vault is still unlocked, for comparison. Freed memory
that nobody overwrote counts too: that is what another process reading this one would find.

What is read is a forked child that only waits on a pipe: an exact copy of this process at that
moment, which the scanner's own allocations (lists of lines, ints, strs) can't disturb. Reading
``/proc/self/mem`` directly (``--in-process``) reuses freed memory while scanning it and so
under-counts; it is kept for comparison. The needles are held in bytearrays built byte by byte
(never as str or bytes), and hits inside them or inside the scanner's read buffer are not counted.
Linux only; GUI-less (the GUI keeps more: Qt's own UTF-16 copies of whatever it displayed).

    python benchmarks/memory_after_lock.py [--entries N] [--where] [--in-process]
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import os
import secrets
import sys
import tempfile
from collections.abc import Callable, Iterable
from io import FileIO
from pathlib import Path

from partsjournal.domain import Entry, EntryKind
from partsjournal.vault import Vault
from partsjournal.vault.backup import BackupPolicy
from partsjournal.vault.keyslots import KdfProfile

#: The tests' deliberately weak Argon2id costs (tests/conftest.py): the KDF is not measured here.
FAST_KDF = KdfProfile(memory_kib=256, iterations=1, lanes=1)
CHUNK = 1 << 20
_HEX_LOWER = b"0123456789abcdef"
_HEX_UPPER = b"0123456789ABCDEF"


def _address(buf: bytearray) -> int:
    return ctypes.addressof((ctypes.c_char * len(buf)).from_buffer(buf))


def _hex_into(out: bytearray, raw: bytearray, digits: bytes) -> None:
    for i, byte in enumerate(raw):
        out[2 * i] = digits[byte >> 4]
        out[2 * i + 1] = digits[byte & 15]


def _encode(code_points: Iterable[int], width: int) -> bytearray:
    """UTF-8 (width 1), UTF-16-LE (2, BMP only) or UTF-32-LE (4), without making a str or bytes."""
    out = bytearray()
    for cp in code_points:
        if width == 1:
            if cp < 0x80:
                out.append(cp)
            elif cp < 0x800:
                out += bytearray((0xC0 | cp >> 6, 0x80 | cp & 0x3F))
            else:
                out += bytearray((0xE0 | cp >> 12, 0x80 | (cp >> 6) & 0x3F, 0x80 | cp & 0x3F))
        else:
            for shift in range(width):
                out.append((cp >> (8 * shift)) & 0xFF)
    return out


def _random_text(prefix: str, length: int) -> list[int]:
    """Code points of ``prefix`` + random lowercase letters (no str of the result is made)."""
    letters = b"abcdefghijklmnopqrstuvwxyz"
    return [ord(c) for c in prefix] + [letters[secrets.randbelow(26)] for _ in range(length)]


def _text(code_points: list[int]) -> str:
    """The one str the app is handed (built from a UTF-8 bytearray, so no other str is made)."""
    utf8 = _encode(code_points, 1)
    text = utf8.decode("utf-8")
    utf8[:] = bytes(len(utf8))
    return text


class Scanner:
    """Counts needles in a process's readable mappings, skipping the needles and its own buffer."""

    def __init__(self, needles: dict[str, bytearray]) -> None:
        self.needles = needles
        self.chunk = bytearray(CHUNK + 256)
        self.skip = [(_address(b), _address(b) + len(b)) for b in [*needles.values(), self.chunk]]

    def _skipped(self, address: int) -> bool:
        return any(start <= address < end for start, end in self.skip)

    def snapshot(self, in_process: bool) -> tuple[dict[str, int], dict[str, list[str]]]:
        """Scan this process as it is now.

        By default a forked child is scanned: it is this process frozen at the fork (it only
        waits on a pipe), so the scanner's own allocations cannot overwrite freed memory before
        it is read. ``in_process`` reads /proc/self/mem instead, which can only under-count.
        """
        if in_process:
            return self.scan("self")
        gc.collect()
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the frozen copy: allocate nothing, wait, leave without cleanup
            os.read(read_end, 1)
            os._exit(0)
        try:
            return self.scan(str(pid))
        finally:
            os.write(write_end, b"x")
            os.waitpid(pid, 0)
            os.close(read_end)
            os.close(write_end)

    def scan(self, pid: str) -> tuple[dict[str, int], dict[str, list[str]]]:
        counts = dict.fromkeys(self.needles, 0)
        where: dict[str, list[str]] = {name: [] for name in self.needles}
        overlap = max(len(n) for n in self.needles.values()) - 1
        with open(f"/proc/{pid}/maps") as maps:
            regions = [line.split() for line in maps]
        with open(f"/proc/{pid}/mem", "rb", buffering=0) as mem:
            for fields in regions:
                if not fields[1].startswith("r"):
                    continue
                start, end = (int(x, 16) for x in fields[0].split("-"))
                label = fields[5] if len(fields) > 5 else "[anon]"
                if label in ("[vvar]", "[vsyscall]", "[vvar_vclock]"):
                    continue
                self._scan_region(mem, start, end, label, overlap, counts, where)
        return counts, where

    def _scan_region(self, mem: FileIO, start: int, end: int, label: str, overlap: int,
                     counts: dict[str, int], where: dict[str, list[str]]) -> None:
        pos = start
        view = memoryview(self.chunk)
        while pos < end:
            size = min(CHUNK + overlap, end - pos)
            self.chunk[:] = bytes(len(self.chunk))
            try:
                mem.seek(pos)
                got = mem.readinto(view[:size])
            except OSError:
                return
            if not got:
                return
            for name, needle in self.needles.items():
                at = self.chunk.find(needle, 0, got)
                while at != -1:
                    if at < CHUNK or pos + got >= end:  # the overlap is counted by the next chunk
                        if not self._skipped(pos + at):
                            counts[name] += 1
                            where[name].append(f"{label}+{pos + at - start:#x}")
                    at = self.chunk.find(needle, at + 1, got)
            pos += CHUNK


def exercise(folder: Path, passphrase: str, canary: str, entries: int,
             on_key: Callable[[bytes | bytearray | None], None],
             snapshot: Callable[[], None]) -> None:
    """Create, lock, unlock in a fresh Vault, read, back up, check, lock."""
    created, _code = Vault.create(folder, passphrase, profile=FAST_KDF)
    for i in range(entries):
        created.entries.add(Entry(kind=EntryKind.NOTE, title=f"note {i}",
                                  body=f"Before: {canary}. After, number {i}."))
    created.lock()
    del created
    vault = Vault.unlock(folder, passphrase)  # the daily backup runs here (backup_to)
    on_key(vault._data_key)
    for summary in vault.entries.list(limit=entries + 10):
        vault.entries.get(summary.id).body  # noqa: B018  # read each body, as the editor does
    assert vault.search.search(canary[:12])
    vault.maintenance_job(BackupPolicy())()  # its own connection, the key from the closure
    snapshot()
    vault.lock()
    del vault


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=40)
    parser.add_argument("--where", action="store_true", help="list the mapping of each hit")
    parser.add_argument("--in-process", action="store_true",
                        help="read /proc/self/mem directly instead of a forked snapshot")
    args = parser.parse_args(argv)
    if not sys.platform.startswith("linux"):
        print("Linux only (/proc/self/mem).", file=sys.stderr)
        return 1
    passphrase_cps = _random_text("pass-\u20ac-", 20)   # '€' makes the str UCS-2 in CPython
    canary_cps = _random_text("canary", 24)
    passphrase, canary = _text(passphrase_cps), _text(canary_cps)
    needles = {
        "passphrase UTF-8": _encode(passphrase_cps, 1),
        "passphrase UTF-16-LE (str, 2-byte)": _encode(passphrase_cps, 2),
        "passphrase UCS-4": _encode(passphrase_cps, 4),
        "canary UTF-8 (str, 1-byte)": _encode(canary_cps, 1),
        "canary UTF-16-LE": _encode(canary_cps, 2),
        "canary UCS-4": _encode(canary_cps, 4),
    }
    for name in ("data key, raw", "data key, hex lower", "data key, hex upper"):
        needles[name] = bytearray(64 if "hex" in name else 32)  # filled once the key exists
    scanner = Scanner(needles)
    unlocked: dict[str, int] = {}

    def on_key(data_key: bytes | bytearray | None) -> None:
        assert data_key is not None
        raw = needles["data key, raw"]
        raw[:] = data_key  # the old code's bytes or the new DataKey: copied, no new object
        _hex_into(needles["data key, hex lower"], raw, _HEX_LOWER)
        _hex_into(needles["data key, hex upper"], raw, _HEX_UPPER)

    def snapshot() -> None:
        gc.collect()
        unlocked.update(scanner.snapshot(args.in_process)[0])

    with tempfile.TemporaryDirectory() as tmp:
        exercise(Path(tmp) / "vault", passphrase, canary, args.entries, on_key, snapshot)
        del passphrase, canary
        gc.collect()
        after, where = scanner.snapshot(args.in_process)
    print(f"# copies in memory ({'in-process' if args.in_process else 'forked snapshot'}, "
          f"{args.entries} entries, Python "
          f"{sys.version.split()[0]})")
    print(f"| {'what':<36} | while unlocked | after lock |")
    print(f"|{'-' * 38}|----------------|------------|")
    for name in needles:
        print(f"| {name:<36} | {unlocked.get(name, 0):>14} | {after[name]:>10} |")
    if args.where:
        for name, hits in where.items():
            if hits:
                print(f"{name}: {', '.join(hits)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
