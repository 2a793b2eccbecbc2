"""The agreements ledger in the JSON export: out as a list, back in checked with its places.

Its own module because the export and the import modules are near their size limit, and because
the key is self-contained: the top-level ``agreements`` list (format version 4,
docs/export-format.md), each item one :class:`~partsjournal.domain.agreements.Agreement`.
On import each is checked as the vault checks one (``validate_agreement``), and every reference
must point into the same file: ``part_id`` to one of the person's own parts (agreements are never
made with a peer's part), ``entry_id`` to an entry or null.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from partsjournal.archive import checks as check
from partsjournal.domain.agreements import Agreement, AgreementStatus, validate_agreement
from partsjournal.vault.timefmt import to_db

#: The top-level key, and the fields of each item in the order they are written.
KEY = "agreements"
FIELDS = ("id", "part_id", "entry_id", "text", "made_at", "ends_on", "status", "closed_at")


def to_json(agreements: Iterable[Agreement]) -> list[dict[str, Any]]:
    """The ``agreements`` list: oldest made first, then by id (as the snapshot holds them)."""
    return [{"id": a.id, "part_id": a.part_id, "entry_id": a.entry_id, "text": a.text,
             "made_at": to_db(a.made_at),
             "ends_on": None if a.ends_on is None else a.ends_on.isoformat(),
             "status": a.status.value,
             "closed_at": None if a.closed_at is None else to_db(a.closed_at)}
            for a in sorted(agreements, key=lambda a: (a.made_at, a.id))]


def from_json(value: Any, part_ids: set[str], entry_ids: set[str]) -> tuple[Agreement, ...]:
    """The agreements of a file, each checked; absent (versions 1–3) means none."""
    found: list[Agreement] = []
    seen: set[str] = set()
    for n, item in enumerate(check.items(value, KEY)):
        where = f"{KEY}[{n}]"
        v = check.obj(item, where, FIELDS)
        agreement_id = check.ident(v["id"], f"{where}.id")
        check.unique(seen, agreement_id, f"{where}.id", "This agreement id")
        part_id = check.ident(v["part_id"], f"{where}.part_id")
        if part_id not in part_ids:
            check.fail(f"{where}.part_id", "This agreement is with a part that is not in the "
                       "file (only your own parts can have agreements).")
        entry_id = check.opt_ident(v["entry_id"], f"{where}.entry_id")
        if entry_id is not None and entry_id not in entry_ids:
            check.fail(f"{where}.entry_id", "This agreement names an entry that is not in the "
                       "file.")
        status = check.choice(AgreementStatus, v["status"], f"{where}.status")
        closed_at = check.opt_moment(v["closed_at"], f"{where}.closed_at")
        agreement = Agreement(
            id=agreement_id, part_id=part_id, entry_id=entry_id,
            text=check.agreement(v["text"], f"{where}.text"),
            made_at=check.moment(v["made_at"], f"{where}.made_at"),
            ends_on=check.opt_day(v["ends_on"], f"{where}.ends_on"),
            status=status, closed_at=closed_at)
        found.append(_valid(agreement, f"{where}.closed_at"))
    return tuple(sorted(found, key=lambda a: (a.made_at, a.id)))


def _valid(agreement: Agreement, where: str) -> Agreement:
    """The vault's own check over the whole agreement; only open/closed can still fail here."""
    return check.checked(lambda: validate_agreement(agreement), where)  # type: ignore[no-any-return]


__all__ = ["FIELDS", "KEY", "from_json", "to_json"]
