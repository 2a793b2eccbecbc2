"""Full-text search over parts and entries, inside the encrypted file (DESIGN §4).

Typed words become an FTS5 query in which every word must match and the last one may be
unfinished (search as you type). Quotes and FTS operators typed by the person are taken literally.
Snippets mark matches with private markers (the STX and ETX control characters) that cannot
occur in stored text, because validation refuses control characters; the UI turns them into
highlighting without ever parsing stored text as markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from partsjournal.domain.model import EntryKind, Role
from partsjournal.vault.database import Database
from partsjournal.vault.entries import EntryFilter
from partsjournal.vault.timefmt import from_db

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)
_SNIPPET_TOKENS = 14


class HitKind(StrEnum):
    """What a search hit points at."""

    PART = "part"
    ENTRY = "entry"


@dataclass(frozen=True)
class SearchHit:
    """One result: what it is, its title line, and a snippet with marked matches."""

    kind: HitKind
    id: str
    title: str
    snippet: str
    rank: float
    subtitle: str = ""
    occurred_at: datetime | None = None

    def snippet_segments(self) -> list[tuple[str, bool]]:
        """The snippet as (text, is_match) pieces, ready for plain-text highlighting."""
        return split_highlights(self.snippet)


def split_highlights(text: str) -> list[tuple[str, bool]]:
    """Split marker-delimited text into (text, is_match) pieces."""
    pieces: list[tuple[str, bool]] = []
    for i, chunk in enumerate(re.split(f"[{HIGHLIGHT_START}{HIGHLIGHT_END}]", text)):
        if chunk:
            pieces.append((chunk, i % 2 == 1))
    return pieces


def fts_query(text: str) -> str | None:
    """Turn what the person typed into a safe FTS5 query, or None if there is nothing to find."""
    words = _WORD.findall(text)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    if text and not text[-1].isspace():
        quoted[-1] += "*"
    return " ".join(quoted)


class SearchService:
    """Ranked search across the person's parts and journal entries."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def search(self, text: str, *, limit: int = 50, include_parts: bool = True,
               include_entries: bool = True, where: EntryFilter | None = None) -> list[SearchHit]:
        """Best matches first, parts and entries interleaved by rank.

        ``where`` narrows entries by kind, part and date range; a filter on entries also leaves
        out parts, since they have no kind or date.
        """
        query = fts_query(text)
        if query is None:
            return []
        hits: list[SearchHit] = []
        filtered = where is not None and where != EntryFilter()
        if include_parts and not filtered:
            hits += self._parts(query, limit)
        if include_entries:
            hits += self._entries(query, limit, where or EntryFilter())
        hits.sort(key=lambda hit: hit.rank)
        return hits[:limit]

    def _parts(self, query: str, limit: int) -> list[SearchHit]:
        rows = self._db.all(
            "SELECT p.id, p.name, p.role, "
            f"snippet(parts_fts, -1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', "
            f"{_SNIPPET_TOKENS}), bm25(parts_fts, 10.0, 2.0, 2.0, 1.0, 1.0, 1.0, 2.0, 1.0, 1.0, "
            "1.0) AS rank FROM parts_fts JOIN parts p ON p.rowid = parts_fts.rowid "
            "WHERE parts_fts MATCH ? AND p.archived = 0 ORDER BY rank LIMIT ?", (query, limit))
        return [SearchHit(HitKind.PART, r[0], r[1], r[3], r[4], subtitle=Role(r[2]).value)
                for r in rows]

    def _entries(self, query: str, limit: int, where: EntryFilter) -> list[SearchHit]:
        clause, params = where.where()
        rows = self._db.all(
            "SELECT e.id, e.title, e.kind, e.occurred_at, "
            f"snippet(entries_fts, -1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', "
            f"{_SNIPPET_TOKENS}), bm25(entries_fts, 5.0, 1.0, 2.0, 1.0) AS rank "
            "FROM entries_fts JOIN entries e ON e.rowid = entries_fts.rowid "
            f"WHERE entries_fts MATCH ? AND {clause} ORDER BY rank LIMIT ?",
            [query, *params, limit])
        return [SearchHit(HitKind.ENTRY, r[0], r[1], r[4], r[5], subtitle=EntryKind(r[2]).value,
                          occurred_at=from_db(r[3])) for r in rows]
