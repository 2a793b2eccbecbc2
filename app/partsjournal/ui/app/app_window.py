"""The one window: welcome, unlock, the lock screen and the journal are pages of it.

Before, each was a window of its own, and every lock or unlock made a new one that the window
manager put somewhere else, at another size. Now the window stays where the person put it; only
its page changes. The page is destroyed when it is replaced — locking still throws away every
widget that held journal text — but the window itself holds nothing of the journal.

Welcome and unlock pages are narrow forms: they sit in the middle of the window at a readable
width instead of being stretched across it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

#: When the first page has not been painted by then (a window started minimised, say), what waits
#: for it (``after_first_paint``) runs all the same.
FIRST_PAINT_WAIT_MS = 1000
#: The window's size at first start (less where the screen is smaller).
START_SIZE = (1200, 780)
#: The narrow pages (welcome, unlock) are never wider than this.
FORM_WIDTH = 620


class AppWindow(QWidget):
    """The application's only top-level window; shows one page at a time."""

    #: The window was minimised (the controller locks if the person chose that).
    minimised = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("appWindow")
        self._page: QWidget | None = None
        self._holder: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        width, height = START_SIZE
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            width, height = min(width, room.width()), min(height, room.height())
        self.resize(width, height)

    @property
    def page(self) -> QWidget | None:
        """The page showing now."""
        return self._page

    def show_page(self, page: QWidget, *, narrow: bool = False) -> None:
        """Show ``page`` in place of the current one, which is hidden and deleted.

        ``narrow`` pages (forms) are centred at a readable width; the others fill the window.
        """
        old_holder, old_page = self._holder, self._page
        holder = self._centred(page) if narrow else page
        if not narrow:
            page.setParent(self)
        self._layout.addWidget(holder, 1)
        self._page, self._holder = page, holder
        self.setWindowTitle(page.windowTitle())
        page.windowTitleChanged.connect(self._title_changed)
        holder.show()
        page.show()
        if old_holder is not None and old_holder is not holder:
            old_holder.hide()
            self._layout.removeWidget(old_holder)
            if old_page is not None:
                old_page.windowTitleChanged.disconnect(self._title_changed)
            old_holder.deleteLater()
        # The field the page chose while it was built (the passphrase, say); asking the page
        # itself for the focus first would take it away from that field.
        focus = page.focusWidget()
        (focus if focus is not None else page).setFocus()

    def _centred(self, page: QWidget) -> QWidget:
        holder = QWidget(self)
        holder.setObjectName("pageHolder")
        rows = QVBoxLayout(holder)
        rows.setContentsMargins(0, 0, 0, 0)
        columns = QHBoxLayout()
        columns.addStretch(1)
        page.setParent(holder)
        page.setMaximumWidth(FORM_WIDTH)
        page.setMinimumWidth(min(FORM_WIDTH, 480))
        # As tall as it needs, a little above the middle: where the eye lands on a new window.
        page.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        columns.addWidget(page, 100)
        columns.addStretch(1)
        rows.addStretch(2)
        rows.addLayout(columns)
        rows.addStretch(3)
        return holder

    def _title_changed(self, title: str) -> None:
        self.setWindowTitle(title)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange and self.isMinimized():
            self.minimised.emit()

    def bring_forward(self) -> None:
        """Show the window in front (a second launch, a file handed over)."""
        from PySide6.QtCore import Qt  # not at import: Qt's enum namespace costs ~15 ms

        if self.windowState() & Qt.WindowState.WindowMinimized:
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()


class _FirstPaint(QObject):
    """Runs ``then`` once, on the event loop's next turn after ``window`` is first painted."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self._then is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # once the whole window is on screen
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


def after_first_paint(window: QWidget, then: Callable[[], None]) -> None:
    """Call ``then`` once ``window`` has been painted for the first time.

    Start-up work the first page does not need (listening for later launches, the window icon)
    waits for this instead of the event loop's first turn: a window system shows the window
    only after several turns (the expose event comes back from it), so work done on the first
    turn delayed the page it did not need. ``then`` runs at the latest ``FIRST_PAINT_WAIT_MS``
    after this call, even if the window is never painted (minimised at start).
    """
    _FirstPaint(window, then)
