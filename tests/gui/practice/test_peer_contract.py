"""Before we begin: the explorer's choices go at the top of the entry when the session starts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from partsjournal.domain import Entry, EntryKind
from partsjournal.domain.session_contract import (
    CONTRACT_WORDS,
    Facilitation,
    Reach,
    SessionContract,
)
from partsjournal.flows.peer_session import (
    DEBRIEF_STEPS,
    SPEAK_FOR_REMINDER,
    PeerSessionRecord,
)
from partsjournal.ui.journal.entry_editor import EntryEditor
from partsjournal.ui.practice import peer_session as peer_module
from partsjournal.ui.practice.peer_session import PeerSessionPanel
from partsjournal.ui.practice.peer_session_words import (
    contract_words,
    debrief_texts,
    speak_for_reminder,
)
from partsjournal.vault import Vault

from ..fixtures import MARKUP as HOSTILE

HEADING = "## Our agreement for today"


class FakeClock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def _quick_ticks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(peer_module, "TICK_MS", 10)


def make(qtbot: QtBot, vault: Vault, clock: FakeClock) -> PeerSessionPanel:
    panel = PeerSessionPanel(vault, clock=clock)
    qtbot.addWidget(panel)
    panel.resize(900, 640)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def click(qtbot: QtBot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def tick(qtbot: QtBot, box) -> None:  # type: ignore[no-untyped-def]
    """Click a check box where a person does: on its box, at the start of the line."""
    assert box.isVisible() and box.isEnabled()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.height() // 2,
                                                                box.height() // 2))


def choose(combo, data: str) -> None:  # type: ignore[no-untyped-def]
    assert combo.isVisible() and combo.isEnabled()
    index = combo.findData(data)
    assert index >= 0
    combo.setCurrentIndex(index)


def test_the_agreement_is_written_at_the_top_of_the_entry_and_stored(qtbot: QtBot,
                                                                     vault: Vault) -> None:
    entry = vault.entries.add(Entry(kind=EntryKind.PEER_SESSION, title="With Ines",
                                    body="What I hoped for today."))
    editor = EntryEditor(vault)
    qtbot.addWidget(editor)
    editor.load(vault.entries.get(entry.id))
    panel = make(qtbot, vault, FakeClock())
    panel.load_entry(vault.entries.get(entry.id))
    panel.attach(editor)
    step = panel.contract
    assert panel.tabs.currentWidget() is step  # the first thing the peers see
    assert editor.body.toPlainText() == "What I hoped for today."  # nothing before the start

    choose(step.facilitation, Facilitation.GENTLE_FACILITATION.value)
    choose(step.reach, Reach.MAY_APPROACH_EXILE.value)
    step.pause_word.setFocus()
    qtbot.keyClicks(step.pause_word, "red light")
    tick(qtbot, step.confidential)
    assert not step.confidential.isChecked()
    tick(qtbot, step.confidential)  # ticked again: it stays agreed
    assert step.confidential.isChecked()
    assert editor.body.toPlainText() == "What I hoped for today."

    click(qtbot, panel.start_button)
    expected = SessionContract(Facilitation.GENTLE_FACILITATION, Reach.MAY_APPROACH_EXILE,
                               "red light", True).markdown()
    body = editor.body.toPlainText()
    assert body == f"{expected}\n\nWhat I hoped for today."
    assert "- **Pause word:** “red light” — either of us says it, and we stop and breathe" in body
    assert "- **Confidentiality:** what is shared stays between us" in body
    assert not step.pause_word.isEnabled() and not step.facilitation.isEnabled()
    editor.body.undo()  # one undo step takes the agreement out again…
    assert editor.body.toPlainText() == "What I hoped for today."
    editor.body.redo()
    assert editor.flush()
    stored = vault.entries.get(entry.id)
    assert stored.body == f"{expected}\n\nWhat I hoped for today."

    # Written once: a change made to it in the entry afterwards stays.
    cursor = editor.body.textCursor()
    cursor.movePosition(cursor.MoveOperation.Start)
    cursor.movePosition(cursor.MoveOperation.EndOfBlock)
    cursor.insertText(" (Tuesday)")
    panel.tabs.setCurrentWidget(panel.debrief_page)
    panel.debrief.setFocus()
    qtbot.keyClicks(panel.debrief, "Calm.")
    assert editor.debrief.toPlainText() == "Calm."
    assert editor.body.toPlainText().startswith(f"{HEADING} (Tuesday)\n")
    editor.body.undo()
    assert editor.body.toPlainText() == f"{expected}\n\nWhat I hoped for today."

    # Started again (a new round in the same entry): the agreement is not written twice.
    panel.end()
    panel.reset()
    assert step.pause_word.isEnabled()
    click(qtbot, panel.start_button)
    assert editor.body.toPlainText().count(HEADING) == 1
    assert editor.body.toPlainText() == f"{expected}\n\nWhat I hoped for today."

    # Opening the entry again shows what was agreed.
    again = make(qtbot, vault, FakeClock())
    again.load_entry(stored)
    assert again.contract.contract() == SessionContract(
        Facilitation.GENTLE_FACILITATION, Reach.MAY_APPROACH_EXILE, "red light", True)


def test_choosing_again_before_a_restart_replaces_the_agreement(qtbot: QtBot,
                                                               vault: Vault) -> None:
    records: list[PeerSessionRecord] = []
    entry = Entry(kind=EntryKind.PEER_SESSION, body="Notes.")
    panel = make(qtbot, vault, FakeClock())
    panel.attach(records.append)
    assert records[-1].contract == ""
    click(qtbot, panel.start_button)
    records[-1].apply_to(entry)
    panel.end()
    panel.reset()
    choose(panel.contract.reach, Reach.MAY_APPROACH_EXILE.value)
    tick(qtbot, panel.contract.confidential)
    click(qtbot, panel.start_button)
    records[-1].apply_to(entry)
    assert entry.body.count(HEADING) == 1
    assert entry.body == SessionContract(reach=Reach.MAY_APPROACH_EXILE,
                                         confidential=False).markdown() + "\n\nNotes."


def test_the_pause_word_is_one_short_line_of_plain_text(qtbot: QtBot, vault: Vault) -> None:
    panel = make(qtbot, vault, FakeClock())
    pause = panel.contract.pause_word
    pause.insert("stop\nnow")  # a pasted line break is refused
    assert pause.text() == ""
    pause.insert("stop\x07")
    assert pause.text() == ""
    pause.setFocus()
    qtbot.keyClicks(pause, "x" * 60)
    assert len(pause.text()) == 40
    pause.clear()
    qtbot.keyClicks(pause, HOSTILE[:40])
    assert panel.contract.contract().pause_word == HOSTILE[:40].strip()
    panel.clear()
    assert pause.text() == ""


def test_a_split_sets_the_timer_and_the_debrief_comes_in_order(qtbot: QtBot,
                                                              vault: Vault) -> None:
    clock = FakeClock()
    panel = make(qtbot, vault, clock)
    step = panel.contract
    assert (step.turn_minutes.value(), step.debrief_minutes.value()) == (20, 15)
    with qtbot.waitSignal(panel.status) as status:
        click(qtbot, step.split_button)
    assert status.args == ["The timer is set: 20 minutes each, then 15 minutes for the "
                           "debrief."]
    assert panel.planned.value() == 55 and panel.switch_at.text() == "20"
    assert panel.timer.switch_points == (1200.0,) and panel.timer.debrief_at == 2400.0
    click(qtbot, panel.start_button)
    clock.now += 20 * 60
    with qtbot.waitSignal(panel.switch_proposed, timeout=2000):
        pass
    click(qtbot, panel.switch_button)  # one click, and the roles are swapped
    assert "You are companioning" in panel.role_label.text()
    clock.now += 20 * 60
    with qtbot.waitSignal(panel.debrief_due, timeout=2000):
        pass
    assert panel.tabs.currentWidget() is panel.debrief_page
    assert panel.message.text().startswith("Time for your debrief. The companion speaks first")
    assert panel.card.property("signal") == "end"
    guide = panel.debrief_page.findChild(type(panel.message), "peerSessionDebriefGuide")
    assert guide is not None and guide.isVisible()
    assert guide.textFormat() == Qt.TextFormat.PlainText
    lines = guide.text().split("\n")
    assert lines[0].startswith("1. The companion speaks first, for their own parts")
    assert lines[1].startswith("2. Then the explorer, who may stay with their parts")
    assert lines[2].startswith("3. Together")
    assert lines[-1] == ("Speak for your parts, not from them: “a part of me felt…”, not “you "
                         "made me feel…”.")


def test_the_words_match_the_flow(qtbot: QtBot) -> None:
    assert contract_words() == dict(CONTRACT_WORDS)
    assert debrief_texts() == dict(DEBRIEF_STEPS)
    assert speak_for_reminder() == SPEAK_FOR_REMINDER
