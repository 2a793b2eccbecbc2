"""The person's own entry templates in the JSON export: out, back in, refused when hostile.

docs/export-format.md: the optional top-level ``entry_templates`` list (format version 3); a file
says the lowest version that reads it: 3 exactly when it holds own templates, else 2 when it
holds personal words, else 1. Defaults are not journal data and are never exported.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from partsjournal import cli
from partsjournal.archive.json_export import document_of, export_json, to_json_bytes
from partsjournal.archive.json_import import ImportRejected, import_json, read_export
from partsjournal.domain.model import EntryKind
from partsjournal.domain.templates import default_template
from partsjournal.errors import JournalError
from partsjournal.vault import Vault
from partsjournal.vault.keyslots import KdfProfile

from ...conftest import PASSPHRASE

WHEN = "2026-02-11T20:04:00+00:00"
CHECK_IN = "## Who is here?\n\nQ: What does the Critic want me to know?\t✓\r\nÄngstling 🌱\n"
THERAPY = "Q: " + "x" * 9_997  # exactly 10,000 characters: the longest template kept


def new_vault(tmp_path: Path, fast_kdf: KdfProfile, name: str = "new") -> Vault:
    vault, _ = Vault.create(tmp_path / name, PASSPHRASE, profile=fast_kdf)
    return vault


def stored_templates(vault: Vault) -> list[tuple[str, str, str]]:
    return [(str(r[0]), str(r[1]), str(r[2])) for r in vault.db.all(
        "SELECT kind, body, updated_at FROM entry_templates ORDER BY kind")]


def own_templates(vault: Vault) -> None:
    """A template of the person's own for three kinds (one empty: "start empty")."""
    vault.templates.set(EntryKind.THERAPY_SESSION, THERAPY)
    vault.templates.set(EntryKind.CHECK_IN, CHECK_IN)
    vault.templates.set(EntryKind.NOTE, "")
    vault.db.execute("UPDATE entry_templates SET updated_at = ? WHERE kind = 'check_in'", (WHEN,))


def test_own_templates_go_out_and_come_back_and_defaults_stay_defaults(
        rich_vault: Vault, tmp_path: Path, fast_kdf: KdfProfile) -> None:
    own_templates(rich_vault)
    assert len(THERAPY) == 10_000
    first = export_json(rich_vault, tmp_path / "first.json")
    document = json.loads(first.read_text(encoding="utf-8"))
    assert document["version"] == 3
    assert list(document)[-1] == "entry_templates"
    assert "personal_words" not in document
    # By the kind's value, with their times; only the person's own, never the defaults.
    assert [t["kind"] for t in document["entry_templates"]] == [
        "check_in", "note", "therapy_session"]
    assert document["entry_templates"][0] == {"kind": "check_in", "body": CHECK_IN,
                                              "updated_at": WHEN}
    assert document["entry_templates"][1]["body"] == ""
    assert document["entry_templates"][2]["body"] == THERAPY
    assert all(set(t) == {"kind", "body", "updated_at"} for t in document["entry_templates"])

    new = new_vault(tmp_path, fast_kdf)
    try:
        import_json(first, new)
        assert stored_templates(new) == stored_templates(rich_vault)
        assert ("check_in", CHECK_IN, WHEN) in stored_templates(new)
        assert new.templates.get(EntryKind.CHECK_IN) == CHECK_IN
        assert new.templates.get(EntryKind.THERAPY_SESSION) == THERAPY
        assert new.templates.is_custom(EntryKind.NOTE)
        assert new.templates.get(EntryKind.NOTE) == ""
        for kind in (EntryKind.SOLO_SESSION, EntryKind.PEER_SESSION):
            assert not new.templates.is_custom(kind)
            assert new.templates.get(kind) == default_template(kind)
        # Exported again: the same file, byte for byte, apart from exported_at.
        second = export_json(new, tmp_path / "second.json")
        strip = re.compile(rb'  "exported_at": "[^"]+",\n')
        assert strip.sub(b"", first.read_bytes()) == strip.sub(b"", second.read_bytes())
    finally:
        new.lock()


def test_the_version_is_the_lowest_that_reads_the_file(rich_vault: Vault) -> None:
    document = document_of(rich_vault.read_snapshot())
    assert document["version"] == 1
    assert "personal_words" not in document and "entry_templates" not in document

    rich_vault.dictionary.add("Zorblat")
    document = document_of(rich_vault.read_snapshot())
    assert document["version"] == 2
    assert list(document)[-1] == "personal_words" and "entry_templates" not in document

    rich_vault.templates.set(EntryKind.PEER_SESSION, "## Ours\n")
    document = document_of(rich_vault.read_snapshot())
    assert document["version"] == 3
    assert list(document)[-2:] == ["personal_words", "entry_templates"]
    assert [t["kind"] for t in document["entry_templates"]] == ["peer_session"]

    rich_vault.dictionary.remove("Zorblat")
    document = document_of(rich_vault.read_snapshot())
    assert document["version"] == 3
    assert "personal_words" not in document and list(document)[-1] == "entry_templates"

    rich_vault.templates.reset(EntryKind.PEER_SESSION)  # back to the default: none of their own
    document = document_of(rich_vault.read_snapshot())
    assert document["version"] == 1 and "entry_templates" not in document


