"""Damaging one page of a journal file the way a failing disk would: the check behind the repair tests.

A page in the middle of the file is usually entry text, but it can as well be part of the schema
(``sqlite_master`` spreads over several pages once the schema has grown). Damage there makes the
journal unreadable at unlock, which is a different story from damage found by the check after
unlock. So the tests that tell the second story damage the data page nearest the middle that
still lets the journal open.
"""

from __future__ import annotations

from pathlib import Path

from partsjournal.errors import VaultError
from partsjournal.vault.database import Database

PAGE = 4096


def _flip(data: bytes, page: int) -> bytes:
    damaged = bytearray(data)
    start = page * PAGE + 100
    damaged[start:start + 100] = bytes(b ^ 0xFF for b in damaged[start:start + 100])
    return bytes(damaged)


def damage_a_data_page(journal: Path, key: bytes) -> int:
    """Flip 100 bytes of the data page nearest the middle that still opens; return its index."""
    original = journal.read_bytes()
    pages = len(original) // PAGE
    middle = pages // 2
    for page in sorted(range(1, pages), key=lambda p: abs(p - middle)):
        journal.write_bytes(_flip(original, page))
        try:
            Database(journal, key).close()
        except VaultError:
            continue
        return page
    journal.write_bytes(original)
    raise AssertionError("no page of this journal can be damaged and still open")
