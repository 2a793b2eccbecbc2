"""Untrusted text is always plain text — in tooltips, What's This, status tips and the status bar.

Qt shows a tooltip as rich text whenever the string merely *looks* like markup
(``Qt::mightBeRichText``), so a peer's part whose job is ``<img src="file:///…">`` would make
Qt open that file. Every tooltip in ui/ therefore goes through ``ui.plain_text``, which makes it
deliberately rich text whose content is escaped, elided and bidi-isolated.

This test builds the main window over a vault full of hostile text (tests/gui/conftest.py),
opens every page, the peer-session panel and the split dialog, hovers every chart point, then
walks every widget, action and item model and checks every tooltip-like string: it is the
helper's output, renders to a document with no image, no link and no markup from data, stays
within the elision bound, and has no bidi override outside an isolate. Each tooltip is also shown
for real; the canary image must never be opened (inotify sees Qt's own C++ opens, an audit hook
sees Python's).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import html
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPoint,
    Qt,
    QUrl,
)
from PySide6.QtGui import QAction, QColor, QHelpEvent, QImage, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QToolButton,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot

from partsjournal.domain import EntryKind
from partsjournal.ui.app.main_window import MainWindow
from partsjournal.ui.common import plain_text
from partsjournal.ui.insights.insights_charts import ChartBase
from partsjournal.ui.parts.part_surgery_dialogs import SplitPartDialog
from partsjournal.vault import Vault

from ..fixtures import RLO, Hostile

TIP_ROLES = {
    Qt.ItemDataRole.ToolTipRole: "ToolTipRole",
    Qt.ItemDataRole.WhatsThisRole: "WhatsThisRole",
    Qt.ItemDataRole.StatusTipRole: "StatusTipRole",
}
OVERRIDES = set("\u202a\u202b\u202c\u202d\u202e")
OPEN_ISOLATE = set("\u2066\u2067\u2068")
PDI = "\u2069"
PARAGRAPH = set("\n\r\u2029\x1c\x1d\x1e\x85")


# Watching the canary ----------------------------------------------------------------------

class CanaryWatch:
    """Records every open of the canary: Python's (audit hook) and anyone's (inotify, Linux)."""

    IN_OPEN = 0x20
    IN_ACCESS = 0x01
    IN_NONBLOCK = os.O_NONBLOCK

    def __init__(self, path: Path) -> None:
        self.path = str(path)
        self.python_opens: list[str] = []
        self._active = True
        sys.addaudithook(self._hook)
        self._fd = -1
        name = ctypes.util.find_library("c")
        if sys.platform.startswith("linux") and name:
            libc = ctypes.CDLL(name, use_errno=True)
            fd = libc.inotify_init1(self.IN_NONBLOCK)
            if fd >= 0 and libc.inotify_add_watch(fd, self.path.encode(),
                                                  self.IN_OPEN | self.IN_ACCESS) >= 0:
                self._fd = fd

    def _hook(self, event: str, args: tuple[Any, ...]) -> None:
        if self._active and event == "open" and args and str(args[0]) == self.path:
            self.python_opens.append(event)

    def os_opens(self) -> int:
        """How many inotify events the canary had (0 when inotify is not available)."""
        if self._fd < 0:
            return 0
        count = 0
        while True:
            try:
                data = os.read(self._fd, 4096)
            except BlockingIOError:
                return count
            count += len(data) // 16 if data else 0  # struct inotify_event, no name for a file
            if not data:
                return count

    def close(self) -> None:
        self._active = False  # audit hooks cannot be removed
        if self._fd >= 0:
            os.close(self._fd)


@pytest.fixture
def canary_watch(hostile: Hostile) -> Iterator[CanaryWatch]:
    watch = CanaryWatch(hostile.canary)
    assert watch.os_opens() == 0
    yield watch
    watch.close()


def test_the_canary_watch_sees_qt_open_the_file(qtbot: QtBot, hostile: Hostile,
                                                canary_watch: CanaryWatch) -> None:
    """The watch itself works: a rich-text label with the hostile image does open the canary."""
    label = QLabel(hostile.html)  # AutoText: exactly what Qt does with an unprotected tooltip
    qtbot.addWidget(label)
    label.show()
    label.grab()
    if sys.platform.startswith("linux"):
        assert canary_watch.os_opens() > 0
    label.setText(plain_text.plain_tooltip(hostile.html))
    canary_watch.os_opens()
    other = QLabel(plain_text.plain_tooltip(hostile.html))
    qtbot.addWidget(other)
    other.show()
    other.grab()
    assert canary_watch.os_opens() == 0


# Checking one string ------------------------------------------------------------------------

class RecordingDocument(QTextDocument):
    """A document that records (and refuses) every resource it is asked to load."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[str] = []

    def loadResource(self, kind: int, url: QUrl | str) -> Any:  # noqa: N802
        self.requests.append(url.toString() if isinstance(url, QUrl) else str(url))
        return None


