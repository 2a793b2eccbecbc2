"""The six F's flow without Qt: steps, the blending branch, proposals, entry, pause/resume."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from partsjournal.domain import EntryKind, Part, Role, Stage
from partsjournal.domain.dialogue import Cast, dialogue_lines, speakers_for
from partsjournal.errors import JournalError, ValidationError
from partsjournal.flows.six_fs import (
    DRAFT_KIND,
    SIX_FS,
    Blocker,
    EntryTexts,
    FieldProposal,
    SixFsFlow,
    Step,
    is_blended,
)
from partsjournal.vault import Vault
from partsjournal.vault.drafts import DraftRepository

STARTED = datetime(2026, 3, 4, 19, 30, tzinfo=UTC)


def walk_to(flow: SixFsFlow, step: Step) -> None:
    while flow.step is not step:
        if flow.step is Step.FEEL_TOWARD and not flow.feelings:
            flow.set_feelings(["curiosity"])
        flow.next()


def full_flow(name: str = "The Worrier") -> SixFsFlow:
    flow = SixFsFlow(started_at=STARTED)
    flow.name_new_part(name)
    flow.answer("trailhead", "Tight chest before the meeting\nand more")
    flow.next()
    flow.answer("focus", "It is right there when I turn to it.")
    flow.next()
    flow.answer("body", "A knot under the breastbone")
    flow.answer("appearance", "A small grey figure pacing")
    flow.next()
    flow.set_feelings(["annoyed"])
    flow.next()
    assert flow.step is Step.STEP_BACK
    flow.answer("reacting_part", "The Critic")
    flow.answer("step_back", "It moved back a little, grumbling.")
    flow.next()
    assert flow.step is Step.FEEL_TOWARD
    flow.set_feelings(["curiosity", "calm"])
    flow.answer("feel_toward", "Softer now.")
    flow.next()
    assert flow.step is Step.BEFRIEND
    flow.answer("job", "Keeps me prepared so I'm never caught out")
    flow.answer("befriend", "It is tired.")
    flow.set_role(Role.MANAGER)
    flow.next()
    flow.answer("fears", "That I'll be humiliated")
    flow.answer("needs", "To know I can handle it")
    flow.next()
    assert flow.step is Step.REVIEW
    flow.set_self_energy(6)
    return flow


def test_the_six_steps_in_order_when_self_is_present() -> None:
    flow = SixFsFlow()
    assert flow.blocker() is Blocker.NEEDS_PART
    with pytest.raises(JournalError):
        flow.next()
    flow.name_new_part("  Scroller ")
    assert flow.part_name == "Scroller" and flow.is_new_part
    seen = [flow.step]
    while flow.step is not Step.REVIEW:
        if flow.step is Step.FEEL_TOWARD:
            assert flow.blocker() is Blocker.NEEDS_FEELING
            flow.set_feelings(["compassion", "curiosity"])
        flow.next()
        seen.append(flow.step)
    assert seen == [*SIX_FS, Step.REVIEW]
    assert [flow.position for _ in range(1)] == [len(SIX_FS)]
    with pytest.raises(JournalError):
        flow.next()


@pytest.mark.parametrize(("feelings", "blended"), [
    (["curiosity"], False), (["calm", "openness", "compassion"], False),
    (["curiosity", "annoyed"], True), (["not_sure"], True), (["numb"], True),
])
def test_blending_check(feelings: list[str], blended: bool) -> None:
    assert is_blended(feelings) is blended


def test_blended_feelings_branch_to_step_back_and_return_to_feel_toward() -> None:
    flow = SixFsFlow()
    flow.name_new_part("Worrier")
    walk_to(flow, Step.FEEL_TOWARD)
    flow.set_feelings(["impatient", "curiosity"])
    assert flow.next() is Step.STEP_BACK
    assert flow.position == SIX_FS.index(Step.FEEL_TOWARD)
    flow.answer("reacting_part", "Hurry-up part")
    flow.answer("step_back", "It agreed to wait in the next room.")
    assert flow.next() is Step.FEEL_TOWARD  # "check again"
    assert flow.feelings == []
    assert flow.step_backs[0].feelings == ("curiosity", "impatient")
    assert flow.step_backs[0].reacting_part == "Hurry-up part"
    assert "reacting_part" not in flow.answers
    # Still blended: a second round.
    flow.set_feelings(["judging"])
    assert flow.next() is Step.STEP_BACK
    flow.answer("reacting_part", "The Critic")
    flow.check_again()
    assert len(flow.step_backs) == 2
    flow.set_feelings(["curiosity"])
    assert flow.next() is Step.BEFRIEND
    # Back goes to Feel toward, then Flesh out: the detour is not in the history.
    assert flow.back() is Step.FEEL_TOWARD
    assert flow.back() is Step.FLESH_OUT


def test_back_from_step_back_keeps_the_answers() -> None:
    flow = SixFsFlow()
    flow.name_new_part("Worrier")
    walk_to(flow, Step.FEEL_TOWARD)
    flow.set_feelings(["afraid"])
    flow.next()
    flow.answer("reacting_part", "Scared one")
    assert flow.back() is Step.FEEL_TOWARD
    assert flow.feelings == ["afraid"] and flow.step_backs == []
    with pytest.raises(JournalError):
        flow.check_again()


def test_first_step_has_no_back() -> None:
    flow = SixFsFlow()
    assert not flow.can_go_back
    with pytest.raises(JournalError):
        flow.back()


def test_unknown_question_and_feeling_are_refused() -> None:
    flow = SixFsFlow()
    with pytest.raises(ValueError):
        flow.answer("password", "x")
    with pytest.raises(ValueError):
        flow.set_feelings(["grumpy"])
    with pytest.raises(ValidationError):
        flow.set_self_energy(11)


def test_entry_has_a_heading_per_step_and_the_step_back_round() -> None:
    flow = full_flow()
    entry = flow.compose_entry()
    assert entry.kind is EntryKind.SOLO_SESSION
    assert entry.title == "Six F's with The Worrier"
    assert entry.occurred_at == STARTED
    assert entry.trailhead == "Tight chest before the meeting"
    assert entry.self_energy == 6
    headings = [line for line in entry.body.splitlines() if line.startswith("#")]
    assert headings == ["## Find", "## Focus", "## Flesh out", "## Feel toward",
                        "### Asking a part to step back", "## beFriend", "## Fears"]
    body = entry.body
    assert "**Feelings toward it:** Annoyed" in body
    assert "**Feelings toward it:** Curious, Calm" in body
    assert "The Critic" in body and "It moved back a little" in body
    assert body.index("## Fears") < body.index("That I'll be humiliated")
    assert "**Self-energy at the end:** 6/10" in body
    # What Self asked the part, and its answers, are a dialogue with it.
    assert ("Self: What do you want me to know?\nThe Worrier: It is tired.\n") in body
    assert ("Self: What are you afraid would happen if you stopped doing your job?\n"
            "The Worrier: That I'll be humiliated\n") in body
    assert ("Self: What do you need from me?\nThe Worrier: To know I can handle it\n") in body
    assert "**What it wants me to know:**" not in body
    # Observations stay labelled prose, not turns.
    assert "**In the body:**\n\nA knot under the breastbone" in body
    cast = Cast(speakers_for([Part(name="The Worrier")]))
    turns = [(t.speaker.name, t.said) for t in dialogue_lines(body, cast)]
    assert turns == [
        ("Self", "What do you do for me? What are you trying to achieve?"),
        ("The Worrier", "Keeps me prepared so I'm never caught out"),
        ("Self", "What do you want me to know?"), ("The Worrier", "It is tired."),
        ("Self", "What are you afraid would happen if you stopped doing your job?"),
        ("The Worrier", "That I'll be humiliated"),
        ("Self", "What do you need from me?"), ("The Worrier", "To know I can handle it")]
    assert body.index("## beFriend") < body.index("Self: What do you do for me?") \
        < body.index("## Fears")


def test_a_long_answer_is_the_part_speaking_line_by_line() -> None:
    flow = full_flow()
    flow.answer("befriend", "It is tired.\n\n  It wants a rest.  ")
    body = flow.compose_entry().body
    assert ("Self: What do you want me to know?\nThe Worrier: It is tired.\n"
            "The Worrier: It wants a rest.\n\n") in body


def test_the_dialogue_is_written_in_the_words_given() -> None:
    flow = full_flow("Sorgenmacher")
    texts = EntryTexts(self_name="Selbst", asked={"befriend": "Was willst du mir sagen?"})
    body = flow.compose_entry(texts).body
    assert "Selbst: Was willst du mir sagen?\nSorgenmacher: It is tired.\n" in body
    assert "**Its job:**\n\nKeeps me prepared" in body  # not asked in these words: a label


def test_entry_words_come_from_the_texts_given() -> None:
    flow = full_flow("Sorgenmacher")
    texts = EntryTexts(title="Sechs F mit %1", headings={
        Step.FIND: "Finden", Step.FOCUS: "Fokus", Step.FLESH_OUT: "Ausgestalten",
        Step.FEEL_TOWARD: "Gefühl", Step.STEP_BACK: "Zurücktreten", Step.BEFRIEND: "Befreunden",
        Step.FEARS: "Ängste"})
    entry = flow.compose_entry(texts)
    assert entry.title == "Sechs F mit Sorgenmacher"
    assert "## Finden" in entry.body and "### Zurücktreten" in entry.body


def test_empty_steps_say_nothing_was_written() -> None:
    flow = SixFsFlow()
    flow.name_new_part("Quiet")
    walk_to(flow, Step.REVIEW)
    body = flow.compose_entry().body
    assert body.count("(nothing written)") == 5  # Feel toward has its feelings line


def test_proposals_for_a_new_part() -> None:
    flow = full_flow()
    proposals = {p.field: p for p in flow.proposals(None)}
    assert set(proposals) == {"body", "appearance", "job", "fears", "needs", "triggers", "role",
                              "stage"}
    assert proposals["job"].proposed == "Keeps me prepared so I'm never caught out"
    assert proposals["triggers"].proposed.startswith("Tight chest")
    assert proposals["role"].proposed == "manager"
    assert proposals["stage"].proposed == "getting_to_know"
    assert all(p.accepted for p in proposals.values())


def test_proposals_for_an_existing_part_add_below_and_skip_what_is_known() -> None:
    flow = full_flow()
    part = Part(name="The Worrier", role=Role.MANAGER, job="Plans ahead",
                fears="That I'll be humiliated", stage=Stage.BEFRIENDED)
    proposals = {p.field: p for p in flow.proposals(part)}
    assert proposals["job"].current == "Plans ahead"
    assert proposals["job"].proposed == ("Plans ahead\n\nKeeps me prepared so I'm never "
                                         "caught out")
    assert "fears" not in proposals  # already says exactly that
    assert "role" not in proposals and "stage" not in proposals


def test_finish_creates_the_part_with_the_confirmed_fields_only(vault: Vault) -> None:
    flow = full_flow()
    proposals = flow.proposals(None)
    for p in proposals:
        if p.field in ("appearance", "needs"):
            p.accepted = False
        if p.field == "job":
            p.proposed = "Keeps me prepared (edited)"
    outcome = flow.finish(vault, proposals)
    assert outcome.part_created
    part = vault.parts.get(outcome.part_id)
    assert part.name == "The Worrier" and part.role is Role.MANAGER
    assert part.job == "Keeps me prepared (edited)"
    assert part.body == "A knot under the breastbone"
    assert part.appearance == "" and part.needs == ""
    assert part.stage is Stage.GETTING_TO_KNOW
    assert [e.note for e in vault.parts.history(part.id)] == ["Met in a guided session (six F's)"]
    entry = vault.entries.get(outcome.entry_id)
    assert entry.kind is EntryKind.SOLO_SESSION and entry.self_energy == 6
    assert [(p.part_id, p.name) for p in entry.parts] == [(part.id, "The Worrier")]
    assert set(outcome.fields_changed) == {"body", "job", "fears", "triggers", "role", "stage"}
    assert flow.step is Step.DONE


def test_the_part_that_stepped_back_is_present_in_the_entry(vault: Vault) -> None:
    """The Critic reacted and stepped back: the entry names it among the parts present."""
    critic = vault.parts.add(Part(name="The Critic", role=Role.MANAGER))
    flow = full_flow()  # "The Critic" was asked to step back once
    outcome = flow.finish(vault, flow.proposals(None))
    entry = vault.entries.get(outcome.entry_id)
    assert [(p.part_id, p.note) for p in entry.parts] == [
        (outcome.part_id, "Guided session: the six F's"),
        (critic.id, "Stepped back when asked, in a guided session")]
    assert outcome.entry_id in {e.id for e in vault.parts.appears_in(critic.id)}


def test_a_reacting_part_with_no_profile_creates_nothing(vault: Vault) -> None:
    flow = full_flow()  # no part called "The Critic" in this journal
    outcome = flow.finish(vault, flow.proposals(None))
    assert [p.part_id for p in vault.entries.get(outcome.entry_id).parts] == [outcome.part_id]
    assert vault.parts.find_by_name("The Critic") is None
    assert "The Critic" in vault.entries.get(outcome.entry_id).body  # its words stay


def test_finish_updates_an_existing_part_in_chosen_fields(vault: Vault) -> None:
    part = vault.parts.add(Part(name="Critic", role=Role.MANAGER, job="Points out mistakes"))
    flow = SixFsFlow(started_at=STARTED)
    flow.choose_part(part)
    walk_to(flow, Step.BEFRIEND)
    flow.answer("job", "Wants me to be safe from criticism")
    flow.next()
    flow.answer("fears", "Being laughed at")
    flow.next()
    proposals = flow.proposals(vault.parts.get(part.id))
    assert [p.field for p in proposals] == ["job", "fears", "stage"]
    proposals[1].accepted = False
    outcome = flow.finish(vault, proposals)
    stored = vault.parts.get(part.id)
    assert not outcome.part_created
    assert stored.job == "Points out mistakes\n\nWants me to be safe from criticism"
    assert stored.fears == ""
    assert stored.stage is Stage.GETTING_TO_KNOW
    assert [e.stage for e in vault.parts.history(part.id)] == [Stage.NOTICED,
                                                               Stage.GETTING_TO_KNOW]
    assert vault.entries.get(outcome.entry_id).parts[0].part_id == part.id


def test_finish_with_nothing_confirmed_leaves_the_part_alone(vault: Vault) -> None:
    part = vault.parts.add(Part(name="Critic"))
    before = vault.parts.get(part.id)
    flow = SixFsFlow()
    flow.choose_part(part)
    walk_to(flow, Step.BEFRIEND)
    flow.answer("job", "Guards")
    walk_to(flow, Step.REVIEW)
    proposals = flow.proposals(before)
    for p in proposals:
        p.accepted = False
    flow.finish(vault, proposals)
    assert vault.parts.get(part.id) == before
    assert vault.entries.count() == 1


def test_finish_only_from_review(vault: Vault) -> None:
    flow = SixFsFlow()
    flow.name_new_part("X")
    with pytest.raises(JournalError):
        flow.finish(vault, [])


def test_a_field_that_is_not_allowed_is_refused_and_nothing_is_stored(vault: Vault) -> None:
    flow = full_flow()
    with pytest.raises(ValidationError):
        flow.finish(vault, [FieldProposal("notes", "", "sneaky")])
    assert vault.parts.count() == 0 and vault.entries.count() == 0


def test_pause_resume_round_trip_keeps_everything(vault: Vault) -> None:
    flow = SixFsFlow(started_at=STARTED)
    flow.name_new_part("Worrier")
    flow.answer("trailhead", "Knot 🧒🏽 ‘quotes’ <b>x</b>")
    walk_to(flow, Step.FEEL_TOWARD)
    flow.set_feelings(["annoyed"])
    flow.next()
    flow.answer("reacting_part", "Critic")
    flow.check_again()
    flow.set_feelings(["calm"])
    flow.set_role(Role.EXILE)
    draft_id = flow.pause(vault)
    assert flow.pause(vault) == draft_id  # pausing again replaces the same draft
    drafts = SixFsFlow.paused(vault)
    assert [(d.id, d.kind, d.title) for d in drafts] == [(draft_id, DRAFT_KIND, "Worrier")]

    again = SixFsFlow.resume(vault, draft_id)
    assert again.to_dict() == flow.to_dict()
    assert again.step is Step.FEEL_TOWARD and again.draft_id == draft_id
    assert again.answers["trailhead"] == "Knot 🧒🏽 ‘quotes’ <b>x</b>"
    walk_to(again, Step.REVIEW)
    again.finish(vault, again.proposals(None))
    assert SixFsFlow.paused(vault) == []


def test_resume_when_the_part_was_deleted_meanwhile(vault: Vault) -> None:
    part = vault.parts.add(Part(name="Gone soon"))
    flow = SixFsFlow()
    flow.choose_part(part)
    draft_id = flow.pause(vault)
    vault.parts.delete(part.id)
    again = SixFsFlow.resume(vault, draft_id)
    assert again.is_new_part and again.part_name == "Gone soon"


def test_discard_removes_the_draft(vault: Vault) -> None:
    flow = SixFsFlow()
    flow.name_new_part("Worrier")
    flow.pause(vault)
    flow.discard(vault)
    assert DraftRepository(vault.db).count() == 0


@pytest.mark.parametrize("mangle", [
    lambda d: d.update(version=99),
    lambda d: d.update(step="teleport"),
    lambda d: d.update(answers=["x"]),
    lambda d: d.update(feelings=["grumpy"]),
    lambda d: d.update(self_energy=42),
    lambda d: d.pop("history"),
    lambda d: d.update(step_backs=[{"feelings": ["nope"], "reacting_part": "", "response": ""}]),
    lambda d: d.update(step="done"),
])
def test_damaged_state_is_refused_clearly(mangle) -> None:  # type: ignore[no-untyped-def]
    data = full_flow().to_dict()
    mangle(data)
    with pytest.raises(ValidationError):
        SixFsFlow.from_json(json.dumps(data))


def test_not_json_is_refused() -> None:
    with pytest.raises(ValidationError):
        SixFsFlow.from_json("{nope")
    with pytest.raises(ValidationError):
        SixFsFlow.from_json("[]")
