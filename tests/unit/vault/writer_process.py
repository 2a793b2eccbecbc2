"""A writer for the crash test: opens a vault by raw key and adds entries until killed.

After each commit it prints the entry id, so the test knows exactly what was committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from partsjournal.domain import Entry, EntryKind
from partsjournal.vault.database import Database
from partsjournal.vault.entries import EntryRepository


def main() -> None:
    folder, key_hex = Path(sys.argv[1]), sys.argv[2]
    db = Database(folder / "journal.db", bytes.fromhex(key_hex))
    entries = EntryRepository(db)
    i = 0
    while True:
        entry = entries.add(Entry(kind=EntryKind.NOTE, title=f"crash {i}",
                                  body="Some words about a part. " * (1 + i % 40)))
        print(entry.id, flush=True)
        i += 1


if __name__ == "__main__":
    main()
