"""A quiet row of formatting buttons above the entry body, for those who don't know Markdown.

Each button types the same plain Markdown a writer could type by hand (``**``, ``# ``, ``- ``,
``> ``, ``Q: ``) into the body it belongs to, then gives the focus back to the text. The buttons
are flat, reachable with Tab, and named for screen readers; their tooltips give the shortcut.
"Who speaks" opens a menu of Self and the parts (Space or Enter opens it, the arrows choose) and
starts the line with that speaker's ``Name: ``, for a dialogue with parts. It is the one button
that steps aside when the column is too narrow for all of them (a peer session's panel open
beside the entry, say): the bar never makes the window wider, and typing a name offers the
speakers just the same.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QMenu, QToolButton, QWidget

from partsjournal.domain.dialogue import Speaker
from partsjournal.domain.words import fill
from partsjournal.ui.common.plain_text import set_tooltip
from partsjournal.ui.common.theme import SPACE_XS
from partsjournal.ui.journal.body_edit import MarkdownBodyEdit


class FormatBar(QWidget):
    """Bold, Italic, Heading, List, Quote, Link, "Question for my therapist", "Who speaks"."""

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
        layout.addWidget(self._speaker_button())
        layout.addStretch(1)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """As narrow as the other buttons: "Who speaks" folds away rather than widen the bar."""
        hint = super().minimumSizeHint()
        speaker = self.buttons["speaker"]
        if not speaker.isHidden():
            hint.setWidth(hint.width() - self._speaker_room())
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        fits = event.size().width() >= self.minimumSizeHint().width() + self._speaker_room()
        speaker = self.buttons["speaker"]
        if fits == speaker.isHidden():
            speaker.setVisible(fits)

    def _speaker_room(self) -> int:
        layout = self.layout()
        spacing = layout.spacing() if layout is not None else 0
        return self.buttons["speaker"].sizeHint().width() + max(0, spacing)

    def _speaker_button(self) -> QToolButton:
        button = QToolButton(self)
        button.setText(self.tr("Who speaks"))
        button.setAutoRaise(True)
        button.setAccessibleName(self.tr("Who speaks"))
        set_tooltip(button, self.tr("Who speaks: starts the line with Self's or a part's name, "
                                    "for a dialogue with your parts"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        menu.setAccessibleName(self.tr("Who speaks"))
        menu.aboutToShow.connect(self._fill_speakers)
        button.setMenu(menu)
        self.buttons["speaker"] = button
        return button

    def _fill_speakers(self) -> None:
        """The menu lists the body's speakers as they are now: Self first, then by name."""
        menu = self.buttons["speaker"].menu()
        if menu is None:
            return
        menu.clear()
        cast = self.body.cast
        first_self = cast.self_speaker  # Self once, even when known by two names
        speakers = sorted((s for s in cast.speakers if not s.is_self or s is first_self),
                          key=lambda s: (not s.is_self, s.name.casefold()))
        if not speakers:
            empty = menu.addAction(self.tr("No parts yet"))
            empty.setEnabled(False)
        for speaker in speakers:
            action = menu.addAction(speaker.name.replace("&", "&&"))  # no accelerator
            action.triggered.connect(self._run(self._speak(speaker)))

    def _speak(self, speaker: Speaker) -> Callable[[], None]:
        return lambda: self.body.insert_speaker(speaker)

    def _run(self, action: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            action()
            self.body.setFocus()
        return run
