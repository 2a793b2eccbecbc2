"""Passphrase strength from a real estimator (zxcvbn), not a length rule."""

from __future__ import annotations

from dataclasses import dataclass

from zxcvbn import zxcvbn

# zxcvbn's matching is quadratic-ish in length; beyond this a passphrase is strong anyway.
_ESTIMATE_CHARS = 64
MIN_SCORE = 3


@dataclass(frozen=True)
class Strength:
    """zxcvbn's 0–4 score with its advice, and whether we accept it for a new vault."""

    score: int
    warning: str
    suggestions: tuple[str, ...]
    crack_time: str

    @property
    def acceptable(self) -> bool:
        """Scores 3 and 4 resist offline guessing well, given Argon2id on top."""
        return self.score >= MIN_SCORE


def assess(passphrase: str, user_inputs: tuple[str, ...] = ()) -> Strength:
    """Estimate how hard ``passphrase`` is to guess; words like the app's name count against it."""
    if not passphrase:
        return Strength(0, "", (), "")
    result = zxcvbn(passphrase[:_ESTIMATE_CHARS],
                    user_inputs=["parts", "journal", "ifs", "self", *user_inputs])
    feedback = result.get("feedback") or {}
    return Strength(
        score=int(result["score"]),
        warning=str(feedback.get("warning") or ""),
        suggestions=tuple(str(s) for s in feedback.get("suggestions") or ()),
        crack_time=str(result["crack_times_display"]["offline_slow_hashing_1e4_per_second"]),
    )
