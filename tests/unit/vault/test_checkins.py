"""Planned check-ins are stored in the journal and survive locking."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from partsjournal.domain import Part, Role
from partsjournal.domain.checkins import CheckinPlan
from partsjournal.domain.model import utc_now
from partsjournal.errors import NotFound
from partsjournal.vault import Vault

from ...conftest import PASSPHRASE


def test_plan_list_handle_end_and_reopen(vault: Vault) -> None:
    eight = vault.parts.add(Part(name="Eight", role=Role.EXILE))
    until = (utc_now() + timedelta(days=7)).date()
    stored = vault.checkins.add(CheckinPlan(part_id=eight.id, at=time(7, 45),
                                            weekdays=frozenset({1, 3, 5}), until=until,
                                            note=" after the unburdening "))
    assert stored.note == "after the unburdening"
    [again] = vault.checkins.list()
    assert again == stored
    moment = utc_now().replace(microsecond=0)
    vault.checkins.mark_handled(stored.id, moment)
    vault.checkins.mark_handled(stored.id, moment - timedelta(days=1))  # never goes back
    assert vault.checkins.get(stored.id).handled_until == moment
    folder = vault.folder
    vault.lock()
    reopened = Vault.unlock(folder, PASSPHRASE, auto_backup=False)
    try:
        kept = reopened.checkins.get(stored.id)
        assert (kept.at, kept.weekdays, kept.until, kept.part_id) == (
            time(7, 45), frozenset({1, 3, 5}), until, eight.id)
        reopened.checkins.end(stored.id)
        assert reopened.checkins.list() == []
        assert reopened.checkins.list(include_ended=True)[0].ended
        reopened.checkins.delete(stored.id)
        with pytest.raises(NotFound):
            reopened.checkins.get(stored.id)
    finally:
        reopened.lock()


def test_a_deleted_part_takes_its_check_ins_along(vault: Vault) -> None:
    critic = vault.parts.add(Part(name="Critic", role=Role.MANAGER))
    vault.checkins.add(CheckinPlan(part_id=critic.id, at=time(9, 0)))
    vault.checkins.add(CheckinPlan(part_id=None, at=time(21, 0)))
    vault.parts.delete(critic.id)
    assert [p.part_id for p in vault.checkins.list()] == [None]


def test_a_missing_part_is_refused(vault: Vault) -> None:
    with pytest.raises(NotFound, match="no longer exists"):
        vault.checkins.add(CheckinPlan(part_id="nope", at=time(9, 0), until=date.max))


def test_merging_parts_moves_check_ins_and_pictures_and_undo_moves_them_back(
        vault: Vault) -> None:
    from ..media.test_pictures import jpeg_with_gps

    keep = vault.parts.add(Part(name="Critic", role=Role.MANAGER))
    absorb = vault.parts.add(Part(name="Judge", role=Role.MANAGER))
    plan = vault.checkins.add(CheckinPlan(part_id=absorb.id, at=time(9, 0)))
    picture = vault.pictures.add(jpeg_with_gps(), part_id=absorb.id)
    undo = vault.surgery.merge(keep.id, absorb.id)
    assert vault.checkins.get(plan.id).part_id == keep.id
    assert [p.id for p in vault.pictures.of_part(keep.id)] == [picture.id]
    vault.surgery.undo_merge(undo)
    assert vault.checkins.get(plan.id).part_id == absorb.id
    assert [p.id for p in vault.pictures.of_part(absorb.id)] == [picture.id]
