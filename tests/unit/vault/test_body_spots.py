"""The body map in the vault: spots inside the encrypted file, kept across a lock, moved by
merge and split like agreements, and gone with their part."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from partsjournal.domain import Part
from partsjournal.domain.body_map import BodySpot, Side, SpotSize
from partsjournal.errors import NotFound, ValidationError
from partsjournal.vault import Vault
from partsjournal.vault.part_surgery import SplitSpec
from partsjournal.vault.vault import vault_files

from ...conftest import PASSPHRASE

AT = datetime(2026, 3, 9, 20, tzinfo=UTC)


def test_spots_survive_a_lock_inside_the_encrypted_file(vault: Vault, vault_dir: Path) -> None:
    canary = "canarybodyspot7c1"
    eight = vault.parts.add(Part(name="Eight"))
    chest = vault.body_spots.add(BodySpot(eight.id, Side.FRONT, "chest", 0.5, 0.35,
                                          SpotSize.LARGE, f" tight band {canary} ",
                                          created_at=AT))
    vault.body_spots.add(BodySpot(eight.id, Side.BACK, "lower_back", 0.5, 0.5))
    assert chest.note == f"tight band {canary}"
    vault.lock()
    opened = Vault.unlock(vault_dir, PASSPHRASE, auto_backup=False)
    try:
        assert opened.body_spots.get(chest.id) == chest
        assert [s.region for s in opened.body_spots.for_part(eight.id)] == ["chest", "lower_back"]
        moved = opened.body_spots.update(BodySpot(eight.id, Side.FRONT, "belly", 0.5, 0.48,
                                                  SpotSize.SMALL, "", AT, chest.id))
        assert opened.body_spots.get(chest.id) == moved
        opened.body_spots.delete(chest.id)
        with pytest.raises(NotFound):
            opened.body_spots.get(chest.id)
        assert opened.body_spots.count() == 1
    finally:
        opened.lock()
    for path in vault_files(vault_dir):
        assert canary.encode() not in path.read_bytes()


def test_refusals_are_kind_and_a_deleted_part_takes_its_spots(vault: Vault) -> None:
    with pytest.raises(NotFound):
        vault.body_spots.add(BodySpot("00000000-0000-4000-8000-000000000000", Side.FRONT,
                                      "chest", 0.5, 0.3))
    part = vault.parts.add(Part(name="Critic"))
    with pytest.raises(ValidationError):
        vault.body_spots.add(BodySpot(part.id, Side.FRONT, "chest", 0.5, 0.3, note="a\nb"))
    vault.body_spots.add(BodySpot(part.id, Side.FRONT, "chest", 0.5, 0.3))
    vault.parts.delete(part.id)
    assert vault.body_spots.count() == 0


def test_merge_moves_spots_and_undo_moves_them_back(vault: Vault) -> None:
    keep = vault.parts.add(Part(name="Planner"))
    absorb = vault.parts.add(Part(name="Worrier"))
    spot = vault.body_spots.add(BodySpot(absorb.id, Side.FRONT, "belly", 0.5, 0.48))
    undo = vault.surgery.merge(keep.id, absorb.id, at=AT)
    assert vault.body_spots.get(spot.id).part_id == keep.id
    vault.surgery.undo_merge(undo)
    assert vault.body_spots.get(spot.id).part_id == absorb.id


def test_split_keeps_spots_with_the_source_and_undo_gives_new_ones_back(vault: Vault) -> None:
    critic = vault.parts.add(Part(name="Critic"))
    spot = vault.body_spots.add(BodySpot(critic.id, Side.FRONT, "throat", 0.5, 0.2))
    undo = vault.surgery.split(critic.id, SplitSpec(name="Perfectionist"), at=AT)
    assert vault.body_spots.get(spot.id).part_id == critic.id
    later = vault.body_spots.add(BodySpot(undo.new_part_id, Side.BACK, "neck", 0.5, 0.2))
    vault.surgery.undo_split(undo)
    assert vault.body_spots.get(later.id).part_id == critic.id
