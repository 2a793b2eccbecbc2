from __future__ import annotations

from datetime import UTC, datetime, timedelta

from partsjournal.domain import Entry, Part, PartPresence, Role
from partsjournal.exchange.identity import Identity
from partsjournal.exchange.payload import SharedPart
from partsjournal.vault import Vault
from partsjournal.vault.stats import appearance_counts, received_appearance_counts

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)


def entry(days_ago: float, *part_ids: str, received: tuple[str, ...] = ()) -> Entry:
    return Entry(occurred_at=NOW - timedelta(days=days_ago), title=f"{days_ago} days ago",
                 parts=[PartPresence(part_id=pid) for pid in part_ids]
                 + [PartPresence(received_part_id=rid) for rid in received])


def test_counts_entries_per_part_inside_the_window(vault: Vault) -> None:
    critic = vault.parts.add(Part("Critic", Role.MANAGER))
    scroller = vault.parts.add(Part("Scroller", Role.FIREFIGHTER))
    quiet = vault.parts.add(Part("Quiet one", Role.EXILE))
    old = vault.parts.add(Part("Long gone", Role.UNKNOWN, archived=True))
    for e in (entry(1, critic.id, scroller.id), entry(10, critic.id), entry(89, critic.id),
              entry(91, critic.id, old.id), entry(200, scroller.id, old.id),
              entry(30, old.id)):
        vault.entries.add(e)
    counts = appearance_counts(vault.db, NOW - timedelta(days=90))
    assert counts == {critic.id: 3, scroller.id: 1, old.id: 1}
    assert quiet.id not in counts
    # The start is inclusive; an upper bound is exclusive.
    assert appearance_counts(vault.db, NOW - timedelta(days=89))[critic.id] == 3
    assert appearance_counts(vault.db, NOW - timedelta(days=90),
                             until=NOW - timedelta(days=5)) == {critic.id: 2, old.id: 1}
    assert appearance_counts(vault.db, NOW + timedelta(days=1)) == {}


def test_empty_journal_has_no_counts(vault: Vault) -> None:
    vault.parts.add(Part("Alone"))
    assert appearance_counts(vault.db, NOW - timedelta(days=90)) == {}
    assert received_appearance_counts(vault.db, NOW - timedelta(days=90)) == {}


def test_received_parts_are_counted_apart_from_own_parts(vault: Vault) -> None:
    mine = vault.parts.add(Part("Mine", Role.MANAGER))
    peer = vault.peers.add(Identity.generate("Sam").card())
    with vault.db.transaction():
        theirs = vault.received.store_for_import(
            peer.id, SharedPart("11111111-1111-4111-8111-111111111111", 1,
                                {"name": "Theirs", "role": "exile"}), NOW)
    vault.entries.add(entry(2, mine.id, received=(theirs,)))
    vault.entries.add(entry(3, received=(theirs,)))
    vault.entries.add(entry(120, received=(theirs,)))
    since = NOW - timedelta(days=90)
    assert appearance_counts(vault.db, since) == {mine.id: 1}
    assert received_appearance_counts(vault.db, since) == {theirs: 2}
