"""``python -m tools.screenshots --out DIR``: see tools/screenshots/render.py."""

from tools.screenshots.render import main

raise SystemExit(main())
