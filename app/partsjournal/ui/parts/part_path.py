"""A part's path so far: each stage it reached, when, and the journal entries that belong to it.

Which entries belong to a stage: those the part appears in from the moment the stage was
reached until the next stage — the time the relationship spent there. A guided session that
moves a stage (the unburdening path, :mod:`partsjournal.flows.unburdening`) stores its entry
and the stage event at the very same moment, so its entry sits under the stage it reached, the
event's note naming it too. Entries older than the first event (a part added after it was
written about) belong to the first stage. Matching by time rather than by the note's words keeps
working when the person renames an entry or writes a stage note of their own.

The History tab shows this as one table, a stage's row (bold) followed by its entries
(indented): read top to bottom it is the path.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont

from partsjournal.domain.model import EntrySummary, StageEvent
from partsjournal.domain.words import fill
from partsjournal.ui.common.dates import long_date, short_date
from partsjournal.ui.common.models import ID_ROLE, OBJECT_ROLE, RowTableModel
from partsjournal.ui.common.vocabulary import kind_label, stage_label

#: How far an entry's row is set in under its stage.
INDENT = "    "

PathRow = StageEvent | EntrySummary


def tr(text: str) -> str:
    """Translate in the part-path context."""
    return QCoreApplication.translate("PartPath", text)


def path_rows(events: Sequence[StageEvent], entries: Sequence[EntrySummary]) -> list[PathRow]:
    """The stages oldest first, each followed by its entries (oldest first); see the module."""
    events = sorted(events, key=lambda e: e.occurred_at)
    if not events:
        return sorted(entries, key=lambda e: e.occurred_at)
    belonging: list[list[EntrySummary]] = [[] for _ in events]
    for entry in sorted(entries, key=lambda e: (e.occurred_at, e.id)):
        stop = 0
        for number, event in enumerate(events):
            if event.occurred_at <= entry.occurred_at:
                stop = number
        belonging[stop].append(entry)
    rows: list[PathRow] = []
    for event, own in zip(events, belonging, strict=True):
        rows.append(event)
        rows.extend(own)
    return rows


class PartPathModel(RowTableModel[PathRow]):
    """The path as table rows: a stage (date, stage, note), then its entries (date, kind, title).

    Entry rows carry the entry's summary in ``OBJECT_ROLE`` and its id in ``ID_ROLE``, so the
    view opens the entry on Enter or a double-click; stage rows carry their event.
    """

    def set_events(self, events: Sequence[StageEvent],
                   entries: Sequence[EntrySummary] = ()) -> None:
        """Show this part's stage events and the entries it appears in."""
        self.set_rows(path_rows(events, entries))

    def headers(self) -> tuple[str, ...]:
        return (tr("Date"), tr("Stage"), tr("Note"))

    def cell(self, row: PathRow, column: int, role: int) -> Any:
        if role in (OBJECT_ROLE, ID_ROLE):
            return row if role == OBJECT_ROLE else row.id
        if isinstance(row, StageEvent):
            return self._stage_cell(row, column, role)
        return self._entry_cell(row, column, role)

    @staticmethod
    def _stage_cell(event: StageEvent, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (short_date(event.occurred_at), stage_label(event.stage), event.note)[column]
        if role == Qt.ItemDataRole.FontRole and column < 2:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return (fill(tr("Reached on %1"), long_date(event.occurred_at)),
                    fill(tr("Stage: %1"), stage_label(event.stage)), event.note)[column]
        return None

    @staticmethod
    def _entry_cell(entry: EntrySummary, column: int, role: int) -> Any:
        title = entry.title or tr("Untitled")
        if role == Qt.ItemDataRole.DisplayRole:
            return (INDENT + short_date(entry.occurred_at), INDENT + kind_label(entry.kind),
                    title)[column]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return (fill(tr("Entry of %1"), long_date(entry.occurred_at)),
                    kind_label(entry.kind), title)[column]
        return None
