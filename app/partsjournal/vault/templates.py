"""Entry templates: the person's own starting text for each kind of entry, inside the vault.

A template can hold personal prompts ("What is the Critic saying about work?"), so it is journal
data, not a preference: it lives in the ``entry_templates`` table (schema version 4), encrypted
with the rest, never in the settings file. A kind without a row there starts from its default
(:mod:`partsjournal.domain.templates`).

For the entry editor, two functions (both take a ``tr`` that translates the defaults, the same
one each time; ``None`` keeps them in English):

- :func:`starting_body` — the text a new entry of a kind starts with;
- :func:`is_untouched` — whether an entry's text is still just that (modulo trailing
  whitespace), so the entry counts as empty: it is not stored until the person writes something
  of their own, and switching the kind of such a new entry may swap the template.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from partsjournal.domain.model import EntryKind, utc_now
from partsjournal.domain.templates import MAX_TEMPLATE, Translate, default_template
from partsjournal.domain.validation import check_text
from partsjournal.errors import ValidationError
from partsjournal.vault.timefmt import to_db

if TYPE_CHECKING:
    from partsjournal.vault.database import Database
    from partsjournal.vault.vault import Vault


def check_template(body: str) -> str:
    """``body`` unchanged, or ValidationError if it is too long or holds control characters."""
    if len(body) > MAX_TEMPLATE:
        raise ValidationError(
            "template", f"A template can be at most {MAX_TEMPLATE:,} characters; this one has "
                        f"{len(body):,}. A template is a starting point: keep it short.")
    return check_text(body, "template", "The template")


class EntryTemplates:
    """Reads, sets and resets the template of each kind of entry."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, kind: EntryKind, tr: Translate | None = None) -> str:
        """The person's own template for ``kind``, else the default (put through ``tr``)."""
        custom = self.custom(kind)
        return default_template(kind, tr) if custom is None else custom

    def custom(self, kind: EntryKind) -> str | None:
        """The person's own template for ``kind``, or None when it uses the default."""
        row = self._db.one("SELECT body FROM entry_templates WHERE kind = ?",
                           (EntryKind(kind).value,))
        return None if row is None else str(row[0])

    def is_custom(self, kind: EntryKind) -> bool:
        """True when the person has made their own template for ``kind`` (an empty one counts)."""
        return self.custom(kind) is not None

    def set(self, kind: EntryKind, body: str) -> None:
        """Keep ``body`` as the template for ``kind``; an empty one means "start empty"."""
        kind = EntryKind(kind)
        check_template(body)
        self._db.execute(
            "INSERT INTO entry_templates (kind, body, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (kind) DO UPDATE SET body = excluded.body, "
            "updated_at = excluded.updated_at",
            (kind.value, body, to_db(utc_now())))

    def reset(self, kind: EntryKind) -> None:
        """Forget the person's template for ``kind``: it starts from the default again."""
        self._db.execute("DELETE FROM entry_templates WHERE kind = ?", (EntryKind(kind).value,))


def starting_body(vault: Vault, kind: EntryKind, tr: Translate | None = None) -> str:
    """The text a new entry of ``kind`` starts with: the person's template, else the default."""
    return vault.templates.get(kind, tr)


def is_untouched(body: str, vault: Vault, kind: EntryKind, tr: Translate | None = None) -> bool:
    """True when ``body`` is still the template of ``kind``, give or take trailing whitespace.

    An empty (or blank) body is untouched too. The English default also counts when ``tr``
    translates it, so an entry started before the app's language changed is still recognised.
    """
    text = body.rstrip()
    if not text:
        return True
    candidates = {vault.templates.get(kind, tr)}
    if not vault.templates.is_custom(kind):
        candidates.add(default_template(kind))
    return any(text == candidate.rstrip() for candidate in candidates)
