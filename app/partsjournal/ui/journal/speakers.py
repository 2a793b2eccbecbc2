"""Who can speak in a dialogue with parts: Self, in the app's language too, and every part.

The entry body colours and offers these names (domain/dialogue.py says what a turn is), and the
therapy-prep summary lists the turns it finds with the same names. "Self" is recognised in
English and in the app's language, so a dialogue written as "Selbst:" counts as Self's.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from partsjournal.domain.dialogue import SELF_NAME, Speaker, speakers_for
from partsjournal.domain.model import Part
from partsjournal.ui.common.theme import SELF_COLOR, role_color


def self_names() -> tuple[str, ...]:
    """"Self" and its translation (once, when the language is English)."""
    return tuple(dict.fromkeys((SELF_NAME, QCoreApplication.translate("Dialogue", SELF_NAME))))


def speakers(parts: list[Part]) -> list[Speaker]:
    """Self in the Self-energy teal, then each part in its own colour or its role's."""
    return speakers_for(parts, self_names=self_names(), self_colour=SELF_COLOR,
                        colour_of=lambda part: role_color(part.role, part.color).name())
