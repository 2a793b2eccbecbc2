"""The Journal page: filters and the entry list on the left, the editor on the right."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import cast

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.model import Entry, EntryKind
from partsjournal.ui.common.changes import Change, Changes
from partsjournal.ui.common.delegates import EntryDelegate
from partsjournal.ui.common.empty_state import EmptyState
from partsjournal.ui.common.models import ID_ROLE, EntryListModel
from partsjournal.ui.common.operation import perform
from partsjournal.ui.common.plain_text import set_tooltip
from partsjournal.ui.common.vocabulary import kind_label
from partsjournal.ui.journal.entry_editor import EntryEditor
from partsjournal.vault import Vault
from partsjournal.vault.entries import EntryFilter

PERIODS: tuple[tuple[str, int | None], ...] = (
    ("any", None), ("week", 7), ("month", 31), ("quarter", 92), ("year", 366), ("between", None),
)


class JournalView(QWidget):
    """Lists entries newest first and edits the selected one."""

    status = Signal(str)
    entry_deleted = Signal(object)  # the deleted Entry, so the window can offer undo
    #: The empty journal's "Add your first part": the window opens a new part on Parts.
    part_requested = Signal()
    #: What this page stored (a Changes value for the change bus).
    announced = Signal(object)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self.model = EntryListModel(vault, self)
        self._build()
        self._fill_part_filter()
        self._update_count()

    def _build(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(splitter)

        left = QWidget(splitter)
        #: The filters, the list and its count (put away in focus mode).
        self.list_pane = left
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 8)
        self.new_button = QPushButton(self.tr("New entry"), left)
        self.new_button.setAccessibleName(self.tr("New entry"))
        set_tooltip(self.new_button, self.tr("Write a new entry (Ctrl+N)"))
        self.new_button.clicked.connect(lambda: self.new_entry())
        left_layout.addWidget(self.new_button)

        filters = QHBoxLayout()
        self.kind_filter = QComboBox(left)
        self.kind_filter.addItem(self.tr("All kinds"), "")
        for kind in EntryKind:
            self.kind_filter.addItem(kind_label(kind), kind.value)
        self.kind_filter.setAccessibleName(self.tr("Show entries of kind"))
        self.part_filter = QComboBox(left)
        self.part_filter.setAccessibleName(self.tr("Show entries with part"))
        self.part_filter.setMinimumContentsLength(10)
        self.part_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        filters.addWidget(self.kind_filter, 1)
        filters.addWidget(self.part_filter, 1)
        left_layout.addLayout(filters)

        period_row = QHBoxLayout()
        self.period = QComboBox(left)
        labels = {"any": self.tr("Any time"), "week": self.tr("Past week"),
                  "month": self.tr("Past month"), "quarter": self.tr("Past 3 months"),
                  "year": self.tr("Past year"), "between": self.tr("Between dates…")}
        for key, _days in PERIODS:
            self.period.addItem(labels[key], key)
        self.period.setAccessibleName(self.tr("Show entries from"))
        period_row.addWidget(self.period, 1)
        left_layout.addLayout(period_row)
        self.range_row = QWidget(left)
        range_layout = QHBoxLayout(self.range_row)
        range_layout.setContentsMargins(0, 0, 0, 0)
        today = QDate.currentDate()
        self.since = QDateEdit(today.addMonths(-1), self.range_row)
        self.until = QDateEdit(today, self.range_row)
        for edit, name in ((self.since, self.tr("From date")), (self.until, self.tr("To date"))):
            edit.setCalendarPopup(True)
            edit.setAccessibleName(name)
        range_layout.addWidget(self.since)
        range_layout.addWidget(QLabel(self.tr("to"), self.range_row))
        range_layout.addWidget(self.until)
        self.range_row.setVisible(False)
        left_layout.addWidget(self.range_row)

        self.list = QListView(left)
        self.list.setModel(self.model)
        self.list.setItemDelegate(EntryDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(self.tr("Journal entries"))
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        left_layout.addWidget(self.list, 1)
        self.count = QLabel(left)
        self.count.setAccessibleName(self.tr("Number of entries shown"))
        left_layout.addWidget(self.count)

        self.right = QStackedWidget(splitter)
        self.empty = EmptyState(self.right)
        self.empty.add_action(self.tr("Write your first entry"), "firstEntry",
                              lambda: self.new_entry())
        self.empty.add_action(self.tr("Add your first part"), "firstPart",
                              self.part_requested.emit)
        self._show_empty()
        self.editor = EntryEditor(self._vault, self.right)
        self.right.addWidget(self.empty)
        self.right.addWidget(self.editor)
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([340, 860])

        self.editor.saved.connect(self._entry_saved)
        self.editor.status.connect(self.status)
        self.editor.delete_requested.connect(self._delete)
        for combo in (self.kind_filter, self.part_filter, self.period):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.since.dateChanged.connect(self._apply_filter)
        self.until.dateChanged.connect(self._apply_filter)
        self.setTabOrder(self.new_button, self.kind_filter)
        self.setTabOrder(self.kind_filter, self.part_filter)
        self.setTabOrder(self.part_filter, self.period)
        self.setTabOrder(self.period, self.list)

    def _fill_part_filter(self) -> None:
        current = self.part_filter.currentData()
        self.part_filter.blockSignals(True)
        self.part_filter.clear()
        self.part_filter.addItem(self.tr("All parts"), "")
        for part in self._vault.parts.list(include_archived=True):
            self.part_filter.addItem(part.name, part.id)
        index = self.part_filter.findData(current) if current else 0
        self.part_filter.setCurrentIndex(max(0, index))
        self.part_filter.blockSignals(False)

    def current_filter(self) -> EntryFilter:
        """The filter the controls describe."""
        kind = self.kind_filter.currentData()
        part = self.part_filter.currentData()
        key = self.period.currentData()
        self.range_row.setVisible(key == "between")
        since = until = None
        days = dict(PERIODS).get(key)
        if days is not None:
            since = datetime.now(UTC) - timedelta(days=days)
        elif key == "between":
            first = cast(date, self.since.date().toPython())
            last = cast(date, self.until.date().toPython())
            since = datetime.combine(first, datetime.min.time()).astimezone()
            until = datetime.combine(last + timedelta(days=1), datetime.min.time()).astimezone()
        return EntryFilter(kind=EntryKind(kind) if kind else None, part_id=part or None,
                           since=since, until=until)

    def _show_empty(self) -> None:
        """What the right side says when no entry is open; a new journal offers first steps."""
        if self._vault.entries.count() == 0:
            self.empty.show_message(
                self.tr("Your journal is empty — and that's a fine place to start."),
                self.tr("When a part shows up — a tight chest, a critical voice, an urge to "
                        "scroll — write down what you notice. Or begin with a part you already "
                        "know."), actions=True)
        else:
            self.empty.show_message(self.tr("Nothing open."),
                                    self.tr("Write a new entry with Ctrl+N, or choose one on "
                                            "the left."), actions=False)

    def _apply_filter(self, *_args: object) -> None:
        self.editor.flush()
        selected = self.editor.entry_id
        self.model.set_filter(self.current_filter())
        self._reselect(selected)
        self._update_count()

    def _update_count(self) -> None:
        total = self.model.total
        if self.editor.entry_id is None:
            self._show_empty()
        self.count.setText(self.tr("%n entries", "", total))
        if total == 0 and self._vault.entries.count() == 0:
            self.count.setText(self.tr("No entries yet — your first one is a Ctrl+N away."))

    # Selection and editing -------------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        entry_id = current.data(ID_ROLE)
        if entry_id and entry_id != self.editor.entry_id:
            self.open_entry(entry_id)

    def open_entry(self, entry_id: str) -> None:
        """Show an entry in the editor and select it in the list if it is listed."""
        self.editor.flush()
        self.editor.load(self._vault.entries.get(entry_id))
        self.right.setCurrentWidget(self.editor)
        self._reselect(entry_id)

    def _reselect(self, entry_id: str | None) -> None:
        if not entry_id:
            return
        row = self.model.row_of(entry_id)
        while row < 0 and self.model.canFetchMore():
            self.model.fetchMore()
            row = self.model.row_of(entry_id)
        if row >= 0:
            index = self.model.index(row, 0)
            self.list.selectionModel().blockSignals(True)
            self.list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.list.selectionModel().blockSignals(False)
            self.list.scrollTo(index)

    def new_entry(self, kind: EntryKind = EntryKind.NOTE) -> None:
        """Open an empty entry in the editor."""
        self.editor.new_entry(kind)
        self.list.clearSelection()
        self.right.setCurrentWidget(self.editor)

    def show_unsaved(self, entry: Entry) -> None:
        """An edit kept from before a lock that the journal refused: back in the editor."""
        self.list.clearSelection()
        self.right.setCurrentWidget(self.editor)
        self.editor.show_unsaved(entry)

    def _entry_saved(self, entry_id: str) -> None:
        self.model.reload()
        self._reselect(entry_id)
        self._update_count()
        self._fill_part_filter()
        self.status.emit(self.tr("Saved"))

    def _delete(self, entry_id: str) -> None:
        entry = perform(self, lambda: self._vault.entries.delete(entry_id), [Change.ENTRIES])
        self.editor.clear()
        self.right.setCurrentWidget(self.empty)
        self.refresh()
        self._show_empty()
        self.entry_deleted.emit(entry)

    def on_changes(self, changes: Changes) -> None:
        """Parts or entries changed elsewhere: the list's chips and the editor's names follow."""
        self.editor.details.agreements_panel.on_changes(changes)  # e.g. marked on This week
        if changes.made_by(self) or not changes.touches(Change.PARTS, Change.ENTRIES,
                                                         Change.PEERS):
            return
        self.refresh()
        self.editor.refresh_part_names()

    def refresh(self) -> None:
        """Re-read the list (after an undo, an import, or a change on another page)."""
        self.model.reload()
        self._fill_part_filter()
        self._update_count()
        if self.editor.entry_id:
            self._reselect(self.editor.entry_id)

    def flush(self) -> bool:
        """Save pending edits now."""
        return self.editor.flush()

    def clear(self) -> None:
        """Empty every widget of journal text (used when locking)."""
        self.editor.clear()
        self.right.setCurrentWidget(self.empty)
