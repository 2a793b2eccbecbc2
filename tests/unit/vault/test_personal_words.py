"""The personal word list: stored inside the encrypted journal (schema 3), nowhere else."""

from __future__ import annotations

from pathlib import Path

import pytest

from partsjournal.domain import Part
from partsjournal.errors import ValidationError
from partsjournal.vault import Vault, schema
from partsjournal.vault.dictionary import MAX_WORD
from partsjournal.vault.keyslots import KdfProfile
from partsjournal.vault.vault import vault_files

from ...conftest import PASSPHRASE


def test_words_are_added_listed_and_removed(vault: Vault) -> None:
    assert vault.dictionary.list() == []
    assert vault.dictionary.add("  Zorblat ") == "Zorblat"
    vault.dictionary.add("exilic")
    vault.dictionary.add("Zorblat")  # again: no duplicate, no error
    assert vault.dictionary.list() == ["exilic", "Zorblat"]
    assert "Zorblat" in vault.dictionary
    vault.dictionary.remove("Zorblat")
    vault.dictionary.remove("never-added")
    assert vault.dictionary.list() == ["exilic"]


@pytest.mark.parametrize("bad", ["", "   ", "two words", "tab\tword", "bell\x07", "x" * 101,
                                 "line\nbreak"])
def test_only_one_plain_word_is_accepted(vault: Vault, bad: str) -> None:
    with pytest.raises(ValidationError):
        vault.dictionary.add(bad)
    assert vault.dictionary.list() == []


def test_a_word_of_the_longest_length_is_accepted(vault: Vault) -> None:
    assert vault.dictionary.add("y" * MAX_WORD) == "y" * MAX_WORD


def test_words_survive_lock_and_stay_inside_the_encrypted_file(vault: Vault,
                                                               vault_dir: Path) -> None:
    canary = "canaryword7d1f3"
    vault.dictionary.add(canary)
    vault.lock()
    for path in vault_files(vault_dir):
        assert canary.encode() not in path.read_bytes(), path
    again = Vault.unlock(vault_dir, PASSPHRASE, auto_backup=False)
    assert again.dictionary.list() == [canary]
    again.lock()


def test_a_version_2_vault_gains_the_word_list_by_migration(
        tmp_path: Path, fast_kdf: KdfProfile, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:2])
    monkeypatch.setattr(schema, "LATEST", 2)
    old, _ = Vault.create(tmp_path / "old", PASSPHRASE, profile=fast_kdf)
    assert old.db.scalar("PRAGMA user_version") == 2
    assert old.db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'personal_words'") == 0
    old.parts.add(Part(name="Critic"))
    old.lock()
    monkeypatch.undo()
    opened = Vault.unlock(tmp_path / "old", PASSPHRASE, auto_backup=False)
    assert opened.db.scalar("PRAGMA user_version") == schema.LATEST == 6
    assert opened.dictionary.list() == []
    opened.dictionary.add("Zorblat")
    assert opened.dictionary.list() == ["Zorblat"]
    assert opened.parts.list()[0].name == "Critic"
    backups = list((tmp_path / "old").rglob("*pre-migration*"))
    assert backups, "a backup is taken before migrating"
    opened.lock()
