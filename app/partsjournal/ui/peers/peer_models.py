"""Item models of the Peers page, the share wizard and the import preview.

Everything shown here may come from a peer's card or bundle, so it is only ever handed to views
as display text (item views draw it as plain text), and a tooltip only through ``plain_tooltip``
— Qt would read a raw tooltip as rich text when it looks like HTML.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from partsjournal.domain.model import Role
from partsjournal.domain.words import fill
from partsjournal.flows.importing import ImportPreview, PartChange, PreviewPart
from partsjournal.ui.common.dates import date_and_time, short_date
from partsjournal.ui.common.icons import icon
from partsjournal.ui.common.models import ID_ROLE, OBJECT_ROLE, GroupedTreeModel, RowTableModel
from partsjournal.ui.common.plain_text import plain_tooltip
from partsjournal.ui.common.theme import role_color
from partsjournal.ui.common.vocabulary import field_label, role_label
from partsjournal.ui.common.widgets import swatch
from partsjournal.vault import Vault
from partsjournal.vault.peers import Peer, ReceivedPart, ShareLogEntry

Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
#: The internal id of a top-level row in the tree models; child rows carry their parent's row.
_GROUP = GroupedTreeModel.GROUP


def tr(text: str) -> str:
    """Translate in the peer models context."""
    return QCoreApplication.translate("PeerModels", text)


def field_list(fields: Iterable[str]) -> str:
    """Field names as the labels a person knows, comma-separated."""
    return ", ".join(field_label(f) for f in fields)


def peer_status(peer: Peer) -> str:
    """'Verified on …' or 'Not verified'."""
    if peer.verified_at is None:
        return tr("Not verified")
    return fill(tr("Verified on %1"), short_date(peer.verified_at))


# Peers -------------------------------------------------------------------------------------

class PeerListModel(RowTableModel[Peer]):
    """Every peer: the name (marked when not verified) and when it was verified."""

    def __init__(self, vault: Vault, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self.reload()

    def reload(self) -> None:
        """Read the peers again."""
        self.set_rows(self._vault.peers.list())

    def peer(self, row: int) -> Peer:
        """The peer in a row."""
        return self.row(row)

    def row_of(self, peer_id: str) -> int:
        """The row of a peer, or -1."""
        return next((r for r, p in enumerate(self._rows) if p.id == peer_id), -1)

    def headers(self) -> tuple[str, ...]:
        return (tr("Peer"), tr("Verified"))

    def cell(self, peer: Peer, column: int, role: int) -> Any:
        if role == _DISPLAY:
            if column == 0:  # the next column says whether the card is verified
                return peer.name
            return short_date(peer.verified_at) if peer.verified_at else tr("Not yet")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{peer.label}, {peer_status(peer)}"
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            return icon("check" if peer.verified else "triangle-alert")
        if role == ID_ROLE:
            return peer.id
        if role == OBJECT_ROLE:
            return peer
        return None


# Received parts -------------------------------------------------------------------------------

class ReceivedPartsModel(QAbstractListModel):
    """The parts one peer shared, in the role colours of the app (Peers page, peer session)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._parts: list[ReceivedPart] = []

    def set_parts(self, parts: Sequence[ReceivedPart]) -> None:
        """Show these parts."""
        self.beginResetModel()
        self._parts = list(parts)
        self.endResetModel()

    def part(self, row: int) -> ReceivedPart:
        """The part in a row."""
        return self._parts[row]

    def row_of(self, received_id: str) -> int:
        """The row of a received part, or -1."""
        return next((r for r, p in enumerate(self._parts) if p.id == received_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._parts)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._parts):
            return None
        part = self._parts[index.row()]
        if role == _DISPLAY:
            return part.name
        if role == Qt.ItemDataRole.DecorationRole:
            return swatch(role_color(part.role or Role.UNKNOWN, _colour(part.text("color"))))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{part.name}, {role_label(part.role or Role.UNKNOWN)}"
        if role == Qt.ItemDataRole.ToolTipRole and part.text("job"):
            return plain_tooltip(part.text("job"))
        if role == ID_ROLE:
            return part.id
        if role == OBJECT_ROLE:
            return part
        return None


def _colour(value: str) -> str:
    return value if QColor.isValidColorName(value) else ""


# Share log -------------------------------------------------------------------------------------

