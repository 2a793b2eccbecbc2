"""The personal spelling words in the JSON export: out, back in, refused when hostile.

docs/export-format.md: the optional top-level ``personal_words`` list (format version 2); a file
without it is a version-1 file, and older exports still import.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from partsjournal.archive.json_export import document_of, export_json, to_json_bytes
from partsjournal.archive.json_import import ImportRejected, import_json
from partsjournal.errors import JournalError
from partsjournal.vault import Vault
from partsjournal.vault.keyslots import KdfProfile
from partsjournal.vault.snapshot import PersonalWord

from ...conftest import PASSPHRASE

WORDS = ["Zorblat", "exilic", "Ängstling", "IFS-ish", "y" * 100]


def new_vault(tmp_path: Path, fast_kdf: KdfProfile, name: str = "new") -> Vault:
    vault, _ = Vault.create(tmp_path / name, PASSPHRASE, profile=fast_kdf)
    return vault


def stored_words(vault: Vault) -> list[tuple[str, str]]:
    return sorted((str(r[0]), str(r[1]))
                  for r in vault.db.all("SELECT word, added_at FROM personal_words"))


def test_words_go_out_and_come_back_with_their_times(rich_vault: Vault, tmp_path: Path,
                                                     fast_kdf: KdfProfile) -> None:
    rich_vault.dictionary.add_many(WORDS)
    rich_vault.db.execute("UPDATE personal_words SET added_at = '2025-12-24T18:30:00+00:00' "
                          "WHERE word = 'Zorblat'")
    first = export_json(rich_vault, tmp_path / "first.json")
    document = json.loads(first.read_text(encoding="utf-8"))
    assert document["version"] == 2
    assert list(document)[-1] == "personal_words"
    # Alphabetical, ignoring case, as the dictionary lists them.
    assert [w["word"] for w in document["personal_words"]] == rich_vault.dictionary.list() == [
        "exilic", "IFS-ish", "y" * 100, "Zorblat", "Ängstling"]
    assert {"word": "Zorblat", "added_at": "2025-12-24T18:30:00+00:00"} in \
        document["personal_words"]

    new = new_vault(tmp_path, fast_kdf)
    try:
        import_json(first, new)
        assert stored_words(new) == stored_words(rich_vault)
        assert ("Zorblat", "2025-12-24T18:30:00+00:00") in stored_words(new)
        assert new.dictionary.list() == rich_vault.dictionary.list()
        assert "Ängstling" in new.dictionary
        # Exported again: the same file, byte for byte, apart from exported_at.
        second = export_json(new, tmp_path / "second.json")
        strip = re.compile(rb'  "exported_at": "[^"]+",\n')
        assert strip.sub(b"", first.read_bytes()) == strip.sub(b"", second.read_bytes())
    finally:
        new.lock()


def test_a_journal_without_words_writes_a_version_1_file(rich_vault: Vault) -> None:
    document = document_of(rich_vault.read_snapshot())
    assert document["version"] == 1
    assert "personal_words" not in document


def test_an_older_export_without_the_key_imports(rich_vault: Vault, tmp_path: Path,
                                                 fast_kdf: KdfProfile) -> None:
    document = document_of(rich_vault.read_snapshot())
    assert "personal_words" not in document and document["version"] == 1
    path = tmp_path / "old.json"
    path.write_bytes(to_json_bytes(document))
    new = new_vault(tmp_path, fast_kdf)
    try:
        result = import_json(path, new)
        assert result.entries == rich_vault.entries.count()
        assert stored_words(new) == []
        assert new.dictionary.list() == []
    finally:
        new.lock()


def test_a_version_2_file_without_the_key_imports_too(rich_vault: Vault, tmp_path: Path,
                                                      fast_kdf: KdfProfile) -> None:
    document = document_of(rich_vault.read_snapshot())
    document["version"] = 2
    path = tmp_path / "v2.json"
    path.write_bytes(to_json_bytes(document))
    new = new_vault(tmp_path, fast_kdf)
    try:
        import_json(path, new)
        assert stored_words(new) == []
        assert new.parts.list()
    finally:
        new.lock()


def _with_words(rich_vault: Vault, words: Any, version: int = 2) -> dict[str, Any]:
    document = document_of(rich_vault.read_snapshot())
    document["version"] = version
    document["personal_words"] = words
    return document


def _word(text: Any, added_at: Any = "2026-03-01T09:30:00+00:00") -> dict[str, Any]:
    return {"word": text, "added_at": added_at}


HOSTILE: list[tuple[str, list[Any], str]] = [
    ("control character", [_word("ok"), _word("bell\u0007")],
     "At personal_words[1].word: Add one word at a time, without spaces or invisible "
     "characters."),
    ("space inside", [_word("two words")],
     "At personal_words[0].word: Add one word at a time, without spaces or invisible "
     "characters."),
    ("line break", [_word("line\nbreak")], "At personal_words[0].word: Add one word at a time"),
    ("zero-width space", [_word("zero\u200bwidth")],
     "At personal_words[0].word: Add one word at a time"),
    ("bidi override", [_word("abc\u202edef")], "At personal_words[0].word: Add one word"),
    ("101 characters", [_word("x" * 101)],
     "At personal_words[0].word: A word can be at most 100 characters long."),
    ("padded", [_word(" Zorblat")],
     "At personal_words[0].word: This word starts or ends with spaces."),
    ("empty", [_word("")], "At personal_words[0].word: This word is empty."),
    ("not NFC", [_word("A\u0308ngstling")],
     "At personal_words[0].word: This word is not in the Unicode form (NFC)"),
    ("not text", [_word(42)], "At personal_words[0].word: This should be text."),
    ("twice", [_word("Zorblat"), _word("Zorblat")],
     "At personal_words[1].word: This word appears twice."),
    ("naive time", [_word("Zorblat", "2026-03-01T09:30:00")],
     "At personal_words[0].added_at: “2026-03-01T09:30:00” has no time zone"),
    ("unknown key", [{"word": "Zorblat", "added_at": "2026-03-01T09:30:00+00:00", "x": 1}],
     "At personal_words[0]: “x” is not part of the export format."),
    ("a bare string", ["Zorblat"], "At personal_words[0]: This should be an object"),
]


@pytest.mark.parametrize(("words", "message"), [(w, m) for _, w, m in HOSTILE],
                         ids=[name for name, _, _ in HOSTILE])
def test_a_hostile_word_is_refused_and_nothing_is_written(
        rich_vault: Vault, tmp_path: Path, fast_kdf: KdfProfile, words: list[Any],
        message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(_with_words(rich_vault, words)), encoding="utf-8")
    new = new_vault(tmp_path, fast_kdf)
    try:
        with pytest.raises(ImportRejected) as caught:
            import_json(path, new)
        assert message in str(caught.value)
        assert str(caught.value).startswith("This export file can't be imported.")
        assert str(caught.value).endswith("Nothing was imported.")
        assert new.is_empty() and stored_words(new) == []
    finally:
        new.lock()


def test_the_list_itself_must_be_a_list(rich_vault: Vault, tmp_path: Path,
                                        fast_kdf: KdfProfile) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(_with_words(rich_vault, {"Zorblat": 1})),
                    encoding="utf-8")
    new = new_vault(tmp_path, fast_kdf)
    try:
        with pytest.raises(ImportRejected, match=r"At personal_words: This should be a list"):
            import_json(path, new)
    finally:
        new.lock()


def test_a_version_1_file_may_not_hold_words(rich_vault: Vault, tmp_path: Path,
                                             fast_kdf: KdfProfile) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(_with_words(rich_vault, [_word("Zorblat")], version=1)),
                    encoding="utf-8")
    new = new_vault(tmp_path, fast_kdf)
    try:
        with pytest.raises(ImportRejected) as caught:
            import_json(path, new)
        assert "At personal_words: A file with personal words says version 2" in \
            str(caught.value)
        assert new.is_empty()
    finally:
        new.lock()


def test_a_newer_version_is_refused_as_newer(rich_vault: Vault, tmp_path: Path,
                                             fast_kdf: KdfProfile) -> None:
    path = tmp_path / "newer.json"
    path.write_text(json.dumps(_with_words(rich_vault, [_word("Zorblat")], version=9)),
                    encoding="utf-8")
    new = new_vault(tmp_path, fast_kdf)
    try:
        with pytest.raises(JournalError, match="made by a newer version of Parts Journal"):
            import_json(path, new)
        assert new.is_empty()
    finally:
        new.lock()


def test_a_journal_holding_only_words_is_not_empty_and_is_not_merged_into(
        rich_vault: Vault, tmp_path: Path, fast_kdf: KdfProfile) -> None:
    path = export_json(rich_vault, tmp_path / "export.json")
    new = new_vault(tmp_path, fast_kdf)
    try:
        assert new.is_empty()
        new.dictionary.add("Mine")
        assert not new.is_empty()
        with pytest.raises(JournalError, match="only be imported into a new, empty journal"):
            import_json(path, new)
        assert stored_words(new)[0][0] == "Mine" and len(stored_words(new)) == 1
        assert new.parts.list() == []
    finally:
        new.lock()


def test_the_snapshot_holds_the_words_in_dictionary_order(rich_vault: Vault) -> None:
    rich_vault.dictionary.add_many(["beta", "Alpha", "alpha"])
    words = rich_vault.read_snapshot().personal_words
    assert [w.word for w in words] == ["Alpha", "alpha", "beta"] == rich_vault.dictionary.list()
    assert all(isinstance(w, PersonalWord) and w.added_at.tzinfo is not None for w in words)
    assert all(w.added_at <= datetime.now(UTC) for w in words)
