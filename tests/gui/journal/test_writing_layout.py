"""Writing first: at every window size from 1024×700 up the text gets most of the editor."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSize
from pytestqt.qtbot import QtBot

from partsjournal.domain import Entry
from partsjournal.ui.app.main_window import MainWindow
from partsjournal.vault import Vault


@pytest.mark.parametrize("size", [QSize(1024, 700), QSize(1200, 800), QSize(1920, 1080)],
                         ids=lambda s: f"{s.width()}x{s.height()}")
def test_the_text_gets_most_of_the_editor_and_the_details_stay_in_sight(
        qtbot: QtBot, vault: Vault, size: QSize) -> None:
    entry = vault.entries.add(Entry(title="Morning", body="The critic was quiet today."))
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    window.open_entry(entry.id)
    editor = window.journal.editor
    qtbot.waitUntil(lambda: editor.body.isVisible() and editor.details.isVisible())
    body, details = editor.body, editor.details
    body_at = body.mapTo(editor, QPoint(0, 0))
    details_at = details.mapTo(editor, QPoint(0, 0))
    if editor.width() >= 900:
        assert details_at.x() >= body_at.x() + body.width(), "beside the text"
        assert body.width() > details.width()
        assert body.height() >= editor.height() * 3 // 4
    else:
        assert details_at.y() >= body_at.y() + body.height(), "under the text"
        assert body.height() >= 2 * details.height()
        assert details.height() >= 100, "the strip shows more than a sliver"


@pytest.mark.parametrize("size", [QSize(1920, 1080), QSize(1200, 800)],
                         ids=lambda s: f"{s.width()}x{s.height()}")
def test_lines_are_set_at_a_readable_measure(qtbot: QtBot, vault: Vault, size: QSize) -> None:
    paragraph = " ".join(["The critic eased a little when I asked what it was afraid of."] * 12)
    entry = vault.entries.add(Entry(title="Long", body=paragraph))
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    window.open_entry(entry.id)
    body = window.journal.editor.body
    qtbot.waitUntil(body.isVisible)
    layout = body.document().firstBlock().layout()

    def lengths() -> list[int]:
        return [layout.lineAt(i).textLength() for i in range(layout.lineCount() - 1)]

    def readable() -> bool:  # about 60–80 characters a line
        return len(lengths()) > 3 and all(50 <= n <= 85 for n in lengths())

    qtbot.waitUntil(readable, timeout=2000)
    assert max(layout.lineAt(i).naturalTextWidth() for i in range(layout.lineCount())) \
        <= body.viewport().width(), "no line runs under the margin"
