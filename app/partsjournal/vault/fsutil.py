"""Private files, written atomically: the only way vault files reach the disk.

An atomic write is temp file → fsync → rename → fsync of the folder, so a crash leaves either the
old file or the new one, never half of either.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def restrict_umask() -> None:
    """Make every file the process creates private to the user (docs/vault-format.md)."""
    os.umask(0o077)


def make_private_dir(path: Path) -> list[Path]:
    """A folder the journal owns (the vault's folder, ``backups/``): create it and make it 0700.

    Missing parents are created 0700 as well. ``path`` itself is made 0700 even if it existed, so
    a loosened vault folder is tightened again. Never use this for a folder the person chose,
    such as where a manual backup goes; that is :func:`ensure_dir_exists_private`.
    Returns the folders it created, outermost first.
    """
    created = ensure_dir_exists_private(path)
    if sys.platform != "win32":
        os.chmod(path, DIR_MODE)
    return created


def ensure_dir_exists_private(path: Path) -> list[Path]:
    """Create ``path`` and any missing parents as 0700; leave every folder that exists alone.

    For the person's own folders (a USB stick, Documents): their permissions are theirs to
    choose, so nothing that was already there is changed. Returns the folders it created,
    outermost first; raises :class:`NotADirectoryError` if a file is in the way.
    """
    missing: list[Path] = []
    here = Path(path)
    while not here.is_dir():
        if here.exists() or here.is_symlink():
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(here))
        missing.append(here)
        if here.parent == here:
            break
        here = here.parent
    created: list[Path] = []
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            if folder.is_dir():
                continue  # made meanwhile by someone else: not ours to change
            raise
        created.append(folder)
        if sys.platform != "win32":
            os.chmod(folder, DIR_MODE)  # exactly 0700, whatever the umask took away
    return created


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
