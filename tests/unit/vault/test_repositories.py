from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from partsjournal.domain import (
    Entry,
    EntryKind,
    Part,
    PartPresence,
    PeerRole,
    Relation,
    RelationKind,
    Role,
    Stage,
)
from partsjournal.domain.validation import MAX_NAME, MAX_TEXT
from partsjournal.errors import NotFound, ValidationError
from partsjournal.vault import Vault
from partsjournal.vault.entries import EntryFilter

HOSTILE = [
    '<img src="file:///etc/hosts"><b>x</b>',
    "emoji 🧒🏽‍🦱 and 💔",
    "עברית מימין לשמאל",
    "مرحبا بالعالم",
    "combining e\u0301 and ZWJ \u200d",
    "quotes ' \" ; DROP TABLE parts; --",
]


def test_part_round_trips_every_field(vault: Vault) -> None:
    part = Part(name="Little One", role=Role.EXILE, job="Holds the shame", fears="Being left",
                age="About 7", body="Tight throat", appearance="Small, in a yellow raincoat",
                burdens="I am too much", needs="To be seen", triggers="Raised voices",
                notes="Came up in therapy", color="#a0c4ff", trust_in_self=3,
                stage=Stage.GETTING_TO_KNOW)
    vault.parts.add(part)
    got = vault.parts.get(part.id)
    assert got == part


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_strings_round_trip_exactly(vault: Vault, text: str) -> None:
    part = vault.parts.add(Part(name=text, notes=text + "\nsecond line"))
    entry = vault.entries.add(Entry(title=text, body=text * 3,
                                    parts=[PartPresence(part_id=part.id, note=text)]))
    assert vault.parts.get(part.id).name == text
    got = vault.entries.get(entry.id)
    assert (got.title, got.body, got.parts[0].note, got.parts[0].name) == (
        text, text * 3, text, text)


def test_tabs_and_newlines_survive_in_long_text(vault: Vault) -> None:
    entry = vault.entries.add(Entry(title="t", body="a\tb\r\nc\n\n  d  "))
    assert vault.entries.get(entry.id).body == "a\tb\r\nc\n\n  d  "


@pytest.mark.parametrize("bad", ["", "   ", "a\x00b", "bell\x07", "x" * (MAX_NAME + 1),
                                 "line\nbreak", "\u202eevil override"])
