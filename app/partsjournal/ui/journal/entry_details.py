"""The entry's details beside (or below) the writing.

Trailhead, Self-energy, parts present, the open agreements with those parts (ui/agreements/),
the 8 C's and the peer-session fields.

They matter, but they are not the writing: the editor keeps them in a side panel on a wide window
and in a strip under the text on a narrow one, and either way a person can put them away.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.model import C_QUALITIES, PeerRole
from partsjournal.ui.agreements.entry_agreements import AgreementsPanel
from partsjournal.ui.common.plain_text import set_tooltip
from partsjournal.ui.common.theme import SPACE_L, SPACE_S
from partsjournal.ui.common.vocabulary import peer_role_label, quality_label
from partsjournal.ui.journal.journal_models import PresenceModel

NOT_RATED = -1


def rating_spin(parent: QWidget, name: str) -> QSpinBox:
    """A 0–10 spin box whose lowest value means 'not rated'."""
    spin = QSpinBox(parent)
    spin.setRange(NOT_RATED, 10)
    spin.setSpecialValueText("—")
    spin.setValue(NOT_RATED)
    spin.setAccessibleName(name)
    return spin


class EntryDetails(QScrollArea):
    """The fields of an entry other than its title, time, kind and text."""

    #: "Open the session timer and agreements…".
    peer_session_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryDetails")
        self.setAccessibleName(self.tr("Details of this entry"))
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(SPACE_S, SPACE_S, SPACE_S, 0)

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
        self.part_names = QStringListModel(self)
        completer = QCompleter(self.part_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.part_input.setCompleter(completer)
        self.add_part = add = QPushButton(self.tr("&Add"), parts_box)
        add.setAccessibleName(self.tr("Add part"))
        self.remove_part = QPushButton(self.tr("Remove"), parts_box)
        self.remove_part.setAccessibleName(self.tr("Remove the selected part from this entry"))
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

        # What was agreed with the parts present follows them as they are added and removed.
        self.agreements_panel = AgreementsPanel(inner)
        for signal in (self.presences.rowsInserted, self.presences.rowsRemoved,
                       self.presences.modelReset):
            signal.connect(self._parts_changed)
        layout.addWidget(self.agreements_panel)

        self.qualities_toggle = QToolButton(inner)
        self.qualities_toggle.setText(self.tr("The 8 C's of Self (optional)"))
        self.qualities_toggle.setCheckable(True)
        self.qualities_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.qualities_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.qualities_toggle.setAccessibleName(self.tr("Show the 8 C's ratings"))
        layout.addWidget(self.qualities_toggle)
        self.qualities_box = QWidget(inner)
        grid = QGridLayout(self.qualities_box)
        grid.setContentsMargins(SPACE_L, 0, 0, 0)
        self.quality_spins: dict[str, QSpinBox] = {}
        for i, quality in enumerate(C_QUALITIES):
            spin = rating_spin(self.qualities_box, quality_label(quality))
            label = QLabel(quality_label(quality), self.qualities_box)
            label.setBuddy(spin)
            grid.addWidget(label, i // 2, (i % 2) * 2)
            grid.addWidget(spin, i // 2, (i % 2) * 2 + 1)
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
        self._sections = layout
        self.setWidget(inner)

    def add_section(self, title: str, widget: QWidget) -> None:
        """A section another feature adds (pictures), above the space at the bottom."""
        box = QGroupBox(title, widget.parentWidget())
        QVBoxLayout(box).addWidget(widget)
        self._sections.insertWidget(self._sections.count() - 1, box)

    def _parts_changed(self, *_args: object) -> None:
        self.agreements_panel.set_parts([p.part_id for p in self.presences.presences()
                                         if p.part_id])

    def _fit_part_column(self, *_args: object) -> None:
        self.presence_view.resizeColumnToContents(0)

    def _toggle_qualities(self, shown: bool) -> None:
        self.qualities_box.setVisible(shown)
        self.qualities_toggle.setArrowType(Qt.ArrowType.DownArrow if shown
                                           else Qt.ArrowType.RightArrow)
