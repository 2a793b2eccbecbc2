"""The Parts page driven like a person: typing profiles, stages, relations, archive, delete."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from partsjournal.domain.model import Part, Relation, RelationKind, Role, Stage
from partsjournal.ui.common.models import ID_ROLE
from partsjournal.ui.common.theme import ROLE_COLORS
from partsjournal.ui.common.vocabulary import role_group_label, stage_label
from partsjournal.ui.parts import parts_view as parts_view_module
from partsjournal.ui.parts.part_models import PartTreeModel
from partsjournal.ui.parts.parts_view import PartsView
from partsjournal.vault import Vault
from partsjournal.vault.entries import EntryFilter

from ..fixtures import MARKUP as HOSTILE
from ..fixtures import shown


@pytest.fixture(autouse=True)
def _quick_autosave(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same debounce logic, with a shorter pause so the suite stays fast."""
    monkeypatch.setattr(parts_view_module, "AUTOSAVE_MS", 60)


def make_view(qtbot: QtBot, vault: Vault) -> PartsView:
    return shown(qtbot, PartsView(vault), activate=True)


def child(view: QWidget, kind: type, name: str):  # type: ignore[no-untyped-def]
    found = view.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name}"
    return found


def choose(combo: QComboBox, data: str) -> None:
    """Pick an item the way the popup would: by making it the current one."""
    index = combo.findData(data)
    assert index >= 0
    combo.setCurrentIndex(index)


def open_tab(qtbot: QtBot, view: PartsView, title: str) -> None:
    tabs = child(view, QTabWidget, "partTabs")
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == title)
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=tabs.tabBar().tabRect(index).center())
    assert tabs.currentIndex() == index


def tree_names(view: PartsView) -> dict[str, list[str]]:
    """What the tree shows: group heading → part rows."""
    model = child(view, QTreeView, "partTree").model()
    shown: dict[str, list[str]] = {}
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        rows = range(model.rowCount(group))
        shown[group.data()] = [model.index(r, 0, group).data() for r in rows]
    return shown


def click_part(qtbot: QtBot, view: PartsView, part_id: str) -> None:
    tree = child(view, QTreeView, "partTree")
    index = tree.model().index_of(part_id)
    assert index.isValid()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualRect(index).center())
    assert view.current_part_id() == part_id


def test_empty_state_until_a_part_is_chosen(qtbot: QtBot, sample_vault: Vault) -> None:
    view = make_view(qtbot, sample_vault)
    empty = child(view, QLabel, "emptyState")
    assert empty.isVisible()
    assert "Select a part on the left" in empty.text()
    assert not child(view, QLineEdit, "partName").isVisible()
    assert view.current_part_id() is None
    tree = child(view, QTreeView, "partTree")
    assert tree.isHeaderHidden()
    model = tree.model()
    assert all(tree.isExpanded(model.index(g, 0)) for g in range(model.rowCount()))


def test_creating_a_part_by_typing(qtbot: QtBot, vault: Vault) -> None:
    view = make_view(qtbot, vault)
    qtbot.mouseClick(child(view, QPushButton, "newPart"), Qt.MouseButton.LeftButton)
    name = child(view, QLineEdit, "partName")
    assert name.isVisible()
    qtbot.waitUntil(name.hasFocus)
    assert view.current_part_id() is None  # not stored until it has a name
    assert vault.parts.count() == 0

    with qtbot.waitSignal(view.status, timeout=3000) as saved:
        qtbot.keyClicks(name, "Inner Critic")
        choose(child(view, QComboBox, "partRole"), Role.MANAGER.value)
        qtbot.keyClicks(child(view, QPlainTextEdit, "part_job"), "Keeps me safe from shame.")
    assert saved.args == ["Saved"]
    qtbot.waitUntil(lambda: vault.parts.count() == 1
                    and vault.parts.list()[0].job == "Keeps me safe from shame.")
    stored = vault.parts.list()[0]
    assert (stored.name, stored.role) == ("Inner Critic", Role.MANAGER)
    assert view.current_part_id() == stored.id
    assert tree_names(view)[f"{role_group_label(Role.MANAGER)} (1)"] == ["Inner Critic"]
    tree = child(view, QTreeView, "partTree")
    assert tree.currentIndex().data(ID_ROLE) == stored.id  # selection follows the new part
    assert len(vault.parts.history(stored.id)) == 1


