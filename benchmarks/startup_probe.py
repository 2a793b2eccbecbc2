"""Process start → first window shown, for the app's unlock window or a minimal Qt window.

Run as a subprocess by run.py; prints the seconds from just before the parent started the
process (passed in PJ_BENCH_T0) to the window being shown, then exits. The app is started
through its real entry point (``partsjournal.cli.main``), with only a hook that reports when the
first window is up.
"""

from __future__ import annotations

import os
import sys
import time


def main() -> None:
    started = float(os.environ["PJ_BENCH_T0"])
    which = sys.argv[1]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    def report(app: object) -> None:
        print(f"{time.time() - started:.6f}", flush=True)
        app.quit()  # type: ignore[attr-defined]

    if which == "minimal":
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QLabel

        app = QApplication(sys.argv[:1])
        window = QLabel("Hello")
        window.show()
        QTimer.singleShot(0, lambda: report(app))
        app.exec()
        return

    from partsjournal.cli import main as cli_main
    from partsjournal.ui.app.application import AppController

    original = AppController.start

    def start_then_report(self: AppController, vault_dir: object = None) -> None:
        original(self, vault_dir)  # type: ignore[arg-type]
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        QTimer.singleShot(0, lambda: report(QApplication.instance()))

    AppController.start = start_then_report  # type: ignore[method-assign]
    cli_main(["--vault", sys.argv[2]])


if __name__ == "__main__":
    main()
