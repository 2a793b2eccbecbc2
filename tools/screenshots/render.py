"""Render every main view and dialog of the sample journal to PNG, light and dark.

``make screenshots`` runs this offscreen; the pictures are for looking at as a person would
(layout, truncation, empty states, dark palette) and for the AppStream metadata.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from partsjournal.ui.common.theme import apply_theme
from partsjournal.vault import Vault
from partsjournal.vault.keyslots import KdfProfile

FAST = KdfProfile(memory_kib=1024, iterations=1, lanes=1)


def _grab(widget: QWidget, path: Path, size: QSize | None = None, *,
          wait_for_worker: bool = False) -> None:
    if size is not None:
        widget.resize(size)
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    # A dialog that gathers in a worker (the summary) is shown once it has finished.
    deadline = time.monotonic() + 30
    while wait_for_worker and getattr(widget, "busy", False) and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    widget.grab().save(str(path))
    print(path)


def render_all(out: Path, theme: str) -> None:
    """Every screen, in one theme."""
    from partsjournal.flows.sample_journal import populate
    from partsjournal.ui.app.app_window import AppWindow
    from partsjournal.ui.app.main_window import MainWindow
    from partsjournal.ui.app.unlock_window import UnlockWindow
    from partsjournal.ui.app.welcome import CreateVaultDialog, WelcomeWindow
    from partsjournal.ui.common.passphrase_widgets import ChangePassphraseDialog, RecoveryCodeDialog
    from partsjournal.ui.settings.settings import Settings
    from partsjournal.ui.settings.settings_dialog import SettingsDialog

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="pj-shots-"))
    vault, code = Vault.create(tmp / "vault", "sample journal", profile=FAST)
    populate(vault)
    name: Callable[[str], Path] = lambda view: out / f"{view}-{theme}.png"  # noqa: E731

    # Welcome and unlock are pages of the one app window, as a person sees them.
    window_size = QSize(1200, 780)

    def in_app_window(page: QWidget) -> AppWindow:
        shell = AppWindow()
        shell.show_page(page, narrow=True)
        return shell

    _grab(in_app_window(WelcomeWindow()), name("welcome"), window_size)
    create = CreateVaultDialog(tmp / "new", profile=FAST)
    create.passphrase.new_edit.setText("tulip orbit mackerel lantern")
    create.passphrase.repeat_edit.setText("tulip orbit mackerel lantern")
    _grab(create, name("create-vault"))
    _grab(RecoveryCodeDialog(code), name("recovery-code"))
    unlock = UnlockWindow(tmp / "vault")
    unlock.message.setText(unlock.tr("That passphrase didn't open this journal. Check for Caps "
                                     "Lock and try again, or use your recovery code."))
    _grab(in_app_window(unlock), name("unlock"), window_size)
    kept = UnlockWindow(tmp / "vault")
    kept.show_writing_kept(tmp / "vault", on_disk=False)
    _grab(in_app_window(kept), name("unlock-writing-kept"), window_size)

    window = MainWindow(vault, sample=True)
    size = QSize(1280, 820)
    first = vault.entries.list(limit=1)[0]
    window.open_entry(first.id)
    _grab(window, name("journal"), size)
    peer = next(e for e in vault.entries.list() if e.kind.value == "peer_session")
    window.open_entry(peer.id)
    window.journal.editor.qualities_toggle.setChecked(True)
    _grab(window, name("journal-peer-session"), size)
    window.journal.editor.set_details_shown(False)
    _grab(window, name("journal-details-put-away"), size)
    window.journal.editor.set_details_shown(True)
    parts = vault.parts.list()
    window.open_part(parts[0].id)
    _grab(window, name("parts"), size)
    exile = next(p for p in parts if p.role.value == "exile")
    window.open_part(exile.id)
    _grab(window, name("parts-exile"), size)
    window.show_map()
    _grab(window, name("map"), size)
    window.show_peers()
    _grab(window, name("peers-empty"), size)
    window.show_insights()
    _grab(window, name("insights"), size)
    window.start_peer_session()
    _grab(window, name("journal-with-peer-session-panel"), size)
    window.search_field.setText("critic")
    window.search.set_query("critic", now=True)
    _grab(window, name("search"), size)
    window.search_field.clear()
    # The smallest window the app is made for, and a large screen: every main page at both
    # (the peer-session panel closed, as most people will see them).
    from PySide6.QtWidgets import QDockWidget

    for dock in window.findChildren(QDockWidget):
        dock.close()
    for small_or_large in (QSize(1024, 700), QSize(1920, 1080)):
        label = f"{small_or_large.width()}x{small_or_large.height()}"
        for show, page in ((window.show_journal, "journal"), (window.show_parts, "parts"),
                           (window.show_map, "map"), (window.show_peers, "peers"),
                           (window.show_insights, "insights")):
            show()
            _grab(window, name(f"{page}-{label}"), small_or_large)
    # The editor with a guided session's entry, as written and in focus mode, at both sizes.
    window.show_journal()
    solo = next(e for e in vault.entries.list() if e.kind.value == "solo_session")
    window.open_entry(solo.id)
    for small_or_large in (QSize(1024, 700), QSize(1920, 1080)):
        label = f"{small_or_large.width()}x{small_or_large.height()}"
        _grab(window, name(f"editor-{label}"), small_or_large)
        window.focus_mode.set_on(True)
        _grab(window, name(f"editor-focus-{label}"), small_or_large)
        window.focus_mode.set_on(False)

    from partsjournal.ui.export.export_dialog import ExportDialog
    from partsjournal.ui.export.export_dialogs import SummaryDialog

    summary = SummaryDialog(vault)
    _grab(summary, name("therapy-summary"), QSize(900, 700), wait_for_worker=True)
    _grab(ExportDialog(vault), name("export"))
    settings = Settings(tmp / "settings.ini")
    dialog = SettingsDialog(settings, vault)
    tabs = getattr(dialog, "tabs", None)
    count = tabs.count() if tabs is not None else 1
    for i in range(count):
        if tabs is not None:
            tabs.setCurrentIndex(i)
        _grab(dialog, name(f"settings-{i + 1}"))
    _grab(ChangePassphraseDialog(vault), name("change-passphrase"))

    empty_vault, _ = Vault.create(tmp / "empty", "an empty journal", profile=FAST)
    _grab(MainWindow(empty_vault), name("journal-empty"), size)
    empty_window = MainWindow(empty_vault)
    empty_window.show_parts()
    _grab(empty_window, name("parts-empty"), size)
    vault.lock()
    empty_vault.lock()


def _on_the_sample(render: Callable[[Vault, Path, str], list[Path]], out: Path,
                   theme: str) -> list[Path]:
    """Run one feature's ``render_for_screenshots`` on a fresh sample journal."""
    from partsjournal.flows.sample_journal import populate

    tmp = Path(tempfile.mkdtemp(prefix="pj-shots-"))
    vault, _code = Vault.create(tmp / "vault", "sample journal", profile=FAST)
    populate(vault)
    try:
        return render(vault, out, theme)
    finally:
        vault.lock()


