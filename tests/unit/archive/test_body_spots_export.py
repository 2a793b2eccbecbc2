"""The body map in the exports: JSON out and back in exactly (format version 5), refused with
its place when wrong, and read as a "Where it is felt" list in the Markdown export."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from partsjournal.archive.json_export import (
    VERSION_WITH_BODY_SPOTS,
    document_of,
    export_json,
    to_json_bytes,
)
from partsjournal.archive.json_import import ImportRejected, import_json, read_export
from partsjournal.archive.markdown_export import export_markdown
from partsjournal.domain.body_map import BodySpot, Side, SpotSize
from partsjournal.vault import Vault
from partsjournal.vault.keyslots import KdfProfile

from ...conftest import PASSPHRASE

AT = datetime(2026, 3, 20, 19, 30, tzinfo=UTC)


def place_spots(vault: Vault) -> list[BodySpot]:
    part = vault.parts.list()[0]
    return [vault.body_spots.add(BodySpot(part.id, Side.FRONT, "chest", 0.5, 0.35,
                                          SpotSize.LARGE, "tight band — שלום", AT)),
            vault.body_spots.add(BodySpot(part.id, Side.BACK, "lower_back", 0.5, 0.5,
                                          created_at=AT.replace(minute=40)))]


def test_a_file_without_spots_is_not_version_5(rich_vault: Vault) -> None:
    document = document_of(rich_vault.read_snapshot())
    assert "body_spots" not in document and document["version"] < VERSION_WITH_BODY_SPOTS


def test_spots_go_out_and_come_back_exactly(rich_vault: Vault, tmp_path: Path,
                                           fast_kdf: KdfProfile) -> None:
    spots = place_spots(rich_vault)
    path = export_json(rich_vault, tmp_path / "out.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == VERSION_WITH_BODY_SPOTS
    assert [s["region"] for s in document["body_spots"]] == ["chest", "lower_back"]
    fresh, _ = Vault.create(tmp_path / "new", PASSPHRASE, profile=fast_kdf)
    try:
        import_json(path, fresh)
        assert fresh.body_spots.list() == spots
        again = document_of(fresh.read_snapshot(), datetime.fromisoformat(
            document["exported_at"]))
        assert again["body_spots"] == document["body_spots"]
    finally:
        fresh.lock()


def _with(document: dict[str, Any], tmp_path: Path, **change: Any) -> Path:
    document["body_spots"][0].update(change)
    path = tmp_path / "bad.json"
    path.write_bytes(to_json_bytes(document))
    return path


@pytest.mark.parametrize(("change", "words"), [
    ({"region": "upper_back"}, "region"),
    ({"x": 2}, "outline"),
    ({"size": 5}, "small, medium"),
    ({"note": "a\nb"}, "one line"),
    ({"part_id": "00000000-0000-4000-8000-000000000000"}, "not in the file"),
    ({"side": "left"}, "front, back"),
])
def test_a_wrong_spot_is_refused_with_its_place(rich_vault: Vault, tmp_path: Path,
                                                change: dict[str, Any], words: str) -> None:
    place_spots(rich_vault)
    document = document_of(rich_vault.read_snapshot())
    with pytest.raises(ImportRejected) as refused:
        read_export(_with(document, tmp_path, **change))
    assert "body_spots[0]" in str(refused.value) and words in str(refused.value)


def test_an_older_version_number_with_spots_is_refused(rich_vault: Vault,
                                                       tmp_path: Path) -> None:
    place_spots(rich_vault)
    document = document_of(rich_vault.read_snapshot())
    document["version"] = 4
    with pytest.raises(ImportRejected):
        read_export(_with(document, tmp_path))


def test_markdown_lists_where_each_part_is_felt(rich_vault: Vault, tmp_path: Path) -> None:
    place_spots(rich_vault)
    name = rich_vault.parts.list()[0].name
    folder = export_markdown(rich_vault, tmp_path / "md", tz=UTC).parent
    pages = [p for p in folder.rglob("*.md") if p.parent.name == "parts"
             and p.read_text(encoding="utf-8").startswith(f"# {name}\n")]
    text = pages[0].read_text(encoding="utf-8")
    assert "## Where it is felt (body map)" in text
    assert "- chest (front), large — tight band — שלום" in text
    assert "- lower back (back), medium" in text
