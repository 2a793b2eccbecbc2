"""A picture a person adds, made safe to keep: bounded, decoded with limits, without metadata.

Many people draw their parts. A drawing or a photo is decoded here, outside Qt, with limits that
hold before anything is decoded whole: at most 40 MB of file and 40 million pixels (a
"decompression bomb" — a small file that claims a huge image — is refused from its header). It is
then re-encoded in its own format (PNG, JPEG or WebP), turned upright by its EXIF orientation,
scaled to at most 2048 pixels on its longest side, and written without EXIF, GPS, text chunks or
any other metadata; a thumbnail (PNG, at most 256 pixels) goes with it. Only these bytes are
stored, encrypted inside the journal (vault/pictures.py).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from partsjournal.errors import ValidationError
from partsjournal.media.limits import (
    MAX_FILE_BYTES,
    MAX_PIXELS,
    MAX_SIDE,
    SUFFIXES,
    THUMBNAIL_SIDE,
)

#: Pillow's name of a format → ours (the journal's ``pictures.format``).
FORMATS = {"PNG": "png", "JPEG": "jpeg", "WEBP": "webp"}


@dataclass(frozen=True)
class CleanPicture:
    """A picture as it is stored: its format, size, bytes and thumbnail."""

    format: str
    width: int
    height: int
    data: bytes
    thumbnail: bytes


def _refuse(text: str) -> ValidationError:
    return ValidationError("picture", text)


def clean_picture(data: bytes) -> CleanPicture:
    """Check, decode and re-encode ``data``; a refusal says what to do instead."""
    if len(data) > MAX_FILE_BYTES:
        raise _refuse(f"This picture is {len(data) / 1024 / 1024:.0f} MB; pictures can be at most "
                      f"{MAX_FILE_BYTES // 1024 // 1024} MB. Save a smaller copy and add that.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as opened:  # reads the header only
                kind = FORMATS.get(str(opened.format))
                if kind is None:
                    raise _refuse("Only PNG, JPEG and WebP pictures can be added.")
                width, height = opened.size
                if width * height > MAX_PIXELS:
                    raise _refuse(
                        f"This picture is {width:,} × {height:,} pixels, too many to open "
                        f"safely (at most {MAX_PIXELS // 1_000_000} million). Save a smaller "
                        "copy and add that.")
                opened.load()
                upright = ImageOps.exif_transpose(opened)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # Pillow's own guard, from the header, for pictures claiming hundreds of millions.
        raise _refuse(f"This picture has far too many pixels to open safely (at most "
                      f"{MAX_PIXELS // 1_000_000} million). Save a smaller copy and add "
                      "that.") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, MemoryError):
        raise _refuse("This file isn't a picture that can be read: it may be damaged, or "
                      "another kind of file. Nothing was added.") from None
    return _encode(upright, kind)


def _encode(image: Image.Image, kind: str) -> CleanPicture:
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if kind == "jpeg" or not has_alpha:
        image = image.convert("RGB")
    else:
        image = image.convert("RGBA")
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    # Saving from a fresh image with no ``info`` keeps nothing of the original's metadata.
    bare = Image.new(image.mode, image.size)
    bare.paste(image)
    out = io.BytesIO()
    if kind == "jpeg":
        bare.save(out, "JPEG", quality=90, optimize=True)
    elif kind == "webp":
        bare.save(out, "WEBP", quality=90)
    else:
        bare.save(out, "PNG", optimize=True)
    thumb = bare.copy()
    thumb.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE), Image.Resampling.LANCZOS)
    small = io.BytesIO()
    thumb.save(small, "PNG")
    return CleanPicture(kind, bare.width, bare.height, out.getvalue(), small.getvalue())


__all__ = ["FORMATS", "MAX_FILE_BYTES", "MAX_PIXELS", "MAX_SIDE", "SUFFIXES", "THUMBNAIL_SIDE",
           "CleanPicture", "clean_picture"]