def practice_shots(out: Path, theme: str) -> list[Path]:
    """The practice tools (guided session, peer session, insights, guide) on the sample."""
    from tools.screenshots.practice import render_for_screenshots

    return _on_the_sample(render_for_screenshots, out, theme)


def agreement_shots(out: Path, theme: str) -> list[Path]:
    """The agreements ledger (entry section, add dialog, This week, session note) on the sample."""
    from tools.screenshots.agreements import render_for_screenshots

    return _on_the_sample(render_for_screenshots, out, theme)


def checkin_shots(out: Path, theme: str) -> list[Path]:
    """Check-ins after the work (plan, planned list, due while away) on the sample."""
    from tools.screenshots.checkins import render_for_screenshots

    return _on_the_sample(render_for_screenshots, out, theme)


def picture_shots(out: Path, theme: str) -> list[Path]:
    """Pictures of parts and entries (tab, viewer, entry) on the sample."""
    from tools.screenshots.pictures import render_for_screenshots

    return _on_the_sample(render_for_screenshots, out, theme)


def body_map_shots(out: Path, theme: str) -> list[Path]:
    """The body map (a part's Body tab, the Body page) on the sample."""
    from partsjournal.flows.sample_journal import populate
    from tools.screenshots.body_map import render_for_screenshots

    tmp = Path(tempfile.mkdtemp(prefix="pj-shots-"))
    vault, _code = Vault.create(tmp / "vault", "sample journal", profile=FAST)
    populate(vault)
    try:
        return render_for_screenshots(vault, out, theme)
    finally:
        vault.lock()


def main(argv: list[str] | None = None) -> int:
    """``python -m tools.screenshots --out DIR [--theme light|dark|both]``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--theme", choices=("light", "dark", "both"), default="both")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Parts Journal")
    from partsjournal.ui.common.translations import install_translations

    install_translations(app)
    themes = ("light", "dark") if args.theme == "both" else (args.theme,)
    for theme in themes:
        render_all(args.out, theme)
        from tools.screenshots.peers import render_for_screenshots as peers_shots

        for path in peers_shots(args.out, theme):
            print(path)
        for path in practice_shots(args.out, theme):
            print(path)
        for path in agreement_shots(args.out, theme):
            print(path)
        for path in checkin_shots(args.out, theme):
            print(path)
        for path in picture_shots(args.out, theme):
            print(path)
        for path in body_map_shots(args.out, theme):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
