"""The journal-entry editor: title, time, kind, Markdown body, trailhead, parts, Self-energy.

Edits are saved by a debounced autosave (and at once by :meth:`EntryEditor.flush`, which the
window calls before switching entries or locking), so nothing typed is ever lost.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import cast

from PySide6.QtCore import QDate, QDateTime, QStringListModel, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.model import C_QUALITIES, Entry, EntryKind, Part, PartPresence, PeerRole
from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.ui.common.changes import Change
from partsjournal.ui.common.dates import date_time_format
from partsjournal.ui.common.messages import explain
from partsjournal.ui.common.operation import perform
from partsjournal.ui.common.plain_text import set_tooltip
from partsjournal.ui.common.theme import SPACE_XS
from partsjournal.ui.common.vocabulary import kind_label, peer_role_label, quality_label
from partsjournal.ui.journal.body_edit import MarkdownBodyEdit
from partsjournal.ui.journal.format_bar import FormatBar
from partsjournal.ui.journal.journal_models import PresenceModel
from partsjournal.vault import Vault

AUTOSAVE_MS = 800
NOT_RATED = -1


def rating_spin(parent: QWidget, name: str) -> QSpinBox:
    """A 0–10 spin box whose lowest value means 'not rated'."""
    spin = QSpinBox(parent)
    spin.setRange(NOT_RATED, 10)
    spin.setSpecialValueText("—")
    spin.setValue(NOT_RATED)
    spin.setAccessibleName(name)
    return spin


def _rating(spin: QSpinBox) -> int | None:
    return None if spin.value() == NOT_RATED else spin.value()


class EntryEditor(QWidget):
    """Edits one entry at a time; emits ``saved`` with the entry id after each save."""

    saved = Signal(str)
    status = Signal(str)
    delete_requested = Signal(str)
    #: "Timer and agreements…": the window opens the peer-session panel beside the editor.
    peer_session_requested = Signal()

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._entry: Entry | None = None
        self._received_labels: dict[str, str] = {}
        self._is_new = False
        self._dirty = False
        self._loading = False
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.flush)
        self._build()
        self._connect_changes()
        self.setEnabled(False)

    # Layout ----------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)

        header = QHBoxLayout()
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("Title (optional)"))
        self.title.setAccessibleName(self.tr("Title"))
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        self.title.setFont(title_font)
        self.title.setMaxLength(200)
        header.addWidget(self.title, 1)
        self.delete_button = QToolButton(self)
        self.delete_button.setText(self.tr("Delete…"))
        self.delete_button.setAccessibleName(self.tr("Delete this entry"))
        self.delete_button.clicked.connect(self._ask_delete)
        header.addWidget(self.delete_button)
        outer.addLayout(header)

        meta = QHBoxLayout()
        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(date_time_format())
        self.when.setAccessibleName(self.tr("Date and time"))
        when_label = QLabel(self.tr("&When"), self)
        when_label.setBuddy(self.when)
        self.kind = QComboBox(self)
        for kind in EntryKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.kind.setAccessibleName(self.tr("Kind of entry"))
        kind_label_widget = QLabel(self.tr("&Kind"), self)
        kind_label_widget.setBuddy(self.kind)
        self.save_state = QLabel(self)
        self.save_state.setTextFormat(Qt.TextFormat.PlainText)
        self.save_state.setAccessibleName(self.tr("Save status"))
        for widget in (when_label, self.when, kind_label_widget, self.kind):
            meta.addWidget(widget)
        meta.addStretch(1)
        meta.addWidget(self.save_state)
        outer.addLayout(meta)

        self.problem = QLabel(self)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        self.problem.setAccessibleName(self.tr("Problem saving"))
        outer.addWidget(self.problem)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        body_area = QWidget(splitter)
        body_layout = QVBoxLayout(body_area)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(SPACE_XS)
        self.body = MarkdownBodyEdit(body_area)  # Markdown styled as it is typed
        self.body.setPlaceholderText(self.tr(
            "What happened? Which parts showed up, and what did they want you to know?\n\n"
            "Markdown works: *emphasis*, **strong**, lists with -, headings with #."))
        self.body.setAccessibleName(self.tr("Entry text"))
        self.body.setTabChangesFocus(True)
        self.format_bar = FormatBar(self.body, body_area)
        body_layout.addWidget(self.format_bar)
        body_layout.addWidget(self.body, 1)
        splitter.addWidget(body_area)
        splitter.addWidget(self._details())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        outer.addWidget(splitter, 1)

    def _details(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget(scroll)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 6, 0, 0)

        form = QFormLayout()
        self.trailhead = QLineEdit(inner)
        self.trailhead.setPlaceholderText(self.tr(
            "A feeling, sensation or thought that led you inward"))
        self.trailhead.setAccessibleName(self.tr("Trailhead"))
        form.addRow(self.tr("&Trailhead"), self.trailhead)
        self.self_energy = rating_spin(inner, self.tr("Self-energy"))
        set_tooltip(self.self_energy, self.tr(
            "How present was Self — calm, curious, compassionate — from 0 to 10?"))
        energy_row = QHBoxLayout()
        energy_row.addWidget(self.self_energy)
        energy_row.addStretch(1)
        energy_label = QLabel(self.tr("&Self-energy (0–10)"), inner)
        energy_label.setBuddy(self.self_energy)
        form.addRow(energy_label, energy_row)
        layout.addLayout(form)

        parts_box = QGroupBox(self.tr("Parts present"), inner)
        parts_layout = QVBoxLayout(parts_box)
        adder = QHBoxLayout()
        self.part_input = QLineEdit(parts_box)
        self.part_input.setPlaceholderText(self.tr("Type a part's name and press Enter"))
        self.part_input.setAccessibleName(self.tr("Add a part present"))
        self._part_names = QStringListModel(self)
        completer = QCompleter(self._part_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.part_input.setCompleter(completer)
        self.part_input.returnPressed.connect(self._add_typed_part)
        add = QPushButton(self.tr("&Add"), parts_box)
        add.setAccessibleName(self.tr("Add part"))
        add.clicked.connect(self._add_typed_part)
        self.remove_part = QPushButton(self.tr("Remove"), parts_box)
        self.remove_part.setAccessibleName(self.tr("Remove the selected part from this entry"))
        self.remove_part.clicked.connect(self._remove_selected_part)
        adder.addWidget(self.part_input, 1)
        adder.addWidget(add)
        adder.addWidget(self.remove_part)
        parts_layout.addLayout(adder)
        self.presences = PresenceModel(self)
        self.presence_view = QTableView(parts_box)
        self.presence_view.setModel(self.presences)
        self.presence_view.setAccessibleName(self.tr("Parts present in this entry"))
        self.presence_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.presence_view.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.presence_view.horizontalHeader().setStretchLastSection(True)
        self.presence_view.verticalHeader().setVisible(False)
        self.presence_view.setMinimumHeight(90)
        # ResizeToContents alone keeps the width measured before the first part was added (it
        # showed "In…" for "Inner Critic"): measure again whenever the parts change.
        for signal in (self.presences.rowsInserted, self.presences.rowsRemoved,
                       self.presences.modelReset):
            signal.connect(self._fit_part_column)
        parts_layout.addWidget(self.presence_view)
        layout.addWidget(parts_box)

        self.qualities_toggle = QToolButton(inner)
        self.qualities_toggle.setText(self.tr("The 8 C's of Self (optional)"))
        self.qualities_toggle.setCheckable(True)
        self.qualities_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.qualities_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.qualities_toggle.setAccessibleName(self.tr("Show the 8 C's ratings"))
        layout.addWidget(self.qualities_toggle)
        self.qualities_box = QWidget(inner)
        grid = QGridLayout(self.qualities_box)
        grid.setContentsMargins(16, 0, 0, 0)
        self.quality_spins: dict[str, QSpinBox] = {}
        for i, quality in enumerate(C_QUALITIES):
            spin = rating_spin(self.qualities_box, quality_label(quality))
            label = QLabel(quality_label(quality), self.qualities_box)
            label.setBuddy(spin)
            grid.addWidget(label, i // 4, (i % 4) * 2)
            grid.addWidget(spin, i // 4, (i % 4) * 2 + 1)
            self.quality_spins[quality] = spin
        self.qualities_box.setVisible(False)
        self.qualities_toggle.toggled.connect(self._toggle_qualities)
        layout.addWidget(self.qualities_box)

        self.peer_box = QGroupBox(self.tr("Peer session"), inner)
        peer_form = QFormLayout(self.peer_box)
        self.peer_session_button = QPushButton(self.tr("Open the session timer and agreements…"),
                                               self.peer_box)
        self.peer_session_button.setAccessibleName(self.tr("Open the peer-session panel"))
        self.peer_session_button.clicked.connect(self.peer_session_requested)
        peer_form.addRow(self.peer_session_button)
        self.my_role = QComboBox(self.peer_box)
        self.my_role.addItem(self.tr("—"), "")
        for role in PeerRole:
            self.my_role.addItem(peer_role_label(role), role.value)
        self.my_role.setAccessibleName(self.tr("My role"))
        peer_form.addRow(self.tr("My &role"), self.my_role)
        self.planned = QSpinBox(self.peer_box)
        self.planned.setRange(0, 24 * 60)
        self.planned.setSingleStep(5)
        self.planned.setSpecialValueText("—")
        self.planned.setSuffix(self.tr(" min"))
        self.planned.setAccessibleName(self.tr("Planned minutes"))
        peer_form.addRow(self.tr("&Planned time"), self.planned)
        self.agreements = QPlainTextEdit(self.peer_box)
        self.agreements.setPlaceholderText(self.tr(
            "What you agreed: confidentiality, equal footing, either can pause…"))
        self.agreements.setAccessibleName(self.tr("Agreements"))
        self.agreements.setTabChangesFocus(True)
        self.agreements.setMaximumHeight(90)
        peer_form.addRow(self.tr("A&greements"), self.agreements)
        self.debrief = QPlainTextEdit(self.peer_box)
        self.debrief.setPlaceholderText(self.tr("How was it for each of you?"))
        self.debrief.setAccessibleName(self.tr("Debrief"))
        self.debrief.setTabChangesFocus(True)
        self.debrief.setMaximumHeight(90)
        peer_form.addRow(self.tr("&Debrief"), self.debrief)
        layout.addWidget(self.peer_box)
        layout.addStretch(1)
        scroll.setWidget(inner)
        return scroll

    def _connect_changes(self) -> None:
        for line in (self.title, self.trailhead):
            line.textEdited.connect(self._changed)
        for text in (self.body, self.agreements, self.debrief):
            text.textChanged.connect(self._changed)
        for spin in (self.self_energy, self.planned, *self.quality_spins.values()):
            spin.valueChanged.connect(self._changed)
        self.when.dateTimeChanged.connect(self._changed)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.my_role.currentIndexChanged.connect(self._changed)
        self.presences.dataChanged.connect(self._changed)
        self.presences.rowsInserted.connect(self._changed)
        self.presences.rowsRemoved.connect(self._changed)

    # Loading ---------------------------------------------------------------------------------

    @property
    def entry_id(self) -> str | None:
        """The entry being edited (None when nothing is open)."""
        return self._entry.id if self._entry else None

    @property
    def is_dirty(self) -> bool:
        """True while there are edits not yet saved."""
        return self._dirty

    def load(self, entry: Entry, *, is_new: bool = False) -> None:
        """Show an entry (saving the previous one first)."""
        self.flush()
        self._loading = True
        self._entry, self._is_new = entry, is_new
        self.title.setText(entry.title)
        local = entry.occurred_at.astimezone()
        self.when.setDateTime(QDateTime(QDate(local.year, local.month, local.day),
                                        QTime(local.hour, local.minute, local.second)))
        self.kind.setCurrentIndex(self.kind.findData(entry.kind.value))
        self.body.setPlainText(entry.body)
        self.trailhead.setText(entry.trailhead)
        self.self_energy.setValue(NOT_RATED if entry.self_energy is None else entry.self_energy)
        for quality, spin in self.quality_spins.items():
            value = entry.qualities.get(quality)
            spin.setValue(NOT_RATED if value is None else value)
        if entry.qualities and not self.qualities_toggle.isChecked():
            self.qualities_toggle.setChecked(True)
        self.presences.set_presences(entry.parts)
        self.my_role.setCurrentIndex(max(0, self.my_role.findData(
            entry.my_role.value if entry.my_role else "")))
        self.planned.setValue(entry.planned_minutes or 0)
        self.agreements.setPlainText(entry.agreements)
        self.debrief.setPlainText(entry.debrief)
        self.peer_box.setVisible(entry.kind is EntryKind.PEER_SESSION)
        self._refresh_part_names()
        self._loading = False
        self._dirty = False
        self._show_problem("")
        self.save_state.setText(self.tr("New entry") if is_new else self.tr("Saved"))
        self.setEnabled(True)

    def new_entry(self, kind: EntryKind = EntryKind.NOTE) -> None:
        """Start a new entry now; it is stored once something is written in it."""
        self.load(Entry(kind=kind), is_new=True)
        self.body.setFocus()

    def clear(self) -> None:
        """Forget the entry and empty every field (used when locking)."""
        self._autosave.stop()
        self._loading = True
        self._entry = None
        for line in (self.title, self.trailhead, self.part_input):
            line.clear()
        for text in (self.body, self.agreements, self.debrief):
            text.clear()
            text.document().clearUndoRedoStacks()
        self.presences.set_presences([])
        self._part_names.setStringList([])
        self._loading = False
        self._dirty = False
        self.save_state.clear()
        self.setEnabled(False)

    def refresh_part_names(self) -> None:
        """Parts were renamed elsewhere: show the new names (the entry itself is unchanged)."""
        self._refresh_part_names()
        if self._entry is None:
            return
        names = {p.part_id: p.name for p in self._parts_by_name.values() if p.part_id}
        was_loading, self._loading = self._loading, True
        try:
            self.presences.set_presences([
                replace(p, name=names.get(p.part_id, p.name)) if p.part_id else p
                for p in self.presences.presences()])
        finally:
            self._loading = was_loading

    def _refresh_part_names(self) -> None:
        """Own parts by name, and a peer's shared parts as "Name (Peer's)" — both can be present."""
        self._parts_by_name: dict[str, PartPresence] = {}
        for part in self._vault.parts.list(include_archived=True):
            self._parts_by_name[part.name.casefold()] = PartPresence(part_id=part.id,
                                                                     name=part.name)
        for received in self._vault.received.list():
            label = fill(self.tr("%1 (%2's)"), received.name, received.peer_name)
            self._parts_by_name.setdefault(label.casefold(), PartPresence(
                received_part_id=received.id, name=received.name))
            self._received_labels[label.casefold()] = label
        names = [p.name for p in self._parts_by_name.values() if p.part_id]
        self._part_names.setStringList(sorted(names) + sorted(self._received_labels.values()))

    # Editing ---------------------------------------------------------------------------------

    def _changed(self, *_args: object) -> None:
        if self._loading or self._entry is None:
            return
        self._dirty = True
        self.save_state.setText(self.tr("Unsaved changes"))
        self._autosave.start()

    def _kind_changed(self, *_args: object) -> None:
        kind = EntryKind(self.kind.currentData())
        self.peer_box.setVisible(kind is EntryKind.PEER_SESSION)
        self._changed()

    def _toggle_qualities(self, shown: bool) -> None:
        self.qualities_box.setVisible(shown)
        self.qualities_toggle.setArrowType(Qt.ArrowType.DownArrow if shown
                                           else Qt.ArrowType.RightArrow)

    def set_writing_font(self, family: str, size: int) -> None:
        """The body's writing face and size ("" family: the app's reading face)."""
        self.body.set_writing_font(family, size)

    def _add_typed_part(self) -> None:
        name = self.part_input.text().strip()
        if not name or self._entry is None:
            return
        found = self._parts_by_name.get(name.casefold())
        if found is None:
            similar = [key for key in self._parts_by_name if name.casefold() in key]
            if len(similar) == 1:  # "The Very" and Enter: the one part whose name has it
                found = self._parts_by_name[similar[0]]
            elif similar:
                self.status.emit(fill(self.tr(
                    "%1 parts have “%2” in their name: choose one from the list, or type the "
                    "whole name."), str(len(similar)), name))
                completer = self.part_input.completer()
                if completer is not None:
                    completer.complete()
                return
        if found is None:
            answer = QMessageBox.question(
                self, self.tr("New part"),
                fill(self.tr("There is no part called “%1” yet. Add it as a new part?"), name))
            if answer != QMessageBox.StandardButton.Yes:
                return
            try:
                part = perform(self, lambda: self._vault.parts.add(Part(name=name)),
                               [Change.PARTS])
            except JournalError as exc:
                self._show_problem(str(exc))
                return
            self._refresh_part_names()
            self.status.emit(self.tr("New part added: you can fill in its profile under Parts."))
            found = PartPresence(part_id=part.id, name=part.name)
        self.presences.add(PartPresence(found.part_id, found.received_part_id, "", found.name))
        self.part_input.clear()

    def _fit_part_column(self, *_args: object) -> None:
        self.presence_view.resizeColumnToContents(0)

    def _remove_selected_part(self) -> None:
        rows = sorted({i.row() for i in self.presence_view.selectionModel().selectedRows()},
                      reverse=True)
        for row in rows:
            self.presences.remove(row)

    def _ask_delete(self) -> None:
        if self._entry is None:
            return
        if self._is_new:
            self.clear()
            return
        answer = QMessageBox.question(
            self, self.tr("Delete entry"),
            self.tr("Delete this entry? You can undo this with Edit → Undo."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            entry_id = self._entry.id
            self._autosave.stop()
            self._dirty = False
            self.delete_requested.emit(entry_id)

    # Saving ----------------------------------------------------------------------------------

    def collect(self) -> Entry | None:
        """The entry as the widgets show it now (None when nothing is open)."""
        if self._entry is None:
            return None
        entry = self._entry
        local = cast(datetime, self.when.dateTime().toPython())
        kind = EntryKind(self.kind.currentData())
        role = self.my_role.currentData()
        return Entry(
            id=entry.id, created_at=entry.created_at, updated_at=entry.updated_at,
            occurred_at=local.astimezone(), kind=kind, title=self.title.text(),
            body=self.body.toPlainText(), trailhead=self.trailhead.text(),
            self_energy=_rating(self.self_energy),
            qualities={q: v for q, spin in self.quality_spins.items()
                       if (v := _rating(spin)) is not None},
            parts=self.presences.presences(),
            my_role=PeerRole(role) if role else None,
            planned_minutes=self.planned.value() or None,
            agreements=self.agreements.toPlainText(), debrief=self.debrief.toPlainText(),
        )

    def show_unsaved(self, entry: Entry) -> None:
        """Show an edit that could not be stored before a lock, unsaved, and try to save it."""
        try:
            self._vault.entries.get(entry.id)
            is_new = False
        except JournalError:
            is_new = True
        self.load(entry, is_new=is_new)
        self._dirty = True
        self.flush()  # shows why it can't be stored as it is

    def unsaved_entry(self) -> Entry | None:
        """The entry with edits not yet stored (kept sealed when the journal locks)."""
        if not self._dirty or self._entry is None:
            return None
        entry = self.collect()
        if entry is None or (self._is_new and not (entry.title.strip() or entry.body.strip()
                                                   or entry.parts)):
            return None
        return entry

    def flush(self) -> bool:
        """Save now if anything changed; returns False if the save failed."""
        self._autosave.stop()
        if not self._dirty or self._entry is None:
            return True
        entry = self.collect()
        assert entry is not None
        if self._is_new and not (entry.title.strip() or entry.body.strip() or entry.parts):
            return True
        self.save_state.setText(self.tr("Saving…"))
        try:
            if self._is_new:
                perform(self, lambda: self._vault.entries.add(entry), [Change.ENTRIES])
            else:
                perform(self, lambda: self._vault.entries.update(entry), [Change.ENTRIES])
        except JournalError as exc:
            what, way = explain(exc)
            self._show_problem(f"{what} {way}".strip())
            self.save_state.setText(self.tr("Not saved"))
            return False
        self._entry, self._is_new, self._dirty = entry, False, False
        self._show_problem("")
        self.save_state.setText(self.tr("Saved"))
        self.saved.emit(entry.id)
        return True

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
