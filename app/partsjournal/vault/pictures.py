"""Pictures of parts and entries (table ``pictures``, docs/vault-format.md): all their SQL.

Only cleaned pictures are stored (media/pictures.py: bounded, re-encoded, no metadata), inside
the encrypted journal and never as files beside it. Listing reads the thumbnails only, so a
part's page with many pictures opens without reading them whole.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field
from datetime import datetime

from partsjournal.domain.model import new_id, utc_now
from partsjournal.errors import NotFound, ValidationError
from partsjournal.vault.database import Database, Row
from partsjournal.vault.timefmt import from_db, to_db

#: A caption is one short line.
MAX_CAPTION = 200


@dataclass(frozen=True)
class PictureInfo:
    """A picture without its full bytes: what a list of thumbnails needs."""

    id: str
    part_id: str | None
    entry_id: str | None
    caption: str
    format: str
    width: int
    height: int
    thumbnail: bytes = field(repr=False)
    position: int = 0
    created_at: datetime = field(default_factory=utc_now)


_INFO = "id, part_id, entry_id, caption, format, width, height, thumbnail, position, created_at"
#: Writing one picture as it was (a journal export read back).
INSERT = ("INSERT INTO pictures (id, part_id, entry_id, caption, format, width, height, "
          "thumbnail, position, created_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


@dataclass(frozen=True)
class StoredPicture:
    """A picture with its bytes: what an export carries."""

    info: PictureInfo
    data: bytes = field(repr=False)


def picture_row(item: StoredPicture) -> tuple[object, ...]:
    """The values of :data:`INSERT` for ``item``."""
    i = item.info
    return (i.id, i.part_id, i.entry_id, i.caption, i.format, i.width, i.height, i.thumbnail,
            i.position, to_db(i.created_at), item.data)


def _info(row: Row) -> PictureInfo:
    return PictureInfo(row[0], row[1], row[2], row[3], row[4], int(row[5]), int(row[6]),
                       bytes(row[7]), int(row[8]), from_db(row[9]))


def check_caption(caption: str) -> str:
    """A caption as stored: stripped, one line, bounded."""
    caption = caption.strip()
    if len(caption) > MAX_CAPTION or any(ord(c) < 32 or 0x7f <= ord(c) < 0xa0 for c in caption):
        raise ValidationError("caption", f"A caption is one line of at most {MAX_CAPTION} "
                              "characters.")
    return caption


class PictureRepository:
    """Add, list, read and delete the pictures of a part or an entry."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, data: bytes, *, part_id: str | None = None, entry_id: str | None = None,
            caption: str = "") -> PictureInfo:
        """Clean ``data`` (refusing what isn't a safe picture) and keep it with its owner."""
        if (part_id is None) == (entry_id is None):
            raise ValidationError("picture", "A picture belongs to one part or one entry.")
        table, owner = ("parts", part_id) if part_id is not None else ("entries", entry_id)
        if self._db.one(f"SELECT 1 FROM {table} WHERE id = ?", (owner,)) is None:
            raise NotFound("Save the entry first, then add pictures to it." if entry_id
                           else "That part no longer exists.")
        from partsjournal.media.pictures import clean_picture  # Pillow only when it is needed

        caption = check_caption(caption)
        picture = clean_picture(data)
        column = "part_id" if part_id is not None else "entry_id"
        with self._db.transaction():
            position = int(self._db.scalar(
                f"SELECT coalesce(max(position), -1) + 1 FROM pictures WHERE {column} = ?",
                (owner,)))
            picture_id, at = new_id(), utc_now()
            self._db.execute(
                "INSERT INTO pictures (id, part_id, entry_id, caption, format, width, height, "
                "data, thumbnail, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (picture_id, part_id, entry_id, caption, picture.format, picture.width,
                 picture.height, picture.data, picture.thumbnail, position, to_db(at)))
        return PictureInfo(picture_id, part_id, entry_id, caption, picture.format,
                           picture.width, picture.height, picture.thumbnail, position, at)

    def of_part(self, part_id: str) -> builtins.list[PictureInfo]:
        """A part's pictures in the order they were added (thumbnails, not the pictures)."""
        return [_info(r) for r in self._db.all(
            f"SELECT {_INFO} FROM pictures WHERE part_id = ? ORDER BY position, id", (part_id,))]

    def of_entry(self, entry_id: str) -> builtins.list[PictureInfo]:
        """An entry's pictures in the order they were added."""
        return [_info(r) for r in self._db.all(
            f"SELECT {_INFO} FROM pictures WHERE entry_id = ? ORDER BY position, id",
            (entry_id,))]

    def data(self, picture_id: str) -> bytes:
        """The whole picture, for the viewer."""
        value = self._db.scalar("SELECT data FROM pictures WHERE id = ?", (picture_id,))
        if value is None:
            raise NotFound("That picture was deleted.")
        return bytes(value)

    def set_caption(self, picture_id: str, caption: str) -> None:
        """Change a picture's caption."""
        caption = check_caption(caption)
        with self._db.transaction():
            if self._db.execute("UPDATE pictures SET caption = ? WHERE id = ?",
                                (caption, picture_id)).rowcount == 0:
                raise NotFound("That picture was deleted.")

    def delete(self, picture_id: str) -> None:
        """Remove a picture for good."""
        with self._db.transaction():
            if self._db.execute("DELETE FROM pictures WHERE id = ?",
                                (picture_id,)).rowcount == 0:
                raise NotFound("That picture was already deleted.")

    def everything(self) -> builtins.list[StoredPicture]:
        """Every picture with its bytes, oldest first (an export reads them all)."""
        return [StoredPicture(_info(r), bytes(r[10])) for r in self._db.all(
            f"SELECT {_INFO}, data FROM pictures ORDER BY created_at, id")]

    def count(self) -> int:
        """How many pictures the journal holds."""
        return int(self._db.scalar("SELECT count(*) FROM pictures"))


__all__ = ["INSERT", "MAX_CAPTION", "PictureInfo", "PictureRepository", "StoredPicture",
           "check_caption", "picture_row"]
