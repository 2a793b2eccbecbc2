"""Sharing one's wishes for the next peer session, as two people would.

Robin ticks "Share my wishes for our next session" in the share wizard and sees them in the
preview; Sam sees them before importing, and afterwards takes them into "Before we begin" with
one click. The pause word is hostile markup: it stays plain text everywhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QWizard
from pytestqt.qtbot import QtBot

from partsjournal.domain.session_contract import Facilitation, Reach, SessionContract
from partsjournal.ui.peers.share_wizard import DONE, FIELDS, MESSAGE, PARTS, PREVIEW, ShareWizard
from partsjournal.ui.practice.peer_session import PeerSessionPanel
from partsjournal.vault import Vault

from .test_peers_view import (  # noqa: F401 (robin and sam are fixtures)
    _paired,
    click,
    make_view,
    next_page,
    open_bundle,
    robin,
    row_of,
    sam,
    save_to,
    tick,
)

PAUSE = "<b>tea</b>"


def test_wishes_travel_are_previewed_kept_and_taken_into_before_we_begin(
        qtbot: QtBot, robin: Vault, sam: Vault, tmp_path: Path,  # noqa: F811 (fixtures)
        monkeypatch: pytest.MonkeyPatch) -> None:
    _paired(robin, sam)
    robin_view = make_view(qtbot, robin)
    click(qtbot, robin_view.share_button)
    wizard = robin_view.dialog
    assert isinstance(wizard, ShareWizard)
    qtbot.waitExposed(wizard)
    next_page(qtbot, wizard)
    assert wizard.currentId() == PARTS
    tick(qtbot, wizard.parts_page.list, row_of(wizard.parts_page.list, "The Critic"))
    next_page(qtbot, wizard)
    assert wizard.currentId() == FIELDS
    next_page(qtbot, wizard)
    assert wizard.currentId() == MESSAGE
    page = wizard.message_page
    assert not page.wishes.isVisible()  # nothing about the session is shared unless asked
    box = page.share_wishes
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton,
                     pos=QPoint(box.height() // 2, box.height() // 2))
    assert page.wishes.isVisible()
    page.wishes.facilitation.setCurrentIndex(
        page.wishes.facilitation.findData(Facilitation.ACTIVE_WITNESS.value))
    page.wishes.reach.setCurrentIndex(
        page.wishes.reach.findData(Reach.MAY_APPROACH_EXILE.value))
    page.wishes.pause_word.setFocus()
    qtbot.keyClicks(page.wishes.pause_word, PAUSE)
    next_page(qtbot, wizard)
    assert wizard.currentId() == PREVIEW
    preview = wizard.preview_page.text.toPlainText()
    assert "Your wishes for your next session together:" in preview
    assert "active witness — the companion reflects back what they hear" in preview
    assert "we may approach an exile, if the protectors give permission" in preview
    assert f"Pause word: “{PAUSE}”" in preview and "**" not in preview
    target = tmp_path / "for-sam.pjbundle"
    save_to(monkeypatch, target)
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    qtbot.waitUntil(lambda: wizard.currentId() == DONE, timeout=5000)

    sam_view = make_view(qtbot, sam)
    dialog = open_bundle(qtbot, sam_view, target)
    assert dialog.wishes_box.isVisible()
    assert dialog.wishes.textFormat() == Qt.TextFormat.PlainText
    shown = dialog.wishes.text()
    assert "• Facilitation the explorer asked for: active witness" in shown
    assert f"“{PAUSE}”" in shown and "Importing keeps them with Robin" in shown
    robin_id = sam.peers.find("Robin").id
    assert sam.peer_agreements.latest(robin_id) is None  # the preview writes nothing
    click(qtbot, dialog.import_button)
    kept = sam.peer_agreements.latest(robin_id)
    assert kept is not None
    assert kept.contract == SessionContract(Facilitation.ACTIVE_WITNESS,
                                            Reach.MAY_APPROACH_EXILE, PAUSE, True)

    # Sam's next peer session with Robin: the wishes are offered, one click takes them.
    panel = PeerSessionPanel(sam)
    qtbot.addWidget(panel)
    panel.resize(900, 640)
    panel.show()
    qtbot.waitExposed(panel)
    contract = panel.contract
    assert not contract.wishes.isVisible()  # no peer chosen yet
    panel.peer_combo.setCurrentIndex(panel.peer_combo.findData(robin_id))
    assert contract.wishes.isVisible()
    assert contract.wishes_label.textFormat() == Qt.TextFormat.PlainText
    assert contract.wishes.title().startswith("Robin's wishes for their next session (")
    assert contract.wishes_label.text().split("\n")[0] == (
        "• Facilitation the explorer asked for: active witness — the companion reflects back "
        "what they hear")
    assert contract.use_wishes.text() == "Use Robin's wishes"
    assert contract.facilitation.currentData() == Facilitation.QUIET_WITNESS.value
    click(qtbot, contract.use_wishes)
    assert contract.contract() == kept.contract
    assert "we may approach an exile" in contract.markdown()
    # Locking clears them from the screen with the rest.
    panel.clear()
    assert not contract.wishes.isVisible() and not contract.wishes_label.text()
    assert "Robin" not in contract.wishes.title()
    assert not any(PAUSE in label.text() for label in panel.findChildren(QLabel))


def test_without_the_tick_no_wishes_are_shared(qtbot: QtBot, robin: Vault, sam: Vault,  # noqa: F811
                                               tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _paired(robin, sam)
    robin_view = make_view(qtbot, robin)
    click(qtbot, robin_view.share_button)
    wizard = robin_view.dialog
    assert isinstance(wizard, ShareWizard)
    qtbot.waitExposed(wizard)
    next_page(qtbot, wizard)
    tick(qtbot, wizard.parts_page.list, row_of(wizard.parts_page.list, "The Critic"))
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    wizard.message_page.wishes.pause_word.setText("typed, then not ticked")
    next_page(qtbot, wizard)
    assert "wishes" not in wizard.preview_page.text.toPlainText()
    target = tmp_path / "plain.pjbundle"
    save_to(monkeypatch, target)
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    qtbot.waitUntil(lambda: wizard.currentId() == DONE, timeout=5000)
    dialog = open_bundle(qtbot, make_view(qtbot, sam), target)
    assert not dialog.wishes_box.isVisible()
    click(qtbot, dialog.import_button)
    assert sam.peer_agreements.latest(sam.peers.find("Robin").id) is None
