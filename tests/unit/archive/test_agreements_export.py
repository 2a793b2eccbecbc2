"""The agreements ledger in the JSON export: out, back in exactly, refused with its place.

docs/export-format.md: the optional top-level ``agreements`` list (format version 4); a file says
the lowest version that reads it: 4 exactly when it holds an agreement.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from partsjournal.archive.json_export import document_of, export_json, to_json_bytes
from partsjournal.archive.json_import import ImportRejected, import_json, read_export
from partsjournal.domain.agreements import Agreement, AgreementStatus
from partsjournal.domain.model import EntryKind
from partsjournal.errors import JournalError
from partsjournal.vault import Vault
from partsjournal.vault.keyslots import KdfProfile

from ...conftest import PASSPHRASE

MADE = datetime(2026, 3, 20, 19, 30, tzinfo=UTC)
CLOSED = datetime(2026, 3, 25, 8, 0, tzinfo=UTC)
WORDS = "I'll check in with Eight every morning — שלום 🌅"


def new_vault(tmp_path: Path, fast_kdf: KdfProfile, name: str = "new") -> Vault:
    vault, _ = Vault.create(tmp_path / name, PASSPHRASE, profile=fast_kdf)
    return vault


def record_agreements(vault: Vault) -> list[Agreement]:
    """Three agreements: open with a last day and an entry, kept, and let go without either."""
    parts = vault.parts.list(include_archived=True)
    entry = vault.entries.list()[0]
    first = vault.agreements.add(Agreement(parts[0].id, WORDS, ends_on=date(2026, 3, 27),
                                           entry_id=entry.id, made_at=MADE))
    second = vault.agreements.add(Agreement(parts[1].id, "Step back during presentations",
                                            made_at=MADE.replace(minute=45)))
    vault.agreements.mark(second.id, AgreementStatus.KEPT, at=CLOSED)
    third = vault.agreements.add(Agreement(parts[0].id, "Walk at lunch", made_at=CLOSED))
    vault.agreements.mark(third.id, AgreementStatus.RELEASED, at=CLOSED)
    return [first, vault.agreements.get(second.id), vault.agreements.get(third.id)]


def test_agreements_go_out_and_come_back_exactly(rich_vault: Vault, tmp_path: Path,
                                                 fast_kdf: KdfProfile) -> None:
    made = record_agreements(rich_vault)
    first = export_json(rich_vault, tmp_path / "first.json")
    document = json.loads(first.read_text(encoding="utf-8"))
    assert document["version"] == 4
    assert list(document)[-1] == "agreements"
    assert document["agreements"][0] == {
        "id": made[0].id, "part_id": made[0].part_id, "entry_id": made[0].entry_id,
        "text": WORDS, "made_at": "2026-03-20T19:30:00+00:00", "ends_on": "2026-03-27",
        "status": "open", "closed_at": None}
    assert [a["status"] for a in document["agreements"]] == ["open", "kept", "released"]

    new = new_vault(tmp_path, fast_kdf)
    try:
        import_json(first, new)
        assert new.agreements.list() == rich_vault.agreements.list()
        assert [a.text for a in new.agreements.list_open()] == [WORDS]
        assert not new.is_empty()
        second = export_json(new, tmp_path / "second.json")
        strip = re.compile(rb'  "exported_at": "[^"]+",\n')
        assert strip.sub(b"", first.read_bytes()) == strip.sub(b"", second.read_bytes())
    finally:
        new.lock()


def test_the_version_is_4_exactly_when_there_is_an_agreement(rich_vault: Vault) -> None:
    assert document_of(rich_vault.read_snapshot())["version"] == 1
    rich_vault.templates.set(EntryKind.NOTE, "Mine")
    assert document_of(rich_vault.read_snapshot())["version"] == 3
    made = record_agreements(rich_vault)
    document = document_of(rich_vault.read_snapshot())
    assert document["version"] == 4
    assert list(document)[-2:] == ["entry_templates", "agreements"]
    for agreement in made:
        rich_vault.agreements.delete(agreement.id)
    document = document_of(rich_vault.read_snapshot())
    assert document["version"] == 3 and "agreements" not in document


def test_a_journal_holding_only_an_agreement_is_not_empty(
        rich_vault: Vault, tmp_path: Path, fast_kdf: KdfProfile) -> None:
    path = export_json(rich_vault, tmp_path / "plain.json")
    new = new_vault(tmp_path, fast_kdf)
    try:
        import_json(path, new)
        critic = new.parts.list()[0]
        new.agreements.add(Agreement(critic.id, "Rest", made_at=MADE))
        for part in new.parts.list(include_archived=True):
            if part.id != critic.id:
                new.parts.delete(part.id)
        for entry in new.entries.list():
            new.entries.delete(entry.id)
        assert not new.is_empty()
        with pytest.raises(JournalError, match="only be imported into a new, empty journal"):
            import_json(path, new)
        assert [a.text for a in new.agreements.list()] == ["Rest"]
    finally:
        new.lock()


def _with_agreements(rich_vault: Vault, agreements: Any, version: int = 4) -> dict[str, Any]:
    document = document_of(rich_vault.read_snapshot())
    document["version"] = version
    document["agreements"] = agreements
    return document


def _item(rich_vault: Vault, **changes: Any) -> dict[str, Any]:
    part = rich_vault.parts.list()[0]
    value: dict[str, Any] = {
        "id": "0b7a2f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "part_id": part.id, "entry_id": None,
        "text": "Step back", "made_at": "2026-03-20T19:30:00+00:00", "ends_on": None,
        "status": "open", "closed_at": None}
    value.update(changes)
    return value


HOSTILE: list[tuple[str, dict[str, Any], str, str]] = [
    ("control character", {"text": "bell\u0007"}, "agreements[0].text",
     "An agreement is one line, without invisible control characters."),
    ("a line break", {"text": "two\nlines"}, "agreements[0].text",
     "An agreement is one line, without invisible control characters."),
    ("a bidi override", {"text": "abc\u202edcb"}, "agreements[0].text",
     "An agreement contains invisible control characters."),
    ("501 characters", {"text": "x" * 501}, "agreements[0].text",
     "An agreement can be at most 500 characters; this one has 501."),
    ("empty", {"text": ""}, "agreements[0].text", "Write a few words of what was agreed."),
    ("padded", {"text": " Step back "}, "agreements[0].text",
     "This agreement starts or ends with spaces."),
    ("not text", {"text": 7}, "agreements[0].text", "This should be text."),
    ("markup stays words but a script tag is just text", {"text": "<script>x</script>"}, "", ""),
    ("unknown part", {"part_id": "11111111-2222-4333-8444-555555555555"},
     "agreements[0].part_id", "This agreement is with a part that is not in the file (only "
     "your own parts can have agreements)."),
    ("unknown entry", {"entry_id": "11111111-2222-4333-8444-555555555555"},
     "agreements[0].entry_id", "This agreement names an entry that is not in the file."),
    ("bad id", {"id": "x"}, "agreements[0].id", "“x” is not a valid id (a lowercase UUID)."),
    ("unknown status", {"status": "broken"}, "agreements[0].status",
     "“broken” is not one of: open, kept, released."),
    ("a time as the last day", {"ends_on": "2026-03-27T00:00:00+00:00"}, "agreements[0].ends_on",
     "“2026-03-27T00:00:00+00:00” is not a day written like 2026-03-01."),
    ("no such day", {"ends_on": "2026-02-30"}, "agreements[0].ends_on",
     "“2026-02-30” is not a day written like 2026-03-01."),
    ("a time without a zone", {"made_at": "2026-03-20T19:30:00"}, "agreements[0].made_at",
     "“2026-03-20T19:30:00” has no time zone; times are written like "
     "2026-03-01T09:30:00+00:00."),
    ("kept without a time", {"status": "kept"}, "agreements[0].closed_at",
     "A kept or let-go agreement says when, with a time zone."),
    ("open with a closing time", {"closed_at": "2026-03-21T08:00:00+00:00"},
     "agreements[0].closed_at", "An open agreement has not been closed yet."),
    ("an unknown key", {"colour": "red"}, "agreements[0]",
     "“colour” is not part of the export format."),
]


@pytest.mark.parametrize(("what", "changes", "where", "reason"), HOSTILE,
                         ids=[h[0] for h in HOSTILE])
def test_hostile_agreements_are_refused_with_their_place_and_nothing_is_written(
        rich_vault: Vault, tmp_path: Path, fast_kdf: KdfProfile, what: str,
        changes: dict[str, Any], where: str, reason: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(_with_agreements(rich_vault, [_item(rich_vault, **changes)])),
                    encoding="utf-8")
    new = new_vault(tmp_path, fast_kdf)
    try:
        if not where:  # markup is only words: kept exactly, never interpreted
            import_json(path, new)
            assert [a.text for a in new.agreements.list()] == [changes["text"]]
            return
        with pytest.raises(ImportRejected) as caught:
            import_json(path, new)
        assert caught.value.where == where
        assert caught.value.problem == reason
        assert new.is_empty()
    finally:
        new.lock()


def test_an_agreement_twice_and_a_peers_part_are_refused(rich_vault: Vault,
                                                        tmp_path: Path) -> None:
    twice = _with_agreements(rich_vault, [_item(rich_vault), _item(rich_vault)])
    path = tmp_path / "twice.json"
    path.write_text(json.dumps(twice), encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        read_export(path)
    assert (caught.value.where, caught.value.problem) == (
        "agreements[1].id", "This agreement id appears twice.")
    received = rich_vault.received.list()[0]
    peer = _with_agreements(rich_vault, [_item(rich_vault, part_id=received.id)])
    path.write_text(json.dumps(peer), encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        read_export(path)
    assert caught.value.where == "agreements[0].part_id"


@pytest.mark.parametrize("version", [1, 2, 3])
def test_the_key_in_an_older_version_is_refused(rich_vault: Vault, tmp_path: Path,
                                                version: int) -> None:
    document = _with_agreements(rich_vault, [_item(rich_vault)], version=version)
    if version >= 2:
        document["personal_words"] = [{"word": "Zorblat", "added_at": "2026-03-01T09:00:00+00:00"}]
    path = tmp_path / "old.json"
    path.write_bytes(to_json_bytes(document))
    with pytest.raises(ImportRejected) as caught:
        read_export(path)
    assert caught.value.where == "agreements"
    assert caught.value.problem == (f"A file with agreements says version 4; in version "
                                    f"{version} this key does not exist.")


def test_a_version_after_this_one_is_made_by_a_newer_version(rich_vault: Vault,
                                                             tmp_path: Path) -> None:
    from partsjournal.archive.json_export import VERSION

    path = tmp_path / "newer.json"
    path.write_text(json.dumps(_with_agreements(rich_vault, [], version=VERSION + 1)),
                    encoding="utf-8")
    with pytest.raises(JournalError, match="made by a newer version of Parts Journal"):
        read_export(path)


def test_the_markdown_folder_lists_each_parts_agreements_as_plain_words(
        rich_vault: Vault, tmp_path: Path) -> None:
    from partsjournal.archive.markdown_export import export_markdown

    made = record_agreements(rich_vault)
    loud = rich_vault.agreements.add(Agreement(
        made[0].part_id, "[click](file:///etc/passwd) *now*", made_at=CLOSED.replace(hour=9)))
    assert loud.text.startswith("[click]")
    folder = export_markdown(rich_vault, tmp_path / "out", tz=UTC).parent
    part = rich_vault.parts.get(made[0].part_id)
    page = next(folder.glob(f"parts/*-{part.id[:8]}.md")).read_text(encoding="utf-8")
    entry = rich_vault.entries.get(made[0].entry_id or "")
    section = page[page.index("## Agreements"):]
    lines = section.splitlines()[2:5]
    assert lines[0].startswith(f"- **Open:** {WORDS} (until 2026-03-27), made 2026-03-20 19:30 "
                               f"in [{entry.title}](../entries/")
    assert lines[1] == "- **Let go 2026-03-25:** Walk at lunch, made 2026-03-25 08:00"
    assert lines[2] == ("- **Open:** \\[click\\](file:///etc/passwd) \\*now\\*, made "
                        "2026-03-25 09:00")
    other = next(folder.glob(f"parts/*-{made[1].part_id[:8]}.md")).read_text(encoding="utf-8")
    assert ("- **Kept 2026-03-25:** Step back during presentations, made 2026-03-20 19:45"
            in other)
