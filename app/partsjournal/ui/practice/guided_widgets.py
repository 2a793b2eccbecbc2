"""Small widgets of the guided self-session: the six-step indicator and a profile proposal row."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QPlainTextEdit, QVBoxLayout, QWidget

from partsjournal.domain.model import Role, Stage
from partsjournal.domain.words import fill
from partsjournal.flows.six_fs import SIX_FS, FieldProposal
from partsjournal.ui.common.theme import SPACE_S, SPACE_XS
from partsjournal.ui.common.vocabulary import field_label, role_label, stage_label
from partsjournal.ui.common.widgets import named
from partsjournal.ui.practice.guided_words import step_title, tr
from partsjournal.ui.practice.step_track import StepTrack


class StepIndicator(StepTrack):
    """The six F's as dots on a line: done, current (filled with the highlight), to come."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, margin=40.0, width_hint=520)
        self.setAccessibleName(tr("Progress through the six F's"))
        self.set_position(0)

    def set_position(self, position: int, detour: bool = False) -> None:
        """Show ``position`` (0–5, or 6 once all are done)."""
        if position < len(SIX_FS):
            self.setAccessibleDescription(fill(tr("Step %1 of 6: %2"),
                                               str(position + 1),
                                               step_title(SIX_FS[position])))
        else:
            self.setAccessibleDescription(tr("All six steps done"))
        self.show_steps([step_title(step) for step in SIX_FS], position, detour=detour)


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
