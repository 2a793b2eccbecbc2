"""The Insights charts, drawn with QPainter in the app's palette (QtCharts isn't available).

Each chart remembers where it drew each point, so a click opens that entry or part and hovering
shows what it is. Every chart also says what it shows in its accessible description, because a
picture alone tells a screen reader nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from partsjournal.domain.words import fill
from partsjournal.reports.insights import EnergyPoint, PartTimeline, QualityStat, rolling_average
from partsjournal.ui.common.dates import short_date
from partsjournal.ui.common.plain_text import isolate, plain_tooltip
from partsjournal.ui.common.theme import SELF_COLOR, muted, role_color
from partsjournal.ui.common.vocabulary import quality_label, stage_label

#: Self-energy's own colour (theme.SELF_COLOR), unlike every role's, the same in light and dark.
ENERGY_COLOR = QColor(SELF_COLOR)
SMOOTHING = 5
#: Half the side of the square around a Self-energy dot that a click or hover finds.
POINT_HIT = 7.0


def tr(text: str) -> str:
    """Translate in the insights context."""
    return QCoreApplication.translate("Insights", text)


@dataclass(frozen=True)
class Hit:
    """Something drawn that can be pointed at: an entry or a part."""

    rect: QRectF
    kind: str  # "entry" or "part"
    id: str
    tip: str


class ChartBase(QWidget):
    """Shared hit-testing, tooltips and the empty message."""

    #: An entry was clicked (its id).
    entry_clicked = Signal(str)
    #: A part was clicked (its id).
    part_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def hit_at(self, pos: QPointF) -> Hit | None:
        """What was drawn under ``pos`` (the nearest when several overlap)."""
        found = [h for h in self.hits if h.rect.contains(pos)]
        if not found:
            return None
        return min(found, key=lambda h: (h.rect.center() - pos).manhattanLength())

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self.hit_at(event.position())
        if hit is not None and event.button() == Qt.MouseButton.LeftButton:
            (self.entry_clicked if hit.kind == "entry" else self.part_clicked).emit(hit.id)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self.hit_at(event.position())
        self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hit = self.hit_at(QPointF(event.pos()))
            if hit is not None:
                QToolTip.showText(event.globalPos(), plain_tooltip(hit.tip), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def _empty(self, painter: QPainter, text: str) -> None:
        painter.setPen(muted(self.palette()))
        painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter
                         | Qt.TextFlag.TextWordWrap, text)

    def _text(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)

    def _grid(self) -> QColor:
        color = muted(self.palette())
        color.setAlpha(90)
        return color


class SelfEnergyChart(ChartBase):
    """Self-energy ratings over time: a dot per rating and a gently smoothed line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: tuple[EnergyPoint, ...] = ()
        self._since: datetime | None = None
        self._until: datetime | None = None
        self.setFixedHeight(230)
        self.setAccessibleName(tr("Self-energy over time"))

    def set_points(self, points: tuple[EnergyPoint, ...], since: datetime | None,
                   until: datetime | None) -> None:
        """Show these ratings on a time axis from ``since`` to ``until`` (or the data's span)."""
        self._points, self._since, self._until = points, since, until
        if points:
            values = [p.value for p in points]
            self.setAccessibleDescription(fill(
                tr("%1 ratings, from %2 to %3, lowest %4, highest %5"), len(points),
                short_date(points[0].occurred_at), short_date(points[-1].occurred_at),
                min(values), max(values)))
        else:
            self.setAccessibleDescription(tr("No ratings in this time"))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, 230)

    def paintEvent(self, _event: object) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.hits = []
        if not self._points:
            self._empty(painter, tr("No Self-energy ratings in this time yet. You can rate "
                                    "Self-energy (0–10) in any entry."))
            painter.end()
            return
        metrics = QFontMetrics(self.font())
        left, right = metrics.horizontalAdvance("10") + 14.0, 14.0
        top, bottom = 12.0, metrics.height() + 12.0
        area = QRectF(left, top, max(1.0, self.width() - left - right),
                      max(1.0, self.height() - top - bottom))
        start = self._since or self._points[0].occurred_at
        end = self._until or self._points[-1].occurred_at
        if end <= start:
            end = start + timedelta(days=1)
        span = (end - start).total_seconds()
        # Dots are placed inside the axis by their own size and a little more, so one on the
        # first or last day (or alone) is drawn whole and can be pointed at, never cut off.
        inset = POINT_HIT + 2
        plot_left, plot_width = area.left() + inset, max(1.0, area.width() - 2 * inset)

        def x_of(moment: datetime) -> float:
            fraction = min(1.0, max(0.0, (moment - start).total_seconds() / span))
            return plot_left + plot_width * fraction

        def y_of(value: float) -> float:
            return area.bottom() - area.height() * value / 10

        painter.setFont(self.font())
        for value in (0, 5, 10):
            y = y_of(value)
            painter.setPen(QPen(self._grid(), 1, Qt.PenStyle.DashLine if value == 5
                                else Qt.PenStyle.SolidLine))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(muted(self.palette()))
            painter.drawText(QRectF(0, y - metrics.height() / 2, left - 6, metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             str(value))
        for moment, align in ((start, Qt.AlignmentFlag.AlignLeft),
                              (start + (end - start) / 2, Qt.AlignmentFlag.AlignHCenter),
                              (end, Qt.AlignmentFlag.AlignRight)):
            x = x_of(moment)
            box = QRectF(x - 80, area.bottom() + 4, 160, metrics.height())
            if align == Qt.AlignmentFlag.AlignLeft:
                box.moveLeft(area.left())
            elif align == Qt.AlignmentFlag.AlignRight:
                box.moveRight(area.right())
            painter.drawText(box, align | Qt.AlignmentFlag.AlignTop, short_date(moment))

        smooth = rolling_average([float(p.value) for p in self._points], SMOOTHING)
        line_color = QColor(ENERGY_COLOR)
        if len(self._points) > 1:
            path = QPainterPath(QPointF(x_of(self._points[0].occurred_at), y_of(smooth[0])))
            for point, average in zip(self._points[1:], smooth[1:], strict=True):
                path.lineTo(QPointF(x_of(point.occurred_at), y_of(average)))
            painter.setPen(QPen(line_color, 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        dot = QColor(ENERGY_COLOR)
        dot.setAlpha(190)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Base), 1))
        painter.setBrush(dot)
        for point in self._points:
            center = QPointF(x_of(point.occurred_at), y_of(point.value))
            painter.drawEllipse(center, 4.5, 4.5)
            title = isolate(point.title or tr("Untitled"))
            tip = f"{short_date(point.occurred_at)} · {title} · " + \
                fill(tr("Self-energy %1"), str(point.value))
            self.hits.append(Hit(QRectF(center.x() - POINT_HIT, center.y() - POINT_HIT,
                                        2 * POINT_HIT, 2 * POINT_HIT), "entry",
                                 point.entry_id, tip))
        painter.end()


