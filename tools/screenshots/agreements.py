"""Screenshots of the agreements ledger, light and dark.

An entry's Agreements section, "Add an agreement…", the This week panel (with agreements and
empty) and a guided session's note.

``tools.screenshots.render`` calls :func:`render_for_screenshots` with the sample vault; the
agreements are recorded here, relative to today, so "until" days read naturally. Run alone,
``python -m tools.screenshots.agreements --out DIR`` makes its own sample vault.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from partsjournal.domain.agreements import Agreement, AgreementStatus
from partsjournal.ui.common.theme import apply_theme
from partsjournal.vault import Vault


def _grab(widget: QWidget, path: Path, size: QSize | None = None) -> Path:
    if size is not None:
        widget.resize(size)
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    widget.grab().save(str(path))
    return path


def _record(vault: Vault, today: date) -> list[str]:
    """Agreements with three of the sample's parts; returns the parts' ids, most used first."""
    parts = vault.parts.list()
    counted = sorted(parts, key=lambda p: -len(vault.parts.appears_in(p.id)))
    first, second, third = counted[0], counted[1], counted[2]
    for part_id, words, days in (
            (first.id, "I'll check in with it every morning this week", 3),
            (first.id, "Ask before changing plans at work", None),
            (second.id, "It agreed to step back during presentations", 6),
            (third.id, "A short walk after lunch, even on busy days", 12)):
        vault.agreements.add(Agreement(part_id, words, ends_on=None if days is None
                                       else today + timedelta(days=days)))
    kept = vault.agreements.add(Agreement(second.id, "No e-mail after nine"))
    vault.agreements.mark(kept.id, AgreementStatus.KEPT)
    return [first.id, second.id, third.id]


def render_for_screenshots(vault: Vault, out: Path, theme: str) -> list[Path]:
    """Every agreements view in ``theme``; records a few agreements in ``vault``."""
    from partsjournal.ui.agreements.add_dialog import AddAgreementDialog
    from partsjournal.ui.agreements.session_start import OpenAgreementsNote
    from partsjournal.ui.agreements.this_week import ThisWeekPanel
    from partsjournal.ui.app.main_window import MainWindow

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme)
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    today = date.today()
    empty = ThisWeekPanel(vault, today=lambda: today)
    shots.append(_grab(empty, out / f"agreements-this-week-empty-{theme}.png", QSize(420, 260)))
    part_ids = _record(vault, today)

    window = MainWindow(vault)
    entries = [vault.entries.get(e.id) for e in vault.entries.list()]
    entry = next(e for e in entries if part_ids[0] in [p.part_id for p in e.parts])
    window.open_entry(entry.id)
    details = window.journal.editor.details
    window.resize(QSize(1280, 820))
    window.show()
    QApplication.processEvents()
    details.ensureWidgetVisible(details.agreements_panel)
    shots.append(_grab(window, out / f"agreements-entry-{theme}.png", QSize(1280, 820)))
    panel = details.agreements_panel
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    shots.append(_grab(window, out / f"agreements-entry-selected-{theme}.png"))
    shots.append(_grab(window, out / f"agreements-entry-1024x700-{theme}.png", QSize(1024, 700)))

    dialog = AddAgreementDialog(vault, [p.part_id for p in entry.parts if p.part_id],
                                entry.id, window, today=today)
    dialog.words.setText("Let it rest before the big meeting")
    dialog.has_end.setChecked(True)
    shots.append(_grab(dialog, out / f"agreements-add-{theme}.png"))
    dialog.words.setText("")
    dialog.accept()  # refused: the reason shows in the dialog
    shots.append(_grab(dialog, out / f"agreements-add-refused-{theme}.png"))
    dialog.reject()

    week = ThisWeekPanel(vault, today=lambda: today)
    shots.append(_grab(week, out / f"agreements-this-week-{theme}.png", QSize(420, 480)))
    week.view.setCurrentIndex(week.model.index(1, 0))
    shots.append(_grab(week, out / f"agreements-this-week-selected-{theme}.png"))

    holder = QWidget()
    column = QVBoxLayout(holder)
    note = OpenAgreementsNote(vault, holder)
    column.addWidget(note)
    column.addStretch(1)
    note.show_for(part_ids[0], vault.parts.get(part_ids[0]).name)
    shots.append(_grab(holder, out / f"agreements-session-note-{theme}.png", QSize(560, 160)))
    for widget in (empty, week, holder, window):
        widget.close()
        widget.deleteLater()
    for agreement in vault.agreements.list():  # the other screenshots see the sample as it is
        vault.agreements.delete(agreement.id)
    return shots


def main(argv: list[str] | None = None) -> int:
    """``python -m tools.screenshots.agreements --out DIR [--theme light|dark|both]``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--theme", choices=("light", "dark", "both"), default="both")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from partsjournal.flows.sample_journal import populate
    from partsjournal.ui.common.translations import install_translations
    from tools.screenshots.render import FAST

    install_translations(app)
    for theme in ("light", "dark") if args.theme == "both" else (args.theme,):
        tmp = Path(tempfile.mkdtemp(prefix="pj-shots-"))
        vault, _code = Vault.create(tmp / "vault", "sample journal", profile=FAST)
        populate(vault)
        try:
            for path in render_for_screenshots(vault, args.out, theme):
                print(path)
        finally:
            vault.lock()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
