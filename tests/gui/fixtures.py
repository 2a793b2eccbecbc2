"""Shared GUI test data and helpers: hostile strings, the modal driver, unlocking as a person.

The pytest fixtures that build them live in tests/gui/conftest.py; tests import the classes and
helpers from here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from partsjournal.ui.app.application import AppController

W = TypeVar("W", bound=QWidget)


def shown(qtbot: object, widget: W, width: int = 1200, height: int = 800, *,
          activate: bool = False) -> W:
    """``widget`` on screen at a size a person would have, closed again after the test."""
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)  # type: ignore[attr-defined]
    if activate:
        widget.activateWindow()
    return widget


class ModalDriver:
    """Answers modal dialogs as they appear: a person clicking through them."""

    def __init__(self) -> None:
        self.handlers: list[tuple[type, Callable[[QWidget], bool]]] = []
        self.seen: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def on(self, kind: type, handler: Callable[[QWidget], bool]) -> None:
        """When a modal of ``kind`` is up, call ``handler`` (returns True once it is done)."""
        self.handlers.append((kind, handler))

    def _tick(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        for kind, handler in list(self.handlers):
            if isinstance(modal, kind) and handler(modal):
                self.seen.append(kind.__name__)
                self.handlers.remove((kind, handler))
                return

    def stop(self) -> None:
        self._timer.stop()


# Hostile text: markup, a huge field and bidi overrides, for the plain-text tests ------------

#: Markup in a name or title: an image that must never load, and bold that must show as typed.
MARKUP = '<img src="file:///etc/hosts"><b>x</b>'

#: RIGHT-TO-LEFT OVERRIDE, left open: it reverses everything after it in its paragraph.
RLO = "\u202e"
HEBREW = "שלום"


class Hostile:
    """Strings a peer (or a paste) could put in front of Qt, around a real canary image."""

    def __init__(self, folder: Path) -> None:
        from PySide6.QtGui import QColor, QImage

        self.canary = folder / "canary.png"
        image = QImage(16, 16, QImage.Format.Format_RGB32)
        image.fill(QColor("red"))
        assert image.save(str(self.canary))
        url = self.canary.as_uri()
        #: Loads the canary if rendered as rich text; bold and a link besides.
        self.html = f'<img src="{url}"><b>bold</b><a href="{url}">link</a>'
        #: A name-sized hostile string (names are at most 200 characters, and validation
        #: refuses bidi controls in names — but not right-to-left letters).
        self.name = f'<img src="{url}"><b>B</b> {HEBREW}'
        assert len(self.name) <= 200
        #: 49,000 characters, many lines, markup and overrides throughout.
        unit = f"{self.html} {RLO}{HEBREW} said: keep away\n"
        self.long = (unit * (49_000 // len(unit) + 1))[:49_000]
        #: Every other string the hostile vault stores (hostile_vault adds to it).
        self.stored: list[str] = []


# Accessible names --------------------------------------------------------------------------

def _has_label(widget: QWidget, window: QWidget) -> bool:
    """An accessible name, a button's own text, or a label that is its buddy."""
    if widget.accessibleName().strip():
        return True
    if isinstance(widget, QAbstractButton) and widget.text().strip():
        return True
    return any(label.buddy() is widget for label in window.findChildren(QLabel))


def _is_qt_internal(widget: QWidget) -> bool:
    """Qt's own sub-widgets: a spin box's editor, a combo's popup, headers, clear buttons."""
    if widget.objectName().startswith("qt_") or isinstance(widget, QHeaderView):
        return True
    ancestor = widget.parentWidget()
    while ancestor is not None:
        if isinstance(ancestor, (QComboBox, QAbstractSpinBox, QLineEdit)):
            return True
        ancestor = ancestor.parentWidget()
    return False


def unlabelled(window: QWidget) -> list[str]:
    """Every control in ``window`` a screen reader could not name (type:objectName)."""
    kinds = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton,
             QAbstractItemView)
    missing = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, kinds):
            continue
        if _is_qt_internal(widget):
            continue
        if not _has_label(widget, window):
            missing.append(f"{type(widget).__name__}:{widget.objectName()}")
    return missing


def unlock_through_the_window(qtbot, controller: AppController, passphrase: str):  # type: ignore[no-untyped-def]
    """Type the passphrase on the unlock screen and press Enter, as a person would."""
    from PySide6.QtCore import Qt

    from partsjournal.ui.app.main_window import MainWindow
    from partsjournal.ui.app.unlock_window import UnlockWindow

    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    qtbot.keyClicks(unlock.secret, passphrase)
    qtbot.keyClick(unlock.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.state == "main", timeout=10_000)
    window = controller.window
    assert isinstance(window, MainWindow)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window.window())
    return window


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours (1 … 21)."""
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return (0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
                + 0.0722 * channel(c.blueF()))
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)

