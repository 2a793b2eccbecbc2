"""Tabs other features add to a part's page (pictures, the body map), following its part.

The Parts page (parts_view.py) is at its size limit; a feature with a tab of its own adds it
here from the main window, and the tab is told which part is shown whenever that changes and
the tab is the one in front (or when no part is shown at all, so it holds nothing).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTabWidget, QTreeView, QWidget


def attach_part_tab(parts_view: QWidget, tab: QWidget, title: str,
                    show_part: Callable[[str | None], None]) -> None:
    """Add ``tab`` to the part's page; ``show_part(part_id)`` follows the page's part."""
    tabs = parts_view.findChild(QTabWidget, "partTabs")
    tree = parts_view.findChild(QTreeView, "partTree")
    if tabs is None or tree is None:
        raise RuntimeError("The Parts page has no part tabs or part tree to follow.")
    tabs.addTab(tab, title)

    def follow() -> None:
        current = getattr(parts_view, "current_part_id", lambda: None)()
        if tabs.currentWidget() is tab or current is None:
            show_part(current)

    tabs.currentChanged.connect(lambda _n: follow())
    tree.selectionModel().currentChanged.connect(lambda *_: QTimer.singleShot(0, follow))
    status = getattr(parts_view, "status", None)
    strip_status = getattr(tab, "status", None)
    if status is not None and strip_status is not None:
        strip_status.connect(status)


__all__ = ["attach_part_tab"]
