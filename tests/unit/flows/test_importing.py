from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from partsjournal.domain import (
    Entry,
    EntryKind,
    Part,
    PartPresence,
    Relation,
    RelationKind,
    Role,
)
from partsjournal.errors import BundleRejected
from partsjournal.exchange.bundle import HEADER, HEADER_SIZE, SUITE, hpke_info, seal_payload
from partsjournal.exchange.payload import DEFAULT_FIELDS, SHAREABLE_FIELDS, canonical_json
from partsjournal.flows.importing import BundleImport, PartChange
from partsjournal.flows.sharing import ShareFlow
from partsjournal.vault import Vault
from partsjournal.vault.peers import Peer

from .conftest import Pair, fixed_identity, snapshot


def share(vault: Vault, peer: Peer, parts: Iterable[Part], fields: Iterable[str] = DEFAULT_FIELDS,
          withdraw: Iterable[str] = (), message: str = "") -> bytes:
    flow = ShareFlow(vault)
    flow.choose_peer(peer.id)
    flow.choose_parts([p.id for p in parts])
    flow.set_fields_for_all(fields)
    flow.choose_withdrawals(withdraw)
    flow.message = message
    prepared = flow.prepare()
    flow.record(prepared)
    return prepared.seal()


def refused_without_change(vault: Vault, data: bytes) -> BundleRejected:
    before = snapshot(vault)
    with pytest.raises(BundleRejected) as caught:
        BundleImport.from_bytes(vault, data).apply()
    assert snapshot(vault) == before
    return caught.value


def test_preview_then_apply(pair: Pair) -> None:
    critic = pair.ada.parts.add(Part(name="Critic <b>", role=Role.MANAGER, job="guards"))
    little = pair.ada.parts.add(Part(name="Little", role=Role.EXILE))
    pair.ada.relations.add(Relation(RelationKind.PROTECTS, critic.id, little.id, "shields"))
    data = share(pair.ada, pair.ben_at_ada, [critic, little], message="for Tuesday")
    before = snapshot(pair.ben)
    pending = BundleImport.from_bytes(pair.ben, data)
    assert snapshot(pair.ben) == before  # a preview writes nothing
    preview = pending.preview
    assert preview.peer.name == "Ada" and not preview.verified
    assert [p.change for p in preview.parts] == [PartChange.NEW, PartChange.NEW]
    assert preview.parts[0].name == "Critic <b>" and preview.parts[0].fields == DEFAULT_FIELDS
    assert preview.message == "for Tuesday" and preview.relation_count == 1
    text = "\n".join(preview.summary_lines())
    assert "NOT VERIFIED" in text and "New parts (2)" in text and "Critic <b>" in text
    result = pending.apply()
    assert (result.added, result.updated, result.relations) == (2, 0, 1)
    received = pair.ben.received.list(pair.ada_at_ben.id)
    assert [p.name for p in received] == ["Critic <b>", "Little"]
    assert received[0].fields == {"name": "Critic <b>", "role": "manager", "job": "guards"}
    assert pair.ben.parts.count() == 0  # kept apart from Ben's own parts
    with pytest.raises(BundleRejected, match="already imported") as caught:
        pending.apply()
    assert caught.value.reason == "already_imported"
    assert refused_without_change(pair.ben, data).reason == "already_imported"


def test_verified_sender_is_shown_as_verified(pair: Pair) -> None:
    pair.ben.peers.mark_verified(pair.ada_at_ben.id)
    data = share(pair.ada, pair.ben_at_ada, [pair.ada.parts.add(Part(name="Critic"))])
    preview = BundleImport.from_bytes(pair.ben, data).preview
    assert preview.verified and "(verified)" in preview.summary_lines()[0]


