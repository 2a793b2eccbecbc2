from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from partsjournal.domain import Entry, EntryKind, Part, PartPresence, RelationKind, Role
from partsjournal.errors import CardRejected, NotFound, ValidationError, VaultError
from partsjournal.exchange.identity import Identity
from partsjournal.exchange.payload import BundleContents, SharedPart, SharedRelation
from partsjournal.vault import Vault, schema
from partsjournal.vault.database import Database
from partsjournal.vault.keyslots import KdfProfile

from ...conftest import PASSPHRASE

T0 = datetime(2026, 5, 1, 12, tzinfo=UTC)


def other_card(label: str, name: str = "Sam") -> Identity:
    import hashlib

    return Identity(name, hashlib.sha256(f"{label}1".encode()).digest(),
                    hashlib.sha256(f"{label}2".encode()).digest())


# Identity ------------------------------------------------------------------------------------

def test_identity_is_created_with_the_vault_and_kept(vault: Vault, vault_dir: Path) -> None:
    first = vault.identity.get()
    assert first.display_name == ""
    assert vault.db.scalar("SELECT count(*) FROM identity") == 1
    with pytest.raises(ValidationError, match="Choose the name"):
        vault.identity.card()
    named = vault.identity.set_display_name("  Ada  ")
    assert named.display_name == "Ada" and named.fingerprint == first.fingerprint
    vault.lock()
    again = Vault.unlock(vault_dir, PASSPHRASE, auto_backup=False)
    assert again.identity.get() == named
    assert again.identity.card().fingerprint == first.fingerprint
    again.lock()


def test_identity_keys_are_only_inside_the_encrypted_database(vault: Vault,
                                                              vault_dir: Path) -> None:
    secret = vault.identity.get().kem_seed
    vault.lock()
    for path in vault_dir.rglob("*"):
        if path.is_file():
            assert secret not in path.read_bytes(), path


def test_bad_display_names_are_refused(vault: Vault) -> None:
    for name in ("", "x" * 201, "A\x1bB"):
        with pytest.raises(ValidationError):
            vault.identity.set_display_name(name)


def test_identities_differ_between_vaults(tmp_path: Path, fast_kdf: KdfProfile) -> None:
    one, _ = Vault.create(tmp_path / "1", PASSPHRASE, profile=fast_kdf)
    two, _ = Vault.create(tmp_path / "2", PASSPHRASE, profile=fast_kdf)
    assert one.identity.get().fingerprint != two.identity.get().fingerprint
    one.lock()
    two.lock()


