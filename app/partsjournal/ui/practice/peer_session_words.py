"""The peer-session agreements in the person's language (the same words as the flow's defaults).

Kept apart from the panel (peer_session.py) so the wording can be read, and translated, in one
place; the panel and the tests read the same texts.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from partsjournal.domain.session_contract import SessionContract
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


def contract_words() -> dict[str, str]:
    """The day's agreement as written into the entry (the flow's CONTRACT_WORDS), translated."""
    return {
        "heading": tr("## Our agreement for today"),
        "facilitation": tr("**Facilitation the explorer asked for:** %1"),
        "quiet_witness": tr("quiet witness — the companion stays present and says little"),
        "active_witness": tr("active witness — the companion reflects back what they hear"),
        "gentle_facilitation": tr("gentle facilitation — the companion may suggest a next "
                                  "step, and the explorer is free to say no"),
        "reach": tr("**How far today may go:** %1"),
        "protectors_only": tr("protectors only — we stay with protectors today"),
        "may_approach_exile": tr("we may approach an exile, if the protectors give "
                                 "permission"),
        "pause_word": tr("**Pause word:** “%1” — either of us says it, and we stop and "
                         "breathe"),
        "no_pause_word": tr("**Pause word:** none chosen — either of us can simply ask for a "
                            "pause"),
        "confidential": tr("**Confidentiality:** what is shared stays between us"),
        "not_confidential": tr("**Confidentiality:** not agreed today — we share with care"),
    }


def contract_sentences(contract: SessionContract) -> list[str]:
    """The agreement's four choices as plain sentences (the entry's list, without markup)."""
    lines = contract.markdown(contract_words()).split("\n")
    return [line[2:].replace("**", "") for line in lines if line.startswith("- ")]


def debrief_texts() -> dict[str, str]:
    """The debrief prompts (the flow's DEBRIEF_STEPS), translated."""
    return {
        "companion_first": tr("The companion speaks first, for their own parts: what stirred "
                              "in them while they witnessed."),
        "explorer_next": tr("Then the explorer, who may stay with their parts and share as "
                            "much or as little as they like."),
        "together": tr("Together: what helped, and what you would like differently next "
                       "time."),
    }


def speak_for_reminder() -> str:
    """The 'speak for, not from' reminder (the flow's SPEAK_FOR_REMINDER), translated."""
    return tr("Speak for your parts, not from them: “a part of me felt…”, not “you made me "
              "feel…”.")
