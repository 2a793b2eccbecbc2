"""The guided self-session's words: step names, invitations, questions and feelings.

Kept apart from the dialog (guided_session.py) so the wording can be read, and translated, in
one place. Everything goes through Qt's translation in the "GuidedSession" context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from partsjournal.domain.dialogue import SELF_NAME
from partsjournal.domain.model import PART_FEELINGS, SELF_FEELINGS
from partsjournal.flows.six_fs import (
    QUESTIONS,
    SIX_FS,
    EntryTexts,
    Step,
)
from partsjournal.ui.common.vocabulary import feeling_label


def tr(text: str) -> str:
    """Translate in the guided-session context."""
    return QCoreApplication.translate("GuidedSession", text)


def step_title(step: Step) -> str:
    """The name of a step, as the step indicator and the entry headings show it."""
    return {
        Step.FIND: tr("Find"), Step.FOCUS: tr("Focus"), Step.FLESH_OUT: tr("Flesh out"),
        Step.FEEL_TOWARD: tr("Feel toward"), Step.STEP_BACK: tr("Asking a part to step back"),
        Step.BEFRIEND: tr("beFriend"), Step.FEARS: tr("Fears"),
        Step.REVIEW: tr("Before you finish"), Step.DONE: tr("Done"),
    }[step]


def step_intro(step: Step) -> str:
    """A short, warm invitation at the top of each step (%1 is the part's name)."""
    return {
        Step.FIND: tr("Notice what is asking for your attention right now: a feeling, a body "
                      "sensation, a thought, an urge. There is no right part to choose; "
                      "whichever comes is welcome."),
        Step.FOCUS: tr("Turn your attention toward %1, inside. Take your time, and let "
                       "everything else wait for a moment."),
        Step.FLESH_OUT: tr("Let %1 show you a little more of itself. Whatever comes is "
                           "fine — an image, a sense, or nothing much yet."),
        Step.FEEL_TOWARD: tr("Now notice: how do you feel toward %1? Tick whatever is "
                             "true, even if it's not what you'd like to feel."),
        Step.STEP_BACK: tr("Another part of you has feelings about %1. That's all right — "
                           "it probably has good reasons. Kindly ask it whether it would be "
                           "willing to step back a little, just for now, so you can get to "
                           "know %1. You can let it know it will be heard too."),
        Step.BEFRIEND: tr("Get to know %1 as you would a new friend. You might thank it for "
                          "how hard it has been working."),
        Step.FEARS: tr("Gently ask %1 what it is worried about. Listen without arguing; "
                       "its fears make sense from where it stands."),
        Step.REVIEW: tr("Thank %1 for being with you. Here is what you could add to its "
                        "profile — keep what feels right, change what doesn't."),
    }.get(step, "")


def question_prompt(key: str) -> str:
    """The question for one answer box."""
    return {
        "trailhead": tr("What did you notice? (the trailhead)"),
        "focus": tr("What do you notice as you turn toward it?"),
        "body": tr("Where do you feel it, in or around your body?"),
        "appearance": tr("Does it have an image, a voice, a posture, an age?"),
        "feel_toward": tr("Anything else about how you feel toward it?"),
        "reacting_part": tr("Which part is reacting? A name or a few words is enough."),
        "step_back": tr("What happened when you asked it to step back?"),
        "job": tr("What does it do for you? What is it trying to achieve?"),
        "befriend": tr("What does it want you to know? How does it respond to your interest?"),
        "fears": tr("What is it afraid would happen if it stopped doing its job?"),
        "needs": tr("What does it need from you?"),
    }[key]


def entry_texts() -> EntryTexts:
    """The journal entry's words in the person's language."""
    labels = {key: question_prompt(key) for keys in QUESTIONS.values() for key in keys}
    labels.update({"trailhead": tr("What asked for attention"), "body": tr("In the body"),
                   "appearance": tr("How it appears"), "job": tr("Its job"),
                   "fears": tr("What it's afraid of"), "needs": tr("What it needs from me"),
                   "reacting_part": tr("The part that reacted"),
                   "step_back": tr("When I asked it to step back"),
                   "focus": tr("Turning toward it"), "befriend": tr("What it wants me to know"),
                   "feel_toward": tr("How I feel toward it")})
    return EntryTexts(
        title=tr("Six F's with %1"),
        headings={step: step_title(step) for step in (*SIX_FS, Step.STEP_BACK)},
        labels=labels,
        asked={"job": tr("What do you do for me? What are you trying to achieve?"),
               "befriend": tr("What do you want me to know?"),
               "fears": tr("What are you afraid would happen if you stopped doing your job?"),
               "needs": tr("What do you need from me?")},
        # The same word the entry editor knows Self by, so the dialogue shows in colour.
        self_name=QCoreApplication.translate("Dialogue", SELF_NAME),
        feelings={f: feeling_label(f) for f in (*SELF_FEELINGS, *PART_FEELINGS)},
        feelings_label=tr("Feelings toward it"),
        self_energy_label=tr("Self-energy at the end"),
        nothing_written=tr("(nothing written)"),
        presence_note=tr("Guided session: the six F's"),
        stepped_back_note=tr("Stepped back when asked, in a guided session"),
        stage_note=tr("Met in a guided session (six F's)"))
