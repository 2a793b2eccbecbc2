"""The open entry's word count, in the status bar beside the journal.

Counted when typing pauses (a 5,000-word entry takes well under a millisecond, but there is no
need to do it at every key), and only while the journal page shows an entry.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from partsjournal.reports.text import count_words
from partsjournal.ui.journal.entry_editor import EntryEditor

PAUSE_MS = 250


class WordCount(QLabel):
    """``%n words`` of the entry in ``editor`` while ``page`` is the current one in ``pages``."""

    def __init__(self, editor: EntryEditor, pages: QStackedWidget, page: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor, self._pages, self._page = editor, pages, page
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName(self.tr("Word count"))
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(PAUSE_MS)
        self._later.timeout.connect(self.recount)
        editor.body.textChanged.connect(self._later.start)
        pages.currentChanged.connect(self._page_changed)

    def _page_changed(self, _index: int) -> None:
        self.recount()

    def recount(self) -> None:
        """Count now (or clear, away from the journal or with no entry open)."""
        if self._pages.currentWidget() is not self._page or self._editor.entry_id is None:
            self.clear()
            return
        self.setText(self.tr("%n words", "", count_words(self._editor.body.toPlainText())))
