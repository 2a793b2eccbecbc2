"""How a sentence with values in it is filled: Qt's numbered placeholders ``%1`` … ``%9``.

The one placeholder style, in ``ui/`` and below it (what translators know, and what lets a
translation put the values in another order). It lives here, outside ``domain``, so the first
window can fill its title without loading the data model; ``domain.words`` re-exports it.
"""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(template: str, *values: object) -> str:
    """``template`` with ``%1`` … ``%9`` replaced by ``values``, in one pass.

    Why not ``str.replace`` chained per value: the values are often someone else's words — a
    peer's part called "%2" would have the next value written into it; here a value is put in
    as it is (``str()``) and never read as a template. Why not ``str.format``: a translation
    with a stray ``{`` would raise; a placeholder without a value here stays as written, so a
    wrong translation shows rather than crashes.
    """
    words = [str(value) for value in values]

    def value_for(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return words[index] if index < len(words) else match.group(0)

    return _PLACEHOLDER.sub(value_for, template)