def test_empty_new_part_is_not_stored(qtbot: QtBot, vault: Vault) -> None:
    view = make_view(qtbot, vault)
    view.new_part()
    view.flush()
    assert vault.parts.count() == 0
    assert not child(view, QLabel, "problem").isVisible()


def test_editing_a_field_and_flushing_stores_it(qtbot: QtBot, vault: Vault) -> None:
    part = vault.parts.add(Part(name="Planner", role=Role.MANAGER))
    view = make_view(qtbot, vault)
    click_part(qtbot, view, part.id)
    fears = child(view, QPlainTextEdit, "part_fears")
    qtbot.keyClicks(fears, "Chaos if it rests.")
    trust = child(view, QSpinBox, "partTrust")
    assert trust.text() == "—"  # not rated yet
    trust.setValue(4)
    with qtbot.waitSignal(view.status) as saved:
        view.flush()
    assert saved.args == ["Saved"]
    stored = vault.parts.get(part.id)
    assert (stored.fears, stored.trust_in_self) == ("Chaos if it rests.", 4)
    assert stored.revision == part.revision + 1
    # Nothing changed since: flushing again does not touch the part.
    with qtbot.assertNotEmitted(view.status):
        view.flush()
    assert vault.parts.get(part.id).revision == stored.revision


def test_renaming_keeps_the_selection_in_the_tree(qtbot: QtBot, vault: Vault) -> None:
    part = vault.parts.add(Part(name="Scroller", role=Role.FIREFIGHTER))
    vault.parts.add(Part(name="Another", role=Role.FIREFIGHTER))
    view = make_view(qtbot, vault)
    click_part(qtbot, view, part.id)
    name = child(view, QLineEdit, "partName")
    name.selectAll()
    qtbot.keyClicks(name, "Zz Scroller")
    qtbot.waitUntil(lambda: vault.parts.get(part.id).name == "Zz Scroller")
    tree = child(view, QTreeView, "partTree")
    qtbot.waitUntil(lambda: tree.currentIndex().data() == "Zz Scroller")
    assert tree.currentIndex().data(ID_ROLE) == part.id
    assert child(view, QLabel, "partHeader").text() == "Zz Scroller"


def test_switching_parts_saves_the_one_being_edited(qtbot: QtBot, vault: Vault) -> None:
    first = vault.parts.add(Part(name="Aa", role=Role.MANAGER))
    second = vault.parts.add(Part(name="Bb", role=Role.MANAGER))
    view = make_view(qtbot, vault)
    click_part(qtbot, view, first.id)
    qtbot.keyClicks(child(view, QLineEdit, "partName"), " renamed")
    with qtbot.assertNotEmitted(child(view, QTimer, "autosaveTimer").timeout):
        click_part(qtbot, view, second.id)  # before the autosave pause is over
    assert vault.parts.get(first.id).name == "Aa renamed"
    tree = child(view, QTreeView, "partTree")
    assert tree.currentIndex().data(ID_ROLE) == second.id
    assert child(view, QLineEdit, "partName").text() == "Bb"
    assert tree_names(view)[f"{role_group_label(Role.MANAGER)} (2)"] == ["Aa renamed", "Bb"]


