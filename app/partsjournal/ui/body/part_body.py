"""A part's "Body" tab: where this part is felt, on the outline, as a list, and in its words.

The person places a spot by clicking the outline or, without a mouse, by choosing a region in
the box and pressing Add (the spot goes to the region's middle). The list under the outline is
the same spots as text; choosing one there makes it current on the outline (arrow keys move
it). The note and size of the current spot can be changed; Delete or Remove takes it away; Undo
(Ctrl+Z here) takes back the last change. The part's free-text "Where it is felt" (the ``body``
field of the profile) is shown beside the map, unchanged: it stays the part's own words.

:func:`attach_body_tab` adds the tab to the Parts page from outside, so the page's module (at
its size limit) needs no lines of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.body_map import (
    MAX_NOTE,
    BodySpot,
    Side,
    SpotSize,
    centre_of,
    check_note,
    region,
    region_at,
    regions,
)
from partsjournal.errors import JournalError, NotFound
from partsjournal.ui.body import commands
from partsjournal.ui.body.body_widget import BodyMapWidget
from partsjournal.ui.body.spot_model import BodySpotModel
from partsjournal.ui.body.words import place_label, size_label, tr
from partsjournal.ui.common.changes import Change, Changes
from partsjournal.ui.common.theme import SPACE_S, role_color
from partsjournal.ui.common.widgets import named, plain_label
from partsjournal.ui.parts.extra_tabs import attach_part_tab
from partsjournal.vault import Vault


class PartBodySection(QWidget):
    """The body map of one part, with keyboard placement, a readable list and undo."""

    status = Signal(str)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partBody")
        self._vault = vault
        self._part_id: str | None = None
        self.undo_stack = QUndoStack(self)
        self.map = BodyMapWidget(self)
        self.map.setAccessibleName(tr("This part on the body map"))
        self.region_box = named(QComboBox(self), "bodyRegion")
        self.region_box.setAccessibleName(tr("Region"))
        for side in Side:
            for place in regions(side):
                self.region_box.addItem(place_label(side, place.key), (side.value, place.key))
        self.size_box = named(QComboBox(self), "bodySize")
        self.size_box.setAccessibleName(tr("Size"))
        for size in SpotSize:
            self.size_box.addItem(size_label(size).capitalize(), int(size))
        self.size_box.setCurrentIndex(1)
        self.add_button = named(QPushButton(tr("&Add spot"), self), "bodyAdd")
        self.model = BodySpotModel(self)
        self.list = named(QListView(self), "bodySpots")
        self.list.setModel(self.model)
        self.list.setAccessibleName(tr("Where this part is felt"))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setWordWrap(True)  # a long note wraps rather than scrolls sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty = plain_label(tr("No spots yet. Click the outline where this part is felt, "
                                    "or choose a region and press Add spot."), self, wrap=True)
        self.note_edit = named(QLineEdit(self), "bodyNote")
        self.note_edit.setMaxLength(MAX_NOTE)
        self.note_edit.setPlaceholderText(tr("A note, e.g. tight band across the chest"))
        self.note_edit.setAccessibleName(tr("Note for the chosen spot"))
        self.save_note = named(QPushButton(tr("Save &note"), self), "bodySaveNote")
        self.remove_button = named(QPushButton(tr("&Remove spot"), self), "bodyRemove")
        self.undo_button = named(QPushButton(tr("&Undo"), self), "bodyUndo")
        self.words_label = plain_label("", self, wrap=True)
        self.words_label.setObjectName("bodyWords")
        self.problem = plain_label("", self, wrap=True)
        self.problem.setObjectName("bodyProblem")
        self._lay_out()
        self._connect()
        self._sync_buttons()

    def _lay_out(self) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(SPACE_S, SPACE_S, SPACE_S, SPACE_S)
        row.addWidget(self.map, 1)
        side = QVBoxLayout()
        row.addLayout(side, 1)
        place = QHBoxLayout()
        place.addWidget(self.region_box, 1)
        place.addWidget(self.size_box)
        place.addWidget(self.add_button)
        side.addLayout(place)
        side.addWidget(self.list, 1)
        side.addWidget(self.empty)
        form = QFormLayout()
        form.addRow(tr("Note"), self.note_edit)
        side.addLayout(form)
        buttons = QHBoxLayout()
        for button in (self.save_note, self.remove_button, self.undo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        side.addLayout(buttons)
        side.addWidget(self.problem)
        heading = plain_label(tr("In its own words"), self)
        side.addWidget(heading)
        side.addWidget(self.words_label)
        order = [self.region_box, self.size_box, self.add_button, self.map, self.list,
                 self.note_edit, self.save_note, self.remove_button, self.undo_button]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self._add_chosen)
        self.map.place_requested.connect(self._place)
        self.map.move_requested.connect(self._move)
        self.map.delete_requested.connect(lambda _id: self._remove())
        self.map.current_changed.connect(self._select)
        self.list.selectionModel().currentChanged.connect(self._list_changed)
        self.save_note.clicked.connect(self._save_note)
        self.note_edit.returnPressed.connect(self._save_note)
        self.size_box.activated.connect(self._resize)
        self.remove_button.clicked.connect(self._remove)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.setContext(undo.context().WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)

    # Showing -------------------------------------------------------------------------------

    def show_part(self, part_id: str | None) -> None:
        """Show one stored part's spots (None: nothing; the undo history is for one part)."""
        if part_id != self._part_id:
            self.undo_stack.clear()
            self._part_id = part_id
        self.refresh()

    def refresh(self, current: str | None = None) -> None:
        """Read the part's spots again, keeping (or choosing) the current one."""
        keep = current or self.map.current_id()
        spots: list[BodySpot] = []
        words = ""
        color = None
        if self._part_id is not None:
            try:
                part = self._vault.parts.get(self._part_id)
            except NotFound:
                self._part_id = None
            else:
                spots = self._vault.body_spots.for_part(part.id)
                words, color = part.body.strip(), role_color(part.role, part.color)
        self.map.set_spots([(s, color, "") for s in spots] if color else [])
        self.model.set_spots([(s, None, color) for s in spots])
        self.words_label.setText(words or tr("Nothing written yet. The profile's “Where it is "
                                             "felt” field is shown here."))
        self.empty.setVisible(not spots)
        self._select(keep if keep in {s.id for s in spots} else None)

    def clear(self) -> None:
        """Hold no part's text any more (locking)."""
        self.show_part(None)

    # Choosing ------------------------------------------------------------------------------

    def _select(self, spot_id: object) -> None:
        sid = spot_id if isinstance(spot_id, str) else None
        self.map.set_current(sid)
        row = self.model.row_of(sid)
        index = self.model.index(row, 0) if row >= 0 else QModelIndex()
        if index != self.list.currentIndex():
            self.list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        spot = self.map.current()
        self.note_edit.setText(spot.note if spot else "")
        if spot is not None:
            self.size_box.setCurrentIndex(int(spot.size) - 1)
        self._sync_buttons()

    def _list_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        spot = self.model.spot(current.row())
        if spot is not None and spot.id != self.map.current_id():
            self._select(spot.id)

    def _sync_buttons(self) -> None:
        chosen = self.map.current() is not None
        widgets: tuple[QWidget, ...] = (self.note_edit, self.save_note, self.remove_button)
        for widget in widgets:
            widget.setEnabled(chosen)
        self.undo_button.setEnabled(self.undo_stack.canUndo())
        for widget in (self.add_button, self.region_box, self.map):
            widget.setEnabled(self._part_id is not None)

    # Changing ------------------------------------------------------------------------------

    def _done(self, problem: str) -> None:
        self.problem.setText(problem)
        self.refresh()

    def _place(self, side: str, x: float, y: float) -> None:
        place = region_at(Side(side), x, y)
        if self._part_id is None or place is None:
            return
        spot = BodySpot(self._part_id, Side(side), place.key, x, y,
                        SpotSize(self.size_box.currentData()))
        self.undo_stack.push(commands.placed(self._vault, self, spot, self._done))
        self.refresh(spot.id)
        self.status.emit(tr("Spot placed"))

    def _add_chosen(self) -> None:
        side, key = self.region_box.currentData()
        self._place(side, *centre_of(region(Side(side), key)))
        self.map.setFocus()

    def _move(self, moved: object) -> None:
        before = self.map.current()
        if isinstance(moved, BodySpot) and before is not None:
            self.undo_stack.push(commands.changed(self._vault, self, before, moved, self._done))

    def _resize(self) -> None:
        before = self.map.current()
        if before is None or int(before.size) == self.size_box.currentData():
            return
        after = commands._copy(before)
        after.size = SpotSize(self.size_box.currentData())
        self.undo_stack.push(commands.changed(self._vault, self, before, after, self._done))

    def _save_note(self) -> None:
        before = self.map.current()
        if before is None:
            return
        try:
            note = check_note(self.note_edit.text())
        except JournalError as error:
            self.problem.setText(str(error))
            return
        if note == before.note:
            return
        after = commands._copy(before)
        after.note = note
        self.undo_stack.push(commands.changed(self._vault, self, before, after, self._done))
        self.status.emit(tr("Note saved"))

    def _remove(self) -> None:
        spot = self.map.current()
        if spot is not None:
            self.undo_stack.push(commands.removed(self._vault, self, spot, self._done))
            self.status.emit(tr("Spot removed"))


def attach_body_tab(parts_view: QWidget, vault: Vault) -> PartBodySection:
    """Add the Body tab to the Parts page; it follows the page's current part."""
    section = PartBodySection(vault, parts_view)
    attach_part_tab(parts_view, section, tr("Body"), section.show_part)
    return section


def on_body_changes(section: PartBodySection, changes: Changes) -> None:
    """Another page changed spots or parts: read this part's again."""
    if not changes.made_by(section) and changes.touches(Change.BODY_SPOTS, Change.PARTS):
        section.refresh()
