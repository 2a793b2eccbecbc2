"""The words for every enum value, written once, in English; and how a sentence is filled.

The app shows them translated: ``ui/common/vocabulary.py`` passes each through Qt's translator
in the "Vocabulary" context, and hands the therapy-prep summary, the Markdown export and the
guided session a translating function. The CLI and the exports read them as they are.
``QT_TRANSLATE_NOOP`` below only marks a string for Qt's ``lupdate`` (which finds the call by its
name), so this module stays free of Qt.

Each table covers its enum completely; tests/unit/test_words.py holds that for every table, so a
new role, stage or feeling can't reach the screen without words.

Sentences with values in them use Qt's numbered placeholders, ``%1`` … ``%9`` (what translators
know, and what lets a translation put the values in another order), filled by :func:`fill` —
the one placeholder style, in ``ui/`` and below it. It lives in ``partsjournal.placeholders``
(the first window fills its title without loading the data model) and is re-exported here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from partsjournal.domain.agreements import AgreementStatus
from partsjournal.domain.model import (
    EntryKind,
    Feeling,
    PeerRole,
    Quality,
    RelationKind,
    Role,
    Stage,
)
from partsjournal.placeholders import fill as fill  # here too, where it was always found

CONTEXT: Final = "Vocabulary"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Mark ``text`` for translation in ``context``; return it unchanged."""
    return text


ROLE_LABELS: Final[Mapping[Role, str]] = {
    Role.MANAGER: QT_TRANSLATE_NOOP("Vocabulary", "Manager"),
    Role.FIREFIGHTER: QT_TRANSLATE_NOOP("Vocabulary", "Firefighter"),
    Role.EXILE: QT_TRANSLATE_NOOP("Vocabulary", "Exile"),
    Role.UNKNOWN: QT_TRANSLATE_NOOP("Vocabulary", "Not sure yet"),
}

#: The heading of a group of parts of one role, as the parts list shows it.
ROLE_GROUP_LABELS: Final[Mapping[Role, str]] = {
    Role.MANAGER: QT_TRANSLATE_NOOP("Vocabulary", "Managers"),
    Role.FIREFIGHTER: QT_TRANSLATE_NOOP("Vocabulary", "Firefighters"),
    Role.EXILE: QT_TRANSLATE_NOOP("Vocabulary", "Exiles"),
    Role.UNKNOWN: QT_TRANSLATE_NOOP("Vocabulary", "Not sure yet"),
}

KIND_LABELS: Final[Mapping[EntryKind, str]] = {
    EntryKind.SOLO_SESSION: QT_TRANSLATE_NOOP("Vocabulary", "Solo session"),
    EntryKind.THERAPY_SESSION: QT_TRANSLATE_NOOP("Vocabulary", "Therapy session"),
    EntryKind.PEER_SESSION: QT_TRANSLATE_NOOP("Vocabulary", "Peer session"),
    EntryKind.CHECK_IN: QT_TRANSLATE_NOOP("Vocabulary", "Check-in"),
    EntryKind.NOTE: QT_TRANSLATE_NOOP("Vocabulary", "Note"),
}

STAGE_LABELS: Final[Mapping[Stage, str]] = {
    Stage.NOTICED: QT_TRANSLATE_NOOP("Vocabulary", "Noticed"),
    Stage.GETTING_TO_KNOW: QT_TRANSLATE_NOOP("Vocabulary", "Getting to know"),
    Stage.BEFRIENDED: QT_TRANSLATE_NOOP("Vocabulary", "Befriended"),
    Stage.WITNESSED: QT_TRANSLATE_NOOP("Vocabulary", "Witnessed"),
    Stage.RETRIEVED: QT_TRANSLATE_NOOP("Vocabulary", "Retrieved"),
    Stage.UNBURDENED: QT_TRANSLATE_NOOP("Vocabulary", "Unburdened"),
    Stage.INTEGRATED: QT_TRANSLATE_NOOP("Vocabulary", "Integrated"),
}

