from __future__ import annotations

import base64
import copy
import json
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from partsjournal.archive.json_export import document_of, export_json
from partsjournal.archive.json_import import ImportRejected, import_json, read_export
from partsjournal.archive.markdown_export import export_markdown
from partsjournal.domain.model import Part, Role
from partsjournal.errors import JournalError
from partsjournal.vault import Vault
from partsjournal.vault.keyslots import KdfProfile

from ...conftest import PASSPHRASE


def rows(vault: Vault) -> dict[str, list[str]]:
    """Every row of every content table (not the identity and meta, which are the vault's own)."""
    tables = [r[0] for r in vault.db.all(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' "
        "AND name NOT LIKE 'sqlite_%' AND name NOT IN ('identity', 'meta') ORDER BY name")]
    return {t: sorted(map(repr, vault.db.all(f"SELECT * FROM {t}"))) for t in tables}


def new_vault(tmp_path: Path, fast_kdf: KdfProfile, name: str = "new") -> Vault:
    vault, _ = Vault.create(tmp_path / name, PASSPHRASE, profile=fast_kdf)
    return vault


def test_json_round_trip_is_identical(rich_vault: Vault, tmp_path: Path,
                                      fast_kdf: KdfProfile) -> None:
    first = export_json(rich_vault, tmp_path / "first.json")
    new = new_vault(tmp_path, fast_kdf)
    try:
        result = import_json(first, new)
        assert (result.parts, result.peers, result.received_parts) == (12, 1, 2)
        second = export_json(new, tmp_path / "second.json")
        a, b = json.loads(first.read_bytes()), json.loads(second.read_bytes())
        assert a.pop("exported_at") and b.pop("exported_at")
        assert a == b
        # Byte for byte too, apart from that one line.
        strip = re.compile(rb'  "exported_at": "[^"]+",\n')
        assert strip.sub(b"", first.read_bytes()) == strip.sub(b"", second.read_bytes())
        # And the stored rows themselves are the same.
        assert rows(new) == rows(rich_vault)
        assert new.identity.get().display_name == "Ada"
        # Peer, verification and replay protection came across and still work.
        peer = new.peers.list()[0]
        assert peer.verified and peer.fingerprint == rich_vault.peers.list()[0].fingerprint
        bundle = rich_vault.db.one("SELECT peer_id, bundle_id FROM received_bundles")
        assert bundle is not None and new.received.has_bundle(*bundle)
        # The search index was filled by the triggers.
        assert new.db.scalar("SELECT count(*) FROM entries_fts WHERE entries_fts MATCH 'weekly'")
    finally:
        new.lock()


def test_everything_is_in_the_export_but_the_private_keys(rich_vault: Vault,
                                                          tmp_path: Path) -> None:
    path = export_json(rich_vault, tmp_path / "export.json")
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "parts-journal-export" and document["version"] == 1
    assert [len(document[k]) for k in ("parts", "peers", "received_parts", "received_relations",
                                       "received_bundles", "share_log")] == [12, 1, 2, 1, 1, 1]
    assert len(document["entries"]) == rich_vault.entries.count()
    placed = [p for p in document["parts"] if p["map_position"]]
    assert sorted((p["map_position"]["x"], p["map_position"]["y"]) for p in placed) == [
        (12.5, -40.25), (300.0, 0.1)]
    critic = next(p for p in document["parts"] if p["name"] == "The Critic")
    assert [e["stage"] for e in critic["stage_history"]] == [
        e.stage.value for e in rich_vault.parts.history(critic["id"])]
    peer_entry = next(e for e in document["entries"] if e["title"] == "With Ben")
    assert peer_entry["my_role"] == "companion" and peer_entry["planned_minutes"] == 60
    assert peer_entry["parts"][1]["received_part_id"] and peer_entry["parts"][1]["name"] == "Guard"
    assert peer_entry["qualities"] == {"calm": 5, "connectedness": 8}
    text = path.read_text(encoding="utf-8")
    kem, auth = rich_vault.db.one("SELECT kem_private, auth_private FROM identity")  # type: ignore[misc]
    for secret in (kem, auth):
        for form in (secret.hex(), base64.b64encode(secret).decode(),
                     base64.urlsafe_b64encode(secret).decode().rstrip("=")):
            assert form not in text
    assert "private" not in text.lower().replace("keep it somewhere private", "")


