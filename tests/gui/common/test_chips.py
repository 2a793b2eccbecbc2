"""Part chips in the journal list: never only "+N" when a name is long or the row is narrow."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from pytestqt.qtbot import QtBot

from partsjournal.ui.common.delegates import CHIP_GAP, CHIP_PADDING, layout_chips

LONG = "The Very Long-Named Part Who Worries About Everything"


def _metrics() -> QFontMetrics:
    return QFontMetrics(QFont())


def _total(chips: list[tuple[int, str, int]]) -> int:
    return sum(width for _n, _t, width in chips) + CHIP_GAP * max(0, len(chips) - 1)


def test_names_that_fit_are_shown_whole(qtbot: QtBot) -> None:
    chips, more = layout_chips(["Critic", "Eight"], _metrics(), 400)
    assert [text for _n, text, _w in chips] == ["Critic", "Eight"] and more == ""


def test_a_long_first_name_is_elided_not_hidden(qtbot: QtBot) -> None:
    metrics = _metrics()
    width = metrics.horizontalAdvance(LONG) // 2
    chips, more = layout_chips([LONG, "Eight", "Fog"], metrics, width)
    assert len(chips) == 1 and chips[0][0] == 0
    text = chips[0][1]
    assert text.endswith("…") and LONG.startswith(text[:-1])
    assert more == "+2"
    assert _total(chips) + CHIP_GAP + metrics.horizontalAdvance(more) <= width


def test_a_single_part_that_does_not_fit_is_elided_not_plus_one(qtbot: QtBot) -> None:
    metrics = _metrics()
    chips, more = layout_chips([LONG], metrics, 120)
    assert more == "" and len(chips) == 1 and chips[0][1].endswith("…")
    assert chips[0][2] <= 120


def test_what_is_left_over_is_counted(qtbot: QtBot) -> None:
    metrics = _metrics()
    names = ["Critic", "Eight", "Fog", "Snapper", "Pleaser"]
    width = sum(metrics.horizontalAdvance(n) + CHIP_PADDING + CHIP_GAP for n in names[:2]) + 30
    chips, more = layout_chips(names, metrics, width)
    shown = len(chips)
    assert 2 <= shown < len(names)
    assert more == f"+{len(names) - shown}"
    assert _total(chips) + CHIP_GAP + metrics.horizontalAdvance(more) <= width
