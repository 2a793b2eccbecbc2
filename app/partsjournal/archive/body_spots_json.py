"""The body map in the JSON export: its spots out as a list, back in checked against the parts.

Its own module, as the agreements ledger's, because the export and import modules are near their
size limit and the key is self-contained: the top-level ``body_spots`` list (format version 5,
docs/export-format.md), each item one :class:`~partsjournal.domain.body_map.BodySpot`. On import
each is checked as the vault checks one (``validate_spot``), and ``part_id`` must name one of
the person's own parts in the same file (a peer's part has no body map here).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from partsjournal.archive import checks as check
from partsjournal.domain.body_map import BodySpot, Side, SpotSize, validate_spot
from partsjournal.vault.timefmt import to_db

#: The top-level key, and the fields of each item in the order they are written.
KEY = "body_spots"
FIELDS = ("id", "part_id", "side", "region", "x", "y", "size", "note", "created_at")


def to_json(spots: Iterable[BodySpot]) -> list[dict[str, Any]]:
    """The ``body_spots`` list: first placed first, then by id (as the snapshot holds them)."""
    return [{"id": s.id, "part_id": s.part_id, "side": Side(s.side).value, "region": s.region,
             "x": s.x, "y": s.y, "size": int(s.size), "note": s.note,
             "created_at": to_db(s.created_at)}
            for s in sorted(spots, key=lambda s: (s.created_at, s.id))]


def from_json(value: Any, part_ids: set[str]) -> tuple[BodySpot, ...]:
    """The spots of a file, each checked; absent (versions 1–4) means none."""
    found: list[BodySpot] = []
    seen: set[str] = set()
    for n, item in enumerate(check.items(value, KEY)):
        where = f"{KEY}[{n}]"
        v = check.obj(item, where, FIELDS)
        spot_id = check.ident(v["id"], f"{where}.id")
        check.unique(seen, spot_id, f"{where}.id", "This spot id")
        part_id = check.ident(v["part_id"], f"{where}.part_id")
        if part_id not in part_ids:
            check.fail(f"{where}.part_id", "This spot belongs to a part that is not in the file.")
        for name in ("x", "y", "size"):
            if isinstance(v[name], bool) or not isinstance(v[name], int | float):
                check.fail(f"{where}.{name}", "This should be a number.")
        if not isinstance(v["size"], int):
            check.fail(f"{where}.size", "A spot's size is 1, 2 or 3.")
        if not isinstance(v["region"], str) or not isinstance(v["note"], str):
            check.fail(f"{where}.region", "A spot's region and note are text.")
        spot = BodySpot(id=spot_id, part_id=part_id,
                        side=_side(v["side"], f"{where}.side"),
                        region=v["region"], x=float(v["x"]), y=float(v["y"]),
                        size=SpotSize(v["size"]) if v["size"] in (1, 2, 3) else v["size"],  # type: ignore[arg-type]
                        note=v["note"],
                        created_at=check.moment(v["created_at"], f"{where}.created_at"))
        found.append(_valid(spot, where))
    return tuple(sorted(found, key=lambda s: (s.created_at, s.id)))


def _side(value: Any, where: str) -> Side:
    """``front`` or ``back``."""
    if value not in ("front", "back"):
        check.fail(where, f"“{str(value)[:40]}” is not one of: front, back.")
    return Side(value)


def _valid(spot: BodySpot, where: str) -> BodySpot:
    """The vault's own check over the whole spot (region, place, size, note)."""
    return check.checked(lambda: validate_spot(spot), where)  # type: ignore[no-any-return]


__all__ = ["FIELDS", "KEY", "from_json", "to_json"]
