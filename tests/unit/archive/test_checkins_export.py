"""Planned check-ins and peers' session wishes in the JSON export: out, back in, refused.

docs/export-format.md: ``checkin_reminders`` (format version 6) and
``received_session_agreements`` (version 7); a file says the lowest version that reads it.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest

from partsjournal.archive.json_export import document_of, export_json, to_json_bytes
from partsjournal.archive.json_import import ImportRejected, import_json, read_export
from partsjournal.domain.checkins import CheckinPlan
from partsjournal.domain.session_contract import Facilitation, Reach, SessionContract
from partsjournal.vault import Vault
from partsjournal.vault.keyslots import KdfProfile

from ...conftest import PASSPHRASE

MADE = datetime(2026, 3, 20, 19, 30, tzinfo=UTC)


def plan_some(vault: Vault) -> list[CheckinPlan]:
    part = vault.parts.list()[0]
    entry = vault.entries.list()[0]
    first = vault.checkins.add(CheckinPlan(part_id=part.id, at=time(7, 45),
                                           weekdays=frozenset({1, 3}), until=date(2026, 4, 3),
                                           note="ask about the light ✨", created_at=MADE,
                                           source_entry_id=entry.id))
    second = vault.checkins.add(CheckinPlan(part_id=None, at=time(21, 0),
                                            created_at=MADE.replace(minute=45)))
    vault.checkins.end(second.id)
    vault.checkins.mark_handled(first.id, MADE.replace(day=23))
    return vault.checkins.list(include_ended=True)


def wish(vault: Vault) -> None:
    peer = vault.peers.list()[0]
    with vault.db.transaction():
        vault.peer_agreements.store_for_import(
            peer.id, SessionContract(Facilitation.ACTIVE_WITNESS, Reach.MAY_APPROACH_EXILE,
                                     "<b>tea</b>", True), MADE, MADE.replace(hour=20))


def test_they_go_out_and_come_back_exactly(rich_vault: Vault, tmp_path: Path,
                                           fast_kdf: KdfProfile) -> None:
    plans = plan_some(rich_vault)
    wish(rich_vault)
    first = export_json(rich_vault, tmp_path / "first.json")
    document = json.loads(first.read_text(encoding="utf-8"))
    assert document["version"] == 7
    assert list(document)[-2:] == ["checkin_reminders", "received_session_agreements"]
    assert document["checkin_reminders"][0] == {
        "id": plans[0].id, "part_id": plans[0].part_id,
        "source_entry_id": plans[0].source_entry_id, "note": "ask about the light ✨",
        "time_of_day": "07:45", "weekdays": [1, 3], "until": "2026-04-03",
        "created_at": "2026-03-20T19:30:00+00:00", "handled_until": "2026-03-23T19:30:00+00:00",
        "ended": False}
    assert document["received_session_agreements"][0]["pause_word"] == "<b>tea</b>"
    new, _ = Vault.create(tmp_path / "new", PASSPHRASE, profile=fast_kdf)
    try:
        import_json(first, new)
        assert new.checkins.list(include_ended=True) == plans
        assert new.peer_agreements.list() == rich_vault.peer_agreements.list()
        second = export_json(new, tmp_path / "second.json")
        strip = re.compile(rb'  "exported_at": "[^"]+",\n')
        assert strip.sub(b"", first.read_bytes()) == strip.sub(b"", second.read_bytes())
    finally:
        new.lock()


def test_the_version_follows_what_there_is(rich_vault: Vault) -> None:
    assert document_of(rich_vault.read_snapshot())["version"] == 1
    plan_some(rich_vault)
    assert document_of(rich_vault.read_snapshot())["version"] == 6
    wish(rich_vault)
    assert document_of(rich_vault.read_snapshot())["version"] == 7


def _document(rich_vault: Vault, **changes: Any) -> dict[str, Any]:
    plan_some(rich_vault)
    document = document_of(rich_vault.read_snapshot())
    document["checkin_reminders"][0].update(changes)
    return document


@pytest.mark.parametrize(("changes", "where", "words"), [
    ({"time_of_day": "7:45"}, "checkin_reminders[0].time_of_day", "not a time of day"),
    ({"time_of_day": "25:00"}, "checkin_reminders[0].time_of_day", "not a time of day"),
    ({"weekdays": [3, 1]}, "checkin_reminders[0].weekdays", "in order"),
    ({"weekdays": [8]}, "checkin_reminders[0].weekdays[0]", ""),
    ({"note": "bell\u0007"}, "checkin_reminders[0]", "one line"),
    ({"note": " padded "}, "checkin_reminders[0].note", "starts or ends with spaces"),
    ({"part_id": "0b7a2f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"}, "checkin_reminders[0].part_id",
     "not in the file"),
    ({"ended": "no"}, "checkin_reminders[0].ended", ""),
])
def test_a_damaged_plan_is_refused_with_its_place(rich_vault: Vault, tmp_path: Path,
                                                  changes: dict[str, Any], where: str,
                                                  words: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(to_json_bytes(_document(rich_vault, **changes)))
    with pytest.raises(ImportRejected) as caught:
        read_export(path)
    assert caught.value.where == where
    assert words in str(caught.value)


def test_wishes_from_an_unknown_peer_or_with_a_dirty_pause_word_are_refused(
        rich_vault: Vault, tmp_path: Path) -> None:
    wish(rich_vault)
    for change, where in (({"peer_id": "0b7a2f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"}, "peer_id"),
                          ({"pause_word": "two\nlines"}, "pause_word"),
                          ({"reach": "everything"}, "reach")):
        document = document_of(rich_vault.read_snapshot())
        document["received_session_agreements"][0].update(change)
        path = tmp_path / "bad.json"
        path.write_bytes(to_json_bytes(document))
        with pytest.raises(ImportRejected) as caught:
            read_export(path)
        assert caught.value.where == f"received_session_agreements[0].{where}"
