"""Insights on the sample journal: the numbers shown, the date range, clicks, merge and split."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from partsjournal.domain import utc_now
from partsjournal.flows.sample_journal import entry_ages
from partsjournal.reports.insights import DateRange, build_insights
from partsjournal.ui.common.changes import Change, Changes
from partsjournal.ui.insights.insights_view import ID_ROLE, InsightsView
from partsjournal.ui.parts.part_surgery_dialogs import MergePartsDialog, SplitPartDialog
from partsjournal.vault import Vault
from partsjournal.vault.insight_queries import InsightQueries

from ..fixtures import shown, unlabelled


def make(qtbot: QtBot, vault: Vault) -> InsightsView:
    return shown(qtbot, InsightsView(vault), 1200, 1600)


def test_numbers_on_the_sample_journal(qtbot: QtBot, sample_vault: Vault,
                                       qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    view = make(qtbot, sample_vault)
    assert view.preset.currentData() == "90"
    expected_entries = sum(1 for days in entry_ages() if days < 90)
    assert view.insights is not None
    assert view.insights.entry_count == expected_entries == 33
    assert view.summary.text().startswith(f"{expected_entries} entries · ")
    span = DateRange.last_days(90, utc_now())
    wanted = build_insights(sample_vault, span.since, span.until)
    assert [p.entry_id for p in view.insights.energy] == [p.entry_id for p in wanted.energy]
    assert f"{wanted.rated_count} ratings, averaging {wanted.energy_average:.1f}." in \
        view.energy_caption.text()
    qtbot.waitUntil(lambda: len(view.energy_chart.hits) == wanted.rated_count)
    assert view.qualities_chart.accessibleDescription().startswith("Calm averaged")
    assert len(view.timeline_chart._timelines) == len(wanted.timelines)

    model = view.activity
    qtmodeltester.check(model)
    rows = [model.row_data(r) for r in range(model.rowCount())]
    assert rows == InsightQueries(sample_vault.db).part_activity(span.since, span.until)
    most = view.most_view.model()
    first = most.index(0, 0)
    assert first.data() == rows[0].name and most.index(0, 1).data() == str(rows[0].count)
    counts = [int(most.index(r, 1).data()) for r in range(most.rowCount())]
    assert counts == sorted(counts, reverse=True)
    recent = view.recent_view.model()
    latest = max(r.last_seen for r in rows)
    assert recent.index(0, 0).data(ID_ROLE) in {r.part_id for r in rows if r.last_seen == latest}
    shown = [view.activity.row_data(recent.mapToSource(recent.index(r, 0)).row()).last_seen
             for r in range(recent.rowCount())]
    assert shown == sorted(shown, reverse=True)


def test_the_date_range_changes_what_is_shown(qtbot: QtBot, sample_vault: Vault) -> None:
    view = make(qtbot, sample_vault)
    view.set_preset("all")
    assert view.insights is not None and view.insights.entry_count == len(entry_ages())
    assert view.date_range() == DateRange(None, None)
    view.set_preset("30")
    thirty = sum(1 for days in entry_ages() if days < 29)
    assert view.insights.entry_count in (thirty, thirty + 1)
    today = utc_now().astimezone().date()
    view.set_dates(today + timedelta(days=5), today + timedelta(days=9))
    assert view.preset.currentData() == "custom"
    assert view.insights.entry_count == 0
    assert "No Self-energy ratings" not in view.energy_caption.text()
    assert view.energy_chart.hits == [] and view.activity.rowCount() == 0
    # Editing a date switches to chosen dates and reloads.
    view.set_preset("all")
    view.since_edit.setDate(view.since_edit.date().addDays(30))
    assert view.preset.currentData() == "custom"
    assert 0 < view.insights.entry_count < len(entry_ages())


def test_clicking_a_point_or_a_part_opens_it(qtbot: QtBot, sample_vault: Vault) -> None:
    view = make(qtbot, sample_vault)
    qtbot.waitUntil(lambda: bool(view.energy_chart.hits) and bool(view.timeline_chart.hits))
    hit = view.energy_chart.hits[-1]
    with qtbot.waitSignal(view.open_entry) as opened:
        qtbot.mouseClick(view.energy_chart, Qt.MouseButton.LeftButton,
                         pos=hit.rect.center().toPoint())
    assert opened.args == [hit.id]
    assert sample_vault.entries.get(hit.id).self_energy is not None
    part_hit = next(h for h in view.timeline_chart.hits if h.kind == "part")
    with qtbot.waitSignal(view.open_part) as part_opened:
        qtbot.mouseClick(view.timeline_chart, Qt.MouseButton.LeftButton,
                         pos=part_hit.rect.center().toPoint())
    assert part_opened.args == [part_hit.id]
    with qtbot.waitSignal(view.open_part) as from_list:
        view.most_view.doubleClicked.emit(view.most_view.model().index(0, 0))
    most = view.most_view.model()
    assert from_list.args == [most.index(0, 0).data(ID_ROLE)]
    with qtbot.assertNotEmitted(view.open_entry):
        qtbot.mouseClick(view.energy_chart, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))


def test_clear_forgets_what_was_shown(qtbot: QtBot, sample_vault: Vault) -> None:
    view = make(qtbot, sample_vault)
    view.clear()
    assert view.activity.rowCount() == 0 and view.insights is None
    assert view.summary.text() == "" and view.energy_caption.text() == ""
    assert view.timeline_chart.accessibleDescription() == "No parts were active"
    qtbot.waitUntil(lambda: view.energy_chart.hits == [] and view.timeline_chart.hits == [])


def test_an_empty_journal_says_so_kindly(qtbot: QtBot, vault: Vault) -> None:
    view = make(qtbot, vault)
    assert view.summary.text() == "0 entries · 0 parts showed up"
    assert view.energy_caption.text() == ""
    assert not view.merge_button.isEnabled() and not view.split_button.isEnabled()
    assert view.energy_chart.accessibleDescription() == "No ratings in this time"


def test_merge_from_insights_then_undo(qtbot: QtBot, sample_vault: Vault, modals) -> None:  # type: ignore[no-untyped-def]
    vault = sample_vault
    parts = {p.name: p for p in vault.parts.list(include_archived=True)}
    critic, planner = parts["The Critic"], parts["The Planner"]
    entries_before = {e.id for e in vault.parts.appears_in(planner.id)}
    view = make(qtbot, vault)
    changed: list[Changes] = []
    view.announced.connect(changed.append)

    def answer(dialog: QWidget) -> bool:
        assert isinstance(dialog, MergePartsDialog)
        dialog.keep.setCurrentIndex(dialog.keep.findData(critic.id))
        dialog.absorb.setCurrentIndex(dialog.absorb.findData(planner.id))
        assert "“The Planner” will be removed" in dialog.preview.text()
        assert dialog.merge_button.isEnabled()
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
        return True

    modals.on(MergePartsDialog, answer)
    command = view.merge_parts()
    merged = frozenset({Change.PARTS, Change.RELATIONS, Change.ENTRIES})
    assert command is not None and [c.what for c in changed] == [merged]
    assert changed[0].made_by(view)
    assert vault.parts.find_by_name("The Planner") is None
    assert entries_before <= {e.id for e in vault.parts.appears_in(critic.id)}
    names = [view.activity.row_data(r).name for r in range(view.activity.rowCount())]
    assert "The Planner" not in names
    view.undo_stack.undo()
    assert vault.parts.get(planner.id).name == "The Planner"
    assert {e.id for e in vault.parts.appears_in(planner.id)} == entries_before
    assert [c.what for c in changed] == [merged, merged]
    assert "The Planner" in [view.activity.row_data(r).name
                             for r in range(view.activity.rowCount())]


def test_split_from_insights_then_undo(qtbot: QtBot, sample_vault: Vault, modals,  # type: ignore[no-untyped-def]
                                       qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    vault = sample_vault
    view = make(qtbot, vault)
    assert not view.split_button.isEnabled()
    view.most_view.selectRow(0)
    source_id = view.selected_part_id()
    assert source_id is not None and view.split_button.isEnabled()
    source_entries = vault.parts.appears_in(source_id)
    chosen = source_entries[0].id

    def answer(dialog: QWidget) -> bool:
        assert isinstance(dialog, SplitPartDialog)
        assert not dialog.split_button.isEnabled()
        qtbot.keyClicks(dialog.name_edit, "Hidden helper")
        qtmodeltester.check(dialog.entries)
        dialog.entries.tick(chosen)
        first_field = next(iter(dialog.field_boxes.values()))
        first_field.setChecked(True)
        qtbot.mouseClick(dialog.split_button, Qt.MouseButton.LeftButton)
        return True

    modals.on(SplitPartDialog, answer)
    command = view.split_part()
    assert command is not None
    new = vault.parts.get(command.new_part_id)
    assert new.name == "Hidden helper"
    assert [e.id for e in vault.parts.appears_in(new.id)] == [chosen]
    assert chosen not in {e.id for e in vault.parts.appears_in(source_id)}
    view.undo_stack.undo()
    assert vault.parts.find_by_name("Hidden helper") is None
    assert [e.id for e in vault.parts.appears_in(source_id)] == [e.id for e in source_entries]


def test_every_control_has_a_name(qtbot: QtBot, sample_vault: Vault) -> None:
    view = make(qtbot, sample_vault)
    assert unlabelled(view) == []
    parts = sample_vault.parts.list()
    merge = MergePartsDialog(sample_vault, keep_id=parts[0].id)
    split = SplitPartDialog(sample_vault, parts[0].id)
    for dialog in (merge, split):
        qtbot.addWidget(dialog)
        assert unlabelled(dialog) == []


@pytest.mark.parametrize("same", [True, False])
def test_merge_dialog_needs_two_different_parts(qtbot: QtBot, sample_vault: Vault,
                                                same: bool) -> None:
    parts = sample_vault.parts.list()
    dialog = MergePartsDialog(sample_vault, keep_id=parts[0].id,
                              absorb_id=parts[0].id if same else parts[1].id)
    qtbot.addWidget(dialog)
    assert dialog.merge_button.isEnabled() is not same


def test_the_summary_counts_the_parts_that_showed_up(qtbot: QtBot, vault: Vault) -> None:
    """One part in an entry, another only moved a stage: "1 part showed up", not 2 active."""
    from partsjournal.domain import Entry, Part, PartPresence, Stage

    came = vault.parts.add(Part(name="The Critic"))
    moved = vault.parts.add(Part(name="Eight"))
    moved.stage = Stage.BEFRIENDED
    vault.parts.update(moved, stage_note="She looked at me.")
    vault.entries.add(Entry(title="A loud day", parts=[PartPresence(part_id=came.id)]))
    view = make(qtbot, vault)
    assert view.summary.text() == "1 entry · 1 part showed up"
    assert view.activity.rowCount() == 1


def test_the_wheel_over_a_list_scrolls_the_page(qtbot: QtBot, sample_vault: Vault) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    view = make(qtbot, sample_vault)
    view.resize(1200, 700)
    page = view.page_scroll.verticalScrollBar()
    inner = view.most_view.verticalScrollBar()
    page.setValue(page.maximum() // 2)
    qtbot.waitUntil(lambda: inner.maximum() > 0 and page.maximum() > 0)  # both could scroll
    before_page, before_inner = page.value(), inner.value()
    viewport = view.most_view.viewport()
    centre = QPointF(viewport.rect().center())
    down = QWheelEvent(centre, QPointF(viewport.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                       QPoint(0, -240), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                       Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, down)
    assert page.value() > before_page and inner.value() == before_inner
