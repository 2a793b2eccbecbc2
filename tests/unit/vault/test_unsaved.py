"""Writing that could not be saved at lock: sealed, kept, and stored at the next unlock."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from partsjournal.domain.model import Entry, EntryKind, Part, PartPresence, Role, Stage
from partsjournal.errors import DiskFull
from partsjournal.vault import Vault, unsaved
from partsjournal.vault.unsaved import PartEdit, UnsavedWriting

from ...conftest import FAST_KDF, PASSPHRASE

CANARY = "unsaved-canary-7d1f Ωmega"


def _writing(vault: Vault) -> tuple[UnsavedWriting, Entry, Part]:
    part = vault.parts.add(Part(name="The Critic", role=Role.MANAGER))
    stored = vault.entries.add(Entry(title="Before", body="old text", kind=EntryKind.CHECK_IN,
                                     parts=[PartPresence(part_id=part.id, note="loud")]))
    edited = replace(stored, body=f"new text {CANARY}")
    fresh = Entry(title="A new one", body=f"never saved {CANARY}")
    changed = replace(part, job=f"keeps me safe {CANARY}", stage=Stage.GETTING_TO_KNOW)
    return (UnsavedWriting(entries=(edited, fresh), parts=(PartEdit(changed, False, "met it"),),
                           positions={part.id: (12.5, -3.0)}, display_name="Sam"),
            fresh, part)


def test_sealed_writing_holds_no_plaintext_and_opens_only_here(vault: Vault,
                                                               tmp_path: Path) -> None:
    writing, _fresh, _part = _writing(vault)
    sealed = vault.seal_unsaved(writing)
    for encoded in (CANARY.encode(), CANARY.encode("utf-16-le"), b"The Critic", b"new text"):
        assert encoded not in sealed.data
    assert vault.open_unsaved(sealed) == writing
    other, _code = Vault.create(tmp_path / "other", PASSPHRASE, profile=FAST_KDF)
    with other, pytest.raises(ValueError):
        other.open_unsaved(sealed)
    flipped = bytearray(sealed.data)
    flipped[-5] ^= 1
    with pytest.raises(ValueError):
        vault.open_unsaved(unsaved.SealedWriting(sealed.name, bytes(flipped)))


def test_recover_stores_edits_and_deletes_the_file(vault: Vault) -> None:
    writing, fresh, part = _writing(vault)
    sealed = vault.seal_unsaved(writing)
    path = unsaved.store(vault.folder, sealed)
    assert path.parent == vault.folder / "unsaved" and CANARY.encode() not in path.read_bytes()
    recovery, done = unsaved.recover(vault, [])
    assert done == [sealed.name] and not path.exists()
    assert recovery.stored == 5 and not recovery.refused_entries
    bodies = {e.title: e.body for e in (vault.entries.get(x.id) for x in writing.entries)}
    assert bodies == {"Before": f"new text {CANARY}", "A new one": f"never saved {CANARY}"}
    assert vault.entries.get(writing.entries[0].id).parts[0].note == "loud"
    again = vault.parts.get(part.id)
    assert again.job == f"keeps me safe {CANARY}" and again.stage is Stage.GETTING_TO_KNOW
    assert [e.note for e in vault.parts.history(part.id)][-1] == "met it"
    assert vault.parts.positions()[part.id] == (12.5, -3.0)
    assert vault.identity.get().display_name == "Sam"
    assert fresh.id in {e.id for e in vault.entries.list()}


def test_held_and_stored_writing_are_applied_oldest_first(vault: Vault) -> None:
    entry = vault.entries.add(Entry(title="T", body="first"))
    older = vault.seal_unsaved(UnsavedWriting(entries=(replace(entry, body="second"),)))
    unsaved.store(vault.folder, older)
    newer = vault.seal_unsaved(UnsavedWriting(entries=(replace(entry, body="third"),)))
    assert newer.name > older.name
    _recovery, done = unsaved.recover(vault, [newer])
    assert done == [older.name, newer.name]
    assert vault.entries.get(entry.id).body == "third"


def test_an_edit_the_journal_refuses_comes_back_for_the_editor(vault: Vault) -> None:
    entry = vault.entries.add(Entry(title="T", body="b"))
    too_long = replace(entry, title="x" * 500)
    recovery, _done = unsaved.recover(vault, [vault.seal_unsaved(
        UnsavedWriting(entries=(too_long,), parts=(PartEdit(Part(name="  "), True),)))])
    assert recovery.refused_entries == [too_long]
    assert [p.part.name for p in recovery.refused_parts] == ["  "]
    assert vault.entries.get(entry.id).title == "T"


def test_a_full_disk_at_unlock_stores_nothing_and_keeps_the_file(
        vault: Vault, monkeypatch: pytest.MonkeyPatch) -> None:
    writing, _fresh, part = _writing(vault)
    sealed = vault.seal_unsaved(writing)
    path = unsaved.store(vault.folder, sealed)
    real_update = vault.parts.update

    def full(*args: object, **kwargs: object) -> Part:
        raise DiskFull("There isn't enough space to save this.")

    monkeypatch.setattr(vault.parts, "update", full)
    with pytest.raises(DiskFull):
        unsaved.recover(vault, [])
    assert path.exists()
    assert vault.entries.get(writing.entries[0].id).body == "old text"  # rolled back
    monkeypatch.setattr(vault.parts, "update", real_update)
    unsaved.recover(vault, [])
    assert not path.exists() and vault.parts.get(part.id).job.startswith("keeps me safe")
