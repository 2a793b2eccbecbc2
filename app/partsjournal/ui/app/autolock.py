"""Lock after idle time, and when the system locks the screen or goes to sleep.

Idle means no key, mouse or wheel input to any window of the app. System events come over D-Bus
where the platform offers them (logind's PrepareForSleep, the freedesktop screensaver's
ActiveChanged); where it doesn't, idle and minimise locking still apply.
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)



@cache
def _input_events() -> frozenset[QEvent.Type]:
    """What counts as the person being there; built at the first event, not at start-up."""
    return frozenset({
        QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
        QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.InputMethod,
    })


class IdleLock(QObject):
    """Emits ``lock_now`` after ``timeout_ms`` without input, or when the system locks/sleeps."""

    lock_now = Signal(str)  # the reason: "idle", "sleep", "screen-lock"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._idle)
        self._watching = False
        self._bus_connected = False

    @property
    def watching(self) -> bool:
        """True between :meth:`start` and :meth:`stop`."""
        return self._watching

    def start(self, timeout_ms: int) -> None:
        """Watch for input while a journal is unlocked."""
        if not self._bus_connected:  # connect lazily: not needed on the unlock screen
            self._bus_connected = True
            self._connect_system_signals()
        if not self._watching:
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self._watching = True
        self.set_timeout(timeout_ms)

    def set_timeout(self, timeout_ms: int) -> None:
        """Change the idle time and start counting again."""
        self._timer.setInterval(max(1, timeout_ms))
        if self._watching:
            self._timer.start()

    def stop(self) -> None:
        """Stop watching (the journal is locked)."""
        self._timer.stop()
        if self._watching:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._watching = False

    def _idle(self) -> None:
        if self._watching:
            self.lock_now.emit("idle")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self._timer.isActive() and event.type() in _input_events():
            self._timer.start()
        return False

    def _connect_system_signals(self) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        system, session = QDBusConnection.systemBus(), QDBusConnection.sessionBus()
        if system.isConnected():
            # PySide's stubs lack this overload (service, path, interface, name, receiver, slot).
            system.connect("org.freedesktop.login1", "/org/freedesktop/login1",  # type: ignore[call-overload]
                           "org.freedesktop.login1.Manager", "PrepareForSleep",
                           self, "on_prepare_for_sleep(bool)")
        if session.isConnected():
            session.connect("", "/org/freedesktop/ScreenSaver",  # type: ignore[call-overload]
                            "org.freedesktop.ScreenSaver",
                            "ActiveChanged", self, "on_screensaver(bool)")

    @Slot(bool)
    def on_prepare_for_sleep(self, sleeping: bool) -> None:
        """Logind says the machine is about to sleep."""
        if sleeping and self._watching:
            self.lock_now.emit("sleep")

    @Slot(bool)
    def on_screensaver(self, active: bool) -> None:
        """The desktop locked the screen."""
        if active and self._watching:
            self.lock_now.emit("screen-lock")