def test_updates_older_copies_and_field_changes(pair: Pair) -> None:
    critic = pair.ada.parts.add(Part(name="Critic", job="guards", fears="shame"))
    first = share(pair.ada, pair.ben_at_ada, [critic])
    critic.job = "guards less"
    pair.ada.parts.update(critic)  # revision 2
    second = share(pair.ada, pair.ben_at_ada, [critic], fields=["job"])
    third = share(pair.ada, pair.ben_at_ada, [critic], fields=["job", "fears"])
    BundleImport.from_bytes(pair.ben, second).apply()
    got = pair.ben.received.list()[0]
    assert (got.revision, got.text("job")) == (2, "guards less")
    # The older bundle arrives late: the newer copy is kept.
    late = BundleImport.from_bytes(pair.ben, first)
    assert [p.change for p in late.preview.parts] == [PartChange.OLDER]
    assert late.preview.parts[0].previous_revision == 2
    assert late.apply().kept_newer == 1
    assert pair.ben.received.get(got.id).text("job") == "guards less"
    # Same revision, more fields chosen: that is an update too.
    more = BundleImport.from_bytes(pair.ben, third)
    assert [p.change for p in more.preview.parts] == [PartChange.UPDATED]
    more.apply()
    assert pair.ben.received.get(got.id).field_names == ("name", "job", "fears")
    # The same content again, in a new bundle: unchanged.
    same = share(pair.ada, pair.ben_at_ada, [critic], fields=["job", "fears"])
    assert [p.change for p in BundleImport.from_bytes(pair.ben, same).preview.parts] == \
        [PartChange.UNCHANGED]
    # Fewer fields: the dropped ones disappear from Ben's copy.
    fewer = BundleImport.from_bytes(pair.ben, share(pair.ada, pair.ben_at_ada, [critic]))
    assert fewer.preview.parts[0].removed_fields == ("fears",)
    fewer.apply()
    assert pair.ben.received.get(got.id).field_names == DEFAULT_FIELDS


def test_withdrawal_warns_about_entries_and_removes(pair: Pair) -> None:
    critic = pair.ada.parts.add(Part(name="Critic"))
    BundleImport.from_bytes(pair.ben, share(pair.ada, pair.ben_at_ada, [critic])).apply()
    theirs = pair.ben.received.list()[0]
    entry = pair.ben.entries.add(Entry(kind=EntryKind.PEER_SESSION, title="session",
                                       parts=[PartPresence(received_part_id=theirs.id)]))
    pending = BundleImport.from_bytes(pair.ben, share(pair.ada, pair.ben_at_ada, [],
                                                      withdraw=[critic.id]))
    gone = pending.preview.of(PartChange.WITHDRAWN)
    assert [(g.name, g.entry_count) for g in gone] == [("Critic", 1)]
    assert "it will be taken out of them" in "\n".join(pending.preview.summary_lines())
    assert pending.apply().withdrawn == 1
    assert pair.ben.received.count() == 0
    assert pair.ben.entries.get(entry.id).parts == []


