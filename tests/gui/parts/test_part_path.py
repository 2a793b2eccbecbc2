"""A part's path on its History tab: the stages it passed, when, and the entries of each."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QTabWidget
from pytestqt.qtbot import QtBot

from partsjournal.domain.model import (
    Entry,
    EntryKind,
    EntrySummary,
    Part,
    PartPresence,
    Role,
    Stage,
    StageEvent,
)
from partsjournal.flows.unburdening import Element, Protectors, UnburdeningFlow
from partsjournal.ui.common.dates import short_date
from partsjournal.ui.parts.part_path import INDENT, PartPathModel, path_rows
from partsjournal.ui.parts.parts_view import PartsView
from partsjournal.vault import Vault

from ..fixtures import MARKUP as HOSTILE
from ..fixtures import shown


def at(day: int, hour: int = 12) -> datetime:
    return datetime(2026, 3, day, hour, 0, tzinfo=UTC)


def event(stage: Stage, day: int) -> StageEvent:
    return StageEvent("p", stage, at(day), f"note {day}")


def summary(day: int, title: str, hour: int = 12) -> EntrySummary:
    return EntrySummary(f"e{day}-{hour}", at(day, hour), EntryKind.NOTE, title, (), None)


def test_entries_belong_to_the_stage_they_were_written_in() -> None:
    events = [event(Stage.BEFRIENDED, 5), event(Stage.NOTICED, 1), event(Stage.WITNESSED, 9)]
    entries = [summary(9, "reached it"), summary(6, "after befriending"),
               summary(1, "the same morning", hour=8), summary(2, "early"),
               summary(12, "later")]
    rows = path_rows(events, entries)
    shown_as = [r.stage.value if isinstance(r, StageEvent) else r.title for r in rows]
    assert shown_as == ["noticed", "the same morning", "early",
                        "befriended", "after befriending",
                        "witnessed", "reached it", "later"]
    assert path_rows([], [summary(3, "b"), summary(2, "a")])[0].title == "a"


def walk_the_path(vault: Vault, part: Part) -> str:
    """Finish an unburdening session up to the release; returns the entry's id."""
    flow = UnburdeningFlow()
    flow.choose_part(part)
    flow.next()
    flow.set_protectors(Protectors.AGREE)
    flow.set_self_energy_start(7)
    for _ in range(5):  # into witnessing, then four steps on
        if flow.step.value == "unburden":
            flow.set_element(Element.FIRE)
        flow.next()
    assert flow.step.value == "invite"
    flow.stop_here()
    return flow.finish(vault, at=datetime(2026, 3, 20, 18, 0, tzinfo=UTC)).entry_id


def test_the_history_tab_shows_the_path_and_opens_an_entry(qtbot: QtBot, vault: Vault) -> None:
    part = vault.parts.add(Part(name="Little One", role=Role.EXILE, created_at=at(1),
                                updated_at=at(1)))
    vault.entries.add(Entry(occurred_at=at(3), kind=EntryKind.SOLO_SESSION,
                            title="First meeting", parts=[PartPresence(part_id=part.id)]))
    entry_id = walk_the_path(vault, part)
    view = shown(qtbot, PartsView(vault), activate=True)
    view.select_part(part.id)
    tabs = view.findChild(QTabWidget, "partTabs")
    assert tabs is not None
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == "History"))
    table = view.findChild(QTableView, "historyTable")
    assert table is not None and table.isVisible()
    model = table.model()
    cells = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    reached = datetime(2026, 3, 20, 18, 0, tzinfo=UTC)
    assert cells == [
        [short_date(at(1)), "Noticed", ""],
        [INDENT + short_date(at(3)), INDENT + "Solo session", "First meeting"],
        [short_date(reached), "Unburdened",
         "Reached in “Unburdening with Little One” (the unburdening path)"],
        [INDENT + short_date(reached), INDENT + "Solo session", "Unburdening with Little One"],
    ]
    assert model.index(2, 1).data(Qt.ItemDataRole.FontRole).bold()

    opened: list[str] = []
    view.open_entry.connect(opened.append)
    table.setFocus()
    table.setCurrentIndex(model.index(3, 2))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened == [entry_id]
    table.setCurrentIndex(model.index(2, 2))  # a stage's row opens nothing
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened == [entry_id]


def test_a_hostile_entry_title_is_text(qtbot: QtBot, vault: Vault) -> None:
    part = vault.parts.add(Part(name="Fog"))
    vault.entries.add(Entry(title=HOSTILE, parts=[PartPresence(part_id=part.id)]))
    model = PartPathModel()
    model.set_events(vault.parts.history(part.id), vault.parts.appears_in(part.id))
    assert model.index(1, 2).data() == HOSTILE
    assert model.index(1, 2).data(Qt.ItemDataRole.ToolTipRole) is None


def test_the_path_model_passes_the_model_tester(qtmodeltester,  # type: ignore[no-untyped-def]
                                                sample_vault: Vault) -> None:
    busiest = max(sample_vault.parts.list(),
                  key=lambda p: len(sample_vault.parts.appears_in(p.id)))
    model = PartPathModel()
    model.set_events(sample_vault.parts.history(busiest.id),
                     sample_vault.parts.appears_in(busiest.id))
    assert any(isinstance(model.row(r), EntrySummary) for r in range(model.rowCount()))
    assert any(isinstance(model.row(r), StageEvent) for r in range(model.rowCount()))
    qtmodeltester.check(model, force_py=True)
