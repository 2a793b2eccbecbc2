"""Layouts use the spacing tokens (ui/common/theme.py), so every room has the same rhythm.

A static check: no ``setContentsMargins(``, ``setSpacing(``, ``addSpacing(``,
``setHorizontalSpacing(`` or ``setVerticalSpacing(`` in ``ui/`` is given a bare number other than
0. The files in ``NOT_YET`` still have some; their owners take them off the list as they move to
the tokens.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QFont

from partsjournal.ui.common import theme

UI = Path(__file__).resolve().parents[3] / "app" / "partsjournal" / "ui"

#: Files in ui/app, ui/journal, ui/settings and ui/parts not yet moved to the tokens.
NOT_YET = (
    "journal/journal_view.py",
    "journal/search_view.py",
)

CALL = re.compile(r"\.(setContentsMargins|setSpacing|addSpacing|setHorizontalSpacing"
                  r"|setVerticalSpacing)\(([^()]*)\)")


def _bare_numbers(path: Path) -> list[str]:
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for call in CALL.finditer(line):
            args = [arg.strip() for arg in call.group(2).split(",")]
            if any(re.fullmatch(r"\d+(\.\d*)?", arg) and float(arg) != 0 for arg in args):
                found.append(f"{path.relative_to(UI)}:{number}: {call.group(0)}")
    return found


def test_layouts_use_spacing_tokens_not_bare_numbers() -> None:
    found = [hit for path in sorted(UI.rglob("*.py"))
             if str(path.relative_to(UI)) not in NOT_YET for hit in _bare_numbers(path)]
    assert not found, "use the SPACE_* tokens (or 0):\n" + "\n".join(found)


def test_not_yet_lists_only_files_that_still_need_it() -> None:
    """When a file is moved to the tokens, it comes off the list (so the list only shrinks)."""
    done = [name for name in NOT_YET if not (UI / name).is_file() or not _bare_numbers(UI / name)]
    assert not done, f"take these off NOT_YET: {done}"


def test_spacing_steps_are_a_four_pixel_grid() -> None:
    steps = [theme.SPACE_XS, theme.SPACE_S, theme.SPACE_M, theme.SPACE_L, theme.SPACE_XL,
             theme.SPACE_XXL]
    assert steps == sorted(steps) and all(step % 4 == 0 for step in steps)
    assert theme.RADIUS_S < theme.RADIUS_M < theme.RADIUS_L


@pytest.mark.parametrize("step", sorted(theme.TYPE_SCALE))
def test_scaled_font_is_relative_to_the_font_it_is_given(qapp, step: str) -> None:  # type: ignore[no-untyped-def]
    base = QFont(qapp.font())
    base.setPointSizeF(10.0)
    font = theme.scaled_font(base, step)
    assert font.pointSizeF() == pytest.approx(10.0 * theme.TYPE_SCALE[step], abs=0.05)
    assert font.bold() is (step in ("title", "heading"))
    assert theme.scaled_font(base, step, bold=False).bold() is False


def test_the_type_scale_grows_step_by_step() -> None:
    order = ["small", "body", "title", "heading", "display"]
    factors = [theme.TYPE_SCALE[step] for step in order]
    assert factors == sorted(factors) and theme.TYPE_SCALE["body"] == 1.0
