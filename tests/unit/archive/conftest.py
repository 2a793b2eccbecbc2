"""A journal with everything an export must carry: the sample journal plus a peer, parts
received from them (with a relation and a mention in an entry), a share-log line, a verified
peer, an archived part and map positions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from partsjournal.domain.model import (
    Entry,
    EntryKind,
    Part,
    PartPresence,
    PeerRole,
    Relation,
    RelationKind,
    Role,
)
from partsjournal.flows.importing import BundleImport
from partsjournal.flows.sample_journal import populate
from partsjournal.flows.sharing import ShareFlow
from partsjournal.vault import Vault
from partsjournal.vault.keyslots import KdfProfile

from ...conftest import PASSPHRASE

NOW = datetime(2026, 3, 31, 12, 0, tzinfo=UTC)


def _share(sender: Vault, peer_id: str, part_ids: list[str], fields: tuple[str, ...]) -> bytes:
    flow = ShareFlow(sender)
    flow.choose_peer(peer_id)
    flow.choose_parts(part_ids)
    flow.set_fields_for_all(fields)
    prepared = flow.prepare()
    flow.record(prepared)
    return prepared.seal()


@pytest.fixture
def rich_vault(tmp_path: Path, fast_kdf: KdfProfile) -> Iterator[Vault]:
    ada, _ = Vault.create(tmp_path / "ada", PASSPHRASE, profile=fast_kdf)
    ben, _ = Vault.create(tmp_path / "ben", PASSPHRASE, profile=fast_kdf)
    try:
        populate(ada, now=NOW)
        ada.identity.set_display_name("Ada")
        ben.identity.set_display_name("Ben <b>")
        ben_at_ada = ada.peers.add(ben.identity.card(), "Ben")
        ada_at_ben = ben.peers.add(ada.identity.card())
        ada.peers.mark_verified(ben_at_ada.id, at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC))

        guard = ben.parts.add(Part(name="Guard", role=Role.MANAGER, job="keeps watch\nalways",
                                   trust_in_self=4))
        little = ben.parts.add(Part(name="Little ✨", role=Role.EXILE))
        ben.relations.add(Relation(RelationKind.PROTECTS, guard.id, little.id, "stands in front"))
        data = _share(ben, ada_at_ben.id, [guard.id, little.id],
                      ("name", "role", "job", "trust_in_self", "stage"))
        BundleImport.from_bytes(ada, data).apply()

        own = ada.parts.list(include_archived=True)
        _share(ada, ben_at_ada.id, [own[0].id], ("name", "role"))
        ada.parts.set_archived(own[1].id, True)
        ada.parts.set_positions({own[0].id: (12.5, -40.25), own[2].id: (300.0, 0.1)})

        received = ada.received.list()
        ada.entries.add(Entry(
            occurred_at=datetime(2026, 3, 20, 18, 30, tzinfo=UTC), kind=EntryKind.PEER_SESSION,
            title="With Ben", body="We met.\nQ: Should we meet weekly?", self_energy=6,
            qualities={"calm": 5, "connectedness": 8},
            parts=[PartPresence(part_id=own[0].id, note="quiet"),
                   PartPresence(received_part_id=received[0].id, note="Ben's guard came too")],
            peer_id=ben_at_ada.id, my_role=PeerRole.COMPANION, planned_minutes=60,
            agreements="Confidential.", debrief="Good.",
            created_at=datetime(2026, 3, 20, 19, 0, tzinfo=UTC),
            updated_at=datetime(2026, 3, 20, 19, 5, tzinfo=UTC)))
        yield ada
    finally:
        ada.lock()
        ben.lock()
