"""The import flow: open a bundle → preview → apply, in one transaction (docs/bundle-format.md).

Plain Python, no Qt. Opening checks everything (decryption, known sender, MAC, payload) before a
preview exists; applying writes nothing unless all of it can be written. A bundle from a known
but *unverified* peer is imported, and the preview and every view mark that peer as not
verified (docs/bundle-format.md explains why this is the chosen behaviour).

Threads: :meth:`BundleImport.from_file` does everything on the calling thread. To keep the slow
part (reading and decrypting up to 16 MiB) off the GUI thread, take ``identity =
vault.identity.get()`` and ``cards = {p.fingerprint: p.card for p in vault.peers.list()}`` on the
GUI thread, run ``open_bundle(read_bundle_file(path), identity, cards.get)`` in a worker (it touches
no database), then build ``BundleImport(vault, opened)`` and call :meth:`BundleImport.apply` back
on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from partsjournal.domain.model import utc_now
from partsjournal.domain.session_contract import SessionContract
from partsjournal.errors import BundleRefusal, BundleRejected
from partsjournal.exchange.bundle import OpenedBundle, open_bundle, read_bundle_file
from partsjournal.exchange.payload import BundleContents, SharedPart
from partsjournal.vault.peers import HeldPart, Peer

if TYPE_CHECKING:
    from partsjournal.vault.vault import Vault


class PartChange(StrEnum):
    """What importing does to one part."""

    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    OLDER = "older"  # the bundle's copy is older than the one already received: kept ours
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class PreviewPart:
    """One line of the preview."""

    sender_part_id: str
    name: str
    change: PartChange
    revision: int | None
    previous_revision: int | None
    fields: tuple[str, ...]
    removed_fields: tuple[str, ...] = ()
    entry_count: int = 0


@dataclass(frozen=True)
class ImportPreview:
    """Everything the person sees before saying yes."""

    peer: Peer
    sender_name: str
    bundle_id: str
    created: datetime
    message: str
    parts: tuple[PreviewPart, ...]
    withdrawn: tuple[PreviewPart, ...]
    relation_count: int
    #: The peer's wishes for the next session together, if they shared them.
    session_agreement: SessionContract | None = None

    @property
    def verified(self) -> bool:
        """Whether the sender is a verified peer."""
        return self.peer.verified

    def of(self, change: PartChange) -> tuple[PreviewPart, ...]:
        """The lines with one kind of change."""
        lines = self.withdrawn if change is PartChange.WITHDRAWN else self.parts
        return tuple(p for p in lines if p.change is change)

    def summary_lines(self) -> list[str]:
        """The preview as plain text (the CLI prints it; received text is never markup)."""
        status = "verified" if self.verified else (
            "NOT VERIFIED: compare safety numbers before trusting it")
        lines = [f"Bundle from {self.peer.name} ({status})"]
        if self.sender_name != self.peer.name:
            lines.append(f"They call themselves: {self.sender_name}")
        lines.append(f"Made: {self.created.astimezone().strftime('%Y-%m-%d %H:%M')}")
        if self.message:
            lines.append("Message:")
            lines += [f"  {line}" for line in self.message.splitlines()]
        headings = [(PartChange.NEW, "New parts"), (PartChange.UPDATED, "Updated parts"),
                    (PartChange.UNCHANGED, "Unchanged parts"),
                    (PartChange.OLDER, "Older than the copy you have (yours is kept)"),
                    (PartChange.WITHDRAWN, f"Withdrawn by {self.peer.name} (will be removed)")]
        for change, heading in headings:
            items = self.of(change)
            if not items:
                continue
            lines.append(f"{heading} ({len(items)}):")
            for item in items:
                lines.append(f"  {_describe(item)}")
        if self.relation_count:
            lines.append(f"Relations among these parts: {self.relation_count}")
        if self.session_agreement is not None:
            lines.append(f"{self.peer.name}'s wishes for your next session together:")
            lines += [f"  {line[2:]}" for line in self.session_agreement.markdown().split("\n")
                      if line.startswith("- ")]
        return lines


def _describe(item: PreviewPart) -> str:
    text = item.name
    if item.change is PartChange.UPDATED and item.previous_revision is not None \
            and item.previous_revision != item.revision:
        text += f" (revision {item.previous_revision} → {item.revision})"
    if item.change is not PartChange.WITHDRAWN:
        text += f" — fields: {', '.join(item.fields)}"
    if item.removed_fields:
        text += f"; no longer shared: {', '.join(item.removed_fields)}"
    if item.change is PartChange.WITHDRAWN and item.entry_count:
        plural = "entry" if item.entry_count == 1 else "entries"
        text += (f" — it is in {item.entry_count} of your journal {plural}; it will be taken "
                 "out of them")
    return text


@dataclass(frozen=True)
class ImportResult:
    """What an applied import did."""

    peer: Peer
    added: int
    updated: int
    unchanged: int
    kept_newer: int
    withdrawn: int
    relations: int


def _classify(part: SharedPart, held: HeldPart | None) -> PreviewPart:
    names = part.field_names
    if held is None:
        return PreviewPart(part.id, part.name, PartChange.NEW, part.revision, None, names)
    if part.revision < held.revision:
        return PreviewPart(part.id, held.name, PartChange.OLDER, part.revision, held.revision,
                           held.field_names)
    removed = tuple(f for f in held.field_names if f not in part.fields)
    same = part.revision == held.revision and dict(part.fields) == dict(held.fields)
    change = PartChange.UNCHANGED if same else PartChange.UPDATED
    return PreviewPart(part.id, part.name, change, part.revision, held.revision, names,
                       removed, held.entry_count)


def _plan(contents: BundleContents, peer: Peer,
          held: Mapping[str, HeldPart]) -> ImportPreview:
    lines = tuple(_classify(p, held.get(p.id)) for p in contents.parts)
    gone = tuple(PreviewPart(pid, held[pid].name, PartChange.WITHDRAWN, None, held[pid].revision,
                             held[pid].field_names, (), held[pid].entry_count)
                 for pid in contents.withdrawn if pid in held)
    return ImportPreview(peer=peer, sender_name=contents.sender_name,
                         bundle_id=contents.bundle_id, created=contents.created,
                         message=contents.message, parts=lines, withdrawn=gone,
                         relation_count=len(contents.relations),
                         session_agreement=contents.session_agreement)


class BundleImport:
    """An opened bundle, its preview, and the one-transaction apply."""

    def __init__(self, vault: Vault, opened: OpenedBundle) -> None:
        self._vault = vault
        self.opened = opened
        self.contents = opened.contents
        self.applied = False
        peer = self._peer()
        if vault.received.has_bundle(peer.id, self.contents.bundle_id):
            raise _already_imported(peer)
        self.preview = _plan(self.contents, peer, vault.received.held_for_import(peer.id))

    @classmethod
    def from_bytes(cls, vault: Vault, data: bytes) -> BundleImport:
        """Open bundle bytes with the vault's identity and known peers."""
        opened = open_bundle(data, vault.identity.get(), vault.peers.card_for)
        return cls(vault, opened)

    @classmethod
    def from_file(cls, vault: Vault, path: Path) -> BundleImport:
        """Open a ``.pjbundle`` file (over 16 MiB is refused before it is read)."""
        return cls.from_bytes(vault, read_bundle_file(Path(path)))

    def _peer(self) -> Peer:
        peer = self._vault.peers.by_fingerprint(self.opened.sender.fingerprint)
        if peer is None:
            raise BundleRejected(
                BundleRefusal.UNKNOWN_SENDER, "The peer who sent this bundle is no longer "
                "in your journal. Nothing was changed.")
        return peer

    def apply(self) -> ImportResult:
        """Write the whole bundle in one transaction; on any failure nothing is written."""
        received = self._vault.received
        now = utc_now()
        with self._vault.db.transaction():
            peer = self._peer()
            if self.applied or received.has_bundle(peer.id, self.contents.bundle_id):
                raise _already_imported(peer)
            held = received.held_for_import(peer.id)
            plan = _plan(self.contents, peer, held)
            local_ids: dict[str, str] = {}
            for part, line in zip(self.contents.parts, plan.parts, strict=True):
                if line.change in (PartChange.NEW, PartChange.UPDATED):
                    local_ids[part.id] = received.store_for_import(peer.id, part, now)
                elif line.change is PartChange.UNCHANGED:
                    local_ids[part.id] = held[part.id].id
            relations = received.replace_relations_for_import(peer.id, local_ids,
                                                              self.contents.relations)
            withdrawn = received.withdraw_for_import(peer.id, self.contents.withdrawn)
            if self.contents.session_agreement is not None:
                self._vault.peer_agreements.store_for_import(
                    peer.id, self.contents.session_agreement, self.contents.created, now)
            received.record_bundle_for_import(peer.id, self.contents, now)
        self.applied = True
        self.preview = plan
        return ImportResult(
            peer=peer, added=len(plan.of(PartChange.NEW)), updated=len(plan.of(PartChange.UPDATED)),
            unchanged=len(plan.of(PartChange.UNCHANGED)), kept_newer=len(plan.of(PartChange.OLDER)),
            withdrawn=withdrawn, relations=relations)


def _already_imported(peer: Peer) -> BundleRejected:
    return BundleRejected(BundleRefusal.ALREADY_IMPORTED, f"You already imported this bundle from "
                          f"{peer.name}. Nothing was changed.")
