"""In the journal, the body knows the person's parts as speakers: coloured, offered, kept fresh."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from partsjournal.domain import Entry
from partsjournal.domain.model import Part, Role
from partsjournal.ui.journal.journal_view import JournalView
from partsjournal.vault import Vault

from .test_dialogue_body import formats_at


def test_an_entry_shows_its_parts_turns_in_colour_and_offers_a_new_parts_name(
        qtbot: QtBot, vault: Vault) -> None:
    critic = vault.parts.add(Part(name="The Critic", role=Role.MANAGER))
    entry = vault.entries.add(Entry(title="Talk", body="Self: What do you fear?\n"
                                                       "The Critic: That you'll fail."))
    journal = JournalView(vault)
    qtbot.addWidget(journal)
    journal.resize(1100, 700)
    journal.show()
    journal.open_entry(entry.id)
    body = journal.editor.body
    assert [s.name for s in body.cast.speakers][:1] == ["Self"]
    assert "The Critic" in [s.name for s in body.cast.speakers]
    assert formats_at(body, 1, 2).fontWeight() == QFont.Weight.Bold, "the part's name is bold"
    assert formats_at(body, 1, 15).fontWeight() != QFont.Weight.Bold, "its words are plain"
    assert formats_at(body, 0, 1).fontWeight() == QFont.Weight.Bold, "Self's name too"

    vault.parts.add(Part(name="Little One", role=Role.EXILE))
    journal.editor.refresh_part_names()  # what the change bus does when a part is added
    assert "Little One" in [s.name for s in body.cast.speakers]
    cursor = body.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    body.setTextCursor(cursor)
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_Return)
    assert body.toPlainText().splitlines()[-1] == "Self: ", "the conversation goes back to Self"
    qtbot.keyClick(body, Qt.Key.Key_Return)  # nothing said: the name goes away
    assert body.toPlainText().endswith("fail.\n")
    qtbot.keyClicks(body, "Li")
    qtbot.waitUntil(body.names_popup.isVisible)
    qtbot.keyClick(body, Qt.Key.Key_Tab)
    qtbot.keyClicks(body, "I'm here.")
    assert body.toPlainText().splitlines()[-1] == "Little One: I'm here."
    assert journal.flush()
    assert vault.entries.get(entry.id).body.endswith("The Critic: That you'll fail.\n"
                                                     "Little One: I'm here.")
    assert critic.id
