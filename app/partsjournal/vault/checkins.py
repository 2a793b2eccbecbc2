"""Planned check-ins (table ``checkin_reminders``, docs/vault-format.md): all the SQL for them.

The schedule lives only here, in the encrypted journal. Outside it the app keeps at most the
next due moment (ui/app/checkin_reminders.py, docs/security.md).
"""

from __future__ import annotations

import builtins
from dataclasses import replace
from datetime import date, datetime, time

from partsjournal.domain.checkins import CheckinPlan, check_plan
from partsjournal.errors import NotFound
from partsjournal.vault.database import Database, Row
from partsjournal.vault.timefmt import from_db, to_db

_COLUMNS = ("id, part_id, source_entry_id, note, time_of_day, weekdays, until, created_at, "
            "handled_until, ended")


def _plan(row: Row) -> CheckinPlan:
    hour, minute = (int(x) for x in str(row[4]).split(":"))
    days = frozenset(int(d) for d in str(row[5]).split(",") if d)
    return CheckinPlan(part_id=row[1], source_entry_id=row[2], note=row[3],
                       at=time(hour, minute), weekdays=days,
                       until=date.fromisoformat(row[6]) if row[6] else None,
                       id=row[0], created_at=from_db(row[7]),
                       handled_until=from_db(row[8]) if row[8] else None, ended=bool(row[9]))


#: Writing one row as it was (a journal export read back).
INSERT = (f"INSERT INTO checkin_reminders ({_COLUMNS}) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def plan_row(plan: CheckinPlan) -> tuple[object, ...]:
    """The values of :data:`INSERT` for ``plan``."""
    return (plan.id, plan.part_id, plan.source_entry_id, plan.note, plan.at.strftime("%H:%M"),
            ",".join(str(d) for d in sorted(plan.weekdays)),
            plan.until.isoformat() if plan.until else None, to_db(plan.created_at),
            to_db(plan.handled_until) if plan.handled_until else None, int(plan.ended))


class CheckinRepository:
    """Plan, list, mark as shown, end and delete check-ins."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, plan: CheckinPlan) -> CheckinPlan:
        """Store a new plan (checked first); returns it as stored."""
        plan = check_plan(plan)
        if plan.part_id is not None and self._db.one(
                "SELECT 1 FROM parts WHERE id = ?", (plan.part_id,)) is None:
            raise NotFound("That part no longer exists; choose another one.")
        if plan.source_entry_id is not None and self._db.one(
                "SELECT 1 FROM entries WHERE id = ?", (plan.source_entry_id,)) is None:
            plan = replace(plan, source_entry_id=None)  # planned from an entry not yet stored
        with self._db.transaction():
            self._db.execute(INSERT, plan_row(plan))
        return plan

    def get(self, plan_id: str) -> CheckinPlan:
        """One plan; NotFound if it was deleted."""
        row = self._db.one(f"SELECT {_COLUMNS} FROM checkin_reminders WHERE id = ?", (plan_id,))
        if row is None:
            raise NotFound("That check-in is no longer planned.")
        return _plan(row)

    def list(self, *, include_ended: bool = False) -> builtins.list[CheckinPlan]:
        """The plans, oldest first (ended ones only when asked)."""
        where = "" if include_ended else "WHERE ended = 0 "
        return [_plan(r) for r in self._db.all(
            f"SELECT {_COLUMNS} FROM checkin_reminders {where}ORDER BY created_at, id")]

    def mark_handled(self, plan_id: str, until: datetime) -> None:
        """Everything due up to ``until`` has been shown: it is not due again."""
        with self._db.transaction():
            self._db.execute("UPDATE checkin_reminders SET handled_until = ? WHERE id = ? AND "
                             "(handled_until IS NULL OR handled_until < ?)",
                             (to_db(until), plan_id, to_db(until)))

    def end(self, plan_id: str) -> None:
        """Stop reminding (the plan stays in the journal's history)."""
        self.get(plan_id)
        with self._db.transaction():
            self._db.execute("UPDATE checkin_reminders SET ended = 1 WHERE id = ?", (plan_id,))

    def delete(self, plan_id: str) -> None:
        """Remove a plan altogether."""
        self.get(plan_id)
        with self._db.transaction():
            self._db.execute("DELETE FROM checkin_reminders WHERE id = ?", (plan_id,))

    def count(self) -> int:
        """How many plans there are, ended ones included (an export says so)."""
        return int(self._db.scalar("SELECT count(*) FROM checkin_reminders"))


__all__ = ["INSERT", "CheckinRepository", "plan_row"]