def test_a_version_1_vault_gets_an_identity_by_migration(
        tmp_path: Path, fast_kdf: KdfProfile, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
    monkeypatch.setattr(schema, "LATEST", 1)
    monkeypatch.setattr("partsjournal.vault.vault.ensure_identity", lambda db: None)
    old, _ = Vault.create(tmp_path / "old", PASSPHRASE, profile=fast_kdf)
    assert old.db.scalar("PRAGMA user_version") == 1
    assert old.db.scalar("SELECT count(*) FROM identity") == 0
    old.parts.add(Part(name="Critic"))
    old.lock()
    monkeypatch.undo()
    opened = Vault.unlock(tmp_path / "old", PASSPHRASE, auto_backup=False)
    assert opened.db.scalar("PRAGMA user_version") == schema.LATEST == 6
    assert opened.db.scalar("SELECT count(*) FROM identity") == 1
    assert opened.db.scalar("SELECT count(*) FROM received_bundles") == 0
    assert opened.parts.list()[0].name == "Critic"
    assert len(opened.identity.get().kem_seed) == 32
    opened.lock()


def test_identity_is_made_lazily_if_the_row_is_missing(vault: Vault) -> None:
    vault.db.execute("DELETE FROM identity")
    made = vault.identity.get()
    assert vault.identity.get() == made


def test_damaged_identity_keys_are_reported(vault: Vault) -> None:
    vault.db.execute("UPDATE identity SET kem_private = x'00'")
    with pytest.raises(VaultError, match="damaged"):
        vault.identity.get()


# Peers -------------------------------------------------------------------------------------

def test_add_list_find_and_verify(vault: Vault) -> None:
    sam = other_card("sam", "Sam")
    peer = vault.peers.add(sam.card())
    assert peer.name == "Sam" and not peer.verified and peer.label == "Sam (not verified)"
    assert peer.fingerprint == sam.fingerprint
    lee = vault.peers.add(other_card("lee", "Lee").card(), name="Lee from group")
    assert [p.name for p in vault.peers.list()] == ["Lee from group", "Sam"]
    assert vault.peers.find("sam") == peer
    assert vault.peers.find("LEE FROM GROUP") == lee
    assert vault.peers.find(sam.fingerprint.hex[:6].upper()) == peer
    assert vault.peers.find(sam.fingerprint.grouped()[:9]) == peer
    with pytest.raises(NotFound, match="No peer"):
        vault.peers.find("nobody")
    with pytest.raises(NotFound):
        vault.peers.find(sam.fingerprint.hex[:3])  # too short to pick a peer
    verified = vault.peers.mark_verified(peer.id, at=T0)
    assert verified.verified and verified.verified_at == T0 and verified.label == "Sam"
    assert not vault.peers.mark_unverified(peer.id).verified
    renamed = vault.peers.rename(peer.id, "Sam K.")
    assert renamed.name == "Sam K." and vault.peers.get(peer.id).name == "Sam K."
    assert vault.peers.by_fingerprint(sam.fingerprint) == renamed
    assert vault.peers.card_for(sam.fingerprint) == sam.card()


def test_ambiguous_fingerprint_prefix(vault: Vault) -> None:
    seen: dict[str, Identity] = {}
    for i in range(5000):  # two identities whose fingerprints start with the same 4 digits
        who = other_card(f"p{i}", f"P{i}")
        prefix = who.fingerprint.hex[:4]
        if prefix in seen:
            break
        seen[prefix] = who
    first, second = seen[prefix], who
    vault.peers.add(first.card())
    vault.peers.add(second.card())
    with pytest.raises(ValidationError, match="type more of it"):
        vault.peers.find(prefix)
    longer = first.fingerprint.hex[:16]
    assert vault.peers.find(longer).fingerprint == first.fingerprint
    with pytest.raises(NotFound):
        vault.peers.find(prefix[:3])  # fewer than 4 digits never picks a peer


def test_safety_number_matches_the_other_side(vault: Vault, tmp_path: Path,
                                              fast_kdf: KdfProfile) -> None:
    other, _ = Vault.create(tmp_path / "other", PASSPHRASE, profile=fast_kdf)
    other.identity.set_display_name("Other")
    vault.identity.set_display_name("Me")
    mine_there = other.peers.add(vault.identity.card())
    theirs_here = vault.peers.add(other.identity.card())
    assert vault.peers.safety_number(theirs_here) == other.peers.safety_number(mine_there)
    other.lock()


def test_refusals(vault: Vault) -> None:
    vault.identity.set_display_name("Me")
    with pytest.raises(CardRejected, match="your own contact card") as caught:
        vault.peers.add(vault.identity.card())
    assert caught.value.reason == "own_card"
    sam = vault.peers.add(other_card("sam").card())
    with pytest.raises(ValidationError, match="already have this peer, as “Sam”"):
        vault.peers.add(other_card("sam", "Samuel").card())
    with pytest.raises(ValidationError, match="already have a peer called"):
        vault.peers.add(other_card("another", "SAM").card())
    with pytest.raises(ValidationError):
        vault.peers.add(other_card("x").card(), name="bad\x00name")
    with pytest.raises(ValidationError, match="already have a peer called"):
        vault.peers.rename(vault.peers.add(other_card("y", "Yan").card()).id, "sam")
    with pytest.raises(NotFound):
        vault.peers.mark_verified("no-such-id")
    assert len(vault.peers.list()) == 2 and vault.peers.get(sam.id).name == "Sam"


# Received parts, as an import writes them -------------------------------------------------

A = "11111111-1111-4111-8111-111111111111"
B = "22222222-2222-4222-8222-222222222222"


def receive(vault: Vault, peer_id: str, parts: list[SharedPart],
            relations: tuple[SharedRelation, ...] = ()) -> dict[str, str]:
    contents = BundleContents("33333333-3333-4333-8333-333333333333", T0, "Sam",
                              tuple(parts), relations)
    with vault.db.transaction():
        ids = {p.id: vault.received.store_for_import(peer_id, p, T0) for p in parts}
        vault.received.replace_relations_for_import(peer_id, ids, relations)
    assert contents.parts
    return ids


def test_received_parts_read_back_and_join_entries(vault: Vault) -> None:
    peer = vault.peers.add(other_card("sam").card())
    ids = receive(vault, peer.id, [
        SharedPart(A, 2, {"name": "Their Critic", "role": "manager", "job": "<b>guards</b>",
                          "trust_in_self": None}),
        SharedPart(B, 1, {"name": "Their Exile"})],
        (SharedRelation(RelationKind.PROTECTS, A, B, "shields"),))
    listed = vault.received.list(peer.id)
    assert [p.name for p in listed] == ["Their Critic", "Their Exile"]
    critic = vault.received.get(ids[A])
    assert critic.role is Role.MANAGER and critic.text("job") == "<b>guards</b>"
    assert critic.field_names == ("name", "role", "job", "trust_in_self")
    assert critic.text("fears") == "" and critic.text("trust_in_self") == ""
    assert critic.peer_name == "Sam" and not critic.peer_verified
    assert vault.received.get(ids[B]).role is None
    rel = vault.received.relations(peer.id)[0]
    assert (rel.from_received_id, rel.to_received_id, rel.note) == (ids[A], ids[B], "shields")
    entry = vault.entries.add(Entry(kind=EntryKind.PEER_SESSION, title="with Sam",
                                    peer_id=peer.id,
                                    parts=[PartPresence(received_part_id=ids[A], note="loud")]))
    got = vault.entries.get(entry.id)
    assert got.parts[0].name == "Their Critic" and got.peer_name == "Sam"
    assert vault.entries.list()[0].part_names == ("Their Critic",)
    # A newer revision replaces the old copy in place: same local id, entries still point to it.
    receive(vault, peer.id, [SharedPart(A, 3, {"name": "Critic, softer"})])
    assert vault.received.get(ids[A]).revision == 3
    assert vault.received.get(ids[A]).field_names == ("name",)
    assert vault.entries.get(entry.id).parts[0].name == "Critic, softer"
    # Withdrawn: gone, with its relation and its mention in the entry.
    with vault.db.transaction():
        assert vault.received.withdraw_for_import(peer.id, [A]) == 1
    with pytest.raises(NotFound, match="no longer shared"):
        vault.received.get(ids[A])
    assert vault.received.relations(peer.id) == []
    assert vault.entries.get(entry.id).parts == []
    # Removing the peer removes what they shared; the entry keeps everything else.
    vault.peers.remove(peer.id)
    assert vault.received.count() == 0
    kept = vault.entries.get(entry.id)
    assert kept.title == "with Sam" and kept.peer_id is None


def test_replacing_relations_only_touches_the_parts_in_the_bundle(vault: Vault) -> None:
    peer = vault.peers.add(other_card("sam").card())
    c = "44444444-4444-4444-8444-444444444444"
    receive(vault, peer.id, [SharedPart(A, 1, {"name": "A"}), SharedPart(B, 1, {"name": "B"}),
                             SharedPart(c, 1, {"name": "C"})],
            (SharedRelation(RelationKind.PROTECTS, A, B), SharedRelation(RelationKind.ALLIED, B, c)))
    receive(vault, peer.id, [SharedPart(A, 2, {"name": "A"}), SharedPart(B, 2, {"name": "B"})],
            (SharedRelation(RelationKind.POLARIZED, A, B, "new"),))
    kinds = sorted(r.kind.value for r in vault.received.relations(peer.id))
    assert kinds == ["allied", "polarized"]


# Share log ---------------------------------------------------------------------------------

def test_share_log_records_and_tracks_what_is_shared(vault: Vault) -> None:
    sam = vault.peers.add(other_card("sam").card())
    critic = vault.parts.add(Part(name="Critic"))
    first = BundleContents("55555555-5555-4555-8555-555555555555", T0, "Me",
                           (SharedPart(critic.id, 1, {"name": "Critic", "job": "x"}),
                            SharedPart(A, 4, {"name": "Gone later", "role": "exile"})))
    entry = vault.share_log.record(sam, first, at=T0)
    assert entry.fields == ("name", "role", "job")
    assert [p.fields for p in entry.parts] == [("name", "job"), ("name", "role")]
    assert vault.share_log.currently_shared(sam.id) == {critic.id: "Critic", A: "Gone later"}
    later = datetime(2026, 5, 2, tzinfo=UTC)
    withdrawal = BundleContents("66666666-6666-4666-8666-666666666666", later, "Me",
                                withdrawn=(A,))
    logged = vault.share_log.record(sam, withdrawal, at=later)
    assert [(w.id, w.name) for w in logged.withdrawn] == [(A, "Gone later")]
    assert vault.share_log.currently_shared(sam.id) == {critic.id: "Critic"}
    assert [e.bundle_id for e in vault.share_log.list()] == [withdrawal.bundle_id,
                                                             first.bundle_id]
    assert vault.share_log.list(sam.id)[1].parts[0].revision == 1
    vault.peers.remove(sam.id)
    remaining = vault.share_log.list()
    assert len(remaining) == 2 and remaining[0].peer_id is None
    assert remaining[0].peer_name == "Sam"


def test_schema_v2_tables_exist(vault: Vault) -> None:
    db: Database = vault.db
    names = {r[0] for r in db.all("SELECT name FROM sqlite_master")}
    assert {"received_bundles", "received_parts_by_peer", "share_log_by_peer"} <= names
