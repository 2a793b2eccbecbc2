"""The full data export as a folder of Markdown files: one per part and entry, with an index.

For reading in any text editor, not for importing back (the JSON export is the one that can be
imported; docs/export-format.md). Writing (:func:`write_markdown_folder`) touches no database and
can run in a worker; the journal is read first with ``Vault.read_snapshot``.

Entry bodies are copied verbatim (they are the person's own Markdown) — except that a line of
dialogue with a part (``Self: …``, ``The Critic: …``; :mod:`partsjournal.domain.dialogue`) and
the line next to it end in Markdown's hard line break (two spaces), so a Markdown viewer shows
each turn on its own line instead of running the conversation together. Every other piece of
journal text is escaped (:func:`partsjournal.reports.text.escape_markdown`) so it shows as
written and can never become a link, an image or markup. The files are plaintext, on purpose.
"""

from __future__ import annotations

import os
from collections import defaultdict
from datetime import datetime, tzinfo
from pathlib import Path

from partsjournal import APP_NAME
from partsjournal.domain.agreements import Agreement
from partsjournal.domain.body_map import describe
from partsjournal.domain.dialogue import Cast, dialogue_lines, speakers_for
from partsjournal.domain.model import (
    C_QUALITIES,
    PART_TEXT_FIELDS,
    Entry,
    EntryKind,
    PeerRole,
    Role,
    utc_now,
)
from partsjournal.domain.words import (
    AGREEMENT_STATUS_LABELS,
    KIND_LABELS,
    ROLE_GROUP_LABELS,
    ROLE_LABELS,
    STAGE_LABELS,
)
from partsjournal.errors import JournalError
from partsjournal.reports.text import escape_markdown, slug
from partsjournal.vault.fsutil import FILE_MODE, ensure_dir_exists_private
from partsjournal.vault.peers import ReceivedPart
from partsjournal.vault.snapshot import PartRecord, Snapshot
from partsjournal.vault.vault import Vault

__all__ = ["export_markdown", "write_markdown_folder"]


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
        self.entry_titles = {e.id: e.title or "Untitled" for e in snapshot.entries}
        self.cast = Cast(speakers_for(r.part for r in snapshot.parts))


def _turns_on_their_own_lines(body: str, cast: Cast) -> str:
    """``body`` with a hard line break after each turn and before it, where a line follows.

    Only the ends of lines change (two spaces, invisible in a text editor); a body with line
    separators other than the newline is left exactly as it is.
    """
    lines = body.split("\n")
    if len(body.splitlines()) != len(lines) - (1 if body.endswith("\n") else 0):
        return body
    turns = {t.number for t in dialogue_lines(body, cast)}
    if not turns:
        return body
    for number in range(len(lines) - 1):
        line, after = lines[number], lines[number + 1]
        if ((number in turns or number + 1 in turns) and line.strip() and after.strip()
                and not line.endswith(("  ", "\\"))):
            lines[number] = line.rstrip() + "  "
    return "\n".join(lines)


def _write_text(path: Path, lines: list[str]) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(lines).rstrip("\n") + "\n")


def write_markdown_folder(snapshot: Snapshot, folder: Path, *, tz: tzinfo | None = None,
                          now: datetime | None = None) -> Path:
    """Write ``index.md``, ``parts/``, ``received/`` and ``entries/`` into a new or empty folder.

    Entry bodies are copied verbatim (they are the person's own Markdown; a dialogue's turns
    get hard line breaks); every other piece of journal text is escaped so it shows as written.
    Returns the path of ``index.md``.
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
    return write_markdown_folder(vault.read_snapshot(), folder, tz=tz, now=now)


_HEADINGS = {"job": "Its job", "fears": "What it fears", "age": "Age",
             "body": "Where it is felt", "appearance": "How it appears",
             "burdens": "Burdens it carries", "needs": "What it needs from Self",
             "triggers": "Triggers and trailheads", "notes": "Notes"}


def _part_page(record: PartRecord, snapshot: Snapshot, names: _Names,
               part_names: dict[str, str], appears: dict[str, list[Entry]],
               tz: tzinfo | None) -> list[str]:
    p = record.part
    lines = [f"# {escape_markdown(p.name)}", "",
             f"- **Role:** {ROLE_LABELS[p.role]}",
             f"- **Stage:** {STAGE_LABELS[p.stage]}"]
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
            lines.append(f"- {_when(event.occurred_at, tz)}, {STAGE_LABELS[event.stage]}{note}")
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
    lines += _agreements([a for a in snapshot.agreements if a.part_id == p.id], names, tz)
    spots = [s for s in snapshot.body_spots if s.part_id == p.id]
    if spots:  # the body map (domain/body_map.py), one line a spot
        lines += ["## Where it is felt (body map)", "", *(f"- {escape_markdown(describe(s))}"
                                               for s in spots), ""]
    lines += _appearances(appears.get(p.id, []), names, tz)
    return lines


def _agreements(agreements: list[Agreement], names: _Names, tz: tzinfo | None) -> list[str]:
    """The part's agreements, oldest made first: status, words, last day, where it was made."""
    if not agreements:
        return []
    lines = ["## Agreements", ""]
    for a in agreements:
        status = AGREEMENT_STATUS_LABELS[a.status]
        if a.closed_at is not None:
            status = f"{status} {_day(a.closed_at, tz)}"
        until = "" if a.ends_on is None else f" (until {a.ends_on.isoformat()})"
        made = f"made {_when(a.made_at, tz)}"
        if a.entry_id is not None and a.entry_id in names.entries:
            target = "../entries/" + names.entries[a.entry_id]
            made += f" in {_link(names.entry_titles[a.entry_id], target)}"
        lines.append(f"- **{status}:** {escape_markdown(a.text)}{until}, {made}")
    return lines + [""]


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
        facts.append(f"- **Role:** {ROLE_LABELS[received.role]}")
    if received.stage is not None:
        facts.append(f"- **Stage:** {STAGE_LABELS[received.stage]}")
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
             f"- **Kind:** {KIND_LABELS[entry.kind]}"]
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
        lines += [_turns_on_their_own_lines(entry.body.strip("\n"), names.cast), ""]
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
            lines += [f"### {ROLE_GROUP_LABELS[role]}", ""]
            for part in sorted(group, key=lambda p: p.name.casefold()):
                archived = ", archived" if part.archived else ""
                lines.append(f"- {_link(part.name, 'parts/' + names.parts[part.id])} "
                             f"({STAGE_LABELS[part.stage]}{archived})")
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
            lines.append(f"- {_when(entry.occurred_at, tz)} · {KIND_LABELS[entry.kind]} · {link}")
        lines.append("")
    return lines
