"""The whole journal as one value, :class:`Snapshot`: what a data export holds.

The file formats are in docs/export-format.md. The dataclasses live in ``vault/`` because
storage reads and writes them (:mod:`partsjournal.vault.snapshot_store`) and storage must not
import the ``archive/`` package that turns them into files and back; ``archive/`` imports them
from here.

Two things are never part of a snapshot: the vault's identity keys (they stay in the journal they
were made in) and the vault id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from partsjournal.domain.agreements import Agreement
from partsjournal.domain.body_map import BodySpot
from partsjournal.domain.checkins import CheckinPlan
from partsjournal.domain.model import Entry, EntryKind, Part, Relation, StageEvent
from partsjournal.vault.peer_agreements import ReceivedAgreement
from partsjournal.vault.peers import Peer, ReceivedPart, ReceivedRelation, ShareLogEntry
from partsjournal.vault.pictures import StoredPicture


@dataclass(frozen=True)
class ReceivedBundle:
    """A bundle already imported from a peer: remembered so the same file is refused again."""

    peer_id: str
    bundle_id: str
    created: datetime
    imported_at: datetime


@dataclass(frozen=True)
class PersonalWord:
    """A word of the personal spelling dictionary (:mod:`partsjournal.vault.dictionary`)."""

    word: str
    added_at: datetime


@dataclass(frozen=True)
class OwnTemplate:
    """The person's own template for one kind of entry (:mod:`partsjournal.vault.templates`).

    Only a kind the person made their own template for has one (an empty body counts); a kind
    without one starts from its default, which is not journal data and is never exported.
    """

    kind: EntryKind
    body: str
    updated_at: datetime


@dataclass
class PartRecord:
    """A part with its whole stage history (oldest first) and where it sits on the map."""

    part: Part
    history: list[StageEvent]
    position: tuple[float, float] | None = None


@dataclass
class Snapshot:
    """Everything in a journal except its identity keys and vault id."""

    display_name: str = ""
    parts: list[PartRecord] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    peers: list[Peer] = field(default_factory=list)
    received_parts: list[ReceivedPart] = field(default_factory=list)
    received_relations: list[ReceivedRelation] = field(default_factory=list)
    received_bundles: list[ReceivedBundle] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    share_log: list[ShareLogEntry] = field(default_factory=list)
    #: The personal spelling dictionary, in a stable alphabetical order (ignoring case).
    personal_words: tuple[PersonalWord, ...] = ()
    #: The person's own entry templates, at most one per kind, by the kind's value (code points).
    entry_templates: tuple[OwnTemplate, ...] = ()
    #: The agreements ledger (vault/agreements.py), oldest made first, then by id.
    agreements: tuple[Agreement, ...] = ()
    #: Planned check-ins (vault/checkins.py), ended ones too, oldest planned first.
    checkin_plans: tuple[CheckinPlan, ...] = ()
    #: The latest session agreement each peer shared (vault/peer_agreements.py).
    peer_wishes: tuple[ReceivedAgreement, ...] = ()
    #: Pictures of parts and entries, with their bytes (vault/pictures.py), oldest first.
    pictures: tuple[StoredPicture, ...] = ()
    #: The body map's spots (vault/body_spots.py), first placed first, then by id.
    body_spots: tuple[BodySpot, ...] = ()
