"""Full data export: the whole journal as documented JSON, or as a folder of Markdown files.

The JSON format is specified in docs/export-format.md and read back by
:mod:`partsjournal.reports.importer`. Exporting is split into reading (:func:`read_snapshot`, on
the thread that owns the database) and writing (:func:`document_of`, :func:`write_json`,
:func:`write_markdown_folder`, which touch no database and can run in a worker).

Both outputs are plaintext. The identity's private keys are never exported.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from partsjournal import APP_NAME
from partsjournal.domain.model import (
    C_QUALITIES,
    PART_TEXT_FIELDS,
    Entry,
    EntryKind,
    PeerRole,
    Role,
    StageEvent,
    utc_now,
)
from partsjournal.errors import JournalError
from partsjournal.reports.summary import KIND_WORDS, ROLE_WORDS, STAGE_WORDS
from partsjournal.reports.text import escape_markdown, slug
from partsjournal.vault.fsutil import FILE_MODE, atomic_write, ensure_dir_exists_private
from partsjournal.vault.peers import ReceivedPart
from partsjournal.vault.timefmt import to_db
from partsjournal.vault.transfer import PartRecord, Snapshot, read_snapshot
from partsjournal.vault.vault import Vault

FORMAT = "parts-journal-export"
VERSION = 1

__all__ = ["FORMAT", "VERSION", "document_of", "export_json", "export_markdown",
           "read_snapshot", "to_json_bytes", "write_json", "write_markdown_folder"]


# JSON --------------------------------------------------------------------------------------

def _time(moment: datetime | None) -> str | None:
    return None if moment is None else to_db(moment)


def _event(event: StageEvent) -> dict[str, Any]:
    return {"id": event.id, "stage": event.stage.value, "occurred_at": _time(event.occurred_at),
            "note": event.note}


def _part(record: PartRecord) -> dict[str, Any]:
    p = record.part
    value: dict[str, Any] = {"id": p.id, "name": p.name, "role": p.role.value}
    value.update({name: getattr(p, name) for name in PART_TEXT_FIELDS})
    value.update({
        "color": p.color, "trust_in_self": p.trust_in_self, "stage": p.stage.value,
        "archived": p.archived, "created_at": _time(p.created_at),
        "updated_at": _time(p.updated_at), "revision": p.revision,
        "map_position": None if record.position is None
        else {"x": record.position[0], "y": record.position[1]},
        "stage_history": [_event(e) for e in record.history],
    })
    return value


def _entry(e: Entry) -> dict[str, Any]:
    return {
        "id": e.id, "occurred_at": _time(e.occurred_at), "kind": e.kind.value, "title": e.title,
        "body": e.body, "trailhead": e.trailhead, "self_energy": e.self_energy,
        "qualities": {q: e.qualities[q] for q in C_QUALITIES if q in e.qualities},
        "parts": [{"part_id": p.part_id, "received_part_id": p.received_part_id,
                   "name": p.name, "note": p.note} for p in e.parts],
        "peer_id": e.peer_id, "my_role": e.my_role.value if e.my_role else None,
        "planned_minutes": e.planned_minutes, "agreements": e.agreements, "debrief": e.debrief,
        "created_at": _time(e.created_at), "updated_at": _time(e.updated_at),
    }


def document_of(snapshot: Snapshot, exported_at: datetime | None = None) -> dict[str, Any]:
    """The JSON object of an export (docs/export-format.md), keys in a readable order."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _time(exported_at or utc_now()),
        "identity": {"display_name": snapshot.display_name},
        "parts": [_part(r) for r in snapshot.parts],
        "relations": [{"id": r.id, "kind": r.kind.value, "from_part_id": r.from_part_id,
                       "to_part_id": r.to_part_id, "note": r.note,
                       "created_at": _time(r.created_at)} for r in snapshot.relations],
        "peers": [{"id": p.id, "name": p.name, "fingerprint": p.fingerprint.hex,
                   "verified": p.verified, "verified_at": _time(p.verified_at),
                   "added_at": _time(p.added_at), "card": p.card.to_armored()}
                  for p in snapshot.peers],
        "received_parts": [{"id": rp.id, "peer_id": rp.peer_id,
                            "sender_part_id": rp.sender_part_id, "revision": rp.revision,
                            "name": rp.name, "fields": dict(rp.fields),
                            "received_at": _time(rp.received_at)}
                           for rp in snapshot.received_parts],
        "received_relations": [{"id": r.id, "peer_id": r.peer_id, "kind": r.kind.value,
                                "from_received_id": r.from_received_id,
                                "to_received_id": r.to_received_id, "note": r.note}
                               for r in snapshot.received_relations],
        "received_bundles": [{"peer_id": b.peer_id, "bundle_id": b.bundle_id,
                              "created": _time(b.created), "imported_at": _time(b.imported_at)}
                             for b in snapshot.received_bundles],
        "entries": [_entry(e) for e in snapshot.entries],
        "share_log": [{"id": s.id, "peer_id": s.peer_id, "peer_name": s.peer_name,
                       "bundle_id": s.bundle_id, "shared_at": _time(s.shared_at),
                       "parts": [{"id": p.id, "name": p.name, "revision": p.revision,
                                  "fields": list(p.fields)} for p in s.parts],
                       "fields": list(s.fields),
                       "withdrawn": [{"id": w.id, "name": w.name} for w in s.withdrawn]}
                      for s in snapshot.share_log],
    }