class ShareLogModel(GroupedTreeModel):
    """The share log with one peer as a tree: each bundle (when, what) → its parts and fields."""

    COLUMNS = 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[ShareLogEntry] = []

    def set_entries(self, entries: Sequence[ShareLogEntry]) -> None:
        """Show these log lines (newest first)."""
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> ShareLogEntry:
        """The log line in a top-level row."""
        return self._entries[row]

    @staticmethod
    def summary(entry: ShareLogEntry) -> str:
        """'3 parts shared, 1 withdrawn' and the like."""
        bits = []
        if entry.parts:
            bits.append(tr("1 part shared") if len(entry.parts) == 1
                        else fill(tr("%1 parts shared"), str(len(entry.parts))))
        if entry.withdrawn:
            bits.append(tr("1 part withdrawn") if len(entry.withdrawn) == 1
                        else fill(tr("%1 parts withdrawn"), str(len(entry.withdrawn))))
        return ", ".join(bits) or tr("A message only")

    def _children(self, entry: ShareLogEntry) -> list[tuple[str, str]]:
        rows = [(p.name, field_list(p.fields)) for p in entry.parts]
        rows += [(w.name or tr("(a removed part)"), tr("Withdrawn")) for w in entry.withdrawn]
        return rows

    def group_count(self) -> int:
        return len(self._entries)

    def child_count(self, group: int) -> int:
        return len(self._children(self._entries[group]))

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY \
                and 0 <= section < self.COLUMNS:
            return (tr("When / part"), tr("What / fields"))[section]
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            entry = self._entries[index.row()]
            if role in (_DISPLAY, Qt.ItemDataRole.AccessibleTextRole):
                return date_and_time(entry.shared_at) if index.column() == 0 \
                    else self.summary(entry)
            if role == ID_ROLE:
                return entry.id
            if role == OBJECT_ROLE:
                return entry
            return None
        children = self._children(self._entries[index.internalId()])
        if role in (_DISPLAY, Qt.ItemDataRole.AccessibleTextRole):
            return children[index.row()][index.column()]
        return None


# Import preview --------------------------------------------------------------------------------

@dataclass
class _Group:
    change: PartChange
    heading: str
    parts: tuple[PreviewPart, ...]


class ImportPreviewModel(GroupedTreeModel):
    """The import preview as a tree: what happens (new, updated…) → the parts it happens to."""

    COLUMNS = 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[_Group] = []

    def set_preview(self, preview: ImportPreview) -> None:
        """Show a preview (only the kinds of change it has)."""
        headings = {
            PartChange.NEW: tr("New parts"),
            PartChange.UPDATED: tr("Updated parts"),
            PartChange.UNCHANGED: tr("Unchanged parts"),
            PartChange.OLDER: tr("Older than the copy you have (yours is kept)"),
            PartChange.WITHDRAWN: tr("Withdrawn (will be removed)"),
        }
        self.beginResetModel()
        self._groups = [_Group(c, headings[c], preview.of(c)) for c in headings
                        if preview.of(c)]
        self.endResetModel()

    def headings(self) -> list[str]:
        """The headings shown, in order."""
        return [g.heading for g in self._groups]

    def group_parts(self, change: PartChange) -> tuple[PreviewPart, ...]:
        """The parts under one heading."""
        return next((g.parts for g in self._groups if g.change is change), ())

    @staticmethod
    def describe(line: PreviewPart) -> str:
        """Which fields come, or what withdrawing does to the journal."""
        if line.change is PartChange.WITHDRAWN:
            if not line.entry_count:
                return tr("Not in any of your journal entries")
            if line.entry_count == 1:
                return tr("In 1 of your journal entries; it will be taken out of it")
            return fill(tr("In %1 of your journal entries; it will be taken out of them"),
                        str(line.entry_count))
        text = fill(tr("Fields: %1"), field_list(line.fields))
        if line.removed_fields:
            text += "; " + fill(tr("no longer shared: %1"), field_list(line.removed_fields))
        return text

    def group_count(self) -> int:
        return len(self._groups)

    def child_count(self, group: int) -> int:
        return len(self._groups[group].parts)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY \
                and 0 <= section < self.COLUMNS:
            return (tr("Part"), tr("What comes with it"))[section]
        return None

    def line(self, index: Index) -> PreviewPart | None:
        """The preview line at an index (None for a heading)."""
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        return self._groups[index.internalId()].parts[index.row()]

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            group = self._groups[index.row()]
            if role == _DISPLAY and index.column() == 0:
                return f"{group.heading} ({len(group.parts)})"
            if role == Qt.ItemDataRole.FontRole and index.column() == 0:
                font = QFont()
                font.setBold(True)
                return font
            if role == ID_ROLE:
                return group.change.value
            return None
        line = self.line(index)
        assert line is not None
        if role in (_DISPLAY, Qt.ItemDataRole.AccessibleTextRole):
            return line.name if index.column() == 0 else self.describe(line)
        if role == ID_ROLE:
            return line.sender_part_id
        if role == OBJECT_ROLE:
            return line
        return None
