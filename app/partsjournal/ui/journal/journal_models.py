"""Item models of the journal room: search results and the parts present in an entry."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, Qt

from partsjournal.domain.model import PartPresence
from partsjournal.domain.words import fill
from partsjournal.ui.common.models import ID_ROLE, OBJECT_ROLE, Index, tr
from partsjournal.vault.search import SearchHit


class SearchResultsModel(QAbstractListModel):
    """Search hits: title, kind and a snippet whose matches the delegate highlights."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        """Replace the results."""
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> SearchHit:
        """The hit in a row."""
        return self._hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title or tr("Untitled")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            plain = "".join(text for text, _ in hit.snippet_segments())
            return f"{hit.title}: {plain}"
        if role == ID_ROLE:
            return hit.id
        if role == OBJECT_ROLE:
            return hit
        return None


class PresenceModel(QAbstractTableModel):
    """The parts present in the entry being edited: name, and an editable note."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PartPresence] = []

    def set_presences(self, presences: list[PartPresence]) -> None:
        """Show these parts."""
        self.beginResetModel()
        self._rows = [PartPresence(p.part_id, p.received_part_id, p.note, p.name)
                      for p in presences]
        self.endResetModel()

    def presences(self) -> list[PartPresence]:
        """What is shown, in order (copies)."""
        return [PartPresence(p.part_id, p.received_part_id, p.note, p.name) for p in self._rows]

    def add(self, presence: PartPresence) -> bool:
        """Append a part unless it is already there."""
        key = presence.part_id or presence.received_part_id
        if any((p.part_id or p.received_part_id) == key for p in self._rows):
            return False
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append(presence)
        self.endInsertRows()
        return True

    def remove(self, row: int) -> None:
        """Take a part out of the entry."""
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Part"), tr("How it showed up"))[section] if 0 <= section < 2 else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 1 else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        presence = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if index.column() == 1:
                return presence.note
            if presence.received_part_id:  # a part a peer shared, not one's own
                return fill(tr("%1 (a peer's)"), presence.name)
            return presence.name
        return None

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 1 or role != Qt.ItemDataRole.EditRole:
            return False
        self._rows[index.row()].note = str(value)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole,
                                             Qt.ItemDataRole.EditRole])
        return True