def test_own_colour_and_back_to_the_role_colour(qtbot: QtBot, vault: Vault,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    part = vault.parts.add(Part(name="Snapper", role=Role.FIREFIGHTER))
    view = make_view(qtbot, vault)
    click_part(qtbot, view, part.id)
    reset = child(view, QPushButton, "partColourReset")
    assert not reset.isEnabled()
    monkeypatch.setattr(QColorDialog, "getColor", lambda *args, **kwargs: QColor("#aa3311"))
    qtbot.mouseClick(child(view, QPushButton, "partColour"), Qt.MouseButton.LeftButton)
    view.flush()
    assert vault.parts.get(part.id).color == "#aa3311"
    tree = child(view, QTreeView, "partTree")
    assert tree.model().index_of(part.id).data(Qt.ItemDataRole.DecorationRole) == \
        QColor("#aa3311")
    assert reset.isEnabled()
    qtbot.mouseClick(reset, Qt.MouseButton.LeftButton)
    view.flush()
    assert vault.parts.get(part.id).color == ""
    assert tree.model().index_of(part.id).data(Qt.ItemDataRole.DecorationRole) == \
        QColor(ROLE_COLORS[Role.FIREFIGHTER])


def test_keyboard_moves_through_the_profile_in_order(qtbot: QtBot, vault: Vault) -> None:
    view = make_view(qtbot, vault)
    view.new_part()
    name = child(view, QLineEdit, "partName")
    qtbot.waitUntil(name.hasFocus)
    order = []
    for _ in range(7):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget().objectName())
    # "Use role colour" is disabled without an own colour and the stage note is hidden until the
    # stage changes, so Tab passes them by; in text boxes Tab moves on instead of typing a tab.
    assert order == ["partRole", "partColour", "partStage", "partTrust", "part_job",
                     "part_fears", "part_age"]
    assert child(view, QPlainTextEdit, "part_job").toPlainText() == ""


def test_stage_change_records_an_event_with_its_note(qtbot: QtBot, vault: Vault) -> None:
    part = vault.parts.add(Part(name="Eight", role=Role.EXILE))
    view = make_view(qtbot, vault)
    click_part(qtbot, view, part.id)
    stage = child(view, QComboBox, "partStage")
    note = child(view, QLineEdit, "stageNote")
    assert note.isVisible() and not note.isEnabled()  # there, so nothing jumps when it's needed
    form_height = child(view, QComboBox, "partStage").parentWidget().height()

    # Arrowing through the stages records nothing while the person is still choosing.
    stage.setFocus()
    qtbot.waitUntil(stage.hasFocus)
    qtbot.keyClick(stage, Qt.Key.Key_Down)
    qtbot.keyClick(stage, Qt.Key.Key_Down)
    assert stage.currentData() == Stage.BEFRIENDED.value
    assert note.isEnabled()
    assert child(view, QComboBox, "partStage").parentWidget().height() == form_height
    with qtbot.waitSignal(child(view, QTimer, "autosaveTimer").timeout, timeout=3000):
        pass
    assert [e.stage for e in vault.parts.history(part.id)] == [Stage.NOTICED]

    note.setFocus()
    qtbot.keyClicks(note, "She looked at me for the first time.")
    with qtbot.waitSignal(view.status, timeout=3000):
        qtbot.keyClick(note, Qt.Key.Key_Return)  # finishing the note records the change
    events = vault.parts.history(part.id)
    assert [(e.stage, e.note) for e in events] == [
        (Stage.NOTICED, ""), (Stage.BEFRIENDED, "She looked at me for the first time.")]
    assert vault.parts.get(part.id).stage is Stage.BEFRIENDED
    assert not note.isEnabled() and note.text() == ""

    open_tab(qtbot, view, "History")
    history = child(view, QTableView, "historyTable").model()
    assert history.rowCount() == 2
    assert history.index(1, 1).data() == stage_label(Stage.BEFRIENDED)
    assert history.index(1, 2).data() == "She looked at me for the first time."