def override_outside_isolate(text: str) -> bool:
    """True when an embedding/override control sits outside every FSI/LRI/RLI … PDI isolate."""
    depth = 0
    for char in text:
        if char in PARAGRAPH:
            depth = 0
        elif char in OPEN_ISOLATE:
            depth += 1
        elif char == PDI:
            depth = max(0, depth - 1)
        elif char in OVERRIDES and depth == 0:
            return True
    return False


def render(text: str) -> RecordingDocument:
    """The document a QLabel / QToolTip builds for ``text`` (Qt.AutoText)."""
    doc = RecordingDocument()
    if GuiQt.mightBeRichText(text):
        doc.setHtml(text)
    else:
        doc.setPlainText(text)
    doc.setTextWidth(400)
    doc.size()  # lays out, which is when images are loaded
    return doc


def tip_problems(where: str, text: str, hostile: Hostile) -> list[str]:
    """What is wrong with a tooltip-like string (empty when it is safe)."""
    if not text:
        return []
    problems = []
    short = f"{where}: {text[:70]!r}…({len(text)} chars)"
    if "statusTip" in where or "StatusTipRole" in where:  # shown in the status bar, as plain text
        return status_problems(where, text)
    if "DisplayRole" in where:  # painted as plain text, but may be composed with the app's words
        return display_problems(where, text, hostile)
    if not (text.startswith(plain_text.PREFIX) and text.endswith(plain_text.SUFFIX)):
        problems.append(f"not made by plain_text: {short}")
    else:
        inner = text[len(plain_text.PREFIX):-len(plain_text.SUFFIX)]
        if html.escape(html.unescape(inner)) != inner:
            problems.append(f"unescaped markup inside: {short}")
    doc = render(text)
    if doc.requests:
        problems.append(f"loads {doc.requests[:2]}: {short}")
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                problems.append(f"renders an image: {short}")
            if fmt.isAnchor():
                problems.append(f"renders a link: {short}")
            if fmt.fontWeight() > 500:
                problems.append(f"renders bold: {short}")
            it += 1
        block = block.next()
    shown = doc.toPlainText()
    if len(shown) > plain_text.MAX_CHARS + 1:
        problems.append(f"{len(shown)} characters shown: {short}")
    if len(shown.splitlines()) > plain_text.MAX_LINES:
        problems.append(f"{len(shown.splitlines())} lines shown: {short}")
    if override_outside_isolate(shown):
        problems.append(f"bidi override outside an isolate: {short}")
    if hostile.canary.as_uri() in text and "<img" not in shown:
        problems.append(f"hostile markup not shown literally: {short}")
    return sorted(set(problems))


def status_problems(where: str, text: str) -> list[str]:
    """What is wrong with a status-bar string: it must be what plain_status makes of it."""
    if text != plain_text.plain_status(text):
        return [f"not made by plain_status: {where}: {text[:70]!r}…({len(text)} chars)"]
    return []


