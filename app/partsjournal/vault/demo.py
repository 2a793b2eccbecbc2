"""Where the app and the command line find the sample journal: :func:`populate`.

The sample is data (``partsjournal/data/sample-journal.json``, a documented export) loaded
through the import path; the code is :mod:`partsjournal.flows.sample_journal`. This module keeps
the name its callers use.
"""

from __future__ import annotations

from partsjournal.flows.sample_journal import DemoCounts, populate

__all__ = ["DemoCounts", "populate"]
