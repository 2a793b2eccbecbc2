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
    app.keeper.discard()  # stop its retry timer: this controller's windows are going away
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


# Hostile text: markup, a huge field and bidi overrides, for the plain-text tests ------------

#: RIGHT-TO-LEFT OVERRIDE, left open: it reverses everything after it in its paragraph.
RLO = "\u202e"
HEBREW = "שלום"


class Hostile:
    """Strings a peer (or a paste) could put in front of Qt, around a real canary image."""

    def __init__(self, folder: Path) -> None:
        from PySide6.QtGui import QColor, QImage

        self.canary = folder / "canary.png"
        image = QImage(16, 16, QImage.Format.Format_RGB32)
        image.fill(QColor("red"))
        assert image.save(str(self.canary))
        url = self.canary.as_uri()
        #: Loads the canary if rendered as rich text; bold and a link besides.
        self.html = f'<img src="{url}"><b>bold</b><a href="{url}">link</a>'
        #: A name-sized hostile string (names are at most 200 characters, and validation
        #: refuses bidi controls in names — but not right-to-left letters).
        self.name = f'<img src="{url}"><b>B</b> {HEBREW}'
        assert len(self.name) <= 200
        #: 49,000 characters, many lines, markup and overrides throughout.
        unit = f"{self.html} {RLO}{HEBREW} said: keep away\n"
        self.long = (unit * (49_000 // len(unit) + 1))[:49_000]
        #: Every other string the hostile vault stores (hostile_vault adds to it).
        self.stored: list[str] = []


@pytest.fixture
def hostile(qtbot, tmp_path: Path) -> Hostile:  # type: ignore[no-untyped-def]
    folder = tmp_path / "hostile"
    folder.mkdir()
    return Hostile(folder)


@pytest.fixture
def hostile_vault(vault, hostile: Hostile):  # type: ignore[no-untyped-def]
    """A vault where own parts, entries, a peer and the peer's received parts are all hostile.

    A received part is marked present in a peer-session entry; the part has a stage history, so
    every list, tree, chart and panel has hostile text to show.
    """
    from datetime import timedelta

    from partsjournal.domain import (
        Entry,
        EntryKind,
        Part,
        PartPresence,
        Role,
        Stage,
        StageEvent,
        utc_now,
    )
    from partsjournal.exchange.identity import Identity
    from partsjournal.exchange.payload import SharedPart

    now = utc_now()
    hostile.stored += [hostile.html + RLO, hostile.name + RLO, RLO]
    own = vault.parts.add(Part(name=hostile.name, role=Role.EXILE, job=hostile.long,
                               fears=hostile.html + RLO, burdens=hostile.long))
    vault.parts.add_stage_event(StageEvent(own.id, Stage.WITNESSED, now - timedelta(days=2),
                                           note=hostile.html + RLO))
    other = vault.parts.add(Part(name=f"{HEBREW} manager", role=Role.MANAGER,
                                 job=hostile.html + RLO))
    peer = vault.peers.add(Identity.generate(f"{hostile.name}").card())
    at = now - timedelta(days=3)
    first = vault.received.store_for_import(peer.id, SharedPart("s1", 1, {
        "name": hostile.name, "role": "manager", "job": hostile.long,
        "fears": hostile.html}), at)
    vault.received.store_for_import(peer.id, SharedPart("s2", 1, {
        "name": "Her Critic", "role": "exile", "job": hostile.html + RLO}), at)
    vault.entries.add(Entry(
        occurred_at=now - timedelta(days=1), title=hostile.name + RLO, body=hostile.long,
        self_energy=4, parts=[PartPresence(part_id=own.id, note=hostile.html),
                              PartPresence(part_id=other.id, note=RLO)]))
    vault.entries.add(Entry(
        occurred_at=now - timedelta(hours=2), kind=EntryKind.PEER_SESSION, title=hostile.name,
        body=hostile.long, self_energy=7, peer_id=peer.id, peer_name=peer.name,
        agreements=hostile.html, debrief=hostile.long,
        parts=[PartPresence(received_part_id=first, note=hostile.html),
               PartPresence(part_id=own.id)]))
    return vault


def unlock_through_the_window(qtbot, controller: AppController, passphrase: str):  # type: ignore[no-untyped-def]
    """Type the passphrase on the unlock screen and press Enter, as a person would."""
    from PySide6.QtCore import Qt

    from partsjournal.ui.main_window import MainWindow
    from partsjournal.ui.unlock_window import UnlockWindow

    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    qtbot.keyClicks(unlock.secret, passphrase)
    qtbot.keyClick(unlock.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.state == "main", timeout=10_000)
    window = controller.window
    assert isinstance(window, MainWindow)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window