def display_problems(where: str, text: str, hostile: Hostile) -> list[str]:
    """A list row's text: an override from the data must not reach words the app added.

    Item views paint DisplayRole as plain text (QStyledItemDelegate, and our delegates use
    drawText), so markup is harmless there; but "title‮ (archived)" would reverse "(archived)".
    Every override outside an isolate must be followed, to the end of its line, only by text
    that came from the data (here: a piece of the hostile fixture).
    """
    for position, char in enumerate(text):
        if char in OVERRIDES and override_outside_isolate(text[:position + 1]):
            rest = text[position:].split("\n", 1)[0]
            if rest not in hostile.long and not any(rest in s for s in hostile.stored):
                return [f"override reaches the app's words: {where}: {rest[:60]!r}"]
    return []


# Walking everything ----------------------------------------------------------------------------

def walk_model(model: QAbstractItemModel, parent: QModelIndex = QModelIndex(),  # noqa: B008
               limit: int = 400) -> Iterator[QModelIndex]:
    """Every index of a model, recursively, at most ``limit`` rows per level."""
    if model.canFetchMore(parent):
        model.fetchMore(parent)
    flat = isinstance(model, QAbstractListModel)  # which hides columnCount and hasChildren
    for row in range(min(model.rowCount(parent), limit)):
        for column in range(1 if flat else max(1, model.columnCount(parent))):
            index = model.index(row, column, parent)
            if not index.isValid():
                continue
            yield index
            if column == 0 and not flat and model.rowCount(index) > 0:
                yield from walk_model(model, index, limit)


def stripped(text: str) -> str:
    """What QAction.toolTip() returns when no tooltip was set (its text without mnemonics)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("...") \
        .removesuffix("…")


def collect(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every tooltip, What's This and status tip on screen or in a model."""
    found: list[tuple[str, str]] = []
    actions: set[int] = set()
    models: dict[int, tuple[str, QAbstractItemModel]] = {}
    for widget in QApplication.allWidgets():
        kind = f"{type(widget).__name__}:{widget.objectName()}"
        tip = widget.toolTip()
        default = widget.defaultAction() if isinstance(widget, QToolButton) else None
        if default is not None and tip == default.toolTip():
            tip = ""  # checked with its action below
        found += [(f"{kind}.toolTip", tip), (f"{kind}.whatsThis", widget.whatsThis()),
                  (f"{kind}.statusTip", widget.statusTip())]
        for action in widget.actions():
            actions.add(id(action))
            found += action_tips(action)
        if isinstance(widget, (QAbstractItemView, QComboBox)) and widget.model() is not None:
            models[id(widget.model())] = (kind, widget.model())
    for action in window.findChildren(QAction):
        if id(action) not in actions:
            found += action_tips(action)
    for kind, model in models.values():
        name = f"{kind}/{type(model).__name__}"
        for index in walk_model(model):
            for role, role_name in (*TIP_ROLES.items(), (Qt.ItemDataRole.DisplayRole,
                                                         "DisplayRole")):
                value = index.data(role)
                if value is not None:
                    found.append((f"{name}[{index.row()},{index.column()}].{role_name}",
                                  str(value)))
    return found


def action_tips(action: QAction) -> list[tuple[str, str]]:
    where = f"QAction:{stripped(action.text())[:30]!r}"
    tip = action.toolTip()
    found = [(f"{where}.whatsThis", action.whatsThis()), (f"{where}.statusTip",
                                                          action.statusTip())]
    if tip and tip == stripped(action.text()) and not GuiQt.mightBeRichText(tip) \
            and not override_outside_isolate(tip):
        return found  # Qt's own tooltip from the action's (translated) text, shown plain
    return [(f"{where}.toolTip", tip), *found]


