"""The change bus: a rename in the profile reaches every page without reopening any of them."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QGraphicsTextItem
from pytestqt.qtbot import QtBot

from partsjournal.ui.app.main_window import MainWindow
from partsjournal.ui.common.changes import Change, Changes
from partsjournal.ui.common.models import OBJECT_ROLE
from partsjournal.vault import Vault

NEW_NAME = "The Inner Critic"


def _journal_chips(window: MainWindow) -> set[str]:
    model = window.journal.model
    names: set[str] = set()
    for row in range(model.rowCount(QModelIndex())):
        summary = model.index(row, 0).data(OBJECT_ROLE)
        names.update(summary.part_names)
    return names


def _map_labels(window: MainWindow, part_id: str) -> list[str]:
    item = window.map.scene.nodes[part_id]
    return [child.text() if isinstance(child, QGraphicsSimpleTextItem) else child.toPlainText()
            for child in item.childItems()
            if isinstance(child, QGraphicsSimpleTextItem | QGraphicsTextItem)]


def _insights_names(window: MainWindow) -> list[str]:
    model = window.insights.activity
    return [model.index(row, 0).data(Qt.ItemDataRole.DisplayRole)
            for row in range(model.rowCount(QModelIndex()))]


def test_renaming_a_part_reaches_every_page(qtbot: QtBot, sample_vault: Vault) -> None:
    vault = sample_vault
    critic = vault.parts.find_by_name("The Critic")
    assert critic is not None
    entry_id = vault.parts.appears_in(critic.id)[0].id
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    window.show_map()  # drawn once, as a person who looked at it before
    window.show_insights()
    window.open_entry(entry_id)  # the entry stays open in the journal's editor
    assert "The Critic" in _journal_chips(window)
    assert "The Critic" in _insights_names(window)
    heard: list[Changes] = []
    window.bus.changed.connect(heard.append)

    window.show_parts()
    window.parts.select_part(critic.id)
    form = window.parts._form
    form.name_edit.selectAll()
    qtbot.keyClicks(form.name_edit, NEW_NAME)
    assert window.parts.flush()  # what the autosave does a moment after typing

    assert [c.what for c in heard] == [frozenset({Change.PARTS})]
    assert heard[0].made_by(window.parts)
    assert vault.parts.get(critic.id).name == NEW_NAME
    assert NEW_NAME in _journal_chips(window) and "The Critic" not in _journal_chips(window)
    assert window.map.scene.nodes[critic.id].node.name == NEW_NAME
    assert NEW_NAME in _map_labels(window, critic.id)
    assert NEW_NAME in _insights_names(window) and "The Critic" not in _insights_names(window)
    editor = window.journal.editor
    assert NEW_NAME in [p.name for p in editor.presences.presences()]
    assert not editor.is_dirty  # a rename elsewhere is not an edit of this entry


def test_a_page_does_not_reload_for_its_own_change(qtbot: QtBot, sample_vault: Vault) -> None:
    window = MainWindow(sample_vault)
    qtbot.addWidget(window)
    reloads: list[int] = []
    window.parts.reload = lambda: reloads.append(1)  # type: ignore[method-assign]
    window.bus.announce([Change.PARTS], window.parts)
    assert reloads == []
    window.bus.announce([Change.PARTS], window.map)
    assert reloads == [1]
    window.bus.announce([Change.POSITIONS], window.map)  # nothing the parts page shows
    assert reloads == [1]


def _appears_in(window: MainWindow) -> list[str]:
    view = window.parts._entries
    model = view.model()
    return [model.index(row, 0).data(OBJECT_ROLE).id for row in range(model.rowCount())]


def test_deleting_an_entry_and_undoing_it_reach_the_parts_page(qtbot: QtBot,
                                                               sample_vault: Vault) -> None:
    """The undo of a delete goes over the bus too: the part's "appears in" list follows."""
    vault = sample_vault
    critic = vault.parts.find_by_name("The Critic")
    assert critic is not None
    entry_id = vault.parts.appears_in(critic.id)[0].id
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    window.open_part(critic.id)
    assert entry_id in _appears_in(window)
    heard: list[Changes] = []
    window.bus.changed.connect(heard.append)

    window.journal._delete(entry_id)  # what "Delete" does once the person said yes
    assert [c.what for c in heard] == [frozenset({Change.ENTRIES})]
    assert entry_id not in _appears_in(window)

    window.undo_action.trigger()
    assert [c.what for c in heard] == [frozenset({Change.ENTRIES})] * 2
    assert vault.entries.get(entry_id).id == entry_id
    assert entry_id in _appears_in(window)

    window.redo_action.trigger()
    assert len(heard) == 3 and entry_id not in _appears_in(window)


def test_a_part_added_from_an_entry_reaches_the_parts_page(qtbot: QtBot, vault: Vault,
                                                           monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Adding a new part inline in an entry announces it: the Parts page's list has it at once."""
    from PySide6.QtWidgets import QMessageBox

    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    window.show_parts()  # the list is built once, empty
    window.new_entry()
    editor = window.journal.editor
    qtbot.keyClicks(editor.body, "The lonely one spoke up today.")
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    heard: list[Changes] = []
    window.bus.changed.connect(heard.append)
    editor.part_input.setText("Lonely one")
    editor._add_typed_part()
    lonely = vault.parts.find_by_name("Lonely one")
    assert lonely is not None
    assert [c.what for c in heard] == [frozenset({Change.PARTS})] and heard[0].made_by(window.journal)
    assert window.parts._tree.model().index_of(lonely.id).data() == "Lonely one"
