"""The sample journal: believable parts, relations, stage histories and entries (demo_content).

Used by ``parts-journal demo`` and by the app's "Explore the sample vault". Dates are laid out
relative to ``now`` so the sample always looks like the last six months.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from partsjournal.domain.model import (
    Entry,
    EntryKind,
    Part,
    PartPresence,
    PeerRole,
    Relation,
    RelationKind,
    Role,
    Stage,
    StageEvent,
    utc_now,
)
from partsjournal.vault import demo_content
from partsjournal.vault.vault import Vault


@dataclass(frozen=True)
class DemoCounts:
    """What was created."""

    parts: int
    relations: int
    entries: int


def populate(vault: Vault, now: datetime | None = None) -> DemoCounts:
    """Fill an empty vault with the sample journal, in one transaction."""
    now = now or utc_now()
    ids: dict[str, str] = {}
    with vault.db.transaction():
        for spec in demo_content.PARTS:
            ids[str(spec["key"])] = _add_part(vault, spec, now)
        for rel in demo_content.RELATIONS:
            vault.relations.add(Relation(kind=RelationKind(rel["kind"]),
                                         from_part_id=ids[rel["from"]],
                                         to_part_id=ids[rel["to"]], note=rel["note"]))
        for spec in demo_content.ENTRIES:
            vault.entries.add(_entry(spec, ids, now))
    return DemoCounts(len(demo_content.PARTS), len(demo_content.RELATIONS),
                      len(demo_content.ENTRIES))


def _add_part(vault: Vault, spec: dict[str, Any], now: datetime) -> str:
    stages: list[list[Any]] = list(spec.get("stages") or [[150, "noticed", ""]])
    first_days, first_stage, first_note = stages[0]
    created = now - timedelta(days=int(first_days), hours=3)
    part = Part(
        name=spec["name"], role=Role(spec["role"]), job=spec["job"], fears=spec["fears"],
        age=spec["age"], body=spec["body"], appearance=spec["appearance"],
        burdens=spec["burdens"], needs=spec["needs"], triggers=spec["triggers"],
        notes=spec["notes"], color=spec.get("color", ""), trust_in_self=spec["trust_in_self"],
        stage=Stage(first_stage), archived=False, created_at=created, updated_at=created)
    vault.parts.add(part, stage_note=str(first_note))
    for days, stage, note in stages[1:]:
        vault.parts.add_stage_event(StageEvent(part.id, Stage(stage),
                                               now - timedelta(days=int(days), hours=2),
                                               str(note)))
    part.stage = Stage(spec["stage"])
    part.archived = bool(spec["archived"])
    # Write the final profile without creating another stage event (the history has it).
    vault.db.execute("UPDATE parts SET stage = ?, archived = ? WHERE id = ?",
                     (part.stage.value, int(part.archived), part.id))
    return part.id


def _entry(spec: dict[str, Any], ids: dict[str, str], now: datetime) -> Entry:
    day = now - timedelta(days=int(spec["days_ago"]))
    occurred = day.replace(hour=int(spec["hour"]) % 24, minute=(int(spec["days_ago"]) * 7) % 60,
                           second=0)
    kind = EntryKind(spec["kind"])
    entry = Entry(
        occurred_at=occurred, kind=kind, title=spec["title"], body=spec["body"],
        trailhead=spec.get("trailhead", ""), self_energy=spec.get("self_energy"),
        qualities=dict(spec.get("qualities") or {}),
        parts=[PartPresence(part_id=ids[key], note=note) for key, note in spec.get("parts", [])],
        created_at=occurred, updated_at=occurred)
    if kind is EntryKind.PEER_SESSION:
        role = spec.get("my_role")
        entry.my_role = PeerRole(role) if role else None
        entry.planned_minutes = spec.get("planned_minutes")
        entry.agreements = spec.get("agreements", "")
        entry.debrief = spec.get("debrief", "")
    return entry
