"""The operation helper: a change is announced once it is stored, never when it failed, and a
late result for a widget that no longer exists is dropped."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QThreadPool, Signal
from PySide6.QtWidgets import QDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from partsjournal.errors import JournalError
from partsjournal.ui.common.changes import Change, Changes
from partsjournal.ui.common.operation import perform, perform_in_background


class PageStandIn(QWidget):
    """A page: the nearest announcer for the widgets inside it."""

    announced = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.heard: list[Changes] = []
        self.announced.connect(self.heard.append)


def test_a_change_made_inside_a_page_leaves_through_the_page(qtbot: QtBot) -> None:
    page = PageStandIn()
    qtbot.addWidget(page)
    editor = QLineEdit(QWidget(page))  # two levels down, as an editor inside a tab
    assert perform(editor, lambda: 42, [Change.ENTRIES]) == 42
    assert page.heard == [Changes(frozenset({Change.ENTRIES}), editor)]
    assert page.heard[0].made_by(page)  # the page already shows what its own editor stored
    dialog = QDialog(page)  # another window: its changes are not the page's own
    perform(dialog, lambda: None, [Change.PARTS])
    assert page.heard[-1].initiator is dialog and not page.heard[-1].made_by(page)


def test_a_failed_change_is_not_announced(qtbot: QtBot) -> None:
    page = PageStandIn()
    qtbot.addWidget(page)

    def refuse() -> None:
        raise JournalError("That name is already taken.")

    with pytest.raises(JournalError):
        perform(page, refuse, [Change.PARTS])
    assert page.heard == []


def test_a_background_change_is_announced_then_reported(qtbot: QtBot) -> None:
    page = PageStandIn()
    qtbot.addWidget(page)
    results: list[object] = []
    worker_threads: list[bool] = []

    def job() -> str:
        worker_threads.append(threading.current_thread() is not threading.main_thread())
        return "imported"

    perform_in_background(page, job, [Change.PARTS, Change.ENTRIES],
                          done=results.append, failed=results.append)
    qtbot.waitUntil(lambda: results == ["imported"], timeout=5000)
    assert worker_threads == [True]
    assert [c.what for c in page.heard] == [frozenset({Change.PARTS, Change.ENTRIES})]


def test_a_late_result_for_a_closed_window_is_dropped(qtbot: QtBot) -> None:
    page = PageStandIn()
    qtbot.addWidget(page)
    dialog = PageStandIn()  # the dialog that started it, an announcer of its own
    release = threading.Event()
    finished = threading.Event()
    results: list[object] = []

    def job() -> str:
        release.wait(5)
        finished.set()
        return "too late"

    perform_in_background(dialog, job, [Change.ENTRIES], done=results.append,
                          failed=results.append)
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5000)
    release.set()
    assert finished.wait(5)
    assert QThreadPool.globalInstance().waitForDone(5000)
    QCoreApplication.processEvents()  # delivers the result the worker posted
    assert results == []  # neither done nor failed ran for the deleted dialog
    assert page.heard == []


def test_a_background_failure_reaches_failed_unannounced(qtbot: QtBot) -> None:
    page = PageStandIn()
    qtbot.addWidget(page)
    errors: list[BaseException] = []

    def job() -> None:
        raise JournalError("The disk is full.")

    perform_in_background(page, job, [Change.ENTRIES], done=lambda _r: None,
                          failed=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert str(errors[0]) == "The disk is full." and page.heard == []
