"""How the body map reads on screen: region names, sizes and one line per spot, all via ``tr``.

One place for the sentence "Chest (front), large — tight band across the chest", so the part's
list, the page's list and the outline's accessible names say it the same way. The note is the
person's own text: it is isolated (``plain_text.isolate``) and shown only by plain-text widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from partsjournal.domain.body_map import BodySpot, Side, SpotSize
from partsjournal.domain.words import fill
from partsjournal.ui.common.plain_text import isolate

CONTEXT = "BodyMap"


def tr(text: str) -> str:
    """Translate in the body map's context."""
    return QCoreApplication.translate(CONTEXT, text)


def region_label(key: str) -> str:
    """A region's name, capitalised as the start of a line ("Upper back")."""
    labels = {
        "face": tr("Face"), "head": tr("Head"), "throat": tr("Throat"),
        "shoulders": tr("Shoulders"), "heart": tr("Heart"), "chest": tr("Chest"),
        "belly": tr("Belly"), "pelvis": tr("Pelvis"), "arms": tr("Arms"), "hands": tr("Hands"),
        "legs": tr("Legs"), "feet": tr("Feet"), "back_of_head": tr("Back of the head"),
        "neck": tr("Neck"), "upper_back": tr("Upper back"), "lower_back": tr("Lower back"),
        "hips": tr("Hips"),
    }
    return labels.get(key, key)


def side_label(side: Side) -> str:
    """"front" or "back", as it reads inside brackets."""
    return tr("front") if Side(side) is Side.FRONT else tr("back")


def size_label(size: SpotSize) -> str:
    """"small", "medium" or "large"."""
    return {SpotSize.SMALL: tr("small"), SpotSize.MEDIUM: tr("medium"),
            SpotSize.LARGE: tr("large")}[SpotSize(size)]


def place_label(side: Side, key: str) -> str:
    """"Chest (front)": a choice in the region box."""
    return fill(tr("%1 (%2)"), region_label(key), side_label(side))


def spot_line(spot: BodySpot, part_name: str | None = None) -> str:
    """"Chest (front), large — tight band across the chest", after "Eight: " when named."""
    line = fill(tr("%1, %2"), place_label(spot.side, spot.region), size_label(spot.size))
    if spot.note:
        line = fill(tr("%1 — %2"), line, isolate(spot.note))
    return line if part_name is None else fill(tr("%1: %2"), isolate(part_name), line)
