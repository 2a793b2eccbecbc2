"""Pictures in the JSON export (format version 8): out in base64, back in cleaned, refused."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from partsjournal.archive.json_export import document_of, export_json, to_json_bytes
from partsjournal.archive.json_import import ImportRejected, import_json, read_export
from partsjournal.vault import Vault
from partsjournal.vault.keyslots import KdfProfile

from ...conftest import PASSPHRASE
from ..media.test_pictures import jpeg_with_gps, png_declaring


def test_pictures_go_out_and_come_back(rich_vault: Vault, tmp_path: Path,
                                       fast_kdf: KdfProfile) -> None:
    part = rich_vault.parts.list()[0]
    entry = rich_vault.entries.list()[0]
    drawn = rich_vault.pictures.add(jpeg_with_gps(), part_id=part.id, caption="my drawing")
    rich_vault.pictures.add(jpeg_with_gps(200, 100), entry_id=entry.id)
    path = export_json(rich_vault, tmp_path / "out.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == 8 and list(document)[-1] == "pictures"
    first = next(p for p in document["pictures"] if p["id"] == drawn.id)
    assert (first["id"], first["part_id"], first["caption"], first["format"]) == (
        drawn.id, part.id, "my drawing", "jpeg")
    assert b"SecretPhone" not in base64.b64decode(first["data"])
    new, _ = Vault.create(tmp_path / "new", PASSPHRASE, profile=fast_kdf)
    try:
        import_json(path, new)
        [back] = new.pictures.of_part(part.id)
        assert (back.caption, back.width, back.height) == ("my drawing", 640, 480)
        assert len(new.pictures.of_entry(entry.id)) == 1
        assert not new.is_empty()
    finally:
        new.lock()


@pytest.mark.parametrize(("data", "where", "words"), [
    (base64.b64encode(png_declaring(30_000, 30_000)).decode(), "pictures[0].data",
     "far too many pixels"),
    ("not base64 !!", "pictures[0].data", "base64"),
    (base64.b64encode(b"plain text").decode(), "pictures[0].data", "isn't a picture"),
])
def test_a_bad_picture_in_a_file_is_refused_with_its_place(
        rich_vault: Vault, tmp_path: Path, data: str, where: str, words: str) -> None:
    part = rich_vault.parts.list()[0]
    rich_vault.pictures.add(jpeg_with_gps(), part_id=part.id)
    document = document_of(rich_vault.read_snapshot())
    document["pictures"][0]["data"] = data
    path = tmp_path / "bad.json"
    path.write_bytes(to_json_bytes(document))
    with pytest.raises(ImportRejected) as caught:
        read_export(path)
    assert caught.value.where == where and words in str(caught.value)
