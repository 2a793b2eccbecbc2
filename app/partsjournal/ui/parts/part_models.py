"""Item models of the parts room: the parts tree, a part's stage history and its relations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from partsjournal.domain.model import Part, Relation, RelationKind, Role
from partsjournal.ui.common.models import (
    ID_ROLE,
    OBJECT_ROLE,
    ROLE_ORDER,
    GroupedTreeModel,
    Index,
    RowTableModel,
    tr,
)
from partsjournal.ui.common.plain_text import plain_tooltip
from partsjournal.ui.common.theme import role_color
from partsjournal.ui.common.vocabulary import role_group_label
from partsjournal.vault import Vault


@dataclass
class _PartNode:
    role: Role
    parts: list[Part]


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


class RelationsModel(RowTableModel[tuple[Relation, str]]):
    """The relations of one part, phrased from its point of view."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._part_id = ""

    def set_relations(self, part_id: str, relations: list[Relation], names: dict[str, str]
                      ) -> None:
        """Show ``relations`` of ``part_id``; ``names`` maps part ids to names."""
        self._part_id = part_id
        rows = []
        for relation in relations:
            other = relation.to_part_id if relation.from_part_id == part_id \
                else relation.from_part_id
            rows.append((relation, names.get(other, tr("(unknown part)"))))
        self.set_rows(rows)

    def relation(self, row: int) -> Relation:
        """The relation in a row."""
        return self.row(row)[0]

    def describe(self, relation: Relation) -> str:
        """'Protects', 'Is protected by', 'Polarized with', 'Allied with'."""
        if relation.kind is RelationKind.PROTECTS:
            return tr("Protects") if relation.from_part_id == self._part_id \
                else tr("Is protected by")
        if relation.kind is RelationKind.POLARIZED:
            return tr("Polarized with")
        return tr("Allied with")

    def headers(self) -> tuple[str, ...]:
        return (tr("Relationship"), tr("Part"), tr("Note"))

    def cell(self, row: tuple[Relation, str], column: int, role: int) -> Any:
        relation, other = row
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.describe(relation), other, relation.note)[column]
        if role == ID_ROLE:
            return relation.id
        return None
