"""Item models over the vault services; views never see SQL (DESIGN §2).

The journal list is lazy: it asks for pages of summaries (no bodies) as the view scrolls, so a
journal of 20,000 entries opens as fast as one of 20.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from partsjournal.domain.model import (
    EntrySummary,
    Part,
    PartPresence,
    Relation,
    RelationKind,
    Role,
    StageEvent,
)
from partsjournal.ui.plain_text import isolate, plain_tooltip
from partsjournal.ui.theme import kind_label, role_color, role_group_label
from partsjournal.vault import Vault
from partsjournal.vault.entries import EntryFilter
from partsjournal.vault.search import SearchHit

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 2
ROLE_ORDER = (Role.MANAGER, Role.FIREFIGHTER, Role.EXILE, Role.UNKNOWN)


def tr(text: str) -> str:
    """Translate in the models context."""
    return QCoreApplication.translate("Models", text)


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
            when = summary.occurred_at.astimezone().strftime("%x %H:%M")
            return f"{when}, {kind_label(summary.kind)}, {summary.title or tr('Untitled')}"
        if role == ID_ROLE:
            return summary.id
        if role == OBJECT_ROLE:
            return summary
        return None


@dataclass
class _PartNode:
    role: Role
    parts: list[Part]


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


class PartTreeModel(GroupedTreeModel):
    """Parts grouped by role: top-level rows are the four roles, children are parts."""

    def __init__(self, vault: Vault, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._show_archived = False
        self._groups: list[_PartNode] = []
        self.reload()

    def set_show_archived(self, show: bool) -> None:
        """Archived parts are hidden unless asked for."""
        self._show_archived = show
        self.reload()

    def reload(self) -> None:
        """Read the parts again."""
        self.beginResetModel()
        parts = self._vault.parts.list(include_archived=self._show_archived)
        self._groups = [_PartNode(role, [p for p in parts if p.role is role])
                        for role in ROLE_ORDER]
        self.endResetModel()

    def all_parts(self) -> list[Part]:
        """Every part shown, in order."""
        return [p for group in self._groups for p in group.parts]

    def index_of(self, part_id: str) -> QModelIndex:
        """The index of a part, or an invalid index."""
        for g, group in enumerate(self._groups):
            for r, part in enumerate(group.parts):
                if part.id == part_id:
                    return self.index(r, 0, self.index(g, 0))
        return QModelIndex()

    def group_count(self) -> int:
        return len(self._groups)

    def child_count(self, group: int) -> int:
        return len(self._groups[group].parts)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.is_group(index):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def part(self, index: Index) -> Part | None:
        """The part at an index (None for a group row)."""
        if not index.isValid() or self.is_group(index):
            return None
        return self._groups[index.internalId()].parts[index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if self.is_group(index):
            group = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{role_group_label(group.role)} ({len(group.parts)})"
            if role == Qt.ItemDataRole.DecorationRole:
                return role_color(group.role)
            if role == ID_ROLE:
                return group.role.value
            return None
        part = self.part(index)
        assert part is not None
        if role == Qt.ItemDataRole.DisplayRole:
            return part.name + (tr(" (archived)") if part.archived else "")
        if role == Qt.ItemDataRole.DecorationRole:
            return role_color(part.role, part.color)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(part.job)
        if role == ID_ROLE:
            return part.id
        if role == OBJECT_ROLE:
            return part
        return None




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


class StageHistoryModel(QAbstractTableModel):
    """A part's stage events: date, stage, note."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._events: list[StageEvent] = []

    def set_events(self, events: list[StageEvent]) -> None:
        """Show these events (oldest first)."""
        self.beginResetModel()
        self._events = list(events)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Date"), tr("Stage"), tr("Note"))[section] if 0 <= section < 3 else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        event = self._events[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            from partsjournal.ui.vocabulary import stage_label

            return (event.occurred_at.astimezone().strftime("%x"), stage_label(event.stage),
                    event.note)[index.column()]
        return None


class RelationsModel(QAbstractTableModel):
    """The relations of one part, phrased from its point of view."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._part_id = ""
        self._rows: list[tuple[Relation, str]] = []

    def set_relations(self, part_id: str, relations: list[Relation], names: dict[str, str]
                      ) -> None:
        """Show ``relations`` of ``part_id``; ``names`` maps part ids to names."""
        self.beginResetModel()
        self._part_id = part_id
        self._rows = []
        for relation in relations:
            other = relation.to_part_id if relation.from_part_id == part_id \
                else relation.from_part_id
            self._rows.append((relation, names.get(other, tr("(unknown part)"))))
        self.endResetModel()

    def relation(self, row: int) -> Relation:
        """The relation in a row."""
        return self._rows[row][0]

    def describe(self, relation: Relation) -> str:
        """'Protects', 'Is protected by', 'Polarized with', 'Allied with'."""
        if relation.kind is RelationKind.PROTECTS:
            return tr("Protects") if relation.from_part_id == self._part_id \
                else tr("Is protected by")
        if relation.kind is RelationKind.POLARIZED:
            return tr("Polarized with")
        return tr("Allied with")

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Relationship"), tr("Part"), tr("Note"))[section] \
                if 0 <= section < 3 else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        relation, other = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.describe(relation), other, relation.note)[index.column()]
        if role == ID_ROLE:
            return relation.id
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
                return tr("%1 (a peer's)").replace("%1", presence.name)
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
