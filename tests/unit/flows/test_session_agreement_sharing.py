"""A peer shares their wishes for the next session in a bundle; the other sees and keeps them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from partsjournal.domain import Part, Role
from partsjournal.domain.session_contract import Facilitation, Reach, SessionContract
from partsjournal.errors import ValidationError
from partsjournal.flows.importing import BundleImport
from partsjournal.flows.sharing import ShareFlow
from partsjournal.vault import Vault
from partsjournal.vault.peers import Peer

from ...conftest import PASSPHRASE
from .conftest import Pair, snapshot

WISHES = SessionContract(Facilitation.ACTIVE_WITNESS, Reach.MAY_APPROACH_EXILE, "blue sky", True)


def share(vault: Vault, peer: Peer, agreement: SessionContract | None,
          parts: list[Part] | None = None) -> bytes:
    flow = ShareFlow(vault)
    flow.choose_peer(peer.id)
    flow.choose_parts([p.id for p in parts or []])
    flow.session_agreement = agreement
    prepared = flow.prepare()
    flow.record(prepared)
    return prepared.seal()


def test_an_agreement_alone_travels_is_previewed_and_kept(pair: Pair) -> None:
    data = share(pair.ada, pair.ben_at_ada, WISHES)
    before = snapshot(pair.ben)
    pending = BundleImport.from_bytes(pair.ben, data)
    assert snapshot(pair.ben) == before  # the preview writes nothing
    assert pending.preview.session_agreement == WISHES
    text = "\n".join(pending.preview.summary_lines())
    assert "Ada's wishes for your next session together:" in text
    assert "active witness" in text and "“blue sky”" in text and "exile" in text
    assert pair.ben.peer_agreements.latest(pair.ada_at_ben.id) is None
    pending.apply()
    kept = pair.ben.peer_agreements.latest(pair.ada_at_ben.id)
    assert kept is not None and kept.contract == WISHES
    assert kept.created == pending.contents.created


def test_it_survives_lock_and_unlock(pair: Pair) -> None:
    BundleImport.from_bytes(pair.ben, share(pair.ada, pair.ben_at_ada, WISHES)).apply()
    pair.ben.lock()
    pair.ben = Vault.unlock(pair.folder / "ben", PASSPHRASE, auto_backup=False)
    kept = pair.ben.peer_agreements.latest(pair.ada_at_ben.id)
    assert kept is not None and kept.contract == WISHES


def test_a_later_bundle_replaces_it_and_an_older_one_does_not(pair: Pair) -> None:
    critic = pair.ada.parts.add(Part(name="Critic", role=Role.MANAGER))
    BundleImport.from_bytes(pair.ben, share(pair.ada, pair.ben_at_ada, WISHES)).apply()
    calmer = SessionContract(Facilitation.QUIET_WITNESS, Reach.PROTECTORS_ONLY, "", False)
    later = BundleImport.from_bytes(pair.ben, share(pair.ada, pair.ben_at_ada, calmer))
    later.apply()
    peer_id = pair.ada_at_ben.id
    kept = pair.ben.peer_agreements.latest(peer_id)
    assert kept is not None and kept.contract == calmer
    # Wishes made before the ones kept (a bundle opened late) leave the newer ones in place.
    made = later.contents.created
    with pair.ben.db.transaction():
        pair.ben.peer_agreements.store_for_import(peer_id, WISHES, made - timedelta(hours=1),
                                                  made)
    kept = pair.ben.peer_agreements.latest(peer_id)
    assert kept is not None and kept.contract == calmer
    # A bundle of parts only keeps the wishes there were.
    BundleImport.from_bytes(pair.ben, share(pair.ada, pair.ben_at_ada, None, [critic])).apply()
    kept = pair.ben.peer_agreements.latest(peer_id)
    assert kept is not None and kept.contract == calmer


def test_nothing_chosen_at_all_is_still_refused(pair: Pair) -> None:
    with pytest.raises(ValidationError, match="wishes for a session"):
        share(pair.ada, pair.ben_at_ada, None)


def test_forgetting_the_peer_forgets_their_wishes(pair: Pair) -> None:
    BundleImport.from_bytes(pair.ben, share(pair.ada, pair.ben_at_ada, WISHES)).apply()
    pair.ben.peers.remove(pair.ada_at_ben.id)
    assert pair.ben.db.scalar("SELECT count(*) FROM received_session_agreements") == 0