def test_bad_names_are_refused_with_a_message(vault: Vault, bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        vault.parts.add(Part(name=bad))
    assert info.value.field == "name"
    assert str(info.value).endswith(".")
    assert vault.parts.count() == 0


def test_oversized_text_is_refused(vault: Vault) -> None:
    with pytest.raises(ValidationError, match="100,000 characters"):
        vault.entries.add(Entry(body="x" * (MAX_TEXT + 1)))
    big = vault.entries.add(Entry(body="y" * MAX_TEXT))
    assert len(vault.entries.get(big.id).body) == MAX_TEXT


def test_scales_are_bounded(vault: Vault) -> None:
    with pytest.raises(ValidationError, match="0 to 10"):
        vault.entries.add(Entry(self_energy=11))
    with pytest.raises(ValidationError, match="8 C's"):
        vault.entries.add(Entry(qualities={"cheerfulness": 5}))
    with pytest.raises(ValidationError):
        vault.parts.add(Part(name="x", trust_in_self=-1))


def test_stage_changes_are_dated_events(vault: Vault) -> None:
    part = vault.parts.add(Part(name="Critic", role=Role.MANAGER))
    part.stage = Stage.BEFRIENDED
    later = datetime.now(UTC) + timedelta(minutes=5)
    vault.parts.update(part, stage_note="It let me sit with it", at=later)
    history = vault.parts.history(part.id)
    assert [e.stage for e in history] == [Stage.NOTICED, Stage.BEFRIENDED]
    assert history[1].note == "It let me sit with it"
    assert vault.parts.get(part.id).revision == 2
    # Saving without a stage change adds no event.
    part.job = "Keeps me safe"
    vault.parts.update(part)
    assert len(vault.parts.history(part.id)) == 2


def test_archived_parts_hidden_by_default(vault: Vault) -> None:
    a = vault.parts.add(Part(name="A"))
    vault.parts.add(Part(name="B"))
    vault.parts.set_archived(a.id, True)
    assert [p.name for p in vault.parts.list()] == ["B"]
    assert {p.name for p in vault.parts.list(include_archived=True)} == {"A", "B"}


def test_parts_grouped_by_role(vault: Vault) -> None:
    for name, role in [("Zed", Role.EXILE), ("Amy", Role.FIREFIGHTER), ("Bo", Role.MANAGER),
                       ("Al", Role.MANAGER), ("?", Role.UNKNOWN)]:
        vault.parts.add(Part(name=name, role=role))
    assert [p.name for p in vault.parts.list()] == ["Al", "Bo", "Amy", "Zed", "?"]


def test_relations(vault: Vault) -> None:
    critic = vault.parts.add(Part(name="Critic", role=Role.MANAGER))
    little = vault.parts.add(Part(name="Little One", role=Role.EXILE))
    numb = vault.parts.add(Part(name="Numbing", role=Role.FIREFIGHTER))
    vault.relations.add(Relation(RelationKind.PROTECTS, critic.id, little.id, "shields"))
    vault.relations.add(Relation(RelationKind.POLARIZED, critic.id, numb.id))
    with pytest.raises(ValidationError, match="already"):
        vault.relations.add(Relation(RelationKind.POLARIZED, numb.id, critic.id))
    with pytest.raises(ValidationError, match="itself"):
        vault.relations.add(Relation(RelationKind.ALLIED, numb.id, numb.id))
    assert len(vault.relations.list(critic.id)) == 2
    vault.parts.delete(numb.id)
    assert [r.kind for r in vault.relations.list()] == [RelationKind.PROTECTS]


def test_entry_round_trip_with_peer_fields(vault: Vault) -> None:
    part = vault.parts.add(Part(name="Critic"))
    entry = Entry(kind=EntryKind.PEER_SESSION, title="With M.", body="**bold** text",
                  trailhead="tight chest", self_energy=6,
                  qualities={"calm": 5, "curiosity": 8},
                  parts=[PartPresence(part_id=part.id, note="showed up early")],
                  my_role=PeerRole.EXPLORER, planned_minutes=60, agreements="confidential",
                  debrief="felt held")
    vault.entries.add(entry)
    got = vault.entries.get(entry.id)
    for name in ("kind", "title", "body", "trailhead", "self_energy", "qualities", "my_role",
                 "planned_minutes", "agreements", "debrief", "occurred_at"):
        assert getattr(got, name) == getattr(entry, name), name


def test_entry_list_newest_first_with_filters_and_paging(vault: Vault) -> None:
    critic = vault.parts.add(Part(name="Critic"))
    base = datetime(2026, 1, 1, 12, tzinfo=UTC)
    for i in range(30):
        kind = EntryKind.CHECK_IN if i % 3 else EntryKind.THERAPY_SESSION
        parts = [PartPresence(part_id=critic.id)] if i % 5 == 0 else []
        vault.entries.add(Entry(occurred_at=base + timedelta(days=i), kind=kind,
                                title=f"Day {i}", parts=parts))
    listed = vault.entries.list()
    assert [e.title for e in listed[:3]] == ["Day 29", "Day 28", "Day 27"]
    assert vault.entries.count(EntryFilter(kind=EntryKind.THERAPY_SESSION)) == 10
    with_critic = vault.entries.list(EntryFilter(part_id=critic.id))
    assert [e.title for e in with_critic] == ["Day 25", "Day 20", "Day 15", "Day 10", "Day 5",
                                              "Day 0"]
    assert with_critic[0].part_names == ("Critic",)
    window = EntryFilter(since=base + timedelta(days=10), until=base + timedelta(days=12))
    assert [e.title for e in vault.entries.list(window)] == ["Day 11", "Day 10"]
    page = vault.entries.list(limit=5, offset=5)
    assert [e.title for e in page] == [f"Day {i}" for i in range(24, 19, -1)]
    assert vault.parts.appears_in(critic.id)[0].title == "Day 25"


def test_delete_entry_returns_it_for_undo(vault: Vault) -> None:
    entry = vault.entries.add(Entry(title="oops", body="keep me"))
    removed = vault.entries.delete(entry.id)
    with pytest.raises(NotFound):
        vault.entries.get(entry.id)
    vault.entries.add(removed)
    assert vault.entries.get(entry.id).body == "keep me"


def test_update_missing_entry(vault: Vault) -> None:
    with pytest.raises(NotFound):
        vault.entries.update(Entry(title="ghost"))


def test_entry_with_missing_part_is_refused_atomically(vault: Vault) -> None:
    with pytest.raises(ValidationError, match="no longer exists"):
        vault.entries.add(Entry(title="x", parts=[PartPresence(part_id="nope")]))
    assert vault.entries.count() == 0


def test_summaries_carry_each_part_role_for_the_chips(vault: Vault) -> None:
    critic = vault.parts.add(Part(name="Critic", role=Role.MANAGER))
    little = vault.parts.add(Part(name="Little One", role=Role.EXILE))
    vault.entries.add(Entry(title="t", parts=[PartPresence(part_id=little.id),
                                              PartPresence(part_id=critic.id)]))
    summary = vault.entries.list()[0]
    assert summary.part_names == ("Little One", "Critic")
    assert summary.part_roles == ("exile", "manager")
