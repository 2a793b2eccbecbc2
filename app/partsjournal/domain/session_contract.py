"""What two peers agree on before a session: facilitation, how far, a pause word, confidentiality.

It lives in the domain because it travels: the peer-session panel writes it into the entry
(``flows/peer_session.py``), and a bundle can carry it to the peer (``exchange/payload.py``,
docs/bundle-format.md "session_agreement"), so both keep equal footing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from partsjournal.domain.words import fill

#: A pause word is one short line: long enough for a phrase, short enough to say at once.
MAX_PAUSE_WORD = 40
#: Control characters, line and paragraph separators, and bidi embeddings, overrides and
#: isolates (which could make a pause word from a peer read as something else).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


class Facilitation(StrEnum):
    """How much the companion does, as the explorer asks for it."""

    QUIET_WITNESS = "quiet_witness"
    ACTIVE_WITNESS = "active_witness"
    GENTLE_FACILITATION = "gentle_facilitation"


class Reach(StrEnum):
    """How far today's exploring may go."""

    PROTECTORS_ONLY = "protectors_only"
    MAY_APPROACH_EXILE = "may_approach_exile"


#: The day's agreement in Markdown, by key (English; the panel passes translations).
CONTRACT_WORDS: tuple[tuple[str, str], ...] = (
    ("heading", "## Our agreement for today"),
    ("facilitation", "**Facilitation the explorer asked for:** %1"),
    ("quiet_witness", "quiet witness — the companion stays present and says little"),
    ("active_witness", "active witness — the companion reflects back what they hear"),
    ("gentle_facilitation", "gentle facilitation — the companion may suggest a next step, "
                            "and the explorer is free to say no"),
    ("reach", "**How far today may go:** %1"),
    ("protectors_only", "protectors only — we stay with protectors today"),
    ("may_approach_exile", "we may approach an exile, if the protectors give permission"),
    ("pause_word", "**Pause word:** “%1” — either of us says it, and we stop and breathe"),
    ("no_pause_word", "**Pause word:** none chosen — either of us can simply ask for a pause"),
    ("confidential", "**Confidentiality:** what is shared stays between us"),
    ("not_confidential", "**Confidentiality:** not agreed today — we share with care"),
)

def clean_pause_word(text: str) -> str:
    """A pause word as one clean line: no control characters, single spaces, length-limited."""
    text = " ".join(_CONTROL.sub(" ", text).split())
    return text[:MAX_PAUSE_WORD].rstrip()


@dataclass(frozen=True)
class SessionContract:
    """What the peers agree on before a session starts (written at the top of the entry)."""

    facilitation: Facilitation = Facilitation.QUIET_WITNESS
    reach: Reach = Reach.PROTECTORS_ONLY
    pause_word: str = ""
    confidential: bool = True

    def markdown(self, words: Mapping[str, str] | None = None) -> str:
        """The agreement as a Markdown section; ``words`` holds translations by key."""
        say = {**dict(CONTRACT_WORDS), **(words or {})}
        pause = clean_pause_word(self.pause_word)
        lines = [
            say["heading"], "",
            "- " + fill(say["facilitation"], say[self.facilitation.value]),
            "- " + fill(say["reach"], say[self.reach.value]),
            "- " + (fill(say["pause_word"], pause) if pause else say["no_pause_word"]),
            "- " + say["confidential" if self.confidential else "not_confidential"],
        ]
        return "\n".join(lines)


__all__ = ["CONTRACT_WORDS", "MAX_PAUSE_WORD", "Facilitation", "Reach", "SessionContract",
           "clean_pause_word"]
