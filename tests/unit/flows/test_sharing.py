from __future__ import annotations

import stat
from pathlib import Path

import pytest

from partsjournal.domain import Part, Relation, RelationKind, Role
from partsjournal.errors import NotFound, ValidationError
from partsjournal.exchange.bundle import open_bundle, read_bundle_file
from partsjournal.exchange.payload import DEFAULT_FIELDS, SHAREABLE_FIELDS
from partsjournal.flows.sharing import ShareFlow

from .conftest import Pair


def test_wizard_steps_and_preview(pair: Pair) -> None:
    ada = pair.ada
    critic = ada.parts.add(Part(name="Critic", role=Role.MANAGER, job="guards", fears="shame",
                                notes="very private"))
    little = ada.parts.add(Part(name="Little", role=Role.EXILE, job="holds it"))
    ada.relations.add(Relation(RelationKind.PROTECTS, critic.id, little.id, "shields"))
    flow = ShareFlow(ada)
    assert [p.name for p in flow.peers()] == ["Ben"]
    with pytest.raises(ValidationError, match="Choose who"):
        flow.prepare()
    flow.choose_peer(pair.ben_at_ada.id)
    with pytest.raises(ValidationError, match="at least one part"):
        flow.prepare()
    assert {p.name for p in flow.available_parts()} == {"Critic", "Little"}
    flow.choose_parts([critic.id, little.id])
    assert flow.fields == {critic.id: DEFAULT_FIELDS, little.id: DEFAULT_FIELDS}
    assert flow.set_fields(critic.id, ["fears"]) == ("name", "fears")
    flow.message = "for our session"
    preview = flow.prepare().contents
    # Exactly what Ben will see: nothing that wasn't chosen.
    assert [dict(p.fields) for p in preview.parts] == [
        {"name": "Critic", "fears": "shame"},
        {"name": "Little", "role": "exile", "job": "holds it"}]
    assert "very private" not in repr(preview)
    assert [(r.from_id, r.to_id) for r in preview.relations] == [(critic.id, little.id)]
    assert preview.sender_name == "Ada" and preview.message == "for our session"
    assert flow.set_fields_for_all(SHAREABLE_FIELDS) == SHAREABLE_FIELDS
    flow.choose_parts([little.id])  # un-choosing a part drops its relation too
    assert flow.prepare().contents.relations == ()
    with pytest.raises(ValidationError, match="Choose the part"):
        flow.set_fields(critic.id, ["job"])
    with pytest.raises(NotFound):
        flow.choose_parts(["no-such-part"])


def test_write_seals_for_the_peer_and_logs_it(pair: Pair) -> None:
    critic = pair.ada.parts.add(Part(name="Critic", job="guards"))
    flow = ShareFlow(pair.ada)
    flow.choose_peer(pair.ben_at_ada.id)
    flow.choose_parts([critic.id])
    out = pair.folder / "for-ben.pjbundle"
    entry = flow.write(out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert b"guards" not in out.read_bytes() and b"Critic" not in out.read_bytes()
    opened = open_bundle(read_bundle_file(out), pair.ben.identity.get(),
                         pair.ben.peers.card_for)
    assert opened.contents.parts[0].fields == {"name": "Critic", "role": "unknown",
                                               "job": "guards"}
    assert entry.peer_name == "Ben" and entry.bundle_id == opened.contents.bundle_id
    assert entry.fields == DEFAULT_FIELDS
    assert pair.ada.share_log.list() == [entry]
    with pytest.raises(ValidationError, match="already exists"):
        flow.write(out)
    assert len(pair.ada.share_log.list()) == 1  # a refused write logs nothing
    flow.write(out, overwrite=True)
    assert len(pair.ada.share_log.list()) == 2


def test_withdrawal_only_bundle(pair: Pair) -> None:
    critic = pair.ada.parts.add(Part(name="Critic"))
    flow = ShareFlow(pair.ada)
    flow.choose_peer(pair.ben_at_ada.id)
    assert flow.withdrawable() == {}
    with pytest.raises(ValidationError, match="Only parts shared"):
        flow.choose_withdrawals([critic.id])
    flow.choose_parts([critic.id])
    flow.write(pair.folder / "1.pjbundle")
    again = ShareFlow(pair.ada)
    again.choose_peer(pair.ben_at_ada.id)
    assert again.withdrawable() == {critic.id: "Critic"}
    again.choose_withdrawals([critic.id])
    entry = again.write(pair.folder / "2.pjbundle")
    assert entry.parts == () and [w.name for w in entry.withdrawn] == ["Critic"]
    assert again.withdrawable() == {}


def test_no_display_name_no_bundle(pair: Pair) -> None:
    pair.ada.db.execute("UPDATE identity SET display_name = ''")
    flow = ShareFlow(pair.ada)
    flow.choose_peer(pair.ben_at_ada.id)
    flow.message = "hello"
    with pytest.raises(ValidationError, match="Choose the name your peers will see"):
        flow.prepare()


def test_part_deleted_after_choosing(pair: Pair) -> None:
    critic = pair.ada.parts.add(Part(name="Critic"))
    flow = ShareFlow(pair.ada)
    flow.choose_peer(pair.ben_at_ada.id)
    flow.choose_parts([critic.id])
    pair.ada.parts.delete(critic.id)
    with pytest.raises(NotFound, match="choose the parts again"):
        flow.prepare()
    assert not list(Path(pair.folder).glob("*.pjbundle"))


def test_an_uppercase_colour_is_shared_lowercase(pair: Pair) -> None:
    """A part saved as "#AA3366" goes out as "#aa3366", the one form docs/bundle-format.md allows."""
    critic = pair.ada.parts.add(Part(name="Critic", color="#AA3366"))
    assert pair.ada.parts.get(critic.id).color == "#AA3366"  # the journal keeps what was typed
    flow = ShareFlow(pair.ada)
    flow.choose_peer(pair.ben_at_ada.id)
    flow.choose_parts([critic.id])
    flow.set_fields(critic.id, ["color"])
    out = pair.folder / "colour.pjbundle"
    flow.write(out)
    opened = open_bundle(read_bundle_file(out), pair.ben.identity.get(),
                         pair.ben.peers.card_for)
    assert b'"color":"#aa3366"' in opened.payload and b"AA3366" not in opened.payload
    assert opened.contents.parts[0].fields["color"] == "#aa3366"
