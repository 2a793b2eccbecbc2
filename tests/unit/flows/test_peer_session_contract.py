"""The day's agreement before a peer session, the split timer, and the debrief's order."""

from __future__ import annotations

from partsjournal.domain import Entry, EntryKind, PeerRole
from partsjournal.domain.session_contract import (
    MAX_PAUSE_WORD,
    Facilitation,
    Reach,
    SessionContract,
    clean_pause_word,
)
from partsjournal.flows.peer_session import (
    DEBRIEF_STEPS,
    PeerSessionTimer,
    TimerEvent,
    contract_lines,
    debrief_steps,
    parse_switch_minutes,
    read_contract,
    with_contract,
)

HEADING = "## Our agreement for today"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += minutes * 60


def test_the_agreement_reads_as_markdown() -> None:
    text = SessionContract(Facilitation.ACTIVE_WITNESS, Reach.MAY_APPROACH_EXILE, "tea",
                           True).markdown()
    assert text.split("\n") == [
        HEADING, "",
        "- **Facilitation the explorer asked for:** active witness — the companion reflects "
        "back what they hear",
        "- **How far today may go:** we may approach an exile, if the protectors give "
        "permission",
        "- **Pause word:** “tea” — either of us says it, and we stop and breathe",
        "- **Confidentiality:** what is shared stays between us",
    ]
    quiet = SessionContract(pause_word="  ", confidential=False).markdown().split("\n")
    assert quiet[2] == ("- **Facilitation the explorer asked for:** quiet witness — the "
                        "companion stays present and says little")
    assert quiet[3] == "- **How far today may go:** protectors only — we stay with protectors today"
    assert quiet[4] == ("- **Pause word:** none chosen — either of us can simply ask for a "
                        "pause")
    assert quiet[5] == "- **Confidentiality:** not agreed today — we share with care"


def test_translations_take_the_place_of_the_english_words() -> None:
    text = SessionContract(pause_word="Stopp").markdown({
        "heading": "## Unsere Vereinbarung", "pause_word": "**Pausenwort:** %1"})
    assert text.startswith("## Unsere Vereinbarung\n\n")
    assert "- **Pausenwort:** Stopp" in text.split("\n")


def test_a_pause_word_is_one_clean_short_line() -> None:
    assert clean_pause_word("  red\n\tlight\x00 \u2028now ") == "red light now"
    assert clean_pause_word("\x1b[31mstop\x7f") == "[31mstop"
    long = clean_pause_word("x" * 100)
    assert len(long) == MAX_PAUSE_WORD == 40
    assert "\n" not in SessionContract(pause_word="a\nb").markdown().split("\n")[4]
    assert "“a b”" in SessionContract(pause_word="a\nb").markdown()


def test_the_agreement_goes_at_the_top_of_the_body_once() -> None:
    section = SessionContract(pause_word="tea").markdown()
    body = with_contract("\n\n## What came up\n\nNotes.", section)
    assert body == f"{section}\n\n## What came up\n\nNotes."
    assert with_contract(body, section) == body  # started again: not written twice
    assert with_contract("", section) == f"{section}\n"

    # Started again with other choices: the agreement is replaced, what was written stays.
    written = body + "\nMore, written during the session."
    other = SessionContract(Facilitation.GENTLE_FACILITATION, pause_word="apple").markdown()
    again = with_contract(written, other)
    assert again.count(HEADING) == 1
    assert again == f"{other}\n\n## What came up\n\nNotes.\nMore, written during the session."


def test_text_right_after_the_agreement_is_never_taken_for_part_of_it() -> None:
    section = SessionContract().markdown()
    body = f"{section}\n\nI felt nervous before we began.\n- a list of my own"
    assert contract_lines(body, section) == (0, 6)
    replaced = with_contract(body, SessionContract(pause_word="tea").markdown())
    assert replaced.endswith("\n\nI felt nervous before we began.\n- a list of my own")
    bare = f"{HEADING}\n\nMy own words under the heading."
    assert contract_lines(bare, section) == (0, 1)
    assert with_contract(bare, section) == f"{section}\n\nMy own words under the heading."