RELATION_LABELS: Final[Mapping[RelationKind, str]] = {
    RelationKind.PROTECTS: QT_TRANSLATE_NOOP("Vocabulary", "protects"),
    RelationKind.POLARIZED: QT_TRANSLATE_NOOP("Vocabulary", "is polarized with"),
    RelationKind.ALLIED: QT_TRANSLATE_NOOP("Vocabulary", "is allied with"),
}

PEER_ROLE_LABELS: Final[Mapping[PeerRole, str]] = {
    PeerRole.EXPLORER: QT_TRANSLATE_NOOP("Vocabulary", "Explorer (my parts)"),
    PeerRole.COMPANION: QT_TRANSLATE_NOOP("Vocabulary", "Companion (holding space)"),
}

QUALITY_LABELS: Final[Mapping[Quality, str]] = {
    Quality.CALM: QT_TRANSLATE_NOOP("Vocabulary", "Calm"),
    Quality.CURIOSITY: QT_TRANSLATE_NOOP("Vocabulary", "Curiosity"),
    Quality.COMPASSION: QT_TRANSLATE_NOOP("Vocabulary", "Compassion"),
    Quality.CONFIDENCE: QT_TRANSLATE_NOOP("Vocabulary", "Confidence"),
    Quality.COURAGE: QT_TRANSLATE_NOOP("Vocabulary", "Courage"),
    Quality.CLARITY: QT_TRANSLATE_NOOP("Vocabulary", "Clarity"),
    Quality.CREATIVITY: QT_TRANSLATE_NOOP("Vocabulary", "Creativity"),
    Quality.CONNECTEDNESS: QT_TRANSLATE_NOOP("Vocabulary", "Connectedness"),
}

#: How a feeling toward a part is offered in the guided session, and written in its entry.
FEELING_LABELS: Final[Mapping[Feeling, str]] = {
    Feeling.CURIOSITY: QT_TRANSLATE_NOOP("Vocabulary", "Curious"),
    Feeling.COMPASSION: QT_TRANSLATE_NOOP("Vocabulary", "Compassionate"),
    Feeling.CALM: QT_TRANSLATE_NOOP("Vocabulary", "Calm"),
    Feeling.OPENNESS: QT_TRANSLATE_NOOP("Vocabulary", "Open"),
    Feeling.ANNOYED: QT_TRANSLATE_NOOP("Vocabulary", "Annoyed"),
    Feeling.AFRAID: QT_TRANSLATE_NOOP("Vocabulary", "Afraid of it"),
    Feeling.IMPATIENT: QT_TRANSLATE_NOOP("Vocabulary", "Impatient"),
    Feeling.WANTING_IT_GONE: QT_TRANSLATE_NOOP("Vocabulary", "Wanting it gone"),
    Feeling.JUDGING: QT_TRANSLATE_NOOP("Vocabulary", "Judging it"),
    Feeling.OVERWHELMED: QT_TRANSLATE_NOOP("Vocabulary", "Overwhelmed"),
    Feeling.SORRY_FOR_IT: QT_TRANSLATE_NOOP("Vocabulary", "Sorry for it"),
    Feeling.NUMB: QT_TRANSLATE_NOOP("Vocabulary", "Numb or blank"),
    Feeling.NOT_SURE: QT_TRANSLATE_NOOP("Vocabulary", "Not sure"),
}

#: Where an agreement with a part stands (domain/agreements.py); "let go", not "broken": an
#: agreement that no longer fits is released without blame.
AGREEMENT_STATUS_LABELS: Final[Mapping[AgreementStatus, str]] = {
    AgreementStatus.OPEN: QT_TRANSLATE_NOOP("Vocabulary", "Open"),
    AgreementStatus.KEPT: QT_TRANSLATE_NOOP("Vocabulary", "Kept"),
    AgreementStatus.RELEASED: QT_TRANSLATE_NOOP("Vocabulary", "Let go"),
}
