"""A new journal invites its first entry and its first part (issue 12: empty states)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from partsjournal.domain.model import Entry, EntryKind
from partsjournal.ui.app.main_window import MainWindow
from partsjournal.vault import Vault

from ..fixtures import shown


def test_an_empty_journal_offers_its_first_entry_and_part(qtbot: QtBot, vault: Vault) -> None:
    window = shown(qtbot, MainWindow(vault), 1024, 700)
    empty = window.journal.empty
    assert empty.isVisible()
    assert empty.heading.text().startswith("Your journal is empty")
    for label in (empty.heading, empty.text):  # wrapped, never cut off
        assert label.height() >= label.heightForWidth(label.width()), label.text()
        assert label.width() >= 300
    first_entry = window.findChild(QPushButton, "firstEntry")
    first_part = window.findChild(QPushButton, "firstPart")
    assert first_entry is not None and first_entry.isVisible()
    assert first_part is not None and first_part.isVisible()

    qtbot.mouseClick(first_part, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.parts
    name = window.parts.findChild(QLineEdit, "partName")
    assert name is not None and name.isVisible() and name.text() == ""

    window.show_journal()
    qtbot.mouseClick(first_entry, Qt.MouseButton.LeftButton)
    assert window.journal.right.currentWidget() is window.journal.editor
    window.flush_all()


def test_with_entries_nothing_open_has_no_first_steps(qtbot: QtBot, vault: Vault) -> None:
    vault.entries.add(Entry(kind=EntryKind.NOTE, title="Monday", body="Sat with it."))
    window = shown(qtbot, MainWindow(vault), 1024, 700)
    empty = window.journal.empty
    assert empty.heading.text() == "Nothing open."
    assert not any(b.isVisible() for b in empty.buttons)
