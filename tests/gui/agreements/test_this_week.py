"""The This week panel and a guided session's note, as a person sees and uses them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from partsjournal.domain import Part
from partsjournal.domain.agreements import Agreement, AgreementStatus
from partsjournal.ui.agreements.session_start import OpenAgreementsNote, open_agreements_text
from partsjournal.ui.agreements.this_week import ThisWeekPanel
from partsjournal.ui.agreements.words import day_label
from partsjournal.ui.common.changes import Change, Changes
from partsjournal.vault import Vault

TODAY = date(2026, 3, 10)
MADE = datetime(2026, 3, 1, 9, tzinfo=UTC)


def _panel(qtbot: QtBot, vault: Vault) -> ThisWeekPanel:
    panel = ThisWeekPanel(vault, today=lambda: TODAY)
    qtbot.addWidget(panel)
    panel.resize(420, 480)
    panel.show()
    return panel


def _select(qtbot: QtBot, panel: ThisWeekPanel, text: str) -> None:
    row = next(n for n, line in enumerate(panel.model.lines()) if text in line)
    rect = panel.view.visualRect(panel.model.index(row, 0))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_it_shows_one_ending_in_3_days_and_not_one_ending_in_10_grouped_by_part(
        qtbot: QtBot, vault: Vault, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    eight = vault.parts.add(Part(name="Eight"))
    critic = vault.parts.add(Part(name="Critic"))
    vault.agreements.add(Agreement(eight.id, "Morning check-in",
                                   ends_on=TODAY + timedelta(days=3), made_at=MADE))
    vault.agreements.add(Agreement(eight.id, "Long walk", ends_on=TODAY + timedelta(days=10),
                                   made_at=MADE))
    vault.agreements.add(Agreement(critic.id, "Step back during presentations", made_at=MADE))
    panel = _panel(qtbot, vault)
    qtmodeltester.check(panel.model)
    lines = panel.model.lines()
    assert lines[0] == "Critic" and lines[2] == "Eight", "a heading per part, by name"
    assert "Step back during presentations" in lines[1]
    assert "Morning check-in" in lines[3] and day_label(TODAY + timedelta(days=3)) in lines[3]
    assert not any("Long walk" in line for line in lines)
    assert not panel.model.flags(panel.model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert panel.view.isVisible() and not panel.empty.isVisible()


def test_kept_and_let_go_take_it_off_the_list(qtbot: QtBot, vault: Vault) -> None:
    eight = vault.parts.add(Part(name="Eight"))
    kept = vault.agreements.add(Agreement(eight.id, "Morning check-in",
                                          ends_on=TODAY + timedelta(days=1), made_at=MADE))
    gone = vault.agreements.add(Agreement(eight.id, "No phone at night", made_at=MADE))
    panel = _panel(qtbot, vault)
    announced: list[Changes] = []
    panel.announced.connect(announced.append)
    assert not panel.kept_button.isEnabled()
    _select(qtbot, panel, "Morning check-in")
    qtbot.mouseClick(panel.kept_button, Qt.MouseButton.LeftButton)
    assert not any("Morning" in line for line in panel.model.lines())
    assert vault.agreements.get(kept.id).status is AgreementStatus.KEPT
    assert announced and announced[-1].touches(Change.AGREEMENTS)
    _select(qtbot, panel, "No phone at night")
    qtbot.mouseClick(panel.let_go_button, Qt.MouseButton.LeftButton)
    assert vault.agreements.get(gone.id).status is AgreementStatus.RELEASED
    assert panel.model.lines() == []
    assert panel.empty.isVisible() and not panel.view.isVisible()


def test_it_follows_changes_made_elsewhere_and_holds_nothing_after_a_lock(
        qtbot: QtBot, vault: Vault) -> None:
    eight = vault.parts.add(Part(name="Eight"))
    panel = _panel(qtbot, vault)
    assert panel.model.lines() == []
    vault.agreements.add(Agreement(eight.id, "Rest", made_at=MADE))
    panel.on_changes(Changes(frozenset({Change.AGREEMENTS}), initiator=object()))
    assert [line for line in panel.model.lines() if "Rest" in line]
    panel.clear()
    assert panel.model.lines() == []
    assert panel.flush()


def test_a_guided_session_can_show_the_parts_open_agreements(qtbot: QtBot,
                                                             vault: Vault) -> None:
    eight = vault.parts.add(Part(name="Eight"))
    other = vault.parts.add(Part(name="Other"))
    vault.agreements.add(Agreement(eight.id, "Morning check-in", ends_on=date(2026, 12, 5),
                                   made_at=MADE))
    closed = vault.agreements.add(Agreement(eight.id, "Old one", made_at=MADE))
    vault.agreements.mark(closed.id, AgreementStatus.KEPT, at=MADE)
    assert open_agreements_text(vault, eight.id) == [
        f"\u2068Morning check-in\u2069 · until {day_label(date(2026, 12, 5))}"]
    note = OpenAgreementsNote(vault)
    qtbot.addWidget(note)
    note.show()
    assert note.show_for(eight.id, "Eight")
    assert note.isVisible()
    assert "Eight" in note.heading.text()
    assert "Morning check-in" in note.lines.text() and "Old one" not in note.lines.text()
    assert note.lines.textFormat() == Qt.TextFormat.PlainText
    assert note.show_for(other.id, "Other") == [] and not note.isVisible()
    assert note.show_for(None) == [] and not note.isVisible()
