"""Painting list rows by hand, with plain text only.

Drawing with QPainter.drawText never interprets markup, so a title like ``<b>x</b>`` is shown as
typed — and the row can show date, kind, title and part chips in one calm line.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from partsjournal.domain.model import EntrySummary, Role
from partsjournal.ui.common.dates import short_date
from partsjournal.ui.common.models import OBJECT_ROLE
from partsjournal.ui.common.theme import muted, role_color, text_on
from partsjournal.ui.common.vocabulary import kind_label
from partsjournal.vault.search import SearchHit

Index = QModelIndex | QPersistentModelIndex
PAD = 8


def _text_color(option: QStyleOptionViewItem, selected: bool) -> QPalette.ColorRole:
    return QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text


class _TwoLineDelegate(QStyledItemDelegate):
    """Rows of two text lines; subclasses paint the text, this paints the row and sizes it."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        metrics = QFontMetrics(option.font)
        return QSize(200, metrics.height() * 2 + PAD * 2 + 4)

    @staticmethod
    def begin_row(painter: QPainter, option: QStyleOptionViewItem) -> tuple[QRect, int, bool]:
        """Draw the row background; returns the text rectangle, line height, selected."""
        painter.save()
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter,
                                option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        return rect, QFontMetrics(option.font).height(), selected

    @staticmethod
    def paint_title(painter: QPainter, option: QStyleOptionViewItem, index: Index,
                    area: QRect, selected: bool) -> QFont:
        """The row's title in bold, elided to ``area``; then the pen turns muted for the rest.

        Returns the bold font, for a caller that marks more text with it.
        """
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(option.palette.color(_text_color(option, selected)))
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight,
                                                       area.width()))
        painter.setFont(option.font)
        painter.setPen(option.palette.color(QPalette.ColorRole.HighlightedText) if selected
                       else muted(option.palette))
        return bold


class EntryDelegate(_TwoLineDelegate):
    """Two lines: title; then date · kind and a colour-coded chip for each part present."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        summary = index.data(OBJECT_ROLE)
        if not isinstance(summary, EntrySummary):
            super().paint(painter, option, index)
            return
        rect, line, selected = self.begin_row(painter, option)
        metrics = QFontMetrics(option.font)
        self.paint_title(painter, option, index, QRect(rect.left(), rect.top(), rect.width(), line),
                         selected)
        when = short_date(summary.occurred_at)  # the time is in the editor
        text = f"{when} · {kind_label(summary.kind)}"
        second = QRect(rect.left(), rect.top() + line + 2, rect.width(), line)
        painter.drawText(second, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()))
        x = second.left() + min(metrics.horizontalAdvance(text), rect.width()) + PAD
        self._paint_chips(painter, option, summary, QRect(x, second.top(), second.right() - x,
                                                          line))
        painter.restore()

    @staticmethod
    def _paint_chips(painter: QPainter, option: QStyleOptionViewItem, summary: EntrySummary,
                     area: QRect) -> None:
        """One rounded chip per part, in its role's colour; "+N" for those that don't fit."""
        small = QFont(option.font)
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.85))
        metrics = QFontMetrics(small)
        painter.setFont(small)
        roles = summary.part_roles or ("unknown",) * len(summary.part_names)
        chips, more = layout_chips(summary.part_names, metrics, area.width())
        x = area.left()
        for number, text, width in chips:
            role = roles[number] if number < len(roles) else "unknown"
            fill = role_color(Role(role) if role in Role.__members__.values() else Role.UNKNOWN)
            chip = QRect(x, area.top() + 1, width, area.height() - 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2)
            painter.setPen(text_on(fill))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
            x += width + CHIP_GAP
        if more:
            painter.setPen(muted(option.palette))
            painter.drawText(QRect(x, area.top(), max(0, area.right() - x), area.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, more)


#: Room inside a chip around its text, and between chips.
CHIP_PADDING = 12
CHIP_GAP = 4
#: A chip is never squeezed below this many characters (plus the ellipsis).
CHIP_MIN_CHARS = 3


def layout_chips(names: Sequence[str], metrics: QFontMetrics, width: int
                 ) -> tuple[list[tuple[int, str, int]], str]:
    """Which part chips fit in ``width`` pixels: ``(index, text, chip width)`` each, and "+N".

    Chips are whole names while they fit. The first chip is always shown — its name elided when
    it is too long for the row — so a row never shows only "+N"; the last chip that fits only
    partly is elided too, when enough of it shows to be read. "+N" counts the parts left over.
    """
    chips: list[tuple[int, str, int]] = []
    x = 0
    for number, name in enumerate(names):
        rest = len(names) - number - 1  # after this one
        reserve = metrics.horizontalAdvance(f"+{rest}") + CHIP_GAP if rest else 0
        room = width - x - reserve
        full = metrics.horizontalAdvance(name) + CHIP_PADDING
        if full <= room:
            chips.append((number, name, full))
            x += full + CHIP_GAP
            continue
        shortest = metrics.horizontalAdvance(name[:CHIP_MIN_CHARS] + "…") + CHIP_PADDING
        if room >= shortest or (number == 0 and room > CHIP_PADDING):
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room - CHIP_PADDING)
            if text:
                chips.append((number, text, metrics.horizontalAdvance(text) + CHIP_PADDING))
                return chips, f"+{rest}" if rest else ""
        return chips, f"+{len(names) - number}"
    return chips, ""


class SearchHitDelegate(_TwoLineDelegate):
    """Title and kind on the first line; the snippet with its matches in bold underneath."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        hit = index.data(OBJECT_ROLE)
        if not isinstance(hit, SearchHit):
            super().paint(painter, option, index)
            return
        rect, line, selected = self.begin_row(painter, option)
        palette = option.palette
        metrics = QFontMetrics(option.font)
        kind = self._kind_text(hit)
        kind_width = metrics.horizontalAdvance(kind) + PAD
        bold = self.paint_title(painter, option, index,
                                QRect(rect.left(), rect.top(), rect.width() - kind_width, line),
                                selected)
        painter.drawText(QRect(rect.right() - kind_width, rect.top(), kind_width, line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, kind)
        x = rect.left()
        y = rect.top() + line + 4
        painter.setPen(palette.color(_text_color(option, selected)))
        for text, is_match in hit.snippet_segments():
            font = bold if is_match else option.font
            fm = QFontMetrics(font)
            text = text.replace("\n", " ")
            remaining = rect.right() - x
            if remaining <= 0:
                break
            shown = fm.elidedText(text, Qt.TextElideMode.ElideRight, remaining)
            painter.setFont(font)
            painter.drawText(QRect(x, y, remaining, line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
            x += fm.horizontalAdvance(shown)
            if shown != text:
                break
        painter.restore()

    @staticmethod
    def _kind_text(hit: SearchHit) -> str:
        from partsjournal.domain.model import EntryKind, Role
        from partsjournal.ui.common.vocabulary import role_label

        if hit.kind.value == "part":
            return role_label(Role(hit.subtitle))
        when = short_date(hit.occurred_at) if hit.occurred_at else ""
        return f"{kind_label(EntryKind(hit.subtitle))} · {when}"
