"""Peer-session mode with a fake clock: the switch proposal, the gentle end, the entry record."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from partsjournal.domain import Entry, EntryKind, PeerRole
from partsjournal.exchange.identity import Identity
from partsjournal.exchange.payload import SharedPart
from partsjournal.flows.peer_session import DEFAULT_AGREEMENTS, PeerSessionRecord, TimerState
from partsjournal.ui.journal.entry_editor import EntryEditor
from partsjournal.ui.practice import peer_session as peer_module
from partsjournal.ui.practice.peer_session import PeerSessionPanel
from partsjournal.ui.practice.peer_session_words import (
    agreement_texts,
    translated_default_agreements,
)
from partsjournal.vault import Vault

from ..fixtures import MARKUP as HOSTILE
from ..fixtures import ModalDriver, unlabelled


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


def add_peer_with_parts(vault: Vault, name: str = "Ines") -> str:
    peer = vault.peers.add(Identity.generate(name).card())
    at = datetime(2026, 5, 1, tzinfo=UTC)
    vault.received.store_for_import(peer.id, SharedPart("s1", 1, {
        "name": "Her Critic", "role": "manager", "job": "Keeps her safe from mistakes",
        "fears": HOSTILE}), at)
    vault.received.store_for_import(peer.id, SharedPart("s2", 1, {"name": HOSTILE}), at)
    return peer.id


def _answer(button_text: str):  # type: ignore[no-untyped-def]
    def click_it(box: QWidget) -> bool:
        assert isinstance(box, QMessageBox) and box.text() == "End the session now?"
        next(b for b in box.buttons() if b.text() == button_text).click()
        return True
    return click_it


def test_a_short_session_proposes_the_switch_and_ends_gently(qtbot: QtBot, vault: Vault) -> None:
    clock = FakeClock()
    panel = make(qtbot, vault, clock)
    assert panel.agreements.toPlainText() == translated_default_agreements()
    assert panel.clock_label.text() == "60:00"
    panel.planned.setValue(2)
    assert panel.clock_label.text() == "02:00"
    assert "You are exploring" in panel.role_label.text()
    click(qtbot, panel.start_button)
    assert not panel.start_button.isVisible() and not panel.first_role.isEnabled()
    assert panel.card.property("signal") == ""

    clock.now += 59
    with qtbot.assertNotEmitted(panel.switch_proposed, wait=50):
        pass
    clock.now += 1
    with qtbot.waitSignal(panel.switch_proposed, timeout=2000):
        pass  # the panel's own tick noticed half time
    assert "switch roles" in panel.message.text()
    assert panel.card.property("signal") == "switch"
    assert panel.not_yet_button.isVisible()
    with qtbot.waitSignal(panel.role_switched) as switched:
        click(qtbot, panel.switch_button)
    assert switched.args == ["companion"]
    assert "You are companioning" in panel.role_label.text()
    assert panel.card.property("signal") == "" and not panel.not_yet_button.isVisible()

    clock.now += 60
    with qtbot.waitSignal(panel.time_up, timeout=2000):
        pass
    assert panel.card.property("signal") == "end"
    assert "Time is up" in panel.message.text()
    clock.now += 5
    qtbot.waitUntil(lambda: panel.clock_label.text() == "+00:05")
    modals = ModalDriver()
    modals.on(QMessageBox, _answer("Keep going"))
    click(qtbot, panel.end_button)  # asked first; "Keep going" changes nothing
    assert panel.timer.state is TimerState.RUNNING and modals.seen == ["QMessageBox"]
    modals.on(QMessageBox, _answer("End session"))
    with qtbot.waitSignal(panel.session_ended):
        click(qtbot, panel.end_button)
    modals.stop()
    assert panel.timer.state is TimerState.STOPPED
    assert panel.new_button.isVisible() and not panel.end_button.isVisible()
    assert panel.tabs.currentWidget() is panel.debrief_page  # straight to the debrief
    assert [(t.role, t.start, t.end) for t in panel.timer.turns] == [
        (PeerRole.EXPLORER, 0.0, 60.0), (PeerRole.COMPANION, 60.0, 125.0)]


def test_not_yet_and_pause(qtbot: QtBot, vault: Vault) -> None:
    clock = FakeClock()
    panel = make(qtbot, vault, clock)
    panel.planned.setValue(10)
    click(qtbot, panel.start_button)
    clock.now += 5 * 60
    with qtbot.waitSignal(panel.switch_proposed, timeout=2000):
        pass
    click(qtbot, panel.not_yet_button)
    assert not panel.not_yet_button.isVisible() and panel.timer.role is PeerRole.EXPLORER
    click(qtbot, panel.pause_button)
    assert panel.pause_button.text() == "Resume"
    clock.now += 10 * 60
    panel.tick()
    assert panel.clock_label.text() == "05:00"  # paused time doesn't count
    click(qtbot, panel.pause_button)
    clock.now += 2 * 60
    with qtbot.waitSignal(panel.switch_proposed, timeout=2000):
        pass  # proposed again two minutes later


def test_chosen_switch_times(qtbot: QtBot, vault: Vault) -> None:
    clock = FakeClock()
    panel = make(qtbot, vault, clock)
    panel.planned.setValue(30)
    panel.switch_at.setText("10, 20")
    panel.switch_at.editingFinished.emit()
    assert panel.timer.switch_points == (600.0, 1200.0)
    click(qtbot, panel.start_button)
    assert "Switching roles in 10:00" in panel.message.text()


def test_record_goes_into_the_entry_editor_and_is_stored(qtbot: QtBot, vault: Vault) -> None:
    entry = vault.entries.add(Entry(kind=EntryKind.PEER_SESSION, title="With Ines",
                                    body="notes"))
    editor = EntryEditor(vault)
    qtbot.addWidget(editor)
    editor.load(vault.entries.get(entry.id))
    clock = FakeClock()
    panel = make(qtbot, vault, clock)
    panel.load_entry(vault.entries.get(entry.id))
    panel.attach(editor)
    assert editor.agreements.toPlainText() == translated_default_agreements()
    panel.planned.setValue(40)
    panel.first_role.setCurrentIndex(panel.first_role.findData("companion"))
    panel.tabs.setCurrentWidget(panel.debrief_page)
    panel.debrief.setFocus()
    qtbot.keyClicks(panel.debrief, "We both felt heard.")
    assert editor.debrief.toPlainText() == "We both felt heard."
    assert editor.planned.value() == 40
    assert editor.my_role.currentData() == "companion"
    assert editor.flush()
    stored = vault.entries.get(entry.id)
    assert (stored.planned_minutes, stored.my_role, stored.debrief) == (
        40, PeerRole.COMPANION, "We both felt heard.")
    assert stored.agreements == translated_default_agreements()

    # Opening the entry again brings back what was agreed.
    again = make(qtbot, vault, FakeClock())
    again.load_entry(stored)
    assert again.debrief.toPlainText() == "We both felt heard."
    assert again.planned.value() == 40 and again.timer.first_role is PeerRole.COMPANION


def test_attach_to_a_callback(qtbot: QtBot, vault: Vault) -> None:
    records: list[PeerSessionRecord] = []
    panel = make(qtbot, vault, FakeClock())
    panel.attach(records.append)
    assert records[-1].agreements == translated_default_agreements()
    panel.agreements.setPlainText("- Only this")
    assert records[-1].agreements == "- Only this"
    restore = panel.restore_button
    panel.tabs.setCurrentWidget(panel.agreements_page)
    click(qtbot, restore)
    assert records[-1].agreements == translated_default_agreements()


def test_the_peers_received_parts_are_at_hand_read_only(qtbot: QtBot, vault: Vault,
                                                        qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    peer_id = add_peer_with_parts(vault)
    panel = make(qtbot, vault, FakeClock())
    assert panel.received.rowCount() == 0
    panel.peer_combo.setCurrentIndex(panel.peer_combo.findData(peer_id))
    assert panel.peer_combo.currentText() == "Ines (not verified)"
    assert panel.received.rowCount() == 2
    qtmodeltester.check(panel.received)
    names = [panel.received.index(r, 0).data() for r in range(2)]
    assert sorted(names) == sorted(["Her Critic", HOSTILE])
    row = names.index("Her Critic")
    panel.parts_view.setCurrentIndex(panel.received.index(row, 0))
    assert panel.part_text.isReadOnly()
    text = panel.part_text.toPlainText()
    assert "Keeps her safe from mistakes" in text and HOSTILE in text and "Manager" in text
    assert panel.record().peer_id == peer_id
    assert "Ines" in panel.role_label.text()


def test_default_agreements_match_the_flow(qtbot: QtBot) -> None:
    assert agreement_texts() == dict(DEFAULT_AGREEMENTS)


def test_every_control_has_a_name_and_clear_forgets_text(qtbot: QtBot, vault: Vault) -> None:
    add_peer_with_parts(vault)
    panel = make(qtbot, vault, FakeClock())
    assert unlabelled(panel) == []
    panel.debrief.setPlainText("private")
    panel.clear()
    assert panel.debrief.toPlainText() == "" and panel.agreements.toPlainText() == ""
    assert panel.received.rowCount() == 0


def test_the_panel_opens_beside_the_entry_without_widening_the_window(qtbot: QtBot,  # type: ignore[no-untyped-def]
                                                                      sample_vault: Vault) -> None:
    from PySide6.QtWidgets import QDockWidget, QLabel

    from partsjournal.ui.app.main_window import MainWindow

    window = MainWindow(sample_vault)
    qtbot.addWidget(window)
    window.resize(1200, 780)
    window.show()
    qtbot.waitExposed(window)
    window.start_peer_session()
    dock = window.findChild(QDockWidget, "peer-session")
    assert dock is not None
    qtbot.waitUntil(lambda: dock.isVisible())
    assert window.width() == 1200
    panel = window.peer_session
    assert panel is not None
    switch = next(label for label in panel.findChildren(QLabel) if label.buddy() is panel.switch_at)
    assert switch.width() >= switch.sizeHint().width()  # "Switch at" is not clipped
    assert panel.switch_at.width() >= panel.switch_at.minimumWidth()
    dock.close()
    qtbot.waitUntil(lambda: not dock.isVisible())
    assert window.width() == 1200


def test_after_a_session_ends_another_can_start_in_its_own_entry(qtbot: QtBot,  # type: ignore[no-untyped-def]
                                                                 sample_vault: Vault) -> None:
    from partsjournal.ui.app.main_window import MainWindow

    window = MainWindow(sample_vault)
    qtbot.addWidget(window)
    window.show()
    window.start_peer_session()
    panel = window.peer_session
    assert panel is not None
    editor = window.journal.editor
    qtbot.keyClicks(editor.title, "First round")
    click(qtbot, panel.start_button)
    panel.end()
    qtbot.keyClicks(panel.debrief, "We both felt heard.")
    assert window.flush_all()
    first_id = editor.entry_id
    first = sample_vault.entries.get(first_id)
    assert first.kind is EntryKind.PEER_SESSION and first.debrief == "We both felt heard."
    click(qtbot, panel.new_button)
    assert editor.entry_id != first_id
    assert editor.kind.currentData() == EntryKind.PEER_SESSION.value
    assert panel.timer.state is TimerState.READY and panel.start_button.isVisible()
    assert panel.tabs.currentWidget() is panel.contract and panel.debrief.toPlainText() == ""
    click(qtbot, panel.start_button)
    assert window.flush_all()
    assert sample_vault.entries.get(first_id).debrief == "We both felt heard."  # kept as it was
    assert sample_vault.entries.get(first_id).title == "First round"