def to_json_bytes(document: dict[str, Any]) -> bytes:
    """UTF-8 JSON, indented, text written as itself, ending with a newline."""
    return (json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
            + "\n").encode("utf-8")


def _refuse_existing(path: Path, overwrite: bool) -> None:
    if path.exists() and not overwrite:
        raise JournalError(f"{path} already exists. Choose another name, or allow replacing "
                           "it.")


def write_json(document: dict[str, Any], path: Path, *, overwrite: bool = False) -> Path:
    """Write an export document to ``path`` (a private file, written atomically)."""
    path = Path(path)
    _refuse_existing(path, overwrite)
    atomic_write(path, to_json_bytes(document))
    return path


def export_json(vault: Vault, path: Path, *, overwrite: bool = False,
                now: datetime | None = None) -> Path:
    """Export the whole journal as JSON to ``path``; returns the path."""
    return write_json(document_of(read_snapshot(vault), now), path, overwrite=overwrite)


# Markdown folder ---------------------------------------------------------------------------

def _when(moment: datetime, tz: tzinfo | None) -> str:
    local = moment.astimezone(tz) if tz is not None else moment.astimezone()
    return local.strftime("%Y-%m-%d %H:%M")


def _day(moment: datetime, tz: tzinfo | None) -> str:
    local = moment.astimezone(tz) if tz is not None else moment.astimezone()
    return local.strftime("%Y-%m-%d")


def _paragraphs(text: str) -> list[str]:
    """Plain text (a profile field) as Markdown that shows exactly that text, line by line."""
    lines = []
    for line in text.strip("\n").splitlines():
        lines.append(escape_markdown(line) + "  " if line.strip() else "")
    if lines:
        lines[-1] = lines[-1].rstrip()
    return lines


def _link(text: str, target: str) -> str:
    return f"[{escape_markdown(text)}]({target})"


class _Names:
    """File names for parts, received parts and entries: readable, ASCII, unique by id."""

    def __init__(self, snapshot: Snapshot, tz: tzinfo | None) -> None:
        self.parts = {r.part.id: f"{slug(r.part.name, 'part')}-{r.part.id[:8]}.md"
                      for r in snapshot.parts}
        self.received = {rp.id: f"{slug(rp.peer_name, 'peer')}-{slug(rp.name, 'part')}-"
                                f"{rp.id[:8]}.md" for rp in snapshot.received_parts}
        self.entries = {e.id: f"{_day(e.occurred_at, tz)}-{slug(e.title, 'entry')}-"
                              f"{e.id[:8]}.md" for e in snapshot.entries}


def _write_text(path: Path, lines: list[str]) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(lines).rstrip("\n") + "\n")


def write_markdown_folder(snapshot: Snapshot, folder: Path, *, tz: tzinfo | None = None,
                          now: datetime | None = None) -> Path:
    """Write ``index.md``, ``parts/``, ``received/`` and ``entries/`` into a new or empty folder.

    Entry bodies are copied verbatim (they are the person's own Markdown); every other piece of
    journal text is escaped so it shows as written. Returns the path of ``index.md``.
    """
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise JournalError(f"{folder} is not an empty folder. Choose a new or empty folder for "
                           "the export, so no other files get mixed in or replaced.")
    names = _Names(snapshot, tz)
    for sub in ("", "parts", "received", "entries"):
        ensure_dir_exists_private(folder / sub)
    appears: dict[str, list[Entry]] = defaultdict(list)
    for entry in snapshot.entries:
        for presence in entry.parts:
            appears[presence.part_id or presence.received_part_id or ""].append(entry)
    part_names = {r.part.id: r.part.name for r in snapshot.parts}
    for record in snapshot.parts:
        _write_text(folder / "parts" / names.parts[record.part.id],
                    _part_page(record, snapshot, names, part_names, appears, tz))
    for received in snapshot.received_parts:
        _write_text(folder / "received" / names.received[received.id],
                    _received_page(received, names, appears, tz))
    for entry in snapshot.entries:
        _write_text(folder / "entries" / names.entries[entry.id],
                    _entry_page(entry, snapshot, names, tz))
    index = folder / "index.md"
    _write_text(index, _index_page(snapshot, names, tz, now or utc_now()))
    return index


