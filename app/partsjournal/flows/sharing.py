"""The share flow: peer → parts → fields per part → preview → save a bundle → share log.

Plain Python, no Qt: the share wizard only presents a :class:`ShareFlow`. The slow step,
:meth:`PreparedShare.seal`, touches no database and can run in a worker thread; everything else
runs on the thread that opened the vault.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from partsjournal.domain.model import Part
from partsjournal.domain.session_contract import SessionContract
from partsjournal.errors import NotFound, ValidationError
from partsjournal.exchange.bundle import Encryptor, seal
from partsjournal.exchange.identity import Identity
from partsjournal.exchange.payload import (
    DEFAULT_FIELDS,
    BundleContents,
    build_contents,
    check_field_names,
)
from partsjournal.vault.fsutil import atomic_write
from partsjournal.vault.peers import Peer, ShareLogEntry

if TYPE_CHECKING:
    from partsjournal.vault.vault import Vault


@dataclass(frozen=True)
class PreparedShare:
    """A bundle ready to seal: exactly what the peer will see, and who it is for."""

    peer: Peer
    contents: BundleContents
    sender: Identity

    def seal(self, *, encrypt: Encryptor | None = None) -> bytes:
        """The ``.pjbundle`` bytes (CPU only, no database: fine in a worker thread)."""
        return seal(self.contents, self.sender, self.peer.card, encrypt=encrypt)


class ShareFlow:
    """What the person has chosen so far in the share wizard."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self.peer: Peer | None = None
        self.part_ids: list[str] = []
        self.fields: dict[str, tuple[str, ...]] = {}
        self.withdraw_ids: list[str] = []
        self.message = ""
        #: The person's wishes for the next session together, when they choose to share them.
        self.session_agreement: SessionContract | None = None

    # Step 1: peer --------------------------------------------------------------------------

    def peers(self) -> builtins.list[Peer]:
        """Everyone a bundle can be written for."""
        return self._vault.peers.list()

    def choose_peer(self, peer_id: str) -> Peer:
        """Pick the recipient."""
        self.peer = self._vault.peers.get(peer_id)
        self.withdraw_ids = []
        return self.peer

    # Step 2: parts and fields ----------------------------------------------------------------

    def available_parts(self) -> builtins.list[Part]:
        """The person's own parts that can be shared (archived ones included, last)."""
        parts = self._vault.parts.list(include_archived=True)
        return sorted(parts, key=lambda p: p.archived)

    def choose_parts(self, part_ids: Iterable[str]) -> None:
        """Pick the parts; a newly picked part starts with the default fields (name, role, job)."""
        chosen = list(dict.fromkeys(part_ids))
        for pid in chosen:
            self._vault.parts.get(pid)
        self.part_ids = chosen
        self.fields = {pid: self.fields.get(pid, DEFAULT_FIELDS) for pid in chosen}

    def set_fields(self, part_id: str, fields: Iterable[str]) -> tuple[str, ...]:
        """Choose the fields of one part (the name is always shared)."""
        if part_id not in self.fields:
            raise ValidationError("parts", "Choose the part before its fields.")
        self.fields[part_id] = check_field_names(fields)
        return self.fields[part_id]

    def set_fields_for_all(self, fields: Iterable[str]) -> tuple[str, ...]:
        """The same fields for every chosen part."""
        names = check_field_names(fields)
        self.fields = {pid: names for pid in self.part_ids}
        return names

    # Step 3: withdrawals -------------------------------------------------------------------

    def withdrawable(self) -> dict[str, str]:
        """Own parts shared with the chosen peer and not withdrawn since (id → name)."""
        if self.peer is None:
            return {}
        return self._vault.share_log.currently_shared(self.peer.id)

    def choose_withdrawals(self, part_ids: Iterable[str]) -> None:
        """Parts previously shared with this peer that the peer should remove."""
        chosen = list(dict.fromkeys(part_ids))
        known = self.withdrawable()
        for pid in chosen:
            if pid not in known:
                raise ValidationError("withdrawn", "Only parts shared with this peer can be "
                                      "withdrawn.")
        self.withdraw_ids = chosen

    # Step 4: preview and save ----------------------------------------------------------------

    def prepare(self) -> PreparedShare:
        """Build exactly what the peer will see (the preview), ready to seal."""
        if self.peer is None:
            raise ValidationError("peer", "Choose who to share with first.")
        if not self.part_ids and not self.withdraw_ids and not self.message.strip() \
                and self.session_agreement is None:
            raise ValidationError("parts", "Choose at least one part to share or withdraw, "
                                  "write a message, or share your wishes for a session.")
        identity = self._vault.identity.get()
        if not identity.display_name:
            raise ValidationError("display_name", "Choose the name your peers will see on your "
                                  "contact card first.")
        own = {p.id: p for p in self._vault.parts.list(include_archived=True)}
        if any(pid not in own for pid in self.part_ids):
            raise NotFound("One of the chosen parts no longer exists; choose the parts again.")
        parts = [own[pid] for pid in self.part_ids]
        contents = build_contents(identity.display_name, parts, self.fields,
                                  self._vault.relations.list(), self.withdraw_ids, self.message,
                                  session_agreement=self.session_agreement)
        return PreparedShare(self.peer, contents, identity)

    def record(self, prepared: PreparedShare) -> ShareLogEntry:
        """Add the share-log line once the bundle file is safely written."""
        return self._vault.share_log.record(prepared.peer, prepared.contents)

    def write(self, path: Path, *, overwrite: bool = False) -> ShareLogEntry:
        """Prepare, seal, write the file (atomically, private) and log it, in one go."""
        prepared = self.prepare()
        write_bundle_file(Path(path), prepared.seal(), overwrite=overwrite)
        return self.record(prepared)


def write_bundle_file(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write a sealed bundle atomically; refuses to replace a file unless told to."""
    if path.exists() and not overwrite:
        raise ValidationError("out", f"{path} already exists. Choose another file name.")
    atomic_write(path, data)
