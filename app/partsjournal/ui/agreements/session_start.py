"""What a guided session shows at its start: the open agreements with the chosen part.

Before going inward with a part it helps to remember what was promised to it ("I'll check in
every morning this week") — a kept promise is trust the part can feel. :class:`OpenAgreementsNote`
is a small plain-text note for the session dialog's first page: hidden when the part has no open
agreement (or is new), else a heading and one line per agreement. Read only: marking one kept
happens in the entry's details or on the This week panel.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from partsjournal.domain.words import fill
from partsjournal.ui.agreements.words import open_agreements_text, tr
from partsjournal.ui.common.plain_text import isolate
from partsjournal.ui.common.theme import SPACE_S
from partsjournal.ui.common.widgets import named, plain_label
from partsjournal.vault import Vault

__all__ = ["OpenAgreementsNote", "open_agreements_text"]


class OpenAgreementsNote(QFrame):
    """The open agreements with one part, as plain text; hidden when there are none."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionAgreements")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._vault = vault
        column = QVBoxLayout(self)
        column.setContentsMargins(SPACE_S, SPACE_S, SPACE_S, SPACE_S)
        self.heading = plain_label("", self, wrap=True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        column.addWidget(self.heading)
        self.lines = named(plain_label("", self, wrap=True), "sessionAgreementLines")
        column.addWidget(self.lines)
        self.setVisible(False)

    def show_for(self, part_id: str | None, part_name: str = "") -> list[str]:
        """Show the open agreements with ``part_id`` (None: a new part, none); returns them."""
        lines = [] if part_id is None or self._vault.is_locked else \
            open_agreements_text(self._vault, part_id)
        self.heading.setText(fill(tr("What you agreed with %1, still open:"), isolate(part_name))
                             if part_name else tr("What you agreed with this part, still open:"))
        self.lines.setText("\n".join(fill(tr("• %1"), line) for line in lines))
        self.setAccessibleName(self.heading.text())
        self.setVisible(bool(lines))
        return lines
