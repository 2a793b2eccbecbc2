"""Full-text search over parts and entries, inside the encrypted file (docs/vault-format.md).

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
from partsjournal.vault.database import Database, Row
from partsjournal.vault.entries import EntryFilter
from partsjournal.vault.snippets import HIGHLIGHT_END, HIGHLIGHT_START, snippet, word_pattern
from partsjournal.vault.timefmt import from_db

#: As you type, entries are ranked among the this-many most recently written entries; older
#: matches are one "search all" away. Ranking every match of a common word in a 20,000-entry
#: journal takes longer than a keystroke should (see docs/performance.md).
RANK_WINDOW = 1000
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


class SearchResults(list[SearchHit]):
    """Hits, best first; ``truncated`` says entries were ranked among the recent ones only."""

    truncated: bool = False


def split_highlights(text: str) -> list[tuple[str, bool]]:
    """Split marker-delimited text into (text, is_match) pieces."""
    pieces: list[tuple[str, bool]] = []
    for i, chunk in enumerate(re.split(f"[{HIGHLIGHT_START}{HIGHLIGHT_END}]", text)):
        if chunk:
            pieces.append((chunk, i % 2 == 1))
    return pieces


#: Words so common that requiring them narrows nothing but costs a long index scan each.
#: Dropped from a query that has other words; a query of only these is kept whole.
STOPWORDS = frozenset("""
a an and are as at be but by for from had has have he her his i in is it its me my of on or
our she so that the their them then there they this to was we were what when which who with
you your
""".split())


def query_words(text: str) -> tuple[list[str], bool]:
    """The words to look for, and whether the last one is still being typed (a prefix)."""
    words = _WORD.findall(text)
    typing = bool(text) and not text[-1].isspace()
    kept = [w for i, w in enumerate(words)
            if w.casefold() not in STOPWORDS or (typing and i == len(words) - 1)]
    return (kept or words), typing


def fts_query(text: str) -> str | None:
    """Turn what the person typed into a safe FTS5 query, or None if there is nothing to find."""
    words, typing = query_words(text)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    if typing:
        quoted[-1] += "*"
    return " ".join(quoted)


class SearchService:
    """Ranked search across the person's parts and journal entries."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def search(self, text: str, *, limit: int = 50, include_parts: bool = True,
               include_entries: bool = True, where: EntryFilter | None = None,
               complete: bool = False) -> SearchResults:
        """Best matches first, parts and entries interleaved by rank.

        ``where`` narrows entries by kind, part and date range; a filter on entries also leaves
        out parts, since they have no kind or date. Unless ``complete``, entries are ranked among
        the :data:`RANK_WINDOW` most recently written matches (``truncated`` tells).
        """
        results = SearchResults()
        query = fts_query(text)
        if query is None:
            return results
        words, typing = query_words(text)
        pattern = word_pattern(tuple(words), typing)
        hits: list[SearchHit] = []
        filtered = where is not None and where != EntryFilter()
        if include_parts and not filtered:
            hits += self._parts(query, limit)
        if include_entries:
            hits += self._entries(query, pattern, limit, where or EntryFilter(), complete,
                                  results)
        hits.sort(key=lambda hit: hit.rank)
        results.extend(hits[:limit])
        return results



    def _parts(self, query: str, limit: int) -> list[SearchHit]:
        rows = self._db.all(
            "SELECT p.id, p.name, p.role, "
            f"snippet(parts_fts, -1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', "
            f"{_SNIPPET_TOKENS}), bm25(parts_fts, 10.0, 2.0, 2.0, 1.0, 1.0, 1.0, 2.0, 1.0, 1.0, "
            "1.0) AS rank FROM parts_fts JOIN parts p ON p.rowid = parts_fts.rowid "
            "WHERE parts_fts MATCH ? AND p.archived = 0 ORDER BY rank LIMIT ?", (query, limit))
        return [SearchHit(HitKind.PART, r[0], r[1], r[3], r[4], subtitle=Role(r[2]).value)
                for r in rows]

    def _entries(self, query: str, pattern: re.Pattern[str], limit: int, where: EntryFilter,
                 complete: bool, results: SearchResults) -> list[SearchHit]:
        newest = int(self._db.scalar("SELECT max(rowid) FROM entries") or 0)
        window = newest if complete else RANK_WINDOW
        while True:  # widen the window until it holds enough matches (a rarer word)
            floor = max(0, newest - window + 1)
            rows = self._ranked_entries(query, limit, where, floor)
            if len(rows) >= limit or floor == 0:
                break
            window *= 4
        results.truncated = floor > 0 and self._db.one(
            "SELECT 1 FROM entries_fts WHERE entries_fts MATCH ? AND rowid < ? LIMIT 1",
            (query, floor)) is not None
        return [SearchHit(HitKind.ENTRY, r[0], r[1], snippet([r[4], r[5], r[6], r[1]], pattern),
                          r[7], subtitle=EntryKind(r[2]).value, occurred_at=from_db(r[3]))
                for r in rows]

    def _ranked_entries(self, query: str, limit: int, where: EntryFilter,
                        floor: int) -> list[Row]:
        """Rank in FTS5 first (rowids only), then read the few rows shown."""
        clause, params = where.where()
        # The inner query sorts only rowids and scores (filters read just the small leading
        # columns); bodies are read for the few rows that are shown.
        return self._db.all(
            "SELECT e.id, e.title, e.kind, e.occurred_at, e.body, e.trailhead, e.debrief, "
            "best.score FROM (SELECT e.rowid AS hit, f.score AS score FROM "
            "(SELECT rowid AS hit, bm25(entries_fts, 5.0, 1.0, 2.0, 1.0) AS score "
            "FROM entries_fts WHERE entries_fts MATCH ? AND rowid >= ?) AS f "
            f"JOIN entries e ON e.rowid = f.hit WHERE {clause} ORDER BY f.score LIMIT ?) AS best "
            "JOIN entries e ON e.rowid = best.hit ORDER BY best.score",
            [query, floor, *params, limit])
