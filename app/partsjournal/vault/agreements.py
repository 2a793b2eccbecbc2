"""The agreements ledger: agreements with parts, stored in the ``agreements`` table (schema 5).

What an agreement is, and why it is open, kept or let go, is in
:mod:`partsjournal.domain.agreements`; the table in docs/vault-format.md. An agreement is
personal (it names a part and what it was promised), so it lives here, inside the encrypted file.

Lists come in the order a person reads them: the soonest last day first, those without one after
them, then oldest made first (and by id, so equal journals list equally).
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from partsjournal.domain.agreements import (
    WEEK_DAYS,
    Agreement,
    AgreementStatus,
    validate_agreement,
)
from partsjournal.domain.model import utc_now
from partsjournal.errors import NotFound, ValidationError
from partsjournal.vault.database import Database, Row
from partsjournal.vault.timefmt import from_db, to_db

_COLUMNS = "id, part_id, entry_id, text, made_at, ends_on, status, closed_at"
_ORDER = "ORDER BY ends_on IS NULL, ends_on, made_at, id"


def _agreement(row: Row) -> Agreement:
    return Agreement(
        id=str(row[0]), part_id=str(row[1]), entry_id=None if row[2] is None else str(row[2]),
        text=str(row[3]), made_at=from_db(row[4]),
        ends_on=None if row[5] is None else date.fromisoformat(row[5]),
        status=AgreementStatus(row[6]), closed_at=None if row[7] is None else from_db(row[7]))


def agreement_row(a: Agreement) -> tuple[object, ...]:
    """The stored values of ``a``, in the order of the table's columns (also for the import)."""
    return (a.id, a.part_id, a.entry_id, a.text, to_db(a.made_at),
            None if a.ends_on is None else a.ends_on.isoformat(), a.status.value,
            None if a.closed_at is None else to_db(a.closed_at))


INSERT = f"INSERT INTO agreements ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"


class AgreementRepository:
    """Records, lists and closes agreements with the person's own parts."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, agreement: Agreement) -> Agreement:
        """Store a new agreement; the part (and the entry, when named) must exist.

        Checked here rather than left to the foreign keys so the person reads which one is gone
        ("That part no longer exists.") instead of a consistency-rule message.
        """
        validate_agreement(agreement)
        with self._db.transaction():
            if self._db.one("SELECT 1 FROM parts WHERE id = ?", (agreement.part_id,)) is None:
                raise NotFound("That part no longer exists.")
            if agreement.entry_id is not None and self._db.one(
                    "SELECT 1 FROM entries WHERE id = ?", (agreement.entry_id,)) is None:
                raise NotFound("That entry no longer exists.")
            self._db.execute(INSERT, agreement_row(agreement))
        return agreement

    def get(self, agreement_id: str) -> Agreement:
        """One agreement, or NotFound."""
        row = self._db.one(f"SELECT {_COLUMNS} FROM agreements WHERE id = ?", (agreement_id,))
        if row is None:
            raise NotFound("That agreement no longer exists.")
        return _agreement(row)

    def list_open(self, part_ids: Iterable[str] | None = None) -> builtins.list[Agreement]:
        """Open agreements — of the parts ``part_ids`` only, when given (then maybe none)."""
        if part_ids is None:
            rows = self._db.all(f"SELECT {_COLUMNS} FROM agreements WHERE status = 'open' "
                                f"{_ORDER}")
            return [_agreement(r) for r in rows]
        ids = sorted(set(part_ids))
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        rows = self._db.all(f"SELECT {_COLUMNS} FROM agreements WHERE status = 'open' AND "
                            f"part_id IN ({marks}) {_ORDER}", ids)
        return [_agreement(r) for r in rows]

    def for_part(self, part_id: str) -> builtins.list[Agreement]:
        """Every agreement with one part, open or closed, oldest made first."""
        rows = self._db.all(f"SELECT {_COLUMNS} FROM agreements WHERE part_id = ? "
                            "ORDER BY made_at, id", (part_id,))
        return [_agreement(r) for r in rows]

    def list(self) -> builtins.list[Agreement]:
        """Every agreement, oldest made first (the export's order)."""
        rows = self._db.all(f"SELECT {_COLUMNS} FROM agreements ORDER BY made_at, id")
        return [_agreement(r) for r in rows]

    def this_week(self, today: date) -> builtins.list[Agreement]:
        """Open agreements with no last day, or one at most a week from ``today``.

        ``today`` is the person's own calendar day, passed in (the GUI's clock, a test's fixed
        day), never read here. Still-open ones whose last day has passed are included: those are
        the ones waiting for a "kept" or "let go" (:func:`domain.agreements.in_this_week`).
        """
        until = (today + timedelta(days=WEEK_DAYS)).isoformat()
        rows = self._db.all(f"SELECT {_COLUMNS} FROM agreements WHERE status = 'open' AND "
                            f"(ends_on IS NULL OR ends_on <= ?) {_ORDER}", (until,))
        return [_agreement(r) for r in rows]

    def mark(self, agreement_id: str, status: AgreementStatus, *,
             at: datetime | None = None) -> Agreement:
        """Mark an agreement kept or let go (or open again, to undo); returns it as stored.

        Marking it as what it already is changes nothing (its first ``closed_at`` stays), so a
        second click from a list that was a moment out of date does no harm.
        """
        status = AgreementStatus(status)
        at = at or utc_now()
        if at.tzinfo is None:
            raise ValidationError("closed_at", "The time needs a time zone.")
        with self._db.transaction():
            current = self.get(agreement_id)
            if current.status is status:
                return current
            closed = None if status is AgreementStatus.OPEN else to_db(at)
            self._db.execute("UPDATE agreements SET status = ?, closed_at = ? WHERE id = ?",
                             (status.value, closed, agreement_id))
            return self.get(agreement_id)

    def delete(self, agreement_id: str) -> None:
        """Remove an agreement for good (one recorded by mistake)."""
        with self._db.transaction():
            if self._db.execute("DELETE FROM agreements WHERE id = ?",
                                (agreement_id,)).rowcount == 0:
                raise NotFound("That agreement no longer exists.")

    def count(self) -> int:
        """How many agreements are stored, open or not."""
        return int(self._db.scalar("SELECT count(*) FROM agreements"))


__all__ = ["INSERT", "AgreementRepository", "agreement_row"]
