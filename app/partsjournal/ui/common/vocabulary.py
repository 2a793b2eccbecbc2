"""The IFS words the app shows, translated: stages, prompts for each profile field, the 8 C's.

Prompts are phrased the way a curious, kind Self might ask a part, so the empty field itself
invites the next step of getting to know it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from partsjournal.domain.model import PeerRole, RelationKind, Stage


def tr(text: str) -> str:
    """Translate in the vocabulary context."""
    return QCoreApplication.translate("Vocabulary", text)


def stage_label(stage: Stage) -> str:
    """The translated name of a stage."""
    return {
        Stage.NOTICED: tr("Noticed"),
        Stage.GETTING_TO_KNOW: tr("Getting to know"),
        Stage.BEFRIENDED: tr("Befriended"),
        Stage.WITNESSED: tr("Witnessed"),
        Stage.RETRIEVED: tr("Retrieved"),
        Stage.UNBURDENED: tr("Unburdened"),
        Stage.INTEGRATED: tr("Integrated"),
    }[stage]


def relation_label(kind: RelationKind) -> str:
    """The translated name of a relation kind."""
    return {
        RelationKind.PROTECTS: tr("protects"),
        RelationKind.POLARIZED: tr("is polarized with"),
        RelationKind.ALLIED: tr("is allied with"),
    }[kind]


def peer_role_label(role: PeerRole) -> str:
    """Explorer or companion."""
    return {PeerRole.EXPLORER: tr("Explorer (my parts)"),
            PeerRole.COMPANION: tr("Companion (holding space)")}[role]


def quality_label(quality: str) -> str:
    """One of the 8 C's, translated."""
    return {
        "calm": tr("Calm"), "curiosity": tr("Curiosity"), "compassion": tr("Compassion"),
        "confidence": tr("Confidence"), "courage": tr("Courage"), "clarity": tr("Clarity"),
        "creativity": tr("Creativity"), "connectedness": tr("Connectedness"),
    }[quality]


def field_label(field: str) -> str:
    """The label of a part-profile field."""
    return {
        "name": tr("Name"), "role": tr("Role"), "job": tr("Its job"), "fears": tr("Fears"),
        "age": tr("Age"), "body": tr("In the body"), "appearance": tr("Appearance"),
        "burdens": tr("Burdens"), "needs": tr("Needs"), "triggers": tr("Triggers / trailheads"),
        "notes": tr("Notes"), "color": tr("Colour"), "trust_in_self": tr("Trust in Self"),
        "stage": tr("Stage"),
    }[field]


def field_prompt(field: str) -> str:
    """The IFS question shown as the placeholder of a part-profile field."""
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
