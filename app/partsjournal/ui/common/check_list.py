"""The one check list: rows a person ticks, each with a key, its words and maybe a colour.

Used wherever a person chooses several things from a list — parts to share, a part's fields,
parts to withdraw (the share wizard), the entries a split-off part takes along, the parts a
summary covers. Labels are shown as display text only (views draw it as plain text).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from partsjournal.ui.common.models import ID_ROLE
from partsjournal.ui.common.plain_text import plain_tooltip
from partsjournal.ui.common.widgets import swatch

Index = QModelIndex | QPersistentModelIndex


@dataclass
class CheckItem:
    """One row of a check list: a key, what is shown, and whether it is ticked."""

    key: str
    label: str
    checked: bool = False
    locked: bool = False  #: always ticked (a part's name is always shared)
    color: QColor | None = None
    accessible: str = ""
    tooltip: str = ""  #: plain text, shown through plain_tooltip


class CheckListModel(QAbstractListModel):
    """Rows a person ticks; ``checkable=False`` shows the same rows without tick boxes."""

    #: The set of ticked keys changed (by the person or by code).
    checked_changed = Signal()

    def __init__(self, parent: Any = None, *, checkable: bool = True) -> None:
        super().__init__(parent)
        self._items: list[CheckItem] = []
        self._checkable = checkable

    def set_items(self, items: Sequence[CheckItem]) -> None:
        """Show these rows."""
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()
        self.checked_changed.emit()

    def item(self, row: int) -> CheckItem:
        """The row's item."""
        return self._items[row]

    def keys(self) -> list[str]:
        """Every key, in order."""
        return [i.key for i in self._items]

    def checked_keys(self) -> list[str]:
        """The ticked keys, in order."""
        return [i.key for i in self._items if i.checked or i.locked]

    def set_checked(self, keys: Iterable[str]) -> None:
        """Tick exactly these keys (locked rows stay ticked)."""
        wanted = set(keys)
        for item in self._items:
            item.checked = item.locked or item.key in wanted
        if self._items:
            self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1),
                                  [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()

    def tick(self, key: str, checked: bool = True) -> None:
        """Tick or untick one row, leaving the others as they are."""
        wanted = set(self.checked_keys())
        if checked:
            wanted.add(key)
        else:
            wanted.discard(key)
        self.set_checked(wanted)

    def set_all(self, checked: bool) -> None:
        """Tick or untick every row."""
        self.set_checked(self.keys() if checked else [])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if not self._checkable:
            return base | Qt.ItemFlag.ItemIsEnabled
        if self._items[index.row()].locked:
            return base
        return base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.label
        if role == Qt.ItemDataRole.CheckStateRole and self._checkable:
            ticked = item.checked or item.locked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DecorationRole:
            return swatch(item.color) if item.color is not None else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return item.accessible or item.label
        if role == Qt.ItemDataRole.ToolTipRole and item.tooltip:
            return plain_tooltip(item.tooltip)
        if role == ID_ROLE:
            return item.key
        return None

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or not self._checkable:
            return False
        item = self._items[index.row()]
        if item.locked:
            return False
        state = value.value if isinstance(value, Qt.CheckState) else int(value)
        item.checked = state == Qt.CheckState.Checked.value
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()
        return True
