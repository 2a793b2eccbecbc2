"""The sidebar: the rooms of the journal (six, This week the last), Settings and Lock below.

A row of plain buttons across the top read like a form; a sidebar with icons and words is what
people know from mail, notes and journal apps, and it keeps the rooms in view while writing. The
buttons show the window's own actions (so Ctrl+1…6, the View menu and the sidebar agree on which
room is open), and the icons are the bundled ones, drawn in the palette's colours.

Where the window is too narrow for the sidebar, the journal and the peer-session panel side by
side, the sidebar folds to its icons (each keeps its name as tooltip and accessible name), so the
window never has to grow.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolButton, QVBoxLayout, QWidget

from partsjournal.ui.common.icons import icon
from partsjournal.ui.common.theme import SPACE_M, SPACE_S, SPACE_XS, blend, scaled_font

#: Wide enough for the longest room name ("Insights", "Settings") at a large font.
SIDEBAR_WIDTH = 176
ICON_SIZE = 20
#: Folded: the icons alone.
COMPACT_WIDTH = ICON_SIZE + 2 * SPACE_M + 2 * SPACE_S


class Sidebar(QWidget):
    """Navigation for the unlocked journal; holds no journal text of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName(self.tr("Navigation"))
        self.setFixedWidth(SIDEBAR_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(SPACE_M, SPACE_M, SPACE_M, SPACE_M)
        self._layout.setSpacing(SPACE_XS)
        self._rooms = QVBoxLayout()
        self._rooms.setSpacing(SPACE_XS)
        self._bottom = QVBoxLayout()
        self._bottom.setSpacing(SPACE_XS)
        self.buttons: dict[str, QToolButton] = {}
        self.compact = False

    def set_compact(self, compact: bool) -> None:
        """Fold to icons only (``True``) or show icons with their names."""
        if compact == self.compact:
            return
        self.compact = compact
        style = (Qt.ToolButtonStyle.ToolButtonIconOnly if compact
                 else Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for button in self.buttons.values():
            button.setToolButtonStyle(style)
        margin = SPACE_S if compact else SPACE_M
        self._layout.setContentsMargins(margin, SPACE_M, margin, SPACE_M)
        self.setFixedWidth(COMPACT_WIDTH if compact else SIDEBAR_WIDTH)

    def add_room(self, action: QAction, icon_name: str) -> QToolButton:
        """A checkable room button showing ``action`` with a bundled icon."""
        button = self._button(action, icon_name)
        self._rooms.addWidget(button)
        return button

    def add_bottom(self, action: QAction, icon_name: str) -> QToolButton:
        """A button at the foot of the sidebar (Lock, Settings)."""
        button = self._button(action, icon_name)
        self._bottom.addWidget(button)
        return button

    def finish(self) -> None:
        """Place the rooms, a stretch, and the bottom buttons (call once, after adding)."""
        self._layout.addLayout(self._rooms)
        self._layout.addStretch(1)
        self._layout.addLayout(self._bottom)

    def _button(self, action: QAction, icon_name: str) -> QToolButton:
        action.setIcon(icon(icon_name))
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setObjectName(f"sidebar-{icon_name}")
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        button.setAutoRaise(True)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setFont(scaled_font(button, "body"))
        button.setMinimumHeight(ICON_SIZE + 2 * SPACE_S + 4)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        # The shortcut is on the action; the button says it in its tooltip, not its label.
        button.setAccessibleName(action.text().replace("&", ""))
        self.buttons[icon_name] = button
        return button

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """A faintly tinted panel with a hairline on its right edge, from the palette."""
        painter = QPainter(self)
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        painter.fillRect(self.rect(), blend(window, text, 0.035))
        painter.fillRect(self.width() - 1, 0, 1, self.height(), blend(window, text, 0.14))
        painter.end()
        super().paintEvent(event)
