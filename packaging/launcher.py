"""Entry point of the packaged build: exactly what the ``parts-journal`` command runs."""

from partsjournal.cli import main

raise SystemExit(main())
