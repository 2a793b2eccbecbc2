"""Entry templates: stored inside the encrypted journal (schema 4), the default otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from partsjournal.domain import Entry, EntryKind, Part
from partsjournal.domain.templates import MAX_TEMPLATE, default_template
from partsjournal.errors import ValidationError
from partsjournal.vault import Vault, schema
from partsjournal.vault.keyslots import KdfProfile
from partsjournal.vault.templates import is_untouched, starting_body
from partsjournal.vault.vault import vault_files

from ...conftest import PASSPHRASE

MINE = "## What is the Critic saying about work?\n\nQ: \n"


def stored(vault: Vault) -> list[tuple[str, str]]:
    return [(str(r[0]), str(r[1])) for r in
            vault.db.all("SELECT kind, body FROM entry_templates ORDER BY kind")]


def test_a_new_journal_uses_the_defaults_and_stores_none(vault: Vault) -> None:
    for kind in EntryKind:
        assert vault.templates.get(kind) == default_template(kind)
        assert not vault.templates.is_custom(kind)
        assert starting_body(vault, kind) == default_template(kind)
    assert stored(vault) == []


def test_set_get_and_reset_survive_lock_and_stay_inside_the_encrypted_file(
        vault: Vault, vault_dir: Path) -> None:
    canary = "canaryprompt93be1"
    vault.templates.set(EntryKind.CHECK_IN, MINE + canary)
    vault.templates.set(EntryKind.NOTE, "")  # an empty template of one's own is kept
    vault.templates.set(EntryKind.CHECK_IN, MINE + canary)  # again: replaced, not doubled
    assert stored(vault) == [("check_in", MINE + canary), ("note", "")]
    vault.lock()
    for path in vault_files(vault_dir):
        assert canary.encode() not in path.read_bytes(), path
    again = Vault.unlock(vault_dir, PASSPHRASE, auto_backup=False)
    try:
        assert again.templates.get(EntryKind.CHECK_IN) == MINE + canary
        assert starting_body(again, EntryKind.CHECK_IN) == MINE + canary
        assert again.templates.is_custom(EntryKind.NOTE)
        assert again.templates.get(EntryKind.SOLO_SESSION) == default_template(
            EntryKind.SOLO_SESSION)
        again.templates.reset(EntryKind.CHECK_IN)
        again.templates.reset(EntryKind.PEER_SESSION)  # never set: no error
        assert stored(again) == [("note", "")]
    finally:
        again.lock()
    third = Vault.unlock(vault_dir, PASSPHRASE, auto_backup=False)
    try:
        assert third.templates.get(EntryKind.CHECK_IN) == default_template(EntryKind.CHECK_IN)
        assert not third.templates.is_custom(EntryKind.CHECK_IN)
    finally:
        third.lock()


@pytest.mark.parametrize(("bad", "says"), [
    ("## Who is here?\x07", "The template contains invisible control characters."),
    ("a\x00b", "The template contains invisible control characters."),
    ("\x1b[31mred", "The template contains invisible control characters."),
    ("x" * 1_048_576, f"A template can be at most {MAX_TEMPLATE:,} characters; this one has "
                      "1,048,576."),
])
def test_a_hostile_template_is_refused_with_a_clear_message(vault: Vault, bad: str,
                                                            says: str) -> None:
    vault.templates.set(EntryKind.CHECK_IN, MINE)
    with pytest.raises(ValidationError) as refused:
        vault.templates.set(EntryKind.CHECK_IN, bad)
    assert says in str(refused.value)
    assert stored(vault) == [("check_in", MINE)], "the template before it is kept"


def test_the_longest_template_and_tabs_and_any_script_are_accepted(vault: Vault) -> None:
    vault.templates.set(EntryKind.NOTE, "y" * MAX_TEMPLATE)
    text = "## ¿Quién está aquí hoy?\n\tשלום 🌱 e\u0301\r\n"
    vault.templates.set(EntryKind.CHECK_IN, text)
    assert vault.templates.get(EntryKind.CHECK_IN) == text


def test_an_unknown_kind_is_refused(vault: Vault) -> None:
    with pytest.raises(ValueError, match="diary"):
        vault.templates.set("diary", "x")  # type: ignore[arg-type]
    assert stored(vault) == []


def test_untouched_means_still_the_template_give_or_take_trailing_whitespace(
        vault: Vault) -> None:
    kind = EntryKind.THERAPY_SESSION
    template = starting_body(vault, kind)
    assert is_untouched(template, vault, kind)
    assert is_untouched(template.rstrip(), vault, kind)
    assert is_untouched(template + "  \n\n", vault, kind)
    assert is_untouched("", vault, kind) and is_untouched(" \n", vault, kind)
    assert not is_untouched(template + "What to ask about the dream", vault, kind)
    assert not is_untouched("  " + template, vault, kind), "leading space is the person's"
    assert not is_untouched(template.replace("happened", "happens"), vault, kind)
    # Another kind's template is something else: switching kind would not swap it blindly.
    assert not is_untouched(starting_body(vault, EntryKind.CHECK_IN), vault, kind)
    assert is_untouched("", vault, EntryKind.NOTE)
    assert not is_untouched("x", vault, EntryKind.NOTE)


def test_untouched_follows_the_persons_template_and_the_translation(vault: Vault) -> None:
    kind = EntryKind.CHECK_IN
    vault.templates.set(kind, MINE)
    assert is_untouched(MINE, vault, kind)
    assert not is_untouched(default_template(kind), vault, kind), "their own replaced it"
    vault.templates.reset(kind)

    def german(text: str) -> str:
        return "## Wer ist heute da?\n" if text == default_template(kind) else text

    assert starting_body(vault, kind, german) == "## Wer ist heute da?\n"
    assert is_untouched("## Wer ist heute da?", vault, kind, german)
    # Begun before the language changed: still only the template.
    assert is_untouched(default_template(kind), vault, kind, german)


def test_a_version_3_vault_gains_the_templates_by_migration(
        tmp_path: Path, fast_kdf: KdfProfile, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:3])
    monkeypatch.setattr(schema, "LATEST", 3)
    old, _ = Vault.create(tmp_path / "old", PASSPHRASE, profile=fast_kdf)
    assert old.db.scalar("PRAGMA user_version") == 3
    assert old.db.scalar(
        "SELECT count(*) FROM sqlite_master WHERE name = 'entry_templates'") == 0
    old.parts.add(Part(name="Critic"))
    entry = old.entries.add(Entry(title="Before templates", body="Still here."))
    old.dictionary.add("Zorblat")
    old.lock()
    monkeypatch.undo()
    opened = Vault.unlock(tmp_path / "old", PASSPHRASE, auto_backup=False)
    try:
        assert opened.db.scalar("PRAGMA user_version") == schema.LATEST == 6
        assert stored(opened) == []
        assert opened.templates.get(EntryKind.CHECK_IN) == default_template(EntryKind.CHECK_IN)
        opened.templates.set(EntryKind.CHECK_IN, MINE)
        assert stored(opened) == [("check_in", MINE)]
        assert opened.parts.list()[0].name == "Critic"
        assert opened.entries.get(entry.id).body == "Still here."
        assert opened.dictionary.list() == ["Zorblat"]
        assert list((tmp_path / "old").rglob("*pre-migration*")), "a backup before migrating"
    finally:
        opened.lock()


def test_the_table_refuses_a_kind_it_does_not_know(vault: Vault) -> None:
    with pytest.raises(Exception, match="CHECK"):
        vault.db.execute("INSERT INTO entry_templates VALUES ('diary', '', '2026-01-01')")
