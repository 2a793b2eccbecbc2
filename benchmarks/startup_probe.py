"""Process start → first window painted, for the app's unlock window or a minimal Qt window.

Run as a subprocess by run.py; prints the seconds from just before the parent started the
process (passed in PJ_BENCH_T0) to the first window being painted, then exits: the last paint
event of the window's first frame (the window, then each widget in it). A window system paints
a window only some event-loop turns after ``show()`` (the expose comes back from it), so work
queued for the loop's first turn still counts. Both windows are measured the same way. The app
is started through its real entry point (``partsjournal.cli.main``), with only a hook that
watches for that first paint.
"""

from __future__ import annotations

import os
import sys
import time


def main() -> None:
    started = float(os.environ["PJ_BENCH_T0"])
    which = sys.argv[1]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    class FirstFrame(QObject):
        """Notes when the window and each widget in it are painted, in the first frame.

        A filter on each of those widgets (not on the application, which would hand every
        object's events to Python, and so cost the app more than the bare window). The figure
        is the last paint of that frame, printed on the event loop's next turn: work the app
        queued for after its first paint (listening for later launches, the window icon) is
        not counted, however its timers are ordered.
        """

        def __init__(self) -> None:
            super().__init__()
            self.painted_at: float | None = None

            self.reported = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and not self.reported:
                if self.painted_at is None:
                    QTimer.singleShot(0, self.report)
                self.painted_at = time.time()
            return False

        def report(self) -> None:
            self.reported = True
            assert self.painted_at is not None
            print(f"{self.painted_at - started:.6f}", flush=True)
            app = QApplication.instance()
            assert app is not None
            app.quit()

    watcher = FirstFrame()

    def watch(window: QWidget) -> None:
        assert window.isVisible()  # shown, not yet painted: that waits for the expose
        for widget in (window, *window.findChildren(QWidget)):
            widget.installEventFilter(watcher)

    if which == "minimal":
        from PySide6.QtWidgets import QLabel

        app = QApplication(sys.argv[:1])
        window = QLabel("Hello")
        window.show()
        watch(window)
        app.exec()
        return

    from partsjournal.cli import main as cli_main
    from partsjournal.ui.app.application import AppController

    original = AppController.start

    def start_then_watch(self: AppController, vault_dir: object = None) -> None:
        original(self, vault_dir)  # type: ignore[arg-type]
        assert self.shell is not None
        watch(self.shell)

    AppController.start = start_then_watch  # type: ignore[method-assign]
    cli_main(["--vault", sys.argv[2]])


if __name__ == "__main__":
    main()
