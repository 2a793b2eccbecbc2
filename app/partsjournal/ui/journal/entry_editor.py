"""The journal-entry editor: title, time, kind, Markdown body, trailhead, parts, Self-energy.

Edits are saved by a debounced autosave (and at once by :meth:`EntryEditor.flush`, which the
window calls before switching entries or locking), so nothing typed is ever lost.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import cast

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.model import Entry, EntryKind, Part, PartPresence, PeerRole
from partsjournal.domain.templates import CONTEXT as TEMPLATE_WORDS
from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.ui.common.changes import Change
from partsjournal.ui.common.dates import date_time_format
from partsjournal.ui.common.messages import explain
from partsjournal.ui.common.operation import perform
from partsjournal.ui.common.plain_text import set_tooltip
from partsjournal.ui.common.spelling import attach_spelling
from partsjournal.ui.common.theme import SPACE_L, SPACE_S, scaled_font
from partsjournal.ui.common.vocabulary import kind_label
from partsjournal.ui.journal.body_edit import MarkdownBodyEdit
from partsjournal.ui.journal.entry_details import NOT_RATED, EntryDetails
from partsjournal.ui.journal.format_bar import FormatBar
from partsjournal.ui.journal.speakers import speakers
from partsjournal.ui.pictures.picture_strip import PictureStrip
from partsjournal.vault import Vault
from partsjournal.vault.templates import starting_body

AUTOSAVE_MS = 800
#: From this width on, the details sit beside the text; narrower, in a strip under it.
SIDE_PANEL_FROM = 900
DETAILS_WIDTH = 330


def _template_words(text: str) -> str:
    """The default templates in the person's language (their words are marked in domain/)."""
    return QCoreApplication.translate(TEMPLATE_WORDS, text)


def _rating(spin: QSpinBox) -> int | None:
    return None if spin.value() == NOT_RATED else spin.value()


