"""Insights as a new person meets it (issue 12): merge and split always in view, a lone point
drawn whole, and an empty journal told what will appear here and how."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from partsjournal.domain.model import Entry, EntryKind, utc_now
from partsjournal.ui.app.main_window import MainWindow
from partsjournal.ui.insights.insights_view import InsightsView
from partsjournal.vault import Vault

from ..fixtures import shown


def on_screen(widget: QWidget, window: QWidget) -> QRect:
    """Where ``widget`` is, in ``window``'s coordinates."""
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def visible_area(widget: QWidget, window: QWidget) -> QRect:
    """The part of ``window`` where ``widget`` can be seen: inside every parent's rectangle."""
    area = window.rect()
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        area = area.intersected(on_screen(parent, window))
        parent = parent.parentWidget()
    return area


@pytest.mark.parametrize("size", [(1024, 700), (1200, 800)])
def test_merge_and_split_are_whole_and_in_view_at_the_usual_window_sizes(
        qtbot: QtBot, sample_vault: Vault, size: tuple[int, int]) -> None:
    window = shown(qtbot, MainWindow(sample_vault, sample=True), *size)
    window.show_insights()
    page = window.insights
    qtbot.waitUntil(lambda: page.insights is not None)
    for button in (page.merge_button, page.split_button):
        assert button.isVisible()
        where = on_screen(button, window)
        assert visible_area(button, window).contains(where), (button.text(), where)
        assert window.centralWidget().geometry().contains(where)
        # Its text fits: nothing elided or clipped inside the button either.
        assert button.width() >= button.sizeHint().width()
        assert button.height() >= button.sizeHint().height()


def rated(vault: Vault, when: datetime, value: int = 7) -> Entry:
    return vault.entries.add(Entry(kind=EntryKind.NOTE, title="Rated", body="Sat with it.",
                                   occurred_at=when, self_energy=value))


def assert_drawn_whole(view: InsightsView) -> None:
    chart = view.energy_chart
    (hit,) = chart.hits
    assert chart.rect().toRectF().contains(hit.rect), (hit.rect, chart.rect())
    # ... and inside the plot: right of the 0/5/10 labels, left of where the axis lines end.
    labels = QFontMetrics(chart.font()).horizontalAdvance("10") + 14
    assert hit.rect.left() >= labels and hit.rect.right() <= chart.width() - 14


def test_a_single_rating_is_drawn_whole_inside_the_plot(qtbot: QtBot, vault: Vault) -> None:
    rated(vault, utc_now() - timedelta(days=3))
    view = shown(qtbot, InsightsView(vault), 1200, 800)
    view.set_preset("all")  # the axis starts at the only rating
    qtbot.waitUntil(lambda: len(view.energy_chart.hits) == 1)
    assert_drawn_whole(view)


def test_a_rating_on_the_last_day_is_drawn_whole(qtbot: QtBot, vault: Vault) -> None:
    today = datetime.now().astimezone().date()
    late = datetime.combine(today, time(23, 59)).astimezone()
    rated(vault, late)
    view = shown(qtbot, InsightsView(vault), 1024, 700)
    view.set_dates(today - timedelta(days=30), today)
    qtbot.waitUntil(lambda: len(view.energy_chart.hits) == 1)
    assert_drawn_whole(view)


def test_a_journal_with_no_entries_says_what_will_appear_and_how(
        qtbot: QtBot, vault: Vault) -> None:
    view = shown(qtbot, InsightsView(vault), 1024, 700)
    qtbot.waitUntil(lambda: view.empty_note.isVisible())
    text = view.empty_note.text()
    assert text.startswith("Insights will appear here")
    assert "Write an entry" in text and "Self-energy" in text
    assert view.empty_note.textFormat() == Qt.TextFormat.PlainText
    note = view.empty_note  # wrapped, never cut off, inside the page
    assert note.height() >= note.heightForWidth(note.width())
    assert view.rect().contains(on_screen(note, view))
    assert not view.energy_chart.isVisible()  # no empty charts under the sentence
    # Once there is an entry, the charts are back.
    rated(vault, utc_now() - timedelta(hours=2))
    view.reload()
    qtbot.waitUntil(lambda: view.energy_chart.isVisible())
    assert not view.empty_note.isVisible()