def test_markdown_folder(rich_vault: Vault, tmp_path: Path) -> None:
    rich_vault.parts.add(Part(name="# Loud <b>one</b> ![x](file:///etc/passwd)",
                              role=Role.FIREFIGHTER, job="* not a list\n1. nor this"))
    index = export_markdown(rich_vault, tmp_path / "out")
    folder = index.parent
    pages = {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}
    assert len([p for p in pages if p.startswith("parts/")]) == 13
    assert len([p for p in pages if p.startswith("received/")]) == 2
    assert len([p for p in pages if p.startswith("entries/")]) == rich_vault.entries.count()
    text = index.read_text(encoding="utf-8")
    assert "**These files are not encrypted.**" in text
    links = re.findall(r"\]\(((?:parts|received|entries)/[^)]+)\)", text)
    assert set(links) == pages - {"index.md"}  # every page is linked, every link exists
    loud = next(folder.glob("parts/loud-b-one-b-x-file-etc-passwd-*.md")).read_text()
    assert loud.startswith("# \\# Loud \\<b>one\\</b> !\\[x\\](file:///etc/passwd)\n")
    assert "\\* not a list  \n1\\. nor this" in loud
    entry = next(folder.glob("entries/2026-03-20-with-ben-*.md")).read_text()
    assert "We met.\nQ: Should we meet weekly?" in entry  # the body is copied verbatim
    assert re.search(r"  - \[Guard\]\(\.\./received/ben-guard-[0-9a-f]{8}\.md\): Ben's guard",
                     entry)
    assert "## Agreements\n\nConfidential." in entry
    guard = next(folder.glob("received/ben-guard-*.md")).read_text()
    assert "Shared with you by Ben, revision 1" in guard and "keeps watch  \nalways" in guard
    if os.name == "posix":
        assert stat.S_IMODE(index.stat().st_mode) == 0o600
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    with pytest.raises(JournalError, match="not an empty folder"):
        export_markdown(rich_vault, folder)


def test_refuses_to_overwrite_and_to_import_into_a_used_journal(
        rich_vault: Vault, tmp_path: Path) -> None:
    path = export_json(rich_vault, tmp_path / "export.json")
    with pytest.raises(JournalError, match="already exists"):
        export_json(rich_vault, path)
    export_json(rich_vault, path, overwrite=True)
    before = rows(rich_vault)
    with pytest.raises(JournalError, match="new, empty journal"):
        import_json(path, rich_vault)
    assert rows(rich_vault) == before


Mutation = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = doc
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        if value is _DELETE:
            del target[last]
        else:
            target[int(last) if last.isdigit() else last] = value
    return mutate


_DELETE = object()


def _duplicate_part(doc: dict[str, Any]) -> None:
    doc["parts"].append(copy.deepcopy(doc["parts"][0]))


def _dangling_presence(doc: dict[str, Any]) -> None:
    entry = next(e for e in doc["entries"] if e["parts"])
    entry["parts"][0]["part_id"] = "00000000-0000-4000-8000-000000000000"


def _peer_fields_on_a_note(doc: dict[str, Any]) -> None:
    entry = next(e for e in doc["entries"] if e["kind"] == "note")
    entry["my_role"] = "explorer"


