"""Peer-session mode: a time box, two roles that take turns, agreements and a debrief.

Two peers meet as equals. One explores their parts while the other companions them, holding
space; halfway through (or at times they chose) the timer proposes switching roles so both get an
equal turn, and when the time is up it says so gently. Nothing here measures or judges: it only
keeps time so neither person has to watch the clock.

:class:`PeerSessionTimer` is plain Python with an injectable clock (any function returning
seconds, like :func:`time.monotonic`), so tests can move time forward instantly. The panel
(``ui/practice/peer_session.py``) polls it a few times a second and shows what it reports.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from partsjournal.domain.model import Entry, EntryKind, PeerRole
from partsjournal.domain.session_contract import (
    CONTRACT_WORDS,
    Facilitation,
    Reach,
    SessionContract,
    clean_pause_word,
)
from partsjournal.domain.validation import MAX_PLANNED_MINUTES
from partsjournal.domain.words import fill

Clock = Callable[[], float]

#: What a peer session agrees on unless the peers write their own, as (key, text) pairs.
DEFAULT_AGREEMENTS: tuple[tuple[str, str], ...] = (
    ("confidentiality", "What is shared here stays here. Neither of us writes down or "
                        "repeats the other's material."),
    ("equal_footing", "We meet as equals: nobody is the expert, and we take turns."),
    ("speak_for_parts", "We speak for our parts, not from them: \"a part of me is angry\", "
                        "not \"I am angry at you\"."),
    ("pause_or_stop", "Either of us can pause or stop at any time, without explaining why."),
    ("no_advice", "No advice, fixing or interpreting unless it is asked for."),
    ("protectors_first", "We ask protectors' permission before going toward an exile, and "
                         "respect a no."),
    ("debrief", "We keep time for a debrief at the end, both ways."),
)

#: The roles the other peer has when I have one.
OTHER_ROLE: Mapping[PeerRole, PeerRole] = {PeerRole.EXPLORER: PeerRole.COMPANION,
                                           PeerRole.COMPANION: PeerRole.EXPLORER}


def default_agreements(texts: Mapping[str, str] | None = None) -> str:
    """The default agreements as a Markdown list; ``texts`` holds translations by key."""
    texts = texts or {}
    return "\n".join(f"- {texts.get(key, text)}" for key, text in DEFAULT_AGREEMENTS)


def format_clock(seconds: float) -> str:
    """``12:05``, ``60:00`` or ``1:45:03``; overtime (a negative value) gets a leading ``+``.

    Minutes run up to 99 before hours are shown, because "60:00" reads more naturally than
    "1:00:00" for an hour-long session.
    """
    sign = "+" if seconds < 0 else ""
    total = int(math.ceil(abs(seconds)) if seconds >= 0 else math.floor(abs(seconds)))
    minutes, secs = divmod(total, 60)
    if minutes < 100:
        return f"{sign}{minutes:02d}:{secs:02d}"
    hours, minutes = divmod(minutes, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}"


def parse_switch_minutes(text: str) -> list[float] | None:
    """Switch times as typed, e.g. ``"25, 50"`` or ``"25; 50'"``; None (half time) when empty.

    Pieces that are not numbers are left out.
    """
    minutes: list[float] = []
    for piece in text.replace(";", ",").split(","):
        try:
            minutes.append(float(piece.strip().replace("'", "")))
        except ValueError:
            continue
    return minutes or None


class TimerState(StrEnum):
    """Where the session's clock is."""

    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    STOPPED = "stopped"


class TimerEvent(StrEnum):
    """What :meth:`PeerSessionTimer.poll` can report, each at most once per moment."""

    SWITCH_DUE = "switch_due"
    DEBRIEF_DUE = "debrief_due"
    TIME_UP = "time_up"


@dataclass(frozen=True)
class Turn:
    """A stretch of the session in one role, in seconds since the start (``end`` None: now)."""

    role: PeerRole
    start: float
    end: float | None


