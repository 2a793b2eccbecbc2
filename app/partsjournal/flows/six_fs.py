"""A guided solo session with one part, following the six F's of IFS.

Find the part, Focus on it, Flesh it out, notice how you Feel toward it, beFriend it, and learn
its Fears. "Feel toward" is the blending check: if what comes up toward the part is anything but
curiosity, compassion, calm or openness, another part has stepped in, and the flow branches to
asking that part to step back before checking again.

The flow is plain Python: the dialog (``ui/practice/guided_session.py``) words every prompt and
only shows this state. Answers become a solo-session journal entry with a heading per step; what
Self asks the part itself (its job, what it wants Self to know, its fears and needs) is written as
a dialogue with it (``Self: What do you want me to know?`` then ``<the part>: …``, see
:mod:`partsjournal.domain.dialogue`), so the editor shows it in the part's colour and the summary
as a conversation. At the
end the flow proposes updates to the part's profile, which the person confirms field by field. A
session can be paused at any point — its state goes into the encrypted vault as a draft — and
resumed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from partsjournal.domain.dialogue import SELF_NAME
from partsjournal.domain.model import (
    PART_FEELINGS,
    SELF_FEELINGS,
    Entry,
    EntryKind,
    Feeling,
    Part,
    PartPresence,
    Role,
    Stage,
    utc_now,
)
from partsjournal.domain.validation import check_name, check_scale
from partsjournal.domain.words import FEELING_LABELS, fill
from partsjournal.errors import JournalError, ValidationError
from partsjournal.vault.drafts import Draft, DraftRepository
from partsjournal.vault.timefmt import from_db, to_db
from partsjournal.vault.vault import Vault

#: The kind under which paused six-F's sessions are kept as drafts.
DRAFT_KIND = "six_fs"
#: Version of the JSON state; a draft from a newer version is refused, never misread.
STATE_VERSION = 1


class Step(StrEnum):
    """Where the person is in the session."""

    FIND = "find"
    FOCUS = "focus"
    FLESH_OUT = "flesh_out"
    FEEL_TOWARD = "feel_toward"
    STEP_BACK = "step_back"
    BEFRIEND = "befriend"
    FEARS = "fears"
    REVIEW = "review"
    DONE = "done"


#: The six F's in order (the step-back detour and the review are not among them).
SIX_FS: tuple[Step, ...] = (Step.FIND, Step.FOCUS, Step.FLESH_OUT, Step.FEEL_TOWARD,
                            Step.BEFRIEND, Step.FEARS)

#: The questions of each step, by key. The dialog words them; answers are stored by key.
QUESTIONS: Mapping[Step, tuple[str, ...]] = {
    Step.FIND: ("trailhead",),
    Step.FOCUS: ("focus",),
    Step.FLESH_OUT: ("body", "appearance"),
    Step.FEEL_TOWARD: ("feel_toward",),
    Step.STEP_BACK: ("reacting_part", "step_back"),
    Step.BEFRIEND: ("job", "befriend"),
    Step.FEARS: ("fears", "needs"),
}
ANSWER_KEYS: tuple[str, ...] = tuple(k for keys in QUESTIONS.values() for k in keys)

#: Every feeling, Self's first, in the order the session offers them.
FEELINGS: tuple[Feeling, ...] = SELF_FEELINGS + PART_FEELINGS

#: Which answers feed which profile field, in the order the review shows them.
PROFILE_SOURCES: Mapping[str, str] = {
    "body": "body",
    "appearance": "appearance",
    "job": "job",
    "fears": "fears",
    "needs": "needs",
    "triggers": "trailhead",
}


class Blocker(StrEnum):
    """Why the flow can't move on yet (the dialog says it kindly)."""

    NEEDS_PART = "needs_part"
    NEEDS_FEELING = "needs_feeling"


@dataclass(frozen=True)
class StepBack:
    """One round of noticing a reacting part and asking it to step back."""

    feelings: tuple[Feeling, ...]
    reacting_part: str
    response: str


@dataclass
class FieldProposal:
    """A suggested change to one field of the part's profile, for the person to confirm.

    ``proposed`` may be edited before it is accepted; for text fields that already hold
    something, the answer is added below what is there, so nothing is lost.
    """

    field: str
    current: str
    proposed: str
    accepted: bool = True


