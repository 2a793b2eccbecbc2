"""Interface icons are drawn in the palette's colours, light and dark, and every one is bundled."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QApplication, QPushButton

from partsjournal.ui.common import icons
from partsjournal.ui.common.theme import apply_theme, dark_palette, light_palette

from ..fixtures import shown

UI = Path(__file__).resolve().parents[3] / "app" / "partsjournal" / "ui"
ICONS = UI.parent / "data" / "icons" / "ui"


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    apply_theme(qapp, request.param)
    yield request.param
    apply_theme(qapp, "system")


def _opaque_colours(qicon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal) -> set[str]:
    image = qicon.pixmap(24, 24, mode).toImage()
    return {image.pixelColor(x, y).name() for x in range(image.width())
            for y in range(image.height()) if image.pixelColor(x, y).alpha() == 255}


def test_an_icon_takes_the_palettes_text_colour(theme: str, qapp: QApplication) -> None:
    text = qapp.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    assert _opaque_colours(icons.icon("search")) == {text.name()}, theme


def test_a_disabled_icon_takes_the_disabled_text_colour(theme: str, qapp: QApplication) -> None:
    disabled = qapp.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    assert _opaque_colours(icons.icon("lock"), QIcon.Mode.Disabled) == {disabled.name()}, theme


def test_a_selected_icon_takes_the_highlighted_text_colour(theme: str,
                                                            qapp: QApplication) -> None:
    on_selection = qapp.palette().color(QPalette.ColorRole.HighlightedText)
    assert _opaque_colours(icons.icon("check"), QIcon.Mode.Selected) == {on_selection.name()}


def test_the_same_icon_follows_a_theme_switch(qtbot, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    button = QPushButton("Search")
    button.setIcon(icons.icon("search"))
    shown(qtbot, button, 160, 40)
    apply_theme(qapp, "light")
    try:
        light = _opaque_colours(button.icon())
        apply_theme(qapp, "dark")
        dark = _opaque_colours(button.icon())
    finally:
        apply_theme(qapp, "system")
    assert light == {light_palette().color(QPalette.ColorRole.WindowText).name()}
    assert dark == {dark_palette().color(QPalette.ColorRole.WindowText).name()}


def test_every_bundled_svg_parses_and_is_drawn_in_current_colour(qapp: QApplication) -> None:
    from PySide6.QtSvg import QSvgRenderer

    names = icons.icon_names()
    assert len(names) >= 20
    for name in names:
        source = (ICONS / f"{name}.svg").read_bytes()
        assert b"currentColor" in source, name
        assert QSvgRenderer(source).isValid(), name
        assert _opaque_colours(icons.icon(name)), f"{name} draws nothing"


def test_the_licence_ships_beside_the_icons() -> None:
    licence = (ICONS / "LICENSE").read_text(encoding="utf-8")
    assert "ISC License" in licence and "Lucide" in licence and "lucide.dev" in licence


def test_an_unknown_name_is_a_clear_error(qapp: QApplication) -> None:
    with pytest.raises(LookupError, match="no interface icon named 'no-such-icon'"):
        icons.icon("no-such-icon")


def test_every_icon_named_in_the_ui_is_bundled() -> None:
    used: dict[str, str] = {}
    for path in UI.rglob("*.py"):
        for name in re.findall(r"""\bicon\(\s*["']([a-z0-9-]+)["']""", path.read_text("utf-8")):
            used.setdefault(name, str(path.relative_to(UI)))
    missing = {name: where for name, where in used.items()
               if not (ICONS / f"{name}.svg").is_file()}
    assert not missing, f"icons used but not bundled: {missing}"


def test_an_icon_label_is_tinted_again_after_a_theme_switch(qtbot, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    label = icons.IconLabel("triangle-alert")
    shown(qtbot, label, 40, 40)

    def colours() -> set[str]:
        image = label.pixmap().toImage()
        return {image.pixelColor(x, y).name() for x in range(image.width())
                for y in range(image.height()) if image.pixelColor(x, y).alpha() == 255}

    try:
        apply_theme(qapp, "dark")
        qtbot.waitUntil(lambda: colours() == {
            dark_palette().color(QPalette.ColorRole.WindowText).name()})
        apply_theme(qapp, "light")
        qtbot.waitUntil(lambda: colours() == {
            light_palette().color(QPalette.ColorRole.WindowText).name()})
        label.setEnabled(False)
        assert colours() == {light_palette().color(QPalette.ColorGroup.Disabled,
                                                   QPalette.ColorRole.WindowText).name()}
    finally:
        apply_theme(qapp, "system")
