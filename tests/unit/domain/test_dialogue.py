"""Dialogue lines: which lines are turns, who speaks them, and who answers."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from partsjournal.domain.dialogue import (
    SELF_NAME,
    Cast,
    Speaker,
    dialogue_lines,
    next_speaker,
    speaker_at,
    speakers_for,
)

SELF = Speaker(SELF_NAME, None, is_self=True)
CRITIC = Speaker("The Critic", "#4a7fb5")
THE = Speaker("The", "#111111")
LITTLE = Speaker("Little One", None)
CAST = Cast([SELF, CRITIC, THE, LITTLE])


def test_a_conversation_is_read_turn_by_turn() -> None:
    text = ("# Talking with the Critic\n"
            "\n"
            "Self: What do you want me to know?\n"
            "The Critic: That I'm tired.\n"
            "I sat with that for a while.\n"
            "self:   And what are you afraid of?  \n")
    turns = dialogue_lines(text, CAST)
    assert [(t.number, t.speaker.name, t.said) for t in turns] == [
        (2, "Self", "What do you want me to know?"),
        (3, "The Critic", "That I'm tired."),
        (5, "Self", "And what are you afraid of?"),
    ]
    last = turns[-1]
    line = text.splitlines()[5]
    assert line[last.name_start:last.name_end] == "self:"
    assert line[last.said_start:].startswith("And what")


def test_the_longest_name_wins() -> None:
    assert speaker_at("The Critic: stop", CAST) == CRITIC
    assert speaker_at("The: a part called The", CAST) == THE
    assert speaker_at("THE CRITIC: shouting", CAST) == CRITIC


@pytest.mark.parametrize("line", [
    "Note: buy milk",                 # a label, not a part
    "Q: Why does the Critic get so loud?",  # a question for the therapist
    "Selfish: not Self",
    "Self:ish",                       # no space after the colon
    "The Critic said: no",            # the name is not the whole prefix
    "    Self: four spaces is code",  # an indented code block
    "- Self: a list item",
    "> Self: a quote",
    "",
])
def test_lines_that_are_not_dialogue(line: str) -> None:
    assert speaker_at(line, CAST) is None


def test_a_part_called_q_does_not_take_the_questions() -> None:
    cast = Cast([SELF, Speaker("Q")])
    assert speaker_at("Q: for my therapist", cast) is None


def test_a_bare_prefix_and_a_little_indent_are_turns() -> None:
    turn = CAST.match("  Little One:", 4)
    assert turn is not None
    assert (turn.number, turn.speaker, turn.said, turn.name_start, turn.said_start) == \
        (4, LITTLE, "", 2, 13)


def test_fenced_code_is_not_dialogue() -> None:
    text = "```\nSelf: in code\n```\nSelf: out of code\n~~~~\nThe: still code\n~~~\n~~~~\n"
    assert [t.number for t in dialogue_lines(text, CAST)] == [3]


def test_no_speakers_no_dialogue() -> None:
    assert dialogue_lines("Self: hello", []) == []
    assert speaker_at("Self: hello", []) is None


def test_names_are_trimmed_and_the_first_of_a_repeated_name_is_kept() -> None:
    cast = Cast([Speaker("  Self ", is_self=True), Speaker("self"), Speaker(""),
                 Speaker("Two\nlines")])
    assert cast.speakers == (Speaker("Self", is_self=True),)
    assert cast.find("SELF") == Speaker("Self", is_self=True)
    assert cast.longest == 4


def test_completions_put_self_first() -> None:
    cast = Cast([Speaker("Sad One"), SELF, Speaker("sentry")])
    assert [s.name for s in cast.completions("s")] == ["Self", "Sad One", "sentry"]
    assert [s.name for s in cast.completions("SE")] == ["Self", "sentry"]
    assert cast.completions("x") == []


def test_the_conversation_goes_back_and_forth() -> None:
    assert next_speaker(SELF, [SELF, CRITIC], CAST) == CRITIC
    assert next_speaker(CRITIC, [SELF], CAST) == SELF
    assert next_speaker(CRITIC, [], CAST) == SELF  # a part is answered by Self
    assert next_speaker(SELF, [], CAST) is None   # Self's first question: the person chooses
    assert next_speaker(SELF, [LITTLE, SELF, SELF], CAST) == LITTLE
    assert next_speaker(CRITIC, [], Cast([CRITIC])) is None


@dataclass
class _Part:
    name: str
    color: str = ""


def test_speakers_for_parts() -> None:
    speakers = speakers_for([_Part("The Critic", "#aa0000"), _Part("Exile")],
                            self_names=("Self", "Selbst"), self_colour="#2f9e8f")
    assert speakers == [Speaker("Self", "#2f9e8f", True), Speaker("Selbst", "#2f9e8f", True),
                        Speaker("The Critic", "#aa0000"), Speaker("Exile", None)]
    by_role = speakers_for([_Part("Exile")], colour_of=lambda p: "#9b6fc4")
    assert by_role[1] == Speaker("Exile", "#9b6fc4")
    assert speaker_at("Selbst: Was brauchst du?", Cast(speakers)) == speakers[1]