def test_the_history_shows_a_new_stage_at_once(qtbot: QtBot, vault: Vault) -> None:
    part = vault.parts.add(Part(name="Fog"))
    view = make_view(qtbot, vault)
    click_part(qtbot, view, part.id)
    choose(child(view, QComboBox, "partStage"), Stage.GETTING_TO_KNOW.value)
    open_tab(qtbot, view, "History")  # no note, no leaving the part: just looking
    history = child(view, QTableView, "historyTable").model()
    assert [history.index(r, 1).data() for r in range(history.rowCount())] == [
        stage_label(Stage.NOTICED), stage_label(Stage.GETTING_TO_KNOW)]
    assert vault.parts.get(part.id).stage is Stage.GETTING_TO_KNOW


def test_stage_change_is_recorded_on_flush(qtbot: QtBot, vault: Vault) -> None:
    part = vault.parts.add(Part(name="Fog"))
    view = make_view(qtbot, vault)
    click_part(qtbot, view, part.id)
    choose(child(view, QComboBox, "partStage"), Stage.GETTING_TO_KNOW.value)
    qtbot.keyClicks(child(view, QLineEdit, "stageNote"), "It let me see it.")
    view.flush()
    assert [(e.stage, e.note) for e in vault.parts.history(part.id)][-1] == (
        Stage.GETTING_TO_KNOW, "It let me see it.")


def test_adding_and_removing_a_relation(qtbot: QtBot, vault: Vault) -> None:
    critic = vault.parts.add(Part(name="Critic", role=Role.MANAGER))
    snapper = vault.parts.add(Part(name="Snapper", role=Role.FIREFIGHTER))
    view = make_view(qtbot, vault)
    click_part(qtbot, view, critic.id)
    open_tab(qtbot, view, "Relations")
    other = child(view, QComboBox, "relationOther")
    assert [other.itemText(i) for i in range(other.count())] == ["Snapper"]  # not itself
    choose(child(view, QComboBox, "relationKind"), "polarized")
    qtbot.keyClicks(child(view, QLineEdit, "relationNote"), "Control versus release.")
    with qtbot.waitSignal(view.status) as added:
        qtbot.mouseClick(child(view, QPushButton, "addRelation"), Qt.MouseButton.LeftButton)
    assert added.args == ["Relationship added"]
    [stored] = vault.relations.list(critic.id)
    assert (stored.kind, stored.from_part_id, stored.to_part_id, stored.note) == (
        RelationKind.POLARIZED, critic.id, snapper.id, "Control versus release.")
    table = child(view, QTableView, "relationsTable")
    model = table.model()
    assert [model.index(0, c).data() for c in range(3)] == [
        "Polarized with", "Snapper", "Control versus release."]
    assert child(view, QLineEdit, "relationNote").text() == ""

    # The same relationship again is refused calmly.
    choose(child(view, QComboBox, "relationKind"), "polarized")
    qtbot.mouseClick(child(view, QPushButton, "addRelation"), Qt.MouseButton.LeftButton)
    problem = child(view, QLabel, "problem")
    assert problem.isVisible() and "already" in problem.text()
    assert len(vault.relations.list()) == 1

    remove = child(view, QPushButton, "removeRelation")
    table.clearSelection()
    assert not remove.isEnabled()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(model.index(0, 1)).center())
    assert remove.isEnabled()
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert vault.relations.list() == []
    assert model.rowCount() == 0


def test_is_protected_by_stores_the_reverse_direction(qtbot: QtBot, vault: Vault) -> None:
    exile = vault.parts.add(Part(name="Eight", role=Role.EXILE))
    critic = vault.parts.add(Part(name="Critic", role=Role.MANAGER))
    view = make_view(qtbot, vault)
    click_part(qtbot, view, exile.id)
    open_tab(qtbot, view, "Relations")
    choose(child(view, QComboBox, "relationKind"), "protected_by")
    choose(child(view, QComboBox, "relationOther"), critic.id)
    qtbot.mouseClick(child(view, QPushButton, "addRelation"), Qt.MouseButton.LeftButton)
    [stored] = vault.relations.list()
    assert (stored.kind, stored.from_part_id, stored.to_part_id) == (
        RelationKind.PROTECTS, critic.id, exile.id)
    assert child(view, QTableView, "relationsTable").model().index(0, 0).data() == \
        "Is protected by"


