"""The unburdening path with an exile: the healing steps that come after befriending.

Witness what the exile wants Self to know, do over what it needed back then, retrieve it from
that time, let it release its burden (to light, water, fire, earth, air, or whatever it
chooses), invite in the qualities it wants, and integrate it with the protectors. Deep work, so
a *consent gate* comes first: the protectors are asked and must agree (if they don't, the flow
turns to them instead and ends kindly, storing nothing), Self-energy is checked (a low value
suggests pausing but never forbids going on), and the dialog says plainly that this is often done
with a therapist, with the app's crisis line.

Like :mod:`partsjournal.flows.six_fs` this is plain Python; the dialog
(``ui/practice/unburdening_dialog.py``) words every prompt and only shows this state. It can be
paused at any step as a draft in the encrypted vault (:mod:`partsjournal.vault.drafts`, kind
``unburdening``) and resumed. It can also stop for today at any step: a step counts as *walked*
only when the person moved on from it, so the part's stage says what really happened.

Finishing stores one solo-session entry — a heading per step walked, what Self asks the part and
its answers as dialogue lines (``Self: …`` / ``<the part>: …``, see
:mod:`partsjournal.domain.dialogue`) — and moves the part's stage forward to the furthest one
reached (never back), with a stage event at the same moment as the entry whose note names it.
That shared moment is how the part's path (``ui/parts/part_path.py``) puts the entry under the
stage it led to.
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
    C_QUALITIES,
    Entry,
    EntryKind,
    Part,
    PartPresence,
    Quality,
    Role,
    Stage,
    utc_now,
)
from partsjournal.domain.validation import check_scale
from partsjournal.domain.words import QUALITY_LABELS, fill
from partsjournal.errors import JournalError, ValidationError
from partsjournal.vault.drafts import Draft, DraftRepository
from partsjournal.vault.timefmt import from_db, to_db
from partsjournal.vault.vault import Vault

#: The kind under which paused unburdening sessions are kept as drafts.
DRAFT_KIND = "unburdening"
#: Version of the JSON state; a draft from a newer version is refused, never misread.
STATE_VERSION = 1
#: Self-energy at or below this suggests pausing (it never stops the person).
LOW_SELF_ENERGY = 4


class Step(StrEnum):
    """Where the person is on the path."""

    BEGIN = "begin"
    CONSENT = "consent"
    PROTECTOR = "protector"
    WITNESS = "witness"
    DO_OVER = "do_over"
    RETRIEVAL = "retrieval"
    UNBURDEN = "unburden"
    INVITE = "invite"
    INTEGRATE = "integrate"
    REVIEW = "review"
    DONE = "done"


#: The healing steps in order (the gate before them and the review after are not among them).
PATH: tuple[Step, ...] = (Step.WITNESS, Step.DO_OVER, Step.RETRIEVAL, Step.UNBURDEN,
                          Step.INVITE, Step.INTEGRATE)

#: The stage a part has reached once a step has been walked.
REACHES: Mapping[Step, Stage] = {
    Step.WITNESS: Stage.WITNESSED,
    Step.RETRIEVAL: Stage.RETRIEVED,
    Step.UNBURDEN: Stage.UNBURDENED,
    Step.INTEGRATE: Stage.INTEGRATED,
}

#: The questions of each step, by key. The dialog words them; answers are stored by key.
QUESTIONS: Mapping[Step, tuple[str, ...]] = {
    Step.CONSENT: ("protectors_said",),
    Step.WITNESS: ("witness", "witness_more", "witness_self"),
    Step.DO_OVER: ("do_over_needed", "do_over"),
    Step.RETRIEVAL: ("retrieval_where", "retrieval"),
    Step.UNBURDEN: ("burden", "release"),
    Step.INVITE: ("invite",),
    Step.INTEGRATE: ("integrate_protectors", "integrate"),
}
ANSWER_KEYS: tuple[str, ...] = tuple(k for keys in QUESTIONS.values() for k in keys)


class Protectors(StrEnum):
    """What the protectors said when asked whether Self may go toward the exile."""

    AGREE = "agree"
    NOT_YET = "not_yet"


class Element(StrEnum):
    """Where the burden is released to; OWN is the part's own choice, in its words."""

    LIGHT = "light"
    WATER = "water"
    FIRE = "fire"
    EARTH = "earth"
    AIR = "air"
    OWN = "own"