def hover_charts(qtbot: QtBot, window: MainWindow) -> list[tuple[str, str]]:
    """Hover every point of every insights chart; what QToolTip showed."""
    shown: list[tuple[str, str]] = []
    for chart in window.insights.findChildren(ChartBase):
        chart.grab()  # paints, which is when the hit areas are made
        for hit in list(chart.hits):
            QToolTip.hideText()
            pos = hit.rect.center().toPoint()
            event = QHelpEvent(QEvent.Type.ToolTip, pos, chart.mapToGlobal(pos))
            QApplication.sendEvent(chart, event)
            shown.append((f"{type(chart).__name__} hit {hit.kind}", QToolTip.text()))
    QToolTip.hideText()
    return shown


def open_everything(qtbot: QtBot, vault: Vault, hostile: Hostile) -> MainWindow:
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.resize(1400, 1000)
    window.show()
    qtbot.waitExposed(window)
    own = next(p for p in vault.parts.list() if p.name == hostile.name)
    session = next(e for e in vault.entries.list() if e.kind is EntryKind.PEER_SESSION)
    peer = vault.peers.list()[0]
    window.open_part(own.id)
    window.show_map()
    window.show_peers()
    window.peers.select_peer(peer.id)
    window.show_insights()
    window.open_entry(session.id)
    window.start_peer_session()
    panel = window.peer_session
    assert panel is not None
    panel.peer_combo.setCurrentIndex(panel.peer_combo.findData(peer.id))
    assert panel.received.rowCount() == 2
    panel.parts_view.setCurrentIndex(panel.received.index(0, 0))
    split = SplitPartDialog(vault, own.id, window)
    qtbot.addWidget(split)
    split.show()
    window.show_journal()
    window.journal.refresh()
    qtbot.wait(50)
    return window


def test_no_tooltip_anywhere_renders_hostile_markup(qtbot: QtBot, hostile_vault: Vault,
                                                    hostile: Hostile,
                                                    canary_watch: CanaryWatch) -> None:
    window = open_everything(qtbot, hostile_vault, hostile)
    strings = collect(window) + hover_charts(qtbot, window)
    problems = [p for where, text in strings for p in tip_problems(where, text, hostile)]
    # Every place the hostile data reaches must really have been looked at.
    places = {where.split("[")[0] for where, text in strings if text}
    for expected in ("EntryListModel", "PartTreeModel", "ReceivedPartsModel",
                     "splitField_job.toolTip", "EnergyChart hit", "TimelineChart hit"):
        assert any(expected in place for place in places), (expected, sorted(places))
    assert not problems, "\n".join(problems)

    # Shown for real, every tooltip stays small and never loads the canary.
    shown = 0
    for where, text in strings:
        if not text or "DisplayRole" in where or "statusTip" in where \
                or "StatusTipRole" in where:
            continue
        QToolTip.showText(window.mapToGlobal(QPoint(40, 40)), text, window)
        qtbot.waitUntil(QToolTip.isVisible)
        tip = next((w for w in QApplication.topLevelWidgets()
                    if w.inherits("QTipLabel") and w.isVisible()), None)
        assert tip is not None, where
        shown += 1
        assert tip.height() <= 400 and tip.width() <= 800, (where, tip.size())
        QToolTip.hideText()
    assert shown > 20
    assert canary_watch.python_opens == []
    assert canary_watch.os_opens() == 0


def test_status_messages_isolate_untrusted_names(qtbot: QtBot, hostile_vault: Vault,
                                                 hostile: Hostile) -> None:
    from types import SimpleNamespace

    from partsjournal.ui.peers.import_dialog import ImportDialog

    window = open_everything(qtbot, hostile_vault, hostile)
    peer = hostile_vault.peers.list()[0]
    dialog = ImportDialog(hostile_vault, Path("nowhere.pjbundle"), window, start=False)
    qtbot.addWidget(dialog)
    dialog.result_ = SimpleNamespace(peer=peer, added=1, updated=0,  # type: ignore[assignment]
                                     withdrawn=0)
    summary = dialog.summary()
    assert summary.startswith(f"Imported from {plain_text.isolate(peer.name)}: 1 new")
    messages = []
    for message in (summary, hostile.long, f"Saved {RLO}{hostile.html}"):
        window.statusBar().showMessage("")
        window.show_status(message)
        messages.append(window.statusBar().currentMessage())
    for shown in messages:
        assert not override_outside_isolate(shown), shown[:80]
        assert len(shown) <= plain_text.MAX_CHARS + 2 and "\n" not in shown
    assert messages[0] == summary
    window.peers._verification_changed(peer)
    assert window.statusBar().currentMessage() == \
        f"{plain_text.isolate(peer.name)} is no longer marked as verified."


