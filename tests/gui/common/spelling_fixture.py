"""A small, fixed dictionary for the spelling tests: Enchant's word-list dictionary in a temp file.

It needs Enchant's C library but no system dictionary at all, and knows exactly these words, so
what is underlined and suggested does not depend on what is installed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from partsjournal.ui.common import spelling

WORDS = ("the", "critic", "part", "parts", "protects", "me", "from", "shame", "don't", "part's",
         "quiet", "today", "felt", "calm", "and", "is", "it", "a", "my")
LANGUAGE = "en_XX"


def enchant_or_skip() -> Any:
    enchant = spelling._enchant()
    if enchant is None:
        pytest.skip("Enchant's C library is not installed (apt install libenchant-2-2)")
    return enchant


def use_fixture_dictionary(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Make the spelling module see one dictionary, ``en_XX``, holding :data:`WORDS`."""
    enchant = enchant_or_skip()
    path = folder / "fixture-words.txt"
    path.write_text("\n".join(WORDS) + "\n", encoding="utf-8")

    def open_dictionary(tag: str) -> Any:
        return enchant.request_pwl_dict(str(path)) if tag == LANGUAGE else None

    monkeypatch.setattr(spelling, "_open_dictionary", open_dictionary)
    monkeypatch.setattr(spelling, "installed_languages", lambda: [LANGUAGE])