class EntryEditor(QWidget):
    """Edits one entry at a time; emits ``saved`` with the entry id after each save."""

    saved = Signal(str)
    status = Signal(str)
    delete_requested = Signal(str)
    #: "Timer and agreements…": the window opens the peer-session panel beside the editor.
    peer_session_requested = Signal()
    #: The details panel was shown or put away (the window keeps the choice).
    details_shown_changed = Signal(bool)
    #: "Focus" (True) or "Leave focus" (False) was pressed: the window shows only the text, or
    #: everything again (the window owns the mode; F11 and Esc reach it there too).
    focus_requested = Signal(bool)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._entry: Entry | None = None
        self._received_labels: dict[str, str] = {}
        self._is_new = False
        self._dirty = False
        self._loading = False
        self._focus = False
        #: Whether the split was sized for a laid-out editor (then the person's drags are kept).
        self._split_sized = False
        self._kind_shown: EntryKind | None = None
        self._template = ""  # the text a new entry started with (its kind's template)
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
        outer.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        outer.addWidget(self.splitter)
        writing = QWidget(self.splitter)
        column = QVBoxLayout(writing)
        column.setContentsMargins(SPACE_L, SPACE_S, SPACE_L, SPACE_S)
        column.setSpacing(SPACE_S)

        header = QHBoxLayout()
        self.title = QLineEdit(writing)
        self.title.setPlaceholderText(self.tr("Title (optional)"))
        self.title.setAccessibleName(self.tr("Title"))
        self.title.setFont(scaled_font(self.title, "heading"))
        self.title.setMaxLength(200)
        header.addWidget(self.title, 1)
        self.details_toggle = QToolButton(writing)
        self.details_toggle.setText(self.tr("Details"))
        self.details_toggle.setCheckable(True)
        self.details_toggle.setChecked(True)
        self.details_toggle.setAccessibleName(self.tr("Show the entry's details"))
        set_tooltip(self.details_toggle, self.tr(
            "Trailhead, Self-energy, parts present and the 8 C's: show or put away"))
        self.details_toggle.toggled.connect(self.set_details_shown)
        self.focus_button = QToolButton(writing)
        self.focus_button.setText(self.tr("Focus"))
        self.focus_button.setAccessibleName(self.tr("Focus mode: only the text"))
        set_tooltip(self.focus_button, self.tr("Only the text, nothing else (F11; Esc returns)"))
        self.focus_button.clicked.connect(lambda: self.focus_requested.emit(True))
        self.leave_focus_button = QToolButton(writing)
        self.leave_focus_button.setText(self.tr("Leave focus"))
        self.leave_focus_button.setAccessibleName(self.tr("Leave focus mode"))
        set_tooltip(self.leave_focus_button, self.tr("Everything back (Esc or F11)"))
        self.leave_focus_button.clicked.connect(lambda: self.focus_requested.emit(False))
        self.leave_focus_button.hide()
        self.delete_button = QToolButton(writing)
        self.delete_button.setText(self.tr("Delete…"))
        self.delete_button.setAccessibleName(self.tr("Delete this entry"))
        self.delete_button.clicked.connect(self._ask_delete)
        for button in (self.details_toggle, self.focus_button, self.delete_button):
            button.setAutoRaise(True)
            header.addWidget(button)
        header.addStretch(0)  # in focus mode, with the title away, it keeps Leave on the right
        self.leave_focus_button.setAutoRaise(True)
        header.addWidget(self.leave_focus_button)
        column.addLayout(header)

        self.meta = QWidget(writing)
        meta = QHBoxLayout(self.meta)
        meta.setContentsMargins(0, 0, 0, 0)
        self.when = QDateTimeEdit(self.meta)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(date_time_format())
        self.when.setAccessibleName(self.tr("Date and time"))
        when_label = QLabel(self.tr("&When"), self.meta)
        when_label.setBuddy(self.when)
        self.kind = QComboBox(self.meta)
        for kind in EntryKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.kind.setAccessibleName(self.tr("Kind of entry"))
        kind_label_widget = QLabel(self.tr("&Kind"), self.meta)
        kind_label_widget.setBuddy(self.kind)
        self.save_state = QLabel(self.meta)
        self.save_state.setTextFormat(Qt.TextFormat.PlainText)
        self.save_state.setAccessibleName(self.tr("Save status"))
        for widget in (when_label, self.when, kind_label_widget, self.kind):
            meta.addWidget(widget)
        meta.addStretch(1)
        meta.addWidget(self.save_state)
        column.addWidget(self.meta)

        self.problem = QLabel(writing)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        self.problem.setAccessibleName(self.tr("Problem saving"))
        column.addWidget(self.problem)

        self.body = MarkdownBodyEdit(writing)  # Markdown styled as it is typed
        self.body.setPlaceholderText(self.tr(
            "What happened? Which parts showed up, and what did they want you to know?\n\n"
            "Markdown works: *emphasis*, **strong**, lists with -, headings with #."))
        self.body.setAccessibleName(self.tr("Entry text"))
        self.body.setTabChangesFocus(True)
        self.format_bar = FormatBar(self.body, writing)
        column.addWidget(self.format_bar)
        column.addWidget(self.body, 1)
        self.splitter.addWidget(writing)

        self.details = EntryDetails(self.splitter)
        self.details.peer_session_requested.connect(self.peer_session_requested)
        self.details.agreements_panel.attach(self._vault, self.flush)
        self.pictures = PictureStrip(self._vault, self.details)  # ui/pictures/
        self.pictures.before_add = self.flush  # a picture belongs to a stored entry
        self.details.add_section(self.tr("Pictures"), self.pictures)
        self.details.part_input.returnPressed.connect(self._add_typed_part)
        self.details.add_part.clicked.connect(self._add_typed_part)
        self.details.remove_part.clicked.connect(self._remove_selected_part)
        # The fields live in the panel; the editor reads and fills them by these names.
        d = self.details
        self.trailhead, self.self_energy = d.trailhead, d.self_energy
        self.part_input, self.remove_part = d.part_input, d.remove_part
        self.presences, self.presence_view = d.presences, d.presence_view
        self.qualities_toggle, self.qualities_box = d.qualities_toggle, d.qualities_box
        self.quality_spins, self.peer_box = d.quality_spins, d.peer_box
        self.peer_session_button, self.my_role = d.peer_session_button, d.my_role
        self.planned, self.agreements, self.debrief = d.planned, d.agreements, d.debrief
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self._fit_details()
        for field in (self.title, self.body, self.trailhead, self.agreements, self.debrief):
            attach_spelling(field, self._vault)

    # Where the details go ----------------------------------------------------------------

    def set_details_shown(self, shown: bool) -> None:
        """Show or put away the details panel (the person's choice, kept across entries)."""
        if self.details_toggle.isChecked() != shown:
            self.details_toggle.setChecked(shown)  # comes back here through toggled
            return
        self.details.setVisible(shown and not self._focus)
        self.details_shown_changed.emit(shown)

    @property
    def details_shown(self) -> bool:
        """Whether the person keeps the details panel out."""
        return self.details_toggle.isChecked()

    def set_focus_mode(self, on: bool) -> None:
        """Only the text: no title, time, formatting bar or details; a quiet way back."""
        self._focus = on
        for widget in (self.title, self.details_toggle, self.focus_button, self.delete_button,
                       self.meta, self.format_bar):
            widget.setVisible(not on)
        self.leave_focus_button.setVisible(on)
        # A page on the desk, without the box drawn round a field.
        self.body.setFrameShape(QFrame.Shape.NoFrame if on else QFrame.Shape.StyledPanel)
        self.details.setVisible(self.details_shown and not on)
        if on:
            self.body.setFocus()

    @property
    def in_focus_mode(self) -> bool:
        """Whether only the text is shown."""
        return self._focus

    def _fit_details(self) -> None:
        """Beside the text when there is room for both, below it when there is not.

        The split is sized when the orientation changes and once the editor has its real size
        (sized while it was still a few pixels tall, the strip kept those few pixels).
        """
        wide = self.width() >= SIDE_PANEL_FROM
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        laid_out = self.isVisible() and self.height() >= 300
        if self.splitter.orientation() == orientation and (self._split_sized or not laid_out):
            return
        self._split_sized = laid_out
        self.splitter.setOrientation(orientation)
        if wide:
            self.details.setMaximumHeight(16_777_215)
            self.splitter.setSizes([max(1, self.width() - DETAILS_WIDTH), DETAILS_WIDTH])
        else:
            # Writing first on a small screen too: the text keeps three quarters of the height.
            self.splitter.setSizes([max(1, self.height() * 3 // 4), self.height() // 4])

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_details()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._fit_details()  # a page of a stack is resized while hidden: size it when shown

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
        self.details.agreements_panel.set_entry(entry.id)
        self.pictures.show_owner(entry_id=entry.id)
        self.title.setText(entry.title)
        local = entry.occurred_at.astimezone()
        self.when.setDateTime(QDateTime(QDate(local.year, local.month, local.day),
                                        QTime(local.hour, local.minute, local.second)))
        self.kind.setCurrentIndex(self.kind.findData(entry.kind.value))
        self._kind_shown = entry.kind
        self._template = ""
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
        """Start a new entry from its kind's template; it is stored once the person writes."""
        template = starting_body(self._vault, kind, _template_words)
        self.load(Entry(kind=kind, body=template), is_new=True)
        self._template = template
        self.body.moveCursor(QTextCursor.MoveOperation.End)
        self.body.setFocus()

    def _nothing_written(self, entry: Entry) -> bool:
        """A new entry with no title, no parts and its template untouched is not yet stored."""
        return self._is_new and not (entry.title.strip() or entry.parts) and self._untouched(
            entry.body)

    def _untouched(self, body: str) -> bool:
        """Still only the template it started with (read then: the vault may be locked now)."""
        return not body.strip() or body.rstrip() == self._template.rstrip()

    def clear(self) -> None:
        """Forget the entry and empty every field (used when locking)."""
        self._autosave.stop()
        self._loading = True
        self._entry = None
        self.details.agreements_panel.set_entry(None)
        self.pictures.clear()
        for line in (self.title, self.trailhead, self.part_input):
            line.clear()
        for text in (self.body, self.agreements, self.debrief):
            text.clear()
            text.document().clearUndoRedoStacks()
        self.presences.set_presences([])
        self.details.part_names.setStringList([])
        self._loading = False
        self._dirty = False
        self.save_state.clear()
        self.setEnabled(False)

    def refresh_part_names(self) -> None:
        """Parts were renamed elsewhere: show the new names (the entry itself is unchanged).

        Redrawing the dialogue's speakers touches the body's formats, which Qt reports as a
        change of the text: it is done as loading, so it is not taken for an edit.
        """
        was_loading, self._loading = self._loading, True
        try:
            self._refresh_part_names()
        finally:
            self._loading = was_loading
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
        parts = self._vault.parts.list(include_archived=True)
        self.body.set_speakers(speakers(parts))  # a dialogue's names, coloured and offered
        for part in parts:
            self._parts_by_name[part.name.casefold()] = PartPresence(part_id=part.id,
                                                                     name=part.name)
        for received in self._vault.received.list():
            label = fill(self.tr("%1 (%2's)"), received.name, received.peer_name)
            self._parts_by_name.setdefault(label.casefold(), PartPresence(
                received_part_id=received.id, name=received.name))
            self._received_labels[label.casefold()] = label
        names = [p.name for p in self._parts_by_name.values() if p.part_id]
        shared = sorted(self._received_labels.values())
        self.details.part_names.setStringList(sorted(names) + shared)

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
        before, self._kind_shown = self._kind_shown, kind
        if (not self._loading and self._is_new and before is not None and before != kind
                and self._untouched(self.body.toPlainText())):
            # Nothing written yet: the new kind's template takes the old one's place.
            self._template = starting_body(self._vault, kind, _template_words)
            self.body.setPlainText(self._template)
            self.body.moveCursor(QTextCursor.MoveOperation.End)
        self._changed()

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
        if entry is None or self._nothing_written(entry):
            return None
        return entry

    def flush(self) -> bool:
        """Save now if anything changed; returns False if the save failed."""
        self._autosave.stop()
        if not self._dirty or self._entry is None:
            return True
        entry = self.collect()
        assert entry is not None
        if self._nothing_written(entry):
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
