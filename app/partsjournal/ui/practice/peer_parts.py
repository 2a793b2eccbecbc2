"""The peer's parts beside a peer session: a read-only list, and a part's shared fields as text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from partsjournal.domain.model import Role
from partsjournal.ui.common.plain_text import plain_tooltip
from partsjournal.ui.common.theme import role_color, role_label
from partsjournal.ui.common.vocabulary import field_label, stage_label
from partsjournal.ui.common.widgets import swatch
from partsjournal.vault.peers import ReceivedPart

Index = QModelIndex | QPersistentModelIndex


class ReceivedPartListModel(QAbstractListModel):
    """A peer's received parts, read-only: name, and the role colour when it was shared."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._parts: list[ReceivedPart] = []

    def set_parts(self, parts: list[ReceivedPart]) -> None:
        """Show these parts."""
        self.beginResetModel()
        self._parts = list(parts)
        self.endResetModel()

    def part(self, row: int) -> ReceivedPart:
        """The part in a row."""
        return self._parts[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._parts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._parts):
            return None
        part = self._parts[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return part.name
        if role == Qt.ItemDataRole.DecorationRole:
            return swatch(role_color(part.role or Role.UNKNOWN, part.text("color")))
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(part.text("job"))
        if role == Qt.ItemDataRole.UserRole:
            return part.id
        return None


def describe_received(part: ReceivedPart) -> str:
    """The shared fields of a received part as plain text (shown with setPlainText)."""
    lines = [part.name, ""]
    for name in part.field_names:
        if name in ("name", "color"):
            continue
        if name == "role":
            value = role_label(part.role) if part.role else part.text(name)
        elif name == "stage":
            value = stage_label(part.stage) if part.stage else part.text(name)
        else:
            value = part.text(name)
        if value.strip():
            lines += [f"{field_label(name)}:", value.strip(), ""]
    return "\n".join(lines).rstrip()