@dataclass(frozen=True)
class PeerSessionRecord:
    """What a peer-session entry keeps of the session (see :meth:`apply_to`)."""

    my_role: PeerRole
    planned_minutes: int
    agreements: str
    debrief: str
    peer_id: str | None = None
    turns: tuple[Turn, ...] = field(default=())
    #: The day's agreement as Markdown, in the record sent as the session starts ("" otherwise).
    contract: str = ""

    def apply_to(self, entry: Entry) -> Entry:
        """Write this record into ``entry`` (made a peer session); returns it.

        The day's agreement goes at the top of the body, in place of one written before.
        """
        if self.contract:
            entry.body = with_contract(entry.body, self.contract)
        entry.kind = EntryKind.PEER_SESSION
        entry.my_role = self.my_role
        entry.planned_minutes = self.planned_minutes
        entry.agreements = self.agreements
        entry.debrief = self.debrief
        if self.peer_id is not None:
            entry.peer_id = self.peer_id
        return entry


class PeerSessionTimer:
    """The time box: planned minutes, my role now, switch proposals and the end."""

    def __init__(self, planned_minutes: int = 60, first_role: PeerRole = PeerRole.EXPLORER,
                 switch_at: Sequence[float] | None = None, clock: Clock = time.monotonic
                 ) -> None:
        self._clock = clock
        self.first_role = first_role
        self._role = first_role
        self.state = TimerState.READY
        self._started_at = 0.0
        self._paused_total = 0.0
        self._paused_since: float | None = None
        self._stopped_elapsed = 0.0
        self._turns: list[Turn] = []
        self._switch_points: list[float] = []
        self._fired: set[int] = set()
        self._time_up_reported = False
        self._debrief_reported = False
        self.switch_pending = False
        self.planned_minutes = 1
        self.debrief_minutes = 0
        self.configure(planned_minutes, switch_at)

    # Setting up --------------------------------------------------------------------------------

    def configure(self, planned_minutes: int, switch_at: Sequence[float] | None = None,
                  debrief_minutes: int = 0) -> None:
        """Set the time box, the switch times in minutes and the debrief at the end.

        The switch is proposed once, at half time of the turns (the time before the debrief),
        unless ``switch_at`` says otherwise. Switch times outside the turns are ignored; times
        already passed count as reported. A debrief as long as the session or longer is none.
        """
        if not 0 < planned_minutes <= MAX_PLANNED_MINUTES:
            raise ValueError("planned minutes are between 1 and 1440")
        self.planned_minutes = int(planned_minutes)
        self.debrief_minutes = int(debrief_minutes) if 0 < debrief_minutes < planned_minutes \
            else 0
        turns = planned_minutes - self.debrief_minutes
        minutes = [turns / 2] if switch_at is None else list(switch_at)
        points = sorted({round(m * 60, 3) for m in minutes if 0 < m < turns})
        self._switch_points = points
        elapsed = self.elapsed()
        self._fired = {i for i, p in enumerate(points) if p <= elapsed and
                       self.state is not TimerState.READY}
        self._time_up_reported = self.state is not TimerState.READY and \
            elapsed >= self.planned_seconds
        self._debrief_reported = self.state is not TimerState.READY and self.in_debrief

    def set_first_role(self, role: PeerRole) -> None:
        """Which role I start in (only before the session starts)."""
        if self.state is not TimerState.READY:
            raise ValueError("the session has started")
        self.first_role = self._role = role

    @property
    def planned_seconds(self) -> float:
        """The time box in seconds."""
        return self.planned_minutes * 60.0

    @property
    def debrief_at(self) -> float | None:
        """When the debrief begins, in seconds since the start (None: no debrief time set)."""
        return (self.planned_minutes - self.debrief_minutes) * 60.0 if self.debrief_minutes \
            else None

    @property
    def in_debrief(self) -> bool:
        """True once the debrief time has come (and the session is still on)."""
        at = self.debrief_at
        return at is not None and self.state is not TimerState.READY and self.elapsed() >= at

    @property
    def switch_points(self) -> tuple[float, ...]:
        """When a switch is proposed, in seconds since the start."""
        return tuple(self._switch_points)

    # Running -----------------------------------------------------------------------------------

    def start(self) -> None:
        """Start the clock."""
        if self.state is not TimerState.READY:
            raise ValueError("the session has already started")
        self._started_at = self._clock()
        self.state = TimerState.RUNNING
        self._turns = [Turn(self._role, 0.0, None)]

    def pause(self) -> None:
        """Stop the clock for a while (either peer can ask for a pause)."""
        if self.state is TimerState.RUNNING:
            self._paused_since = self._clock()
            self.state = TimerState.PAUSED

    def resume(self) -> None:
        """Carry on after a pause."""
        if self.state is TimerState.PAUSED and self._paused_since is not None:
            self._paused_total += self._clock() - self._paused_since
            self._paused_since = None
            self.state = TimerState.RUNNING

    def stop(self) -> None:
        """End the session now (at the end of the time, or earlier: either peer may stop)."""
        if self.state in (TimerState.RUNNING, TimerState.PAUSED):
            self._stopped_elapsed = self.elapsed()
            self._close_turn(self._stopped_elapsed)
            self.state = TimerState.STOPPED
            self.switch_pending = False

    def elapsed(self) -> float:
        """Seconds of session so far, pauses not counted."""
        if self.state is TimerState.READY:
            return 0.0
        if self.state is TimerState.STOPPED:
            return self._stopped_elapsed
        now = self._paused_since if self._paused_since is not None else self._clock()
        return max(0.0, now - self._started_at - self._paused_total)

    def remaining(self) -> float:
        """Seconds left in the time box; negative once it is over (overtime)."""
        return self.planned_seconds - self.elapsed()

    @property
    def fraction(self) -> float:
        """How much of the time box has passed, from 0 to 1."""
        return min(1.0, self.elapsed() / self.planned_seconds)

    @property
    def time_up(self) -> bool:
        """True once the planned time has passed."""
        return self.state is not TimerState.READY and self.elapsed() >= self.planned_seconds

    @property
    def role(self) -> PeerRole:
        """My role right now."""
        return self._role

    @property
    def next_switch(self) -> float | None:
        """Seconds since the start of the next switch proposal still to come."""
        for i, point in enumerate(self._switch_points):
            if i not in self._fired:
                return point
        return None

    def poll(self) -> list[TimerEvent]:
        """Report what became due since the last poll (call it a few times a second)."""
        if self.state is not TimerState.RUNNING:
            return []
        events: list[TimerEvent] = []
        elapsed = self.elapsed()
        due = [i for i, p in enumerate(self._switch_points) if p <= elapsed and
               i not in self._fired]
        if due:
            self._fired.update(due)
            self.switch_pending = True
            events.append(TimerEvent.SWITCH_DUE)
        if self.in_debrief and not self._debrief_reported:
            self._debrief_reported = True
            self.switch_pending = False
            events.append(TimerEvent.DEBRIEF_DUE)
        if elapsed >= self.planned_seconds and not self._time_up_reported:
            self._time_up_reported = True
            self.switch_pending = False
            events.append(TimerEvent.TIME_UP)
        return events

    # Roles -------------------------------------------------------------------------------------

    def switch_roles(self) -> PeerRole:
        """Swap roles now (accepting a proposal, or whenever both agree); returns my new role."""
        if self.state is TimerState.STOPPED:
            raise ValueError("the session has ended")
        self._role = OTHER_ROLE[self._role]
        if self.state is TimerState.READY:
            self.first_role = self._role
        else:
            now = self.elapsed()
            self._close_turn(now)
            self._turns.append(Turn(self._role, now, None))
        self.switch_pending = False
        return self._role

    def not_yet(self, minutes: float = 2.0) -> None:
        """Decline a proposed switch for now; it is proposed again after ``minutes``."""
        self.switch_pending = False
        later = self.elapsed() + minutes * 60
        if later < self.planned_seconds and self.state is not TimerState.STOPPED:
            self._switch_points.append(round(later, 3))
            fired = {self._switch_points[i] for i in self._fired}
            self._switch_points.sort()
            self._fired = {i for i, p in enumerate(self._switch_points) if p in fired}

    def dismiss_switch(self) -> None:
        """Decline a proposed switch altogether (the peers agreed otherwise)."""
        self.switch_pending = False

    def _close_turn(self, at: float) -> None:
        if self._turns and self._turns[-1].end is None:
            last = self._turns[-1]
            self._turns[-1] = Turn(last.role, last.start, at)

    @property
    def turns(self) -> tuple[Turn, ...]:
        """Each stretch in one role, oldest first."""
        return tuple(self._turns)

    def seconds_in(self, role: PeerRole) -> float:
        """How long I have been in ``role`` so far."""
        now = self.elapsed()
        return sum((t.end if t.end is not None else now) - t.start
                   for t in self._turns if t.role is role)

    def record(self, agreements: str, debrief: str, peer_id: str | None = None,
               contract: str = "") -> PeerSessionRecord:
        """What the entry keeps: my first role, the time box, agreements, debrief, contract."""
        return PeerSessionRecord(self.first_role, self.planned_minutes, agreements, debrief,
                                 peer_id, self.turns, contract)



