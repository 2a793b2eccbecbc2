"""The personal words in the snapshot store: read with the rest, written with the rest or not at all."""

from __future__ import annotations

import dataclasses
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from partsjournal.domain import Part
from partsjournal.errors import JournalError
from partsjournal.vault import Vault
from partsjournal.vault.keyslots import KdfProfile
from partsjournal.vault.snapshot import PersonalWord, Snapshot

from ...conftest import PASSPHRASE

WHEN = datetime(2026, 1, 30, 8, 15, tzinfo=UTC)


def test_words_are_written_back_exactly(vault: Vault, tmp_path: Path,
                                        fast_kdf: KdfProfile) -> None:
    vault.parts.add(Part(name="Critic"))
    vault.dictionary.add_many(["Zorblat", "exilic"])
    vault.db.execute("UPDATE personal_words SET added_at = ?", (WHEN.isoformat(),))
    snapshot = vault.read_snapshot()
    assert snapshot.personal_words == (PersonalWord("exilic", WHEN), PersonalWord("Zorblat", WHEN))
    new, _ = Vault.create(tmp_path / "new", PASSPHRASE, profile=fast_kdf)
    try:
        new.write_snapshot(snapshot)
        assert new.db.all("SELECT word, added_at FROM personal_words ORDER BY word") == [
            ("Zorblat", "2026-01-30T08:15:00+00:00"), ("exilic", "2026-01-30T08:15:00+00:00")]
        assert new.read_snapshot() == snapshot
    finally:
        new.lock()


def test_a_failing_word_leaves_the_journal_empty(vault: Vault, tmp_path: Path,
                                                 fast_kdf: KdfProfile) -> None:
    vault.parts.add(Part(name="Critic"))
    snapshot = dataclasses.replace(
        vault.read_snapshot(), personal_words=(PersonalWord("same", WHEN),
                                               PersonalWord("same", WHEN)))
    new, _ = Vault.create(tmp_path / "new", PASSPHRASE, profile=fast_kdf)
    try:
        with pytest.raises(JournalError):
            new.write_snapshot(snapshot)
        assert new.is_empty()
        assert new.parts.list() == [] and new.dictionary.list() == []
    finally:
        new.lock()


def test_reading_ends_its_transaction(vault: Vault) -> None:
    vault.dictionary.add("before")
    snapshot = vault.read_snapshot()
    # The read transaction is over: writing (in a transaction of its own) works at once, and
    # the snapshot already taken does not change.
    vault.dictionary.add_many(["after"])
    vault.parts.add(Part(name="Critic"))
    assert [w.word for w in snapshot.personal_words] == ["before"]
    assert [w.word for w in vault.read_snapshot().personal_words] == ["after", "before"]


def test_only_words_make_a_journal_not_empty(vault: Vault) -> None:
    assert vault.is_empty()
    vault.dictionary.add("Zorblat")
    assert not vault.is_empty()
    vault.dictionary.remove("Zorblat")
    assert vault.is_empty()


def test_the_read_is_one_moment_even_while_the_window_writes(
        vault: Vault, monkeypatch: pytest.MonkeyPatch) -> None:
    """An export reads on a worker's connection; a save in the window meanwhile is not half in it."""
    from partsjournal.vault import snapshot_store

    vault.parts.add(Part(name="Critic"))
    vault.dictionary.add("before")
    paused, written = threading.Event(), threading.Event()
    read_entries = snapshot_store._all_entries

    def slow_entries(db):  # type: ignore[no-untyped-def]
        paused.set()  # the parts are read; the words are not yet
        assert written.wait(10)
        return read_entries(db)

    monkeypatch.setattr(snapshot_store, "_all_entries", slow_entries)
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(
        vault.worker_job(lambda v: v.read_snapshot())()))
    worker.start()
    try:
        assert paused.wait(10)
        vault.dictionary.add("during")  # the window's own connection, while the worker reads
        vault.parts.add(Part(name="Planner"))
    finally:
        written.set()
        worker.join(10)
    (snapshot,) = result
    assert isinstance(snapshot, Snapshot)
    assert [w.word for w in snapshot.personal_words] == ["before"]
    assert [r.part.name for r in snapshot.parts] == ["Critic"]
    assert [w.word for w in vault.read_snapshot().personal_words] == ["before", "during"]
