"""The agreements ledger in the vault: schema 5, inside the encrypted file, kept across a lock."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from partsjournal.domain import Entry, Part, PartPresence
from partsjournal.domain.agreements import Agreement, AgreementStatus
from partsjournal.errors import NotFound, ValidationError
from partsjournal.vault import Vault, schema
from partsjournal.vault.keyslots import KdfProfile
from partsjournal.vault.vault import vault_files

from ...conftest import PASSPHRASE

TODAY = date(2026, 3, 10)
MADE = datetime(2026, 3, 9, 20, tzinfo=UTC)


def texts(agreements: list[Agreement]) -> list[str]:
    return [a.text for a in agreements]


def test_add_list_and_mark_survive_a_lock_inside_the_encrypted_file(
        vault: Vault, vault_dir: Path) -> None:
    canary = "canarypromise5b21e"
    eight = vault.parts.add(Part(name="Eight"))
    critic = vault.parts.add(Part(name="Critic"))
    entry = vault.entries.add(Entry(title="Morning", parts=[PartPresence(part_id=eight.id)]))
    morning = vault.agreements.add(Agreement(
        eight.id, f"  I'll check in every morning {canary} ", ends_on=TODAY + timedelta(days=5),
        entry_id=entry.id, made_at=MADE))
    vault.agreements.add(Agreement(critic.id, "Step back during presentations", made_at=MADE))
    assert morning.text == f"I'll check in every morning {canary}"
    vault.lock()

    opened = Vault.unlock(vault_dir, PASSPHRASE, auto_backup=False)
    try:
        again = opened.agreements.get(morning.id)
        assert again == morning
        assert again.entry_id == entry.id and again.ends_on == date(2026, 3, 15)
        assert texts(opened.agreements.list_open([eight.id])) == [morning.text]
        assert texts(opened.agreements.list_open([])) == []
        assert len(opened.agreements.list_open()) == 2
        kept = opened.agreements.mark(morning.id, AgreementStatus.KEPT,
                                      at=MADE + timedelta(days=2))
        assert kept.status is AgreementStatus.KEPT
        assert kept.closed_at == MADE + timedelta(days=2)
        assert texts(opened.agreements.list_open([eight.id])) == []
        assert texts(opened.agreements.for_part(eight.id)) == [morning.text]
        # Marked again from a list a moment out of date: nothing changes, the first time stays.
        assert opened.agreements.mark(morning.id, AgreementStatus.KEPT).closed_at == kept.closed_at
        reopened = opened.agreements.mark(morning.id, AgreementStatus.OPEN)
        assert reopened.is_open and reopened.closed_at is None
    finally:
        opened.lock()
    for path in vault_files(vault_dir):
        assert canary.encode() not in path.read_bytes(), path


def test_let_go_leaves_the_open_list_and_delete_removes(vault: Vault) -> None:
    eight = vault.parts.add(Part(name="Eight"))
    one = vault.agreements.add(Agreement(eight.id, "Walk at lunch", made_at=MADE))
    released = vault.agreements.mark(one.id, AgreementStatus.RELEASED, at=MADE)
    assert released.status is AgreementStatus.RELEASED
    assert vault.agreements.list_open() == []
    vault.agreements.delete(one.id)
    assert vault.agreements.count() == 0
    with pytest.raises(NotFound):
        vault.agreements.delete(one.id)
    with pytest.raises(NotFound):
        vault.agreements.mark(one.id, AgreementStatus.KEPT)


def test_this_week_holds_one_ending_in_3_days_and_not_one_ending_in_10(vault: Vault) -> None:
    eight = vault.parts.add(Part(name="Eight"))
    for days, words in ((3, "in three days"), (10, "in ten days"), (-1, "yesterday"),
                        (7, "in a week")):
        vault.agreements.add(Agreement(eight.id, words, ends_on=TODAY + timedelta(days=days),
                                       made_at=MADE))
    vault.agreements.add(Agreement(eight.id, "no end", made_at=MADE))
    closed = vault.agreements.add(Agreement(eight.id, "kept already",
                                            ends_on=TODAY + timedelta(days=1), made_at=MADE))
    vault.agreements.mark(closed.id, AgreementStatus.KEPT, at=MADE)
    assert texts(vault.agreements.this_week(TODAY)) == [
        "yesterday", "in three days", "in a week", "no end"]


def test_a_part_or_entry_that_is_gone_is_named(vault: Vault) -> None:
    eight = vault.parts.add(Part(name="Eight"))
    with pytest.raises(NotFound, match="That part no longer exists."):
        vault.agreements.add(Agreement("no-such-part", "x", made_at=MADE))
    with pytest.raises(NotFound, match="That entry no longer exists."):
        vault.agreements.add(Agreement(eight.id, "x", entry_id="no-such-entry", made_at=MADE))
    with pytest.raises(ValidationError):
        vault.agreements.add(Agreement(eight.id, "two\nlines", made_at=MADE))
    assert vault.agreements.count() == 0


def test_deleting_the_part_deletes_its_agreements_and_the_entry_only_forgets_its_id(
        vault: Vault) -> None:
    eight = vault.parts.add(Part(name="Eight"))
    critic = vault.parts.add(Part(name="Critic"))
    entry = vault.entries.add(Entry(title="Session"))
    with_entry = vault.agreements.add(Agreement(critic.id, "Step back", entry_id=entry.id,
                                                made_at=MADE))
    vault.agreements.add(Agreement(eight.id, "Morning check-in", made_at=MADE))
    vault.entries.delete(entry.id)
    assert vault.agreements.get(with_entry.id).entry_id is None
    vault.parts.delete(eight.id)
    assert texts(vault.agreements.list()) == ["Step back"]
    assert vault.check().ok


def test_a_version_4_vault_gains_the_ledger_by_migration_and_keeps_everything(
        tmp_path: Path, fast_kdf: KdfProfile, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:4])
    monkeypatch.setattr(schema, "LATEST", 4)
    old, _ = Vault.create(tmp_path / "old", PASSPHRASE, profile=fast_kdf)
    assert old.db.scalar("PRAGMA user_version") == 4
    assert old.db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'agreements'") == 0
    critic = old.parts.add(Part(name="Critic"))
    entry = old.entries.add(Entry(title="Before agreements", body="Still here.",
                                  parts=[PartPresence(part_id=critic.id, note="loud")]))
    old.dictionary.add("Zorblat")
    old.templates.set(entry.kind, "My own start")
    before = (old.parts.list(), old.entries.get(entry.id), old.dictionary.list(),
              old.templates.custom(entry.kind), old.parts.history(critic.id))
    old.lock()
    monkeypatch.undo()
    opened = Vault.unlock(tmp_path / "old", PASSPHRASE, auto_backup=False)
    try:
        assert opened.db.scalar("PRAGMA user_version") == schema.LATEST == 6
        assert (opened.parts.list(), opened.entries.get(entry.id), opened.dictionary.list(),
                opened.templates.custom(entry.kind), opened.parts.history(critic.id)) == before
        assert opened.agreements.list() == []
        opened.agreements.add(Agreement(critic.id, "Step back", entry_id=entry.id,
                                        made_at=MADE))
        assert texts(opened.agreements.list_open([critic.id])) == ["Step back"]
        assert {r[0] for r in opened.db.all(
            "SELECT name FROM sqlite_master WHERE tbl_name = 'agreements' AND type = 'index' "
            "AND sql IS NOT NULL")} == {"agreements_open_by_part", "agreements_open_by_end",
                                        "agreements_by_entry"}
        assert opened.check().ok
        assert list((tmp_path / "old").rglob("*pre-migration*")), "a backup before migrating"
    finally:
        opened.lock()


def test_the_open_list_by_part_uses_its_index(vault: Vault) -> None:
    plan = " ".join(str(r[-1]) for r in vault.db.all(
        "EXPLAIN QUERY PLAN SELECT id FROM agreements WHERE status = 'open' AND part_id IN "
        "('a', 'b') ORDER BY ends_on IS NULL, ends_on, made_at, id"))
    assert "agreements_open_by_part" in plan
    plan = " ".join(str(r[-1]) for r in vault.db.all(
        "EXPLAIN QUERY PLAN SELECT id FROM agreements WHERE status = 'open' AND "
        "(ends_on IS NULL OR ends_on <= '2026-03-17')"))
    assert "agreements_open_by_end" in plan
