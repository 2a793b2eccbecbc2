"""Render the Peers page, the share wizard and the import dialog with realistic data.

Two sample journals ("Robin" and "Sam") swap cards; Robin verifies Sam, Sam has not verified
Robin yet, and Robin shares three parts. Every screen is rendered in one theme, for looking at
as a person would. The screenshots script calls :func:`render_for_screenshots`.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from partsjournal.flows.sharing import ShareFlow
from partsjournal.ui.common.theme import apply_theme
from partsjournal.vault import Vault
from partsjournal.vault.keyslots import KdfProfile

FAST = KdfProfile(memory_kib=1024, iterations=1, lanes=1)
VIEW_SIZE = QSize(1280, 820)


def _settle(seconds: float = 0.0) -> None:
    deadline = time.monotonic() + seconds
    while True:
        for _ in range(5):
            QApplication.processEvents()
        if time.monotonic() >= deadline:
            return
        time.sleep(0.01)


def _wait(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)


def _grab(widget: QWidget, path: Path, size: QSize | None = None) -> Path:
    if size is not None:
        widget.resize(size)
    widget.show()
    _settle()
    widget.grab().save(str(path))
    return path


def _two_journals(tmp: Path) -> tuple[Vault, Vault, Path]:
    """Robin and Sam, cards swapped, and a bundle from Robin to Sam."""
    from partsjournal.flows.sample_journal import populate

    robin, _ = Vault.create(tmp / "robin", "robin's sample journal", profile=FAST)
    sam, _ = Vault.create(tmp / "sam", "sam's sample journal", profile=FAST)
    populate(robin)
    populate(sam)
    robin.identity.set_display_name("Robin")
    sam.identity.set_display_name("Sam Okafor")
    robin.peers.add(sam.identity.card(), "Sam")
    sam.peers.add(robin.identity.card())
    robin.peers.mark_verified(robin.peers.find("Sam").id)

    flow = ShareFlow(robin)
    flow.choose_peer(robin.peers.find("Sam").id)
    parts = robin.parts.list()
    chosen = [parts[0].id, parts[1].id, parts[2].id]
    flow.choose_parts(chosen)
    flow.set_fields(chosen[0], ("name", "role", "job", "fears", "stage"))
    flow.message = ("Here are the parts we talked about on Tuesday.\n"
                    "The critic is the one I mentioned — go gently.")
    from partsjournal.domain.session_contract import Facilitation, Reach, SessionContract

    flow.session_agreement = SessionContract(Facilitation.ACTIVE_WITNESS,
                                             Reach.MAY_APPROACH_EXILE, "tea", True)
    bundle = tmp / "parts-for-sam.pjbundle"
    flow.write(bundle)
    return robin, sam, bundle


def render_for_screenshots(out_dir: Path, theme: str) -> list[Path]:
    """Every Peers screen in one theme (``light`` or ``dark``); returns the files written."""
    from partsjournal.ui.peers.card_widgets import AddPeerDialog
    from partsjournal.ui.peers.import_dialog import ImportDialog
    from partsjournal.ui.peers.peer_widgets import SafetyNumberDialog
    from partsjournal.ui.peers.peers_view import RECEIVED_TAB, SAFETY_TAB, SHARED_TAB, PeersView
    from partsjournal.ui.peers.share_wizard import ShareWizard

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme)
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="pj-peers-shots-"))
    written: list[Path] = []
    keep: list[QWidget] = []

    def shot(widget: QWidget, name: str, size: QSize | None = None) -> None:
        keep.append(widget)
        written.append(_grab(widget, out_dir / f"peers-{name}-{theme}.png", size))

    robin, sam, bundle = _two_journals(tmp)
    fresh, _ = Vault.create(tmp / "fresh", "a new journal", profile=FAST)

    shot(PeersView(fresh), "empty", VIEW_SIZE)

    sam_view = PeersView(sam)
    robin_peer = sam.peers.find("Robin")
    sam_view.select_peer(robin_peer.id, SAFETY_TAB)
    shot(sam_view, "safety-number", VIEW_SIZE)

    dialog = ImportDialog(sam, bundle)
    _wait(lambda: dialog.state != "busy")
    shot(dialog, "import-preview", QSize(720, 640))
    shot(SafetyNumberDialog(sam, robin_peer), "safety-dialog")
    dialog.confirm()
    sam_view.reload()
    sam_view.select_peer(robin_peer.id, RECEIVED_TAB)
    shot(sam_view, "received", VIEW_SIZE)
    from partsjournal.ui.practice.peer_session import PeerSessionPanel

    panel = PeerSessionPanel(sam)
    panel.peer_combo.setCurrentIndex(panel.peer_combo.findData(robin_peer.id))
    shot(panel, "session-wishes-offered", QSize(460, 720))

    damaged = tmp / "damaged.pjbundle"
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))
    refused = ImportDialog(sam, damaged)
    _wait(lambda: refused.state != "busy")
    shot(refused, "import-refused", QSize(640, 360))
    alex, _ = Vault.create(tmp / "alex", "alex's journal", profile=FAST)
    alex.identity.set_display_name("Alex")
    alex.peers.add(sam.identity.card(), "Sam")
    from_alex = tmp / "from-alex.pjbundle"
    flow = ShareFlow(alex)
    flow.choose_peer(alex.peers.find("Sam").id)
    flow.message = "Hello from Alex."
    flow.write(from_alex)
    stranger = ImportDialog(sam, from_alex)
    _wait(lambda: stranger.state != "busy")
    shot(stranger, "import-unknown-sender", QSize(640, 360))

    add = AddPeerDialog(fresh)
    add.paste_edit.setPlainText(robin.identity.card().to_armored())
    shot(add, "add-peer", QSize(620, 560))

    robin_view = PeersView(robin)
    sam_peer = robin.peers.find("Sam")
    robin_view.select_peer(sam_peer.id, SHARED_TAB)
    shot(robin_view, "shared", VIEW_SIZE)

    wizard = ShareWizard(robin, sam_peer.id)
    wizard_size = QSize(760, 580)
    shot(wizard, "wizard-1-peer", wizard_size)
    wizard.next()
    parts = robin.parts.list()
    wizard.parts_page.model.set_checked([parts[0].id, parts[3].id, parts[4].id])
    shot(wizard, "wizard-2-parts", wizard_size)
    wizard.next()
    shot(wizard, "wizard-3-fields", wizard_size)
    wizard.next()
    wizard.message_page.edit.setPlainText("For our session on Thursday.")
    shot(wizard, "wizard-4-message", wizard_size)
    wizard.message_page.share_wishes.setChecked(True)
    wizard.message_page.wishes.pause_word.setText("blue sky")
    shot(wizard, "wizard-4-message-wishes", wizard_size)
    wizard.next()
    shot(wizard, "wizard-5-preview", wizard_size)
    target = tmp / "wizard.pjbundle"

    # Answer the save dialog the way a person would, without showing it.
    ask = QFileDialog.getSaveFileName
    QFileDialog.getSaveFileName = lambda *_args, **_kwargs: (str(target), "")  # type: ignore[method-assign]
    try:
        wizard.next()
        _wait(lambda: wizard.currentId() != 6)
    finally:
        QFileDialog.getSaveFileName = ask  # type: ignore[method-assign]
    shot(wizard, "wizard-6-done", wizard_size)

    withdraw = ShareWizard(robin, sam_peer.id, withdraw=True)
    withdraw.resize(wizard_size)
    withdraw.show()
    _settle()
    withdraw.next()
    withdraw.withdraw_page.model.set_checked(withdraw.withdraw_page.model.keys()[:1])
    shot(withdraw, "wizard-withdraw", wizard_size)

    for widget in keep:
        widget.close()
        widget.deleteLater()
    _settle()
    for vault in (robin, sam, fresh, alex):
        vault.lock()
    return written


def main() -> int:
    """``python -m tools.screenshots.peers [OUT_DIR]``: both themes."""
    import os
    import sys

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Parts Journal")
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("screenshots")
    for theme in ("light", "dark"):
        for path in render_for_screenshots(out, theme):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
