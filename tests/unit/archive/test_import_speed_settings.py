"""What the import changes for speed (docs/performance.md) is undone afterwards, and every check
it replaced still refuses what it refused before."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from partsjournal.archive.json_export import document_of
from partsjournal.archive.json_import import import_json
from partsjournal.domain.model import Entry, EntryKind, PartPresence
from partsjournal.domain.validation import validate_entry
from partsjournal.errors import JournalError, ValidationError, VaultError
from partsjournal.vault import Vault
from partsjournal.vault.keyslots import KdfProfile

from ...conftest import PASSPHRASE

_MISSING = "00000000-0000-4000-8000-000000000000"


def _new(tmp_path: Path, fast_kdf: KdfProfile, name: str = "new") -> Vault:
    vault, _ = Vault.create(tmp_path / name, PASSPHRASE, profile=fast_kdf)
    return vault


def _schema(vault: Vault) -> list[tuple[object, ...]]:
    return vault.db.all("SELECT type, name, sql FROM sqlite_master ORDER BY name")


def test_foreign_keys_are_enforced_again_after_an_import_and_after_a_failed_one(
        rich_vault: Vault, tmp_path: Path, fast_kdf: KdfProfile) -> None:
    snapshot = rich_vault.read_snapshot()
    new = _new(tmp_path, fast_kdf)
    try:
        assert new.db.large_lookaside
        assert new.db.scalar("PRAGMA foreign_keys") == 1

        def fail(done: int, total: int) -> None:
            if done == total:
                raise JournalError("The disk is full.")

        with pytest.raises(JournalError, match="disk is full"):
            new.write_snapshot(snapshot, fail)
        assert new.db.scalar("PRAGMA foreign_keys") == 1
        assert new.is_empty()
        new.write_snapshot(snapshot)
        assert new.db.scalar("PRAGMA foreign_keys") == 1
        assert new.db.scalar("PRAGMA cache_size") == -32768
        with pytest.raises(VaultError, match="FOREIGN KEY"):
            new.db.execute("INSERT INTO entry_parts (entry_id, position, part_id) "
                           "VALUES (?, 0, ?)", (_MISSING, _MISSING))
    finally:
        new.lock()


@pytest.mark.parametrize("dangling", ["presence", "relation", "received_part_peer"])
def test_a_snapshot_pointing_at_missing_rows_is_refused_and_nothing_is_written(
        rich_vault: Vault, tmp_path: Path, fast_kdf: KdfProfile, dangling: str) -> None:
    """The import's own checks never let such a snapshot through; the journal's rule is checked
    once over every table before the commit, with the same error as a row-by-row check."""
    snapshot = rich_vault.read_snapshot()
    if dangling == "presence":
        entry = next(e for e in snapshot.entries if e.parts)
        entry.parts[0] = PartPresence(part_id=_MISSING, note=entry.parts[0].note)
    elif dangling == "relation":
        snapshot.relations[0] = dataclasses.replace(snapshot.relations[0], to_part_id=_MISSING)
    else:
        snapshot.received_parts[0] = dataclasses.replace(snapshot.received_parts[0],
                                                         peer_id=_MISSING)
    new = _new(tmp_path, fast_kdf)
    try:
        before = _schema(new)
        with pytest.raises(VaultError, match=r"consistency rules \(FOREIGN KEY constraint"):
            new.write_snapshot(snapshot)
        assert new.is_empty()
        assert _schema(new) == before
        assert new.db.scalar("SELECT count(*) FROM entries_fts") == 0
        assert new.db.scalar("PRAGMA foreign_keys") == 1
    finally:
        new.lock()


def test_bulk_write_inside_a_transaction_leaves_foreign_keys_alone(vault: Vault) -> None:
    with vault.db.transaction(), vault.db.bulk_write():
        assert vault.db.scalar("PRAGMA foreign_keys") == 1
    assert vault.db.scalar("PRAGMA foreign_keys") == 1
    with vault.db.bulk_write():
        assert vault.db.scalar("PRAGMA foreign_keys") == 0
    assert vault.db.scalar("PRAGMA foreign_keys") == 1


@pytest.mark.parametrize("field", ["title", "body", "trailhead", "agreements", "debrief",
                                   "parts.0.note"])
def test_every_entry_text_is_still_searched_for_control_characters(
        rich_vault: Vault, tmp_path: Path, fast_kdf: KdfProfile, field: str) -> None:
    """The domain validation no longer searches them a second time; the import's own check,
    which names the place in the file, still refuses each one."""
    document = document_of(rich_vault.read_snapshot())
    n, entry = next((n, e) for n, e in enumerate(document["entries"]) if e["parts"])
    target, key = (entry["parts"][0], "note") if field == "parts.0.note" else (entry, field)
    target[key] = "before\u0007after\u0085"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    new = _new(tmp_path, fast_kdf)
    try:
        with pytest.raises(JournalError) as caught:
            import_json(path, new)
        where = f"entries[{n}].{field}" if field != "parts.0.note" \
            else f"entries[{n}].parts[0].note"
        assert f"At {where}: This text contains invisible control characters." \
            in str(caught.value)
        assert new.is_empty()
    finally:
        new.lock()


def test_validate_entry_with_texts_checked_still_checks_everything_else() -> None:
    def entry(**changes: object) -> Entry:
        base = Entry(kind=EntryKind.NOTE, title="A title", body="Body")
        return dataclasses.replace(base, **changes)  # type: ignore[arg-type]

    assert validate_entry(entry(), texts_checked=True).title == "A title"
    for bad, message in [
        (entry(body="x" * 100_001), "at most 100,000 characters"),
        (entry(title="x" * 201), "at most 200 characters"),
        (entry(title="one\ntwo"), "single line"),
        (entry(self_energy=11), "number from 0 to 10"),
        (entry(parts=[PartPresence(part_id=_MISSING), PartPresence(part_id=_MISSING)]),
         "listed twice"),
    ]:
        with pytest.raises(ValidationError, match=message):
            validate_entry(bad, texts_checked=True)
    with pytest.raises(ValidationError, match="control characters"):
        validate_entry(entry(body="a\u0007b"))