def export_markdown(vault: Vault, folder: Path, *, tz: tzinfo | None = None,
                    now: datetime | None = None) -> Path:
    """Export the whole journal as a Markdown folder; returns the path of its ``index.md``."""
    return write_markdown_folder(read_snapshot(vault), folder, tz=tz, now=now)


_HEADINGS = {"job": "Its job", "fears": "What it fears", "age": "Age",
             "body": "Where it is felt", "appearance": "How it appears",
             "burdens": "Burdens it carries", "needs": "What it needs from Self",
             "triggers": "Triggers and trailheads", "notes": "Notes"}
_ROLE_GROUPS = {Role.MANAGER: "Managers", Role.FIREFIGHTER: "Firefighters",
                Role.EXILE: "Exiles", Role.UNKNOWN: "Not sure yet"}


def _part_page(record: PartRecord, snapshot: Snapshot, names: _Names,
               part_names: dict[str, str], appears: dict[str, list[Entry]],
               tz: tzinfo | None) -> list[str]:
    p = record.part
    lines = [f"# {escape_markdown(p.name)}", "",
             f"- **Role:** {ROLE_WORDS[p.role]}",
             f"- **Stage:** {STAGE_WORDS[p.stage]}"]
    if p.trust_in_self is not None:
        lines.append(f"- **Trust in Self:** {p.trust_in_self} of 10")
    if p.color:
        lines.append(f"- **Colour:** {p.color}")
    if p.archived:
        lines.append("- **Archived**")
    lines += [f"- **First noted:** {_when(p.created_at, tz)}",
              f"- **Last changed:** {_when(p.updated_at, tz)}", ""]
    for name in PART_TEXT_FIELDS:
        text = getattr(p, name)
        if text.strip():
            lines += [f"## {_HEADINGS[name]}", "", *_paragraphs(text), ""]
    if record.history:
        lines += ["## Stage history", ""]
        for event in record.history:
            note = f": {escape_markdown(event.note)}" if event.note.strip() else ""
            lines.append(f"- {_when(event.occurred_at, tz)}, {STAGE_WORDS[event.stage]}{note}")
        lines.append("")
    relations = [r for r in snapshot.relations if p.id in (r.from_part_id, r.to_part_id)]
    if relations:
        lines += ["## Relationships", ""]
        for r in relations:
            other = r.to_part_id if r.from_part_id == p.id else r.from_part_id
            link = _link(part_names.get(other, "?"), names.parts.get(other, ""))
            if r.kind.directed:
                what = f"protects {link}" if r.from_part_id == p.id else f"protected by {link}"
            else:
                what = f"{r.kind.value} with {link}"
            note = f": {escape_markdown(r.note)}" if r.note.strip() else ""
            lines.append(f"- {what}{note}")
        lines.append("")
    lines += _appearances(appears.get(p.id, []), names, tz)
    return lines


def _appearances(entries: list[Entry], names: _Names, tz: tzinfo | None) -> list[str]:
    if not entries:
        return []
    lines = ["## Entries it appeared in", ""]
    for entry in entries:
        title = entry.title or "Untitled"
        lines.append(f"- {_day(entry.occurred_at, tz)}: "
                     f"{_link(title, '../entries/' + names.entries[entry.id])}")
    return lines + [""]


def _received_page(received: ReceivedPart, names: _Names, appears: dict[str, list[Entry]],
                   tz: tzinfo | None) -> list[str]:
    verified = "" if received.peer_verified else " (not verified)"
    lines = [f"# {escape_markdown(received.name)}", "",
             f"*Shared with you by {escape_markdown(received.peer_name)}{verified}, revision "
             f"{received.revision}, received {_when(received.received_at, tz)}. Read-only: "
             "this is their part, as they chose to share it.*", ""]
    facts = []
    if received.role is not None:
        facts.append(f"- **Role:** {ROLE_WORDS[received.role]}")
    if received.stage is not None:
        facts.append(f"- **Stage:** {STAGE_WORDS[received.stage]}")
    if received.fields.get("trust_in_self") is not None:
        facts.append(f"- **Trust in Self:** {received.fields['trust_in_self']} of 10")
    if received.text("color"):
        facts.append(f"- **Colour:** {escape_markdown(received.text('color'))}")
    lines += [*facts, ""] if facts else []
    for name in PART_TEXT_FIELDS:
        if received.text(name).strip():
            lines += [f"## {_HEADINGS[name]}", "", *_paragraphs(received.text(name)), ""]
    return lines + _appearances(appears.get(received.id, []), names, tz)


