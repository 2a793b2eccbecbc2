"""The peer-session agreements in the person's language (the same words as the flow's defaults).

Kept apart from the panel (peer_session.py) so the wording can be read, and translated, in one
place; the panel and the tests read the same texts.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from partsjournal.flows.peer_session import default_agreements


def tr(text: str) -> str:
    """Translate in the peer-session context."""
    return QCoreApplication.translate("PeerSession", text)


def agreement_texts() -> dict[str, str]:
    """The default agreements, translated (the same words as the flow's English defaults)."""
    return {
        "confidentiality": tr("What is shared here stays here. Neither of us writes down or "
                              "repeats the other's material."),
        "equal_footing": tr("We meet as equals: nobody is the expert, and we take turns."),
        "speak_for_parts": tr("We speak for our parts, not from them: \"a part of me is "
                              "angry\", not \"I am angry at you\"."),
        "pause_or_stop": tr("Either of us can pause or stop at any time, without explaining "
                            "why."),
        "no_advice": tr("No advice, fixing or interpreting unless it is asked for."),
        "protectors_first": tr("We ask protectors' permission before going toward an exile, "
                               "and respect a no."),
        "debrief": tr("We keep time for a debrief at the end, both ways."),
    }


def translated_default_agreements() -> str:
    """The default agreements as a Markdown list, in the person's language."""
    return default_agreements(agreement_texts())
