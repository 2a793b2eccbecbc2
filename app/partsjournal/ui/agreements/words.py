"""How an agreement reads on screen: its words, its part, its last day — always plain text.

One place for the sentence, so the entry's panel, the This week panel and a guided session's
start say the same thing the same way. The part's name and the agreement's words are the
person's own (a part's name may also be one they typed after a peer's): they are put in with
:func:`~partsjournal.domain.words.fill` and isolated (``plain_text.isolate``), so a right-to-left
name cannot reorder the sentence, and shown only by plain-text widgets.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from partsjournal.domain.agreements import Agreement
from partsjournal.domain.words import AGREEMENT_STATUS_LABELS, fill
from partsjournal.ui.common.dates import short_date
from partsjournal.ui.common.plain_text import isolate
from partsjournal.ui.common.vocabulary import tr as vocabulary
from partsjournal.vault import Vault

CONTEXT = "Agreements"


def tr(text: str) -> str:
    """Translate in the agreements context."""
    return QCoreApplication.translate(CONTEXT, text)


def day_label(day: date) -> str:
    """A last day in the app's short date form ("5 Dec 2026")."""
    return short_date(datetime(day.year, day.month, day.day, 12).astimezone())


def agreement_line(agreement: Agreement, part_name: str | None = None) -> str:
    """"Eight: check in every morning · until 5 Dec 2026" (without the name when None)."""
    words = isolate(agreement.text)
    line = words if part_name is None else fill(tr("%1: %2"), isolate(part_name), words)
    if agreement.ends_on is not None:
        line = fill(tr("%1 · until %2"), line, day_label(agreement.ends_on))
    if not agreement.is_open:
        line = fill(tr("%1 · %2"), line, vocabulary(AGREEMENT_STATUS_LABELS[agreement.status]))
    return line


def open_agreements_text(vault: Vault, part_id: str) -> list[str]:
    """The open agreements with one part, one plain line each, soonest last day first.

    For a guided session's start ("Before you begin: what you agreed with this part"); an
    unknown or new part has none. Plain text: show it with a plain-text label.
    """
    return [agreement_line(a) for a in vault.agreements.list_open([part_id])]
