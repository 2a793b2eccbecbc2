"""An empty page that invites: a heading, a sentence of what will appear, and the first steps.

Used where a page has nothing to show yet (a new journal, nothing open), so the empty space
says what it is for and offers the action, in the manner of libadwaita's status pages.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from partsjournal.ui.common.theme import SPACE_L, SPACE_M, SPACE_S, scaled_font


class EmptyState(QWidget):
    """A centred heading and sentence, with buttons for the first steps (shown when offered)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setObjectName("emptyHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setFont(scaled_font(self.heading, "heading", bold=False))
        self.text = QLabel(self)
        self.text.setObjectName("emptyText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        for label in (self.heading, self.text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        self._buttons = QHBoxLayout()
        self._buttons.setSpacing(SPACE_M)
        # A column of readable width, centred by stretches on both sides: a word-wrapped label
        # given an alignment in its layout would shrink to one word per line.
        column = QWidget(self)
        column.setMaximumWidth(560)
        column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.heading)
        inner.addSpacing(SPACE_S)
        inner.addWidget(self.text)
        inner.addSpacing(SPACE_L)
        inner.addLayout(self._buttons)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 4)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.buttons: list[QPushButton] = []

    def add_action(self, text: str, name: str, triggered: Callable[[], object]) -> QPushButton:
        """A first-step button (hidden until :meth:`show_message` offers the actions)."""
        if not self.buttons:
            self._buttons.addStretch(1)
        else:
            self._buttons.takeAt(self._buttons.count() - 1)
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda: triggered())
        self._buttons.addWidget(button)
        self._buttons.addStretch(1)
        self.buttons.append(button)
        return button

    def show_message(self, heading: str, text: str, *, actions: bool) -> None:
        """Say ``heading`` and ``text``; show the first-step buttons only when ``actions``."""
        self.heading.setText(heading)
        self.text.setText(text)
        self.setAccessibleName(heading)
        for button in self.buttons:
            button.setVisible(actions)
