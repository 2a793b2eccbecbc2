"""The body map: where a part is felt, as spots on a front and a back outline of a body.

Parts are often first met as sensations ("a tight band across the chest", "heat in the face"),
so a part can carry spots on a calm, non-gendered outline. Each spot lies in a *named region*
(head, throat, chest, …) so it can be chosen, placed and read without a mouse, and at ``x``/``y``
as fractions (0–1) of the outline's width and height, so it is drawn where it was put whatever
the size of the window. The regions here are simple shapes in those same fractions; the outline
(``data/body/body.svg``) is drawn over the same 200 × 400 grid. The table is ``body_spots``
(docs/vault-format.md). No I/O, no Qt.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum, StrEnum

from partsjournal.domain.model import new_id, utc_now
from partsjournal.errors import ValidationError

#: A note is one short line: it is read beside the region's name in a list.
MAX_NOTE = 200
#: How far one arrow key moves a spot, as a fraction of the outline.
STEP = 0.02

_BIDI_CONTROLS = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})


class Side(StrEnum):
    """Which outline a spot is on."""

    FRONT = "front"
    BACK = "back"


class SpotSize(IntEnum):
    """How big the felt place is."""

    SMALL = 1
    MEDIUM = 2
    LARGE = 3


SIZE_LABELS: dict[SpotSize, str] = {SpotSize.SMALL: "small", SpotSize.MEDIUM: "medium",
                                    SpotSize.LARGE: "large"}
SIDE_LABELS: dict[Side, str] = {Side.FRONT: "front", Side.BACK: "back"}


@dataclass(frozen=True)
class Shape:
    """An ellipse (``round``) or a rectangle, in fractions of the outline."""

    cx: float
    cy: float
    rx: float
    ry: float
    round: bool = True

    def contains(self, x: float, y: float) -> bool:
        """True when (x, y) lies inside."""
        dx, dy = (x - self.cx) / self.rx, (y - self.cy) / self.ry
        return dx * dx + dy * dy <= 1.0 if self.round else abs(dx) <= 1 and abs(dy) <= 1


def _e(cx: float, cy: float, rx: float, ry: float) -> Shape:
    """An ellipse given on the outline's 200 × 400 grid."""
    return Shape(cx / 200, cy / 400, rx / 200, ry / 400)


def _r(x0: float, y0: float, x1: float, y1: float) -> Shape:
    """A rectangle given by its corners on the 200 × 400 grid."""
    return Shape((x0 + x1) / 400, (y0 + y1) / 800, (x1 - x0) / 400, (y1 - y0) / 800, False)


@dataclass(frozen=True)
class Region:
    """A named place on one side; its shapes are searched in :data:`REGIONS` order."""

    key: str
    label: str
    side: Side
    shapes: tuple[Shape, ...]

    def contains(self, x: float, y: float) -> bool:
        """True when (x, y) is in any of its shapes."""
        return any(s.contains(x, y) for s in self.shapes)


_ARMS = (_r(30, 104, 56, 236), _r(144, 104, 170, 236))
_HANDS = (_e(42, 256, 15, 20), _e(158, 256, 15, 20))
_LEGS = (_r(64, 262, 98, 366), _r(102, 262, 136, 366))
_FEET = (_e(80, 382, 20, 14), _e(120, 382, 20, 14))
_HEAD = (_e(100, 42, 28, 34),)
_NECK = (_r(88, 74, 112, 92),)
_SHOULDERS = (_r(48, 90, 152, 112),)

#: Every region, smaller ones before the larger ones they lie in (the heart before the chest,
#: the face before the head), so :func:`region_at` finds the most precise name.
REGIONS: tuple[Region, ...] = (
    Region("face", "face", Side.FRONT, (_e(100, 48, 18, 22),)),
    Region("head", "head", Side.FRONT, _HEAD),
    Region("throat", "throat", Side.FRONT, _NECK),
    Region("shoulders", "shoulders", Side.FRONT, _SHOULDERS),
    Region("heart", "heart", Side.FRONT, (_e(114, 138, 14, 14),)),
    Region("chest", "chest", Side.FRONT, (_r(58, 110, 142, 170),)),
    Region("belly", "belly", Side.FRONT, (_r(60, 170, 140, 220),)),
    Region("pelvis", "pelvis", Side.FRONT, (_r(62, 220, 138, 262),)),
    Region("arms", "arms", Side.FRONT, _ARMS),
    Region("hands", "hands", Side.FRONT, _HANDS),
    Region("legs", "legs", Side.FRONT, _LEGS),
    Region("feet", "feet", Side.FRONT, _FEET),
    Region("back_of_head", "back of the head", Side.BACK, _HEAD),
    Region("neck", "neck", Side.BACK, _NECK),
    Region("shoulders", "shoulders", Side.BACK, _SHOULDERS),
    Region("upper_back", "upper back", Side.BACK, (_r(58, 110, 142, 180),)),
    Region("lower_back", "lower back", Side.BACK, (_r(60, 180, 140, 226),)),
    Region("hips", "hips", Side.BACK, (_r(62, 226, 138, 262),)),
    Region("arms", "arms", Side.BACK, _ARMS),
    Region("hands", "hands", Side.BACK, _HANDS),
    Region("legs", "legs", Side.BACK, _LEGS),
    Region("feet", "feet", Side.BACK, _FEET),
)

