"""The IFS words the app shows, translated: roles, kinds, stages, the 8 C's, feelings, prompts.

The words for enum values are written once, in English, in ``domain/words.py``; this module
translates them in the "Vocabulary" context (``tr``), and gives the Qt-free layers the same
translator (:func:`translate_words`).

Prompts are phrased the way a curious, kind Self might ask a part, so the empty field itself
invites the next step of getting to know it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from partsjournal.domain.model import (
    EntryKind,
    Feeling,
    PeerRole,
    Quality,
    RelationKind,
    Role,
    Stage,
)
from partsjournal.domain.words import (
    CONTEXT,
    FEELING_LABELS,
    KIND_LABELS,
    PEER_ROLE_LABELS,
    QUALITY_LABELS,
    RELATION_LABELS,
    ROLE_GROUP_LABELS,
    ROLE_LABELS,
    STAGE_LABELS,
)


def tr(text: str) -> str:
    """Translate in the vocabulary context."""
    return QCoreApplication.translate(CONTEXT, text)


def role_label(role: Role) -> str:
    """The translated singular name of a role."""
    return tr(ROLE_LABELS[role])


def role_group_label(role: Role) -> str:
    """The translated plural heading of a role group."""
    return tr(ROLE_GROUP_LABELS[role])


def kind_label(kind: EntryKind) -> str:
    """The translated name of an entry kind."""
    return tr(KIND_LABELS[kind])


def stage_label(stage: Stage) -> str:
    """The translated name of a stage."""
    return tr(STAGE_LABELS[stage])


def relation_label(kind: RelationKind) -> str:
    """The translated name of a relation kind."""
    return tr(RELATION_LABELS[kind])


def peer_role_label(role: PeerRole) -> str:
    """Explorer or companion."""
    return tr(PEER_ROLE_LABELS[role])


def quality_label(quality: Quality | str) -> str:
    """One of the 8 C's, translated."""
    return tr(QUALITY_LABELS[Quality(quality)])


def feeling_label(feeling: Feeling | str) -> str:
    """A feeling toward a part, as the guided session offers it and its entry writes it."""
    return tr(FEELING_LABELS[Feeling(feeling)])


def field_label(field: str) -> str:
    """The label of a part-profile field."""
    return {
        "name": tr("Name"), "role": tr("Role"), "job": tr("Its job"), "fears": tr("Fears"),
        "age": tr("Age"), "body": tr("In the body"), "appearance": tr("Appearance"),
        "burdens": tr("Burdens"), "needs": tr("Needs"), "triggers": tr("Triggers / trailheads"),
        "notes": tr("Notes"), "color": tr("Colour"), "trust_in_self": tr("Trust in Self"),
        "stage": tr("Stage"),
    }[field]


def field_prompt(field: str, role: Role = Role.UNKNOWN) -> str:
    """The IFS question shown as the placeholder of a part-profile field, asked as fits its role.

    Managers and parts not yet known are asked the protector's questions (its job, its positive
    intention, what it fears if it stopped); a firefighter is asked about what it steps in to
    stop; an exile protects nothing, so it is asked what it carries, longs for and fears.
    """
    if role is Role.EXILE and field in _EXILE_FIELDS:
        return _exile_prompt(field)
    if role is Role.FIREFIGHTER and field in _FIREFIGHTER_FIELDS:
        return _firefighter_prompt(field)
    return _protector_prompt(field)


def field_label_for(field: str, role: Role) -> str:
    """A field's label as fits the role: an exile has no job, it holds something."""
    if role is Role.EXILE and field == "job":
        return tr("What it holds")
    return field_label(field)


_EXILE_FIELDS = frozenset({"job", "fears", "age", "triggers"})
_FIREFIGHTER_FIELDS = frozenset({"job", "fears"})


def _exile_prompt(field: str) -> str:
    return {
        "job": tr("What does it hold for you — a memory, a feeling, a belief? What does it long "
                  "for?"),
        "fears": tr("What is it afraid of — being forgotten, being seen, being hurt again?"),
        "age": tr("How old does it seem? When did it get stuck there?"),
        "triggers": tr("What touches it? What brings its feelings up in you?"),
    }[field]


def _firefighter_prompt(field: str) -> str:
    return {
        "job": tr("What does it do when pain breaks through? What is it trying to stop you "
                  "feeling?"),
        "fears": tr("What does it fear would happen if it didn't step in?"),
    }[field]


def _protector_prompt(field: str) -> str:
    return {
        "name": tr("What would it like to be called?"),
        "job": tr("What does it do for you? What is its positive intention?"),
        "fears": tr("What does it fear would happen if it stopped doing its job?"),
        "age": tr("How old does it seem? How long has it had this job?"),
        "body": tr("Where do you feel it in or around your body?"),
        "appearance": tr("How does it appear — an image, a voice, a posture?"),
        "burdens": tr("What beliefs or feelings does it carry that aren't really its own?"),
        "needs": tr("What does it need from you (from Self)?"),
        "triggers": tr("What tends to bring it out? What trailheads lead to it?"),
        "notes": tr("Anything else you are learning about it."),
    }[field]
