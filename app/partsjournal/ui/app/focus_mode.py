"""Focus mode: only the text of the open entry, nothing else in the window.

Writing about a frightened part is easier without a list of other entries, a search field and
menus at the edge of sight. Focus mode puts all of that away — the sidebar, the header, the
journal list, the menu and status bars, the peer-session panel, and in the editor the title,
time, formatting bar and details — and brings back exactly what was there when it ends (F11
again, Esc, or "Leave focus"). Nothing is stored: it is a way of looking, not a preference, so
the next unlock starts with everything in view.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QWidget

from partsjournal.ui.common.plain_text import plain_status
from partsjournal.ui.journal.journal_view import JournalView


class FocusMode(QObject):
    """Hides the window's chrome around the entry editor and restores it afterwards."""

    #: True when only the text is shown, False when everything is back.
    changed = Signal(bool)

    def __init__(self, window: QMainWindow, journal: JournalView, chrome: list[QWidget],
                 show_journal: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._journal = journal
        self._chrome = chrome
        self._show_journal = show_journal
        self._was_visible: list[tuple[QWidget, bool]] = []
        self.action = QAction(self.tr("&Focus mode"), window)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.action.setStatusTip(plain_status(self.tr(
            "Only the text of the entry; F11 or Esc brings everything back")))
        self.action.toggled.connect(self.set_on)
        # The menu bar is hidden in focus mode and a hidden menu's shortcut is dead: the
        # window itself carries the action too, so F11 always answers.
        window.addAction(self.action)
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self._escape.setContext(Qt.ShortcutContext.WindowShortcut)
        self._escape.setEnabled(False)
        self._escape.activated.connect(lambda: self.set_on(False))
        journal.editor.focus_requested.connect(self.set_on)

    @property
    def is_on(self) -> bool:
        """Whether only the text is shown."""
        return bool(self._was_visible) or self._journal.editor.in_focus_mode

    def set_on(self, on: bool) -> None:
        """Show only the open entry's text (starting a new entry if none is open), or all."""
        if on == self.is_on:
            self.action.setChecked(on)
            return
        if on:
            self._enter()
        else:
            self._leave()
        self.action.setChecked(on)
        self._escape.setEnabled(on)
        self.changed.emit(on)

    def _enter(self) -> None:
        self._show_journal()
        editor = self._journal.editor
        if self._journal.right.currentWidget() is not editor:
            self._journal.new_entry()  # Focus with nothing open: a fresh page to write on
        self._was_visible = [(widget, widget.isVisible()) for widget in self._hidden()]
        for widget, _visible in self._was_visible:
            widget.hide()
        editor.set_focus_mode(True)

    def _leave(self) -> None:
        self._journal.editor.set_focus_mode(False)
        for widget, visible in self._was_visible:
            widget.setVisible(visible)
        self._was_visible = []
        self._journal.editor.body.setFocus()

    def _hidden(self) -> list[QWidget]:
        window = self._window
        docks = [w for w in window.findChildren(QWidget) if w.parent() is window
                 and w.inherits("QDockWidget") and w.isVisible()]
        return [*self._chrome, self._journal.list_pane, window.menuBar(), window.statusBar(),
                *docks]