BAD_DOCUMENTS: list[tuple[str, Mutation, str]] = [
    ("wrong format", _set("format", "something-else"), "not a Parts Journal export"),
    ("newer version", _set("version", 9), "newer version of Parts Journal"),
    ("version as text", _set("version", "1"),
     "At version: The version must be 1, 2, 3, 4, 5, 6, 7 or 8."),
    ("version 0", _set("version", 0), "At version: The version must be 1, 2, 3, 4, 5, 6, 7 or 8."),
    ("missing key", _set("entries.0.body", _DELETE), "At entries[0]: “body” is missing."),
    ("unknown key", _set("parts.0.mood", "x"), "At parts[0]: “mood” is not part of the export"),
    ("bad kind", _set("entries.0.kind", "dream"),
     "At entries[0].kind: “dream” is not one of: solo_session, therapy_session"),
    ("bad id", _set("parts.0.id", "not-an-id"), "At parts[0].id: “not-an-id” is not a valid id"),
    ("naive time", _set("entries.0.occurred_at", "2026-03-01T09:30:00"),
     "At entries[0].occurred_at: “2026-03-01T09:30:00” has no time zone"),
    ("not a time", _set("parts.0.created_at", "yesterday"), "is not a date and time"),
    ("rating too high", _set("entries.0.self_energy", 11),
     "At entries[0].self_energy: 11 is out of range (0 to 10)."),
    ("bool as number", _set("parts.0.trust_in_self", True), "should be a whole number"),
    ("control characters", _set("parts.0.name", "Crit\u0007ic"), "invisible control characters"),
    ("name too long", _set("parts.0.name", "x" * 201), "at most 200 characters"),
    ("empty name", _set("parts.0.name", ""), "can't be empty"),
    ("padded name", _set("parts.0.name", " Critic"), "starts or ends with spaces"),
    ("bad colour", _set("parts.0.color", "red"), "A colour is written as #rrggbb."),
    ("duplicate part", _duplicate_part, "This part id appears twice."),
    ("dangling relation", _set("relations.0.to_part_id", "00000000-0000-4000-8000-000000000000"),
     "At relations[0].to_part_id: No part in this file has this id."),
    ("dangling presence", _dangling_presence, "No part in this file has this id."),
    ("peer fields on a note", _peer_fields_on_a_note, "Only a peer session has this"),
    ("fingerprint mismatch", _set("peers.0.fingerprint", "ab" * 32),
     "At peers[0].fingerprint: It doesn't match the keys on the peer's card."),
    ("damaged card", _set("peers.0.card", "-----BEGIN PARTS JOURNAL CONTACT CARD-----\nAAAA\n"),
     "At peers[0].card:"),
    ("verified without a time", _set("peers.0.verified_at", None), "A verified peer has"),
    ("unknown shared field", _set("received_parts.0.fields.mood", "x"),
     "“mood” is not a field of a part"),
    ("entries not a list", _set("entries", {}), "At entries: This should be a list"),
    ("unknown quality", _set("entries.0.qualities", {"calmness": 3}), "not one of the 8 C's"),
]


@pytest.mark.parametrize(("mutate", "message"), [(m, msg) for _, m, msg in BAD_DOCUMENTS],
                         ids=[name for name, _, _ in BAD_DOCUMENTS])
def test_malformed_exports_are_refused_clearly_and_nothing_is_written(
        rich_vault: Vault, tmp_path: Path, fast_kdf: KdfProfile, mutate: Mutation,
        message: str) -> None:
    document = document_of(rich_vault.read_snapshot())
    mutate(document)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    new = new_vault(tmp_path, fast_kdf)
    try:
        with pytest.raises(JournalError) as caught:
            import_json(path, new)
        assert message in str(caught.value)
        assert str(caught.value).endswith("Nothing was imported.")
        assert new.is_empty()
    finally:
        new.lock()


