"""Every date the app shows, in one short and one long form that follow the system's locale.

Short (lists, tables, chips): the day, the month's abbreviated name and the year, in the order
the locale writes them — "2 Dec 2026" in Britain, "Dec 2, 2026" in the US, "2. Dez. 2026" in
Germany. A month name cannot be misread as a day, which "12/02/26" can. Long (headings, the
settings' backup times): the locale's own long form, e.g. "Wednesday, 2 December 2026". Times
are the locale's short time. Nothing else in ui/ formats a date (a test holds that).
"""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import QDate, QLocale, QTime


def _qdate(moment: datetime) -> QDate:
    local = moment.astimezone()
    return QDate(local.year, local.month, local.day)


def short_date_format(locale: QLocale | None = None) -> str:
    """The Qt format of a short date, e.g. ``d MMM yyyy`` or ``MMM d, yyyy`` (also for editors)."""
    pattern = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    day, month, year = pattern.find("d"), pattern.find("M"), pattern.find("y")
    if 0 <= year < min(i for i in (day, month) if i >= 0):
        return "yyyy MMM d"  # year first (e.g. Japanese, Swedish, ISO-minded locales)
    if 0 <= month < day:
        return "MMM d, yyyy"
    return "d MMM yyyy"


def short_date(moment: datetime) -> str:
    """The day in the short form, local time: "2 Dec 2026"."""
    locale = QLocale()
    return locale.toString(_qdate(moment), short_date_format(locale))


def long_date(moment: datetime) -> str:
    """The day in the locale's long form: "Wednesday, 2 December 2026"."""
    return QLocale().toString(_qdate(moment), QLocale.FormatType.LongFormat)


def time_of_day(moment: datetime) -> str:
    """The local time in the locale's short form: "19:24" or "7:24 PM"."""
    local = moment.astimezone()
    return QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)


def clock_time(at: time) -> str:
    """A time of day (not a moment) in the locale's short form: "08:30" or "8:30 AM"."""
    return QLocale().toString(QTime(at.hour, at.minute), QLocale.FormatType.ShortFormat)


def time_format(locale: QLocale | None = None) -> str:
    """The Qt format for editing a time of day (a check-in's time), as :func:`time_of_day`."""
    return (locale or QLocale()).timeFormat(QLocale.FormatType.ShortFormat)


def date_and_time(moment: datetime) -> str:
    """A moment as a short date and a time: "20 Nov 2026, 19:24"."""
    return f"{short_date(moment)}, {time_of_day(moment)}"


def date_time_format(locale: QLocale | None = None) -> str:
    """The Qt format for editing a moment (the entry's "When"), matching :func:`date_and_time`."""
    locale = locale or QLocale()
    return f"{short_date_format(locale)}, {locale.timeFormat(QLocale.FormatType.ShortFormat)}"

