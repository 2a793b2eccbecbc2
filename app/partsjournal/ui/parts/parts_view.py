"""The Parts screen: parts grouped by role on the left, the selected part's profile on the right.

Edits are saved by themselves shortly after the person stops typing (and at once before locking
or switching parts), so there is no Save button to forget. What cannot be stored — an empty or
over-long name — is said calmly next to the form, and the text stays where it was typed.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from PySide6.QtCore import (
    QIdentityProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.model import EntrySummary, Part
from partsjournal.errors import JournalError, NotFound
from partsjournal.ui.common.changes import Change, Changes
from partsjournal.ui.common.dates import short_date
from partsjournal.ui.common.messages import explain
from partsjournal.ui.common.models import ID_ROLE, OBJECT_ROLE, EntryListModel
from partsjournal.ui.common.operation import perform
from partsjournal.ui.common.plain_text import set_tooltip
from partsjournal.ui.common.theme import SPACE_S, SPACE_XS
from partsjournal.ui.common.vocabulary import kind_label
from partsjournal.ui.common.widgets import named, plain_label
from partsjournal.ui.parts.delete_dialog import DeleteChoice, ask_how_to_delete
from partsjournal.ui.parts.part_editor import ProfileForm, RelationsPanel
from partsjournal.ui.parts.part_models import PartTreeModel
from partsjournal.ui.parts.part_path import PartPathModel
from partsjournal.vault import Vault
from partsjournal.vault.entries import EntryFilter
from partsjournal.vault.unsaved import PartEdit

#: How long after the last keystroke the profile is saved.
AUTOSAVE_MS = 800
#: What the tree shows of a part; only a change to one of these needs the tree re-read.
_TREE_FIELDS = ("name", "role", "color", "archived", "job")
#: Fields that don't count as an edit when comparing the form with what is stored.
_BOOKKEEPING = ("updated_at", "revision")

Index = QModelIndex | QPersistentModelIndex


class _DatedEntries(QIdentityProxyModel):
    """Entry titles prefixed with their date and kind, so "Appears in" reads as a timeline."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Date · kind · title for display; everything else as the entry list gives it."""
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            summary = super().data(index, OBJECT_ROLE)
            if isinstance(summary, EntrySummary):
                day = short_date(summary.occurred_at)
                title = super().data(index, role)
                return f"{day}  ·  {kind_label(summary.kind)}  ·  {title}"
        return super().data(index, role)


