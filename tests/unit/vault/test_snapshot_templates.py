"""Own entry templates in the snapshot store: read with the rest, written with the rest or not at all."""

from __future__ import annotations

import dataclasses
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from partsjournal.domain import EntryKind, Part
from partsjournal.errors import JournalError
from partsjournal.vault import Vault
from partsjournal.vault.keyslots import KdfProfile
from partsjournal.vault.snapshot import OwnTemplate, Snapshot

from ...conftest import PASSPHRASE

WHEN = datetime(2026, 1, 30, 8, 15, tzinfo=UTC)


def test_own_templates_are_read_by_kind_and_written_back_exactly(
        vault: Vault, tmp_path: Path, fast_kdf: KdfProfile) -> None:
    vault.parts.add(Part(name="Critic"))
    vault.templates.set(EntryKind.THERAPY_SESSION, "Q: \n")
    vault.templates.set(EntryKind.CHECK_IN, "## Who?\n")
    vault.templates.set(EntryKind.NOTE, "")
    vault.db.execute("UPDATE entry_templates SET updated_at = ?", (WHEN.isoformat(),))
    snapshot = vault.read_snapshot()
    assert snapshot.entry_templates == (
        OwnTemplate(EntryKind.CHECK_IN, "## Who?\n", WHEN), OwnTemplate(EntryKind.NOTE, "", WHEN),
        OwnTemplate(EntryKind.THERAPY_SESSION, "Q: \n", WHEN))
    new, _ = Vault.create(tmp_path / "new", PASSPHRASE, profile=fast_kdf)
    try:
        new.write_snapshot(snapshot)
        assert new.db.all("SELECT kind, body, updated_at FROM entry_templates ORDER BY kind") == [
            ("check_in", "## Who?\n", "2026-01-30T08:15:00+00:00"),
            ("note", "", "2026-01-30T08:15:00+00:00"),
            ("therapy_session", "Q: \n", "2026-01-30T08:15:00+00:00")]
        assert new.read_snapshot() == snapshot
    finally:
        new.lock()


def test_a_journal_without_own_templates_reads_none(vault: Vault) -> None:
    assert vault.read_snapshot().entry_templates == ()


def test_a_failing_template_leaves_the_journal_empty(vault: Vault, tmp_path: Path,
                                                     fast_kdf: KdfProfile) -> None:
    vault.parts.add(Part(name="Critic"))
    vault.dictionary.add("Zorblat")
    snapshot = dataclasses.replace(
        vault.read_snapshot(), entry_templates=(OwnTemplate(EntryKind.NOTE, "a", WHEN),
                                                OwnTemplate(EntryKind.NOTE, "b", WHEN)))
    new, _ = Vault.create(tmp_path / "new", PASSPHRASE, profile=fast_kdf)
    try:
        with pytest.raises(JournalError):
            new.write_snapshot(snapshot)
        assert new.is_empty()
        assert new.parts.list() == [] and new.dictionary.list() == []
        assert new.db.all("SELECT kind FROM entry_templates") == []
    finally:
        new.lock()


def test_the_read_is_one_moment_even_while_the_window_writes(
        vault: Vault, monkeypatch: pytest.MonkeyPatch) -> None:
    """An export reads on a worker's connection; a template saved meanwhile is not half in it."""
    from partsjournal.vault import snapshot_store

    vault.parts.add(Part(name="Critic"))
    vault.templates.set(EntryKind.CHECK_IN, "before")
    paused, written = threading.Event(), threading.Event()
    read_entries = snapshot_store._all_entries

    def slow_entries(db):  # type: ignore[no-untyped-def]
        paused.set()  # the parts are read; the templates are not yet
        assert written.wait(10)
        return read_entries(db)

    monkeypatch.setattr(snapshot_store, "_all_entries", slow_entries)
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(
        vault.worker_job(lambda v: v.read_snapshot())()))
    worker.start()
    try:
        assert paused.wait(10)
        # The window's own connection, while the worker reads: one changed, one new.
        vault.templates.set(EntryKind.CHECK_IN, "during")
        vault.templates.set(EntryKind.NOTE, "new")
        vault.parts.add(Part(name="Planner"))
    finally:
        written.set()
        worker.join(10)
    (snapshot,) = result
    assert isinstance(snapshot, Snapshot)
    assert [(t.kind, t.body) for t in snapshot.entry_templates] == [(EntryKind.CHECK_IN,
                                                                      "before")]
    assert [r.part.name for r in snapshot.parts] == ["Critic"]
    assert [(t.kind, t.body) for t in vault.read_snapshot().entry_templates] == [
        (EntryKind.CHECK_IN, "during"), (EntryKind.NOTE, "new")]
