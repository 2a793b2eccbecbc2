"""Pictures in the JSON export: out with their bytes in base64, back in cleaned again.

The top-level ``pictures`` list (format version 8, docs/export-format.md). On import each
picture goes through the same decoder as one a person adds (media/pictures.py: size and pixel
limits before decoding, re-encoded without metadata), so a file cannot bring in a picture the
app would have refused; its bytes may therefore differ from the file's (what it shows does not).
Each belongs to a part or an entry of the same file.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable
from functools import partial
from typing import Any

from partsjournal.archive import checks as check
from partsjournal.errors import ValidationError
from partsjournal.vault.pictures import PictureInfo, StoredPicture, check_caption
from partsjournal.vault.timefmt import to_db

KEY = "pictures"
FIELDS = ("id", "part_id", "entry_id", "caption", "format", "position", "created_at", "data")


def to_json(pictures: Iterable[StoredPicture]) -> list[dict[str, Any]]:
    """The ``pictures`` list, oldest first, then by id."""
    return [{"id": p.info.id, "part_id": p.info.part_id, "entry_id": p.info.entry_id,
             "caption": p.info.caption, "format": p.info.format, "position": p.info.position,
             "created_at": to_db(p.info.created_at),
             "data": base64.b64encode(p.data).decode("ascii")}
            for p in sorted(pictures, key=lambda p: (p.info.created_at, p.info.id))]


def from_json(value: Any, part_ids: set[str], entry_ids: set[str]) -> tuple[StoredPicture, ...]:
    """The pictures of a file, each decoded with limits and cleaned; absent means none."""
    from partsjournal.media.pictures import clean_picture

    found: list[StoredPicture] = []
    seen: set[str] = set()
    for n, item in enumerate(check.items(value, KEY)):
        where = f"{KEY}[{n}]"
        v = check.obj(item, where, FIELDS)
        picture_id = check.ident(v["id"], f"{where}.id")
        check.unique(seen, picture_id, f"{where}.id", "This picture id")
        part_id = check.opt_ident(v["part_id"], f"{where}.part_id")
        entry_id = check.opt_ident(v["entry_id"], f"{where}.entry_id")
        if (part_id is None) == (entry_id is None):
            check.fail(where, "A picture belongs to one part or one entry.")
        if part_id is not None and part_id not in part_ids:
            check.fail(f"{where}.part_id", "This picture belongs to a part that is not in the "
                       "file.")
        if entry_id is not None and entry_id not in entry_ids:
            check.fail(f"{where}.entry_id", "This picture belongs to an entry that is not in "
                       "the file.")
        text = check.string(v["data"], f"{where}.data")
        try:
            raw = base64.b64decode(text.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError):
            check.fail(f"{where}.data", "This is not a picture written in base64.")
        try:
            clean = clean_picture(raw)
        except ValidationError as exc:
            check.fail(f"{where}.data", str(exc))
        if clean.format != check.string(v["format"], f"{where}.format"):
            check.fail(f"{where}.format", "This is not the format of the picture's data.")
        caption = check.string(v["caption"], f"{where}.caption")
        if check.checked(partial(check_caption, caption), f"{where}.caption") != caption:
            check.fail(f"{where}.caption", "This caption starts or ends with spaces.")
        info = PictureInfo(picture_id, part_id, entry_id, caption, clean.format, clean.width,
                           clean.height, clean.thumbnail,
                           check.integer(v["position"], f"{where}.position", 0, 1_000_000),
                           check.moment(v["created_at"], f"{where}.created_at"))
        found.append(StoredPicture(info, clean.data))
    return tuple(found)


__all__ = ["FIELDS", "KEY", "from_json", "to_json"]
