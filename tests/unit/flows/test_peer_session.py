"""The peer-session timer with a fake clock: switch proposals, pauses, the end, the record."""

from __future__ import annotations

import pytest

from partsjournal.domain import Entry, EntryKind, PeerRole
from partsjournal.flows.peer_session import (
    DEFAULT_AGREEMENTS,
    PeerSessionTimer,
    TimerEvent,
    TimerState,
    Turn,
    default_agreements,
    format_clock,
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += minutes * 60


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_switch_is_proposed_at_half_time_and_the_end_is_signalled(clock: FakeClock) -> None:
    timer = PeerSessionTimer(60, PeerRole.EXPLORER, clock=clock)
    assert timer.state is TimerState.READY and timer.poll() == []
    assert timer.switch_points == (1800.0,)
    timer.start()
    clock.advance(29.9)
    assert timer.poll() == [] and not timer.switch_pending
    assert format_clock(timer.remaining()) == "30:06"
    clock.advance(0.1)
    assert timer.poll() == [TimerEvent.SWITCH_DUE]
    assert timer.switch_pending
    assert timer.poll() == []  # reported once
    assert timer.switch_roles() is PeerRole.COMPANION
    assert not timer.switch_pending
    clock.advance(30)
    assert timer.poll() == [TimerEvent.TIME_UP]
    assert timer.time_up and timer.fraction == 1.0
    assert timer.poll() == []
    clock.advance(1.5)
    assert format_clock(timer.remaining()) == "+01:30"  # overtime is shown, never cut off
    timer.stop()
    assert timer.state is TimerState.STOPPED
    assert timer.turns == (Turn(PeerRole.EXPLORER, 0.0, 1800.0),
                           Turn(PeerRole.COMPANION, 1800.0, 3690.0))
    assert timer.seconds_in(PeerRole.EXPLORER) == 1800.0
    assert timer.seconds_in(PeerRole.COMPANION) == 1890.0


def test_chosen_switch_times(clock: FakeClock) -> None:
    timer = PeerSessionTimer(90, PeerRole.COMPANION, switch_at=[20, 45, 70, 200, 0], clock=clock)
    assert timer.switch_points == (1200.0, 2700.0, 4200.0)  # outside the session: ignored
    timer.start()
    clock.advance(50)
    assert timer.poll() == [TimerEvent.SWITCH_DUE]  # two passed at once: one proposal
    assert timer.next_switch == 4200.0


def test_pause_stops_the_clock(clock: FakeClock) -> None:
    timer = PeerSessionTimer(10, clock=clock)
    timer.start()
    clock.advance(3)
    timer.pause()
    clock.advance(100)
    assert timer.elapsed() == 180.0 and timer.poll() == []
    timer.resume()
    clock.advance(2)
    assert timer.elapsed() == 300.0
    assert timer.poll() == [TimerEvent.SWITCH_DUE]


def test_not_yet_proposes_again_later(clock: FakeClock) -> None:
    timer = PeerSessionTimer(20, clock=clock)
    timer.start()
    clock.advance(10)
    assert timer.poll() == [TimerEvent.SWITCH_DUE]
    timer.not_yet(2)
    assert not timer.switch_pending and timer.role is PeerRole.EXPLORER
    clock.advance(1.9)
    assert timer.poll() == []
    clock.advance(0.1)
    assert timer.poll() == [TimerEvent.SWITCH_DUE]
    timer.dismiss_switch()
    timer.not_yet(30)  # past the end: no new proposal
    clock.advance(10)
    assert timer.poll() == [TimerEvent.TIME_UP]


def test_switching_before_the_start_changes_the_first_role(clock: FakeClock) -> None:
    timer = PeerSessionTimer(30, PeerRole.EXPLORER, clock=clock)
    timer.switch_roles()
    assert timer.first_role is PeerRole.COMPANION
    timer.set_first_role(PeerRole.EXPLORER)
    timer.start()
    with pytest.raises(ValueError):
        timer.set_first_role(PeerRole.COMPANION)
    with pytest.raises(ValueError):
        timer.start()
    timer.stop()
    with pytest.raises(ValueError):
        timer.switch_roles()


def test_reconfiguring_while_running_keeps_past_proposals_reported(clock: FakeClock) -> None:
    timer = PeerSessionTimer(60, clock=clock)
    timer.start()
    clock.advance(31)
    timer.poll()
    timer.configure(90)  # now half time is 45: still to come
    assert timer.poll() == []
    clock.advance(14)
    assert timer.poll() == [TimerEvent.SWITCH_DUE]
    timer.configure(40)  # already past the end
    assert timer.poll() == []


@pytest.mark.parametrize("minutes", [0, -5, 1441])
def test_planned_minutes_are_bounded(minutes: int) -> None:
    with pytest.raises(ValueError):
        PeerSessionTimer(minutes)


def test_a_one_minute_session(clock: FakeClock) -> None:
    timer = PeerSessionTimer(1, clock=clock)
    timer.start()
    clock.now += 30
    assert timer.poll() == [TimerEvent.SWITCH_DUE]
    clock.now += 30
    assert timer.poll() == [TimerEvent.TIME_UP]


def test_format_clock() -> None:
    assert format_clock(0) == "00:00"
    assert format_clock(59.2) == "01:00"
    assert format_clock(3600) == "60:00"
    assert format_clock(3723) == "62:03"
    assert format_clock(6003) == "1:40:03"
    assert format_clock(-61) == "+01:01"


def test_default_agreements_cover_what_peers_agree_on() -> None:
    text = default_agreements()
    keys = [key for key, _ in DEFAULT_AGREEMENTS]
    assert keys == ["confidentiality", "equal_footing", "speak_for_parts", "pause_or_stop",
                    "no_advice", "protectors_first", "debrief"]
    assert text.count("\n- ") == len(keys) - 1 and text.startswith("- What is shared")
    assert "pause or stop at any time" in text
    translated = default_agreements({"debrief": "Nachbesprechung."})
    assert translated.endswith("- Nachbesprechung.")


def test_record_goes_into_a_peer_session_entry(clock: FakeClock) -> None:
    timer = PeerSessionTimer(50, PeerRole.COMPANION, clock=clock)
    timer.start()
    clock.advance(25)
    timer.poll()
    timer.switch_roles()
    record = timer.record("- Confidential", "We both felt heard.", peer_id=None)
    assert record.my_role is PeerRole.COMPANION and record.planned_minutes == 50
    entry = record.apply_to(Entry(title="Tuesday with Ines"))
    assert entry.kind is EntryKind.PEER_SESSION
    assert (entry.my_role, entry.planned_minutes, entry.agreements, entry.debrief) == (
        PeerRole.COMPANION, 50, "- Confidential", "We both felt heard.")
