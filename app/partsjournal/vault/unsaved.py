"""Writing that could not be saved when the journal locked, kept sealed until it can be.

When the disk is full, a save fails and the editor says so. Locking must still happen (after
idle time, on sleep, on Ctrl+L — nothing may stay readable on screen), and it must not throw the
text away. So at lock the pending edits are sealed with a key derived from the data key
(HKDF-SHA256, ChaCha20-Poly1305), both keys are forgotten, and only the ciphertext is kept: in
memory first, then — as soon as the disk has room — as a file in ``<vault>/unsaved/``. At the next
unlock the data key opens it again and the edits are stored; a file is deleted only once what it
holds is in the journal. The format is in docs/vault-format.md ("Unsaved writing").
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from partsjournal.domain.model import Entry, EntryKind, Part, PartPresence, PeerRole, Role, Stage
from partsjournal.errors import NotFound, ValidationError
from partsjournal.vault.fsutil import atomic_write, fsync_dir, make_private_dir
from partsjournal.vault.timefmt import from_db, to_db

if TYPE_CHECKING:
    from partsjournal.vault.vault import Vault

FOLDER = "unsaved"
SUFFIX = ".pjunsaved"
MAGIC = b"PJUNSAVED1\n"
KEY_INFO = b"parts-journal unsaved writing v1"
NONCE_BYTES = 12
#: A sealed file is one editor's worth of text; anything far larger is not ours.
MAX_FILE_BYTES = 8 << 20


@dataclass(frozen=True)
class PartEdit:
    """A part's profile as the form held it, and the note for a stage change in it."""

    part: Part
    is_new: bool = False
    stage_note: str = ""


@dataclass(frozen=True)
class UnsavedWriting:
    """Everything the pages could not store: entries, part profiles, map places, a card name."""

    entries: tuple[Entry, ...] = ()
    parts: tuple[PartEdit, ...] = ()
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    display_name: str | None = None

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to keep."""
        return not (self.entries or self.parts or self.positions or self.display_name)


@dataclass(frozen=True)
class SealedWriting:
    """Unsaved writing, encrypted; ``name`` is its file name (oldest sorts first)."""

    name: str
    data: bytes


@dataclass
class Recovery:
    """What storing sealed writing at unlock did."""

    stored: int = 0
    #: Edits the journal refused as they are (e.g. a title too long): back to the editor.
    refused_entries: list[Entry] = field(default_factory=list)
    refused_parts: list[PartEdit] = field(default_factory=list)


# Sealing ---------------------------------------------------------------------------------------

def _aead(data_key: bytes | bytearray) -> ChaCha20Poly1305:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=KEY_INFO).derive(data_key)
    return ChaCha20Poly1305(key)


def seal(writing: UnsavedWriting, data_key: bytes | bytearray, vault_id: str,
         now: datetime | None = None) -> SealedWriting:
    """Encrypt ``writing`` for this vault; the result can be kept without any key."""
    moment = now or datetime.now(UTC)
    nonce = os.urandom(NONCE_BYTES)
    plain = json.dumps(_document(writing), ensure_ascii=False).encode("utf-8")
    data = MAGIC + nonce + _aead(data_key).encrypt(nonce, plain, MAGIC + vault_id.encode())
    name = f"{moment.strftime('%Y%m%dT%H%M%S%fZ')}-{os.urandom(4).hex()}{SUFFIX}"
    return SealedWriting(name, data)


def open_sealed(sealed: SealedWriting, data_key: bytes | bytearray, vault_id: str
                ) -> UnsavedWriting:
    """Decrypt sealed writing; ValueError if it is not this vault's or was altered."""
    data = sealed.data
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + NONCE_BYTES + 16:
        raise ValueError("not sealed writing")
    nonce = data[len(MAGIC):len(MAGIC) + NONCE_BYTES]
    try:
        plain = _aead(data_key).decrypt(nonce, data[len(MAGIC) + NONCE_BYTES:],
                                        MAGIC + vault_id.encode())
    except InvalidTag as exc:
        raise ValueError("sealed for another journal, or altered") from exc
    return _writing(json.loads(plain.decode("utf-8")))


# Files -----------------------------------------------------------------------------------------

def folder_of(vault_dir: Path) -> Path:
    """Where sealed writing waits inside a vault."""
    return Path(vault_dir) / FOLDER


def store(vault_dir: Path, sealed: SealedWriting) -> Path:
    """Write sealed writing into the vault atomically; raises OSError (e.g. ENOSPC)."""
    folder = folder_of(vault_dir)
    make_private_dir(folder)
    path = folder / sealed.name
    atomic_write(path, sealed.data)
    return path


def stored(vault_dir: Path) -> list[SealedWriting]:
    """Sealed writing kept in the vault folder, oldest first (unreadable files are left be)."""
    folder = folder_of(vault_dir)
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        try:
            if path.stat().st_size <= MAX_FILE_BYTES:
                found.append(SealedWriting(path.name, path.read_bytes()))
        except OSError:
            continue
    return found


def forget(vault_dir: Path, names: Iterable[str]) -> None:
    """Delete stored files whose writing is now in the journal."""
    folder = folder_of(vault_dir)
    removed = False
    for name in names:
        path = folder / name
        if path.exists():
            path.unlink()
            removed = True
    if removed:
        fsync_dir(folder)


# Storing at unlock -----------------------------------------------------------------------------