def test_archived_parts_hidden_until_asked_for(qtbot: QtBot, vault: Vault) -> None:
    vault.parts.add(Part(name="Shopper", role=Role.FIREFIGHTER, archived=True))
    scroller = vault.parts.add(Part(name="Scroller", role=Role.FIREFIGHTER))
    view = make_view(qtbot, vault)
    group = role_group_label(Role.FIREFIGHTER)
    assert tree_names(view)[f"{group} (1)"] == ["Scroller"]
    show = child(view, QCheckBox, "showArchived")
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton)
    assert show.isChecked()
    assert tree_names(view)[f"{group} (2)"] == ["Scroller", "Shopper (archived)"]

    # Archiving from the profile hides it again once the list is back to hiding archived parts.
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton)
    assert not show.isChecked()
    click_part(qtbot, view, scroller.id)
    with qtbot.waitSignal(view.status) as status:
        qtbot.mouseClick(child(view, QCheckBox, "partArchived"), Qt.MouseButton.LeftButton)
        view.flush()
    assert "Show archived" in status.args[0]
    assert vault.parts.get(scroller.id).archived
    assert tree_names(view)[f"{group} (0)"] == []
    assert view.current_part_id() == scroller.id  # still in the editor, nothing lost


def test_appears_in_lists_entries_and_opens_them(qtbot: QtBot, sample_vault: Vault) -> None:
    eight = sample_vault.parts.find_by_name("Eight")
    assert eight is not None
    expected = sample_vault.entries.list(EntryFilter(part_id=eight.id))
    assert len(expected) > 2
    view = make_view(qtbot, sample_vault)
    view.select_part(eight.id)
    assert child(view, QTreeView, "partTree").currentIndex().data(ID_ROLE) == eight.id
    open_tab(qtbot, view, "Appears in")
    listing = child(view, QListView, "appearsIn")
    model = listing.model()
    assert model.rowCount() == len(expected)
    assert [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())] == \
        [e.id for e in expected]
    assert expected[0].title in model.index(0, 0).data()

    where = listing.visualRect(model.index(0, 0)).center()
    opened_ids: list[str] = []
    view.open_entry.connect(opened_ids.append)
    # A double-click as the platform delivers it: a click (which only selects), then a second,
    # quicker press.
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert opened_ids == []
    with qtbot.waitSignal(view.open_entry):
        qtbot.mouseDClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert opened_ids == [expected[0].id]

    listing.setFocus()
    listing.setCurrentIndex(model.index(1, 0))
    with qtbot.waitSignal(view.open_entry) as opened:
        qtbot.keyClick(listing, Qt.Key.Key_Return)
    assert opened.args == [expected[1].id]


def test_hostile_name_is_shown_literally(qtbot: QtBot, vault: Vault) -> None:
    view = make_view(qtbot, vault)
    view.new_part()
    qtbot.keyClicks(child(view, QLineEdit, "partName"), HOSTILE)
    view.flush()
    [stored] = vault.parts.list()
    assert stored.name == HOSTILE
    view.reload()
    view.select_part(stored.id)
    assert child(view, QLineEdit, "partName").text() == HOSTILE
    tree = child(view, QTreeView, "partTree")
    assert tree.model().index_of(stored.id).data() == HOSTILE
    assert child(view, QLabel, "partHeader").text() == HOSTILE
    labels = view.findChildren(QLabel)
    showing = [label for label in labels if HOSTILE in label.text()]
    assert showing, "the name should be visible in a label (the header)"
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