@dataclass(frozen=True)
class SessionOutcome:
    """What finishing the session stored."""

    entry_id: str
    part_id: str
    part_created: bool
    fields_changed: tuple[str, ...]


@dataclass(frozen=True)
class EntryTexts:
    """The words of the journal entry the session becomes (the dialog passes translations)."""

    title: str = "Six F's with %1"
    headings: Mapping[Step, str] = field(default_factory=lambda: {
        Step.FIND: "Find", Step.FOCUS: "Focus", Step.FLESH_OUT: "Flesh out",
        Step.FEEL_TOWARD: "Feel toward", Step.STEP_BACK: "Asking a part to step back",
        Step.BEFRIEND: "beFriend", Step.FEARS: "Fears"})
    labels: Mapping[str, str] = field(default_factory=lambda: {
        "trailhead": "What asked for attention", "focus": "What I noticed turning toward it",
        "body": "In the body", "appearance": "How it appears",
        "feel_toward": "How I feel toward it", "reacting_part": "The part that reacted",
        "step_back": "What happened when I asked it to step back",
        "job": "Its job", "befriend": "What it wants me to know",
        "fears": "What it's afraid of", "needs": "What it needs from me"})
    #: What Self asks the part, by answer key: these answers are written as a dialogue.
    asked: Mapping[str, str] = field(default_factory=lambda: {
        "job": "What do you do for me? What are you trying to achieve?",
        "befriend": "What do you want me to know?",
        "fears": "What are you afraid would happen if you stopped doing your job?",
        "needs": "What do you need from me?"})
    #: The name Self speaks under in that dialogue.
    self_name: str = SELF_NAME
    feelings: Mapping[Feeling, str] = field(default_factory=lambda: dict(FEELING_LABELS))
    feelings_label: str = "Feelings toward it"
    self_energy_label: str = "Self-energy at the end"
    nothing_written: str = "(nothing written)"
    presence_note: str = "Guided session: the six F's"
    stepped_back_note: str = "Stepped back when asked, in a guided session"
    stage_note: str = "Met in a guided session (six F's)"


def is_blended(feelings: Sequence[Feeling | str]) -> bool:
    """True if any feeling toward the part comes from another part rather than from Self."""
    return any(f not in SELF_FEELINGS for f in feelings)


