"""Item models more than one feature uses; views never see SQL (docs/architecture.md).

The journal list (the journal page and a part's entries) is lazy: it asks for pages of summaries
(no bodies) as the view scrolls, so a journal of 20,000 entries opens as fast as one of 20. The
grouped tree is the base of the parts tree, the share log and the import preview. Models only one
feature uses live in that feature's folder.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from partsjournal.domain.model import EntrySummary, Role
from partsjournal.ui.common.dates import date_and_time
from partsjournal.ui.common.plain_text import isolate, plain_tooltip
from partsjournal.ui.common.vocabulary import kind_label
from partsjournal.vault import Vault
from partsjournal.vault.entries import EntryFilter

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 2
ROLE_ORDER = (Role.MANAGER, Role.FIREFIGHTER, Role.EXILE, Role.UNKNOWN)


R = TypeVar("R")


def tr(text: str) -> str:
    """Translate in the models context."""
    return QCoreApplication.translate("Models", text)


class RowTableModel(QAbstractTableModel, Generic[R]):
    """A read-only table with one object per row: subclasses name the columns and fill a cell.

    The counting, the headers and the bounds checks are here once, so a table model says only
    what it shows (:meth:`headers`, :meth:`cell`).
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    def headers(self) -> tuple[str, ...]:
        """The column titles, translated (asked each time, so a language change shows)."""
        raise NotImplementedError

    def cell(self, row: R, column: int, role: int) -> Any:
        """What ``role`` of ``row`` shows in ``column`` (None for nothing)."""
        raise NotImplementedError

    def set_rows(self, rows: Iterable[R]) -> None:
        """Show these rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> R:
        """The object in a row."""
        return self._rows[number]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        headers = self.headers()
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(headers)):
            return headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)


class EntryListModel(QAbstractListModel):
    """Entry summaries, newest first, fetched a page at a time."""

    PAGE = 200

    def __init__(self, vault: Vault, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._filter = EntryFilter()
        self._rows: list[EntrySummary] = []
        self._total = 0
        self.reload()

    @property
    def filter(self) -> EntryFilter:
        """What the list currently shows."""
        return self._filter

    def set_filter(self, where: EntryFilter) -> None:
        """Show only matching entries."""
        self._filter = where
        self.reload()

    def reload(self) -> None:
        """Start again from the first page (after a filter change or an edit)."""
        self.beginResetModel()
        self._total = self._vault.entries.count(self._filter)
        self._rows = self._vault.entries.list(self._filter, limit=self.PAGE)
        self.endResetModel()

    @property
    def total(self) -> int:
        """How many entries match, loaded or not."""
        return self._total

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid():
            return
        more = self._vault.entries.list(self._filter, limit=self.PAGE, offset=len(self._rows))
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def summary(self, row: int) -> EntrySummary:
        """The summary shown in a row."""
        return self._rows[row]

    def row_of(self, entry_id: str) -> int:
        """The row of an entry among those loaded, or -1."""
        for row, summary in enumerate(self._rows):
            if summary.id == entry_id:
                return row
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return summary.title or tr("Untitled")
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(", ".join(isolate(name) for name in summary.part_names))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            when = date_and_time(summary.occurred_at)
            return f"{when}, {kind_label(summary.kind)}, {summary.title or tr('Untitled')}"
        if role == ID_ROLE:
            return summary.id
        if role == OBJECT_ROLE:
            return summary
        return None


class GroupedTreeModel(QAbstractItemModel):
    """Two levels — headings with rows under each — the shape of every tree the app shows.

    Subclasses say how many headings and rows there are and what they show. A heading's index
    carries :data:`GROUP` as its internal id; a row's carries its heading's row number.
    """

    GROUP = 0x7FFFFFFF
    COLUMNS = 1

    def group_count(self) -> int:
        """How many headings."""
        raise NotImplementedError

    def child_count(self, group: int) -> int:
        """How many rows under heading ``group``."""
        raise NotImplementedError

    def is_group(self, index: Index) -> bool:
        """True for a heading's index."""
        return index.isValid() and index.internalId() == self.GROUP

    def index(self, row: int, column: int,
              parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not 0 <= column < self.COLUMNS or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, self.GROUP) if row < self.group_count() \
                else QModelIndex()
        if not self.is_group(parent) or parent.column() != 0 \
                or parent.row() >= self.group_count():
            return QModelIndex()
        if row >= self.child_count(parent.row()):
            return QModelIndex()
        return self.createIndex(row, column, parent.row())

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or self.is_group(index):
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, self.GROUP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return self.group_count()
        if self.is_group(parent) and parent.column() == 0:
            return self.child_count(parent.row())
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return self.COLUMNS

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
