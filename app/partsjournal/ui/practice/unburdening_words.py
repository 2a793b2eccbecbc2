"""The unburdening path's words: step names, invitations, questions, elements, the care note.

Kept apart from the dialog (unburdening_dialog.py) so the wording can be read, and translated,
in one place, in the "Unburdening" context. The crisis sentence is the guide's own
(:func:`partsjournal.ui.practice.guide.crisis_line`): one wording, one translation, everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from partsjournal.domain.dialogue import SELF_NAME
from partsjournal.domain.model import C_QUALITIES
from partsjournal.flows.unburdening import PATH, Element, EntryTexts, Step
from partsjournal.ui.common.vocabulary import quality_label
from partsjournal.ui.practice.guide import crisis_line


def tr(text: str) -> str:
    """Translate in the unburdening context."""
    return QCoreApplication.translate("Unburdening", text)


def step_title(step: Step) -> str:
    """The name of a step, as the indicator, the page title and the entry headings show it."""
    return {
        Step.BEGIN: tr("Before you begin"), Step.CONSENT: tr("Asking permission"),
        Step.PROTECTOR: tr("Turning to the protectors"), Step.WITNESS: tr("Witnessing"),
        Step.DO_OVER: tr("Do-over"), Step.RETRIEVAL: tr("Retrieval"),
        Step.UNBURDEN: tr("Unburdening"), Step.INVITE: tr("Inviting qualities"),
        Step.INTEGRATE: tr("Integration"), Step.REVIEW: tr("Before you finish"),
        Step.DONE: tr("Done"),
    }[step]


def step_intro(step: Step) -> str:
    """A short, gentle invitation at the top of each step (%1 is the part's name)."""
    return {
        Step.BEGIN: tr("This path goes on from befriending: witnessing what an exile carries, "
                       "being with it as it needed back then, bringing it out of that time, "
                       "letting it release its burden, and inviting in what it would like. "
                       "Choose the part you are walking it with."),
        Step.CONSENT: tr("Before going toward %1, turn to the parts that protect it. Ask them "
                         "whether it is all right to go to %1 now, and listen to what they "
                         "say. They know the pain it holds; their worries make sense."),
        Step.PROTECTOR: tr("The protectors aren't ready, and that is worth honouring. They "
                           "have kept %1 safe for a long time. Today you could get to know "
                           "one of them instead: what it fears would happen if you went to "
                           "%1, and what it would need to feel safe enough."),
        Step.WITNESS: tr("Let %1 show you what happened, or how it was back then, in any way "
                         "it likes: images, feelings, sensations, words. Take your time. Move "
                         "on when it feels you really get it."),
        Step.DO_OVER: tr("Go into that time with %1 and be with it the way it needed someone "
                         "to be then. Do for it what it needed done. Not every part wants "
                         "this; if it doesn't, just move on."),
        Step.RETRIEVAL: tr("Invite %1 to leave that time and place and come somewhere it "
                           "would like to be: here with you, or anywhere safe, real or "
                           "imagined. If it isn't ready to leave, that is all right — you can "
                           "stop here for today."),
        Step.UNBURDEN: tr("Ask %1 whether it is ready to let go of what it took on back then. "
                          "Notice where it carries it, in or on its body. It can release it "
                          "to light, water, fire, earth or air, or to anything it chooses. If "
                          "it isn't ready, ask what it fears would happen if it let go, and "
                          "stop here for today."),
        Step.INVITE: tr("Now that there is room where the burden was, %1 can invite in "
                        "whatever qualities it would like."),
        Step.INTEGRATE: tr("Invite the protectors to see how %1 is now. Do they notice the "
                           "change? Is there anything they would like to do differently?"),
        Step.REVIEW: tr("Thank %1, and the protectors, for trusting you this far. Here is "
                        "what will be kept in your journal."),
    }.get(step, "")


def question_prompt(key: str) -> str:
    """The question for one answer box."""
    return {
        "protectors_said": tr("What did the protectors say? (optional)"),
        "witness": tr("What does it want you to know about what happened?"),
        "witness_more": tr("Is there more? Does it feel you really get it?"),
        "witness_self": tr("How do you feel toward it as it shows you?"),
        "do_over_needed": tr("What did it need someone to do for it back then?"),
        "do_over": tr("What did you do for it there?"),
        "retrieval_where": tr("Where would it like to be now?"),
        "retrieval": tr("How is it there?"),
        "burden": tr("What is it carrying that it would like to let go of?"),
        "release": tr("How is it, letting it go?"),
        "invite": tr("Anything it says about what it invites in?"),
        "integrate_protectors": tr("What do the protectors notice?"),
        "integrate": tr("How is it now?"),
    }[key]


def element_label(element: Element) -> str:
    """How a place of release is offered."""
    return {
        Element.LIGHT: tr("&Light"), Element.WATER: tr("&Water"), Element.FIRE: tr("&Fire"),
        Element.EARTH: tr("&Earth"), Element.AIR: tr("&Air"),
        Element.OWN: tr("Something it &chooses:"),
    }[element]


def therapist_note() -> str:
    """The care note before the path: often walked with a therapist, and where to turn."""
    return tr("These steps go close to old pain. They are often walked with an IFS therapist, "
              "and that is a good way to walk them, especially the first times. Go slowly. "
              "You can pause at any step, and stopping is always all right.")


def crisis() -> str:
    """The app's one crisis sentence, as the guide says it."""
    return crisis_line()


def entry_texts() -> EntryTexts:
    """The journal entry's words in the person's language."""
    return EntryTexts(
        title=tr("Unburdening with %1"),
        headings={Step.CONSENT: tr("Before starting"),
                  **{step: step_title(step) for step in PATH}},
        labels={"protectors_said": tr("What the protectors said"),
                "witness_self": tr("How I felt as it showed me"),
                "do_over": tr("What I did for it there"),
                "retrieval": tr("How it is there"),
                "integrate_protectors": tr("What the protectors noticed")},
        asked={"witness": tr("What do you want me to know about what happened?"),
               "witness_more": tr("Is there more? Do you feel I really get it?"),
               "do_over_needed": tr("What did you need someone to do for you back then?"),
               "retrieval_where": tr("Where would you like to be now?"),
               "burden": tr("What are you carrying from that time that you'd like to let go "
                            "of?"),
               "release": tr("How is it, letting it go?"),
               "invite": tr("Now that there is room, what would you like to invite in?"),
               "integrate": tr("How are you now?")},
        self_name=QCoreApplication.translate("Dialogue", SELF_NAME),
        protectors_agreed=tr("The protectors agreed to let me go toward it."),
        self_energy_start_label=tr("Self-energy at the start"),
        self_energy_end_label=tr("Self-energy at the end"),
        element_label=tr("Released to"),
        elements={Element.LIGHT: tr("light"), Element.WATER: tr("water"),
                  Element.FIRE: tr("fire"), Element.EARTH: tr("earth"), Element.AIR: tr("air"),
                  Element.OWN: tr("its own choice: %1")},
        qualities_label=tr("Qualities it invited in"),
        qualities={q: quality_label(q) for q in C_QUALITIES},
        stopped_here=tr("*We stopped here for today.*"),
        nothing_written=tr("(nothing written)"),
        presence_note=tr("Guided session: the unburdening path"),
        stage_note=tr("Reached in “%1” (the unburdening path)"))
