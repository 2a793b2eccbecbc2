"""One short and one long date form, following the locale, and nothing else formats a date."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

import partsjournal.ui
from partsjournal.ui.common.dates import date_and_time, long_date, short_date

MOMENT = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
UI = Path(partsjournal.ui.__file__).parent


@pytest.fixture
def locale() -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.mark.parametrize(("name", "expected"), [
    ("en_GB", "2 Dec 2026"), ("en_US", "Dec 2, 2026"), ("de_DE", "2 Dez. 2026"),
])
def test_the_short_date_follows_the_locale(qtbot, locale, name: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(QLocale(name))
    assert short_date(MOMENT) == expected


def test_the_long_date_and_the_time(qtbot, locale) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(QLocale("en_GB"))
    assert long_date(MOMENT) == "Wednesday, 2 December 2026"
    local = MOMENT.astimezone()
    assert date_and_time(MOMENT) == f"2 Dec 2026, {local:%H:%M}"


#: Formatting a date for a person anywhere but ui/common/dates.py. ISO stamps in file names
#: ("%Y-%m-%d", "%Y%m%d") are not for reading and are allowed.
_ISO_STAMP = re.compile(r"(%[YmdHMS]|[-_:T])+")


def _readable(fmt: str) -> bool:
    return "%" in fmt and not _ISO_STAMP.fullmatch(fmt)


def test_no_other_module_formats_a_date() -> None:
    found = []
    for path in sorted(UI.rglob("*.py")):
        if path.name == "dates.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                name = node.func.attr
                args = [a.value for a in node.args if isinstance(a, ast.Constant)]
                if name == "strftime" and any(isinstance(a, str) and _readable(a)
                                              for a in args):
                    found.append(f"{path.relative_to(UI)}:{node.lineno} strftime")
                if name in ("setDisplayFormat",) and args:
                    found.append(f"{path.relative_to(UI)}:{node.lineno} {name}")
            if isinstance(node, ast.FormattedValue) and isinstance(node.format_spec,
                                                                   ast.JoinedStr):
                spec = "".join(v.value for v in node.format_spec.values
                               if isinstance(v, ast.Constant) and isinstance(v.value, str))
                if _readable(spec):
                    found.append(f"{path.relative_to(UI)}:{node.lineno} f-string date")
            if isinstance(node, ast.Attribute) and node.attr in ("LongFormat", "ShortFormat") \
                    and "dates.py" not in str(path):
                found.append(f"{path.relative_to(UI)}:{node.lineno} QLocale.{node.attr}")
    assert found == []
