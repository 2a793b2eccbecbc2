"""Small widgets of the guided self-session: the six-step indicator and a profile proposal row."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QCheckBox, QPlainTextEdit, QVBoxLayout, QWidget

from partsjournal.domain.model import Role, Stage
from partsjournal.domain.words import fill
from partsjournal.flows.six_fs import SIX_FS, FieldProposal
from partsjournal.ui.common.theme import SPACE_S, SPACE_XS, muted
from partsjournal.ui.common.vocabulary import field_label, role_label, stage_label
from partsjournal.ui.common.widgets import named
from partsjournal.ui.practice.guided_words import step_title, tr


class StepIndicator(QWidget):
    """The six F's as dots on a line: done, current (filled with the highlight), to come."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._position = 0
        self._detour = False
        self.setMinimumHeight(54)
        self.setAccessibleName(tr("Progress through the six F's"))

    def set_position(self, position: int, detour: bool = False) -> None:
        """Show ``position`` (0–5, or 6 once all are done)."""
        self._position, self._detour = position, detour
        if position < len(SIX_FS):
            self.setAccessibleDescription(fill(tr("Step %1 of 6: %2"),
                                               str(position + 1),
                                               step_title(SIX_FS[position])))
        else:
            self.setAccessibleDescription(tr("All six steps done"))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(520, 54)

    def paintEvent(self, _event: object) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        highlight = palette.color(QPalette.ColorRole.Highlight)
        soft = muted(palette)
        count = len(SIX_FS)
        margin = 40.0
        width = max(1.0, self.width() - 2 * margin)
        xs = [margin + width * i / (count - 1) for i in range(count)]
        y = 16.0
        painter.setPen(QPen(soft, 2))
        painter.drawLine(int(xs[0]), int(y), int(xs[-1]), int(y))
        if self._position > 0:
            painter.setPen(QPen(highlight, 3))
            painter.drawLine(int(xs[0]), int(y), int(xs[min(self._position, count - 1)]), int(y))
        font = QFont(self.font())
        for i, step in enumerate(SIX_FS):
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
            painter.drawText(QRectF(xs[i] - 60, y + 12, 120, 22), Qt.AlignmentFlag.AlignCenter,
                             step_title(step))
        painter.end()


class ProposalRow(QWidget):
    """One suggested profile change: a tick box and, for text, the editable new text."""

    def __init__(self, proposal: FieldProposal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proposal = proposal
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, SPACE_XS, 0, SPACE_S)
        if proposal.field == "role":
            text = fill(tr("Set its role to %1"), role_label(Role(proposal.proposed)))
        elif proposal.field == "stage":
            text = fill(tr("Move its stage from “%1” to “%2”"),
                        stage_label(Stage(proposal.current)),
                        stage_label(Stage(proposal.proposed)))
        elif proposal.current.strip():
            text = fill(tr("Add to “%1”"), field_label(proposal.field))
        else:
            text = fill(tr("Fill in “%1”"), field_label(proposal.field))
        self.check = named(QCheckBox(text, self), f"proposal_{proposal.field}")
        self.check.setChecked(proposal.accepted)
        layout.addWidget(self.check)
        self.edit: QPlainTextEdit | None = None
        if proposal.field not in ("role", "stage"):
            self.edit = named(QPlainTextEdit(self), f"proposalText_{proposal.field}")
            self.edit.setPlainText(proposal.proposed)
            self.edit.setAccessibleName(fill(tr("New text for %1"), field_label(proposal.field)))
            self.edit.setTabChangesFocus(True)
            self.edit.setFixedHeight(72)
            self.check.toggled.connect(self.edit.setEnabled)
            layout.addWidget(self.edit)

    def read(self) -> FieldProposal:
        """The proposal as the person left it."""
        self.proposal.accepted = self.check.isChecked()
        if self.edit is not None:
            self.proposal.proposed = self.edit.toPlainText()
        return self.proposal