# The day's agreement ("Before we begin") ---------------------------------------------------------

#: The debrief, in the order it goes: the companion first, then the explorer; then both.
DEBRIEF_STEPS: tuple[tuple[str, str], ...] = (
    ("companion_first", "The companion speaks first, for their own parts: what stirred in "
                        "them while they witnessed."),
    ("explorer_next", "Then the explorer, who may stay with their parts and share as much or "
                      "as little as they like."),
    ("together", "Together: what helped, and what you would like differently next time."),
)

#: The reminder that goes with the debrief.
SPEAK_FOR_REMINDER = ("Speak for your parts, not from them: “a part of me felt…”, "
                      "not “you made me feel…”.")



def debrief_steps(texts: Mapping[str, str] | None = None) -> list[str]:
    """The debrief prompts in their order; ``texts`` holds translations by key."""
    texts = texts or {}
    return [texts.get(key, text) for key, text in DEBRIEF_STEPS]


def contract_lines(body: str, section: str) -> tuple[int, int]:
    """Which lines of ``body`` the agreement ``section`` replaces: ``(first, end)``, end excluded.

    An agreement written before (a line equal to the section's heading) is replaced: the
    heading and the list right under it, nothing the person wrote after it. With none,
    ``(0, 0)``: the section goes at the top.
    """
    heading = section.split("\n", 1)[0].strip()
    lines = body.split("\n")
    for first, line in enumerate(lines):
        if line.strip() == heading:
            end = first + 1
            while end < len(lines) and not lines[end].strip():
                end += 1
            if end < len(lines) and lines[end].startswith("- "):
                while end < len(lines) and lines[end].startswith("- "):
                    end += 1
            else:
                end = first + 1  # a bare heading: only it is replaced
            return first, end
    return 0, 0


