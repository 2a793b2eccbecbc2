"""A quiet row of formatting buttons above the entry body, for those who don't know Markdown.

Each button types the same plain Markdown a writer could type by hand (``**``, ``# ``, ``- ``,
``> ``, ``Q: ``) into the body it belongs to, then gives the focus back to the text. The buttons
are flat, reachable with Tab, and named for screen readers; their tooltips give the shortcut.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from partsjournal.domain.words import fill
from partsjournal.ui.common.plain_text import set_tooltip
from partsjournal.ui.common.theme import SPACE_XS
from partsjournal.ui.journal.body_edit import MarkdownBodyEdit


class FormatBar(QWidget):
    """Bold, Italic, Heading, List, Quote, Link and "Question for my therapist"."""

    def __init__(self, body: MarkdownBodyEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = body
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE_XS)
        self.buttons: dict[str, QToolButton] = {}
        specs: tuple[tuple[str, str, str, str, Callable[[], None]], ...] = (
            ("bold", self.tr("B"), self.tr("Bold"), "Ctrl+B",
             lambda: body.toggle_wrap("**")),
            ("italic", self.tr("I"), self.tr("Italic"), "Ctrl+I",
             lambda: body.toggle_wrap("*")),
            ("heading", self.tr("Heading"), self.tr("Heading"), "Ctrl+Alt+2",
             lambda: body.toggle_heading(2)),
            ("list", self.tr("List"), self.tr("List"), "",
             lambda: body.toggle_prefix("- ")),
            ("quote", self.tr("Quote"), self.tr("Quote"), "",
             lambda: body.toggle_prefix("> ")),
            ("link", self.tr("Link"), self.tr("Link"), "Ctrl+K", body.make_link),
            ("question", self.tr("Question for my therapist"),
             self.tr("Question for my therapist: starts the line with Q:"), "",
             lambda: body.toggle_prefix("Q: ")),
        )
        for key, text, name, keys, action in specs:
            button = QToolButton(self)
            button.setText(text)
            button.setAutoRaise(True)
            button.setAccessibleName(name)
            if keys:
                shortcut = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
                set_tooltip(button, fill(self.tr("%1 (%2)"), name, shortcut))
            else:
                set_tooltip(button, name)
            button.clicked.connect(self._run(action))
            layout.addWidget(button)
            self.buttons[key] = button
        bold = self.buttons["bold"].font()
        bold.setWeight(QFont.Weight.Bold)
        self.buttons["bold"].setFont(bold)
        italic = self.buttons["italic"].font()
        italic.setItalic(True)
        self.buttons["italic"].setFont(italic)
        layout.addStretch(1)

    def _run(self, action: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            action()
            self.body.setFocus()
        return run
