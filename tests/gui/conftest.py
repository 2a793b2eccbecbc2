"""GUI fixtures: an app controller with private settings and the fast KDF profile."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from partsjournal.ui.app import AppController
from partsjournal.ui.settings import Settings

from ..conftest import FAST_KDF


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def controller(qtbot, settings: Settings) -> Iterator[AppController]:  # type: ignore[no-untyped-def]
    app = AppController(settings, kdf_profile=FAST_KDF)
    yield app
    app._close_vault()
    if app.window is not None:
        app.window.close()
        app.window.deleteLater()


class ModalDriver:
    """Answers modal dialogs as they appear: a person clicking through them."""

    def __init__(self) -> None:
        self.handlers: list[tuple[type, Callable[[QWidget], bool]]] = []
        self.seen: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def on(self, kind: type, handler: Callable[[QWidget], bool]) -> None:
        """When a modal of ``kind`` is up, call ``handler`` (returns True once it is done)."""
        self.handlers.append((kind, handler))

    def _tick(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        for kind, handler in list(self.handlers):
            if isinstance(modal, kind) and handler(modal):
                self.seen.append(kind.__name__)
                self.handlers.remove((kind, handler))
                return

    def stop(self) -> None:
        self._timer.stop()


@pytest.fixture
def modals(qtbot) -> Iterator[ModalDriver]:  # type: ignore[no-untyped-def]
    driver = ModalDriver()
    yield driver
    driver.stop()