class Blocker(StrEnum):
    """Why the flow can't move on yet (the dialog says it kindly)."""

    NEEDS_PART = "needs_part"
    NEEDS_PROTECTORS = "needs_protectors"
    NEEDS_SELF_ENERGY = "needs_self_energy"
    NEEDS_ELEMENT = "needs_element"
    NEEDS_OWN_ELEMENT = "needs_own_element"


@dataclass(frozen=True)
class PathOutcome:
    """What finishing stored: the entry, and the stage move (None when the stage stayed)."""

    entry_id: str
    part_id: str
    stage_from: Stage
    stage_to: Stage | None


@dataclass(frozen=True)
class EntryTexts:
    """The words of the journal entry the session becomes (the dialog passes translations)."""

    title: str = "Unburdening with %1"
    headings: Mapping[Step, str] = field(default_factory=lambda: {
        Step.CONSENT: "Before starting", Step.WITNESS: "Witnessing", Step.DO_OVER: "Do-over",
        Step.RETRIEVAL: "Retrieval", Step.UNBURDEN: "Unburdening",
        Step.INVITE: "Inviting qualities", Step.INTEGRATE: "Integration"})
    labels: Mapping[str, str] = field(default_factory=lambda: {
        "protectors_said": "What the protectors said",
        "witness_self": "How I felt as it showed me",
        "do_over": "What I did for it there",
        "retrieval": "How it is there",
        "integrate_protectors": "What the protectors noticed"})
    #: What Self asks the part, by answer key: these answers are written as a dialogue.
    asked: Mapping[str, str] = field(default_factory=lambda: {
        "witness": "What do you want me to know about what happened?",
        "witness_more": "Is there more? Do you feel I really get it?",
        "do_over_needed": "What did you need someone to do for you back then?",
        "retrieval_where": "Where would you like to be now?",
        "burden": "What are you carrying from that time that you'd like to let go of?",
        "release": "How is it, letting it go?",
        "invite": "Now that there is room, what would you like to invite in?",
        "integrate": "How are you now?"})
    #: The name Self speaks under in that dialogue.
    self_name: str = SELF_NAME
    protectors_agreed: str = "The protectors agreed to let me go toward it."
    self_energy_start_label: str = "Self-energy at the start"
    self_energy_end_label: str = "Self-energy at the end"
    element_label: str = "Released to"
    elements: Mapping[Element, str] = field(default_factory=lambda: {
        Element.LIGHT: "light", Element.WATER: "water", Element.FIRE: "fire",
        Element.EARTH: "earth", Element.AIR: "air", Element.OWN: "its own choice: %1"})
    qualities_label: str = "Qualities it invited in"
    qualities: Mapping[Quality, str] = field(default_factory=lambda: dict(QUALITY_LABELS))
    stopped_here: str = "*We stopped here for today.*"
    nothing_written: str = "(nothing written)"
    presence_note: str = "Guided session: the unburdening path"
    #: The stage event's note; %1 is the entry's title, so the event names its entry.
    stage_note: str = "Reached in “%1” (the unburdening path)"


def _stage_rank(stage: Stage) -> int:
    return list(Stage).index(stage)