# The helper itself ---------------------------------------------------------------------------

def _red_pixels(image: QImage) -> int:
    """Pixels of the canary's pure red in ``image``."""
    red = QColor("red").rgb()
    return sum(1 for x in range(image.width()) for y in range(image.height())
               if image.pixel(x, y) == red)


def test_a_shown_tooltip_is_the_literal_text_not_the_picture(qtbot: QtBot,
                                                            hostile: Hostile) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(600, 400)
    host.show()
    qtbot.waitExposed(host)

    def shown(text: str) -> QImage:
        QToolTip.showText(host.mapToGlobal(QPoint(10, 10)), text, host)
        qtbot.waitUntil(QToolTip.isVisible)
        tip = next(w for w in QApplication.topLevelWidgets()
                   if w.inherits("QTipLabel") and w.isVisible())
        image = tip.grab().toImage()
        QToolTip.hideText()
        QApplication.processEvents()
        return image

    assert _red_pixels(shown(hostile.html)) > 100  # unprotected, Qt shows the canary image
    safe = shown(plain_text.plain_tooltip(hostile.long))
    assert _red_pixels(safe) == 0
    assert safe.height() < 300


def test_plain_tooltip_escapes_elides_and_neutralises_bidi() -> None:
    tip = plain_text.plain_tooltip('<img src="file:///etc/hosts"><b>x</b> & \u202eevil')
    assert tip == (plain_text.PREFIX + "&lt;img src=&quot;file:///etc/hosts&quot;&gt;"
                   "&lt;b&gt;x&lt;/b&gt; &amp; evil" + plain_text.SUFFIX)
    assert GuiQt.mightBeRichText(tip)  # deliberately rich, so Qt never guesses
    assert render(tip).toPlainText() == '<img src="file:///etc/hosts"><b>x</b> & evil'
    long = render(plain_text.plain_tooltip("word " * 10_000)).toPlainText()
    assert len(long) <= plain_text.MAX_CHARS + 1 and long.endswith("…")
    lines = render(plain_text.plain_tooltip("\n".join(map(str, range(50))))).toPlainText()
    assert lines.splitlines() == ["0", "1", "2", "3", "4", "5", "6", "7…"]
    assert plain_text.plain_tooltip("") == plain_text.plain_tooltip("  \n") == ""
    assert plain_text.plain_tooltip(None) == ""


def test_isolate_keeps_a_name_from_reordering_its_sentence() -> None:
    fsi, pdi = "\u2068", "\u2069"
    assert plain_text.isolate("Alice") == f"{fsi}Alice{pdi}"
    # Overrides go; a stray PDI cannot close the isolate early; an open one is closed.
    assert plain_text.isolate("\u202eAl\u2069ice\u2067x") == f"{fsi}Alice\u2067x{pdi}{pdi}"
    assert plain_text.isolate("שלום\u200f") == f"{fsi}שלום\u200f{pdi}"  # marks are kept
    sentence = f"Imported from {plain_text.isolate('שלום')}: 1 new"
    assert not override_outside_isolate(sentence)


def test_plain_status_is_one_elided_line() -> None:
    assert plain_text.plain_status("Saved") == "Saved"
    assert plain_text.plain_status("a\nb\r\nc\u2029d") == "a b c d"
    assert plain_text.plain_status("\u202dx\u202c") == "x"
    status = plain_text.plain_status("y" * 5000)
    assert len(status) == plain_text.MAX_CHARS + 1 and status.endswith("…")
    assert plain_text.plain_status(status) == status
