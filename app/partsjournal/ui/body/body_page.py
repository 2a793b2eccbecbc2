"""The Body page: every part on one body, in its role's colour, with its name beside its spots.

A quiet overview of where the parts live in the body ("the managers sit in my shoulders"). The
role box shows all parts or one role; the colours are the map's role colours (``theme``), and
the list beside the outline reads every spot as text with its part's name. Placing and editing
spots is done on a part's own Body tab; this page only shows them. It follows the page protocol
(``announced``, ``flush``, ``clear``, ``on_changes``) so the main window can place it as a room.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QListView,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.model import Role
from partsjournal.ui.body.body_widget import BodyMapWidget
from partsjournal.ui.body.spot_model import BodySpotModel
from partsjournal.ui.body.words import tr
from partsjournal.ui.common.changes import Change, Changes
from partsjournal.ui.common.theme import ROLE_COLORS, SPACE_S, scaled_font
from partsjournal.ui.common.vocabulary import role_label
from partsjournal.ui.common.widgets import named, plain_label
from partsjournal.vault import Vault


class BodyPage(QWidget):
    """All parts' spots on one body, filtered by role."""

    announced = Signal(object)
    status = Signal(str)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bodyPage")
        self.setAccessibleName(tr("Body map of all parts"))
        self._vault = vault
        column = QVBoxLayout(self)
        column.setContentsMargins(SPACE_S, SPACE_S, SPACE_S, SPACE_S)
        heading = plain_label(tr("Where your parts are felt"), self)
        heading.setFont(scaled_font(heading, "heading"))
        column.addWidget(heading)
        column.addWidget(plain_label(tr(
            "Every part's spots on one body, in its role's colour. Place and change a part's "
            "spots on its Body tab (Parts page)."), self, wrap=True))
        self.role_box = named(QComboBox(self), "bodyRole")
        self.role_box.setAccessibleName(tr("Show parts of role"))
        self.role_box.addItem(tr("All roles"), "")
        for role in Role:
            pixmap = QPixmap(12, 12)
            pixmap.fill(QColor(ROLE_COLORS[role]))
            self.role_box.addItem(QIcon(pixmap), role_label(role), role.value)
        self.role_box.currentIndexChanged.connect(lambda _n: self.reload())
        filter_row = QHBoxLayout()
        filter_row.addWidget(plain_label(tr("Show:"), self))
        filter_row.addWidget(self.role_box)
        filter_row.addStretch(1)
        column.addLayout(filter_row)
        row = QHBoxLayout()
        column.addLayout(row, 1)
        self.map = BodyMapWidget(self, show_names=True)
        self.map.setAccessibleName(tr("All parts on the body map"))
        row.addWidget(self.map, 2)
        side = QVBoxLayout()
        row.addLayout(side, 1)
        self.model = BodySpotModel(self)
        self.list = named(QListView(self), "bodyAllSpots")
        self.list.setModel(self.model)
        self.list.setAccessibleName(tr("Where your parts are felt"))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setWordWrap(True)  # a long note wraps rather than scrolls sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.selectionModel().currentChanged.connect(self._list_chose)
        self.map.current_changed.connect(self._map_chose)
        side.addWidget(self.list, 1)
        self.empty = plain_label("", self, wrap=True)
        self.empty.setObjectName("bodyPageEmpty")
        side.addWidget(self.empty)

    def reload(self) -> None:
        """Read every own part's spots again, for the chosen role."""
        role = self.role_box.currentData()
        parts = {p.id: p for p in self._vault.parts.list()
                 if not role or p.role.value == role}
        spots = [s for s in self._vault.body_spots.for_parts(parts)]
        spots.sort(key=lambda s: (parts[s.part_id].name.casefold(), s.created_at, s.id))
        rows = [(s, parts[s.part_id].name, QColor(ROLE_COLORS[parts[s.part_id].role]))
                for s in spots]
        self.map.set_spots([(s, c, n) for s, n, c in rows])
        self.model.set_spots([(s, n, c) for s, n, c in rows])
        self.empty.setText("" if rows else (
            tr("No spots yet. Open a part on the Parts page and place where it is felt on its "
               "Body tab.") if not role else tr("No spots for parts of this role yet.")))
        self.empty.setVisible(not rows)

    def _list_chose(self, current: QModelIndex, _previous: QModelIndex) -> None:
        spot = self.model.spot(current.row())
        self.map.set_current(None if spot is None else spot.id)

    def _map_chose(self, spot_id: object) -> None:
        row = self.model.row_of(spot_id if isinstance(spot_id, str) else None)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))

    # The page protocol ---------------------------------------------------------------------

    def flush(self) -> bool:
        """Nothing is edited here."""
        return True

    def clear(self) -> None:
        """Hold no names or notes (the journal is locking)."""
        self.map.set_spots([])
        self.model.set_spots([])

    def on_changes(self, changes: Changes) -> None:
        """Spots or parts changed elsewhere: read them again when shown."""
        if changes.touches(Change.BODY_SPOTS, Change.PARTS) and self.isVisible():
            self.reload()
