"""Paused guided sessions (drafts), kept inside the encrypted database until resumed.

A draft is the JSON state of a plain-Python flow (e.g. :class:`partsjournal.flows.six_fs.
SixFsFlow`) with a kind, a short title and two times. Drafts live as rows of the existing
``meta`` key/value table under the key prefix ``draft:``, so they need no table of their own
and no schema migration: they came before schema version 3 and work unchanged in every version
since (the versions and their migrations are in :mod:`partsjournal.vault.schema` and
docs/vault-format.md). Like everything else in ``journal.db`` they are encrypted, covered by
backups, and zeroed on delete (``secure_delete``). They are not part of the data export
(:mod:`partsjournal.vault.snapshot`), which holds the journal's content, not paused sessions.
"""

from __future__ import annotations

import builtins
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from partsjournal.domain.model import new_id, utc_now
from partsjournal.domain.validation import MAX_NAME, check_text
from partsjournal.errors import NotFound, ValidationError, VaultError
from partsjournal.vault.database import Database
from partsjournal.vault.timefmt import from_db, to_db

#: Every draft's ``meta`` key starts with this.
KEY_PREFIX = "draft:"
#: A draft's state may hold several long answers, but never more than this many characters.
MAX_STATE = 2_000_000


@dataclass(frozen=True)
class Draft:
    """A paused flow: what kind, a title to recognise it by, and its JSON state."""

    id: str
    kind: str
    title: str
    state: str
    created_at: datetime
    updated_at: datetime


class DraftRepository:
    """Stores, lists and removes paused flows."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def save(self, kind: str, title: str, state: str, draft_id: str | None = None,
             *, at: datetime | None = None) -> Draft:
        """Store a new draft, or replace the one with ``draft_id``; returns it as stored."""
        if not kind or not kind.isidentifier():
            raise ValidationError("kind", "A draft needs a simple kind name.")
        title = check_text(title.strip().replace("\n", " "), "title", "The draft's title")
        title = title[:MAX_NAME]
        if len(state) > MAX_STATE:
            raise ValidationError("state", "This session has grown too long to be paused.")
        try:
            json.loads(state)
        except ValueError as exc:
            raise ValidationError("state", "The session could not be saved for later.") \
                from exc
        now = at or utc_now()
        with self._db.transaction():
            created = now
            if draft_id is not None:
                created = self.get(draft_id).created_at
            draft = Draft(draft_id or new_id(), kind, title, state, created, now)
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
                "DO UPDATE SET value = excluded.value",
                (KEY_PREFIX + draft.id, _encode(draft)))
        return draft

    def get(self, draft_id: str) -> Draft:
        """The draft with this id, or :class:`NotFound`."""
        value = self._db.scalar("SELECT value FROM meta WHERE key = ?", (KEY_PREFIX + draft_id,))
        if value is None:
            raise NotFound("That paused session is no longer there.")
        return _decode(draft_id, str(value))

    def list(self, kind: str | None = None) -> builtins.list[Draft]:
        """Drafts (of one kind, or all), most recently paused first."""
        rows = self._db.all("SELECT key, value FROM meta WHERE substr(key, 1, ?) = ?",
                            (len(KEY_PREFIX), KEY_PREFIX))
        drafts = [_decode(str(key)[len(KEY_PREFIX):], str(value)) for key, value in rows]
        if kind is not None:
            drafts = [d for d in drafts if d.kind == kind]
        return sorted(drafts, key=lambda d: (d.updated_at, d.id), reverse=True)

    def count(self, kind: str | None = None) -> int:
        """How many drafts there are (of one kind, or all)."""
        return len(self.list(kind))

    def delete(self, draft_id: str) -> None:
        """Remove a draft (after it was finished or discarded); a missing one is fine."""
        with self._db.transaction():
            self._db.execute("DELETE FROM meta WHERE key = ?", (KEY_PREFIX + draft_id,))


def _encode(draft: Draft) -> str:
    return json.dumps({"kind": draft.kind, "title": draft.title,
                       "created_at": to_db(draft.created_at),
                       "updated_at": to_db(draft.updated_at), "state": draft.state},
                      ensure_ascii=False)


def _decode(draft_id: str, value: str) -> Draft:
    try:
        data: Any = json.loads(value)
        return Draft(id=draft_id, kind=str(data["kind"]), title=str(data["title"]),
                     state=str(data["state"]), created_at=from_db(str(data["created_at"])),
                     updated_at=from_db(str(data["updated_at"])))
    except (ValueError, KeyError, TypeError) as exc:
        raise VaultError("A paused session in this journal is damaged and can't be read.") \
            from exc