def test_words_and_templates_both_travel(rich_vault: Vault, tmp_path: Path,
                                         fast_kdf: KdfProfile) -> None:
    rich_vault.dictionary.add_many(["Zorblat", "exilic"])
    own_templates(rich_vault)
    path = export_json(rich_vault, tmp_path / "both.json")
    new = new_vault(tmp_path, fast_kdf)
    try:
        import_json(path, new)
        assert new.dictionary.list() == ["exilic", "Zorblat"]
        assert stored_templates(new) == stored_templates(rich_vault)
    finally:
        new.lock()


@pytest.mark.parametrize("version", [1, 2, 3])
def test_a_file_without_the_key_imports_with_the_defaults(
        rich_vault: Vault, tmp_path: Path, fast_kdf: KdfProfile, version: int) -> None:
    document = document_of(rich_vault.read_snapshot())
    assert "entry_templates" not in document and document["version"] == 1
    document["version"] = version
    path = tmp_path / f"v{version}.json"
    path.write_bytes(to_json_bytes(document))
    new = new_vault(tmp_path, fast_kdf)
    try:
        import_json(path, new)
        assert stored_templates(new) == []
        assert all(not new.templates.is_custom(kind) for kind in EntryKind)
        assert new.parts.list()
    finally:
        new.lock()


def _with_templates(rich_vault: Vault, templates: Any, version: int = 3) -> dict[str, Any]:
    document = document_of(rich_vault.read_snapshot())
    document["version"] = version
    document["entry_templates"] = templates
    return document


def _template(kind: Any = "check_in", body: Any = "## Who is here?\n",
              updated_at: Any = WHEN) -> dict[str, Any]:
    return {"kind": kind, "body": body, "updated_at": updated_at}


_OK = [_template("solo_session"), _template("note", "")]

HOSTILE: list[tuple[str, list[Any], str, str]] = [
    ("control character", [*_OK, _template(body="bell\u0007")], "entry_templates[2].body",
     "The template contains invisible control characters."),
    ("nul", [_template(body="a\u0000b")], "entry_templates[0].body",
     "The template contains invisible control characters."),
    ("escape", [_template(body="\u001b[31mred")], "entry_templates[0].body",
     "The template contains invisible control characters."),
    ("C1 control", [_template(body="a\u0085b")], "entry_templates[0].body",
     "The template contains invisible control characters."),
    ("10,001 characters", [*_OK, _template(body="x" * 10_001)], "entry_templates[2].body",
     "A template can be at most 10,000 characters; this one has 10,001. A template is a "
     "starting point: keep it short."),
    ("body not text", [_template(body=None)], "entry_templates[0].body",
     "This should be text."),
    ("unknown kind", [_template(kind="dream")], "entry_templates[0].kind",
     "“dream” is not one of: solo_session, therapy_session, peer_session, check_in, note."),
    ("kind in capitals", [_template(kind="CHECK_IN")], "entry_templates[0].kind",
     "“CHECK_IN” is not one of: solo_session, therapy_session, peer_session, check_in, "
     "note."),
    ("kind not text", [_template(kind=1)], "entry_templates[0].kind", "This should be text."),
    ("the same kind twice", [*_OK, _template("note", "again")], "entry_templates[2].kind",
     "A template for this kind appears twice."),
    ("naive time", [_template(updated_at="2026-02-11T20:04:00")],
     "entry_templates[0].updated_at",
     "“2026-02-11T20:04:00” has no time zone; times are written like "
     "2026-03-01T09:30:00+00:00."),
    ("not a time", [_template(updated_at="yesterday")], "entry_templates[0].updated_at",
     "“yesterday” is not a date and time (ISO 8601)."),
    ("unknown key", [{**_template(), "title": "x"}], "entry_templates[0]",
     "“title” is not part of the export format."),
    ("missing key", [{"kind": "note", "body": ""}], "entry_templates[0]",
     "“updated_at” is missing."),
    ("a bare string", ["## Who is here?"], "entry_templates[0]",
     "This should be an object ({…})."),
]


@pytest.mark.parametrize(("templates", "where", "problem"),
                         [(t, w, p) for _, t, w, p in HOSTILE],
                         ids=[name for name, _, _, _ in HOSTILE])
