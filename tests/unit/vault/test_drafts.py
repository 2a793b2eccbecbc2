"""Paused sessions stored inside the encrypted database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from partsjournal.errors import NotFound, ValidationError, VaultError
from partsjournal.vault import Vault
from partsjournal.vault.drafts import KEY_PREFIX, MAX_STATE, DraftRepository
from partsjournal.vault.vault import vault_files

from ...conftest import PASSPHRASE

T0 = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_save_get_list_replace_delete(vault: Vault) -> None:
    drafts = DraftRepository(vault.db)
    first = drafts.save("six_fs", "Worrier", '{"a": 1}', at=T0)
    other = drafts.save("peer", "Tuesday", "[]", at=T0 + timedelta(minutes=1))
    assert drafts.get(first.id) == first
    assert [d.id for d in drafts.list()] == [other.id, first.id]
    assert [d.id for d in drafts.list("six_fs")] == [first.id]
    replaced = drafts.save("six_fs", "Worrier\nagain", '{"a": 2}', first.id,
                           at=T0 + timedelta(hours=1))
    assert replaced.id == first.id and replaced.created_at == T0
    assert replaced.updated_at == T0 + timedelta(hours=1)
    assert replaced.title == "Worrier again"
    assert drafts.get(first.id).state == '{"a": 2}'
    assert drafts.count() == 2
    drafts.delete(first.id)
    drafts.delete(first.id)  # already gone: fine
    with pytest.raises(NotFound):
        drafts.get(first.id)
    assert drafts.count() == 1


def test_drafts_do_not_disturb_the_rest_of_meta(vault: Vault) -> None:
    before = vault.db.all("SELECT key, value FROM meta ORDER BY key")
    drafts = DraftRepository(vault.db)
    drafts.delete(drafts.save("six_fs", "x", "{}").id)
    assert vault.db.all("SELECT key, value FROM meta ORDER BY key") == before
    assert all(not k.startswith(KEY_PREFIX) for k, _ in before)


@pytest.mark.parametrize(("kind", "state"), [
    ("", "{}"), ("six fs", "{}"), ("six_fs", "{not json"), ("six_fs", '"' + "x" * MAX_STATE + '"'),
])
def test_bad_drafts_are_refused(vault: Vault, kind: str, state: str) -> None:
    with pytest.raises(ValidationError):
        DraftRepository(vault.db).save(kind, "t", state)


def test_replacing_a_missing_draft_is_refused(vault: Vault) -> None:
    with pytest.raises(NotFound):
        DraftRepository(vault.db).save("six_fs", "t", "{}", "no-such-id")


def test_a_damaged_draft_row_gives_a_clear_error(vault: Vault) -> None:
    vault.db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (KEY_PREFIX + "x", "{oops"))
    with pytest.raises(VaultError, match="paused session"):
        DraftRepository(vault.db).list()


def test_drafts_survive_locking_and_are_not_on_disk_in_plain_text(vault: Vault, vault_dir: Path
                                                                  ) -> None:
    canary = "canary-draft-7d1f3"
    draft = DraftRepository(vault.db).save("six_fs", canary, f'{{"text": "{canary}"}}')
    vault.lock()
    for path in vault_files(vault_dir):
        assert canary.encode() not in path.read_bytes(), path
    again = Vault.unlock(vault_dir, PASSPHRASE, auto_backup=False)
    assert DraftRepository(again.db).get(draft.id).title == canary
    again.lock()
