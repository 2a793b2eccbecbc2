"""``parts-journal-smoke``: proves a packaged build can open a journal and show it.

Not for users (it is not on the menu or the PATH; packaging/README.md documents it). It runs
the real application controller inside the built bundle, so it exercises the same bundled Qt,
SQLCipher, Argon2id and sample-journal code the app uses:

    QT_QPA_PLATFORM=offscreen parts-journal-smoke --vault DIR --passphrase-file FILE

It opens the vault at DIR on the unlock screen, types the passphrase into it and presses Enter
as a person would, waits for the main window, renders it, checks the picture is not blank,
locks the journal again and exits 0. Any failure or a time-out exits 1 with one sentence on
stderr. If ``PJ_SMOKE_T0`` holds the wall-clock time (seconds since the epoch) at which the
caller started the process, the times to the unlock screen and to the main window are printed
from that moment, so they include the bundle's own start-up.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

T_IMPORT = time.time()


def _since_start() -> float:
    start = os.environ.get("PJ_SMOKE_T0")
    try:
        return time.time() - float(start) if start else time.time() - T_IMPORT
    except ValueError:
        return time.time() - T_IMPORT


def main(argv: list[str] | None = None) -> int:
    """Unlock the vault through the unlock screen, render the main window, exit."""
    parser = argparse.ArgumentParser(prog="parts-journal-smoke", description=__doc__)
    parser.add_argument("--vault", type=Path, required=True)
    parser.add_argument("--passphrase-file", type=Path, required=True)
    parser.add_argument("--out", type=Path, help="also save the main window as this PNG")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds (default 60)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit

    from partsjournal import APP_NAME, __version__
    from partsjournal.cli import harden_process
    from partsjournal.ui.app.application import AppController
    from partsjournal.ui.settings.settings import Settings

    harden_process()
    passphrase = args.passphrase_file.read_text(encoding="utf-8").splitlines()[0]
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    scratch = Path(tempfile.mkdtemp(prefix="pj-smoke-"))
    controller = AppController(Settings(scratch / "settings.ini"))
    outcome: dict[str, object] = {"code": 1, "why": "timed out before the main window showed"}

    def fail(why: str) -> None:
        outcome.update(code=1, why=why, done=True)
        app.exit(1)

    def on_state(state: str) -> None:
        window = controller.window
        if outcome.get("done"):
            return
        if state == "unlock" and window is not None:
            print(f"unlock screen shown after {_since_start():.2f} s", flush=True)
            edits = [e for e in window.findChildren(QLineEdit)
                     if e.echoMode() == QLineEdit.EchoMode.Password]
            if not edits:
                fail("the unlock screen has no passphrase field")
                return
            edits[0].setText(passphrase)
            QTimer.singleShot(0, edits[0].returnPressed.emit)
        elif state == "main" and window is not None:
            for _ in range(5):
                app.processEvents()
            picture = window.grab().toImage()
            print(f"main window shown after {_since_start():.2f} s "
                  f"({picture.width()}x{picture.height()})", flush=True)
            colours = {picture.pixel(x, y)
                       for x in range(0, picture.width(), 7)
                       for y in range(0, picture.height(), 7)}
            if args.out is not None:
                picture.save(str(args.out))
            if len(colours) < 20:
                fail(f"the main window looks blank ({len(colours)} colours)")
                return
            outcome.update(code=0, why="", done=True)
            controller.lock()
            app.exit(0)
        elif state == "welcome":
            fail("the app showed the welcome screen instead of the journal")

    controller.state_changed.connect(on_state)
    QTimer.singleShot(int(args.timeout * 1000), lambda: fail(
        f"no main window after {args.timeout:.0f} s"))
    QTimer.singleShot(0, lambda: controller.start(args.vault))
    app.exec()
    controller._close_vault()
    if outcome["code"] != 0:
        print(f"parts-journal-smoke: {outcome['why']}", file=sys.stderr)
    return int(outcome["code"])  # type: ignore[call-overload]


if __name__ == "__main__":
    raise SystemExit(main())
