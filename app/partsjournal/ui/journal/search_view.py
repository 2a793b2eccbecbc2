"""Search results across parts and entries, updated as the person types."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.words import fill
from partsjournal.ui.common.delegates import SearchHitDelegate
from partsjournal.ui.journal.journal_models import SearchResultsModel
from partsjournal.vault import Vault
from partsjournal.vault.search import HitKind, SearchHit, SearchResults

DEBOUNCE_MS = 120


class _ResultList(QListView):
    activated_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class SearchView(QWidget):
    """Shows ranked hits with highlighted snippets; ``open_hit`` asks the window to open one."""

    open_hit = Signal(object)  # SearchHit

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._query = ""
        self.model = SearchResultsModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName(self.tr("Search summary"))
        self.search_all = QPushButton(self.tr("Search all entries"), self)
        self.search_all.setAccessibleName(self.tr("Search all entries, not only recent ones"))
        self.search_all.setVisible(False)
        self.search_all.clicked.connect(lambda: self.run(complete=True))
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.search_all)
        layout.addLayout(top)
        self.results = _ResultList(self)
        self.results.setModel(self.model)
        self.results.setItemDelegate(SearchHitDelegate(self.results))
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setUniformItemSizes(True)
        self.results.doubleClicked.connect(lambda index: self._open(index.row()))
        self.results.activated_row.connect(self._open)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run)

    def set_query(self, text: str, *, now: bool = False) -> None:
        """Search for ``text`` shortly (or at once), replacing the results."""
        self._query = text
        if now:
            self._timer.stop()
            self.run()
        else:
            self._timer.start()

    def run(self, complete: bool = False) -> None:
        """Run the pending query (``complete`` ranks all entries, not only recent ones)."""
        hits = self._vault.search.search(self._query, complete=complete) \
            if self._query.strip() else SearchResults()
        self.model.set_hits(hits)
        self.search_all.setVisible(hits.truncated)
        if not self._query.strip():
            self.summary.setText("")
        elif not hits:
            self.summary.setText(fill(self.tr("Nothing found for “%1”."), self._query))
        else:
            shown = self.tr("%n results", "", len(hits))
            if hits.truncated:
                shown = fill(self.tr("%1, best matches among your recent entries"), shown)
            self.summary.setText(fill(self.tr("%1 — press Enter to open"), shown))
            self.results.setCurrentIndex(self.model.index(0, 0))

    def open_first(self) -> None:
        """Open the selected (or first) hit — Enter in the search field."""
        self._timer.stop()
        self.run()
        index = self.results.currentIndex()
        row = index.row() if index.isValid() else 0
        if self.model.rowCount() > row:
            self._open(row)

    def focus_results(self) -> None:
        """Move keyboard focus into the list (Down from the search field)."""
        self.results.setFocus()
        if not self.results.currentIndex().isValid() and self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(0, 0))

    def _open(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.open_hit.emit(self.model.hit(row))

    def clear(self) -> None:
        """Forget query and results (used when locking)."""
        self._timer.stop()
        self._query = ""
        self.model.set_hits([])
        self.summary.clear()
        self.search_all.setVisible(False)


def hit_is_part(hit: SearchHit) -> bool:
    """True when a hit points at a part (else an entry)."""
    return hit.kind is HitKind.PART


class SearchField(QLineEdit):
    """The global search box: Enter opens the first hit, Down moves into the results."""

    enter = Signal()
    down = Signal()
    escape = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter.emit()
        elif key == Qt.Key.Key_Down:
            self.down.emit()
        elif key == Qt.Key.Key_Escape:
            self.escape.emit()
        else:
            super().keyPressEvent(event)