def apply(vault: Vault, writing: UnsavedWriting, recovery: Recovery) -> None:
    """Store the edits; one the journal refuses as it is is collected, a full disk raises.

    The edits are newer than what the journal holds (their saves failed), so they replace it.
    All of it is one transaction, each edit a savepoint within it, so a retry never applies an
    edit twice.
    """
    with vault.db.transaction():  # a full disk rolls all of it back; it stays sealed
        for entry in writing.entries:
            try:
                with vault.db.transaction():
                    if _entry_exists(vault, entry.id):
                        vault.entries.update(entry)
                    else:
                        vault.entries.add(entry)
            except ValidationError:
                recovery.refused_entries.append(entry)
                continue
            recovery.stored += 1
        for edit in writing.parts:
            try:
                with vault.db.transaction():
                    try:
                        vault.parts.get(edit.part.id)
                    except NotFound:
                        vault.parts.add(edit.part, stage_note=edit.stage_note)
                    else:
                        vault.parts.update(edit.part, stage_note=edit.stage_note)
            except ValidationError:
                recovery.refused_parts.append(edit)
                continue
            recovery.stored += 1
        if writing.positions:
            known = {p.id for p in vault.parts.list(include_archived=True)}
            places = {k: v for k, v in writing.positions.items() if k in known}
            if places:
                vault.parts.set_positions(places)
                recovery.stored += 1
        if writing.display_name:
            try:
                vault.identity.set_display_name(writing.display_name)
                recovery.stored += 1
            except ValidationError:
                pass  # the card keeps its name; the field showed why when it was typed


def _entry_exists(vault: Vault, entry_id: str) -> bool:
    try:
        vault.entries.get(entry_id)
    except NotFound:
        return False
    return True


# The sealed document ---------------------------------------------------------------------------

def _time(moment: datetime) -> str:
    return to_db(moment)


def _entry_doc(e: Entry) -> dict[str, Any]:
    return {
        "id": e.id, "occurred_at": _time(e.occurred_at), "kind": e.kind.value,
        "title": e.title, "body": e.body, "trailhead": e.trailhead,
        "self_energy": e.self_energy, "qualities": dict(e.qualities),
        "parts": [{"part_id": p.part_id, "received_part_id": p.received_part_id,
                   "note": p.note, "name": p.name} for p in e.parts],
        "peer_id": e.peer_id, "my_role": e.my_role.value if e.my_role else None,
        "planned_minutes": e.planned_minutes, "agreements": e.agreements,
        "debrief": e.debrief, "created_at": _time(e.created_at),
        "updated_at": _time(e.updated_at),
    }


def _entry_of(v: dict[str, Any]) -> Entry:
    return Entry(
        id=v["id"], occurred_at=from_db(v["occurred_at"]), kind=EntryKind(v["kind"]),
        title=v["title"], body=v["body"], trailhead=v["trailhead"],
        self_energy=v["self_energy"], qualities=dict(v["qualities"]),
        parts=[PartPresence(part_id=p["part_id"], received_part_id=p["received_part_id"],
                            note=p["note"], name=p["name"]) for p in v["parts"]],
        peer_id=v["peer_id"], my_role=PeerRole(v["my_role"]) if v["my_role"] else None,
        planned_minutes=v["planned_minutes"], agreements=v["agreements"],
        debrief=v["debrief"], created_at=from_db(v["created_at"]),
        updated_at=from_db(v["updated_at"]))


_PART_TEXT = ("name", "job", "fears", "age", "body", "appearance", "burdens", "needs",
              "triggers", "notes", "color")


def _part_doc(edit: PartEdit) -> dict[str, Any]:
    p = edit.part
    value: dict[str, Any] = {name: getattr(p, name) for name in _PART_TEXT}
    value.update({"id": p.id, "role": p.role.value, "stage": p.stage.value,
                  "trust_in_self": p.trust_in_self, "archived": p.archived,
                  "created_at": _time(p.created_at), "updated_at": _time(p.updated_at),
                  "revision": p.revision})
    return {"part": value, "is_new": edit.is_new, "stage_note": edit.stage_note}


def _part_of(v: dict[str, Any]) -> PartEdit:
    p = v["part"]
    part = Part(**{name: p[name] for name in _PART_TEXT}, id=p["id"], role=Role(p["role"]),
                stage=Stage(p["stage"]), trust_in_self=p["trust_in_self"],
                archived=p["archived"], created_at=from_db(p["created_at"]),
                updated_at=from_db(p["updated_at"]), revision=p["revision"])
    return PartEdit(part, bool(v["is_new"]), v["stage_note"])


def _document(w: UnsavedWriting) -> dict[str, Any]:
    return {"version": 1, "entries": [_entry_doc(e) for e in w.entries],
            "parts": [_part_doc(p) for p in w.parts],
            "positions": {k: [x, y] for k, (x, y) in w.positions.items()},
            "display_name": w.display_name}


def _writing(doc: dict[str, Any]) -> UnsavedWriting:
    if doc.get("version") != 1:
        raise ValueError("sealed writing of an unknown version")
    return UnsavedWriting(
        entries=tuple(_entry_of(e) for e in doc["entries"]),
        parts=tuple(_part_of(p) for p in doc["parts"]),
        positions={k: (float(x), float(y)) for k, (x, y) in doc["positions"].items()},
        display_name=doc["display_name"])


def recover(vault: Vault, held: Iterable[SealedWriting]) -> tuple[Recovery, list[str]]:
    """Store what was held in memory and what waits in the vault folder, oldest first.

    Returns what happened and the names now in the journal (their files are deleted). Sealed
    writing that does not open with this journal's key is left where it is. A full disk raises
    :class:`~partsjournal.errors.DiskFull` and nothing is stored or deleted.
    """
    waiting = {s.name: s for s in stored(vault.folder)}
    waiting.update({s.name: s for s in held})
    recovery, done = Recovery(), []
    for name in sorted(waiting):
        try:
            writing = vault.open_unsaved(waiting[name])
        except (ValueError, KeyError, TypeError):
            continue
        apply(vault, writing, recovery)
        done.append(name)
    forget(vault.folder, done)
    return recovery, done
