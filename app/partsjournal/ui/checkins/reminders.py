"""Reminders of planned check-ins: a desktop notification at the time, locked or not.

The schedule is in the journal (vault/checkins.py). To remind while the journal is locked, or at
the next start, the app keeps only the **next due moment** — a UTC time, no name, no text, no
count — in memory and in one small file beside the settings file (docs/security.md). While
locked a reminder can say nothing but "A check-in you planned is due"; while the journal is
open it names the part only if the person chose that in Settings.

The notification goes through Qt's system tray (freedesktop notifications on Linux); nothing
leaves the machine. Where there is no tray, :attr:`CheckinReminders.notice` carries the same
words for the window to show.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

from partsjournal.domain.checkins import CheckinPlan, due_between, earliest_due
from partsjournal.domain.model import utc_now
from partsjournal.domain.words import fill
from partsjournal.ui.common.plain_text import plain_notification, plain_status, set_tooltip

if TYPE_CHECKING:
    from partsjournal.vault import Vault

#: The file beside the settings file that holds the next due moment, and nothing else.
NEXT_DUE_FILE = "next-check-in"
#: How often the clock is looked at (a reminder comes at most this late).
CHECK_MS = 20_000
Due = list[tuple[CheckinPlan, list[datetime]]]


def tr(text: str) -> str:
    """Translate in the check-ins context."""
    return QCoreApplication.translate("Checkins", text)


def locked_text() -> str:
    """What every reminder says unless the person chose names (and always while locked)."""
    return tr("A check-in you planned is due")


def read_next_due(path: Path) -> datetime | None:
    """The moment kept in ``path``; None when there is none or it can't be read."""
    try:
        text = path.read_text(encoding="ascii").strip()
        moment = datetime.fromisoformat(text)
    except (OSError, ValueError, UnicodeError):
        return None
    return moment.astimezone(UTC) if moment.tzinfo is not None else None


class CheckinReminders(QObject):
    """Knows the next due moment, notifies when it comes, and what was due while away."""

    #: No system tray: the window shows these words instead.
    notice = Signal(str)
    #: The person clicked a reminder: bring the journal forward (and open a check-in).
    activated = Signal()

    def __init__(self, state_file: Path, *, icon: Callable[[], QIcon] = QIcon,
                 clock: Callable[[], datetime] = utc_now,
                 tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._file = state_file
        self._icon = icon
        self.clock = clock
        self._tray_available = tray_available
        self._tray: QSystemTrayIcon | None = None
        self._vault: Vault | None = None
        self.show_names = False
        #: When the next check-in is due (all that is known while locked).
        self.next_due = read_next_due(state_file)
        #: Plans due while the journal was open and not yet written about.
        self.due_now: list[CheckinPlan] = []
        #: A reminder was clicked while locked: open the check-in after unlock.
        self.open_after_unlock = False
        #: The words of the last reminder shown (the tests read them).
        self.last_text = ""
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check_now)
        self.timer.start()
        self._show_tray()

    # The journal opens and closes ------------------------------------------------------------

    def attach(self, vault: Vault) -> Due:
        """After unlock: what was due and not yet shown (now marked shown); keeps the next."""
        self._vault = vault
        missed = self._take_due()
        self.refresh()
        return missed

    def detach(self) -> None:
        """Before locking: keep only the next due moment, then forget the journal."""
        if self._vault is not None:
            with contextlib.suppress(Exception):  # a damaged page must not stop the lock
                self.refresh()
        self._vault = None
        self.due_now = []

    def refresh(self) -> None:
        """Read the plans again (one was planned or stopped) and keep the next due moment."""
        if self._vault is None:
            return
        self._keep(earliest_due(self._vault.checkins.list(), self.clock()))

    # The clock -------------------------------------------------------------------------------

    def check_now(self) -> None:
        """Notify when the next check-in is due (the timer calls this; tests call it too)."""
        now = self.clock()
        if self.next_due is None or now < self.next_due:
            return
        text = locked_text()
        if self._vault is None:
            self.next_due = None  # known again after unlock; the file keeps what was due
        else:
            due = self._take_due()
            if not due:  # stopped a moment before it was due: nothing to say
                self.refresh()
                return
            self.due_now = [plan for plan, _ in due]
            names = self._names(self.due_now)
            if self.show_names and names:
                text = fill(tr("Time to check in with %1"), names)
            self.refresh()
        self._notify(text)

    def clicked(self) -> None:
        """The reminder (or the tray icon) was clicked."""
        if self._vault is None:
            self.open_after_unlock = True
        self.activated.emit()

    # Inside ----------------------------------------------------------------------------------

    def _take_due(self) -> Due:
        assert self._vault is not None
        now = self.clock()
        found: Due = []
        for plan in self._vault.checkins.list():
            moments = due_between(plan, plan.handled_until or plan.created_at, now)
            if moments:
                found.append((plan, moments))
                self._vault.checkins.mark_handled(plan.id, moments[-1])
        return found

    def _names(self, plans: list[CheckinPlan]) -> str:
        assert self._vault is not None
        names = {p.id: p.name for p in self._vault.parts.list(include_archived=True)}
        return ", ".join(dict.fromkeys(names[p.part_id] for p in plans
                                       if p.part_id is not None and p.part_id in names))

    def _keep(self, moment: datetime | None) -> None:
        self.next_due = moment
        try:
            if moment is None:
                self._file.unlink(missing_ok=True)
            else:
                from partsjournal.vault.fsutil import atomic_write  # not before the first paint

                self._file.parent.mkdir(parents=True, exist_ok=True)
                atomic_write(self._file, moment.astimezone(UTC).isoformat().encode("ascii"))
        except OSError:
            pass  # a full disk: the moment is still kept in memory for this run
        self._show_tray()

    def _show_tray(self) -> None:
        """The tray icon is there only while a check-in is planned or due."""
        if self.next_due is not None or self.due_now:
            if self._tray_available():
                self._ensure_tray().show()
        elif self._tray is not None:
            self._tray.hide()

    def _ensure_tray(self) -> QSystemTrayIcon:
        if self._tray is None:
            self._tray = QSystemTrayIcon(self._icon(), self)
            set_tooltip(self._tray, tr("Parts Journal: a check-in is planned"))
            self._tray.messageClicked.connect(self.clicked)
            self._tray.activated.connect(lambda _reason: self.clicked())
        return self._tray

    def _notify(self, text: str) -> None:
        self.last_text = text
        if self._tray_available():
            tray = self._ensure_tray()
            tray.show()
            tray.showMessage(plain_status(tr("Parts Journal")), plain_notification(text),
                             QSystemTrayIcon.MessageIcon.Information, 30_000)
        else:
            self.notice.emit(text)