class PartsView(QWidget):
    """Get to know parts: browse them by role and grow each one's profile over time."""

    #: The person asked to open a journal entry (its id) from "Appears in".
    open_entry = Signal(str)
    #: From the parts list's menu: merge this part with another / split a new part off it.
    merge_requested = Signal(str)
    split_requested = Signal(str)
    unburdening_requested = Signal()
    #: A short message for the status bar, such as "Saved".
    status = Signal(str)
    #: What this page stored (a Changes value for the change bus).
    announced = Signal(object)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._part: Part | None = None  # as last stored (or the blank new one)
        self._is_new = False
        self._restoring = False  # True while the tree is re-read and its selection put back

        self._timer = named(QTimer(self), "autosaveTimer")
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self._autosave)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_editor())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        QWidget.setTabOrder(self._tree, self._show_archived)
        QWidget.setTabOrder(self._show_archived, self._new_button)
        QWidget.setTabOrder(self._new_button, self._tabs)
        QWidget.setTabOrder(self._tabs, self._form.name_edit)
        self._show_empty()

    # Building ------------------------------------------------------------------------------------

    def _build_list(self) -> QWidget:
        panel = QWidget()
        self._tree_model = PartTreeModel(self._vault, self)
        self._tree = named(QTreeView(), "partTree")
        self._tree.setModel(self._tree_model)
        self._tree.setHeaderHidden(True)
        self._tree.setUniformRowHeights(True)
        self._tree.setAccessibleName(self.tr("Your parts, grouped by role"))
        self._tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._tree.expandAll()
        self._tree.selectionModel().currentChanged.connect(self._tree_current_changed)
        self._tree_model.modelReset.connect(self._tree.expandAll)
        self._tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._tree.customContextMenuRequested.connect(self._tree_menu)

        self._show_archived = named(QCheckBox(self.tr("Show archived")), "showArchived")
        self._show_archived.toggled.connect(self._toggle_archived)
        self._new_button = named(QPushButton(self.tr("New part")), "newPart")
        set_tooltip(self._new_button, self.tr("Add a part you have started to notice"))
        self._new_button.clicked.connect(self.new_part)

        buttons = QHBoxLayout()
        buttons.addWidget(self._show_archived)
        buttons.addStretch(1)
        buttons.addWidget(self._new_button)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, SPACE_S, 0)
        layout.addWidget(self._tree, 1)
        layout.addLayout(buttons)
        panel.setMinimumWidth(220)
        return panel

    def _build_editor(self) -> QWidget:
        self._stack = QStackedWidget()
        empty = plain_label(self.tr(
            "Select a part on the left, or add a new one.\n"
            "Parts are the inner voices you are getting to know."))
        empty.setObjectName("emptyState")
        empty.setWordWrap(True)
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setMargin(24)
        font = empty.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        empty.setFont(font)
        self._stack.addWidget(empty)

        editor = QWidget()
        self._header = plain_label()
        self._header.setObjectName("partHeader")
        header_font = self._header.font()
        header_font.setPointSizeF(header_font.pointSizeF() * 1.4)
        header_font.setBold(True)
        self._header.setFont(header_font)
        self._header.setWordWrap(True)

        self._problem_icon = QLabel()
        self._problem_icon.setTextFormat(Qt.TextFormat.PlainText)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._problem_icon.setPixmap(icon.pixmap(size, size))
        self._problem = plain_label()
        self._problem.setObjectName("problem")
        self._problem.setWordWrap(True)
        self._problem.setAccessibleName(self.tr("Could not save"))
        problem_row = QHBoxLayout()
        problem_row.addWidget(self._problem_icon, 0, Qt.AlignmentFlag.AlignTop)
        problem_row.addWidget(self._problem, 1)
        self._problem_box = QWidget()
        self._problem_box.setLayout(problem_row)
        problem_row.setContentsMargins(0, 0, 0, 0)
        self._problem_box.hide()

        self._form = ProfileForm(vault=self._vault)
        self._form.edited.connect(self._on_edited)
        self._form.stage_note_finished.connect(lambda: self._save(commit_stage=True))
        self._form.delete_requested.connect(self._delete)
        self._form.unburdening_requested.connect(self.unburdening_requested)  # current_part_id

        self._history_model = PartPathModel(self)
        self._history = named(QTableView(), "historyTable")
        self._history.setModel(self._history_model)
        self._history.setAccessibleName(self.tr("This part's path: stages and entries"))
        self._history.activated.connect(self._entry_activated)  # an entry's row opens it
        self._history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._history.verticalHeader().hide()
        self._history.setWordWrap(True)
        self._history.setAlternatingRowColors(True)
        header = self._history.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        history_hint = plain_label(self.tr(
            "How your relationship with this part has grown: each stage, when it was reached, "
            "and the entries written with it from then on (Enter or a double-click opens one). "
            "Change its stage on the Profile tab to add the next step."))
        history_hint.setWordWrap(True)
        history_page = QWidget()
        history_layout = QVBoxLayout(history_page)
        history_layout.addWidget(history_hint)
        history_layout.addWidget(self._history, 1)

        self._relations = RelationsPanel(self._vault)
        self._relations.problem.connect(self._show_problem)
        self._relations.status.connect(self._relation_status)

        self._entries_model = EntryListModel(self._vault, self)
        self._entries_model.set_filter(EntryFilter(part_id=""))
        self._entries_proxy = _DatedEntries(self)
        self._entries_proxy.setSourceModel(self._entries_model)
        self._entries = named(QListView(), "appearsIn")
        self._entries.setModel(self._entries_proxy)
        self._entries.setAccessibleName(self.tr("Journal entries this part appears in"))
        self._entries.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._entries.setUniformItemSizes(True)
        self._entries.setSpacing(SPACE_XS)
        self._entries.setAlternatingRowColors(True)
        # activated covers Enter and double-click (and single-click where the platform says so).
        self._entries.activated.connect(self._entry_activated)
        self._entries_hint = plain_label()
        self._entries_hint.setWordWrap(True)
        entries_page = QWidget()
        entries_layout = QVBoxLayout(entries_page)
        entries_layout.addWidget(self._entries_hint)
        entries_layout.addWidget(self._entries, 1)

        self._tabs = named(QTabWidget(), "partTabs")
        self._tabs.addTab(self._form, self.tr("Profile"))
        self._tabs.addTab(history_page, self.tr("History"))
        self._tabs.addTab(self._relations, self.tr("Relations"))
        self._tabs.addTab(entries_page, self.tr("Appears in"))
        # Looking at History (or anything but the form) means the stage has been chosen: it is
        # recorded, so the history shows it at once.
        self._tabs.currentChanged.connect(
            lambda index: index != 0 and self._save(commit_stage=True))
        self._tabs.setAccessibleName(self.tr("Part editor"))

        layout = QVBoxLayout(editor)
        layout.setContentsMargins(SPACE_S, 0, 0, 0)
        layout.addWidget(self._header)
        layout.addWidget(self._problem_box)
        layout.addWidget(self._tabs, 1)
        self._stack.addWidget(editor)
        return self._stack

    # Public API ----------------------------------------------------------------------------------

    def current_part_id(self) -> str | None:
        """The stored part being edited, or None (nothing selected, or a new part not yet saved)."""
        if self._part is None or self._is_new:
            return None
        return self._part.id

    def select_part(self, part_id: str) -> None:
        """Show a part (e.g. chosen on the map or in search), saving the one being edited first."""
        if self._part is not None and self._part.id == part_id and not self._is_new:
            self._select_in_tree(part_id)
            return
        if not self._save(commit_stage=True):
            return
        if self._show_part(part_id):
            self._select_in_tree(part_id)

    def new_part(self) -> None:
        """Start a new part in the editor; it is stored once it has a name that can be saved."""
        if not self._save(commit_stage=True):
            return
        self._part, self._is_new = Part(name=""), True
        self._select_in_tree(None)
        self._form.show_part(self._part, is_new=True)
        self._header.setText(self.tr("New part"))
        self._history_model.set_events([])
        self._relations.clear()
        self._entries_model.set_filter(EntryFilter(part_id=""))
        self._clear_problem()
        self._set_stored_tabs_enabled(False)
        self._tabs.setCurrentWidget(self._form)
        self._stack.setCurrentIndex(1)
        self._form.focus_name()

    def flush(self) -> bool:
        """Save pending edits now (before lock or quit); a refusal is shown next to the form."""
        return self._save(commit_stage=True)

    def show_unsaved(self, edit: PartEdit) -> None:
        """Show a profile edit that could not be stored before a lock, and try to save it."""
        try:
            stored, is_new = self._vault.parts.get(edit.part.id), False
        except NotFound:
            stored, is_new = edit.part, True
        self._part, self._is_new = stored, is_new
        self._form.show_part(edit.part, is_new=is_new)
        self._header.setText(edit.part.name.strip() or self.tr("New part"))
        self._set_stored_tabs_enabled(not is_new)
        self._stack.setCurrentIndex(1)
        self._save(commit_stage=True)  # shows why it can't be stored as it is

    def unsaved_part(self) -> PartEdit | None:
        """The profile with edits not yet stored (kept sealed when the journal locks)."""
        if self._part is None:
            return None
        stored = self._part
        edited = self._form.read(stored)
        if self._is_new:
            return None if self._form.is_blank() else PartEdit(edited, True,
                                                                self._form.stage_note())
        if _same(edited, stored):
            return None
        note = self._form.stage_note() if edited.stage is not stored.stage else ""
        return PartEdit(edited, False, note)

    def clear(self) -> None:
        """Show no part (used when locking, before the window is destroyed)."""
        self._show_empty()

    def reload(self) -> None:
        """Re-read parts after changes made elsewhere (journal, map, import), keeping the place."""
        saved = self._save(commit_stage=True)
        self._reload_tree()
        if self._part is None or self._is_new:
            return
        try:
            fresh = self._vault.parts.get(self._part.id)
        except NotFound:
            self._show_empty()
            return
        if saved and fresh.revision != self._part.revision:  # never over unsaved text
            self._part = fresh
            self._form.show_part(fresh, is_new=False)
            self._header.setText(fresh.name)
        self._refresh_details()

    # Selection -----------------------------------------------------------------------------------

    def _tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._restoring:
            return
        part = self._tree_model.part(current)
        if part is None or (self._part is not None and part.id == self._part.id
                            and not self._is_new):
            return
        if not self._save(commit_stage=True):
            # Stay with the part being edited so nothing typed is lost.
            self._select_in_tree(None if self._is_new or self._part is None else self._part.id)
            return
        if self._show_part(part.id):
            self._select_in_tree(part.id)  # saving may have re-read the tree

    def _select_in_tree(self, part_id: str | None) -> None:
        self._restoring = True
        try:
            index = self._tree_model.index_of(part_id) if part_id else QModelIndex()
            if index.isValid():
                self._tree.setCurrentIndex(index)
            else:
                self._tree.selectionModel().clear()
        finally:
            self._restoring = False

    def _show_part(self, part_id: str) -> bool:
        try:
            part = self._vault.parts.get(part_id)
        except NotFound as error:
            self._reload_tree()
            self._show_empty()
            self.status.emit(explain(error)[0])
            return False
        self._part, self._is_new = part, False
        self._form.show_part(part, is_new=False)
        self._header.setText(part.name)
        self._clear_problem()
        self._refresh_details()
        self._set_stored_tabs_enabled(True)
        self._stack.setCurrentIndex(1)
        return True

    def _show_empty(self) -> None:
        """No part selected: a calm sentence instead of an empty form (and no part text held)."""
        self._timer.stop()
        self._part, self._is_new = None, False
        self._form.show_part(Part(name=""), is_new=False)
        self._header.clear()
        self._history_model.set_events([])
        self._relations.clear()
        self._entries_model.set_filter(EntryFilter(part_id=""))
        self._clear_problem()
        self._select_in_tree(None)
        self._stack.setCurrentIndex(0)

    def _refresh_details(self) -> None:
        """History, relations and entries of the current part, read again from the vault."""
        if self._part is None:
            return
        part_id = self._part.id
        self._history_model.set_events(self._vault.parts.history(part_id),
                                       self._vault.parts.appears_in(part_id))
        self._history.scrollToBottom()
        self._relations.show_part(part_id, self._vault.parts.list(include_archived=True))
        self._entries_model.set_filter(EntryFilter(part_id=part_id))
        count = self._entries_model.total
        self._entries_hint.setText(
            self.tr("This part shows up in %n journal entries. Double-click one or press Enter "
                    "to open it.", "", count) if count else
            self.tr("This part hasn't shown up in a journal entry yet. When it does, mark it "
                    "among the parts present in that entry."))

    def _set_stored_tabs_enabled(self, enabled: bool) -> None:
        """History, relations and entries need the part to be stored first."""
        for tab in range(1, self._tabs.count()):
            self._tabs.setTabEnabled(tab, enabled)

    def _reload_tree(self) -> None:
        """Read the tree again without losing the selection or the scroll position."""
        scroll = self._tree.verticalScrollBar().value()
        self._restoring = True
        try:
            self._tree_model.reload()
        finally:
            self._restoring = False
        self._select_in_tree(self.current_part_id())
        self._tree.verticalScrollBar().setValue(scroll)

    def _toggle_archived(self, show: bool) -> None:
        self._restoring = True
        try:
            self._tree_model.set_show_archived(show)
        finally:
            self._restoring = False
        self._select_in_tree(self.current_part_id())

    def _entry_activated(self, index: QModelIndex) -> None:
        summary = index.data(OBJECT_ROLE)
        if isinstance(summary, EntrySummary):
            self.open_entry.emit(summary.id)

    # Saving --------------------------------------------------------------------------------------

    def _on_edited(self) -> None:
        if self._part is None:
            return
        name = self._form.name_edit.text().strip()
        self._header.setText(name or (self.tr("New part") if self._is_new else self._part.name))
        self._timer.start()

    def _autosave(self) -> None:
        self._save(commit_stage=not self._form.stage_in_progress())

    def _save(self, *, commit_stage: bool) -> bool:
        """Store what the form holds; False when it can't be stored as it is (message shown).

        A stage change waits for ``commit_stage`` — the note written, focus moved on, a flush —
        so its history event carries the note and arrowing through stages records nothing.
        """
        self._timer.stop()
        if self._part is None:
            return True
        stored = self._part
        edited = self._form.read(stored)
        edited.name = edited.name.strip()  # as the vault will store it
        stage_pending = edited.stage is not stored.stage
        try:
            if self._is_new:
                if self._form.is_blank():
                    return True  # nothing typed yet: nothing to keep
                saved = perform(self, lambda: self._vault.parts.add(edited), [Change.PARTS])
            else:
                if stage_pending and not commit_stage:
                    edited.stage = stored.stage
                if _same(edited, stored):
                    self._clear_problem()
                    return True
                note = self._form.stage_note() if edited.stage is not stored.stage else ""
                saved = perform(self, lambda: self._vault.parts.update(edited, stage_note=note),
                                [Change.PARTS])
        except JournalError as error:
            self._show_problem(explain(error)[0])
            return False
        was_new, self._part, self._is_new = self._is_new, saved, False
        self._clear_problem()
        if saved.stage is not stored.stage or was_new:
            self._form.stage_recorded(saved.stage)
        if was_new:
            self._form.mark_stored()
            self._set_stored_tabs_enabled(True)
        if was_new or any(getattr(saved, f) != getattr(stored, f) for f in _TREE_FIELDS):
            self._reload_tree()
        self._refresh_details()
        if saved.archived and not stored.archived and not self._show_archived.isChecked():
            self.status.emit(self.tr("Archived. Tick “Show archived” to see it in the list."))
        else:
            self.status.emit(self.tr("Saved"))
        return True

    def _show_problem(self, message: str) -> None:
        self._problem.setText(message)
        self._problem_box.show()

    def _clear_problem(self) -> None:
        self._problem.clear()
        self._problem_box.hide()

    def _relation_status(self, message: str) -> None:
        self._clear_problem()
        self.status.emit(message)

    def on_changes(self, changes: Changes) -> None:
        """Parts, relationships or entries changed elsewhere: read the tree and profile again."""
        if not changes.made_by(self) and changes.touches(Change.PARTS, Change.RELATIONS,
                                                          Change.ENTRIES):
            self.reload()

    # The parts list's menu ----------------------------------------------------------------------

    def part_menu(self, part_id: str) -> QMenu:
        """What can be done to a part from the list: the actions that sit far down the form."""
        self.select_part(part_id)
        menu = QMenu(self)
        menu.setObjectName("partMenu")
        archived = self._part is not None and self._part.archived
        archive = menu.addAction(self.tr("Bring back from the archive") if archived
                                 else self.tr("Archive"))
        archive.triggered.connect(lambda: self._set_archived(not archived))
        menu.addSeparator()
        merge = menu.addAction(self.tr("Merge with another part…"))
        merge.triggered.connect(lambda: self.merge_requested.emit(part_id))
        split = menu.addAction(self.tr("Split off a new part…"))
        split.triggered.connect(lambda: self.split_requested.emit(part_id))
        menu.addSeparator()
        delete = menu.addAction(self.tr("Delete…"))
        delete.triggered.connect(self._delete)
        return menu

    def _tree_menu(self, position: QPoint) -> None:
        part_id = self._tree.indexAt(position).data(ID_ROLE)
        if isinstance(part_id, str) and part_id:
            self.part_menu(part_id).exec(self._tree.viewport().mapToGlobal(position))

    def _set_archived(self, archived: bool) -> None:
        self._form.archived_check.setChecked(archived)
        self._save(commit_stage=True)

    # Deleting ------------------------------------------------------------------------------------

    def _delete(self) -> None:
        """Delete for good after saying what goes with it, offering archiving as the gentler way."""
        if self._part is None:
            return
        if self._is_new:
            self._show_empty()
            return
        part = self._part
        choice = ask_how_to_delete(self, self._form.name_edit.text().strip() or part.name)
        if choice is DeleteChoice.ARCHIVE:
            self._form.archived_check.setChecked(True)
            self._save(commit_stage=True)
        elif choice is DeleteChoice.DELETE:
            self._timer.stop()
            try:
                perform(self, lambda: self._vault.parts.delete(part.id),
                        [Change.PARTS, Change.RELATIONS, Change.ENTRIES])
            except JournalError as error:
                self._show_problem(explain(error)[0])
                return
            self._show_empty()
            self._reload_tree()
            self.status.emit(self.tr("Part deleted"))


def _same(a: Part, b: Part) -> bool:
    """Equal apart from bookkeeping, so an edit that was undone by hand saves nothing."""
    names = (f.name for f in fields(Part) if f.name not in _BOOKKEEPING)
    return all(getattr(a, name) == getattr(b, name) for name in names)
