"""The unburdening dialog's path indicator: where the person is among the six healing steps."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from partsjournal.domain.words import fill
from partsjournal.flows.unburdening import PATH
from partsjournal.ui.practice.step_track import StepTrack
from partsjournal.ui.practice.unburdening_words import step_title, tr


class PathIndicator(StepTrack):
    """The six healing steps as dots on a line: walked, current, to come.

    Before the path (the gate) no dot is filled: the person sees the whole way ahead and that
    they have not set out yet.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, margin=48.0, width_hint=560)
        self.setAccessibleName(tr("Progress along the unburdening path"))
        self.set_position(-1)

    @property
    def position(self) -> int:
        """The current step's index on the path (-1 before it, 6 after)."""
        return self._position

    def set_position(self, position: int) -> None:
        """Show ``position`` (-1 before the path, 0–5 on it, 6 once past it)."""
        if 0 <= position < len(PATH):
            self.setAccessibleDescription(fill(tr("Step %1 of 6: %2"), str(position + 1),
                                               step_title(PATH[position])))
        elif position < 0:
            self.setAccessibleDescription(tr("Not on the path yet"))
        else:
            self.setAccessibleDescription(tr("At the end of the path"))
        self.show_steps([step_title(step) for step in PATH], position)
