"""The sample journal: a package-data export, moved to today and imported through the importer."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import partsjournal
from partsjournal.archive.json_export import document_of, to_json_bytes
from partsjournal.archive.json_import import document_from_bytes, parse_document
from partsjournal.data import icon_svg, sample_journal_bytes
from partsjournal.domain import EntryKind, Role, Stage, utc_now
from partsjournal.errors import JournalError
from partsjournal.flows import sample_journal
from partsjournal.flows.sample_journal import (
    entry_ages,
    populate,
    sample_document,
    shift_times,
    written_as_of,
)
from partsjournal.vault import Vault

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = Path(partsjournal.__file__).parent


def _stored() -> dict[str, Any]:
    return document_from_bytes(sample_journal_bytes())


def test_the_sample_journal_is_what_the_demo_always_made(vault: Vault) -> None:
    counts = populate(vault)
    assert (counts.parts, counts.relations, counts.entries) == (12, 12, 60)
    snapshot = vault.read_snapshot()
    assert len(snapshot.parts) == 12 and len(snapshot.entries) == 60
    assert sum(len(r.history) for r in snapshot.parts) == 36
    assert [r.part.name for r in snapshot.parts if r.part.archived] == ["Midnight Shopper"]
    assert all(r.position is None for r in snapshot.parts)
    assert Counter(r.kind.value for r in snapshot.relations) == {"protects": 8, "allied": 2,
                                                                  "polarized": 2}
    assert (snapshot.peers, snapshot.received_parts, snapshot.received_relations,
            snapshot.received_bundles, snapshot.share_log) == ([], [], [], [], [])
    assert sum(len(e.parts) for e in snapshot.entries) == 114
    assert Counter(e.kind for e in snapshot.entries) == {
        EntryKind.CHECK_IN: 15, EntryKind.SOLO_SESSION: 15, EntryKind.NOTE: 10,
        EntryKind.THERAPY_SESSION: 10, EntryKind.PEER_SESSION: 10}

    critic = next(p for p in vault.parts.list() if p.name == "The Critic")
    assert (critic.role, critic.stage, critic.trust_in_self) == (Role.MANAGER,
                                                                 Stage.BEFRIENDED, 6)
    assert [e.stage for e in vault.parts.history(critic.id)] == [
        Stage.NOTICED, Stage.GETTING_TO_KNOW, Stage.BEFRIENDED]
    newest = max(snapshot.entries, key=lambda e: e.occurred_at)
    oldest = min(snapshot.entries, key=lambda e: e.occurred_at)
    assert newest.title == "Helmet off before coffee"
    assert oldest.title == "Starting a parts journal"
    now = utc_now()
    # Yesterday, at the time of day it was written for (so it can be up to two days ago).
    assert now - timedelta(days=2) < newest.occurred_at < now
    assert now - timedelta(days=175) < oldest.occurred_at < now - timedelta(days=165)
    assert any(h.title == "Helmet off before coffee" for h in vault.search.search("helmet"))


def test_the_stored_file_is_an_export_exactly_as_the_app_writes_it(vault: Vault) -> None:
    stored = sample_journal_bytes()
    document = _stored()
    reference = written_as_of(document)
    populate(vault, now=reference)
    again = to_json_bytes(document_of(vault.read_snapshot(), exported_at=reference))
    assert again == stored


def test_every_time_moves_by_the_same_whole_days_and_keeps_its_time_of_day() -> None:
    stored = _stored()
    reference = written_as_of(stored)
    later = reference + timedelta(days=400, hours=7, minutes=13)
    moved = sample_document(later)
    assert moved["exported_at"] == (reference + timedelta(days=400)).isoformat()
    assert moved == shift_times(stored, timedelta(days=400))
    assert moved != stored
    assert shift_times(stored, timedelta(0)) == stored
    # Everything else is unchanged, and each time moved by exactly 400 days.
    before = stored["entries"][0]
    after = moved["entries"][0]
    assert {k: v for k, v in before.items() if not k.endswith("_at")} == \
        {k: v for k, v in after.items() if not k.endswith("_at")}
    assert datetime.fromisoformat(after["occurred_at"]) - \
        datetime.fromisoformat(before["occurred_at"]) == timedelta(days=400)
    parse_document(moved)  # still a valid export


def test_the_layout_in_days_is_the_same_whatever_the_day(vault: Vault) -> None:
    early = datetime(2027, 3, 1, 0, 30, tzinfo=UTC)
    late = datetime(2027, 3, 1, 23, 30, tzinfo=UTC)
    ages = entry_ages(early)
    assert ages == entry_ages(late) == sorted(ages, reverse=True)
    assert (min(ages), max(ages), len(ages)) == (1, 170, 60)
    assert sum(1 for days in ages if days < 90) == 33
    populate(vault, now=late)
    newest = max(vault.entries.list(), key=lambda e: e.occurred_at)
    assert newest.occurred_at.date() == (late - timedelta(days=1)).date()


def test_a_sample_goes_only_into_an_empty_journal(vault: Vault) -> None:
    populate(vault)
    with pytest.raises(JournalError, match="empty journal"):
        populate(vault)
    assert len(vault.entries.list()) == 60


def test_a_time_that_is_not_one_is_left_for_the_importer_to_refuse() -> None:
    assert shift_times({"created_at": "soon", "note": "2026-01-01T00:00:00+00:00"},
                       timedelta(days=1)) == {"created_at": "soon",
                                              "note": "2026-01-01T00:00:00+00:00"}


def test_the_sample_is_written_with_no_sql() -> None:
    text = (PACKAGE / "flows" / "sample_journal.py").read_text(encoding="utf-8")
    assert ".execute" not in text and "SELECT " not in text and "UPDATE " not in text
    assert not (PACKAGE / "vault" / "demo.py").exists()  # the old SQL writer is gone
    assert sample_journal.__file__


def test_the_data_files_are_package_data() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"data/*.json", "data/icons/*.svg"' in pyproject
    spec = (ROOT / "packaging" / "parts-journal.spec").read_text(encoding="utf-8")
    for name in ('"sample-journal.json"', '"app.svg"', '"app-small.svg"'):
        assert name in spec
    json.loads(sample_journal_bytes().decode("utf-8"))


def test_the_icon_is_the_one_in_resources() -> None:
    icons = ROOT / "resources" / "icons"
    how = ("copy resources/icons/org.partsjournal.PartsJournal{,-small}.svg to "
           "app/partsjournal/data/icons/app{,-small}.svg after changing an icon")
    assert icon_svg(small=False) == \
        (icons / "org.partsjournal.PartsJournal.svg").read_bytes(), how
    assert icon_svg(small=True) == \
        (icons / "org.partsjournal.PartsJournal-small.svg").read_bytes(), how
    assert b"<svg" in icon_svg(small=True) and b"<svg" in icon_svg(small=False)