def with_contract(body: str, section: str) -> str:
    """``body`` with the agreement ``section`` at the top, or in place of the one there."""
    first, end = contract_lines(body, section)
    lines = body.split("\n")
    if first == end:
        rest = body.lstrip("\n")
        return f"{section}\n\n{rest}" if rest else f"{section}\n"
    return "\n".join([*lines[:first], *section.split("\n"), *lines[end:]])


def read_contract(body: str, words: Mapping[str, str] | None = None) -> SessionContract | None:
    """The agreement written at the top of ``body`` before (None: there is none).

    A line the person changed by hand keeps that choice at its default.
    """
    say = {**dict(CONTRACT_WORDS), **(words or {})}
    heading = say["heading"]
    first, end = contract_lines(body, heading)
    if first == end:
        return None
    lines = {line[2:] for line in body.split("\n")[first + 1:end] if line.startswith("- ")}
    found = SessionContract()
    for facilitation in Facilitation:
        if fill(say["facilitation"], say[facilitation.value]) in lines:
            found = replace(found, facilitation=facilitation)
    for reach in Reach:
        if fill(say["reach"], say[reach.value]) in lines:
            found = replace(found, reach=reach)
    before, _, after = say["pause_word"].partition("%1")
    for line in lines:
        if line.startswith(before) and line.endswith(after) and len(line) > len(before + after):
            found = replace(found, pause_word=clean_pause_word(line[len(before):-len(after)
                                                                     or None]))
    if say["not_confidential"] in lines:
        found = replace(found, confidential=False)
    return found