@pytest.mark.parametrize(("content", "message"), [
    (b"", "It is not valid JSON (line 1, column 1"),
    (b'{"format": "parts-journal-export", "version": 1, "parts": [', "not valid JSON"),
    (b"\xff\xfe{}", "not UTF-8 text"),
    (b"[1, 2]", "not an object"),
    (b'{"format": "parts-journal-export", "format": "x"}', "“format” appears twice"),
    (b'{"format": NaN}', "NaN"),
])
def test_files_that_are_not_exports(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(ImportRejected, match=re.escape(message)):
        read_export(path)


def test_markdown_export_into_an_empty_folder_keeps_its_permissions(rich_vault: Vault,
                                                                    tmp_path: Path) -> None:
    import os

    chosen = tmp_path / "shared-with-my-therapist"
    chosen.mkdir()
    os.chmod(chosen, 0o755)
    export_markdown(rich_vault, chosen)
    assert chosen.stat().st_mode & 0o777 == 0o755  # the person's folder, left as it was
    assert (chosen / "entries").stat().st_mode & 0o777 == 0o700  # what we made is private


def _hits(vault: Vault, query: str) -> list[tuple[str, str, float, str]]:
    return sorted((hit.kind.value, hit.id, round(hit.rank, 9), hit.snippet)
                  for hit in vault.search.search(query, limit=500, complete=True))


def test_the_search_index_after_an_import_is_the_one_normal_writes_build(
        rich_vault: Vault, tmp_path: Path, fast_kdf: KdfProfile) -> None:
    """The import builds the full-text indexes once at the end instead of row by row: every
    query finds the same parts and entries with the same ranks and snippets, FTS5's own
    integrity check passes, and the index triggers are back for the writes that follow."""
    path = export_json(rich_vault, tmp_path / "export.json")
    new = new_vault(tmp_path, fast_kdf)
    try:
        import_json(path, new)
        for query in ("critic", "weekly", "Guard", "the", "protect", "sham", "Q", "xyzzy"):
            assert _hits(new, query) == _hits(rich_vault, query), query
        assert _hits(new, "weekly") and _hits(new, "critic")
        assert new.check().problems == []
        triggers = {r[0] for r in new.db.all(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert triggers == {r[0] for r in rich_vault.db.all(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        new.parts.add(Part(name="Lighthouse keeper", role=Role.MANAGER))
        critic = next(p for p in new.parts.list() if p.name == "The Critic")
        critic.job = "Guards the quillwort garden"
        new.parts.update(critic)
        assert [h.title for h in new.search.search("lighthouse")] == ["Lighthouse keeper"]
        assert [h.title for h in new.search.search("quillwort")] == ["The Critic"]
    finally:
        new.lock()


def test_a_failed_write_leaves_the_journal_empty_with_its_index_triggers(
        rich_vault: Vault, tmp_path: Path, fast_kdf: KdfProfile) -> None:
    """A failure half-way through the write (here: the disk refusing the last statements)
    rolls everything back, the dropped index triggers included."""
    snapshot = rich_vault.read_snapshot()
    new = new_vault(tmp_path, fast_kdf)
    try:
        before = new.db.all("SELECT name, sql FROM sqlite_master ORDER BY name")
        seen: list[tuple[int, int]] = []

        def progress(done: int, total: int) -> None:
            seen.append((done, total))
            if done == total:
                raise JournalError("The disk is full.")

        with pytest.raises(JournalError, match="disk is full"):
            new.write_snapshot(snapshot, progress)
        assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1]
        assert new.is_empty()
        assert new.db.all("SELECT name, sql FROM sqlite_master ORDER BY name") == before
        assert new.db.scalar("SELECT count(*) FROM entries_fts") == 0
        new.write_snapshot(snapshot)  # and it can still be imported afterwards
        assert new.entries.count() == rich_vault.entries.count()
        assert _hits(new, "weekly") == _hits(rich_vault, "weekly")
    finally:
        new.lock()


def test_the_snapshot_reads_every_entry_as_the_journal_shows_it(rich_vault: Vault) -> None:
    """Entries are read in bulk for speed; each must equal what opening it shows."""
    snapshot = rich_vault.read_snapshot()
    listed = rich_vault.entries.list()
    assert len(snapshot.entries) == len(listed) > 10
    expected = sorted((rich_vault.entries.get(s.id) for s in listed),
                      key=lambda e: (e.occurred_at, e.id))
    assert snapshot.entries == expected
    with_ben = next(e for e in snapshot.entries if e.title == "With Ben")
    assert with_ben.peer_name == "Ben" and [p.name for p in with_ben.parts][1] == "Guard"
