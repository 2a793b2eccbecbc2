"""What the Map page shows before there is anything to draw: a sentence, and a way to begin.

On one's own empty map the sentence says what will appear, and a button starts a new part the
way File ▸ New part does (the page asks; the main window goes to the Parts page). A peer's empty
map has only the sentence: nothing can be added to what someone else shared.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from partsjournal.ui.common.theme import SPACE_L, SPACE_XXL, scaled_font
from partsjournal.ui.common.widgets import named, plain_label

#: The sentence and the button never grow wider than this, so the text reads as one calm block.
TEXT_WIDTH = 460


class MapEmptyState(QWidget):
    """A centred sentence, and on one's own map an "Add your first part" button under it."""

    #: The person asked to add a part.
    part_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label: QLabel = named(plain_label(wrap=True), "mapEmpty")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setMinimumWidth(TEXT_WIDTH * 3 // 4)
        self.label.setMaximumWidth(TEXT_WIDTH)
        # As the Parts page's empty sentence.
        self.label.setFont(scaled_font(self.label, "title", bold=False))
        self.button = named(QPushButton(self.tr("Add your first part")), "mapAddFirstPart")
        self.button.setAccessibleName(self.tr("Add your first part"))
        self.button.setDefault(False)
        self.button.clicked.connect(self.part_requested)
        column = QVBoxLayout(self)
        column.setContentsMargins(SPACE_XXL, SPACE_XXL, SPACE_XXL, SPACE_XXL)
        column.setSpacing(SPACE_L)
        column.addStretch(1)
        for widget in (self.label, self.button):
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(widget)
            row.addStretch(1)
            column.addLayout(row)
        column.addStretch(2)

    def show_sentence(self, text: str, *, can_add: bool) -> None:
        """Say ``text``; offer the button only where a part can be added (one's own map)."""
        self.label.setText(text)
        self.button.setVisible(can_add)
