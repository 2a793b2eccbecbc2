"""Merging and splitting parts carries their agreements: nothing promised to a part is lost."""

from __future__ import annotations

from datetime import UTC, datetime

from partsjournal.domain import Part
from partsjournal.domain.agreements import Agreement, AgreementStatus
from partsjournal.vault import Vault
from partsjournal.vault.part_surgery import SplitSpec

MADE = datetime(2026, 3, 9, 20, tzinfo=UTC)
AT = datetime(2026, 5, 1, 12, tzinfo=UTC)


def by_part(vault: Vault) -> list[tuple[str, str, str]]:
    return sorted((a.part_id, a.text, a.status.value) for a in vault.agreements.list())


def test_merge_gives_the_absorbed_parts_agreements_to_the_kept_part_and_undo_returns_them(
        vault: Vault) -> None:
    worrier = vault.parts.add(Part(name="Worrier"))
    planner = vault.parts.add(Part(name="Planner"))
    vault.agreements.add(Agreement(worrier.id, "Breathe before the meeting", made_at=MADE))
    lists = vault.agreements.add(Agreement(planner.id, "One list a day", made_at=MADE))
    kept = vault.agreements.add(Agreement(planner.id, "No lists on Sunday", made_at=MADE))
    vault.agreements.mark(kept.id, AgreementStatus.KEPT, at=MADE)
    before = by_part(vault)

    undo = vault.surgery.merge(worrier.id, planner.id, at=AT)
    assert by_part(vault) == sorted([
        (worrier.id, "Breathe before the meeting", "open"),
        (worrier.id, "One list a day", "open"),
        (worrier.id, "No lists on Sunday", "kept")])
    assert sorted(a.text for a in vault.agreements.list_open([worrier.id])) == [
        "Breathe before the meeting", "One list a day"]
    assert set(undo.moved_agreement_ids) == {lists.id, kept.id}

    vault.surgery.undo_merge(undo)
    assert by_part(vault) == before
    assert vault.check().ok


def test_a_split_keeps_the_agreements_with_the_source_and_undo_keeps_new_ones(
        vault: Vault) -> None:
    critic = vault.parts.add(Part(name="Critic"))
    vault.agreements.add(Agreement(critic.id, "Step back during presentations", made_at=MADE))
    undo = vault.surgery.split(critic.id, SplitSpec(name="Perfectionist"), at=AT)
    assert by_part(vault) == [(critic.id, "Step back during presentations", "open")]
    vault.agreements.add(Agreement(undo.new_part_id, "Good enough is enough", made_at=AT))

    vault.surgery.undo_split(undo)
    assert by_part(vault) == sorted([(critic.id, "Step back during presentations", "open"),
                                     (critic.id, "Good enough is enough", "open")])
