"""Process start → first window painted, for the app's unlock window or a minimal Qt window.

Run as a subprocess by run.py; prints the seconds from just before the parent started the
process (passed in PJ_BENCH_T0) to the first window being painted, then exits. "Painted" is the
first paint event of a top-level window, and the figure is read on the event loop's next turn,
once that whole window is drawn: a window system shows a window only some turns after ``show()``
(the expose comes back from it), so work queued for the loop's first turn still counts. Both
windows are measured the same way. The app is started through its real entry point
(``partsjournal.cli.main``), with only a hook that watches for that first paint.
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

    class FirstPaint(QObject):
        """Watches for the first paint of one top-level window.

        A filter on the application sees each event before the window's own filters do, so
        the figure is read on the very next turn, before work that the app itself queued for
        after that paint (listening for later launches, the window icon) runs.
        """

        def __init__(self, window: QWidget) -> None:
            super().__init__()
            self.window = window

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if watched is self.window and event.type() == QEvent.Type.Paint:
                app = QApplication.instance()
                assert app is not None
                app.removeEventFilter(self)
                QTimer.singleShot(0, report)
            return False

    def report() -> None:
        print(f"{time.time() - started:.6f}", flush=True)
        app = QApplication.instance()
        assert app is not None
        app.quit()

    watchers: list[FirstPaint] = []

    def watch(window: QWidget) -> None:
        app = QApplication.instance()
        assert app is not None and window.isVisible()
        watchers.append(FirstPaint(window))
        app.installEventFilter(watchers[-1])

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
        # Shown, not yet painted: that takes the window system's expose, a later turn.
        assert self.shell is not None
        watch(self.shell)

    AppController.start = start_then_watch  # type: ignore[method-assign]
    cli_main(["--vault", sys.argv[2]])


if __name__ == "__main__":
    main()