def test_too_long_name_shows_a_message_and_is_not_stored(qtbot: QtBot, vault: Vault) -> None:
    view = make_view(qtbot, vault)
    view.new_part()
    name = child(view, QLineEdit, "partName")
    qtbot.keyClicks(name, "x" * 201)
    qtbot.keyClicks(child(view, QPlainTextEdit, "part_needs"), "To rest.")
    problem = child(view, QLabel, "problem")
    qtbot.waitUntil(problem.isVisible, timeout=3000)
    assert "200" in problem.text()
    assert problem.textFormat() == Qt.TextFormat.PlainText
    assert vault.parts.count() == 0
    assert len(name.text()) == 201  # nothing is lost from the widgets
    assert child(view, QPlainTextEdit, "part_needs").toPlainText() == "To rest."

    qtbot.keyClick(name, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: vault.parts.count() == 1, timeout=3000)
    assert vault.parts.list()[0].needs == "To rest."
    assert not problem.isVisible()


def test_switching_away_from_an_unsavable_part_keeps_it(qtbot: QtBot, vault: Vault) -> None:
    other = vault.parts.add(Part(name="Other"))
    view = make_view(qtbot, vault)
    view.new_part()
    qtbot.keyClicks(child(view, QPlainTextEdit, "part_body"), "Tight chest.")
    view.select_part(other.id)  # no name yet: it can't be stored, so we stay
    assert child(view, QPlainTextEdit, "part_body").toPlainText() == "Tight chest."
    assert child(view, QLabel, "problem").isVisible()
    assert vault.parts.count() == 1


def _answer_next_message_box(qtbot: QtBot, button_text: str) -> list[str]:
    """Click ``button_text`` in the confirmation once it is open; returns what it said."""
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen.extend([box.text(), box.informativeText(), str(box.textFormat())])
        button = next(b for b in box.buttons() if b.text() == button_text)
        button.click()

    QTimer.singleShot(0, answer)
    return seen


def test_delete_part_after_confirmation(qtbot: QtBot, sample_vault: Vault) -> None:
    eight = sample_vault.parts.find_by_name("Eight")
    assert eight is not None
    assert sample_vault.relations.list(eight.id)
    view = make_view(qtbot, sample_vault)
    view.select_part(eight.id)
    seen = _answer_next_message_box(qtbot, "Delete for good")
    with qtbot.waitSignal(view.status) as status:
        qtbot.mouseClick(child(view, QPushButton, "deletePart"), Qt.MouseButton.LeftButton)
    assert status.args == ["Part deleted"]
    assert "Eight" in seen[0]
    assert "history" in seen[1] and "entries" in seen[1] and "archive" in seen[1]
    assert "PlainText" in seen[2]
    assert sample_vault.parts.find_by_name("Eight") is None
    assert sample_vault.relations.list(eight.id) == []
    assert sample_vault.entries.list(EntryFilter(part_id=eight.id)) == []
    assert view.current_part_id() is None
    assert child(view, QLabel, "emptyState").isVisible()
    assert not any("Eight" in n for names in tree_names(view).values() for n in names)


def test_archive_instead_of_delete(qtbot: QtBot, vault: Vault) -> None:
    part = vault.parts.add(Part(name="Pleaser", role=Role.MANAGER))
    view = make_view(qtbot, vault)
    view.select_part(part.id)
    _answer_next_message_box(qtbot, "Archive instead")
    qtbot.mouseClick(child(view, QPushButton, "deletePart"), Qt.MouseButton.LeftButton)
    assert vault.parts.get(part.id).archived
    assert vault.parts.count() == 1


def test_every_input_is_named_for_assistive_technology(qtbot: QtBot, sample_vault: Vault) -> None:
    view = make_view(qtbot, sample_vault)
    view.select_part(sample_vault.parts.list()[0].id)
    buddies = {label.buddy() for label in view.findChildren(QLabel) if label.buddy()}
    inputs = [w for kind in (QLineEdit, QPlainTextEdit, QComboBox, QSpinBox, QTreeView,
                             QTableView, QListView)
              for w in view.findChildren(kind)
              # a combo's popup list and a spin box's line edit are named by their owner
              if w.window() is view and not isinstance(w.parent(), (QComboBox, QSpinBox))]
    assert len(inputs) > 15
    unnamed = [w.objectName() for w in inputs if not w.accessibleName() and w not in buddies]
    assert unnamed == []


