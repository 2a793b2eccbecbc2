"""The unburdening dialog's path indicator: where the person is among the six healing steps."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from partsjournal.domain.words import fill
from partsjournal.flows.unburdening import PATH
from partsjournal.ui.common.theme import muted
from partsjournal.ui.practice.unburdening_words import step_title, tr


class PathIndicator(QWidget):
    """The six healing steps as dots on a line: walked, current, to come.

    Before the path (the gate) no dot is filled: the person sees the whole way ahead and that
    they have not set out yet.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._position = -1
        self.setMinimumHeight(54)
        self.setAccessibleName(tr("Progress along the unburdening path"))
        self.set_position(-1)

    @property
    def position(self) -> int:
        """The current step's index on the path (-1 before it, 6 after)."""
        return self._position

    def set_position(self, position: int) -> None:
        """Show ``position`` (-1 before the path, 0–5 on it, 6 once past it)."""
        self._position = position
        if 0 <= position < len(PATH):
            self.setAccessibleDescription(fill(tr("Step %1 of 6: %2"), str(position + 1),
                                               step_title(PATH[position])))
        elif position < 0:
            self.setAccessibleDescription(tr("Not on the path yet"))
        else:
            self.setAccessibleDescription(tr("At the end of the path"))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(560, 54)

    def paintEvent(self, _event: object) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        highlight = palette.color(QPalette.ColorRole.Highlight)
        soft = muted(palette)
        count = len(PATH)
        margin = 48.0
        width = max(1.0, self.width() - 2 * margin)
        xs = [margin + width * i / (count - 1) for i in range(count)]
        y = 16.0
        painter.setPen(QPen(soft, 2))
        painter.drawLine(int(xs[0]), int(y), int(xs[-1]), int(y))
        if self._position > 0:
            painter.setPen(QPen(highlight, 3))
            painter.drawLine(int(xs[0]), int(y), int(xs[min(self._position, count - 1)]), int(y))
        font = QFont(self.font())
        slot = width / (count - 1)
        for i, step in enumerate(PATH):
            done, current = i < self._position, i == self._position
            radius = 8.0 if current else 6.0
            painter.setPen(QPen(highlight if (done or current) else soft, 2))
            painter.setBrush(highlight if (done or current)
                             else palette.color(QPalette.ColorRole.Window))
            painter.drawEllipse(QRectF(xs[i] - radius, y - radius, 2 * radius, 2 * radius))
            font.setBold(current)
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorRole.WindowText) if (done or current)
                           else soft)
            painter.drawText(QRectF(xs[i] - slot / 2, y + 12, slot, 22),
                             Qt.AlignmentFlag.AlignCenter, step_title(step))
        painter.end()
