"""Screenshots of the practice tools, and a part's path on its History tab.

Guided session, unburdening path, peer session, insights, merge/split, guide.

``tools.screenshots.render`` calls :func:`render_for_screenshots` with its sample vault; run
alone, ``python -m tools.screenshots.practice --out DIR`` makes its own sample vault.
Nothing is written to the vault: the dialogs are driven up to the moment before saving.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from partsjournal.domain.model import Role
from partsjournal.ui.common.theme import apply_theme
from partsjournal.vault import Vault


class _Clock:
    """A clock the screenshots move forward by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _grab(widget: QWidget, path: Path, size: QSize | None = None) -> Path:
    if size is not None:
        widget.resize(size)
    widget.show()
    app = QApplication.instance()
    for _ in range(5):
        if app is not None:
            app.processEvents()
    widget.grab().save(str(path))
    return path


def _dispose(widget: QWidget) -> None:
    widget.hide()
    widget.deleteLater()
    app = QApplication.instance()
    if app is not None:
        app.processEvents()


def render_for_screenshots(vault: Vault, out_dir: Path, theme: str) -> list[Path]:
    """Render every practice view with ``vault`` in ``theme`` ("light"/"dark") to PNG files."""
    from partsjournal.ui.insights.insights_view import InsightsView
    from partsjournal.ui.parts.part_surgery_dialogs import MergePartsDialog, SplitPartDialog
    from partsjournal.ui.practice.guide import GuideDialog
    from partsjournal.ui.practice.guided_session import GuidedSessionDialog
    from partsjournal.ui.practice.peer_session import PeerSessionPanel
    from partsjournal.ui.practice.unburdening_dialog import UnburdeningDialog

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def name(view: str) -> Path:
        return out_dir / f"practice-{view}-{theme}.png"

    # Guided session: Find, a blended Feel toward, the step-back detour, the review.
    dialog = GuidedSessionDialog(vault)
    dialog.new_name.setText(dialog.tr("The Worrier"))
    dialog.answer_edits["trailhead"].setPlainText(dialog.tr(
        "A tight chest on Sunday evening, thinking about Monday's meeting."))
    written.append(_grab(dialog, name("guided-find")))
    dialog.go_next()
    dialog.answer_edits["focus"].setPlainText(dialog.tr("It hums, like a fridge in the night."))
    dialog.go_next()
    dialog.answer_edits["body"].setPlainText(dialog.tr("A knot under my breastbone."))
    dialog.answer_edits["appearance"].setPlainText(dialog.tr(
        "A small grey figure pacing up and down a corridor, checking its watch."))
    written.append(_grab(dialog, name("guided-flesh-out")))
    dialog.go_next()
    for feeling in ("curiosity", "impatient"):
        dialog.feeling_boxes[feeling].setChecked(True)
    written.append(_grab(dialog, name("guided-feel-toward")))
    dialog.go_next()
    dialog.answer_edits["reacting_part"].setPlainText(dialog.tr("The Critic, tapping its pen."))
    written.append(_grab(dialog, name("guided-step-back")))
    dialog.go_next()
    for feeling, box in dialog.feeling_boxes.items():
        box.setChecked(feeling in ("curiosity", "calm"))
    dialog.go_next()
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.MANAGER.value))
    dialog.answer_edits["job"].setPlainText(dialog.tr(
        "Keeps me prepared, so nobody can catch me out."))
    dialog.go_next()
    dialog.answer_edits["fears"].setPlainText(dialog.tr(
        "That I'll freeze in front of everyone and they'll see I don't belong."))
    dialog.go_next()
    written.append(_grab(dialog, name("guided-review")))
    dialog.discard()
    _dispose(dialog)

    written += _unburdening(vault, UnburdeningDialog, name)

    # Peer session: ready, the agreement, the switch proposal, the debrief, the end.
    clock = _Clock()
    panel = PeerSessionPanel(vault, clock=clock)
    size = QSize(900, 640)
    written.append(_grab(panel, name("peer-session-ready"), size))
    # Before we begin, as narrow as the panel beside an entry, with the choices made.
    step = panel.contract
    step.facilitation.setCurrentIndex(1)
    step.reach.setCurrentIndex(1)
    step.pause_word.setText(panel.tr("tea"))
    step.split_button.click()
    written.append(_grab(panel, name("peer-session-contract"), QSize(440, 760)))
    panel.start()  # 20 minutes each, then 15 for the debrief
    clock.now = 20 * 60 + 3
    panel.tick()
    written.append(_grab(panel, name("peer-session-switch"), size))
    panel.switch_roles()
    clock.now = 40 * 60 + 12
    panel.tick()  # the debrief's time: its tab comes forward, in order
    written.append(_grab(panel, name("peer-session-debrief"), QSize(440, 760)))
    clock.now = 55 * 60 + 40
    panel.tick()
    panel.debrief.setPlainText(panel.tr(
        "We both said the pauses helped. My fixer part showed up again when Ines cried."))
    panel.tabs.setCurrentIndex(3 if panel.received.rowCount() else 2)
    written.append(_grab(panel, name("peer-session-time-up"), size))
    panel.clear()
    _dispose(panel)

    # Insights, at the main window's size and in full.
    insights = InsightsView(vault)
    written.append(_grab(insights, name("insights"), QSize(1200, 780)))
    written.append(_grab(insights, name("insights-full"), QSize(1200, 1700)))
    insights.set_preset("all")
    written.append(_grab(insights, name("insights-all-time"), QSize(1200, 1700)))
    _dispose(insights)

    parts = vault.parts.list()
    if len(parts) >= 2:
        merge = MergePartsDialog(vault, keep_id=parts[0].id, absorb_id=parts[1].id)
        written.append(_grab(merge, name("merge-parts")))
        _dispose(merge)
    if parts:
        busiest = max(parts, key=lambda p: len(vault.parts.appears_in(p.id)))
        split = SplitPartDialog(vault, busiest.id)
        split.name_edit.setText(split.tr("The List-maker"))
        if split.entries.rowCount():
            split.entries.tick(split.entries.item(0).key)
        written.append(_grab(split, name("split-part")))
        _dispose(split)

    guide = GuideDialog()
    for page in ("parts", "six_fs", "peers", "safety"):
        guide.show_page(page)
        written.append(_grab(guide, name(f"guide-{page.replace('_', '-')}")))
    _dispose(guide)
    return written


