"""The guided six-F's session driven like a person: typing, ticking, clicking, pausing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from partsjournal.domain import EntryKind, Part, Role, Stage
from partsjournal.flows.six_fs import SixFsFlow, Step
from partsjournal.ui.practice.guided_session import GuidedSessionDialog
from partsjournal.vault import Vault
from partsjournal.vault.drafts import DraftRepository

from ..fixtures import MARKUP as HOSTILE
from ..fixtures import unlabelled


def make(qtbot: QtBot, vault: Vault, **kwargs) -> GuidedSessionDialog:  # type: ignore[no-untyped-def]
    dialog = GuidedSessionDialog(vault, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_answer(qtbot: QtBot, dialog: GuidedSessionDialog, key: str, text: str) -> None:
    edit = dialog.answer_edits[key]
    assert edit.isVisible(), key
    edit.setFocus()
    qtbot.keyClicks(edit, text)


def click_next(qtbot: QtBot, dialog: GuidedSessionDialog) -> None:
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)


def tick(qtbot: QtBot, dialog: GuidedSessionDialog, feeling: str) -> None:
    box = dialog.feeling_boxes[feeling]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def test_a_whole_session_creates_a_part_and_an_entry(qtbot: QtBot, vault: Vault) -> None:
    dialog = make(qtbot, vault)
    assert dialog.title.text() == "Find"
    click_next(qtbot, dialog)  # nothing named yet
    assert dialog.problem.isVisible() and "name" in dialog.problem.text()
    assert dialog.flow.step is Step.FIND

    qtbot.keyClicks(dialog.new_name, "The Worrier")
    type_answer(qtbot, dialog, "trailhead", "Tight chest before the meeting")
    click_next(qtbot, dialog)
    assert dialog.title.text() == "Focus" and "The Worrier" in dialog.intro.text()
    type_answer(qtbot, dialog, "focus", "It hums")
    click_next(qtbot, dialog)
    type_answer(qtbot, dialog, "body", "A knot under the breastbone")
    type_answer(qtbot, dialog, "appearance", "Small, grey, pacing")
    click_next(qtbot, dialog)

    assert dialog.title.text() == "Feel toward"
    click_next(qtbot, dialog)  # nothing ticked
    assert dialog.problem.isVisible()
    tick(qtbot, dialog, "curiosity")
    assert "Self" in dialog.feel_hint.text()
    tick(qtbot, dialog, "annoyed")
    assert "step back" in dialog.feel_hint.text()
    click_next(qtbot, dialog)

    assert dialog.title.text() == "Asking a part to step back"
    assert "annoyed" in dialog.intro.text()
    assert dialog.next_button.text().replace("&", "") == "Check again ›"
    type_answer(qtbot, dialog, "reacting_part", "The Critic")
    type_answer(qtbot, dialog, "step_back", "It sat down, grumbling")
    click_next(qtbot, dialog)

    assert dialog.title.text() == "Feel toward"
    assert not any(box.isChecked() for box in dialog.feeling_boxes.values())
    tick(qtbot, dialog, "curiosity")
    tick(qtbot, dialog, "calm")
    click_next(qtbot, dialog)

    assert dialog.title.text() == "beFriend"
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.MANAGER.value))
    type_answer(qtbot, dialog, "job", "Keeps me prepared")
    click_next(qtbot, dialog)
    type_answer(qtbot, dialog, "fears", "Being humiliated")
    click_next(qtbot, dialog)

    assert dialog.title.text() == "Before you finish"
    rows = {row.proposal.field: row for row in dialog._proposal_rows}
    assert set(rows) == {"body", "appearance", "job", "fears", "triggers", "role", "stage"}
    check = rows["appearance"].check
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    assert rows["appearance"].edit is not None and not rows["appearance"].edit.isEnabled()
    assert rows["job"].edit is not None
    rows["job"].edit.setPlainText("Keeps me prepared, always")
    dialog.energy.setValue(6)
    changed: list[str] = []
    dialog.part_changed.connect(changed.append)
    with qtbot.waitSignal(dialog.entry_created) as created:
        click_next(qtbot, dialog)
    entry_id = created.args[0]
    (part_id,) = changed

    part = vault.parts.get(part_id)
    assert (part.name, part.role, part.stage) == ("The Worrier", Role.MANAGER,
                                                  Stage.GETTING_TO_KNOW)
    assert part.job == "Keeps me prepared, always" and part.appearance == ""
    assert part.body == "A knot under the breastbone" and part.fears == "Being humiliated"
    entry = vault.entries.get(entry_id)
    assert entry.kind is EntryKind.SOLO_SESSION and entry.self_energy == 6
    assert entry.title == "Six F's with The Worrier"
    assert [p.part_id for p in entry.parts] == [part_id]
    for heading in ("## Find", "## Focus", "## Flesh out", "## Feel toward",
                    "### Asking a part to step back", "## beFriend", "## Fears"):
        assert heading in entry.body
    assert "The Critic" in entry.body
    assert DraftRepository(vault.db).count() == 0
    assert not dialog.isVisible()


def test_an_existing_part_is_updated_only_where_confirmed(qtbot: QtBot, vault: Vault) -> None:
    part = vault.parts.add(Part(name="Critic", role=Role.MANAGER, job="Points out mistakes",
                                stage=Stage.BEFRIENDED))
    dialog = make(qtbot, vault, part_id=part.id)
    assert dialog.part_combo.currentData() == part.id and not dialog.new_name.isVisible()
    for _ in range(3):
        click_next(qtbot, dialog)
    tick(qtbot, dialog, "compassion")
    click_next(qtbot, dialog)
    type_answer(qtbot, dialog, "job", "Protects me from shame")
    click_next(qtbot, dialog)
    click_next(qtbot, dialog)
    rows = {row.proposal.field: row for row in dialog._proposal_rows}
    assert list(rows) == ["job"]
    assert rows["job"].edit is not None
    assert rows["job"].edit.toPlainText() == "Points out mistakes\n\nProtects me from shame"
    with qtbot.waitSignal(dialog.part_changed) as changed:
        click_next(qtbot, dialog)
    assert changed.args == [part.id]
    stored = vault.parts.get(part.id)
    assert stored.job == "Points out mistakes\n\nProtects me from shame"
    assert stored.stage is Stage.BEFRIENDED


def test_pause_and_resume_later(qtbot: QtBot, vault: Vault) -> None:
    dialog = make(qtbot, vault)
    qtbot.keyClicks(dialog.new_name, "Scroller")
    type_answer(qtbot, dialog, "trailhead", "Phone at 1am")
    click_next(qtbot, dialog)
    click_next(qtbot, dialog)
    type_answer(qtbot, dialog, "body", "Heavy arms")
    with qtbot.waitSignal(dialog.paused) as paused:
        qtbot.mouseClick(dialog.pause_button, Qt.MouseButton.LeftButton)
    draft_id = paused.args[0]
    assert not dialog.isVisible()
    (draft,) = DraftRepository(vault.db).list()
    assert draft.id == draft_id and draft.title == "Scroller"
    assert vault.entries.count() == 0 and vault.parts.count() == 0

    # Later: the Find page offers the paused session.
    later = make(qtbot, vault)
    assert later.resume_row.isVisible()
    assert later.resume_combo.currentData() == draft_id
    qtbot.mouseClick(later.resume_button, Qt.MouseButton.LeftButton)
    assert later.title.text() == "Flesh out"
    assert later.answer_edits["body"].toPlainText() == "Heavy arms"
    qtbot.mouseClick(later.back_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(later.back_button, Qt.MouseButton.LeftButton)
    assert later.answer_edits["trailhead"].toPlainText() == "Phone at 1am"
    assert later.new_name.text() == "Scroller"
    for _ in range(3):
        click_next(qtbot, later)
    tick(qtbot, later, "curiosity")
    for _ in range(3):
        click_next(qtbot, later)
    with qtbot.waitSignal(later.entry_created):
        click_next(qtbot, later)
    assert DraftRepository(vault.db).count() == 0
    assert vault.parts.find_by_name("Scroller") is not None


def test_resume_by_draft_id(qtbot: QtBot, vault: Vault) -> None:
    flow = SixFsFlow()
    flow.name_new_part("Fog")
    flow.next()
    flow.answer("focus", "grey")
    draft_id = flow.pause(vault)
    dialog = make(qtbot, vault, draft_id=draft_id)
    assert dialog.title.text() == "Focus"
    assert dialog.answer_edits["focus"].toPlainText() == "grey"
    assert not dialog.resume_row.isVisible()


def test_closing_midway_keeps_a_draft_and_an_empty_one_leaves_nothing(qtbot: QtBot,
                                                                      vault: Vault) -> None:
    empty = make(qtbot, vault)
    empty.close()
    assert DraftRepository(vault.db).count() == 0
    dialog = make(qtbot, vault)
    qtbot.keyClicks(dialog.new_name, "Planner")
    click_next(qtbot, dialog)
    type_answer(qtbot, dialog, "focus", "lists")
    with qtbot.waitSignal(dialog.paused):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    (draft,) = DraftRepository(vault.db).list()
    assert SixFsFlow.from_json(draft.state).answers == {"focus": "lists"}


def test_discard_asks_and_removes_the_draft(qtbot: QtBot, vault: Vault,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    flow = SixFsFlow()
    flow.name_new_part("Fog")
    draft_id = flow.pause(vault)
    dialog = make(qtbot, vault, draft_id=draft_id)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and DraftRepository(vault.db).count() == 1
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Discard)
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert DraftRepository(vault.db).count() == 0


def test_hostile_part_names_are_shown_as_text(qtbot: QtBot, vault: Vault) -> None:
    part = vault.parts.add(Part(name=HOSTILE, job=HOSTILE))
    dialog = make(qtbot, vault, part_id=part.id)
    click_next(qtbot, dialog)
    assert HOSTILE in dialog.intro.text()
    for label in dialog.findChildren(QLabel):
        if "<" in label.text() and label.isVisible():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


def test_every_control_has_a_name(qtbot: QtBot, sample_vault: Vault) -> None:
    dialog = make(qtbot, sample_vault)
    assert unlabelled(dialog) == []
