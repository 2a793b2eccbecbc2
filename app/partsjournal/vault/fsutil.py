"""Private files, written atomically: the only way vault files reach the disk.

An atomic write is temp file → fsync → rename → fsync of the folder, so a crash leaves either the
old file or the new one, never half of either.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def restrict_umask() -> None:
    """Make every file the process creates private to the user (DESIGN §3)."""
    os.umask(0o077)


def make_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) if needed and make it readable by the owner only."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if sys.platform != "win32":
        os.chmod(path, DIR_MODE)


def fsync_dir(path: Path) -> None:
    """Flush a folder's entry table so a rename inside it survives a power cut."""
    if sys.platform == "win32":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, never a mix."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    os.close(fd)
    os.replace(tmp, path)
    fsync_dir(path.parent)


def fsync_file(path: Path) -> None:
    """Flush a file that was written by other means (e.g. a copied backup)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
