"""The Agreements section of an entry, used as a person uses it: add a part, see, record, mark."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QDate, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from partsjournal.domain import Entry, EntryKind, Part, PartPresence
from partsjournal.domain.agreements import Agreement, AgreementStatus
from partsjournal.ui.agreements.add_dialog import AddAgreementDialog
from partsjournal.ui.agreements.entry_agreements import AgreementsPanel
from partsjournal.ui.agreements.words import day_label
from partsjournal.ui.journal.journal_view import JournalView
from partsjournal.vault import Vault

from ..fixtures import ModalDriver

MADE = datetime(2026, 3, 9, 20, tzinfo=UTC)


def _journal(qtbot: QtBot, vault: Vault) -> JournalView:
    view = JournalView(vault)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    return view


def _panel(journal: JournalView) -> AgreementsPanel:
    return journal.editor.details.agreements_panel


def _add_part_by_typing(qtbot: QtBot, journal: JournalView, name: str) -> None:
    field = journal.editor.part_input
    field.setFocus()
    qtbot.keyClicks(field, name)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def _select_row(qtbot: QtBot, panel: AgreementsPanel, row: int) -> None:
    view = panel.view
    rect = view.visualRect(panel.model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_parts_open_agreement_shows_when_it_is_added_to_a_new_entry(
        qtbot: QtBot, vault: Vault) -> None:
    eight = vault.parts.add(Part(name="Eight"))
    critic = vault.parts.add(Part(name="Critic"))
    ends = date.today() + timedelta(days=3)
    vault.agreements.add(Agreement(eight.id, "Check in every morning", ends_on=ends,
                                   made_at=MADE))
    vault.agreements.add(Agreement(critic.id, "Step back during presentations", made_at=MADE))
    journal = _journal(qtbot, vault)
    ModelTester(None).check(_panel(journal).model)
    journal.new_entry(EntryKind.CHECK_IN)
    panel = _panel(journal)
    assert panel.empty.isVisible() and not panel.view.isVisible()

    _add_part_by_typing(qtbot, journal, "Eight")
    qtbot.waitUntil(lambda: panel.view.isVisible())
    shown = panel.model.lines()
    assert len(shown) == 1
    assert "Eight" in shown[0] and "Check in every morning" in shown[0]
    assert day_label(ends) in shown[0]
    assert "Step back" not in " ".join(shown), "only the parts present"
    assert not panel.empty.isVisible()


def test_kept_and_let_go_leave_the_open_list(qtbot: QtBot, vault: Vault) -> None:
    eight = vault.parts.add(Part(name="Eight"))
    one = vault.agreements.add(Agreement(eight.id, "Walk at lunch", made_at=MADE))
    two = vault.agreements.add(Agreement(eight.id, "Breathe first",
                                         made_at=MADE + timedelta(minutes=1)))
    entry = vault.entries.add(Entry(title="Noon", parts=[PartPresence(part_id=eight.id)]))
    journal = _journal(qtbot, vault)
    journal.open_entry(entry.id)
    panel = _panel(journal)
    qtbot.waitUntil(lambda: len(panel.model.agreements()) == 2)
    assert not panel.kept_button.isEnabled(), "nothing chosen yet"

    _select_row(qtbot, panel, 0)
    assert panel.kept_button.isEnabled()
    qtbot.mouseClick(panel.kept_button, Qt.MouseButton.LeftButton)
    assert [a.text for a in panel.model.agreements()] == ["Breathe first"]
    assert vault.agreements.get(one.id).status is AgreementStatus.KEPT

    _select_row(qtbot, panel, 0)
    qtbot.mouseClick(panel.let_go_button, Qt.MouseButton.LeftButton)
    assert panel.model.agreements() == []
    assert vault.agreements.get(two.id).status is AgreementStatus.RELEASED
    assert panel.empty.isVisible()
    assert vault.agreements.list_open() == []


def test_add_an_agreement_records_it_with_this_entry(qtbot: QtBot, vault: Vault) -> None:
    eight = vault.parts.add(Part(name="Eight"))
    vault.parts.add(Part(name="Critic"))
    journal = _journal(qtbot, vault)
    journal.new_entry(EntryKind.SOLO_SESSION)
    entry_id = journal.editor.entry_id
    _add_part_by_typing(qtbot, journal, "Eight")
    panel = _panel(journal)
    modals = ModalDriver()
    seen: list[list[str]] = []

    def fill_in(dialog: AddAgreementDialog) -> bool:
        combo = dialog.part_combo
        seen.append([combo.itemText(i) for i in range(combo.count())])
        assert combo.currentData() == eight.id, "a part present comes first"
        qtbot.keyClicks(dialog.words, "  I'll check in every morning  ")
        dialog.has_end.setChecked(True)
        dialog.ends_on.setDate(QDate(2026, 12, 5))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return True

    modals.on(AddAgreementDialog, fill_in)  # type: ignore[arg-type]
    try:
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    finally:
        modals.stop()
    assert seen == [["Eight", "", "Critic"]], "present parts, a separator, then any other part"
    stored = vault.agreements.list_open([eight.id])
    assert [(a.text, a.ends_on, a.entry_id) for a in stored] == [
        ("I'll check in every morning", date(2026, 12, 5), entry_id)]
    assert vault.entries.get(entry_id or "").parts[0].part_id == eight.id, "saved first"
    assert len(panel.model.lines()) == 1 and "I'll check in every morning" in \
        panel.model.lines()[0]


def test_a_refused_agreement_keeps_the_dialog_open_with_the_reason(
        qtbot: QtBot, vault: Vault) -> None:
    eight = vault.parts.add(Part(name="Eight"))
    dialog = AddAgreementDialog(vault, [eight.id], None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.problem.isVisible()
    assert "Write a few words of what was agreed." in dialog.problem.text()
    assert vault.agreements.count() == 0
    qtbot.keyClicks(dialog.words, "Rest on Sunday")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert [a.entry_id for a in vault.agreements.list()] == [None]


def test_names_and_words_show_as_plain_text(qtbot: QtBot, vault: Vault) -> None:
    markup = '<img src="file:///etc/hosts"><b>x</b>'
    part = vault.parts.add(Part(name=markup))
    vault.agreements.add(Agreement(part.id, "<i>not italic</i>", made_at=MADE))
    entry = vault.entries.add(Entry(title="T", parts=[PartPresence(part_id=part.id)]))
    journal = _journal(qtbot, vault)
    journal.open_entry(entry.id)
    panel = _panel(journal)
    qtbot.waitUntil(lambda: bool(panel.model.lines()))
    line = panel.model.lines()[0]
    assert markup in line and "<i>not italic</i>" in line
    tip = panel.model.data(panel.model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img" in tip and "<img" not in tip


def test_locking_empties_the_section(qtbot: QtBot, vault: Vault) -> None:
    eight = vault.parts.add(Part(name="Eight"))
    vault.agreements.add(Agreement(eight.id, "Secret promise", made_at=MADE))
    entry = vault.entries.add(Entry(title="T", parts=[PartPresence(part_id=eight.id)]))
    journal = _journal(qtbot, vault)
    journal.open_entry(entry.id)
    panel = _panel(journal)
    qtbot.waitUntil(lambda: bool(panel.model.lines()))
    journal.clear()
    assert panel.model.lines() == []
    assert not panel.add_button.isEnabled()
