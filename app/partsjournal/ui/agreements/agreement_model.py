"""The list model of agreements: one row each, or grouped under each part's name.

Rows hold the agreement's id (``ID_ROLE``) and the agreement (``OBJECT_ROLE``); a part's heading
row (grouped mode) holds neither and cannot be selected, so "Kept" and "Let go" only ever act on
an agreement. Everything shown is plain text (a tooltip through ``plain_tooltip``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QFont

from partsjournal.domain.agreements import Agreement
from partsjournal.domain.words import fill
from partsjournal.ui.agreements.words import agreement_line, tr
from partsjournal.ui.common.models import ID_ROLE, OBJECT_ROLE, Index
from partsjournal.ui.common.plain_text import plain_tooltip


class AgreementListModel(QAbstractListModel):
    """Agreements, each with its part's name in the row, or under a heading per part."""

    def __init__(self, parent: Any = None, *, grouped: bool = False) -> None:
        super().__init__(parent)
        self._grouped = grouped
        #: (heading, None) or (line, agreement), in the order shown.
        self._rows: list[tuple[str, Agreement | None]] = []

    def set_agreements(self, agreements: Sequence[Agreement], names: Mapping[str, str]) -> None:
        """Show ``agreements``; ``names`` maps part id → name (a part not in it: "?")."""
        self.beginResetModel()
        self._rows = []
        if self._grouped:
            order: list[str] = []
            by_part: dict[str, list[Agreement]] = {}
            for a in agreements:
                if a.part_id not in by_part:
                    order.append(a.part_id)
                by_part.setdefault(a.part_id, []).append(a)
            for part_id in sorted(order, key=lambda p: (names.get(p, "?").casefold(), p)):
                self._rows.append((names.get(part_id, "?"), None))
                # Under its part's heading, set in by a bullet, so each reads as one of its.
                self._rows += [(fill(tr("• %1"), agreement_line(a)), a)
                               for a in by_part[part_id]]
        else:
            self._rows = [(agreement_line(a, names.get(a.part_id, "?")), a) for a in agreements]
        self.endResetModel()

    def agreement(self, row: int) -> Agreement | None:
        """The agreement in ``row`` (None for a heading)."""
        return self._rows[row][1] if 0 <= row < len(self._rows) else None

    def agreements(self) -> list[Agreement]:
        """Every agreement shown, in order."""
        return [a for _, a in self._rows if a is not None]

    def lines(self) -> list[str]:
        """What each row shows (headings included), as a person reads the list."""
        return [text for text, _ in self._rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.agreement(index.row()) is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        text, agreement = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(text)
        if role == Qt.ItemDataRole.FontRole and agreement is None:
            font = QFont()
            font.setBold(True)
            return font
        if role == ID_ROLE:
            return None if agreement is None else agreement.id
        if role == OBJECT_ROLE:
            return agreement
        return None
