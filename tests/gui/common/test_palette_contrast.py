"""The light and dark palettes meet WCAG AA: text 4.5:1 on what it is drawn on (issue 12)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette

from partsjournal.ui.common.theme import (
    ROLE_COLORS,
    SELF_COLOR,
    dark_palette,
    light_palette,
    muted,
    text_on,
)

from ..fixtures import contrast

Role = QPalette.ColorRole
#: (text, background) pairs a person reads; 4.5:1 for text (WCAG 1.4.3).
READ = [(Role.WindowText, Role.Window), (Role.Text, Role.Base), (Role.ButtonText, Role.Button),
        (Role.HighlightedText, Role.Highlight), (Role.ToolTipText, Role.ToolTipBase),
        (Role.Text, Role.AlternateBase), (Role.Link, Role.Base)]


@pytest.mark.parametrize("palette", [light_palette, dark_palette], ids=["light", "dark"])
@pytest.mark.parametrize(("fg", "bg"), READ, ids=lambda r: getattr(r, "name", str(r)))
def test_text_reads_on_its_background(qapp, palette: Callable[[], QPalette],  # type: ignore[no-untyped-def]
                                      fg: QPalette.ColorRole, bg: QPalette.ColorRole) -> None:
    p = palette()
    ratio = contrast(p.color(QPalette.ColorGroup.Active, fg),
                     p.color(QPalette.ColorGroup.Active, bg))
    assert ratio >= 4.5, f"{fg.name} on {bg.name}: {ratio:.2f}"


@pytest.mark.parametrize("palette", [light_palette, dark_palette], ids=["light", "dark"])
def test_secondary_and_placeholder_text_still_read(qapp, palette) -> None:  # type: ignore[no-untyped-def]
    p = palette()
    for background in (Role.Window, Role.Base):
        assert contrast(muted(p), p.color(background)) >= 4.5, background.name
    # Placeholders are hints, not content: WCAG asks 4.5 of them too; we keep at least that
    # on the input fields they are drawn in.
    assert contrast(p.color(Role.PlaceholderText), p.color(Role.Base)) >= 4.5


@pytest.mark.parametrize("role", sorted(ROLE_COLORS))
def test_text_on_a_role_colour_reads(role: str) -> None:
    colour = QColor(ROLE_COLORS[role])
    assert contrast(text_on(colour), colour) >= 4.5, role


@pytest.mark.parametrize("palette", [light_palette, dark_palette], ids=["light", "dark"])
def test_disabled_text_is_readable_yet_visibly_off(qapp, palette) -> None:  # type: ignore[no-untyped-def]
    """3:1 on the button and the window (WCAG exempts disabled controls; people still read them),
    and clearly fainter than the enabled text, so "off" shows at a glance."""
    p = palette()
    Group = QPalette.ColorGroup
    for fg, bg in ((Role.ButtonText, Role.Button), (Role.WindowText, Role.Window),
                   (Role.Text, Role.Base)):
        disabled = contrast(p.color(Group.Disabled, fg), p.color(Group.Disabled, bg))
        enabled = contrast(p.color(Group.Active, fg), p.color(Group.Active, bg))
        assert disabled >= 3.0, f"disabled {fg.name} on {bg.name}: {disabled:.2f}"
        assert enabled >= 1.8 * disabled, \
            f"disabled {fg.name} ({disabled:.2f}) too close to enabled ({enabled:.2f})"


def test_role_colours_live_in_one_table() -> None:
    """ui/ and reports/ name a role's colour only through ROLE_COLORS / role_color, never a copy
    of its hex value (a copy drifts, and a role would look different in one room)."""
    package = Path(__file__).resolve().parents[3] / "app" / "partsjournal"
    table = package / "ui" / "common" / "theme.py"
    values = [value.lower() for value in ROLE_COLORS.values()]
    copies = []
    for folder in ("ui", "reports"):
        for path in sorted((package / folder).rglob("*.py")):
            text = path.read_text(encoding="utf-8").lower()
            if path == table:
                text = text.replace(_table_text(text), "")
            copies += [f"{path.relative_to(package)}: {value}" for value in values
                       if value in text or value.lstrip("#") in text]
    assert not copies, copies


def _table_text(text: str) -> str:
    start = text.index("role_colors: dict[str, str] = {")
    return text[start:text.index("}", start)]


@pytest.mark.parametrize("palette", [light_palette, dark_palette], ids=["light", "dark"])
def test_self_energy_has_its_own_colour(qapp, palette) -> None:  # type: ignore[no-untyped-def]
    """Self-energy is not a role: its colour is none of theirs, and reads on the chart (3:1)."""
    self_colour = QColor(SELF_COLOR)
    assert SELF_COLOR.lower() not in {value.lower() for value in ROLE_COLORS.values()}
    for value in ROLE_COLORS.values():
        role = QColor(value)
        assert abs(self_colour.hslHue() - role.hslHue()) > 30 or role.hslSaturation() < 40, value
    assert contrast(self_colour, palette().color(Role.Base)) >= 3.0
