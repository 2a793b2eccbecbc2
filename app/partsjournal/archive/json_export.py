"""The full data export as one JSON file: the whole journal in the documented format.

The format is specified in docs/export-format.md and read back by
:mod:`partsjournal.archive.json_import`. Exporting is split into reading (``Vault.read_snapshot``,
on a thread that owns a connection) and writing (:func:`document_of`, :func:`to_json_bytes`,
:func:`write_json`), which touch no database and can run in a worker.

The file is plaintext, on purpose (it is for moving the journal elsewhere); whoever writes one
must tell the person so. The identity's private keys are never exported.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from partsjournal.archive import agreements_json, body_spots_json, checkins_json, pictures_json
from partsjournal.domain.model import C_QUALITIES, PART_TEXT_FIELDS, Entry, StageEvent, utc_now
from partsjournal.errors import JournalError
from partsjournal.vault.fsutil import atomic_write
from partsjournal.vault.snapshot import PartRecord, Snapshot
from partsjournal.vault.timefmt import to_db
from partsjournal.vault.vault import Vault

FORMAT = "parts-journal-export"
#: The newest format version this release writes and reads.
VERSION = 8
#: A file says the lowest version that reads it (docs/export-format.md, "Versions"). Each
#: version only adds one optional top-level key, which every older reader refuses as unknown:
#: version 1 is the first format (neither key), every release reads it;
VERSION_WITHOUT_WORDS = 1
#: version 2 adds ``personal_words``, written when the journal has at least one word;
VERSION_WITH_WORDS = 2
#: version 3 adds ``entry_templates``, written when the person has at least one own template;
VERSION_WITH_TEMPLATES = 3
#: version 4 adds ``agreements`` (the agreements ledger), written when there is at least one.
VERSION_WITH_AGREEMENTS = 4
#: version 5 adds ``body_spots`` (the body map), written when there is at least one spot;
VERSION_WITH_BODY_SPOTS = 5
#: version 6 adds ``checkin_reminders`` (planned check-ins), written when there is at least one;
VERSION_WITH_CHECKINS = 6
#: version 7 adds ``received_session_agreements`` (peers' wishes for a session), likewise;
VERSION_WITH_PEER_WISHES = 7
#: version 8 adds ``pictures`` (pictures of parts and entries, base64), likewise.
VERSION_WITH_PICTURES = 8

__all__ = ["FORMAT", "VERSION", "VERSION_WITHOUT_WORDS", "VERSION_WITH_AGREEMENTS",
           "VERSION_WITH_BODY_SPOTS", "VERSION_WITH_CHECKINS", "VERSION_WITH_PEER_WISHES",
           "VERSION_WITH_PICTURES",
           "VERSION_WITH_TEMPLATES",
           "VERSION_WITH_WORDS", "document_of", "export_json", "to_json_bytes", "version_of",
           "write_json"]


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


def version_of(snapshot: Snapshot) -> int:
    """The lowest format version that reads ``snapshot``'s file (docs/export-format.md).

    5 exactly when it has a body-map spot, else 4 exactly when it has an agreement, else 3
    exactly when it has an own entry template, else 2
    exactly when it has a personal word, else 1.
    """
    if snapshot.pictures:
        return VERSION_WITH_PICTURES
    if snapshot.peer_wishes:
        return VERSION_WITH_PEER_WISHES
    if snapshot.checkin_plans:
        return VERSION_WITH_CHECKINS
    if snapshot.body_spots:
        return VERSION_WITH_BODY_SPOTS
    if snapshot.agreements:
        return VERSION_WITH_AGREEMENTS
    if snapshot.entry_templates:
        return VERSION_WITH_TEMPLATES
    return VERSION_WITH_WORDS if snapshot.personal_words else VERSION_WITHOUT_WORDS


def document_of(snapshot: Snapshot, exported_at: datetime | None = None) -> dict[str, Any]:
    """The JSON object of an export (docs/export-format.md), keys in a readable order.

    The personal spelling words, the person's own entry templates and the agreements ledger are
    the last keys, each only there when there are some: a file without any is a version-1 file,
    exactly as before they existed (:func:`version_of`).
    """
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": version_of(snapshot),
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
    if snapshot.personal_words:
        document["personal_words"] = [{"word": w.word, "added_at": _time(w.added_at)}
                                      for w in snapshot.personal_words]
    if snapshot.entry_templates:
        document["entry_templates"] = [{"kind": t.kind.value, "body": t.body,
                                        "updated_at": _time(t.updated_at)}
                                       for t in sorted(snapshot.entry_templates,
                                                       key=lambda t: t.kind.value)]
    if snapshot.agreements:
        document[agreements_json.KEY] = agreements_json.to_json(snapshot.agreements)
    if snapshot.body_spots:
        document[body_spots_json.KEY] = body_spots_json.to_json(snapshot.body_spots)
    if snapshot.checkin_plans:
        document[checkins_json.PLANS_KEY] = checkins_json.plans_to_json(snapshot.checkin_plans)
    if snapshot.peer_wishes:
        document[checkins_json.WISHES_KEY] = checkins_json.wishes_to_json(snapshot.peer_wishes)
    if snapshot.pictures:
        document[pictures_json.KEY] = pictures_json.to_json(snapshot.pictures)
    return document


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
    return write_json(document_of(vault.read_snapshot(), now), path, overwrite=overwrite)
