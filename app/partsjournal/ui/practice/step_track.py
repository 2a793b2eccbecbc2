"""Where a person is in a guided practice: its steps as dots on a line.

The 6 F's session and the unburdening path both show their way like this — walked steps filled,
the current one larger and bold, those to come hollow and muted — so a person who has done one
recognises the other. Each practice keeps its own words (step names, what a screen reader says)
and gives them to this track.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from partsjournal.ui.common.theme import muted


class StepTrack(QWidget):
    """Step names under dots on a line; ``position`` is the current step (-1 before the first).

    ``detour`` draws the current dot hollow: the person stepped aside from the path (to ask a
    part to step back, say) and comes back to this step afterwards.
    """

    def __init__(self, parent: QWidget | None = None, *, margin: float = 44.0,
                 width_hint: int = 540) -> None:
        super().__init__(parent)
        self._titles: list[str] = []
        self._position = -1
        self._detour = False
        self._margin = margin
        self._width_hint = width_hint
        self.setMinimumHeight(54)

    def show_steps(self, titles: Sequence[str], position: int, *, detour: bool = False) -> None:
        """Draw ``titles`` with ``position`` as the current one (len(titles) once past them)."""
        self._titles, self._position, self._detour = list(titles), position, detour
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self._width_hint, 54)

    def paintEvent(self, _event: object) -> None:  # noqa: N802
        count = len(self._titles)
        if count < 2:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        highlight = palette.color(QPalette.ColorRole.Highlight)
        soft = muted(palette)
        width = max(1.0, self.width() - 2 * self._margin)
        xs = [self._margin + width * i / (count - 1) for i in range(count)]
        slot = min(width / (count - 1), 120.0)
        y = 16.0
        painter.setPen(QPen(soft, 2))
        painter.drawLine(int(xs[0]), int(y), int(xs[-1]), int(y))
        if self._position > 0:
            painter.setPen(QPen(highlight, 3))
            painter.drawLine(int(xs[0]), int(y), int(xs[min(self._position, count - 1)]), int(y))
        font = QFont(self.font())
        for i, title in enumerate(self._titles):
            done, current = i < self._position, i == self._position
            radius = 8.0 if current else 6.0
            painter.setPen(QPen(highlight if (done or current) else soft, 2))
            dot = highlight if (done or current) else palette.color(QPalette.ColorRole.Window)
            if self._detour and current:
                dot = palette.color(QPalette.ColorRole.Window)
            painter.setBrush(dot)
            painter.drawEllipse(QRectF(xs[i] - radius, y - radius, 2 * radius, 2 * radius))
            font.setBold(current)
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorRole.WindowText) if (done or current)
                           else soft)
            painter.drawText(QRectF(xs[i] - slot / 2, y + 12, slot, 22),
                             Qt.AlignmentFlag.AlignCenter, title)
        painter.end()