def test_a_hostile_template_is_refused_with_its_place_and_nothing_is_written(
        rich_vault: Vault, tmp_path: Path, fast_kdf: KdfProfile, templates: list[Any],
        where: str, problem: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(_with_templates(rich_vault, templates)), encoding="utf-8")
    new = new_vault(tmp_path, fast_kdf)
    try:
        with pytest.raises(ImportRejected) as caught:
            import_json(path, new)
        assert str(caught.value) == (f"This export file can't be imported. At {where}: "
                                     f"{problem} Nothing was imported.")
        assert caught.value.where == where
        assert new.is_empty() and stored_templates(new) == []
        assert new.parts.list() == [] and new.entries.count() == 0
    finally:
        new.lock()


def test_the_list_itself_must_be_a_list(rich_vault: Vault, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(_with_templates(rich_vault, {"check_in": "## Who?"})),
                    encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        read_export(path)
    assert str(caught.value) == ("This export file can't be imported. At entry_templates: "
                                 "This should be a list ([…]). Nothing was imported.")


@pytest.mark.parametrize("version", [1, 2])
def test_an_older_version_may_not_hold_templates(rich_vault: Vault, tmp_path: Path,
                                                 fast_kdf: KdfProfile, version: int) -> None:
    """Version 2 never had the key: a file holding it says 3 (a version-2 reader refuses it)."""
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(_with_templates(rich_vault, [_template()], version=version)),
                    encoding="utf-8")
    new = new_vault(tmp_path, fast_kdf)
    try:
        with pytest.raises(ImportRejected) as caught:
            import_json(path, new)
        assert str(caught.value) == (
            "This export file can't be imported. At entry_templates: A file with own entry "
            f"templates says version 3; in version {version} this key does not exist. Nothing "
            "was imported.")
        assert new.is_empty() and stored_templates(new) == []
    finally:
        new.lock()


def test_a_version_2_file_with_words_and_templates_is_refused_at_the_templates(
        rich_vault: Vault, tmp_path: Path) -> None:
    document = _with_templates(rich_vault, [_template()], version=2)
    document["personal_words"] = [{"word": "Zorblat", "added_at": WHEN}]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        read_export(path)
    assert caught.value.where == "entry_templates"
    assert "says version 3; in version 2 this key does not exist." in str(caught.value)


def test_a_newer_version_is_refused_as_newer(rich_vault: Vault, tmp_path: Path,
                                             fast_kdf: KdfProfile) -> None:
    path = tmp_path / "newer.json"
    path.write_text(json.dumps(_with_templates(rich_vault, [_template()], version=9)),
                    encoding="utf-8")
    new = new_vault(tmp_path, fast_kdf)
    try:
        with pytest.raises(JournalError) as caught:
            import_json(path, new)
        assert str(caught.value) == (
            "This export was made by a newer version of Parts Journal. Update Parts Journal, "
            "then import it again. Nothing was imported.")
        assert new.is_empty()
    finally:
        new.lock()


def test_a_journal_holding_only_an_own_template_is_not_empty_and_is_not_merged_into(
        rich_vault: Vault, tmp_path: Path, fast_kdf: KdfProfile) -> None:
    own_templates(rich_vault)
    path = export_json(rich_vault, tmp_path / "export.json")
    new = new_vault(tmp_path, fast_kdf)
    try:
        assert new.is_empty()
        new.templates.set(EntryKind.CHECK_IN, "Mine")
        assert not new.is_empty()
        with pytest.raises(JournalError, match="only be imported into a new, empty journal"):
            import_json(path, new)
        assert [(k, b) for k, b, _ in stored_templates(new)] == [("check_in", "Mine")]
        assert new.parts.list() == []
        new.templates.reset(EntryKind.CHECK_IN)
        assert new.is_empty()
    finally:
        new.lock()


def test_the_command_line_carries_them_too(tmp_path: Path, fast_kdf: KdfProfile,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASSPHRASE + "\n")
    old = new_vault(tmp_path, fast_kdf, "old")
    try:
        own_templates(old)
    finally:
        old.lock()
    out = tmp_path / "all.json"
    assert cli.main(["export", "--vault", str(tmp_path / "old"), "--passphrase-file",
                     str(passfile), "--format", "json", "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == 3
    moved = tmp_path / "moved"
    assert cli.main(["import-json", "--vault", str(moved), "--passphrase-file", str(passfile),
                     str(out)]) == 0
    capsys.readouterr()
    new = Vault.unlock(moved, PASSPHRASE, auto_backup=False)
    try:
        assert new.templates.get(EntryKind.CHECK_IN) == CHECK_IN
        assert new.templates.get(EntryKind.THERAPY_SESSION) == THERAPY
        assert new.templates.is_custom(EntryKind.NOTE)
        assert not new.templates.is_custom(EntryKind.SOLO_SESSION)
    finally:
        new.lock()

    document = json.loads(out.read_text(encoding="utf-8"))
    document["entry_templates"][0]["body"] = "bell\u0007"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    never = tmp_path / "never"
    assert cli.main(["import-json", "--vault", str(never), "--passphrase-file", str(passfile),
                     str(bad)]) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "At entry_templates[0].body: The template contains invisible control characters." \
        in err
    assert not never.exists()
