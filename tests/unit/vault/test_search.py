from __future__ import annotations

from datetime import UTC, datetime, timedelta

from partsjournal.domain import Entry, EntryKind, Part, PartPresence, Role
from partsjournal.vault import Vault
from partsjournal.vault.entries import EntryFilter
from partsjournal.vault.search import HitKind, fts_query, split_highlights


def test_query_building_is_safe() -> None:
    assert fts_query("") is None
    assert fts_query("  ") is None
    assert fts_query("inner crit") == '"inner" "crit"*'
    assert fts_query("inner ") == '"inner"'
    assert fts_query('"NOT NEAR(* ') == '"NOT" "NEAR"'
    assert fts_query("AND OR ") == '"AND" "OR"'  # operators stay quoted words
    # Common words narrow nothing: dropped when other words remain, kept while being typed.
    assert fts_query("the planner ") == '"planner"'
    assert fts_query("thanked the little one") == '"thanked" "little" "one"*'
    assert fts_query("the") == '"the"*'
    assert fts_query("the ") == '"the"'


def test_search_finds_parts_and_entries_with_snippets(vault: Vault) -> None:
    critic = vault.parts.add(Part(name="Inner Critic", role=Role.MANAGER,
                                  fears="that I will be humiliated"))
    vault.entries.add(Entry(title="Morning", body="The critic was loud about the report again.",
                            parts=[PartPresence(part_id=critic.id)]))
    vault.entries.add(Entry(title="Walk", body="Nothing about it today."))
    hits = vault.search.search("critic")
    assert {h.kind for h in hits} == {HitKind.PART, HitKind.ENTRY}
    assert hits[0].title == "Inner Critic"  # name matches weigh most
    entry_hit = next(h for h in hits if h.kind is HitKind.ENTRY)
    assert ("critic", True) in entry_hit.snippet_segments()
    assert vault.search.search("humil")[0].id == critic.id  # prefix as you type


def test_search_is_diacritics_insensitive_both_ways(vault: Vault) -> None:
    vault.entries.add(Entry(title="Café", body="naïve résumé"))
    vault.entries.add(Entry(title="cafe", body="plain"))
    assert len(vault.search.search("cafe")) == 2
    assert len(vault.search.search("café")) == 2
    assert vault.search.search("resume")[0].title == "Café"


def test_ranking_prefers_more_relevant(vault: Vault) -> None:
    vault.entries.add(Entry(title="Shame", body="shame shame shame came up"))
    vault.entries.add(Entry(title="Other", body="a long day " * 50 + "and a bit of shame"))
    assert [h.title for h in vault.search.search("shame")] == ["Shame", "Other"]


def test_search_filters(vault: Vault) -> None:
    critic = vault.parts.add(Part(name="Critic"))
    base = datetime(2026, 3, 1, tzinfo=UTC)
    vault.entries.add(Entry(occurred_at=base, kind=EntryKind.THERAPY_SESSION, title="A",
                            body="protector", parts=[PartPresence(part_id=critic.id)]))
    vault.entries.add(Entry(occurred_at=base + timedelta(days=10), kind=EntryKind.NOTE,
                            title="B", body="protector"))
    assert {h.title for h in vault.search.search("protector")} == {"A", "B"}
    assert [h.title for h in vault.search.search(
        "protector", where=EntryFilter(kind=EntryKind.NOTE))] == ["B"]
    assert [h.title for h in vault.search.search(
        "protector", where=EntryFilter(part_id=critic.id))] == ["A"]
    assert [h.title for h in vault.search.search(
        "protector", where=EntryFilter(since=base + timedelta(days=5)))] == ["B"]


def test_index_follows_updates_and_deletes(vault: Vault) -> None:
    entry = vault.entries.add(Entry(title="t", body="elephant"))
    entry.body = "giraffe"
    vault.entries.update(entry)
    assert vault.search.search("elephant") == []
    assert len(vault.search.search("giraffe")) == 1
    vault.entries.delete(entry.id)
    assert vault.search.search("giraffe") == []
    assert vault.check().ok


def test_highlight_split() -> None:
    assert split_highlights("a \x02b\x03 c") == [("a ", False), ("b", True), (" c", False)]


def test_archived_parts_not_in_search(vault: Vault) -> None:
    part = vault.parts.add(Part(name="Sleepy"))
    vault.parts.set_archived(part.id, True)
    assert vault.search.search("sleepy") == []


def test_as_you_type_ranks_recent_entries_and_can_search_all(vault: Vault,
                                                             monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from partsjournal.vault import search

    monkeypatch.setattr(search, "RANK_WINDOW", 5)
    base = datetime(2025, 1, 1, tzinfo=UTC)
    for i in range(60):
        body = "kindness " * (30 if i == 3 else 1)  # the best match is an old entry
        vault.entries.add(Entry(occurred_at=base + timedelta(days=i), title=f"day {i}",
                                body=body))
    quick = vault.search.search("kindness", limit=10)
    assert len(quick) == 10 and quick.truncated
    assert "day 3" not in [h.title for h in quick]
    everything = vault.search.search("kindness", limit=10, complete=True)
    assert not everything.truncated
    assert everything[0].title == "day 3"
    few = vault.search.search("kindness", limit=100)
    assert len(few) == 60 and not few.truncated
