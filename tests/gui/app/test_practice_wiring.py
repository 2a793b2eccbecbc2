"""Where the newer practices are reached: This week, the unburdening path, agreements at a session."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListView, QWidget
from pytestqt.qtbot import QtBot

from partsjournal.domain.agreements import Agreement
from partsjournal.domain.model import Part, Role
from partsjournal.ui.app.main_window import MainWindow
from partsjournal.ui.practice.guided_session import GuidedSessionDialog
from partsjournal.ui.practice.unburdening_dialog import UnburdeningDialog
from partsjournal.vault import Vault


def _menu_action(window: MainWindow, menu: str, text: str):  # type: ignore[no-untyped-def]
    found = next(a.menu() for a in window.menuBar().actions() if a.text() == menu)
    return next(a for a in found.actions() if a.text() == text)


def _texts(widget: QWidget) -> str:
    """What a person reads on ``widget``: its visible labels and the rows of its lists."""
    parts = [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]
    for view in widget.findChildren(QListView):
        model = view.model()
        parts += [str(model.index(r, 0).data()) for r in range(model.rowCount())]
    return "\n".join(parts)


def test_this_week_is_a_room_of_the_window(qtbot: QtBot, vault: Vault) -> None:
    eight = vault.parts.add(Part(name="Eight", role=Role.EXILE))
    vault.agreements.add(Agreement(part_id=eight.id, text="Check in with Eight each morning",
                                   ends_on=date.today() + timedelta(days=3)))
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_6,
                   Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.this_week
    assert window.page_title.text() == "This week" and window.this_week_action.isChecked()
    assert "Check in with Eight each morning" in _texts(window.this_week)
    assert "Eight" in _texts(window.this_week)


def test_the_practice_menu_opens_the_unburdening_path(qtbot: QtBot, vault: Vault) -> None:
    vault.parts.add(Part(name="Little One", role=Role.EXILE))
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    _menu_action(window, "P&ractice", "&Unburdening path with an exile…").trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(UnburdeningDialog)))
    dialog = next(d for d in window.findChildren(UnburdeningDialog) if d.isVisible())
    dialog.reject()


def test_a_guided_session_with_a_part_starts_with_its_open_agreements(
        qtbot: QtBot, vault: Vault) -> None:
    critic = vault.parts.add(Part(name="The Critic", role=Role.MANAGER))
    vault.agreements.add(Agreement(part_id=critic.id,
                                   text="Step back during presentations"))
    dialog = GuidedSessionDialog(vault, part_id=critic.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.agreements_note.isVisible()
    assert "Step back during presentations" in dialog.agreements_note.lines.text()


def test_an_exiles_page_offers_the_unburdening_path_with_it_chosen(qtbot: QtBot,
                                                                   vault: Vault) -> None:
    little = vault.parts.add(Part(name="Little One", role=Role.EXILE))
    critic = vault.parts.add(Part(name="The Critic", role=Role.MANAGER))
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    window.open_part(critic.id)
    button = window.parts._form.unburdening_button
    assert not button.isVisible(), "a manager's page doesn't offer it"
    window.open_part(little.id)
    assert button.isVisible() and button.text() == "Unburdening path…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(UnburdeningDialog)))
    dialog = next(d for d in window.findChildren(UnburdeningDialog) if d.isVisible())
    assert dialog.flow.part_id == little.id, "the path starts with this exile chosen"
    dialog.reject()
