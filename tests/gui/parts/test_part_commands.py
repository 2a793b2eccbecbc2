"""Merge and split as undoable commands: what is stored before, after, after undo and redo."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from partsjournal.domain import Entry, Part, PartPresence, Relation, RelationKind, Role
from partsjournal.errors import NotFound
from partsjournal.ui.common.changes import Change, Changes
from partsjournal.ui.parts.part_commands import MergePartsCommand, SplitPartCommand
from partsjournal.vault import Vault
from partsjournal.vault.part_surgery import SplitSpec


class Owner(QObject):
    """Stands in for the page that pushed the command: it collects what is announced."""

    announced = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.heard: list[Changes] = []
        self.announced.connect(self.heard.append)


def dump(vault: Vault) -> dict[str, list[tuple[Any, ...]]]:
    db = vault.db
    return {table: db.all(f"SELECT * FROM {table} ORDER BY 1, 2")
            for table in ("parts", "stage_events", "relations", "entry_parts")}


def seed(vault: Vault) -> tuple[Part, Part, Part, Entry]:
    worrier = vault.parts.add(Part(name="Worrier & Co", role=Role.MANAGER, job="Plans"))
    planner = vault.parts.add(Part(name="Planner", fears="Chaos"))
    little = vault.parts.add(Part(name="Little one", role=Role.EXILE))
    vault.relations.add(Relation(RelationKind.PROTECTS, planner.id, little.id))
    entry = vault.entries.add(Entry(title="lists", parts=[PartPresence(part_id=planner.id),
                                                          PartPresence(part_id=little.id)]))
    return worrier, planner, little, entry


def test_merge_undo_redo(qtbot: QtBot, vault: Vault) -> None:
    worrier, planner, little, entry = seed(vault)
    stack = QUndoStack()
    owner = Owner()
    before = dump(vault)
    command = MergePartsCommand(vault, worrier.id, planner.id, owner=owner)
    assert command.text() == "Merge “Planner” into “Worrier && Co”"
    stack.push(command)
    after = dump(vault)
    surgery = Changes(frozenset({Change.PARTS, Change.RELATIONS, Change.ENTRIES}), owner)
    assert command.error is None and owner.heard == [surgery]
    assert vault.parts.find_by_name("Planner") is None
    assert [p.part_id for p in vault.entries.get(entry.id).parts] == [worrier.id, little.id]
    assert vault.parts.get(worrier.id).fears == "Chaos"
    assert [r.from_part_id for r in vault.relations.list(little.id)] == [worrier.id]
    assert stack.undoText() == "Merge “Planner” into “Worrier && Co”"

    stack.undo()
    assert dump(vault) == before and owner.heard == [surgery, surgery]
    assert vault.parts.get(planner.id).name == "Planner"
    stack.redo()
    assert dump(vault) == after
    stack.undo()
    assert dump(vault) == before


def test_split_undo_redo(qtbot: QtBot, vault: Vault) -> None:
    _worrier, planner, little, entry = seed(vault)
    stack = QUndoStack()
    before = dump(vault)
    spec = SplitSpec(name="List-maker", role=Role.MANAGER, entry_ids=(entry.id,),
                     move_fields=("fears",), stage_note="Split off from Planner")
    command = SplitPartCommand(vault, planner.id, spec)
    assert command.text() == "Split “List-maker” off “Planner”"
    stack.push(command)
    after = dump(vault)
    new = vault.parts.get(command.new_part_id)
    assert (new.name, new.fears) == ("List-maker", "Chaos")
    assert vault.parts.get(planner.id).fears == ""
    assert [p.part_id for p in vault.entries.get(entry.id).parts] == [new.id, little.id]
    stack.undo()
    assert dump(vault) == before
    with pytest.raises(NotFound):
        vault.parts.get(command.new_part_id)
    stack.redo()
    assert dump(vault) == after
    assert vault.parts.get(command.new_part_id).name == "List-maker"


def test_a_refused_change_leaves_nothing_on_the_stack(qtbot: QtBot, vault: Vault) -> None:
    worrier, planner, _little, _entry = seed(vault)
    stack = QUndoStack()
    stack.push(MergePartsCommand(vault, worrier.id, planner.id))
    before = dump(vault)
    owner = Owner()
    again = MergePartsCommand(vault, worrier.id, planner.id, owner=owner)  # planner is gone now
    stack.push(again)
    assert isinstance(again.error, NotFound)
    assert owner.heard == []  # a refused change is never announced
    assert stack.count() == 1 and dump(vault) == before
    split = SplitPartCommand(vault, worrier.id, SplitSpec(name="  "))
    stack.push(split)
    assert split.error is not None and stack.count() == 1
