"""Parts, relations, stage events and journal entries: dataclasses and enums.

Each field is described in docs/export-format.md.

Ids are UUID strings; times are timezone-aware UTC datetimes (stored as ISO-8601 with offset).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (annotations only) uuid and datetime load when first used, not at import:
    from datetime import datetime  # the first window imports this module and needs neither


def new_id() -> str:
    """Return a fresh random UUID as text, the id format of every record."""
    import uuid

    return str(uuid.uuid4())


def utc_now() -> datetime:
    """Return the current time in UTC, to the second (what the journal shows and stores)."""
    from datetime import UTC, datetime

    return datetime.now(UTC).replace(microsecond=0)


class Role(StrEnum):
    """The three kinds of parts in IFS, plus 'not sure yet'."""

    MANAGER = "manager"
    FIREFIGHTER = "firefighter"
    EXILE = "exile"
    UNKNOWN = "unknown"


class Stage(StrEnum):
    """How far the relationship between Self and a part has come, in order."""

    NOTICED = "noticed"
    GETTING_TO_KNOW = "getting_to_know"
    BEFRIENDED = "befriended"
    WITNESSED = "witnessed"
    RETRIEVED = "retrieved"
    UNBURDENED = "unburdened"
    INTEGRATED = "integrated"

    @property
    def mainly_for_exiles(self) -> bool:
        """The healing steps (witnessing onwards) are mostly walked with exiles."""
        return self in (Stage.WITNESSED, Stage.RETRIEVED, Stage.UNBURDENED, Stage.INTEGRATED)


class RelationKind(StrEnum):
    """How two parts relate: one protects the other, or they pull apart, or work together."""

    PROTECTS = "protects"
    POLARIZED = "polarized"
    ALLIED = "allied"

    @property
    def directed(self) -> bool:
        """Only 'protects' has a direction (protector → protected)."""
        return self is RelationKind.PROTECTS


class EntryKind(StrEnum):
    """The kinds of journal entries."""

    SOLO_SESSION = "solo_session"
    THERAPY_SESSION = "therapy_session"
    PEER_SESSION = "peer_session"
    CHECK_IN = "check_in"
    NOTE = "note"


class PeerRole(StrEnum):
    """In a peer session one person explores their parts and the other companions them."""

    EXPLORER = "explorer"
    COMPANION = "companion"


class Quality(StrEnum):
    """The 8 C's of Self-energy, in the conventional order (an entry rates each 0–10)."""

    CALM = "calm"
    CURIOSITY = "curiosity"
    COMPASSION = "compassion"
    CONFIDENCE = "confidence"
    COURAGE = "courage"
    CLARITY = "clarity"
    CREATIVITY = "creativity"
    CONNECTEDNESS = "connectedness"


#: The 8 C's in their conventional order (also the entry columns of the same names).
C_QUALITIES: tuple[Quality, ...] = tuple(Quality)


class Feeling(StrEnum):
    """How a person feels toward a part: the guided session's check for blending.

    The first four come from Self (:data:`SELF_FEELINGS`); any of the others shows that another
    part has stepped in.
    """

    CURIOSITY = "curiosity"
    COMPASSION = "compassion"
    CALM = "calm"
    OPENNESS = "openness"
    ANNOYED = "annoyed"
    AFRAID = "afraid"
    IMPATIENT = "impatient"
    WANTING_IT_GONE = "wanting_it_gone"
    JUDGING = "judging"
    OVERWHELMED = "overwhelmed"
    SORRY_FOR_IT = "sorry_for_it"
    NUMB = "numb"
    NOT_SURE = "not_sure"


#: Feelings toward a part that come from Self.
SELF_FEELINGS: tuple[Feeling, ...] = (Feeling.CURIOSITY, Feeling.COMPASSION, Feeling.CALM,
                                      Feeling.OPENNESS)
#: Feelings toward a part that show another part has stepped in (blending).
PART_FEELINGS: tuple[Feeling, ...] = tuple(f for f in Feeling if f not in SELF_FEELINGS)

#: The text fields of a part profile, in the order the profile editor shows them.
PART_TEXT_FIELDS: tuple[str, ...] = (
    "job",
    "fears",
    "age",
    "body",
    "appearance",
    "burdens",
    "needs",
    "triggers",
    "notes",
)


@dataclass
class Part:
    """A part's profile, which grows as the person gets to know it."""

    name: str
    role: Role = Role.UNKNOWN
    job: str = ""
    fears: str = ""
    age: str = ""
    body: str = ""
    appearance: str = ""
    burdens: str = ""
    needs: str = ""
    triggers: str = ""
    notes: str = ""
    color: str = ""
    trust_in_self: int | None = None
    stage: Stage = Stage.NOTICED
    archived: bool = False
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utc_now)
    updated_at: datetime = field(default_factory=utc_now)
    revision: int = 1


@dataclass(frozen=True)
class StageEvent:
    """A dated change of a part's stage, kept so its history can be shown."""

    part_id: str
    stage: Stage
    occurred_at: datetime
    note: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Relation:
    """A relationship between two of the person's own parts."""

    kind: RelationKind
    from_part_id: str
    to_part_id: str
    note: str = ""
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utc_now)


@dataclass
class PartPresence:
    """A part that showed up in an entry, with a short note on how it showed up.

    Exactly one of ``part_id`` (one's own part) and ``received_part_id`` (a peer's part) is set.
    ``name`` is filled in when read back, for display.
    """

    part_id: str | None = None
    received_part_id: str | None = None
    note: str = ""
    name: str = ""


@dataclass
class Entry:
    """A journal entry: a session, a check-in or a note."""

    occurred_at: datetime = field(default_factory=utc_now)
    kind: EntryKind = EntryKind.NOTE
    title: str = ""
    body: str = ""
    trailhead: str = ""
    self_energy: int | None = None
    qualities: dict[str, int] = field(default_factory=dict)
    parts: list[PartPresence] = field(default_factory=list)
    # Peer sessions only.
    peer_id: str | None = None
    peer_name: str = ""
    my_role: PeerRole | None = None
    planned_minutes: int | None = None
    agreements: str = ""
    debrief: str = ""
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utc_now)
    updated_at: datetime = field(default_factory=utc_now)


@dataclass(frozen=True)
class EntrySummary:
    """What the journal list shows of an entry: never its body, so listing stays light."""

    id: str
    occurred_at: datetime
    kind: EntryKind
    title: str
    part_names: tuple[str, ...]
    self_energy: int | None
    #: The role of each part in ``part_names`` (for colour-coded chips).
    part_roles: tuple[str, ...] = ()
