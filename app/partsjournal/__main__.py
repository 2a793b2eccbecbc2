"""Allow ``python -m partsjournal``."""

from partsjournal.cli import main

raise SystemExit(main())
