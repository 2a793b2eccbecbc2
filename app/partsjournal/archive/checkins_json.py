"""Planned check-ins and peers' session wishes in the JSON export: out as lists, back in checked.

Two top-level keys, each its own format version (docs/export-format.md, "Versions"):
``checkin_reminders`` (version 6), each item one :class:`~partsjournal.domain.checkins.CheckinPlan`,
checked as the vault checks a new one; and ``received_session_agreements`` (version 7), the
latest session agreement each peer shared, checked as a bundle's is. Every reference points into
the same file: a plan's ``part_id`` to one of the person's own parts or null, its
``source_entry_id`` to an entry or null; an agreement's ``peer_id`` to a peer.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import time
from functools import partial
from typing import Any

from partsjournal.archive import checks as check
from partsjournal.domain.checkins import CheckinPlan, check_plan
from partsjournal.domain.session_contract import (
    MAX_PAUSE_WORD,
    Facilitation,
    Reach,
    SessionContract,
    clean_pause_word,
)
from partsjournal.vault.peer_agreements import ReceivedAgreement
from partsjournal.vault.timefmt import to_db

PLANS_KEY = "checkin_reminders"
PLAN_FIELDS = ("id", "part_id", "source_entry_id", "note", "time_of_day", "weekdays", "until",
               "created_at", "handled_until", "ended")
WISHES_KEY = "received_session_agreements"
WISH_FIELDS = ("peer_id", "facilitation", "reach", "pause_word", "confidential", "created",
               "received_at")


def plans_to_json(plans: Iterable[CheckinPlan]) -> list[dict[str, Any]]:
    """The ``checkin_reminders`` list, oldest planned first, then by id."""
    return [{"id": p.id, "part_id": p.part_id, "source_entry_id": p.source_entry_id,
             "note": p.note, "time_of_day": p.at.strftime("%H:%M"),
             "weekdays": sorted(p.weekdays),
             "until": None if p.until is None else p.until.isoformat(),
             "created_at": to_db(p.created_at),
             "handled_until": None if p.handled_until is None else to_db(p.handled_until),
             "ended": p.ended}
            for p in sorted(plans, key=lambda p: (p.created_at, p.id))]


def wishes_to_json(wishes: Iterable[ReceivedAgreement]) -> list[dict[str, Any]]:
    """The ``received_session_agreements`` list, by when they were received, then by peer."""
    return [{"peer_id": w.peer_id, "facilitation": w.contract.facilitation.value,
             "reach": w.contract.reach.value, "pause_word": w.contract.pause_word,
             "confidential": w.contract.confidential, "created": to_db(w.created),
             "received_at": to_db(w.received_at or w.created)}
            for w in sorted(wishes, key=lambda w: (w.received_at or w.created, w.peer_id))]


def plans_from_json(value: Any, part_ids: set[str],
                    entry_ids: set[str]) -> tuple[CheckinPlan, ...]:
    """The planned check-ins of a file, each checked; absent (versions 1–5) means none."""
    found: list[CheckinPlan] = []
    seen: set[str] = set()
    for n, item in enumerate(check.items(value, PLANS_KEY)):
        where = f"{PLANS_KEY}[{n}]"
        v = check.obj(item, where, PLAN_FIELDS)
        plan_id = check.ident(v["id"], f"{where}.id")
        check.unique(seen, plan_id, f"{where}.id", "This check-in id")
        part_id = check.opt_ident(v["part_id"], f"{where}.part_id")
        if part_id is not None and part_id not in part_ids:
            check.fail(f"{where}.part_id", "This check-in is with a part that is not in the "
                       "file (only your own parts can have check-ins).")
        entry_id = check.opt_ident(v["source_entry_id"], f"{where}.source_entry_id")
        if entry_id is not None and entry_id not in entry_ids:
            check.fail(f"{where}.source_entry_id", "This check-in names an entry that is not "
                       "in the file.")
        at = check.string(v["time_of_day"], f"{where}.time_of_day")
        try:
            hour, minute = (int(x) for x in at.split(":"))
            if len(at) != 5:
                raise ValueError(at)
            moment = time(hour, minute)
        except ValueError:
            check.fail(f"{where}.time_of_day", f"“{at[:20]}” is not a time of day (HH:MM).")
        days = check.items(v["weekdays"], f"{where}.weekdays")
        weekdays = frozenset(check.integer(d, f"{where}.weekdays[{i}]", 1, 7)
                             for i, d in enumerate(days))
        if len(weekdays) != len(days) or list(days) != sorted(weekdays):
            check.fail(f"{where}.weekdays", "The weekdays are each written once, in order.")
        created = check.moment(v["created_at"], f"{where}.created_at")
        plan = CheckinPlan(part_id=part_id, at=moment, weekdays=weekdays,
                           until=check.opt_day(v["until"], f"{where}.until"),
                           note=check.string(v["note"], f"{where}.note"),
                           source_entry_id=entry_id, id=plan_id, created_at=created,
                           handled_until=check.opt_moment(v["handled_until"],
                                                          f"{where}.handled_until"),
                           ended=check.boolean(v["ended"], f"{where}.ended"))
        stored: CheckinPlan = check.checked(partial(check_plan, plan), where)
        if stored.note != plan.note:
            check.fail(f"{where}.note", "This note starts or ends with spaces.")
        found.append(plan)
    return tuple(sorted(found, key=lambda p: (p.created_at, p.id)))


def wishes_from_json(value: Any, peer_ids: set[str]) -> tuple[ReceivedAgreement, ...]:
    """The peers' latest session wishes of a file, each checked; absent (1–6) means none."""
    found: list[ReceivedAgreement] = []
    seen: set[str] = set()
    for n, item in enumerate(check.items(value, WISHES_KEY)):
        where = f"{WISHES_KEY}[{n}]"
        v = check.obj(item, where, WISH_FIELDS)
        peer_id = check.ident(v["peer_id"], f"{where}.peer_id")
        check.unique(seen, peer_id, f"{where}.peer_id", "A second agreement from this peer")
        if peer_id not in peer_ids:
            check.fail(f"{where}.peer_id", "These wishes are from a peer that is not in the "
                       "file.")
        pause = check.string(v["pause_word"], f"{where}.pause_word")
        if len(pause) > MAX_PAUSE_WORD or clean_pause_word(pause) != pause:
            check.fail(f"{where}.pause_word", f"A pause word is one clean line of at most "
                       f"{MAX_PAUSE_WORD} characters.")
        contract = SessionContract(
            check.choice(Facilitation, v["facilitation"], f"{where}.facilitation"),
            check.choice(Reach, v["reach"], f"{where}.reach"), pause,
            check.boolean(v["confidential"], f"{where}.confidential"))
        found.append(ReceivedAgreement(
            peer_id, contract, check.moment(v["created"], f"{where}.created"),
            check.moment(v["received_at"], f"{where}.received_at")))
    return tuple(found)


__all__ = ["PLANS_KEY", "PLAN_FIELDS", "WISHES_KEY", "WISH_FIELDS", "plans_from_json",
           "plans_to_json", "wishes_from_json", "wishes_to_json"]