def test_the_agreement_is_read_back_from_the_body() -> None:
    made = SessionContract(Facilitation.GENTLE_FACILITATION, Reach.MAY_APPROACH_EXILE,
                           "red light", False)
    body = with_contract("Notes.", made.markdown())
    assert read_contract(body) == made
    assert read_contract("Notes.") is None
    assert read_contract(with_contract("", SessionContract().markdown())) == SessionContract()
    hand_edited = body.replace("gentle facilitation —", "something I typed —")
    assert read_contract(hand_edited) == SessionContract(
        Facilitation.QUIET_WITNESS, Reach.MAY_APPROACH_EXILE, "red light", False)


def test_the_record_writes_the_agreement_into_the_entry_once() -> None:
    timer = PeerSessionTimer(55, PeerRole.EXPLORER, clock=FakeClock())
    section = SessionContract(pause_word="tea").markdown()
    entry = Entry(kind=EntryKind.NOTE, body="Notes.")
    record = timer.record("- agreed", "", contract=section)
    record.apply_to(entry)
    record.apply_to(entry)
    assert entry.body == f"{section}\n\nNotes." and entry.kind is EntryKind.PEER_SESSION
    before = Entry(body="Notes.")
    timer.record("- agreed", "").apply_to(before)
    assert before.body == "Notes."  # before the session starts, nothing is written


def test_a_split_of_twenty_each_then_a_fifteen_minute_debrief() -> None:
    clock = FakeClock()
    timer = PeerSessionTimer(55, PeerRole.EXPLORER, clock=clock)
    timer.configure(55, None, 15)
    assert timer.switch_points == (1200.0,)  # half of the turns, not of the whole hour
    assert timer.debrief_at == 2400.0 and not timer.in_debrief
    timer.start()
    clock.advance(20)
    assert timer.poll() == [TimerEvent.SWITCH_DUE]
    timer.switch_roles()
    clock.advance(19.9)
    assert timer.poll() == [] and not timer.in_debrief
    clock.advance(0.1)
    assert timer.poll() == [TimerEvent.DEBRIEF_DUE] and timer.in_debrief
    assert timer.poll() == []
    clock.advance(15)
    assert timer.poll() == [TimerEvent.TIME_UP]


def test_switch_times_in_the_debrief_and_a_debrief_longer_than_the_session_are_ignored() -> None:
    timer = PeerSessionTimer(55, clock=FakeClock())
    timer.configure(55, [20, 45], 15)
    assert timer.switch_points == (1200.0,)
    timer.configure(30, None, 30)
    assert timer.debrief_minutes == 0 and timer.debrief_at is None
    assert timer.switch_points == (900.0,)
    timer.configure(30)
    assert timer.debrief_minutes == 0


def test_a_restarted_configuration_counts_a_passed_debrief_as_reported() -> None:
    clock = FakeClock()
    timer = PeerSessionTimer(10, clock=clock)
    timer.configure(10, None, 4)
    timer.start()
    clock.advance(7)
    timer.configure(10, None, 4)
    assert TimerEvent.DEBRIEF_DUE not in timer.poll()


def test_switch_times_as_typed() -> None:
    assert parse_switch_minutes("") is None
    assert parse_switch_minutes(" , x") is None
    assert parse_switch_minutes("25, 50") == [25.0, 50.0]
    assert parse_switch_minutes("10'; 20") == [10.0, 20.0]


def test_the_debrief_goes_companion_first_then_explorer() -> None:
    steps = debrief_steps()
    assert [key for key, _ in DEBRIEF_STEPS] == ["companion_first", "explorer_next", "together"]
    assert steps[0].startswith("The companion speaks first, for their own parts")
    assert steps[1].startswith("Then the explorer, who may stay with their parts")
    assert debrief_steps({"together": "Zusammen."})[2] == "Zusammen."
