"""Words as a reader counts them, for the status bar."""

from __future__ import annotations

import pytest

from partsjournal.reports.text import count_words


@pytest.mark.parametrize(("body", "words"), [
    ("", 0),
    ("**Eight** said: don't go", 4),
    ("[the poem](https://example.org/a-long-address)", 2),
    ("## Find\n- one\n- two three", 4),
    ("— … ### > *", 0),
    ("Q: Why does the Critic get loud on Sundays?", 8),
    ("Ines’ camera, self-energy 7", 4),
])
def test_markdown_markers_and_addresses_are_not_words(body: str, words: int) -> None:
    assert count_words(body) == words