class SixFsFlow:
    """State and rules of one guided six-F's session."""

    def __init__(self, *, started_at: datetime | None = None) -> None:
        self.step: Step = Step.FIND
        self.history: list[Step] = []
        self.part_id: str | None = None
        self.part_name: str = ""
        self.answers: dict[str, str] = {}
        self.feelings: list[Feeling] = []
        self.step_backs: list[StepBack] = []
        self.role: Role | None = None
        self.self_energy: int | None = None
        self.started_at: datetime = started_at or utc_now()
        self.draft_id: str | None = None

    # The part ----------------------------------------------------------------------------------

    def choose_part(self, part: Part) -> None:
        """The session is with one of the person's existing parts."""
        self.part_id, self.part_name = part.id, part.name

    def name_new_part(self, name: str) -> None:
        """The session is with a part met for the first time (created when finishing)."""
        self.part_id, self.part_name = None, name.strip()

    @property
    def is_new_part(self) -> bool:
        """True when finishing will create the part."""
        return self.part_id is None

    # Answers -----------------------------------------------------------------------------------

    def answer(self, key: str, text: str) -> None:
        """Record the answer to one question (an empty one is forgotten)."""
        if key not in ANSWER_KEYS:
            raise ValueError(f"unknown question {key!r}")
        if text.strip():
            self.answers[key] = text
        else:
            self.answers.pop(key, None)

    def set_feelings(self, feelings: Sequence[Feeling | str]) -> None:
        """What the person feels toward the part right now, in the usual order."""
        unknown = [f for f in feelings if f not in FEELINGS]
        if unknown:
            raise ValueError(f"unknown feelings {unknown!r}")
        self.feelings = [f for f in FEELINGS if f in feelings]

    def set_role(self, role: Role | None) -> None:
        """What kind of part it seems to be (optional)."""
        self.role = role

    def set_self_energy(self, value: int | None) -> None:
        """How much Self-energy was present at the end (0–10, optional)."""
        self.self_energy = check_scale(value, "self_energy", "Self-energy")

    # Moving through the steps ------------------------------------------------------------------

    @property
    def blended(self) -> bool:
        """True when the current feelings toward the part show another part stepped in."""
        return is_blended(self.feelings)

    def blocker(self) -> Blocker | None:
        """Why :meth:`next` would not move on, or None."""
        if self.step is Step.FIND and not self.part_name.strip():
            return Blocker.NEEDS_PART
        if self.step is Step.FEEL_TOWARD and not self.feelings:
            return Blocker.NEEDS_FEELING
        return None

    @property
    def can_go_back(self) -> bool:
        """False on the first step and once finished."""
        return bool(self.history) and self.step is not Step.DONE

    @property
    def position(self) -> int:
        """Index of the current step among the six F's (the detour counts as Feel toward)."""
        if self.step is Step.STEP_BACK:
            return SIX_FS.index(Step.FEEL_TOWARD)
        if self.step in SIX_FS:
            return SIX_FS.index(self.step)
        return len(SIX_FS)

    def next(self) -> Step:
        """Move on: from Feel toward, to the step-back detour if blended; returns the new step."""
        if self.step in (Step.REVIEW, Step.DONE):
            raise JournalError("The session is at its end; finish or pause it.")
        if self.blocker() is not None:
            raise JournalError("This step needs an answer before moving on.")
        if self.step is Step.STEP_BACK:
            return self.check_again()
        if self.step is Step.FEEL_TOWARD and self.blended:
            target = Step.STEP_BACK
        elif self.step is Step.FEARS:
            target = Step.REVIEW
        else:
            target = SIX_FS[SIX_FS.index(self.step) + 1]
        self.history.append(self.step)
        self.step = target
        return target

    def back(self) -> Step:
        """Return to the previous step, answers kept."""
        if not self.can_go_back:
            raise JournalError("This is the first step.")
        self.step = self.history.pop()
        return self.step

    def check_again(self) -> Step:
        """After asking the reacting part to step back: record the round, check feelings again."""
        if self.step is not Step.STEP_BACK:
            raise JournalError("There is no reacting part to ask right now.")
        self.step_backs.append(StepBack(tuple(self.feelings),
                                        self.answers.pop("reacting_part", ""),
                                        self.answers.pop("step_back", "")))
        self.feelings = []
        # Back in Feel toward with the history as it was when first arriving there.
        while self.history and self.history[-1] is not Step.FEEL_TOWARD:
            self.history.pop()
        if self.history:
            self.history.pop()
        self.step = Step.FEEL_TOWARD
        return self.step

    def _stepped_back(self, vault: Vault, part_id: str, texts: EntryTexts) -> list[PartPresence]:
        """The parts asked to step back were there too.

        Each one named like a part of this journal is present in the entry, once, and never the
        session's own part.
        """
        present: list[PartPresence] = []
        seen = {part_id}
        for round_ in self.step_backs:
            found = vault.parts.find_by_name(round_.reacting_part) \
                if round_.reacting_part.strip() else None
            if found is not None and found.id not in seen:
                seen.add(found.id)
                present.append(PartPresence(part_id=found.id, note=texts.stepped_back_note))
        return present

    # The profile -------------------------------------------------------------------------------

    def proposals(self, current: Part | None) -> list[FieldProposal]:
        """Profile updates suggested by the answers (``current`` is None for a new part)."""
        proposals: list[FieldProposal] = []
        for name, key in PROFILE_SOURCES.items():
            answer = self.answers.get(key, "").strip()
            if not answer:
                continue
            existing = getattr(current, name) if current is not None else ""
            if answer in existing:
                continue
            proposed = f"{existing.rstrip()}\n\n{answer}" if existing.strip() else answer
            proposals.append(FieldProposal(name, existing, proposed))
        current_role = current.role if current is not None else Role.UNKNOWN
        if self.role is not None and self.role is not current_role:
            proposals.append(FieldProposal("role", current_role.value, self.role.value))
        # Having gone through the six F's with it, the person is getting to know the part.
        if current is None or current.stage is Stage.NOTICED:
            proposals.append(FieldProposal("stage", Stage.NOTICED.value,
                                           Stage.GETTING_TO_KNOW.value))
        return proposals

    # The entry ---------------------------------------------------------------------------------

    def compose_entry(self, texts: EntryTexts | None = None) -> Entry:
        """The session as a solo-session journal entry (not stored yet)."""
        texts = texts or EntryTexts()
        lines: list[str] = []

        def section(step: Step, level: str = "##") -> None:
            lines.append(f"{level} {texts.headings[step]}")
            lines.append("")

        name = self.part_name.strip() or "?"

        def answers_of(keys: Sequence[str], source: Mapping[str, str]) -> None:
            written = [(k, source[k].strip()) for k in keys if source.get(k, "").strip()]
            if not written:
                lines.extend([texts.nothing_written, ""])
            for key, text in written:
                question = texts.asked.get(key, "").strip()
                if question:  # Self asked the part: its answer is the part speaking
                    lines.append(f"{texts.self_name}: {question}")
                    lines.extend(f"{name}: {said.strip()}" for said in text.splitlines()
                                 if said.strip())
                    lines.append("")
                else:
                    lines.extend([f"**{texts.labels[key]}:**", "", text, ""])

        for step in SIX_FS:
            section(step)
            if step is Step.FEEL_TOWARD:
                for round_ in self.step_backs:
                    self._feelings_line(lines, texts, round_.feelings)
                    section(Step.STEP_BACK, "###")
                    answers_of(("reacting_part", "step_back"),
                               {"reacting_part": round_.reacting_part,
                                "step_back": round_.response})
                if self.feelings:
                    self._feelings_line(lines, texts, tuple(self.feelings))
                if self.answers.get("feel_toward", "").strip():
                    answers_of(("feel_toward",), self.answers)
                elif not self.feelings and not self.step_backs:
                    lines.extend([texts.nothing_written, ""])
                continue
            answers_of(QUESTIONS[step], self.answers)
        if self.self_energy is not None:
            lines.extend([f"**{texts.self_energy_label}:** {self.self_energy}/10", ""])
        title = fill(texts.title, name)[:200]
        trailhead = self.answers.get("trailhead", "").strip().splitlines()
        return Entry(occurred_at=self.started_at, kind=EntryKind.SOLO_SESSION, title=title,
                     body="\n".join(lines).rstrip() + "\n",
                     trailhead=trailhead[0] if trailhead else "",
                     self_energy=self.self_energy)

    @staticmethod
    def _feelings_line(lines: list[str], texts: EntryTexts, feelings: tuple[Feeling, ...]) -> None:
        words = ", ".join(texts.feelings.get(f, FEELING_LABELS[f]) for f in feelings)
        lines.extend([f"**{texts.feelings_label}:** {words}", ""])

    # Finishing, pausing, resuming --------------------------------------------------------------

    def finish(self, vault: Vault, accepted: Sequence[FieldProposal],
               texts: EntryTexts | None = None) -> SessionOutcome:
        """Store the entry and the confirmed profile changes in one transaction.

        A new part is created (with whatever fields were confirmed); an existing one is updated
        only in the confirmed fields. The draft, if the session was paused before, is removed.
        """
        if self.step is not Step.REVIEW:
            raise JournalError("Go through the steps before finishing the session.")
        texts = texts or EntryTexts()
        chosen = [p for p in accepted if p.accepted]
        name = check_name(self.part_name, "name", "The part's name")
        with vault.db.transaction():
            if self.part_id is None:
                part = Part(name=name, created_at=self.started_at, updated_at=self.started_at)
                _apply(part, chosen)
                vault.parts.add(part, stage_note=texts.stage_note)
                created = True
            else:
                part = vault.parts.get(self.part_id)
                _apply(part, chosen)
                if chosen:
                    vault.parts.update(part, stage_note=texts.stage_note)
                created = False
            entry = self.compose_entry(texts)
            entry.parts = [PartPresence(part_id=part.id, note=texts.presence_note),
                           *self._stepped_back(vault, part.id, texts)]
            vault.entries.add(entry)
            if self.draft_id is not None:
                DraftRepository(vault.db).delete(self.draft_id)
        self.part_id, self.step = part.id, Step.DONE
        self.draft_id = None
        return SessionOutcome(entry.id, part.id, created, tuple(p.field for p in chosen))

    def pause(self, vault: Vault) -> str:
        """Keep the session in the vault to resume later; returns the draft id."""
        draft = DraftRepository(vault.db).save(DRAFT_KIND, self.part_name, self.to_json(),
                                               self.draft_id)
        self.draft_id = draft.id
        return draft.id

    def discard(self, vault: Vault) -> None:
        """Forget a paused copy of this session, if there is one."""
        if self.draft_id is not None:
            DraftRepository(vault.db).delete(self.draft_id)
            self.draft_id = None

    @classmethod
    def resume(cls, vault: Vault, draft_id: str) -> SixFsFlow:
        """Pick up a paused session where it was left."""
        draft = DraftRepository(vault.db).get(draft_id)
        if draft.kind != DRAFT_KIND:
            raise ValidationError("draft", "That paused item is not a guided session.")
        flow = cls.from_json(draft.state)
        flow.draft_id = draft.id
        if flow.part_id is not None:
            try:
                vault.parts.get(flow.part_id)
            except JournalError:
                flow.part_id = None  # the part was deleted meanwhile: it will be made anew
        return flow

    @staticmethod
    def paused(vault: Vault) -> list[Draft]:
        """Paused guided sessions, most recent first."""
        return DraftRepository(vault.db).list(DRAFT_KIND)

    # JSON --------------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The whole state as JSON-ready values."""
        return {
            "version": STATE_VERSION, "step": self.step.value,
            "history": [s.value for s in self.history],
            "part_id": self.part_id, "part_name": self.part_name,
            "answers": dict(self.answers), "feelings": list(self.feelings),
            "step_backs": [{"feelings": list(r.feelings), "reacting_part": r.reacting_part,
                            "response": r.response} for r in self.step_backs],
            "role": self.role.value if self.role else None,
            "self_energy": self.self_energy, "started_at": to_db(self.started_at),
        }

    def to_json(self) -> str:
        """The state as JSON text (what a draft stores)."""
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SixFsFlow:
        """Rebuild a flow from :meth:`to_dict`, refusing anything malformed."""
        try:
            if data["version"] != STATE_VERSION:
                raise ValidationError("version", "This paused session was made by a newer "
                                      "version of Parts Journal.")
            flow = cls(started_at=from_db(_str(data["started_at"])))
            flow.step = Step(data["step"])
            flow.history = [Step(s) for s in _list(data["history"])]
            part_id = data["part_id"]
            flow.part_id = None if part_id is None else _str(part_id)
            flow.part_name = _str(data["part_name"])
            answers = data["answers"]
            if not isinstance(answers, dict):
                raise TypeError("answers")
            for key, text in answers.items():
                flow.answer(_str(key), _str(text))
            flow.set_feelings([_str(f) for f in _list(data["feelings"])])
            for round_ in _list(data["step_backs"]):
                if not isinstance(round_, dict):
                    raise TypeError("step_backs")
                feelings = [_str(f) for f in _list(round_["feelings"])]
                if any(f not in FEELINGS for f in feelings):
                    raise ValueError("feelings")
                flow.step_backs.append(StepBack(tuple(Feeling(f) for f in feelings),
                                                _str(round_["reacting_part"]),
                                                _str(round_["response"])))
            flow.role = None if data["role"] is None else Role(data["role"])
            energy = data["self_energy"]
            flow.set_self_energy(None if energy is None else int(energy))
        except ValidationError:
            raise
        except (KeyError, TypeError, ValueError, JournalError) as exc:
            raise ValidationError("state", "This paused session can't be read; it may be "
                                  "damaged.") from exc
        if flow.step is Step.DONE:
            raise ValidationError("state", "This session was already finished.")
        return flow

    @classmethod
    def from_json(cls, text: str) -> SixFsFlow:
        """Rebuild a flow from :meth:`to_json`."""
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise ValidationError("state", "This paused session can't be read; it may be "
                                  "damaged.") from exc
        if not isinstance(data, dict):
            raise ValidationError("state", "This paused session can't be read; it may be "
                                  "damaged.")
        return cls.from_dict(data)


def _apply(part: Part, proposals: Sequence[FieldProposal]) -> None:
    for proposal in proposals:
        if proposal.field == "role":
            part.role = Role(proposal.proposed)
        elif proposal.field == "stage":
            part.stage = Stage(proposal.proposed)
        elif proposal.field in PROFILE_SOURCES:
            setattr(part, proposal.field, proposal.proposed)
        else:
            raise ValidationError(proposal.field, "That field can't be set from a session.")


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("expected text")
    return value


def _list(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("expected a list")
    return value
