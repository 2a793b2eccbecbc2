"""GUI fixtures: an app controller with private settings and the fast KDF profile."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from partsjournal.ui.app.application import AppController
from partsjournal.ui.common.translations import install_translations
from partsjournal.ui.settings.settings import Settings

from ..conftest import FAST_KDF
from .fixtures import HEBREW, RLO, Hostile, ModalDriver


@pytest.fixture(autouse=True, scope="session")
def _translations(qapp) -> None:  # type: ignore[no-untyped-def]
    """The English plural forms, as the app installs them at start ("1 entry", "2 entries")."""
    install_translations(qapp)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def controller(qtbot, settings: Settings) -> Iterator[AppController]:  # type: ignore[no-untyped-def]
    app = AppController(settings, kdf_profile=FAST_KDF)
    yield app
    app.keeper.discard()  # stop its retry timer: this controller's windows are going away
    app._close_vault()
    if app.shell is not None:
        app.shell.close()
        app.shell.deleteLater()


@pytest.fixture
def modals(qtbot) -> Iterator[ModalDriver]:  # type: ignore[no-untyped-def]
    driver = ModalDriver()
    yield driver
    driver.stop()


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