def _entry_page(entry: Entry, snapshot: Snapshot, names: _Names, tz: tzinfo | None
                ) -> list[str]:
    lines = [f"# {escape_markdown(entry.title or 'Untitled')}", "",
             f"- **When:** {_when(entry.occurred_at, tz)}",
             f"- **Kind:** {KIND_WORDS[entry.kind]}"]
    if entry.self_energy is not None:
        lines.append(f"- **Self-energy:** {entry.self_energy} of 10")
    if entry.qualities:
        rated = ", ".join(f"{q} {entry.qualities[q]}" for q in C_QUALITIES
                          if q in entry.qualities)
        lines.append(f"- **The 8 C's:** {rated}")
    if entry.kind is EntryKind.PEER_SESSION:
        peer = next((p.name for p in snapshot.peers if p.id == entry.peer_id), "")
        if peer:
            lines.append(f"- **Peer:** {escape_markdown(peer)}")
        if entry.my_role is not None:
            role = "explorer" if entry.my_role is PeerRole.EXPLORER else "companion"
            lines.append(f"- **My role:** {role}")
        if entry.planned_minutes:
            lines.append(f"- **Planned:** {entry.planned_minutes} minutes")
    if entry.trailhead.strip():
        lines.append(f"- **Trailhead:** {escape_markdown(entry.trailhead)}")
    if entry.parts:
        lines.append("- **Parts present:**")
    for presence in entry.parts:
        if presence.part_id:
            target = "../parts/" + names.parts[presence.part_id]
        else:
            target = "../received/" + names.received[presence.received_part_id or ""]
        note = f": {escape_markdown(presence.note)}" if presence.note.strip() else ""
        lines.append(f"  - {_link(presence.name, target)}{note}")
    lines.append("")
    if entry.body.strip():
        lines += [entry.body.strip("\n"), ""]
    for heading, text in (("Agreements", entry.agreements), ("Debrief", entry.debrief)):
        if text.strip():
            lines += [f"## {heading}", "", *_paragraphs(text), ""]
    return lines


def _index_page(snapshot: Snapshot, names: _Names, tz: tzinfo | None, now: datetime
                ) -> list[str]:
    lines = [f"# {APP_NAME}: everything, as Markdown", "",
             f"Exported {_when(now, tz)}: {len(snapshot.parts)} parts, "
             f"{len(snapshot.entries)} entries.", "",
             "**These files are not encrypted.** Anyone who can open this folder can read "
             "them. Keep it somewhere private, and delete it when you no longer need it.", ""]
    if snapshot.parts:
        lines += ["## Parts", ""]
        for role in Role:
            group = [r.part for r in snapshot.parts if r.part.role is role]
            if not group:
                continue
            lines += [f"### {_ROLE_GROUPS[role]}", ""]
            for part in sorted(group, key=lambda p: p.name.casefold()):
                archived = ", archived" if part.archived else ""
                lines.append(f"- {_link(part.name, 'parts/' + names.parts[part.id])} "
                             f"({STAGE_WORDS[part.stage]}{archived})")
            lines.append("")
    if snapshot.received_parts:
        lines += ["## Parts your peers shared with you", ""]
        for rp in snapshot.received_parts:
            lines.append(f"- {_link(rp.name, 'received/' + names.received[rp.id])}, from "
                         f"{escape_markdown(rp.peer_name)}")
        lines.append("")
    if snapshot.peers:
        lines += ["## Peers", ""]
        for peer in snapshot.peers:
            status = "verified" if peer.verified else "not verified"
            lines.append(f"- {escape_markdown(peer.name)} ({status}), fingerprint "
                         f"`{peer.fingerprint.grouped()}`")
        lines.append("")
    if snapshot.share_log:
        lines += ["## What you shared", ""]
        for shared in reversed(snapshot.share_log):
            what = ", ".join(escape_markdown(p.name) for p in shared.parts) or "nothing new"
            withdrawn = ", ".join(escape_markdown(w.name or w.id) for w in shared.withdrawn)
            extra = f"; withdrew {withdrawn}" if withdrawn else ""
            fields = f" (fields: {', '.join(shared.fields)})" if shared.fields else ""
            lines.append(f"- {_when(shared.shared_at, tz)}, with "
                         f"{escape_markdown(shared.peer_name)}: {what}{fields}{extra}")
        lines.append("")
    if snapshot.entries:
        lines += ["## Entries", ""]
        for entry in reversed(snapshot.entries):
            link = _link(entry.title or "Untitled", "entries/" + names.entries[entry.id])
            lines.append(f"- {_when(entry.occurred_at, tz)} · {KIND_WORDS[entry.kind]} · {link}")
        lines.append("")
    return lines
