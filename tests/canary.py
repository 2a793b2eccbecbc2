"""Finding a canary string in files: the check behind every "no plaintext leaves" test."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def needles(canary: str) -> list[bytes]:
    """The canary as UTF-8 and as UTF-16 in both byte orders."""
    return [canary.encode("utf-8"), canary.encode("utf-16-le"), canary.encode("utf-16-be")]


def files_containing(folder: Path, wanted: list[bytes], since: float = 0.0,
                     skip: Path | None = None) -> list[str]:
    """Regular files under ``folder`` changed after ``since`` whose raw bytes hold a needle."""
    found = []
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(root) / name
            if skip is not None and path == skip:
                continue
            try:
                info = path.stat()
                if info.st_mtime < since or not stat.S_ISREG(info.st_mode):
                    continue
                data = path.read_bytes()
            except OSError:
                continue
            found += [str(path) for needle in wanted if needle in data]
    return found
