"""A new entry starts from its kind's template; until the person writes, it is not an entry."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from partsjournal.domain.model import EntryKind
from partsjournal.domain.templates import default_template
from partsjournal.ui.journal.journal_view import JournalView
from partsjournal.vault import Vault

MINE = "## How is the Critic today?\n"


def _journal(qtbot: QtBot, vault: Vault) -> JournalView:
    view = JournalView(vault)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    return view


def _choose_kind(journal: JournalView, kind: EntryKind) -> None:
    combo = journal.editor.kind
    combo.setCurrentIndex(combo.findData(kind.value))


def test_each_kind_starts_from_its_template_and_an_untouched_one_is_swapped(
        qtbot: QtBot, vault: Vault) -> None:
    journal = _journal(qtbot, vault)
    body = journal.editor.body
    journal.new_entry(EntryKind.SOLO_SESSION)
    solo = default_template(EntryKind.SOLO_SESSION)
    assert body.toPlainText() == solo and solo.startswith("## Find")
    assert body.textCursor().position() == len(solo), "the cursor waits at the end"
    _choose_kind(journal, EntryKind.THERAPY_SESSION)
    assert body.toPlainText() == default_template(EntryKind.THERAPY_SESSION)
    assert "\nQ: " in body.toPlainText()
    _choose_kind(journal, EntryKind.NOTE)
    assert body.toPlainText() == ""
    assert journal.flush()
    assert vault.entries.count() == 0, "a template nobody wrote in is not an entry"


def test_the_persons_own_template_is_used_and_kept_once_they_write(
        qtbot: QtBot, vault: Vault) -> None:
    vault.templates.set(EntryKind.CHECK_IN, MINE)
    journal = _journal(qtbot, vault)
    body = journal.editor.body
    journal.new_entry(EntryKind.CHECK_IN)
    assert body.toPlainText() == MINE
    qtbot.keyClicks(body, "Quiet, a little tired.")
    _choose_kind(journal, EntryKind.SOLO_SESSION)
    assert body.toPlainText() == MINE + "Quiet, a little tired.", \
        "what was written is never replaced by another template"
    qtbot.keyClick(body, Qt.Key.Key_Return)
    assert journal.flush()
    stored = vault.entries.list()
    assert len(stored) == 1
    entry = vault.entries.get(stored[0].id)
    assert entry.kind is EntryKind.SOLO_SESSION
    assert entry.body.startswith(MINE + "Quiet, a little tired.")