class QualitiesChart(ChartBase):
    """The 8 C's that were rated: one bar each, the average out of 10, and how often."""

    ROW = 26

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stats: tuple[QualityStat, ...] = ()
        self.setAccessibleName(tr("The 8 C's"))
        self._resize()

    def set_stats(self, stats: tuple[QualityStat, ...]) -> None:
        """Show these averages."""
        self._stats = stats
        self.setAccessibleDescription("; ".join(
            fill(tr("%1 averaged %2 (%3 ratings)"),
                 quality_label(s.quality),
                 f"{s.average:.1f}",
                 str(s.count)) for s in stats)
            or tr("None of the 8 C's were rated in this time"))
        self._resize()
        self.update()

    def _resize(self) -> None:
        self.setFixedHeight(max(60, len(self._stats) * self.ROW + 12))

    def paintEvent(self, _event: object) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.hits = []
        if not self._stats:
            self._empty(painter, tr("None of the 8 C's were rated in this time. You can rate "
                                    "them in any entry, under “The 8 C's of Self”."))
            painter.end()
            return
        metrics = QFontMetrics(self.font())
        label_w = max(metrics.horizontalAdvance(quality_label(s.quality))
                      for s in self._stats) + 12.0
        value_w = metrics.horizontalAdvance(tr("10.0 · 99 ratings")) + 12.0
        bar_w = min(560.0, max(40.0, self.width() - label_w - value_w - 8))
        for i, stat in enumerate(self._stats):
            y = 6.0 + i * self.ROW
            painter.setPen(self._text())
            painter.drawText(QRectF(0, y, label_w - 8, self.ROW - 6),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             quality_label(stat.quality))
            track = QRectF(label_w, y + 4, bar_w, self.ROW - 14)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._grid())
            painter.drawRoundedRect(track, 4, 4)
            bar = QRectF(track)
            bar.setWidth(track.width() * stat.average / 10)
            painter.setBrush(ENERGY_COLOR)
            painter.drawRoundedRect(bar, 4, 4)
            painter.setPen(muted(self.palette()))
            text = fill(self.tr("%1 · %n ratings", "", stat.count), f"{stat.average:.1f}")
            painter.drawText(QRectF(track.right() + 8, y, value_w, self.ROW - 6),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()


class StageTimelineChart(ChartBase):
    """One row per part: its stage steps as filled dots, key entries as small open ones."""

    ROW = 46

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timelines: tuple[PartTimeline, ...] = ()
        self._since: datetime | None = None
        self._until: datetime | None = None
        self.setAccessibleName(tr("Stage progression per part"))
        self._resize()

    def set_timelines(self, timelines: tuple[PartTimeline, ...], since: datetime | None,
                      until: datetime | None) -> None:
        """Show these parts' timelines between ``since`` and ``until``."""
        self._timelines, self._since, self._until = timelines, since, until
        described = []
        for t in timelines:
            steps = ", ".join(f"{stage_label(e.stage)} {short_date(e.occurred_at)}"
                              for e in t.events)
            described.append(f"{t.name}: {steps}" if steps else t.name)
        self.setAccessibleDescription("; ".join(described) or tr("No parts were active"))
        self._resize()
        self.update()

    def _resize(self) -> None:
        self.setFixedHeight(max(60, len(self._timelines) * self.ROW + 28))

    def _span(self) -> tuple[datetime, datetime]:
        moments = [e.occurred_at for t in self._timelines for e in t.events] + \
            [k.occurred_at for t in self._timelines for k in t.key_entries]
        start = self._since or (min(moments) if moments else datetime.now().astimezone())
        end = self._until or (max(moments) if moments else start + timedelta(days=1))
        if end <= start:
            end = start + timedelta(days=1)
        return start, end

    def paintEvent(self, _event: object) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.hits = []
        if not self._timelines:
            self._empty(painter, tr("No part changed stage or showed up in this time."))
            painter.end()
            return
        metrics = QFontMetrics(self.font())
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        small_metrics = QFontMetrics(small)
        name_w = min(200.0, max(metrics.horizontalAdvance(t.name) for t in self._timelines)
                     + 26.0)
        left, right = name_w + 8, 24.0
        width = max(1.0, self.width() - left - right)
        start, end = self._span()
        span = (end - start).total_seconds()

        def x_of(moment: datetime) -> float:
            fraction = min(1.0, max(0.0, (moment - start).total_seconds() / span))
            return left + width * fraction

        for i, timeline in enumerate(self._timelines):
            top = 4.0 + i * self.ROW
            line_y = top + self.ROW * 0.58
            color = role_color(timeline.role, timeline.color)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawEllipse(QPointF(8, line_y), 5, 5)
            painter.setPen(self._text() if not timeline.archived else muted(self.palette()))
            painter.setFont(self.font())
            name = metrics.elidedText(timeline.name, Qt.TextElideMode.ElideRight,
                                      int(name_w - 22))
            before = timeline.stage_before
            name_y = line_y - metrics.height() / 2 - (6 if before is not None else 0)
            name_rect = QRectF(18, name_y, name_w - 18, metrics.height())
            painter.drawText(name_rect, Qt.AlignmentFlag.AlignLeft
                             | Qt.AlignmentFlag.AlignVCenter, name)
            self.hits.append(Hit(name_rect, "part", timeline.part_id, timeline.name))
            if before is not None:  # where it stood when the range began, under its name
                painter.setFont(small)
                painter.setPen(muted(self.palette()))
                was = small_metrics.elidedText(
                    fill(tr("was: %1"), stage_label(before)),
                    Qt.TextElideMode.ElideRight, int(name_w - 22))
                painter.drawText(QRectF(18, name_rect.bottom(), name_w - 18,
                                        small_metrics.height()),
                                 Qt.AlignmentFlag.AlignLeft, was)
            painter.setPen(QPen(self._grid(), 1))
            painter.drawLine(QPointF(left, line_y), QPointF(left + width, line_y))
            for entry in timeline.key_entries:
                center = QPointF(x_of(entry.occurred_at), line_y)
                painter.setPen(QPen(color, 1.5))
                painter.setBrush(self.palette().color(QPalette.ColorRole.Base))
                painter.drawEllipse(center, 3.5, 3.5)
                title = isolate(entry.title or tr("Untitled"))
                tip = f"{short_date(entry.occurred_at)} · {title}"
                self.hits.append(Hit(QRectF(center.x() - 6, center.y() - 6, 12, 12), "entry",
                                     entry.entry_id, tip))
            last_label_right = -1.0
            for event in timeline.events:
                center = QPointF(x_of(event.occurred_at), line_y)
                painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Base), 1.5))
                painter.setBrush(color)
                painter.drawEllipse(center, 6.5, 6.5)
                label = stage_label(event.stage)
                painter.setFont(small)
                painter.setPen(self._text())
                label_w = small_metrics.horizontalAdvance(label)
                box = QRectF(center.x() - label_w / 2, top, label_w, small_metrics.height())
                box.moveLeft(min(max(box.left(), left), left + width - label_w))
                if box.left() > last_label_right + 4:  # crowded steps keep only their dots
                    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
                    last_label_right = box.right()
                tip = f"{short_date(event.occurred_at)} · {isolate(timeline.name)}: {label}"
                if event.note:
                    tip += f"\n{event.note}"
                self.hits.append(Hit(QRectF(center.x() - 8, center.y() - 8, 16, 16), "part",
                                     timeline.part_id, tip))
        painter.setFont(self.font())
        painter.setPen(muted(self.palette()))
        bottom = 4.0 + len(self._timelines) * self.ROW
        painter.drawText(QRectF(left, bottom, 160, metrics.height()),
                         Qt.AlignmentFlag.AlignLeft, short_date(start))
        painter.drawText(QRectF(left + width - 160, bottom, 160, metrics.height()),
                         Qt.AlignmentFlag.AlignRight, short_date(end))
        painter.end()

