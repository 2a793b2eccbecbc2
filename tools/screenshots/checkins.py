"""Screenshots of check-ins after the work, light and dark.

"Plan a check-in…", "Planned check-ins…" (with plans and empty) and the list of check-ins that
came due while the journal was closed. ``tools.screenshots.render`` calls
:func:`render_for_screenshots` with the sample vault.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from partsjournal.domain.checkins import CheckinPlan
from partsjournal.vault import Vault


def _grab(widget: QWidget, path: Path, size: QSize | None = None) -> Path:
    if size is not None:
        widget.resize(size)
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    widget.grab().save(str(path))
    widget.close()
    return path


def render_for_screenshots(vault: Vault, out: Path, theme: str) -> list[Path]:
    """Every check-in view in ``theme``; plans a few check-ins in ``vault``."""
    from partsjournal.ui.app.main_window import MainWindow
    from partsjournal.ui.checkins.due_dialog import DueDialog
    from partsjournal.ui.checkins.plan_dialog import PlanCheckinDialog
    from partsjournal.ui.checkins.planned_dialog import PlannedCheckinsDialog

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    empty = PlannedCheckinsDialog(vault)
    written.append(_grab(empty, out / f"checkins-planned-empty-{theme}.png", QSize(620, 300)))
    parts = vault.parts.list()
    exile = next((p for p in parts if p.role.value == "exile"), parts[0])
    plan = PlanCheckinDialog(vault, part_id=exile.id)
    plan.note.setText("ask how the light feels")
    written.append(_grab(plan, out / f"checkins-plan-{theme}.png"))
    week_ago = datetime.now(UTC) - timedelta(days=3)
    first = vault.checkins.add(CheckinPlan(part_id=exile.id, at=time(8, 30),
                                           until=(datetime.now(UTC) + timedelta(days=4)).date(),
                                           note="ask how the light feels", created_at=week_ago))
    vault.checkins.add(CheckinPlan(part_id=parts[0].id, at=time(21, 0),
                                   weekdays=frozenset({1, 4})))
    vault.checkins.add(CheckinPlan(part_id=None, at=time(12, 30)))
    planned = PlannedCheckinsDialog(vault)
    written.append(_grab(planned, out / f"checkins-planned-{theme}.png", QSize(620, 300)))
    window = MainWindow(vault)
    moments = [week_ago.replace(hour=8, minute=30) + timedelta(days=d) for d in range(1, 3)]
    due = DueDialog(vault, [(first, moments)], window)
    written.append(_grab(due, out / f"checkins-due-{theme}.png"))
    window.close()
    return written
