"""The sample journal: the package's sample export, moved to today and imported like any export.

Used by ``parts-journal demo`` and by the app's "Explore the sample vault". The content is
``partsjournal/data/sample-journal.json``, a data export in the documented format
(docs/export-format.md). Loading it is the import path of a person's own export, with one step
in front:

1. read the file (:func:`partsjournal.data.sample_journal_bytes`) and parse it as strictly as
   ``import-json`` does;
2. move every time in it by the same whole number of days, from the day of its ``exported_at``
   to today (UTC), so the sample always covers the last six months and ends yesterday, at the
   same times of day;
3. validate it (:func:`partsjournal.archive.json_import.parse_document`) and write it
   (``Vault.write_snapshot``) into the new, empty vault in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from partsjournal.archive.json_import import document_from_bytes, parse_document
from partsjournal.data import sample_journal_bytes
from partsjournal.domain.model import utc_now
from partsjournal.vault.vault import Vault

#: The keys whose values are times, anywhere in an export (docs/export-format.md).
TIME_KEYS = frozenset({"exported_at", "created_at", "updated_at", "occurred_at", "verified_at",
                       "added_at", "received_at", "created", "imported_at", "shared_at"})


@dataclass(frozen=True)
class DemoCounts:
    """What was created."""

    parts: int
    relations: int
    entries: int


def _time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def written_as_of(document: dict[str, Any]) -> datetime:
    """The moment the sample is written as of: its ``exported_at``."""
    return _time(str(document["exported_at"])).astimezone(UTC)


def shift_times(value: Any, by: timedelta) -> Any:
    """A copy of an export's JSON value with every time (see :data:`TIME_KEYS`) moved ``by``.

    A value that is not a time as the export writes it is left alone, for the importer to refuse.
    """
    if isinstance(value, list):
        return [shift_times(item, by) for item in value]
    if not isinstance(value, dict):
        return value
    moved: dict[str, Any] = {}
    for key, item in value.items():
        if key in TIME_KEYS and isinstance(item, str):
            try:
                moment = _time(item)
            except ValueError:
                moved[key] = item
                continue
            moved[key] = (moment + by).isoformat(timespec="seconds")
        else:
            moved[key] = shift_times(item, by)
    return moved


def sample_document(now: datetime | None = None) -> dict[str, Any]:
    """The sample journal's export object, its times moved so that it is written as of ``now``.

    Every time moves by the same whole number of days (the UTC days from ``exported_at`` to
    ``now``), so times of day, gaps and the order of everything stay as written.
    """
    now = (now or utc_now()).astimezone(UTC)
    document = document_from_bytes(sample_journal_bytes())
    days = (now.date() - written_as_of(document).date()).days
    return dict(shift_times(document, timedelta(days=days)))


def entry_ages(now: datetime | None = None) -> list[int]:
    """How many days before ``now`` (UTC dates) each sample entry happened, oldest first."""
    now = (now or utc_now()).astimezone(UTC)
    return [(now.date() - _time(str(e["occurred_at"])).astimezone(UTC).date()).days
            for e in sample_document(now)["entries"]]


def populate(vault: Vault, now: datetime | None = None) -> DemoCounts:
    """Fill a new, empty vault with the sample journal, in one transaction.

    Raises :class:`~partsjournal.errors.JournalError` if the vault already holds anything.
    """
    snapshot = parse_document(sample_document(now))
    vault.write_snapshot(snapshot)
    return DemoCounts(len(snapshot.parts), len(snapshot.relations), len(snapshot.entries))