def test_every_failure_leaves_the_vault_unchanged(pair: Pair, tmp_path: Path) -> None:
    critic = pair.ada.parts.add(Part(name="Critic"))
    BundleImport.from_bytes(pair.ben, share(pair.ada, pair.ben_at_ada, [critic])).apply()
    good = share(pair.ada, pair.ben_at_ada, [critic], fields=SHAREABLE_FIELDS)
    ben_identity = pair.ben.identity.get()
    mallory = fixed_identity("mallory", "Mallory")
    # For another recipient: Ada's bundle for Mallory, opened by Ben.
    for_mallory = seal_payload(canonical_json({"type": "x"}), pair.ada.identity.get(),
                               mallory.card())
    assert refused_without_change(pair.ben, for_mallory).reason == "cannot_decrypt"
    # From someone Ben doesn't know.
    from_mallory = seal_payload(b"{}", mallory, ben_identity.card())
    assert refused_without_change(pair.ben, from_mallory).reason == "unknown_sender"
    # Bad MAC: the right sender fingerprint, the wrong key.
    plaintext = SUITE.decrypt(good[HEADER_SIZE:], ben_identity.kem_private_key,
                              info=hpke_info())
    tampered = bytearray(plaintext)
    tampered[40] ^= 1
    forged = HEADER + SUITE.encrypt(bytes(tampered), ben_identity.card().kem_public_key(),
                                    info=hpke_info())
    assert refused_without_change(pair.ben, forged).reason == "bad_mac"
    # A flipped byte, a cut, an appended byte, and a payload that doesn't validate.
    flipped = bytearray(good)
    flipped[len(good) // 2] ^= 0x10
    assert refused_without_change(pair.ben, bytes(flipped)).reason == "cannot_decrypt"
    assert refused_without_change(pair.ben, good[:-1]).reason == "cannot_decrypt"
    assert refused_without_change(pair.ben, good + b"\0").reason == "cannot_decrypt"
    bad_payload = seal_payload(canonical_json({"type": "parts-journal-bundle", "version": 3}),
                               pair.ada.identity.get(), ben_identity.card())
    assert refused_without_change(pair.ben, bad_payload).reason == "future_version"
    # A failure half-way through apply rolls everything back.
    pending = BundleImport.from_bytes(pair.ben, good)
    before = snapshot(pair.ben)
    original = pair.ben.received.record_bundle_for_import

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk pulled out")

    pair.ben.received.record_bundle_for_import = explode  # type: ignore[method-assign]
    with pytest.raises(RuntimeError):
        pending.apply()
    assert snapshot(pair.ben) == before
    pair.ben.received.record_bundle_for_import = original  # type: ignore[method-assign]
    assert pending.apply().updated == 1
    # The peer was removed between preview and apply.
    stale = BundleImport.from_bytes(pair.ben, share(pair.ada, pair.ben_at_ada, [critic],
                                                    fields=["notes"]))
    pair.ben.peers.remove(pair.ada_at_ben.id)
    with pytest.raises(BundleRejected, match="no longer in your journal"):
        stale.apply()


def test_oversized_file_is_refused_before_reading(pair: Pair, tmp_path: Path) -> None:
    path = tmp_path / "big.pjbundle"
    with open(path, "wb") as handle:
        handle.truncate(17 * 1024 * 1024)
    before = snapshot(pair.ben)
    with pytest.raises(BundleRejected) as caught:
        BundleImport.from_file(pair.ben, path)
    assert caught.value.reason == "too_large" and snapshot(pair.ben) == before


def test_end_to_end_two_vaults(pair: Pair) -> None:
    """Cards exchanged (fixture), verified, shares both ways, an update, a withdrawal."""
    ada, ben = pair.ada, pair.ben
    # Verification: both see the same safety number, then each marks the other verified.
    assert ada.peers.safety_number(pair.ben_at_ada) == ben.peers.safety_number(pair.ada_at_ben)
    ada.peers.mark_verified(pair.ben_at_ada.id)
    ben.peers.mark_verified(pair.ada_at_ben.id)
    # Ada → Ben.
    critic = ada.parts.add(Part(name="Inner Critic", role=Role.MANAGER, job="keeps me safe",
                                fears="being laughed at", notes="not for sharing"))
    exile = ada.parts.add(Part(name="Little One", role=Role.EXILE, needs="to be seen"))
    ada.relations.add(Relation(RelationKind.PROTECTS, critic.id, exile.id))
    to_ben = pair.folder / "ada-to-ben.pjbundle"
    flow = ShareFlow(ada)
    flow.choose_peer(pair.ben_at_ada.id)
    flow.choose_parts([critic.id, exile.id])
    flow.set_fields(critic.id, ["role", "job", "fears"])
    flow.set_fields(exile.id, ["role", "needs"])
    flow.write(to_ben)
    imported = BundleImport.from_file(ben, to_ben)
    assert imported.preview.verified
    imported.apply()
    critic_at_ben = next(p for p in ben.received.list() if p.name == "Inner Critic")
    assert critic_at_ben.text("fears") == "being laughed at"
    assert "notes" not in critic_at_ben.fields and critic_at_ben.peer_verified
    assert len(ben.received.relations(pair.ada_at_ben.id)) == 1
    # Ben → Ada, and Ben uses Ada's part in his own journal.
    protector = ben.parts.add(Part(name="Planner", role=Role.MANAGER, job="plans everything"))
    to_ada = share(ben, pair.ada_at_ben, [protector])
    BundleImport.from_bytes(ada, to_ada).apply()
    assert [p.name for p in ada.received.list()] == ["Planner"]
    entry = ben.entries.add(Entry(kind=EntryKind.PEER_SESSION, title="with Ada",
                                  peer_id=pair.ada_at_ben.id,
                                  parts=[PartPresence(received_part_id=critic_at_ben.id,
                                                      note="it showed up for me too")]))
    # Ada updates her critic: the newer revision replaces Ben's copy in place.
    critic.job = "keeps me safe, more gently now"
    ada.parts.update(critic)
    update = share(ada, pair.ben_at_ada, [critic], fields=["role", "job", "fears"])
    result = BundleImport.from_bytes(ben, update).apply()
    assert result.updated == 1 and result.added == 0
    updated = ben.received.get(critic_at_ben.id)
    assert updated.revision == 2 and updated.text("job") == "keeps me safe, more gently now"
    assert ben.entries.get(entry.id).parts[0].received_part_id == critic_at_ben.id
    assert len(ben.received.relations()) == 1  # the relation to Little One is untouched
    # Ada withdraws Little One.
    withdrawal = share(ada, pair.ben_at_ada, [], withdraw=[exile.id])
    assert BundleImport.from_bytes(ben, withdrawal).apply().withdrawn == 1
    assert [p.name for p in ben.received.list()] == ["Inner Critic"]
    assert ben.received.relations() == []
    # Both share logs tell the story.
    log = ada.share_log.list(pair.ben_at_ada.id)
    assert [len(e.parts) for e in log] == [0, 1, 2]
    assert [w.name for w in log[0].withdrawn] == ["Little One"]
    assert log[2].parts[0].fields == ("name", "role", "job", "fears")
    assert [e.peer_name for e in ben.share_log.list()] == ["Ada"]
