"""The pieces of the part editor: the profile form and the relations panel.

They live apart from :mod:`partsjournal.ui.parts.parts_view` so each file keeps one purpose: the
view decides *when* to save and what to show; these widgets only present a part and read it back.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.model import PART_TEXT_FIELDS, Part, Relation, RelationKind, Role, Stage
from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.ui.common.changes import Change
from partsjournal.ui.common.messages import explain
from partsjournal.ui.common.models import ID_ROLE
from partsjournal.ui.common.operation import perform
from partsjournal.ui.common.plain_text import plain_tooltip, set_tooltip
from partsjournal.ui.common.spelling import attach_spelling
from partsjournal.ui.common.theme import role_color
from partsjournal.ui.common.vocabulary import (
    field_label,
    field_label_for,
    field_prompt,
    relation_label,
    role_label,
    stage_label,
)
from partsjournal.ui.common.widgets import named, plain_label, swatch
from partsjournal.ui.parts.part_models import RelationsModel
from partsjournal.vault import Vault

#: Trust in Self below 0 means "not rated yet" (the spin box shows a dash there).
NOT_RATED = -1


class ProfileForm(QWidget):
    """Every field of a part's profile, phrased as the questions Self might ask the part.

    The form never saves: it emits :attr:`edited` and lets the view decide when to store, so
    autosave, flush-before-lock and switching parts all go through one path.
    """

    edited = Signal()
    #: The person finished writing the note about a stage change (Enter or leaving the field).
    stage_note_finished = Signal()
    delete_requested = Signal()
    #: "Unburdening path…" on a stored exile's page.
    unburdening_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, vault: Vault | None = None) -> None:
        super().__init__(parent)
        self._spelling_vault: Vault | None = None
        self._loading = False
        self._is_new = False
        self._stored_stage = Stage.NOTICED
        self._color = ""

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        form = QFormLayout(body)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._form = form

        self.name_edit = named(QLineEdit(), "partName")
        self.name_edit.setPlaceholderText(field_prompt("name"))
        self._add_row(field_label("name"), self.name_edit)

        self.role_combo = named(QComboBox(), "partRole")
        for role in (Role.MANAGER, Role.FIREFIGHTER, Role.EXILE, Role.UNKNOWN):
            self.role_combo.addItem(swatch(role_color(role)), role_label(role), role.value)
        self._add_row(field_label("role"), self.role_combo)

        self.color_button = named(QPushButton(self.tr("Choose colour…")), "partColour")
        set_tooltip(self.color_button,
                    self.tr("Give this part its own colour on the list and map"))
        self.reset_color_button = named(QPushButton(self.tr("Use role colour")),
                                        "partColourReset")
        self.reset_color_button.setAccessibleName(self.tr("Use the role's colour"))
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.color_button)
        colour_row.addWidget(self.reset_color_button)
        colour_row.addStretch(1)
        self._colour_label = self._add_row(field_label("color"), colour_row)
        self._colour_label.setBuddy(self.color_button)

        self.stage_combo = named(QComboBox(), "partStage")
        for stage in Stage:
            self.stage_combo.addItem(stage_label(stage), stage.value)
            if stage.mainly_for_exiles:
                self.stage_combo.setItemData(
                    self.stage_combo.count() - 1,
                    plain_tooltip(self.tr("This healing step is mostly walked with exiles.")),
                    Qt.ItemDataRole.ToolTipRole)
        # An exile's next steps are a practice of their own: the way to them sits by its stage.
        self.unburdening_button = named(QPushButton(self.tr("Unburdening path…")),
                                        "unburdeningPath")
        self.unburdening_button.setAccessibleName(self.tr("Walk the unburdening path with it"))
        self.unburdening_button.clicked.connect(self.unburdening_requested)
        stage_row = QHBoxLayout()
        stage_row.addWidget(self.stage_combo)
        stage_row.addWidget(self.unburdening_button)
        stage_row.addStretch(1)
        self._add_row(field_label("stage"), stage_row).setBuddy(self.stage_combo)
        self.stage_combo.setAccessibleName(field_label("stage"))

        self.stage_note_edit = named(QLineEdit(), "stageNote")
        self._add_row(self.tr("Note about this change"), self.stage_note_edit)
        # Always there for a stored part, usable once the stage changes: a row that appeared
        # and vanished made the whole form jump under the person's eyes.
        self._set_note_row(changed=False)

        self.trust_spin = named(QSpinBox(), "partTrust")
        self.trust_spin.setRange(NOT_RATED, 10)
        self.trust_spin.setSpecialValueText(self.tr("—"))
        self.trust_spin.setSuffix(self.tr(" of 10"))
        self.trust_spin.setAccessibleDescription(
            self.tr("From 0 to 10; a dash means not rated yet"))
        set_tooltip(self.trust_spin, self.tr("How much does this part trust you (Self)? "
                                             "A dash means not rated yet."))
        self._add_row(field_label("trust_in_self"), self.trust_spin)

        self.text_edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        self._text_labels: dict[str, QLabel] = {}
        for name in PART_TEXT_FIELDS:
            edit: QLineEdit | QPlainTextEdit
            if name == "age":
                edit = QLineEdit()
            else:
                edit = QPlainTextEdit()
                edit.setTabChangesFocus(True)  # keyboard users move on with Tab
                # About five lines each: the whole profile stays in view with a little scrolling,
                # and a long answer scrolls inside its own box.
                lines = edit.fontMetrics().lineSpacing()
                edit.setFixedHeight(lines * 5 + 2 * edit.frameWidth() + 8)
            edit.setObjectName(f"part_{name}")
            edit.setPlaceholderText(field_prompt(name))
            self.text_edits[name] = edit
            self._text_labels[name] = self._add_row(field_label(name), edit)

        self.archived_check = named(QCheckBox(self.tr("Archived (hidden from the list; "
                                                "nothing is deleted)")), "partArchived")
        self.delete_button = named(QPushButton(self.tr("Delete part…")), "deletePart")
        bottom = QHBoxLayout()
        bottom.addWidget(self.archived_check)
        bottom.addStretch(1)
        bottom.addWidget(self.delete_button)
        form.addRow(bottom)

        self._connect()
        chain: list[QWidget] = [self.name_edit, self.role_combo, self.color_button,
                                self.reset_color_button, self.stage_combo, self.stage_note_edit,
                                self.trust_spin, *self.text_edits.values(), self.archived_check,
                                self.delete_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        if vault is not None:
            self.use_spelling(vault)

    def use_spelling(self, vault: Vault) -> None:
        """Spell-check the free-text fields with ``vault``'s words.

        Not the name: parts are often called by words of their own.
        """
        if self._spelling_vault is vault:
            return
        self._spelling_vault = vault
        for edit in (self.stage_note_edit, *self.text_edits.values()):
            attach_spelling(edit, vault)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        # A form made without a vault (the parts view makes it before it has one to hand)
        # takes its page's, so its fields are checked all the same.
        if self._spelling_vault is None:
            holder = self.parentWidget()
            while holder is not None and not isinstance(getattr(holder, "_vault", None), Vault):
                holder = holder.parentWidget()
            if holder is not None:
                self.use_spelling(holder._vault)  # type: ignore[attr-defined]
        super().showEvent(event)

    def _add_row(self, text: str, field: QWidget | QHBoxLayout) -> QLabel:
        """Add a labelled row; the label is the field's buddy, which names it for screen readers."""
        label = plain_label(text)
        if isinstance(field, QWidget):
            label.setBuddy(field)
            field.setAccessibleName(text)
        self._form.addRow(label, field)
        return label

    def _connect(self) -> None:
        self.name_edit.textChanged.connect(self._changed)
        self.role_combo.currentIndexChanged.connect(self._role_changed)
        self.stage_combo.currentIndexChanged.connect(self._stage_changed)
        self.stage_note_edit.textChanged.connect(self._changed)
        self.stage_note_edit.editingFinished.connect(self._note_finished)
        self.trust_spin.valueChanged.connect(self._changed)
        for edit in self.text_edits.values():
            edit.textChanged.connect(self._changed)
        self.archived_check.toggled.connect(self._changed)
        self.color_button.clicked.connect(self._choose_color)
        self.reset_color_button.clicked.connect(lambda: self._set_color(""))
        self.delete_button.clicked.connect(self.delete_requested)

    # Showing and reading -----------------------------------------------------------------------

    def show_part(self, part: Part, *, is_new: bool) -> None:
        """Fill the form from ``part`` without counting it as an edit."""
        self._loading = True
        try:
            self._is_new = is_new
            self._stored_stage = part.stage
            self.name_edit.setText(part.name)
            self.role_combo.setCurrentIndex(self.role_combo.findData(part.role.value))
            self._ask_as_fits(part.role)
            self.stage_combo.setCurrentIndex(self.stage_combo.findData(part.stage.value))
            self.stage_note_edit.clear()
            self._set_note_row(changed=False)
            self.trust_spin.setValue(NOT_RATED if part.trust_in_self is None
                                     else part.trust_in_self)
            for name, edit in self.text_edits.items():
                if isinstance(edit, QPlainTextEdit):
                    edit.setPlainText(getattr(part, name))
                else:
                    edit.setText(getattr(part, name))
            self.archived_check.setChecked(part.archived)
            self._set_color(part.color)
            self.delete_button.setText(self.tr("Discard new part") if is_new
                                       else self.tr("Delete part…"))
        finally:
            self._loading = False

    def read(self, base: Part) -> Part:
        """A copy of ``base`` with everything the form holds; ``base`` itself is untouched."""
        texts: dict[str, Any] = {
            name: edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
            for name, edit in self.text_edits.items()}
        trust = self.trust_spin.value()
        return replace(base, name=self.name_edit.text(),
                       role=Role(self.role_combo.currentData()), color=self._color,
                       trust_in_self=None if trust == NOT_RATED else trust,
                       stage=Stage(self.stage_combo.currentData()),
                       archived=self.archived_check.isChecked(), **texts)

    def mark_stored(self) -> None:
        """A new part has just been stored: from now on it can be deleted and change stage."""
        self._is_new = False
        self.delete_button.setText(self.tr("Delete part…"))
        self._set_note_row(changed=False)
        self._ask_as_fits(Role(self.role_combo.currentData()))

    def stage_note(self) -> str:
        """What the person wrote about the stage change."""
        return self.stage_note_edit.text()

    def stage_recorded(self, stage: Stage) -> None:
        """The stage change is now in the history: start fresh for the next one."""
        self._stored_stage = stage
        self._loading = True
        try:
            self.stage_note_edit.clear()
        finally:
            self._loading = False
        self._set_note_row(changed=False)

    def stage_in_progress(self) -> bool:
        """True while the person is still choosing a stage or writing its note.

        Arrowing through the stage list would otherwise record every stage passed on the way.
        """
        focus = self.focusWidget()
        return focus in (self.stage_combo, self.stage_note_edit)

    def is_blank(self) -> bool:
        """Nothing typed at all: a new part like this can be dropped without losing anything."""
        return not self.name_edit.text().strip() and not any(
            (e.toPlainText() if isinstance(e, QPlainTextEdit) else e.text()).strip()
            for e in self.text_edits.values())

    def focus_name(self) -> None:
        """Put the cursor in the name field, where a new part starts."""
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # Reactions -----------------------------------------------------------------------------------

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    def _role_changed(self) -> None:
        self._update_color_button()
        self._ask_as_fits(Role(self.role_combo.currentData()))
        self._changed()

    def _ask_as_fits(self, role: Role) -> None:
        """Placeholders and labels follow the role: an exile isn't asked about its job."""
        self.unburdening_button.setVisible(role is Role.EXILE and not self._is_new)
        for name, edit in self.text_edits.items():
            edit.setPlaceholderText(field_prompt(name, role))
            if isinstance(edit, QPlainTextEdit):
                # QPlainTextEdit doesn't repaint for a new placeholder (seen in a real window,
                # not in a grab()): ask for it, or the old question stays on screen.
                edit.viewport().update()
            label = field_label_for(name, role)
            self._text_labels[name].setText(label)
            edit.setAccessibleName(label)

    def _stage_changed(self) -> None:
        self._set_note_row(changed=Stage(self.stage_combo.currentData()) is not self._stored_stage)
        self._changed()

    def _set_note_row(self, *, changed: bool) -> None:
        """The note row: hidden for a new part, greyed until the stage changes."""
        self._form.setRowVisible(self.stage_note_edit, not self._is_new)
        self.stage_note_edit.setEnabled(changed and not self._is_new)
        self.stage_note_edit.setPlaceholderText(
            self.tr("What happened? (optional; it is kept in the part's history)") if changed
            else self.tr("Choose a new stage above to say what changed"))

    def _note_finished(self) -> None:
        # Going back to the stage list means the person is still deciding, not finished.
        if (not self._loading and self.stage_note_edit.isEnabled()
                and self.focusWidget() is not self.stage_combo):
            self.stage_note_finished.emit()

    def _choose_color(self) -> None:
        current = role_color(Role(self.role_combo.currentData()), self._color)
        chosen = QColorDialog.getColor(current, self, self.tr("Choose a colour for this part"))
        if chosen.isValid():
            self._set_color(chosen.name())

    def _set_color(self, color: str) -> None:
        if color == self._color:
            self._update_color_button()
            return
        self._color = color
        self._update_color_button()
        self._changed()

    def _update_color_button(self) -> None:
        role = Role(self.role_combo.currentData())
        self.color_button.setIcon(swatch(role_color(role, self._color)))
        self.reset_color_button.setEnabled(bool(self._color))
        self.color_button.setAccessibleDescription(
            fill(self.tr("Own colour %1"), self._color) if self._color
            else self.tr("Uses the role's colour"))


