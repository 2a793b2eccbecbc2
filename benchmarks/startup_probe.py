"""Process start → first window shown, for the app's unlock window or a minimal Qt window.

Run as a subprocess by run.py; prints the seconds from interpreter start (as passed in by the
parent via the environment) to the window being exposed, then exits.
"""

from __future__ import annotations

import os
import sys
import time


def main() -> None:
    started = float(os.environ["PJ_BENCH_T0"])
    which = sys.argv[1]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if which == "minimal":
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QLabel

        app = QApplication(sys.argv[:1])
        window = QLabel("Hello")
    else:
        from pathlib import Path

        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        from partsjournal.cli import harden_process
        from partsjournal.ui.app import AppController
        from partsjournal.ui.settings import Settings

        harden_process()
        app = QApplication(sys.argv[:1])
        controller = AppController(Settings(Path(sys.argv[3])))
        controller.start(Path(sys.argv[2]))
        window = controller.window  # type: ignore[assignment]
    window.show()

    def shown() -> None:
        print(f"{time.time() - started:.6f}", flush=True)
        app.quit()

    QTimer.singleShot(0, shown)
    app.exec()


if __name__ == "__main__":
    main()
