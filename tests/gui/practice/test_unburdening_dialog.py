"""The unburdening path driven like a person: choosing, asking permission, walking, stopping."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from partsjournal.domain import EntryKind, Part, Role, Stage
from partsjournal.domain.model import Relation, RelationKind
from partsjournal.flows.unburdening import Step, UnburdeningFlow
from partsjournal.ui.practice.guided_session import GuidedSessionDialog
from partsjournal.ui.practice.unburdening_dialog import UnburdeningDialog, open_unburdening
from partsjournal.vault import Vault
from partsjournal.vault.drafts import DraftRepository

from ..fixtures import MARKUP as HOSTILE
from ..fixtures import unlabelled

MET = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)


def exile(vault: Vault, name: str = "Little One") -> Part:
    return vault.parts.add(Part(name=name, role=Role.EXILE, stage=Stage.BEFRIENDED,
                                created_at=MET, updated_at=MET))


def make(qtbot: QtBot, vault: Vault, **kwargs) -> UnburdeningDialog:  # type: ignore[no-untyped-def]
    dialog = UnburdeningDialog(vault, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.objectName()
    if button.inherits("QPushButton"):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    else:  # a radio button or a tick box: click its indicator, as a person would
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def type_answer(qtbot: QtBot, dialog: UnburdeningDialog, key: str, text: str) -> None:
    edit = dialog.answer_edits[key]
    assert edit.isVisible(), key
    edit.setFocus()
    qtbot.keyClicks(edit, text)


def rate(qtbot: QtBot, box: QWidget, value: int) -> None:
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, str(value))


def through_gate(qtbot: QtBot, dialog: UnburdeningDialog, energy: int = 7) -> None:
    click(qtbot, dialog.next_button)
    assert dialog.title.text() == "Asking permission"
    click(qtbot, dialog.consent.agree_radio)
    rate(qtbot, dialog.consent.energy, energy)
    click(qtbot, dialog.next_button)
    assert dialog.title.text() == "Witnessing"


def test_a_whole_path_saves_an_entry_and_moves_the_stage(qtbot: QtBot, vault: Vault) -> None:
    vault.parts.add(Part(name="Critic", role=Role.MANAGER))
    part = exile(vault)
    dialog = make(qtbot, vault)
    combo = dialog.begin.part_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Little One"]
    assert "Befriended" in dialog.begin.role_note.text()
    assert dialog.begin.therapist.isVisible() and "therapist" in dialog.begin.therapist.text()
    assert dialog.begin.crisis.text() == (
        "Parts Journal is not therapy and not a crisis service. In a crisis, contact your "
        "local emergency services or a crisis line.")
    assert not dialog.stop_button.isVisible()

    click(qtbot, dialog.next_button)
    assert "Little One" in dialog.intro.text()
    click(qtbot, dialog.next_button)  # nothing chosen yet
    assert dialog.problem.isVisible() and "protectors" in dialog.problem.text()
    click(qtbot, dialog.consent.agree_radio)
    click(qtbot, dialog.next_button)
    assert dialog.problem.isVisible() and "Self-energy" in dialog.problem.text()
    rate(qtbot, dialog.consent.energy, 3)
    assert "isn't much Self-energy" in dialog.consent.hint.text()
    assert "still go on" in dialog.consent.hint.text()
    click(qtbot, dialog.next_button)  # low Self-energy suggests, it does not stop
    assert dialog.title.text() == "Witnessing" and dialog.stop_button.isVisible()
    assert dialog.indicator.position == 0

    type_answer(qtbot, dialog, "witness", "Nobody came when I cried.")
    type_answer(qtbot, dialog, "witness_self", "Close to it.")
    click(qtbot, dialog.next_button)
    type_answer(qtbot, dialog, "do_over", "I held it.")
    click(qtbot, dialog.next_button)
    type_answer(qtbot, dialog, "retrieval_where", "The beach with you.")
    click(qtbot, dialog.next_button)
    assert dialog.title.text() == "Unburdening"
    type_answer(qtbot, dialog, "burden", "That I'm too much.")
    click(qtbot, dialog.next_button)
    assert dialog.problem.isVisible() and "release" in dialog.problem.text()
    click(qtbot, dialog.unburden.buttons["water"])
    click(qtbot, dialog.next_button)
    assert dialog.title.text() == "Inviting qualities"
    click(qtbot, dialog.invite.boxes["courage"])
    dialog.invite.other.setFocus()
    qtbot.keyClicks(dialog.invite.other, "playfulness")
    click(qtbot, dialog.next_button)
    type_answer(qtbot, dialog, "integrate", "Lighter.")
    click(qtbot, dialog.next_button)
    assert dialog.title.text() == "Before you finish"
    summary = dialog.review.summary.text()
    assert "“Unburdening with Little One”" in summary
    assert "from “Befriended” to “Integrated”" in summary
    assert dialog.next_button.text() == "&Save to journal"

    assert dialog.review.preview.toPlainText().startswith("## Before starting\n")
    rate(qtbot, dialog.review.energy, 8)
    assert dialog.review.preview.toPlainText().endswith("**Self-energy at the end:** 8/10\n")
    with qtbot.waitSignal(dialog.entry_created) as created:
        click(qtbot, dialog.next_button)
    assert not dialog.isVisible()
    entry = vault.entries.get(created.args[0])
    assert entry.kind is EntryKind.SOLO_SESSION
    assert entry.title == "Unburdening with Little One" and entry.self_energy == 8
    assert "## Witnessing\n\nSelf: What do you want me to know about what happened?\n" \
           "Little One: Nobody came when I cried.\n" in entry.body
    assert "**Released to:** water" in entry.body
    assert "**Qualities it invited in:** Courage, playfulness" in entry.body
    assert "**Self-energy at the start:** 3/10" in entry.body
    assert vault.parts.get(part.id).stage is Stage.INTEGRATED
    event = vault.parts.history(part.id)[-1]
    assert event.stage is Stage.INTEGRATED and event.occurred_at == entry.occurred_at
    assert event.occurred_at.date() == datetime.now(UTC).date()
    assert event.note == "Reached in “Unburdening with Little One” (the unburdening path)"
    assert DraftRepository(vault.db).count() == 0


def test_another_role_is_offered_on_asking_with_a_plain_note(qtbot: QtBot,
                                                             vault: Vault) -> None:
    exile(vault)
    critic = vault.parts.add(Part(name="Critic", role=Role.MANAGER))
    dialog = make(qtbot, vault)
    click(qtbot, dialog.begin.all_parts)
    combo = dialog.begin.part_combo
    combo.setCurrentIndex(combo.findData(critic.id))
    assert combo.currentText() == "Critic (Manager)"
    assert dialog.begin.role_note.text() == (
        "These steps are mainly walked with exiles. In your journal Critic is “Manager”; you "
        "can still go on if it feels right.")
    click(qtbot, dialog.next_button)
    assert dialog.flow.part_id == critic.id and dialog.title.text() == "Asking permission"


def test_a_part_chosen_from_its_page_is_ready(qtbot: QtBot, vault: Vault) -> None:
    exile(vault, "Other")
    part = exile(vault)
    dialog = make(qtbot, vault, part_id=part.id)
    assert dialog.begin.part_combo.currentData() == part.id
    click(qtbot, dialog.next_button)
    assert dialog.flow.part_id == part.id


def test_protectors_not_ready_turn_to_them_and_nothing_is_kept(qtbot: QtBot,
                                                              vault: Vault) -> None:
    part = exile(vault)
    vault.parts.add(Part(name="Busy One", role=Role.FIREFIGHTER))
    guard = vault.parts.add(Part(name="Guard", role=Role.MANAGER))
    vault.relations.add(Relation(RelationKind.PROTECTS, guard.id, part.id))
    dialog = make(qtbot, vault, part_id=part.id)
    click(qtbot, dialog.next_button)
    assert dialog.consent.protectors_known.text() == "Its protectors in your journal: Guard."
    click(qtbot, dialog.consent.not_yet_radio)
    assert "protectors come first" in dialog.consent.hint.text()
    click(qtbot, dialog.next_button)  # no Self-energy needed to turn to them
    assert dialog.title.text() == "Turning to the protectors"
    assert "Little One" in dialog.intro.text()
    combo = dialog.protector.protector_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Guard", "Busy One", "A protector I haven't met yet…"]
    assert not dialog.pause_button.isVisible() and not dialog.stop_button.isVisible()
    assert not dialog.discard_button.isVisible()
    assert dialog.protector.nothing_kept.text().startswith("Nothing from this session is kept.")
    with qtbot.waitSignal(dialog.turn_to_protector) as turned:
        click(qtbot, dialog.protector.six_fs_button)
    assert turned.args == [guard.id]
    assert not dialog.isVisible()
    assert vault.entries.count() == 0 and DraftRepository(vault.db).count() == 0
    assert vault.parts.get(part.id).stage is Stage.BEFRIENDED


def test_closing_at_the_protectors_keeps_nothing(qtbot: QtBot, vault: Vault) -> None:
    dialog = make(qtbot, vault, part_id=exile(vault).id)
    click(qtbot, dialog.next_button)
    click(qtbot, dialog.consent.not_yet_radio)
    click(qtbot, dialog.next_button)
    assert dialog.next_button.text() == "&Close"
    click(qtbot, dialog.next_button)
    assert not dialog.isVisible() and DraftRepository(vault.db).count() == 0


def test_stopping_for_today_saves_what_was_walked(qtbot: QtBot, vault: Vault) -> None:
    part = exile(vault)
    dialog = make(qtbot, vault, part_id=part.id)
    through_gate(qtbot, dialog)
    type_answer(qtbot, dialog, "witness", "It showed me the kitchen.")
    click(qtbot, dialog.next_button)
    click(qtbot, dialog.next_button)
    assert dialog.title.text() == "Retrieval"
    type_answer(qtbot, dialog, "retrieval_where", "It wants to stay a bit.")
    click(qtbot, dialog.stop_button)
    summary = dialog.review.summary.text()
    assert "from “Befriended” to “Witnessed”" in summary
    assert "You stopped at “Retrieval” for today" in summary
    with qtbot.waitSignal(dialog.entry_created) as created:
        click(qtbot, dialog.next_button)
    body = vault.entries.get(created.args[0]).body
    assert body.endswith("Little One: It wants to stay a bit.\n\n*We stopped here for today.*\n")
    assert vault.parts.get(part.id).stage is Stage.WITNESSED


def test_back_keeps_answers_and_choices(qtbot: QtBot, vault: Vault) -> None:
    dialog = make(qtbot, vault, part_id=exile(vault).id)
    through_gate(qtbot, dialog, energy=6)
    type_answer(qtbot, dialog, "witness", "dark")
    click(qtbot, dialog.back_button)
    assert dialog.consent.agree_radio.isChecked() and dialog.consent.energy.value() == 6
    click(qtbot, dialog.next_button)
    assert dialog.answer_edits["witness"].toPlainText() == "dark"


def test_escape_pauses_and_the_session_can_be_resumed(qtbot: QtBot, vault: Vault) -> None:
    part = exile(vault)
    dialog = make(qtbot, vault, part_id=part.id)
    through_gate(qtbot, dialog)
    click(qtbot, dialog.next_button)
    click(qtbot, dialog.next_button)
    click(qtbot, dialog.next_button)
    dialog.unburden.own.setFocus()
    qtbot.keyClicks(dialog.unburden.own, "the wind")
    assert dialog.unburden.buttons["own"].isChecked()
    with qtbot.waitSignal(dialog.paused):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    (draft,) = UnburdeningFlow.paused(vault)
    assert draft.title == "Little One"

    again = make(qtbot, vault)
    assert again.begin.resume_row.isVisible()
    click(qtbot, again.begin.resume_button)
    assert again.title.text() == "Unburdening"
    assert again.unburden.own.text() == "the wind" and again.unburden.buttons["own"].isChecked()
    assert again.flow.draft_id == draft.id


def test_discard_asks_and_removes_the_draft(qtbot: QtBot, vault: Vault,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    flow = UnburdeningFlow()
    flow.choose_part(exile(vault))
    draft_id = flow.pause(vault)
    dialog = make(qtbot, vault, draft_id=draft_id)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Discard)
    click(qtbot, dialog.discard_button)
    assert not dialog.isVisible() and DraftRepository(vault.db).count() == 0


def test_the_keyboard_walks_the_gate(qtbot: QtBot, vault: Vault) -> None:
    exile(vault)
    dialog = make(qtbot, vault)
    assert dialog.focusWidget() is dialog.begin.part_combo
    qtbot.keyClick(dialog.begin.part_combo, Qt.Key.Key_Return)  # Next is the default button
    assert dialog.title.text() == "Asking permission"
    assert dialog.focusWidget() is dialog.consent.agree_radio
    qtbot.keyClick(dialog.consent.agree_radio, Qt.Key.Key_Space)
    assert dialog.consent.agree_radio.isChecked()
    rate(qtbot, dialog.consent.energy, 7)
    qtbot.keyClick(dialog.consent.energy, Qt.Key.Key_Return)
    assert dialog.title.text() == "Witnessing"
    assert dialog.focusWidget() is dialog.answer_edits["witness"]


def test_hostile_part_names_are_shown_as_text(qtbot: QtBot, vault: Vault) -> None:
    part = exile(vault, HOSTILE)
    guard = vault.parts.add(Part(name=HOSTILE + " guard", role=Role.MANAGER))
    vault.relations.add(Relation(RelationKind.PROTECTS, guard.id, part.id))
    dialog = make(qtbot, vault, part_id=part.id)
    assert dialog.begin.part_combo.currentText() == HOSTILE
    click(qtbot, dialog.next_button)
    assert HOSTILE in dialog.intro.text()
    assert HOSTILE in dialog.consent.protectors_known.text()
    for label in dialog.findChildren(QLabel):
        if "<" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
    assert all("<" not in w.toolTip() for w in dialog.findChildren(QWidget))


def test_every_control_has_a_name(qtbot: QtBot, sample_vault: Vault) -> None:
    dialog = make(qtbot, sample_vault)
    assert unlabelled(dialog) == []


def test_open_unburdening_turns_to_the_six_fs_with_the_protector(qtbot: QtBot,
                                                                 vault: Vault) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    part = exile(vault)
    guard = vault.parts.add(Part(name="Guard", role=Role.MANAGER))
    vault.relations.add(Relation(RelationKind.PROTECTS, guard.id, part.id))
    opened: list[str] = []
    dialog = open_unburdening(parent, vault, part.id, open_entry=opened.append)
    qtbot.waitExposed(dialog)
    assert dialog.flow.part_id == part.id
    click(qtbot, dialog.next_button)
    click(qtbot, dialog.consent.not_yet_radio)
    click(qtbot, dialog.next_button)
    click(qtbot, dialog.protector.six_fs_button)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in
                                parent.findChildren(GuidedSessionDialog)))
    (guided,) = [d for d in parent.findChildren(GuidedSessionDialog) if d.isVisible()]
    assert guided.flow.part_id == guard.id and guided.flow.step.value == "find"
    guided.discard()
    qtbot.waitUntil(lambda: not shiboken6.isValid(guided) and not shiboken6.isValid(dialog))
    assert opened == [] and dialog.flow.step is Step.DONE
