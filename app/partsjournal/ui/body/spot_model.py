"""The spots as a list model: the readable text of the body map, for a list view.

A screen reader reads the outline's spots through this list ("Chest (front), large — tight band
across the chest"); the outline and the list share a selection by spot id.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from partsjournal.domain.body_map import BodySpot
from partsjournal.ui.body.words import spot_line

Index = QModelIndex | QPersistentModelIndex
#: The spot's id, for selection.
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class BodySpotModel(QAbstractListModel):
    """One row per spot, optionally with its part's name and colour."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[BodySpot, str | None, QColor | None]] = []

    def set_spots(self, rows: list[tuple[BodySpot, str | None, QColor | None]]) -> None:
        """Show these spots, in this order."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def spot(self, row: int) -> BodySpot | None:
        """The spot on ``row``, or None."""
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def row_of(self, spot_id: str | None) -> int:
        """The row of a spot, or -1."""
        return next((n for n, r in enumerate(self._rows) if r[0].id == spot_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        spot, name, color = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return spot_line(spot, name)
        if role == Qt.ItemDataRole.DecorationRole:
            return color
        if role == ID_ROLE:
            return spot.id
        return None
