"""Insights: Self-energy over time, the 8 C's, active parts and stage progress, for a date range.

The numbers come from :func:`partsjournal.reports.insights.build_insights`; this view only words
and draws them. Merging and splitting parts start here too: each is an undoable command pushed
on the window's undo stack (see :meth:`InsightsView.set_undo_stack`).

Wiring (for the main window)::

    insights = InsightsView(vault, window)
    insights.set_undo_stack(window.undo_stack)      # merge/split undo with Edit → Undo
    insights.open_part.connect(window.open_part)
    insights.open_entry.connect(window.open_entry)
    insights.announced.connect(window.bus.changed)  # merges and splits, for the other pages
    insights.reload()                               # whenever the page is shown
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any, TypeVar, cast

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QPainter, QPalette, QPixmap, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.model import utc_now
from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.reports.insights import DateRange, Insights, build_insights
from partsjournal.ui.common.changes import Change, Changes
from partsjournal.ui.common.dates import short_date, short_date_format
from partsjournal.ui.common.messages import show_error
from partsjournal.ui.common.models import RowTableModel
from partsjournal.ui.common.plain_text import set_tooltip
from partsjournal.ui.common.theme import (
    SPACE_L,
    SPACE_M,
    SPACE_S,
    SPACE_XXL,
    muted,
    role_color,
    scaled_font,
)
from partsjournal.ui.common.widgets import WheelToPage, named, plain_label
from partsjournal.ui.insights.insights_charts import (
    QualitiesChart,
    SelfEnergyChart,
    StageTimelineChart,
    tr,
)
from partsjournal.ui.parts.part_commands import MergePartsCommand, SplitPartCommand
from partsjournal.ui.parts.part_surgery_dialogs import MergePartsDialog, SplitPartDialog
from partsjournal.vault import Vault
from partsjournal.vault.insight_queries import PartActivityRow

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
COUNT_ROLE = Qt.ItemDataRole.UserRole + 3
#: Width of the little bar beside each count.
BAR_WIDTH = 110

#: The range presets: key → days back (None: all time; 0: chosen dates).
PRESETS: tuple[tuple[str, int | None], ...] = (
    ("30", 30), ("90", 90), ("182", 182), ("365", 365), ("all", None), ("custom", 0))


def preset_label(key: str) -> str:
    """How a range preset reads in the menu."""
    return {"30": tr("Last 30 days"), "90": tr("Last 3 months"), "182": tr("Last 6 months"),
            "365": tr("Last year"), "all": tr("All time"), "custom": tr("Chosen dates")}[key]


#: The two undoable part changes started from this page.
_Command = TypeVar("_Command", MergePartsCommand, SplitPartCommand)

class PartActivityModel(RowTableModel[PartActivityRow]):
    """Parts that showed up in the range: name, how often, when last."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._most = 1
        self._bars: dict[tuple[str, int, int], QPixmap] = {}

    def set_rows(self, rows: Iterable[PartActivityRow]) -> None:
        """Show these parts."""
        rows = list(rows)
        self._most = max((r.count for r in rows), default=1)
        self._bars = {}
        super().set_rows(rows)

    @property
    def most(self) -> int:
        """The highest count (bars are drawn relative to it)."""
        return self._most

    def _bar(self, row: PartActivityRow) -> QPixmap:
        """A small bar in the part's colour, as long as its share of the busiest part's count.

        Drawn once per row into a pixmap (a delegate painting with QPainter on every repaint
        tripped a PySide 6.12 crash at exit after a theme change).
        """
        key = (row.part_id, row.count, self._most)
        cached = self._bars.get(key)
        if cached is not None:
            return cached
        pixmap = QPixmap(BAR_WIDTH, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(role_color(row.role, row.color))
        painter.drawRoundedRect(QRectF(0, 1, max(3.0, BAR_WIDTH * row.count / self._most), 10),
                                3, 3)
        painter.end()
        self._bars[key] = pixmap
        return pixmap

    def row_data(self, row: int) -> PartActivityRow:
        """The part in a row."""
        return self.row(row)

    def headers(self) -> tuple[str, ...]:
        return (tr("Part"), tr("Entries"), tr("Last seen"))

    def cell(self, row: PartActivityRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.name + (tr(" (archived)") if row.archived else "")
            if column == 1:
                return str(row.count)
            return short_date(row.last_seen)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return role_color(row.role, row.color)
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            return self._bar(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return fill(tr("%1: %2 entries, last seen %3"),
                        row.name,
                        str(row.count),
                        short_date(row.last_seen))
        if role == SORT_ROLE:
            return (row.name.casefold(), row.count, row.last_seen.timestamp())[column]
        if role == COUNT_ROLE:
            return row.count
        if role == ID_ROLE:
            return row.part_id
        return None


def _section(title: str, parent: QWidget) -> QLabel:
    label = plain_label(title, parent)
    label.setFont(scaled_font(label, "title"))
    return label


class InsightsView(QWidget):
    """How practice is going over a chosen time: gentle numbers, never a score."""

    #: Open a part on the Parts page (its id).
    open_part = Signal(str)
    #: Open an entry in the Journal (its id).
    open_entry = Signal(str)
    #: Parts were merged or split (or that was undone): other views should re-read parts.
    #: What this page stored (a Changes value for the change bus).
    announced = Signal(object)
    #: A short message for the status bar.
    status = Signal(str)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self.insights: Insights | None = None
        self.undo_stack: QUndoStack = QUndoStack(self)
        self._build()
        self._loaded = False  # computed when first shown, not at unlock
        self.announced.connect(self._own_change)

    # Building ----------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(SPACE_M, SPACE_M, SPACE_M, SPACE_S)
        bar = QHBoxLayout()
        self.preset = named(QComboBox(self), "insightsRange")
        for key, _days in PRESETS:
            self.preset.addItem(preset_label(key), key)
        self.preset.setCurrentIndex(self.preset.findData("90"))
        self.preset.setAccessibleName(tr("Time to look at"))
        show_label = QLabel(tr("&Show"), self)
        show_label.setBuddy(self.preset)
        self.since_edit = named(QDateEdit(self), "insightsFrom")
        self.until_edit = named(QDateEdit(self), "insightsTo")
        for edit, name in ((self.since_edit, tr("From date")), (self.until_edit, tr("To date"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(short_date_format())
            edit.setAccessibleName(name)
        from_label = QLabel(tr("&from"), self)
        from_label.setBuddy(self.since_edit)
        to_label = QLabel(tr("&to"), self)
        to_label.setBuddy(self.until_edit)
        for widget in (show_label, self.preset, from_label, self.since_edit, to_label,
                       self.until_edit):
            bar.addWidget(widget)
        bar.addSpacing(SPACE_M)
        self.summary = named(plain_label("", self), "insightsSummary")
        self.summary.setAccessibleName(tr("Summary of this time"))
        self.summary.setWordWrap(True)
        bar.addWidget(self.summary, 1)
        # Merge and split sit up here, outside the scrolling page, so they are always in view.
        self.merge_button = named(QPushButton(tr("&Merge two parts…"), self), "insightsMerge")
        self.split_button = named(QPushButton(tr("S&plit off a part…"), self), "insightsSplit")
        set_tooltip(self.merge_button, tr("When two names turn out to be one part"))
        set_tooltip(self.split_button, tr("When one name hides two parts: select the part in "
                                          "a list of parts below first"))
        bar.addWidget(self.merge_button)
        bar.addWidget(self.split_button)
        outer.addLayout(bar)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(scroll)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, SPACE_S, SPACE_S, SPACE_M)
        column.setSpacing(SPACE_S)

        column.addWidget(_section(tr("Self-energy over time"), body))
        self.energy_chart = named(SelfEnergyChart(body), "insightsEnergy")
        column.addWidget(self.energy_chart)
        self.energy_caption = named(plain_label("", body), "insightsEnergyCaption")
        self.energy_caption.setWordWrap(True)
        column.addWidget(self.energy_caption)

        column.addSpacing(SPACE_S)
        column.addWidget(_section(tr("The 8 C's, where you rated them"), body))
        self.qualities_chart = named(QualitiesChart(body), "insightsQualities")
        column.addWidget(self.qualities_chart)

        column.addSpacing(SPACE_S)
        column.addWidget(_section(tr("Parts that showed up"), body))
        self.activity = PartActivityModel(self)
        grid = QGridLayout()
        grid.setHorizontalSpacing(SPACE_L)
        self.most_view = self._activity_table(body, "insightsMost", 1, tr("Most often"))
        self.recent_view = self._activity_table(body, "insightsRecent", 2, tr("Most recently"))
        self.recent_view.setColumnHidden(1, True)
        grid.addWidget(plain_label(tr("Most often"), body), 0, 0)
        grid.addWidget(plain_label(tr("Most recently"), body), 0, 1)
        grid.addWidget(self.most_view, 1, 0)
        grid.addWidget(self.recent_view, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        column.addLayout(grid)

        column.addSpacing(SPACE_S)
        column.addWidget(_section(tr("Stage progress per part"), body))
        legend = plain_label(tr("Filled dots are stage steps; small open dots are sessions and "
                                "entries around them. Click one to open it."), body)
        legend.setWordWrap(True)
        palette = legend.palette()
        palette.setColor(QPalette.ColorRole.WindowText, muted(self.palette()))
        legend.setPalette(palette)
        column.addWidget(legend)
        self.timeline_chart = named(StageTimelineChart(body), "insightsTimeline")
        column.addWidget(self.timeline_chart)
        column.addStretch(1)
        scroll.setWidget(body)
        self.page_scroll = scroll
        self.empty_note = named(plain_label(tr(
            "Insights will appear here as you write: how your Self-energy moves over time, "
            "which of the 8 C's you noticed, and which parts showed up. Write an entry in the "
            "Journal and rate your Self-energy (0–10) in it to begin."), self, wrap=True),
            "insightsEmpty")
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_note.setMinimumWidth(360)
        self.empty_note.setMaximumWidth(520)  # a calm block, not one line across the window
        self.empty_note.setFont(scaled_font(self.empty_note, "title", bold=False))
        self.empty_page = QWidget(self)
        centred = QGridLayout(self.empty_page)
        centred.setContentsMargins(SPACE_XXL, SPACE_XXL, SPACE_XXL, SPACE_XXL)
        centred.addWidget(self.empty_note, 1, 1)
        centred.setRowStretch(0, 2)
        centred.setRowStretch(2, 3)
        centred.setColumnStretch(0, 1)
        centred.setColumnStretch(2, 1)
        self.body_stack = QStackedWidget(self)
        self.body_stack.addWidget(scroll)
        self.body_stack.addWidget(self.empty_page)
        outer.addWidget(self.body_stack, 1)
        for view in (self.most_view, self.recent_view):
            WheelToPage(view, scroll)

        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.since_edit.dateChanged.connect(self._dates_changed)
        self.until_edit.dateChanged.connect(self._dates_changed)
        for chart in (self.energy_chart, self.qualities_chart, self.timeline_chart):
            chart.entry_clicked.connect(self.open_entry)
            chart.part_clicked.connect(self.open_part)
        self.merge_button.clicked.connect(self.merge_parts)
        self.split_button.clicked.connect(self.split_part)
        self._set_dates_for_preset()

    def _activity_table(self, parent: QWidget, name: str, sort_column: int,
                        label: str) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.activity)
        proxy.setSortRole(SORT_ROLE)
        proxy.sort(sort_column, Qt.SortOrder.DescendingOrder)
        view = named(QTableView(parent), name)
        view.setModel(proxy)
        view.setAccessibleName(label)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.setShowGrid(False)
        view.setAlternatingRowColors(True)
        header = view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        view.setMinimumHeight(180)
        view.setMaximumHeight(260)
        view.doubleClicked.connect(lambda index: self.open_part.emit(index.data(ID_ROLE)))
        view.activated.connect(lambda index: self.open_part.emit(index.data(ID_ROLE)))
        view.selectionModel().selectionChanged.connect(self._selection_changed)
        return view

    # Range -------------------------------------------------------------------------------------

    def set_undo_stack(self, stack: QUndoStack) -> None:
        """Push merges and splits on ``stack`` (the window's), so Edit → Undo reverses them."""
        self.undo_stack = stack

    def date_range(self) -> DateRange:
        """The range shown, as UTC datetimes (``None`` sides for all time)."""
        key = self.preset.currentData()
        days = dict(PRESETS).get(key)
        now = utc_now()
        if key == "all":
            return DateRange(None, None)
        if days:
            return DateRange.last_days(days, now)
        first = cast(date, self.since_edit.date().toPython())
        last = cast(date, self.until_edit.date().toPython())
        tz = datetime.now().astimezone().tzinfo
        assert tz is not None
        return DateRange.local_dates(first, last, tz)

    def set_preset(self, key: str) -> None:
        """Choose a range preset by key ("30", "90", "182", "365", "all", "custom")."""
        self.preset.setCurrentIndex(self.preset.findData(key))

    def set_dates(self, first: date, last: date) -> None:
        """Show the chosen local dates (switches to "Chosen dates")."""
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.preset.blockSignals(False)
        self._set_dates(first, last)
        self.reload()

    def _set_dates(self, first: date, last: date) -> None:
        for edit, value in ((self.since_edit, first), (self.until_edit, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(value.year, value.month, value.day))
            edit.blockSignals(False)

    def _set_dates_for_preset(self) -> None:
        key = self.preset.currentData()
        today = datetime.now().astimezone().date()
        days = dict(PRESETS).get(key)
        if key == "all":
            first_time = self._vault.insights.first_entry_time()
            first = first_time.astimezone().date() if first_time else today
            self._set_dates(first, today)
        elif days:
            self._set_dates(today - timedelta(days=days), today)

    def _preset_changed(self) -> None:
        self._set_dates_for_preset()
        self.reload()

    def _dates_changed(self) -> None:
        if self.preset.currentData() != "custom":
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(self.preset.findData("custom"))
            self.preset.blockSignals(False)
        self.reload()

    # Showing -----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        """Read the range again and redraw (after edits elsewhere, or when shown)."""
        self._loaded = True
        span = self.date_range()
        try:
            insights = build_insights(self._vault, span.since, span.until)
        except JournalError as exc:
            self.summary.setText(str(exc))
            return
        self.insights = insights
        since, until = self._chart_span(insights, span)
        self.energy_chart.set_points(insights.energy, since, until)
        self.qualities_chart.set_stats(insights.qualities)
        # The lists show every part that showed up, not only the top ten.
        self.activity.set_rows(self._vault.insights.part_activity(span.since,
                                                                            span.until))
        self.timeline_chart.set_timelines(insights.timelines, since, until)
        self.summary.setText(self._summary_text(insights))
        self.energy_caption.setText(self._energy_text(insights))
        self._selection_changed()
        # A journal with no entries yet: one sentence of what will grow here, not empty charts.
        no_entries = self._vault.insights.first_entry_time() is None
        self.body_stack.setCurrentWidget(self.empty_page if no_entries else self.page_scroll)

    @staticmethod
    def _chart_span(insights: Insights, span: DateRange) -> tuple[datetime | None,
                                                                  datetime | None]:
        """One time axis for both charts, even for "all time" (from the first thing shown)."""
        if span.since is not None and span.until is not None:
            return span.since, span.until
        moments = [p.occurred_at for p in insights.energy]
        for timeline in insights.timelines:
            moments += [e.occurred_at for e in timeline.events]
            moments += [k.occurred_at for k in timeline.key_entries]
        if not moments:
            return span.since, span.until
        return span.since or min(moments), span.until or max(max(moments), utc_now())

    def _summary_text(self, insights: Insights) -> str:
        """Say "33 entries · 12 parts showed up", counting parts as the lists below do.

        The timelines also hold parts that only changed stage, which made one part that showed
        up read as "2 parts active".
        """
        entries = insights.entry_count
        parts = self.activity.rowCount()
        first = self.tr("%n entries", "", entries)
        second = self.tr("%n parts showed up", "", parts)
        return f"{first} · {second}"

    def _energy_text(self, insights: Insights) -> str:
        if insights.energy_average is None:
            return ""
        text = fill(self.tr("%n ratings, averaging %1.", "", insights.rated_count),
                    f"{insights.energy_average:.1f}")
        change = insights.energy_trend
        if change is not None:
            if change >= 0.5:
                text += " " + fill(tr("In the later half of this time it was %1 higher than in the "
                                      "earlier half."), f"{change:.1f}")
            elif change <= -0.5:
                text += " " + fill(tr("In the later half of this time it was %1 lower than in the "
                                      "earlier half — harder stretches are part of the work."
                                      ), f"{-change:.1f}")
            else:
                text += " " + tr("It stayed about the same across this time.")
        return text + " " + tr("The line is a gentle average of the last five ratings.")

    def flush(self) -> bool:
        """Nothing is edited on this page, so nothing waits to be stored."""
        return True

    def clear(self) -> None:
        """Forget everything shown (before locking: no journal text stays in the widgets)."""
        self.insights = None
        self.activity.set_rows([])
        self.energy_chart.set_points((), None, None)
        self.qualities_chart.set_stats(())
        self.timeline_chart.set_timelines((), None, None)
        self.summary.clear()
        self.energy_caption.clear()

    # Merge and split ---------------------------------------------------------------------------

    def selected_part_id(self) -> str | None:
        """The part selected in either list, if any."""
        for view in (self.most_view, self.recent_view):
            rows = view.selectionModel().selectedRows()
            if rows:
                value = rows[0].data(ID_ROLE)
                return str(value) if value else None
        return None

    def _selection_changed(self) -> None:
        self.split_button.setEnabled(self.selected_part_id() is not None)
        self.merge_button.setEnabled(self._vault.parts.count() >= 2)

    def merge_parts(self) -> MergePartsCommand | None:
        """Ask which two parts to merge, then merge them (undoable)."""
        dialog = MergePartsDialog(self._vault, self, keep_id=self.selected_part_id())
        if dialog.exec() != MergePartsDialog.DialogCode.Accepted:
            return None
        return self._push(dialog.command(owner=self))

    def split_part(self) -> SplitPartCommand | None:
        """Ask what the new part takes along, then split it off (undoable)."""
        part_id = self.selected_part_id()
        if part_id is None:
            return None
        dialog = SplitPartDialog(self._vault, part_id, self)
        if dialog.exec() != SplitPartDialog.DialogCode.Accepted:
            return None
        return self._push(dialog.command(owner=self))

    def _push(self, command: _Command) -> _Command | None:
        self.undo_stack.push(command)
        if command.error is not None:
            show_error(self, command.error)
            return None
        self.status.emit(command.text().replace("&&", "&"))
        return command

    def on_changes(self, changes: Changes) -> None:
        """Parts or entries changed elsewhere: read the range again, if the page was shown."""
        if self._loaded and not changes.made_by(self) and changes.touches(Change.PARTS,
                                                                           Change.ENTRIES):
            self.reload()

    def _own_change(self, _changes: Changes) -> None:
        """A merge or split started here (or its undo, from Edit ▸ Undo) changed the figures."""
        self.reload()
