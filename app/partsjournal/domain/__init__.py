"""The IFS vocabulary and the journal's data model: pure Python, no I/O, no Qt."""

from partsjournal.domain.model import (
    C_QUALITIES,
    Entry,
    EntryKind,
    EntrySummary,
    Part,
    PartPresence,
    PeerRole,
    Relation,
    RelationKind,
    Role,
    Stage,
    StageEvent,
    new_id,
    utc_now,
)

__all__ = [
    "C_QUALITIES",
    "Entry",
    "EntryKind",
    "EntrySummary",
    "Part",
    "PartPresence",
    "PeerRole",
    "Relation",
    "RelationKind",
    "Role",
    "Stage",
    "StageEvent",
    "new_id",
    "utc_now",
]