class UnburdeningFlow:
    """State and rules of one guided walk along the unburdening path."""

    def __init__(self, *, started_at: datetime | None = None) -> None:
        self.step: Step = Step.BEGIN
        self.history: list[Step] = []
        self.part_id: str | None = None
        self.part_name: str = ""
        self.part_role: Role = Role.UNKNOWN
        self.protectors: Protectors | None = None
        self.self_energy_start: int | None = None
        self.self_energy_end: int | None = None
        self.answers: dict[str, str] = {}
        self.element: Element | None = None
        self.element_own: str = ""
        self.qualities: list[Quality] = []
        self.qualities_other: str = ""
        #: The step where the person stopped for today (not walked), if they did.
        self.stopped_at: Step | None = None
        self.started_at: datetime = started_at or utc_now()
        self.draft_id: str | None = None

    # The part and the gate ---------------------------------------------------------------------

    def choose_part(self, part: Part) -> None:
        """The path is walked with one of the person's own parts."""
        self.part_id, self.part_name, self.part_role = part.id, part.name, part.role

    @property
    def mainly_for_exiles_note(self) -> bool:
        """True when the chosen part is not an exile: the dialog says these steps mainly are."""
        return self.part_id is not None and self.part_role is not Role.EXILE

    def set_protectors(self, answer: Protectors | None) -> None:
        """What the protectors said when asked for permission."""
        self.protectors = answer

    def set_self_energy_start(self, value: int | None) -> None:
        """How much Self-energy is here before starting (0–10)."""
        self.self_energy_start = check_scale(value, "self_energy", "Self-energy")

    def set_self_energy_end(self, value: int | None) -> None:
        """How much Self-energy is here at the end (0–10, optional)."""
        self.self_energy_end = check_scale(value, "self_energy", "Self-energy")

    @property
    def low_self_energy(self) -> bool:
        """Little Self-energy at the start: the dialog suggests pausing (it does not forbid)."""
        return self.self_energy_start is not None and self.self_energy_start <= LOW_SELF_ENERGY

    # Answers -----------------------------------------------------------------------------------

    def answer(self, key: str, text: str) -> None:
        """Record the answer to one question (an empty one is forgotten)."""
        if key not in ANSWER_KEYS:
            raise ValueError(f"unknown question {key!r}")
        if text.strip():
            self.answers[key] = text
        else:
            self.answers.pop(key, None)

    def set_element(self, element: Element | None, own: str = "") -> None:
        """Where the burden goes; ``own`` is the part's own choice when ``element`` is OWN."""
        self.element = element
        self.element_own = own if element is Element.OWN else ""

    def set_qualities(self, qualities: Sequence[Quality | str], other: str = "") -> None:
        """Which of the 8 C's the part invites in (in their usual order), and others in words."""
        unknown = [q for q in qualities if q not in C_QUALITIES]
        if unknown:
            raise ValueError(f"unknown qualities {unknown!r}")
        self.qualities = [q for q in C_QUALITIES if q in qualities]
        self.qualities_other = other

    # Moving along ------------------------------------------------------------------------------

    def blocker(self) -> Blocker | None:
        """Why :meth:`next` would not move on, or None."""
        if self.step is Step.BEGIN and self.part_id is None:
            return Blocker.NEEDS_PART
        if self.step is Step.CONSENT:
            if self.protectors is None:
                return Blocker.NEEDS_PROTECTORS
            if self.protectors is Protectors.AGREE and self.self_energy_start is None:
                return Blocker.NEEDS_SELF_ENERGY
        if self.step is Step.UNBURDEN:
            if self.element is None:
                return Blocker.NEEDS_ELEMENT
            if self.element is Element.OWN and not self.element_own.strip():
                return Blocker.NEEDS_OWN_ELEMENT
        return None

    @property
    def can_go_back(self) -> bool:
        """False on the first step and once finished."""
        return bool(self.history) and self.step is not Step.DONE

    @property
    def can_stop_here(self) -> bool:
        """On a healing step the person can stop for today and save what happened so far."""
        return self.step in PATH

    @property
    def position(self) -> int:
        """Index of the current step on the path (-1 before it, len(PATH) after)."""
        if self.step in PATH:
            return PATH.index(self.step)
        return len(PATH) if self.step in (Step.REVIEW, Step.DONE) else -1

    def next(self) -> Step:
        """Move on (from the gate, to the protector when they are not ready); the new step."""
        if self.step in (Step.PROTECTOR, Step.REVIEW, Step.DONE):
            raise JournalError("The session is at its end; finish or pause it.")
        if self.blocker() is not None:
            raise JournalError("This step needs an answer before moving on.")
        if self.step is Step.BEGIN:
            target = Step.CONSENT
        elif self.step is Step.CONSENT:
            target = Step.PROTECTOR if self.protectors is Protectors.NOT_YET else PATH[0]
        elif self.step is PATH[-1]:
            target = Step.REVIEW
        else:
            target = PATH[PATH.index(self.step) + 1]
        self.history.append(self.step)
        self.step = target
        return target

    def stop_here(self) -> Step:
        """Stop for today on this healing step (not walked) and go to the review."""
        if not self.can_stop_here:
            raise JournalError("There is nothing to stop here.")
        self.stopped_at = self.step
        self.history.append(self.step)
        self.step = Step.REVIEW
        return self.step

    def back(self) -> Step:
        """Return to the previous step, answers kept."""
        if not self.can_go_back:
            raise JournalError("This is the first step.")
        self.step = self.history.pop()
        if self.step is self.stopped_at:
            self.stopped_at = None
        return self.step

    @property
    def walked(self) -> tuple[Step, ...]:
        """The healing steps the person moved on from, in order."""
        return tuple(s for s in PATH if s in self.history and s is not self.stopped_at)

    @property
    def visited(self) -> tuple[Step, ...]:
        """The healing steps the person came to (walked, or stopped on), in order."""
        return tuple(s for s in PATH if s in self.history or s is self.step)

    @property
    def stage_reached(self) -> Stage | None:
        """The furthest stage the steps walked reach, or None before witnessing is walked."""
        reached = [REACHES[s] for s in self.walked if s in REACHES]
        return reached[-1] if reached else None

    def stage_after(self, current: Stage) -> Stage | None:
        """The stage finishing moves a part at ``current`` to, or None (stages only go forward)."""
        reached = self.stage_reached
        if reached is None or _stage_rank(reached) <= _stage_rank(current):
            return None
        return reached

    # The entry ---------------------------------------------------------------------------------

    def compose_entry(self, texts: EntryTexts | None = None, *,
                      at: datetime | None = None) -> Entry:
        """The session as a solo-session journal entry (not stored yet)."""
        texts = texts or EntryTexts()
        name = self.part_name.strip() or "?"
        lines: list[str] = []

        def labelled(label: str, text: str) -> None:
            if "\n" in text.strip():
                lines.extend([f"**{label}:**", "", text.strip(), ""])
            else:
                lines.extend([f"**{label}:** {text.strip()}", ""])

        def answers_of(keys: Sequence[str]) -> bool:
            written = [(k, self.answers[k].strip()) for k in keys
                       if self.answers.get(k, "").strip()]
            for key, text in written:
                question = texts.asked.get(key, "").strip()
                if question:  # Self asked the part: its answer is the part speaking
                    lines.append(f"{texts.self_name}: {question}")
                    lines.extend(f"{name}: {said.strip()}" for said in text.splitlines()
                                 if said.strip())
                    lines.append("")
                else:
                    labelled(texts.labels[key], text)
            return bool(written)

        lines.extend([f"## {texts.headings[Step.CONSENT]}", ""])
        lines.extend([texts.protectors_agreed, ""])
        answers_of(QUESTIONS[Step.CONSENT])
        if self.self_energy_start is not None:
            labelled(texts.self_energy_start_label, f"{self.self_energy_start}/10")
        for step in self.visited:
            lines.extend([f"## {texts.headings[step]}", ""])
            wrote = answers_of(QUESTIONS[step])
            if step is Step.UNBURDEN and self.element is not None:
                where = texts.elements[self.element]
                labelled(texts.element_label, fill(where, self.element_own.strip()))
                wrote = True
            if step is Step.INVITE and (self.qualities or self.qualities_other.strip()):
                words = [texts.qualities.get(q, QUALITY_LABELS[q]) for q in self.qualities]
                if self.qualities_other.strip():
                    words.append(self.qualities_other.strip())
                labelled(texts.qualities_label, ", ".join(words))
                wrote = True
            if not wrote:
                lines.extend([texts.nothing_written, ""])
            if step is self.stopped_at:
                lines.extend([texts.stopped_here, ""])
        if self.self_energy_end is not None:
            labelled(texts.self_energy_end_label, f"{self.self_energy_end}/10")
        energy = self.self_energy_end if self.self_energy_end is not None \
            else self.self_energy_start
        return Entry(occurred_at=at or self.started_at, kind=EntryKind.SOLO_SESSION,
                     title=fill(texts.title, name)[:200],
                     body="\n".join(lines).rstrip() + "\n", self_energy=energy)

    # Finishing, ending kindly, pausing, resuming -----------------------------------------------

    def finish(self, vault: Vault, texts: EntryTexts | None = None, *,
               at: datetime | None = None) -> PathOutcome:
        """Store the entry and move the part's stage forward, in one transaction.

        The entry and the stage event share one moment (``at``, by default now): the session's
        end, when the stage was reached. The draft, if the session was paused before, goes.
        """
        if self.step is not Step.REVIEW:
            raise JournalError("Walk the steps before finishing the session.")
        if self.part_id is None:
            raise JournalError("Choose the part this session is with.")
        texts = texts or EntryTexts()
        moment = at or utc_now()
        with vault.db.transaction():
            part = vault.parts.get(self.part_id)
            before = part.stage
            entry = self.compose_entry(texts, at=moment)
            entry.parts = [PartPresence(part_id=part.id, note=texts.presence_note)]
            vault.entries.add(entry)
            target = self.stage_after(before)
            if target is not None:
                part.stage = target
                vault.parts.update(part, stage_note=fill(texts.stage_note, entry.title),
                                   at=moment)
            if self.draft_id is not None:
                DraftRepository(vault.db).delete(self.draft_id)
        self.step, self.draft_id = Step.DONE, None
        return PathOutcome(entry.id, part.id, before, target)

    @property
    def holds_healing_work(self) -> bool:
        """True when something was written on the healing steps (a resumed session, say)."""
        gate = set(QUESTIONS[Step.CONSENT])
        return bool(self.element or self.qualities or self.qualities_other.strip()
                    or any(key not in gate for key in self.answers))

    def end_kindly(self, vault: Vault) -> None:
        """The protectors are not ready: end, storing no entry and moving no stage.

        A fresh session leaves nothing behind. One that already holds words from the healing
        steps (resumed, then taken back to the gate) stays paused instead: those words are the
        person's, and are never thrown away without asking.
        """
        if self.step is not Step.PROTECTOR:
            raise JournalError("The protectors have not asked to wait.")
        if self.holds_healing_work:
            self.pause(vault)
        else:
            self.discard(vault)
        self.step = Step.DONE

    def pause(self, vault: Vault) -> str:
        """Keep the session in the vault to resume later; returns the draft id."""
        draft = DraftRepository(vault.db).save(DRAFT_KIND, self.part_name or "?",
                                               self.to_json(), self.draft_id)
        self.draft_id = draft.id
        return draft.id

    def discard(self, vault: Vault) -> None:
        """Forget a paused copy of this session, if there is one."""
        if self.draft_id is not None:
            DraftRepository(vault.db).delete(self.draft_id)
            self.draft_id = None

    @classmethod
    def resume(cls, vault: Vault, draft_id: str) -> UnburdeningFlow:
        """Pick up a paused session where it was left.

        If its part was deleted meanwhile, the session starts again at choosing a part, with
        everything written kept.
        """
        draft = DraftRepository(vault.db).get(draft_id)
        if draft.kind != DRAFT_KIND:
            raise ValidationError("draft", "That paused item is not an unburdening session.")
        flow = cls.from_json(draft.state)
        flow.draft_id = draft.id
        if flow.part_id is not None:
            try:
                flow.choose_part(vault.parts.get(flow.part_id))
            except JournalError:
                flow.part_id, flow.step, flow.history, flow.stopped_at = None, Step.BEGIN, [], None
        return flow

    @staticmethod
    def paused(vault: Vault) -> list[Draft]:
        """Paused unburdening sessions, most recent first."""
        return DraftRepository(vault.db).list(DRAFT_KIND)

    # JSON --------------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The whole state as JSON-ready values."""
        return {
            "version": STATE_VERSION, "step": self.step.value,
            "history": [s.value for s in self.history],
            "part_id": self.part_id, "part_name": self.part_name,
            "part_role": self.part_role.value,
            "protectors": self.protectors.value if self.protectors else None,
            "self_energy_start": self.self_energy_start,
            "self_energy_end": self.self_energy_end,
            "answers": dict(self.answers),
            "element": self.element.value if self.element else None,
            "element_own": self.element_own,
            "qualities": [q.value for q in self.qualities],
            "qualities_other": self.qualities_other,
            "stopped_at": self.stopped_at.value if self.stopped_at else None,
            "started_at": to_db(self.started_at),
        }

    def to_json(self) -> str:
        """The state as JSON text (what a draft stores)."""
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> UnburdeningFlow:
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
            flow.part_role = Role(data["part_role"])
            protectors = data["protectors"]
            flow.protectors = None if protectors is None else Protectors(protectors)
            for setter, key in ((flow.set_self_energy_start, "self_energy_start"),
                                (flow.set_self_energy_end, "self_energy_end")):
                value = data[key]
                if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                    raise TypeError(key)
                setter(value)
            answers = data["answers"]
            if not isinstance(answers, dict):
                raise TypeError("answers")
            for key, text in answers.items():
                flow.answer(_str(key), _str(text))
            element = data["element"]
            flow.set_element(None if element is None else Element(element),
                             _str(data["element_own"]))
            flow.set_qualities([_str(q) for q in _list(data["qualities"])],
                               _str(data["qualities_other"]))
            stopped = data["stopped_at"]
            flow.stopped_at = None if stopped is None else Step(stopped)
        except ValidationError as exc:
            if exc.field == "version":
                raise
            raise ValidationError("state", "This paused session can't be read; it may be "
                                  "damaged.") from exc
        except (KeyError, TypeError, ValueError, JournalError) as exc:
            raise ValidationError("state", "This paused session can't be read; it may be "
                                  "damaged.") from exc
        if flow.step is Step.DONE:
            raise ValidationError("state", "This session was already finished.")
        return flow

    @classmethod
    def from_json(cls, text: str) -> UnburdeningFlow:
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


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("expected text")
    return value


def _list(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("expected a list")
    return value
