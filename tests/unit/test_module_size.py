"""No module in the package grows past 600 lines: a newcomer can read any one in a sitting."""

from __future__ import annotations

from pathlib import Path

import partsjournal

LIMIT = 600


def test_no_module_is_over_600_lines() -> None:
    package = Path(partsjournal.__file__).parent
    modules = sorted(package.rglob("*.py"))
    assert len(modules) > 100
    long = {str(p.relative_to(package)): n for p in modules
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > LIMIT}
    assert long == {}
