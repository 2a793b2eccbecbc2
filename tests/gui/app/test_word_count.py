"""The status bar counts the open entry's words, once typing pauses."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from partsjournal.domain import Entry
from partsjournal.ui.app.main_window import MainWindow
from partsjournal.vault import Vault


def test_the_status_bar_counts_the_words_of_the_open_entry(qtbot: QtBot, vault: Vault) -> None:
    entry = vault.entries.add(Entry(title="One", body="The critic got **loud** today."))
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    window.open_entry(entry.id)
    qtbot.waitUntil(lambda: window.word_count.text() == "5 words")
    window.journal.editor.body.setPlainText("Alone")
    qtbot.waitUntil(lambda: window.word_count.text() == "1 word")
    window.show_parts()
    assert window.word_count.text() == ""  # only beside an entry
    window.show_journal()
    qtbot.waitUntil(lambda: window.word_count.text() == "1 word")
