"""The body map's rules: regions found where they are drawn, keyboard places, notes checked."""

from __future__ import annotations

from datetime import datetime

import pytest

from partsjournal.domain.body_map import (
    MAX_NOTE,
    REGIONS,
    BodySpot,
    Side,
    SpotSize,
    centre_of,
    check_note,
    describe,
    nudge,
    region,
    region_at,
    regions,
    validate_spot,
)
from partsjournal.errors import ValidationError


def test_every_region_placed_by_keyboard_reads_back_as_itself() -> None:
    for place in REGIONS:
        assert region_at(place.side, *centre_of(place)) == place


def test_the_most_precise_region_wins_and_outside_the_outline_is_none() -> None:
    heart = centre_of(region(Side.FRONT, "heart"))
    assert region_at(Side.FRONT, *heart).key == "heart"  # type: ignore[union-attr]
    assert region_at(Side.BACK, *heart).key == "upper_back"  # type: ignore[union-attr]
    assert region_at(Side.FRONT, 0.02, 0.02) is None
    assert region_at(Side.FRONT, 0.5, 0.99) is None  # between the feet, below the outline


def test_both_sides_read_head_to_feet() -> None:
    assert [r.key for r in regions(Side.FRONT)][:3] == ["face", "head", "throat"]
    assert regions(Side.BACK)[-1].key == "feet"
    assert {"upper_back", "lower_back"} <= {r.key for r in regions(Side.BACK)}


def test_nudge_follows_the_regions_and_stops_at_the_outline() -> None:
    x, y = centre_of(region(Side.FRONT, "chest"))
    spot = BodySpot("p", Side.FRONT, "chest", x, y)
    down = spot
    for _ in range(5):
        down = nudge(down, 0, 0.02) or down
    assert down.region == "belly" and down.id == spot.id
    assert nudge(BodySpot("p", Side.FRONT, "hands", 0.21, 0.64), -0.1, 0) is None


def test_notes_are_one_short_plain_line() -> None:
    assert check_note("  tight band across the chest ") == "tight band across the chest"
    for bad in ("a\nb", "x" * (MAX_NOTE + 1), "evil\u202etxt"):
        with pytest.raises(ValidationError):
            check_note(bad)


def test_validate_refuses_what_the_table_would_and_describe_reads_a_spot() -> None:
    spot = validate_spot(BodySpot("p", "front", "chest", 0.5, 0.3, 3,  # type: ignore[arg-type]
                                  note=" tight band "))
    assert spot.side is Side.FRONT and spot.size is SpotSize.LARGE
    assert describe(spot) == "chest (front), large — tight band"
    for bad in (BodySpot("p", Side.FRONT, "upper_back", 0.5, 0.3),
                BodySpot("p", Side.FRONT, "chest", 1.5, 0.3),
                BodySpot("p", Side.FRONT, "chest", 0.5, 0.3, 4),  # type: ignore[arg-type]
                BodySpot("", Side.FRONT, "chest", 0.5, 0.3),
                BodySpot("p", Side.FRONT, "chest", 0.5, 0.3, created_at=datetime(2026, 1, 1))):
        with pytest.raises(ValidationError):
            validate_spot(bad)
