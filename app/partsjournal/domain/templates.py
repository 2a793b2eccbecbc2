"""The default template of each kind of entry: where a new entry's text starts.

A template is a starting point, not a form: a heading or two and a gentle question, written the
way a curious, kind Self might ask. The person can make their own for any kind (Settings ▸
Templates); those are journal data and live in the vault (``vault/templates.py``, schema 4).

The defaults are written here in English and marked for Qt's ``lupdate`` with
``QT_TRANSLATE_NOOP`` in the :data:`CONTEXT` context, so this module stays free of Qt; the app
passes a translating function (``ui/settings/templates_page.py``'s ``translate_template``).
A therapy template offers a ``Q:`` line, because the therapy-prep summary collects the lines
that start with ``Q:`` as the questions to bring.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from partsjournal.domain.model import EntryKind
from partsjournal.domain.words import QT_TRANSLATE_NOOP

#: The translation context of the default templates.
CONTEXT: Final = "Templates"

# The longest template the journal keeps, in characters (an entry's text may be longer).
MAX_TEMPLATE: Final = 10_000

Translate = Callable[[str], str]

# The "#:" lines below are the translators' notes (lupdate hands them on).

#: Markdown: keep "## " at the start of a heading line and the blank lines between them.
CHECK_IN: Final = QT_TRANSLATE_NOOP(
    "Templates",
    "## Who is here today?\n\n\n## What do they need?\n\n")

#: Markdown: keep "## " at the start of a heading line and the blank lines between them.
SOLO_SESSION: Final = QT_TRANSLATE_NOOP(
    "Templates",
    "## Find\nWhat is asking for my attention?\n\n"
    "## Focus\n\n\n"
    "## Flesh out\nWhere do I notice it? What is it like?\n\n"
    "## Feel toward\nHow do I feel toward this part?\n\n"
    "## Befriend\n\n\n"
    "## Fear\nWhat is it afraid would happen if it stopped?\n\n")

#: Markdown: keep "## " at the start of a heading line; keep "Q: " as it is, since the
#: therapy-prep summary collects the lines that start with it as questions to bring.
THERAPY_SESSION: Final = QT_TRANSLATE_NOOP(
    "Templates",
    "## What happened\n\n\n"
    "## What I want to bring next time\n\n\n"
    "A question for my therapist:\nQ: ")

#: Markdown: keep "## " at the start of a heading line and the blank lines between them.
PEER_SESSION: Final = QT_TRANSLATE_NOOP(
    "Templates",
    "## What I explored\n\n\n"
    "## What my companion noticed\n\n\n"
    "## Our agreements\n\n")


def default_template(kind: EntryKind, tr: Translate | None = None) -> str:
    """The default template of ``kind``, put through ``tr`` (``None``: in English).

    A note starts empty: it is for whatever doesn't fit a shape.
    """
    match EntryKind(kind):
        case EntryKind.CHECK_IN:
            text = CHECK_IN
        case EntryKind.SOLO_SESSION:
            text = SOLO_SESSION
        case EntryKind.THERAPY_SESSION:
            text = THERAPY_SESSION
        case EntryKind.PEER_SESSION:
            text = PEER_SESSION
        case EntryKind.NOTE:
            return ""
    return tr(text) if tr is not None and text else text