class RelationsPanel(QWidget):
    """One part's relationships, and a row to add another.

    Relations are stored at once (not autosaved) because each is a single, deliberate act.
    """

    #: A sentence to show the person when a relation can't be stored.
    problem = Signal(str)
    status = Signal(str)

    _KINDS = ("protects", "protected_by", "polarized", "allied")

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._part_id = ""
        self.model = RelationsModel(self)

        self.table = named(QTableView(), "relationsTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Relationships of this part"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.kind_combo = named(QComboBox(), "relationKind")
        labels = {"protects": relation_label(RelationKind.PROTECTS),
                  "protected_by": self.tr("is protected by"),
                  "polarized": relation_label(RelationKind.POLARIZED),
                  "allied": relation_label(RelationKind.ALLIED)}
        for key in self._KINDS:
            self.kind_combo.addItem(labels[key], key)
        self.kind_combo.setAccessibleName(self.tr("Kind of relationship"))
        self.other_combo = named(QComboBox(), "relationOther")
        self.other_combo.setAccessibleName(self.tr("The other part"))
        self.other_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.note_edit = named(QLineEdit(), "relationNote")
        self.note_edit.setPlaceholderText(self.tr("A note on how they relate (optional)"))
        self.note_edit.setAccessibleName(self.tr("Note on the relationship"))
        attach_spelling(self.note_edit, vault)
        self.add_button = named(QPushButton(self.tr("Add")), "addRelation")
        self.add_button.setAccessibleName(self.tr("Add relationship"))
        self.remove_button = named(QPushButton(self.tr("Remove selected relationship")),
                                   "removeRelation")
        self.remove_button.setEnabled(False)

        add_row = QHBoxLayout()
        add_row.addWidget(plain_label(self.tr("This part")))
        add_row.addWidget(self.kind_combo)
        add_row.addWidget(self.other_combo, 1)
        add_row.addWidget(self.note_edit, 2)
        add_row.addWidget(self.add_button)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)

        intro = plain_label(self.tr("Protectors guard exiles; some parts pull against each "
                                    "other, some work together."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(remove_row)
        add_title = plain_label(self.tr("Add a relationship"))
        add_title.setBuddy(self.kind_combo)
        layout.addWidget(add_title)
        layout.addLayout(add_row)

        self.add_button.clicked.connect(self._add)
        self.note_edit.returnPressed.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        for first, second in ((self.table, self.remove_button), (self.remove_button,
                              self.kind_combo), (self.kind_combo, self.other_combo),
                              (self.other_combo, self.note_edit),
                              (self.note_edit, self.add_button)):
            QWidget.setTabOrder(first, second)

    def show_part(self, part_id: str, parts: list[Part]) -> None:
        """Show the relations of ``part_id``; ``parts`` are all own parts (archived included)."""
        self._part_id = part_id
        names = {p.id: p.name for p in parts}
        self.model.set_relations(part_id, self._vault.relations.list(part_id) if part_id else [],
                                 names)
        chosen = self.other_combo.currentData()
        self.other_combo.clear()
        for part in parts:
            if part.id != part_id and not part.archived:
                self.other_combo.addItem(swatch(role_color(part.role, part.color)), part.name,
                                         part.id)
        index = self.other_combo.findData(chosen)
        self.other_combo.setCurrentIndex(max(index, 0))
        self.add_button.setEnabled(self.other_combo.count() > 0)
        self._selection_changed()

    def clear(self) -> None:
        """Forget the part (e.g. before lock, so no journal text stays in the widgets)."""
        self._part_id = ""
        self.model.set_relations("", [], {})
        self.other_combo.clear()
        self.note_edit.clear()

    def _add(self) -> None:
        other = self.other_combo.currentData()
        if not self._part_id or other is None:
            return
        key = self.kind_combo.currentData()
        kind = RelationKind.PROTECTS if key == "protected_by" else RelationKind(key)
        start, end = (other, self._part_id) if key == "protected_by" else (self._part_id, other)
        relation = Relation(kind=kind, from_part_id=start, to_part_id=end,
                            note=self.note_edit.text())
        try:
            perform(self, lambda: self._vault.relations.add(relation), [Change.RELATIONS])
        except JournalError as error:
            self.problem.emit(explain(error)[0])
            return
        self.note_edit.clear()
        self._refresh()
        for row in range(self.model.rowCount()):
            if self.model.relation(row).id == relation.id:
                self.table.selectRow(row)
        self.status.emit(self.tr("Relationship added"))

    def _remove(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        relation_id = self.model.data(rows[0], ID_ROLE)
        try:
            perform(self, lambda: self._vault.relations.delete(relation_id), [Change.RELATIONS])
        except JournalError as error:
            self.problem.emit(explain(error)[0])
            return
        self._refresh()
        self.status.emit(self.tr("Relationship removed"))

    def _refresh(self) -> None:
        self.show_part(self._part_id, self._vault.parts.list(include_archived=True))

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(self.table.selectionModel().hasSelection())
