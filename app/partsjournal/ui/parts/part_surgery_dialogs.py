"""Dialogs to merge two parts into one, or to split a new part off an existing one.

Each dialog only gathers the choice and says plainly what will happen; the change itself is a
command (:mod:`partsjournal.ui.parts.part_commands`) pushed on an undo stack, so it can be undone.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.model import PART_TEXT_FIELDS, Part, Relation, RelationKind, Role
from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.ui.common.check_list import CheckItem, CheckListModel
from partsjournal.ui.common.dates import short_date
from partsjournal.ui.common.plain_text import set_tooltip
from partsjournal.ui.common.theme import SPACE_L, SPACE_M, role_color
from partsjournal.ui.common.vocabulary import field_label, kind_label, role_label
from partsjournal.ui.common.widgets import named, plain_label, swatch
from partsjournal.ui.parts.part_commands import MergePartsCommand, SplitPartCommand
from partsjournal.vault import Vault
from partsjournal.vault.part_surgery import SplitSpec

Index = QModelIndex | QPersistentModelIndex


def _fill_parts(combo: QComboBox, parts: list[Part], archived_suffix: str) -> None:
    combo.clear()
    for part in parts:
        combo.addItem(swatch(role_color(part.role, part.color)),
                      part.name + (archived_suffix if part.archived else ""), part.id)


class MergePartsDialog(QDialog):
    """Choose a part to keep and one to fold into it; see what will happen; confirm."""

    def __init__(self, vault: Vault, parent: QWidget | None = None, *,
                 keep_id: str | None = None, absorb_id: str | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self.setWindowTitle(self.tr("Merge two parts"))
        self.setMinimumWidth(580)
        parts = vault.parts.list(include_archived=True)
        suffix = self.tr(" (archived)")

        intro = plain_label(self.tr(
            "Sometimes two names turn out to belong to one part. Merging keeps one of them: "
            "the other's entries, relationships and stage history move over, and anything its "
            "profile says that the kept one doesn't is added."), self)
        intro.setWordWrap(True)
        self.keep = named(QComboBox(self), "mergeKeep")
        self.keep.setAccessibleName(self.tr("The part to keep"))
        self.absorb = named(QComboBox(self), "mergeAbsorb")
        self.absorb.setAccessibleName(self.tr("The part to merge into it"))
        for combo in (self.keep, self.absorb):
            _fill_parts(combo, parts, suffix)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        if keep_id is not None:
            self.keep.setCurrentIndex(max(0, self.keep.findData(keep_id)))
        if absorb_id is not None:
            self.absorb.setCurrentIndex(max(0, self.absorb.findData(absorb_id)))
        elif self.absorb.count() > 1 and self.absorb.currentIndex() == self.keep.currentIndex():
            self.absorb.setCurrentIndex((self.keep.currentIndex() + 1) % self.absorb.count())

        form = QFormLayout()
        form.addRow(self.tr("&Keep"), self.keep)
        form.addRow(self.tr("&Merge into it"), self.absorb)
        self.preview = named(plain_label("", self), "mergePreview")
        self.preview.setWordWrap(True)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setMargin(10)
        self.preview.setAccessibleName(self.tr("What merging will do"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.merge_button = self.buttons.addButton(self.tr("Merge"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(SPACE_M)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.keep.currentIndexChanged.connect(self._update)
        self.absorb.currentIndexChanged.connect(self._update)
        self._update()

    @property
    def keep_id(self) -> str | None:
        """The part that stays."""
        value = self.keep.currentData()
        return str(value) if value else None

    @property
    def absorb_id(self) -> str | None:
        """The part folded into it (removed by the merge)."""
        value = self.absorb.currentData()
        return str(value) if value else None

    def _update(self) -> None:
        keep, absorb = self.keep_id, self.absorb_id
        if keep is None or absorb is None or keep == absorb:
            self.preview.setText(self.tr("Choose two different parts."))
            self.merge_button.setEnabled(False)
            return
        try:
            preview = self._vault.surgery.merge_preview(keep, absorb)
        except JournalError as exc:
            self.preview.setText(str(exc))
            self.merge_button.setEnabled(False)
            return
        n = preview.entries_moved
        lines = [
            fill(self.tr("“%1” will be removed and everything it holds moves to “%2”:"),
                 preview.absorb.name,
                 preview.keep.name),
            self.tr("• %n entries move over.", "", n),
        ]
        n = preview.entries_shared
        if n:
            lines.append(self.tr("• %n entries already had both parts; their notes are "
                                 "combined.", "", n))
        n = preview.relations_moved
        lines.append(self.tr("• %n relationships move over.", "", n))
        n = preview.relations_dropped
        if n:
            lines.append(self.tr("• %n relationships are dropped: they would repeat one the "
                                 "kept part has, or link it with itself.", "", n))
        n = preview.stage_events_moved
        lines.append(self.tr("• %n stage events join its history.", "", n))
        if preview.fields_combined:
            lines.append(fill(self.tr("• Added to its profile: %1."),
                              ", ".join(field_label(f) for f in preview.fields_combined)))
        if preview.shared_with:
            lines.append(fill(self.tr("You shared “%1” with %2. Their copy stays as it is; you may "
                                      "want to withdraw it the next time you share."),
                              preview.absorb.name, ", ".join(preview.shared_with)))
        lines.append(self.tr("You can undo this with Edit → Undo."))
        self.preview.setText("\n".join(lines))
        self.merge_button.setEnabled(True)

    def command(self, owner: QObject | None = None) -> MergePartsCommand:
        """The merge as an undoable command on behalf of ``owner`` (push it on the undo stack)."""
        keep, absorb = self.keep_id, self.absorb_id
        if keep is None or absorb is None:
            raise JournalError("Choose two different parts.")
        return MergePartsCommand(self._vault, keep, absorb, owner=owner)


class SplitPartDialog(QDialog):
    """Name a new part that was hiding under an existing one, and choose what it takes along."""

    def __init__(self, vault: Vault, source_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._source = vault.parts.get(source_id)
        self.setWindowTitle(self.tr("Split off a part"))
        self.setMinimumSize(620, 640)
        source = self._source

        intro = plain_label(fill(self.tr(
            "Sometimes what seemed one part turns out to be two. Give the new one a name and "
            "choose which entries were really about it; “%1” keeps everything else."),
                                 source.name), self)
        intro.setWordWrap(True)

        self.name_edit = named(QLineEdit(self), "splitName")
        self.name_edit.setMaxLength(200)
        self.name_edit.setPlaceholderText(self.tr("What would it like to be called?"))
        self.name_edit.setAccessibleName(self.tr("Name of the new part"))
        self.role_combo = named(QComboBox(self), "splitRole")
        for role in (Role.MANAGER, Role.FIREFIGHTER, Role.EXILE, Role.UNKNOWN):
            self.role_combo.addItem(swatch(role_color(role)), role_label(role), role.value)
        self.role_combo.setCurrentIndex(self.role_combo.findData(Role.UNKNOWN.value))
        self.role_combo.setAccessibleName(self.tr("Role of the new part"))
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Role"), self.role_combo)

        self.entries = CheckListModel(self)
        self.entries.set_items([
            CheckItem(e.id, f"{short_date(e.occurred_at)}  ·  {kind_label(e.kind)}  ·  "
                            f"{e.title or self.tr('Untitled')}")
            for e in vault.parts.appears_in(source_id)])
        self.entry_view = named(QListView(self), "splitEntries")
        self.entry_view.setModel(self.entries)
        self.entry_view.setAccessibleName(self.tr("Entries that were about the new part"))
        self.entry_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entry_view.setMinimumHeight(150)
        self.entry_view.setUniformItemSizes(True)
        entries_box = QGroupBox(self.tr("Entries where it was really the new part"), self)
        entries_layout = QVBoxLayout(entries_box)
        if self.entries.rowCount():
            entries_layout.addWidget(self.entry_view)
        else:
            self.entry_view.hide()
            entries_layout.addWidget(plain_label(fill(self.tr("“%1” isn't in any entry yet."),
                                                      source.name), entries_box))

        self.field_boxes: dict[str, QCheckBox] = {}
        fields_box = QGroupBox(self.tr("Move from the profile to the new part"), self)
        fields_layout = QGridLayout(fields_box)
        fields_layout.setHorizontalSpacing(SPACE_L)
        for name in PART_TEXT_FIELDS:
            text = getattr(source, name).strip()
            if not text:
                continue
            box = named(QCheckBox(field_label(name), fields_box), f"splitField_{name}")
            set_tooltip(box, text)  # plain text, elided to a few lines
            count = len(self.field_boxes)
            self.field_boxes[name] = box
            fields_layout.addWidget(box, count // 3, count % 3)
        if not self.field_boxes:
            fields_layout.addWidget(plain_label(self.tr("The profile is still empty."),
                                                fields_box))

        names = {p.id: p.name for p in vault.parts.list(include_archived=True)}
        self.relation_boxes: dict[str, QCheckBox] = {}
        relations_box = QGroupBox(self.tr("Also give the new part these relationships"), self)
        relations_layout = QVBoxLayout(relations_box)
        for relation in vault.relations.list(source_id):
            box = named(QCheckBox(self._describe(relation, names), relations_box),
                        f"splitRelation_{relation.id}")
            self.relation_boxes[relation.id] = box
            relations_layout.addWidget(box)
        if not self.relation_boxes:
            relations_layout.addWidget(plain_label(fill(self.tr("“%1” has no relationships yet."),
                                                        source.name), relations_box))

        self.problem = named(plain_label("", self), "splitProblem")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Why the part can't be split yet"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.split_button = self.buttons.addButton(self.tr("Split off"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        undo_note = plain_label(self.tr("You can undo this with Edit → Undo."), self)

        layout = QVBoxLayout(self)
        layout.setSpacing(SPACE_M)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(entries_box, 1)
        layout.addWidget(fields_box)
        layout.addWidget(relations_box)
        layout.addWidget(self.problem)
        layout.addWidget(undo_note)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._update)
        self._update()

    def _describe(self, relation: Relation, names: dict[str, str]) -> str:
        other = names.get(relation.to_part_id if relation.from_part_id == self._source.id
                          else relation.from_part_id, "?")
        if relation.kind is RelationKind.PROTECTS:
            text = self.tr("Protects “%1”") if relation.from_part_id == self._source.id \
                else self.tr("Is protected by “%1”")
        elif relation.kind is RelationKind.POLARIZED:
            text = self.tr("Polarized with “%1”")
        else:
            text = self.tr("Allied with “%1”")
        return fill(text, other)

    def _update(self) -> None:
        empty = not self.name_edit.text().strip()
        self.problem.setText(self.tr("Give the new part a name.") if empty else "")
        self.problem.setVisible(empty)
        self.split_button.setEnabled(not empty)

    def spec(self) -> SplitSpec:
        """What the person chose."""
        return SplitSpec(
            name=self.name_edit.text(), role=Role(self.role_combo.currentData()),
            entry_ids=tuple(self.entries.checked_keys()),
            move_fields=tuple(n for n, box in self.field_boxes.items() if box.isChecked()),
            copy_relation_ids=tuple(r for r, box in self.relation_boxes.items()
                                    if box.isChecked()),
            stage_note=fill(self.tr("Split off from “%1”"), self._source.name))

    def command(self, owner: QObject | None = None) -> SplitPartCommand:
        """The split as an undoable command on behalf of ``owner`` (push it on the undo stack)."""
        return SplitPartCommand(self._vault, self._source.id, self.spec(), owner=owner)


