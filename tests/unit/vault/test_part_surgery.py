"""Merging and splitting parts: one transaction each, exactly undoable, redo gives the same."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from partsjournal.domain import (
    Entry,
    Part,
    PartPresence,
    Relation,
    RelationKind,
    Role,
    Stage,
    StageEvent,
)
from partsjournal.errors import NotFound, ValidationError
from partsjournal.vault import Vault
from partsjournal.vault.part_surgery import PartSurgery, SplitSpec, combine_text

T0 = datetime(2026, 2, 1, 9, tzinfo=UTC)
AT = datetime(2026, 5, 1, 12, tzinfo=UTC)


def dump(vault: Vault) -> dict[str, list[tuple[Any, ...]]]:
    """Everything a merge or split could touch, in a stable order (rowids left out)."""
    db = vault.db
    return {
        "parts": db.all("SELECT * FROM parts ORDER BY id"),
        "stage_events": db.all("SELECT * FROM stage_events ORDER BY id"),
        "relations": db.all("SELECT * FROM relations ORDER BY id"),
        "entry_parts": db.all("SELECT * FROM entry_parts ORDER BY entry_id, position, part_id"),
        "entries": db.all("SELECT * FROM entries ORDER BY id"),
    }


def search_names(vault: Vault, text: str) -> list[str]:
    return [hit.title for hit in vault.search.search(text) if hit.kind.value == "part"]


@pytest.fixture
def world(vault: Vault) -> dict[str, Any]:
    worrier = vault.parts.add(Part(name="Worrier", role=Role.MANAGER, job="Plans for disaster",
                                   body="Tight chest", color="#336699", created_at=T0,
                                   updated_at=T0))
    planner = vault.parts.add(Part(name="Planner", role=Role.UNKNOWN, job="Makes lists",
                                   fears="Chaos", body="Tight chest", trust_in_self=4,
                                   stage=Stage.BEFRIENDED, created_at=T0, updated_at=T0))
    little = vault.parts.add(Part(name="Little one", role=Role.EXILE, created_at=T0,
                                  updated_at=T0))
    scroller = vault.parts.add(Part(name="Scroller", role=Role.FIREFIGHTER, created_at=T0,
                                    updated_at=T0))
    vault.parts.set_positions({planner.id: (10.0, 20.0)})
    vault.parts.add_stage_event(StageEvent(planner.id, Stage.GETTING_TO_KNOW,
                                           T0 + timedelta(days=3), "talked"))
    rels = {
        "w_protects_l": vault.relations.add(Relation(RelationKind.PROTECTS, worrier.id,
                                                     little.id, "guards")),
        "p_protects_l": vault.relations.add(Relation(RelationKind.PROTECTS, planner.id,
                                                     little.id, "also guards")),
        "p_allied_w": vault.relations.add(Relation(RelationKind.ALLIED, planner.id,
                                                   worrier.id)),
        "s_polar_p": vault.relations.add(Relation(RelationKind.POLARIZED, scroller.id,
                                                  planner.id, "pulls apart")),
    }
    e_both = vault.entries.add(Entry(occurred_at=T0 + timedelta(days=1), title="both",
                                     parts=[PartPresence(part_id=worrier.id, note="busy"),
                                            PartPresence(part_id=scroller.id),
                                            PartPresence(part_id=planner.id, note="lists")]))
    e_planner = vault.entries.add(Entry(occurred_at=T0 + timedelta(days=2), title="planner",
                                        parts=[PartPresence(part_id=planner.id, note="p")]))
    e_worrier = vault.entries.add(Entry(occurred_at=T0 + timedelta(days=4), title="worrier",
                                        parts=[PartPresence(part_id=worrier.id)]))
    return {"worrier": worrier, "planner": planner, "little": little, "scroller": scroller,
            "rels": rels, "e_both": e_both, "e_planner": e_planner, "e_worrier": e_worrier}


def test_merge_moves_entries_relations_and_history(vault: Vault, world: dict[str, Any]) -> None:
    worrier, planner = world["worrier"], world["planner"]
    surgery = PartSurgery(vault.db)
    preview = surgery.merge_preview(worrier.id, planner.id)
    assert (preview.entries_moved, preview.entries_shared) == (1, 1)
    assert (preview.relations_moved, preview.relations_dropped) == (1, 2)
    assert preview.stage_events_moved == 2
    assert preview.fields_combined == ("job", "fears")
    assert preview.shared_with == ()

    before = dump(vault)
    assert dump(vault) == before  # nothing changed by the preview
    surgery.merge(worrier.id, planner.id, at=AT)

    with pytest.raises(NotFound):
        vault.parts.get(planner.id)
    kept = vault.parts.get(worrier.id)
    assert kept.job == "Plans for disaster\n\nMakes lists"
    assert kept.fears == "Chaos" and kept.body == "Tight chest"
    assert kept.role is Role.MANAGER and kept.color == "#336699" and kept.trust_in_self == 4
    assert kept.stage is Stage.BEFRIENDED  # the further along of the two
    assert kept.revision == 2 and kept.updated_at == AT
    history = vault.parts.history(worrier.id)
    assert len(history) == 3 and {e.part_id for e in history} == {worrier.id}

    both = vault.entries.get(world["e_both"].id)
    assert [(p.name, p.note) for p in both.parts] == [("Worrier", "busy / lists"),
                                                       ("Scroller", "")]
    assert [p.name for p in vault.entries.get(world["e_planner"].id).parts] == ["Worrier"]
    relations = {r.id: r for r in vault.relations.list()}
    assert set(relations) == {world["rels"]["w_protects_l"].id, world["rels"]["s_polar_p"].id}
    assert relations[world["rels"]["s_polar_p"].id].to_part_id == worrier.id
    assert search_names(vault, "lists") == ["Worrier"]
    assert vault.check().ok


def test_undo_merge_restores_everything_exactly_and_redo_repeats_it(
        vault: Vault, world: dict[str, Any]) -> None:
    worrier, planner = world["worrier"], world["planner"]
    surgery = PartSurgery(vault.db)
    before = dump(vault)
    undo = surgery.merge(worrier.id, planner.id, at=AT)
    after = dump(vault)
    surgery.undo_merge(undo)
    assert dump(vault) == before
    assert vault.parts.positions()[planner.id] == (10.0, 20.0)
    assert search_names(vault, "Chaos") == ["Planner"]
    with pytest.raises(ValidationError):
        surgery.undo_merge(undo)  # twice: refused, nothing changes
    assert dump(vault) == before
    again = surgery.merge(worrier.id, planner.id, at=AT)
    assert dump(vault) == after
    surgery.undo_merge(again)
    assert dump(vault) == before
    assert vault.check().ok


def test_merge_refuses_the_same_part_and_missing_parts(vault: Vault,
                                                       world: dict[str, Any]) -> None:
    surgery = PartSurgery(vault.db)
    before = dump(vault)
    with pytest.raises(ValidationError):
        surgery.merge(world["worrier"].id, world["worrier"].id)
    with pytest.raises(NotFound):
        surgery.merge(world["worrier"].id, "missing")
    assert dump(vault) == before


def test_merge_names_peers_the_absorbed_part_was_shared_with(vault: Vault, world: dict[str, Any],
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    from partsjournal.vault import part_surgery

    class Peer:
        id, name = "peer-1", "Ines"

    monkeypatch.setattr("partsjournal.vault.peers.PeerRepository.list", lambda self: [Peer()])
    monkeypatch.setattr("partsjournal.vault.peers.ShareLogRepository.currently_shared",
                        lambda self, peer_id: {world["planner"].id: "Planner"})
    assert part_surgery.PartSurgery(vault.db).merge_preview(
        world["worrier"].id, world["planner"].id).shared_with == ("Ines",)


def test_split_moves_chosen_entries_and_fields(vault: Vault, world: dict[str, Any]) -> None:
    planner = world["planner"]
    surgery = PartSurgery(vault.db)
    spec = SplitSpec(name="List-maker", role=Role.MANAGER, entry_ids=(world["e_planner"].id,),
                     move_fields=("job",), copy_relation_ids=(world["rels"]["p_protects_l"].id,),
                     stage_note="Turned out to be its own part")
    undo = surgery.split(planner.id, spec, at=AT)
    new = vault.parts.get(spec.new_part_id)
    assert (new.name, new.role, new.job, new.stage) == ("List-maker", Role.MANAGER,
                                                        "Makes lists", Stage.NOTICED)
    assert [e.note for e in vault.parts.history(new.id)] == ["Turned out to be its own part"]
    source = vault.parts.get(planner.id)
    assert source.job == "" and source.fears == "Chaos" and source.revision == 2
    assert [p.part_id for p in vault.entries.get(world["e_planner"].id).parts] == [new.id]
    assert planner.id in [p.part_id for p in vault.entries.get(world["e_both"].id).parts]
    copied = [r for r in vault.relations.list(new.id)]
    assert [(r.kind, r.from_part_id, r.to_part_id, r.note) for r in copied] == [
        (RelationKind.PROTECTS, new.id, world["little"].id, "also guards")]
    assert undo.copied_relation_ids == (copied[0].id,)
    assert vault.check().ok


def test_undo_split_restores_exactly_and_redo_recreates_the_same_part(
        vault: Vault, world: dict[str, Any]) -> None:
    planner = world["planner"]
    surgery = PartSurgery(vault.db)
    spec = SplitSpec(name="List-maker", entry_ids=(world["e_planner"].id, world["e_both"].id),
                     move_fields=("job", "fears"),
                     copy_relation_ids=tuple(r.id for r in vault.relations.list(planner.id)))
    before = dump(vault)
    undo = surgery.split(planner.id, spec, at=AT)
    after = dump(vault)
    surgery.undo_split(undo)
    assert dump(vault) == before
    with pytest.raises(ValidationError):
        surgery.undo_split(undo)
    redo = surgery.split(planner.id, spec, at=AT)
    after_redo = dump(vault)
    # Same part, entries and profile; copied relations get fresh ids each time.
    strip = {k: v for k, v in after.items() if k != "relations"}
    assert {k: v for k, v in after_redo.items() if k != "relations"} == strip
    assert [r[1:] for r in sorted(after_redo["relations"], key=lambda r: r[1:])] == \
        [r[1:] for r in sorted(after["relations"], key=lambda r: r[1:])]
    surgery.undo_split(redo)
    assert dump(vault) == before


def test_split_refuses_bad_requests_and_changes_nothing(vault: Vault,
                                                        world: dict[str, Any]) -> None:
    surgery = PartSurgery(vault.db)
    planner = world["planner"]
    before = dump(vault)
    with pytest.raises(ValidationError):
        surgery.split(planner.id, SplitSpec(name="  "))
    with pytest.raises(ValidationError):
        surgery.split(planner.id, SplitSpec(name="X", move_fields=("name",)))
    with pytest.raises(NotFound):
        surgery.split(planner.id, SplitSpec(name="X", entry_ids=(world["e_worrier"].id,)))
    with pytest.raises(NotFound):
        surgery.split(planner.id, SplitSpec(name="X", copy_relation_ids=("nope",)))
    with pytest.raises(NotFound):
        surgery.split("missing", SplitSpec(name="X"))
    assert dump(vault) == before


def test_merge_and_split_on_the_sample_journal(sample_vault: Vault) -> None:
    vault = sample_vault
    parts = {p.name: p for p in vault.parts.list(include_archived=True)}
    critic, planner = parts["The Critic"], parts["The Planner"]
    surgery = PartSurgery(vault.db)
    before = dump(vault)
    entries_of_both = {e.id for e in vault.parts.appears_in(critic.id)} | \
        {e.id for e in vault.parts.appears_in(planner.id)}
    undo = surgery.merge(critic.id, planner.id)
    assert {e.id for e in vault.parts.appears_in(critic.id)} == entries_of_both
    assert vault.check().ok
    surgery.undo_merge(undo)
    assert dump(vault) == before


@pytest.mark.parametrize(("kept", "absorbed", "result"), [
    ("", "b", "b"), ("a", "", "a"), ("a", "  ", "a"), ("abc", "b", "abc"),
    ("a\n", "b", "a\n\nb"),
])
def test_combine_text(kept: str, absorbed: str, result: str) -> None:
    assert combine_text(kept, absorbed) == result
