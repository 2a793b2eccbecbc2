"""A profile asks as fits the part's role: an exile is not asked about its job (issue 12, 7)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from partsjournal.domain.model import Part, Role
from partsjournal.ui.parts.parts_view import PartsView
from partsjournal.vault import Vault

from ..fixtures import shown

PROTECTOR_WORDS = ("its job", "positive intention", "stopped doing")


def _asked(view: PartsView) -> dict[str, str]:
    """What each text field asks (its placeholder) and what its row is called."""
    asked = {}
    for name in ("job", "fears", "age", "triggers"):
        edit = view.findChild(QPlainTextEdit, f"part_{name}") \
            or view.findChild(QLineEdit, f"part_{name}")  # age is one line
        assert edit is not None, name
        label = next(w for w in view.findChildren(QLabel) if w.buddy() is edit)
        asked[name] = edit.placeholderText()
        asked[f"{name} label"] = label.text()
        assert edit.accessibleName() == label.text()
    return asked


def _choose_role(view: PartsView, role: Role) -> None:
    combo = view.findChild(QComboBox, "partRole")
    assert combo is not None
    combo.setCurrentIndex(combo.findData(role.value))


def test_an_exile_is_asked_what_it_holds_not_what_its_job_is(qtbot: QtBot, vault: Vault) -> None:
    view = shown(qtbot, PartsView(vault), activate=True)
    view.new_part()
    _choose_role(view, Role.MANAGER)
    manager = _asked(view)
    assert "positive intention" in manager["job"]
    assert "stopped doing its job" in manager["fears"]
    assert manager["job label"] == "Its job"

    _choose_role(view, Role.EXILE)
    exile = _asked(view)
    for name in ("job", "fears", "age", "triggers"):
        assert not any(w in exile[name].lower() for w in PROTECTOR_WORDS), exile[name]
    assert exile["job label"] == "What it holds"
    assert "long for" in exile["job"]

    _choose_role(view, Role.FIREFIGHTER)
    firefighter = _asked(view)
    assert "step in" in firefighter["fears"] and "stop you" in firefighter["job"]

    _choose_role(view, Role.MANAGER)
    assert _asked(view) == manager


def test_opening_a_stored_exile_asks_as_for_an_exile(qtbot: QtBot, vault: Vault) -> None:
    critic = vault.parts.add(Part(name="The Critic", role=Role.MANAGER))
    little = vault.parts.add(Part(name="Little One", role=Role.EXILE))
    view = shown(qtbot, PartsView(vault), activate=True)
    view.select_part(little.id)
    assert _asked(view)["job label"] == "What it holds"
    view.select_part(critic.id)
    assert _asked(view)["job label"] == "Its job"