def _unburdening(vault: Vault, dialog_class: type[Any],
                 name: Callable[[str], Path]) -> list[Path]:
    """The unburdening path's pages with an exile of the sample, and an exile's path."""
    from PySide6.QtWidgets import QTabWidget

    from partsjournal.flows.unburdening import Element
    from partsjournal.ui.parts.parts_view import PartsView

    written: list[Path] = []
    exiles = [p for p in vault.parts.list() if p.role is Role.EXILE]
    if not exiles:
        return written
    befriended = next((p for p in exiles if p.stage.value == "befriended"), exiles[0])
    dialog = dialog_class(vault, part_id=befriended.id)
    written.append(_grab(dialog, name("unburdening-begin")))
    dialog.go_next()
    dialog.consent.agree_radio.setChecked(True)
    dialog.consent.energy.setValue(3)
    written.append(_grab(dialog, name("unburdening-consent-low")))
    dialog.consent.energy.setValue(7)
    dialog.go_next()
    dialog.answer_edits["witness"].setPlainText(dialog.tr(
        "The first day at the new school. Nobody sat with me at lunch, and I ate in the "
        "toilets so nobody would see."))
    dialog.answer_edits["witness_self"].setPlainText(dialog.tr("Sad for it, and close."))
    written.append(_grab(dialog, name("unburdening-witness")))
    dialog.go_next()
    dialog.go_next()
    dialog.go_next()
    dialog.answer_edits["burden"].setPlainText(dialog.tr("That I'm too much for people."))
    dialog.unburden.own.setText(dialog.tr("a paper boat on the river"))
    dialog.unburden.buttons[Element.OWN].setChecked(True)
    written.append(_grab(dialog, name("unburdening-release")))
    dialog.go_next()
    for quality in ("courage", "connectedness"):
        dialog.invite.boxes[quality].setChecked(True)
    dialog.invite.other.setText(dialog.tr("playfulness"))
    written.append(_grab(dialog, name("unburdening-invite")))
    dialog.go_next()
    dialog.go_next()
    written.append(_grab(dialog, name("unburdening-review")))
    dialog.discard()
    _dispose(dialog)

    turning = dialog_class(vault, part_id=befriended.id)
    turning.go_next()
    turning.consent.not_yet_radio.setChecked(True)
    turning.go_next()
    written.append(_grab(turning, name("unburdening-protectors-not-ready")))
    turning.discard()
    _dispose(turning)

    furthest = max(exiles, key=lambda p: len(vault.parts.history(p.id)))
    view = PartsView(vault)
    view.select_part(furthest.id)
    tabs = view.findChild(QTabWidget, "partTabs")
    if tabs is not None:
        tabs.setCurrentIndex(1)
    written.append(_grab(view, name("part-path"), QSize(1200, 780)))
    view.clear()
    _dispose(view)
    return written


def main(argv: list[str] | None = None) -> int:
    """``python -m tools.screenshots.practice --out DIR [--theme light|dark|both]``."""
    from partsjournal.flows.sample_journal import populate
    from partsjournal.vault.keyslots import KdfProfile

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--theme", choices=("light", "dark", "both"), default="both")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Parts Journal")
    folder = Path(tempfile.mkdtemp(prefix="pj-practice-")) / "vault"
    vault, _code = Vault.create(folder, "sample journal",
                                profile=KdfProfile(memory_kib=1024, iterations=1, lanes=1))
    populate(vault)
    try:
        for theme in ("light", "dark") if args.theme == "both" else (args.theme,):
            for path in render_for_screenshots(vault, args.out, theme):
                print(path)
    finally:
        vault.lock()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