def test_item_models_pass_the_model_tester(qtbot: QtBot, qtmodeltester,  # type: ignore[no-untyped-def]
                                           sample_vault: Vault) -> None:
    eight = sample_vault.parts.find_by_name("Eight")
    assert eight is not None
    view = make_view(qtbot, sample_vault)
    view.select_part(eight.id)
    tree = child(view, QTreeView, "partTree").model()
    assert isinstance(tree, PartTreeModel)
    history = child(view, QTableView, "historyTable").model()
    relations = child(view, QTableView, "relationsTable").model()
    assert history.rowCount() >= 2 and relations.rowCount() >= 1
    for model in (tree, history, relations, child(view, QListView, "appearsIn").model()):
        qtmodeltester.check(model, force_py=True)
    tree.set_show_archived(True)
    qtmodeltester.check(tree, force_py=True)


def test_reload_picks_up_changes_made_elsewhere(qtbot: QtBot, vault: Vault) -> None:
    critic = vault.parts.add(Part(name="Critic", role=Role.MANAGER))
    view = make_view(qtbot, vault)
    view.select_part(critic.id)
    # Elsewhere (the map, the journal's "new part" field) the journal changes.
    changed = vault.parts.get(critic.id)
    changed.job = "Checks every email twice."
    vault.parts.update(changed)
    other = vault.parts.add(Part(name="Tired One", role=Role.EXILE))
    vault.relations.add(Relation(RelationKind.PROTECTS, critic.id, other.id))
    view.reload()
    assert child(view, QPlainTextEdit, "part_job").toPlainText() == "Checks every email twice."
    assert child(view, QTableView, "relationsTable").model().index(0, 1).data() == "Tired One"
    assert tree_names(view)[f"{role_group_label(Role.EXILE)} (1)"] == ["Tired One"]
    assert view.current_part_id() == critic.id
    vault.parts.delete(critic.id)
    view.reload()
    assert view.current_part_id() is None
    assert child(view, QLabel, "emptyState").isVisible()


def test_the_parts_list_has_a_menu_for_what_sits_far_down_the_form(qtbot: QtBot,
                                                                   vault: Vault) -> None:
    critic = vault.parts.add(Part(name="Critic", role=Role.MANAGER))
    view = make_view(qtbot, vault)
    menu = view.part_menu(critic.id)
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert list(actions) == ["Archive", "Merge with another part…", "Split off a new part…",
                             "Delete…"]
    actions["Archive"].trigger()
    assert vault.parts.get(critic.id).archived
    again = {a.text(): a for a in view.part_menu(critic.id).actions() if a.text()}
    assert "Bring back from the archive" in again
    again["Bring back from the archive"].trigger()
    assert not vault.parts.get(critic.id).archived
    with qtbot.waitSignal(view.split_requested) as asked:
        again["Split off a new part…"].trigger()
    assert asked.args == [critic.id] and view.current_part_id() == critic.id


def test_merge_from_the_parts_menu_starts_with_that_part(qtbot: QtBot, vault: Vault) -> None:
    from partsjournal.ui.app.main_window import MainWindow
    from partsjournal.ui.parts.part_surgery_dialogs import MergePartsDialog

    from ..fixtures import ModalDriver

    vault.parts.add(Part(name="Critic", role=Role.MANAGER))
    planner = vault.parts.add(Part(name="Planner", role=Role.MANAGER))
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    window.show_parts()
    kept: list[str | None] = []

    def look(dialog: QWidget) -> bool:
        assert isinstance(dialog, MergePartsDialog)
        kept.append(dialog.keep_id)
        dialog.reject()
        return True

    modals = ModalDriver()
    modals.on(MergePartsDialog, look)
    try:
        menu = window.parts.part_menu(planner.id)
        next(a for a in menu.actions() if a.text() == "Merge with another part…").trigger()
    finally:
        modals.stop()
    assert kept == [planner.id]
