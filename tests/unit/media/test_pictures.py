"""A picture is kept only as a bounded, re-encoded image without metadata."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from partsjournal.domain import Part, Role
from partsjournal.errors import NotFound, ValidationError
from partsjournal.media.pictures import MAX_SIDE, clean_picture
from partsjournal.vault import Vault

from ...conftest import PASSPHRASE

GPS_IFD = 0x8825


def jpeg_with_gps(width: int = 640, height: int = 480, orientation: int = 1) -> bytes:
    """A camera-like JPEG: EXIF with a GPS position, a camera model and an orientation."""
    image = Image.new("RGB", (width, height), (200, 120, 40))
    exif = Image.Exif()
    exif[0x0110] = "SecretPhone 12"  # Model
    exif[0x0112] = orientation
    exif[GPS_IFD] = {1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 36.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` × ``height`` (a decompression bomb)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    body = zlib.compress(b"\0" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def test_gps_and_every_other_exif_tag_are_gone() -> None:
    original = jpeg_with_gps()
    assert b"SecretPhone" in original and Image.open(io.BytesIO(original)).getexif()
    clean = clean_picture(original)
    assert clean.format == "jpeg"
    assert b"SecretPhone" not in clean.data and b"Exif" not in clean.data
    reread = Image.open(io.BytesIO(clean.data))
    assert not reread.getexif() and GPS_IFD not in reread.getexif()
    assert "exif" not in reread.info
    assert (reread.width, reread.height) == (640, 480)


def test_the_exif_orientation_is_applied_before_it_is_dropped() -> None:
    clean = clean_picture(jpeg_with_gps(640, 480, orientation=6))  # "rotate 90° to view"
    assert (clean.width, clean.height) == (480, 640)


def test_a_large_picture_is_scaled_to_2048_on_its_longest_side() -> None:
    out = io.BytesIO()
    Image.new("RGB", (4000, 3000), (10, 20, 30)).save(out, "PNG")
    clean = clean_picture(out.getvalue())
    assert (clean.format, clean.width, clean.height) == ("png", MAX_SIDE, 1536)
    thumb = Image.open(io.BytesIO(clean.thumbnail))
    assert thumb.format == "PNG" and max(thumb.size) == 256


def test_a_transparent_drawing_keeps_its_transparency_and_drops_its_text() -> None:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Private Person")
    out = io.BytesIO()
    Image.new("RGBA", (300, 200), (255, 0, 0, 0)).save(out, "PNG", pnginfo=info)
    clean = clean_picture(out.getvalue())
    assert b"Private Person" not in clean.data
    assert Image.open(io.BytesIO(clean.data)).mode == "RGBA"


def test_a_decompression_bomb_is_refused_from_its_header() -> None:
    bomb = png_declaring(30_000, 30_000)  # 900 million pixels: Pillow's guard says so first
    assert len(bomb) < 200
    with pytest.raises(ValidationError, match="far too many pixels to open safely"):
        clean_picture(bomb)
    # 8,000 × 6,000 (48 million) passes Pillow's guard; our own limit refuses it.
    with pytest.raises(ValidationError, match="8,000 × 6,000 pixels, too many to open safely"):
        clean_picture(png_declaring(8_000, 6_000))


@pytest.mark.parametrize(("data", "words"), [
    (b"this is a text file, renamed .png", "isn't a picture that can be read"),
    (jpeg_with_gps()[:300], "isn't a picture that can be read"),
    (b"GIF89a" + b"\0" * 40, "isn't a picture that can be read"),
])
def test_what_is_not_a_readable_picture_is_refused(data: bytes, words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        clean_picture(data)


def test_a_gif_is_refused_by_kind() -> None:
    out = io.BytesIO()
    Image.new("P", (10, 10)).save(out, "GIF")
    with pytest.raises(ValidationError, match="Only PNG, JPEG and WebP"):
        clean_picture(out.getvalue())


def test_a_file_over_40_mb_is_refused_before_decoding() -> None:
    with pytest.raises(ValidationError, match="at most 40 MB"):
        clean_picture(b"\0" * (40 * 1024 * 1024 + 1))


def test_stored_in_the_vault_listed_by_thumbnail_and_gone_with_the_part(
        vault: Vault) -> None:
    part = vault.parts.add(Part(name="Critic", role=Role.MANAGER))
    first = vault.pictures.add(jpeg_with_gps(), part_id=part.id, caption=" my drawing ")
    second = vault.pictures.add(jpeg_with_gps(100, 80), part_id=part.id)
    listed = vault.pictures.of_part(part.id)
    assert [p.id for p in listed] == [first.id, second.id]
    assert listed[0].caption == "my drawing" and listed[0].thumbnail
    assert b"SecretPhone" not in vault.pictures.data(first.id)
    folder = vault.folder
    vault.lock()
    for path in Path(folder).rglob("*"):
        if path.is_file():
            assert b"SecretPhone" not in path.read_bytes()
            assert b"\xff\xd8\xff" not in path.read_bytes()[:64]
    reopened = Vault.unlock(folder, PASSPHRASE, auto_backup=False)
    try:
        assert len(reopened.pictures.of_part(part.id)) == 2
        reopened.pictures.delete(second.id)
        with pytest.raises(NotFound):
            reopened.pictures.data(second.id)
        reopened.parts.delete(part.id)
        assert reopened.pictures.count() == 0
    finally:
        reopened.lock()


def test_an_entry_not_yet_saved_has_no_pictures_yet(vault: Vault) -> None:
    with pytest.raises(NotFound, match="Save the entry first"):
        vault.pictures.add(jpeg_with_gps(), entry_id="0b7a2f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b")