_BY_KEY: dict[tuple[Side, str], Region] = {(r.side, r.key): r for r in REGIONS}


def regions(side: Side) -> tuple[Region, ...]:
    """The regions of one side, in the order a person reads a body: head to feet."""
    return tuple(r for r in REGIONS if r.side is side)


def region(side: Side, key: str) -> Region:
    """The region ``key`` of ``side``, or ValidationError."""
    found = _BY_KEY.get((Side(side), key))
    if found is None:
        raise ValidationError("region", "That place is not one of the body map's regions.")
    return found


def region_at(side: Side, x: float, y: float) -> Region | None:
    """The most precise region at (x, y) on ``side``, or None outside the outline."""
    return next((r for r in REGIONS if r.side is side and r.contains(x, y)), None)


def centre_of(place: Region) -> tuple[float, float]:
    """Where a spot placed by choosing ``place`` goes: the middle of its first shape.

    Inside a region that holds a smaller one (the chest holds the heart) the point is moved off
    the smaller one, so the spot reads back as the region that was chosen.
    """
    shape = place.shapes[-1] if place.key in {"arms", "hands", "legs", "feet"} else place.shapes[0]
    for x, y in ((shape.cx, shape.cy), (shape.cx - shape.rx * 0.6, shape.cy),
                 (shape.cx, shape.cy - shape.ry * 0.75)):
        if region_at(place.side, x, y) == place:
            return (x, y)
    return (shape.cx, shape.cy)


def nudge(spot: BodySpot, dx: float, dy: float) -> BodySpot | None:
    """``spot`` moved by (dx, dy), in its new region; None when that would leave the outline."""
    x = min(1.0, max(0.0, spot.x + dx))
    y = min(1.0, max(0.0, spot.y + dy))
    place = region_at(spot.side, x, y)
    if place is None:
        return None
    return BodySpot(part_id=spot.part_id, side=spot.side, region=place.key, x=x, y=y,
                    size=spot.size, note=spot.note, created_at=spot.created_at, id=spot.id)


@dataclass
class BodySpot:
    """One place where a part is felt."""

    part_id: str
    side: Side
    region: str
    x: float
    y: float
    size: SpotSize = SpotSize.MEDIUM
    note: str = ""
    created_at: datetime = field(default_factory=utc_now)
    id: str = field(default_factory=new_id)


def check_note(value: str) -> str:
    """``value`` stripped, or ValidationError: too long, or not one plain line."""
    if not isinstance(value, str):
        raise ValidationError("note", "A note is text.")
    value = value.strip()
    if len(value) > MAX_NOTE:
        raise ValidationError("note", f"A note can be at most {MAX_NOTE} characters; this one "
                                      f"has {len(value)}.")
    if any(unicodedata.category(c) == "Cc" for c in value) or any(
            unicodedata.bidirectional(c) in _BIDI_CONTROLS for c in value):
        raise ValidationError("note", "A note is one line, without invisible control "
                                      "characters.")
    return value


def validate_spot(spot: BodySpot) -> BodySpot:
    """Check every field; returns the spot with its note stripped and enums set."""
    if not spot.part_id:
        raise ValidationError("part_id", "A spot belongs to one of your parts.")
    try:
        spot.side = Side(spot.side)
        spot.size = SpotSize(spot.size)
    except ValueError:
        raise ValidationError("size", "A spot is on the front or the back, and small, medium "
                                      "or large.") from None
    region(spot.side, spot.region)
    for value in (spot.x, spot.y):
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise ValidationError("x", "A spot lies on the outline (0 to 1 across and down).")
    spot.x, spot.y = float(spot.x), float(spot.y)
    if not isinstance(spot.created_at, datetime) or spot.created_at.tzinfo is None:
        raise ValidationError("created_at", "The time a spot was placed needs a time zone.")
    spot.note = check_note(spot.note)
    return spot


def describe(spot: BodySpot) -> str:
    """"chest (front), large — tight band across the chest" in English (Markdown, the PDF)."""
    text = f"{region(spot.side, spot.region).label} ({SIDE_LABELS[Side(spot.side)]}), " \
           f"{SIZE_LABELS[SpotSize(spot.size)]}"
    return f"{text} — {spot.note}" if spot.note else text


__all__ = ["MAX_NOTE", "REGIONS", "SIDE_LABELS", "SIZE_LABELS", "STEP", "BodySpot", "Region",
           "Shape", "Side", "SpotSize", "centre_of", "check_note", "describe", "nudge", "region",
           "region_at", "regions", "validate_spot"]
