"""The unburdening path without Qt: the gate, the steps, stopping early, the entry, the stage."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from partsjournal.domain import EntryKind, Part, Role, Stage
from partsjournal.domain.model import Quality
from partsjournal.errors import JournalError, ValidationError
from partsjournal.flows.unburdening import (
    DRAFT_KIND,
    PATH,
    Blocker,
    Element,
    Protectors,
    Step,
    UnburdeningFlow,
)
from partsjournal.vault import Vault
from partsjournal.vault.drafts import DraftRepository

MET = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)
STARTED = datetime(2026, 3, 4, 19, 30, tzinfo=UTC)
FINISHED = datetime(2026, 3, 4, 20, 45, tzinfo=UTC)


def exile(vault: Vault, name: str = "Little One", stage: Stage = Stage.BEFRIENDED) -> Part:
    return vault.parts.add(Part(name=name, role=Role.EXILE, stage=stage, created_at=MET,
                                updated_at=MET))


def through_gate(flow: UnburdeningFlow, part: Part, energy: int = 7) -> None:
    flow.choose_part(part)
    flow.next()
    flow.set_protectors(Protectors.AGREE)
    flow.set_self_energy_start(energy)
    flow.next()
    assert flow.step is Step.WITNESS


def whole_path(part: Part) -> UnburdeningFlow:
    flow = UnburdeningFlow(started_at=STARTED)
    through_gate(flow, part)
    flow.answer("witness", "They laughed at me in class.\nNobody came.")
    flow.answer("witness_self", "Sad for it, and close.")
    flow.next()
    flow.answer("do_over_needed", "Someone to stand next to me.")
    flow.answer("do_over", "I stood next to it and told them to stop.")
    flow.next()
    flow.answer("retrieval_where", "In the garden with you.")
    flow.next()
    flow.answer("burden", "That I'm stupid.")
    flow.set_element(Element.WATER)
    flow.next()
    flow.set_qualities([Quality.COURAGE, Quality.CALM], "playfulness")
    flow.next()
    flow.answer("integrate", "Light. It wants to play.")
    flow.next()
    assert flow.step is Step.REVIEW
    return flow


def test_the_steps_come_in_order_after_the_gate(vault: Vault) -> None:
    flow = UnburdeningFlow()
    assert flow.step is Step.BEGIN and flow.blocker() is Blocker.NEEDS_PART
    with pytest.raises(JournalError):
        flow.next()
    flow.choose_part(exile(vault))
    assert flow.next() is Step.CONSENT
    assert flow.blocker() is Blocker.NEEDS_PROTECTORS
    flow.set_protectors(Protectors.AGREE)
    assert flow.blocker() is Blocker.NEEDS_SELF_ENERGY
    flow.set_self_energy_start(6)
    seen = [flow.next()]
    while flow.step is not Step.INTEGRATE:
        if flow.step is Step.UNBURDEN:
            flow.set_element(Element.LIGHT)
        seen.append(flow.next())
    assert tuple(seen) == PATH
    assert flow.next() is Step.REVIEW
    assert [flow.back() for _ in range(3)] == [Step.INTEGRATE, Step.INVITE, Step.UNBURDEN]


def test_protectors_not_ready_turns_to_them_and_ends_storing_nothing(vault: Vault) -> None:
    part = exile(vault)
    flow = UnburdeningFlow()
    flow.choose_part(part)
    flow.next()
    flow.set_protectors(Protectors.NOT_YET)
    assert flow.blocker() is None  # no Self-energy needed to turn to the protectors
    assert flow.next() is Step.PROTECTOR
    with pytest.raises(JournalError):
        flow.next()
    flow.pause(vault)
    flow.end_kindly(vault)
    assert flow.step is Step.DONE
    assert DraftRepository(vault.db).count(DRAFT_KIND) == 0
    assert vault.entries.count() == 0
    assert vault.parts.get(part.id).stage is Stage.BEFRIENDED


def test_ending_kindly_keeps_words_already_written_on_the_path(vault: Vault) -> None:
    flow = UnburdeningFlow()
    through_gate(flow, exile(vault))
    flow.answer("witness", "It showed me the stairs.")
    draft_id = flow.pause(vault)
    again = UnburdeningFlow.resume(vault, draft_id)
    again.back()
    again.set_protectors(Protectors.NOT_YET)
    again.next()
    again.end_kindly(vault)
    (kept,) = UnburdeningFlow.paused(vault)
    assert kept.id == draft_id
    assert UnburdeningFlow.from_json(kept.state).answers == {"witness": "It showed me the stairs."}


def test_low_self_energy_suggests_pausing_but_does_not_forbid(vault: Vault) -> None:
    flow = UnburdeningFlow()
    flow.choose_part(exile(vault))
    flow.next()
    flow.set_protectors(Protectors.AGREE)
    flow.set_self_energy_start(4)
    assert flow.low_self_energy
    assert flow.next() is Step.WITNESS
    flow.back()
    flow.set_self_energy_start(5)
    assert not flow.low_self_energy
    with pytest.raises(ValidationError):
        flow.set_self_energy_start(11)


def test_the_release_needs_an_element_or_the_parts_own_choice(vault: Vault) -> None:
    flow = UnburdeningFlow()
    through_gate(flow, exile(vault))
    for _ in range(3):
        flow.next()
    assert flow.step is Step.UNBURDEN and flow.blocker() is Blocker.NEEDS_ELEMENT
    flow.set_element(Element.OWN, "   ")
    assert flow.blocker() is Blocker.NEEDS_OWN_ELEMENT
    flow.set_element(Element.OWN, "a red balloon")
    assert flow.blocker() is None
    flow.set_element(Element.FIRE, "ignored")
    assert flow.element_own == ""


def test_a_whole_path_stores_one_entry_and_moves_the_stage_with_a_dated_event(
        vault: Vault) -> None:
    part = exile(vault)
    flow = whole_path(part)
    flow.set_self_energy_end(8)
    outcome = flow.finish(vault, at=FINISHED)
    assert (outcome.stage_from, outcome.stage_to) == (Stage.BEFRIENDED, Stage.INTEGRATED)
    entry = vault.entries.get(outcome.entry_id)
    assert entry.kind is EntryKind.SOLO_SESSION
    assert entry.title == "Unburdening with Little One"
    assert entry.occurred_at == FINISHED and entry.self_energy == 8
    assert [(p.part_id, p.note) for p in entry.parts] == [
        (part.id, "Guided session: the unburdening path")]
    assert entry.body == (
        "## Before starting\n\n"
        "The protectors agreed to let me go toward it.\n\n"
        "**Self-energy at the start:** 7/10\n\n"
        "## Witnessing\n\n"
        "Self: What do you want me to know about what happened?\n"
        "Little One: They laughed at me in class.\n"
        "Little One: Nobody came.\n\n"
        "**How I felt as it showed me:** Sad for it, and close.\n\n"
        "## Do-over\n\n"
        "Self: What did you need someone to do for you back then?\n"
        "Little One: Someone to stand next to me.\n\n"
        "**What I did for it there:** I stood next to it and told them to stop.\n\n"
        "## Retrieval\n\n"
        "Self: Where would you like to be now?\n"
        "Little One: In the garden with you.\n\n"
        "## Unburdening\n\n"
        "Self: What are you carrying from that time that you'd like to let go of?\n"
        "Little One: That I'm stupid.\n\n"
        "**Released to:** water\n\n"
        "## Inviting qualities\n\n"
        "**Qualities it invited in:** Calm, Courage, playfulness\n\n"
        "## Integration\n\n"
        "Self: How are you now?\n"
        "Little One: Light. It wants to play.\n\n"
        "**Self-energy at the end:** 8/10\n")
    stored = vault.parts.get(part.id)
    assert stored.stage is Stage.INTEGRATED
    last = vault.parts.history(part.id)[-1]
    assert (last.stage, last.occurred_at) == (Stage.INTEGRATED, FINISHED)
    assert last.note == "Reached in “Unburdening with Little One” (the unburdening path)"
    assert flow.step is Step.DONE


@pytest.mark.parametrize(("stop_on", "reached"), [
    (Step.WITNESS, None),
    (Step.DO_OVER, Stage.WITNESSED),
    (Step.RETRIEVAL, Stage.WITNESSED),
    (Step.UNBURDEN, Stage.RETRIEVED),
    (Step.INVITE, Stage.UNBURDENED),
    (Step.INTEGRATE, Stage.UNBURDENED),
])
def test_stopping_for_today_reaches_only_the_steps_walked(
        vault: Vault, stop_on: Step, reached: Stage | None) -> None:
    part = exile(vault)
    flow = UnburdeningFlow(started_at=STARTED)
    through_gate(flow, part)
    while flow.step is not stop_on:
        if flow.step is Step.UNBURDEN:
            flow.set_element(Element.AIR)
        flow.next()
    flow.answer(next(iter(("witness", "do_over", "retrieval", "burden", "invite",
                           "integrate")[PATH.index(stop_on):])), "Not today.")
    assert flow.stop_here() is Step.REVIEW
    assert flow.stage_reached is reached
    outcome = flow.finish(vault, at=FINISHED)
    body = vault.entries.get(outcome.entry_id).body
    assert body.rstrip().endswith("*We stopped here for today.*")
    assert vault.parts.get(part.id).stage is (reached or Stage.BEFRIENDED)
    assert outcome.stage_to is reached
    events = vault.parts.history(part.id)
    assert len(events) == (2 if reached else 1)


def test_going_back_from_the_review_undoes_stopping(vault: Vault) -> None:
    flow = UnburdeningFlow()
    through_gate(flow, exile(vault))
    flow.next()
    flow.stop_here()
    assert flow.stage_reached is Stage.WITNESSED
    assert flow.back() is Step.DO_OVER and flow.stopped_at is None
    flow.next()
    assert flow.walked == (Step.WITNESS, Step.DO_OVER)


def test_the_stage_only_moves_forward(vault: Vault) -> None:
    part = exile(vault, stage=Stage.UNBURDENED)
    flow = UnburdeningFlow()
    through_gate(flow, part)
    flow.next()
    flow.stop_here()
    outcome = flow.finish(vault, at=FINISHED)
    assert outcome.stage_to is None
    assert vault.parts.get(part.id).stage is Stage.UNBURDENED
    assert [e.stage for e in vault.parts.history(part.id)] == [Stage.UNBURDENED]
    assert vault.entries.get(outcome.entry_id).title == "Unburdening with Little One"


def test_a_part_of_another_role_can_walk_it_with_a_note(vault: Vault) -> None:
    flow = UnburdeningFlow()
    assert not flow.mainly_for_exiles_note
    flow.choose_part(vault.parts.add(Part(name="Critic", role=Role.MANAGER)))
    assert flow.mainly_for_exiles_note
    flow.choose_part(exile(vault))
    assert not flow.mainly_for_exiles_note


def test_the_parts_own_element_is_written_in_its_words(vault: Vault) -> None:
    flow = UnburdeningFlow()
    through_gate(flow, exile(vault))
    for _ in range(3):
        flow.next()
    flow.set_element(Element.OWN, "a red balloon, up and away")
    assert "**Released to:** its own choice: a red balloon, up and away" in \
        flow.compose_entry().body


def test_pause_and_resume_keep_everything(vault: Vault) -> None:
    part = exile(vault)
    flow = UnburdeningFlow(started_at=STARTED)
    through_gate(flow, part, energy=3)
    flow.answer("witness", "It was dark.")
    flow.next()
    flow.next()
    flow.next()
    flow.set_element(Element.OWN, "the wind")
    flow.set_qualities([Quality.CLARITY], "joy")
    draft_id = flow.pause(vault)
    assert [d.title for d in UnburdeningFlow.paused(vault)] == ["Little One"]
    again = UnburdeningFlow.resume(vault, draft_id)
    assert again.to_dict() == flow.to_dict()
    assert again.step is Step.UNBURDEN and again.draft_id == draft_id
    again.next()
    again.next()
    again.next()
    again.finish(vault, at=FINISHED)
    assert UnburdeningFlow.paused(vault) == []


def test_resume_after_the_part_was_deleted_starts_at_choosing(vault: Vault) -> None:
    part = exile(vault)
    flow = UnburdeningFlow()
    through_gate(flow, part)
    flow.answer("witness", "Kept")
    draft_id = flow.pause(vault)
    vault.parts.delete(part.id)
    again = UnburdeningFlow.resume(vault, draft_id)
    assert again.step is Step.BEGIN and again.part_id is None
    assert again.answers == {"witness": "Kept"}


def test_a_six_fs_draft_is_not_resumed_here(vault: Vault) -> None:
    draft = DraftRepository(vault.db).save("six_fs", "x", "{}")
    with pytest.raises(ValidationError):
        UnburdeningFlow.resume(vault, draft.id)


@pytest.mark.parametrize("change", [
    {"version": 2}, {"step": "flying"}, {"answers": []}, {"answers": {"nope": "x"}},
    {"element": "plasma"}, {"qualities": ["cheer"]}, {"self_energy_start": 12},
    {"self_energy_end": True}, {"protectors": "maybe"}, {"step": "done"}, {"history": "x"},
])
def test_a_damaged_or_newer_state_is_refused(vault: Vault, change: dict[str, object]) -> None:
    flow = UnburdeningFlow()
    flow.choose_part(exile(vault))
    data = {**flow.to_dict(), **change}
    with pytest.raises(ValidationError) as caught:
        UnburdeningFlow.from_json(json.dumps(data))
    if change == {"version": 2}:
        assert "newer version" in str(caught.value)
    with pytest.raises(ValidationError):
        UnburdeningFlow.from_json("[1, 2]")


def test_finishing_before_the_review_is_refused(vault: Vault) -> None:
    flow = UnburdeningFlow()
    through_gate(flow, exile(vault))
    with pytest.raises(JournalError):
        flow.finish(vault)
    assert vault.entries.count() == 0
