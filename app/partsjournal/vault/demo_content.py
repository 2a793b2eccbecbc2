"""Left only for tests/gui/test_insights_view.py, which counts sample entries by ``days_ago``.

The sample journal is data now (``partsjournal/data/sample-journal.json``); delete this module
once that test uses :func:`partsjournal.flows.sample_journal.entry_ages` instead.
"""

from __future__ import annotations

from partsjournal.flows.sample_journal import entry_ages

#: One dict per sample entry, oldest first, with only its ``days_ago`` (as of today, UTC).
ENTRIES: list[dict[str, int]] = [{"days_ago": days} for days in entry_ages()]
