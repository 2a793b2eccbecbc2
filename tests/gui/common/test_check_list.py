"""The one check list model: ticking, locked rows, plain rows, and what views read from it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from partsjournal.ui.common.check_list import CheckItem, CheckListModel
from partsjournal.ui.common.models import ID_ROLE

from ..fixtures import MARKUP as HOSTILE


def test_ticking_rows(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = CheckListModel()
    model.set_items([CheckItem("a", "A"), CheckItem("b", "B"), CheckItem("c", "C")])
    qtmodeltester.check(model, force_py=True)
    model.tick("c")
    assert model.setData(model.index(0, 0), Qt.CheckState.Checked.value,
                         Qt.ItemDataRole.CheckStateRole)
    assert model.checked_keys() == ["a", "c"]  # in row order, not in ticking order
    model.tick("a", False)
    assert model.checked_keys() == ["c"]
    assert not model.setData(model.index(0, 0), "x", Qt.ItemDataRole.EditRole)
    assert model.index(1, 0).data(ID_ROLE) == "b"


def test_a_locked_row_stays_ticked(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = CheckListModel()
    model.set_items([CheckItem("a", "A"), CheckItem("name", "Name", locked=True)])
    qtmodeltester.check(model, force_py=True)
    model.set_all(False)
    assert model.checked_keys() == ["name"]
    assert not model.setData(model.index(1, 0), Qt.CheckState.Unchecked.value,
                             Qt.ItemDataRole.CheckStateRole)
    assert not model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsUserCheckable


def test_plain_rows_have_no_tick_boxes(qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = CheckListModel(checkable=False)
    model.set_items([CheckItem("a", "A", color=QColor("#aa3355"))])
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) is None
    assert model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is not None


def test_a_tooltip_is_plain_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = CheckListModel()
    model.set_items([CheckItem("a", HOSTILE, tooltip=HOSTILE), CheckItem("b", "B")])
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tip and "&lt;img" in tip
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) is None
    assert model.index(0, 0).data(Qt.ItemDataRole.DisplayRole) == HOSTILE  # drawn as typed
