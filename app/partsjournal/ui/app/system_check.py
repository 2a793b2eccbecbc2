"""Before Qt starts on X11: are the system libraries its xcb plugin needs installed?

Without them Qt stops the process with "no Qt platform plugin could be initialized", which says
nothing a person can act on. PySide6's wheels bring Qt itself but not these X11 libraries, so a
fresh desktop can miss one (libxcb-cursor0 most often, since Qt 6.5). Loading each library by
name is cheap (no Qt involved), so the check runs at every start on X11 and says exactly which
package to install. README.md lists the same packages under "System requirements".
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class SystemLibrary:
    """A shared library the xcb platform plugin loads, and the package that has it."""

    soname: str
    debian: str  # Debian, Ubuntu, Mint
    fedora: str  # Fedora, RHEL
    arch: str  # Arch, Manjaro


XCB_LIBRARIES = (
    SystemLibrary("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor", "xcb-util-cursor"),
    SystemLibrary("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11",
                  "libxkbcommon-x11"),
    SystemLibrary("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm", "xcb-util-wm"),
    SystemLibrary("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms",
                  "xcb-util-keysyms"),
    SystemLibrary("libxcb-image.so.0", "libxcb-image0", "xcb-util-image", "xcb-util-image"),
    SystemLibrary("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil",
                  "xcb-util-renderutil"),
)


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def uses_xcb(environ: Mapping[str, str]) -> bool:
    """True when Qt will pick its X11 (xcb) plugin: asked for, or X11 without Wayland."""
    chosen = environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if chosen:
        return chosen == "xcb"
    return bool(environ.get("DISPLAY")) and not environ.get("WAYLAND_DISPLAY")


def missing_libraries(load: Callable[[str], bool] = _loads) -> list[SystemLibrary]:
    """The xcb libraries that cannot be loaded here."""
    return [library for library in XCB_LIBRARIES if not load(library.soname)]


def explain_missing(missing: list[SystemLibrary]) -> str:
    """What to tell a person whose desktop lacks ``missing`` (plain text, for the terminal)."""
    def names(pick: Callable[[SystemLibrary], str]) -> str:
        return " ".join(dict.fromkeys(pick(library) for library in missing))

    sonames = ", ".join(library.soname for library in missing)
    return (
        "Parts Journal can't open its window: this computer is missing system "
        f"libraries that Qt needs to draw windows on X11 ({sonames}).\n"
        "Install them with your distribution's package manager, then start Parts Journal again:\n"
        f"  Debian, Ubuntu, Mint:  sudo apt install {names(lambda lib: lib.debian)}\n"
        f"  Fedora:                sudo dnf install {names(lambda lib: lib.fedora)}\n"
        f"  Arch, Manjaro:         sudo pacman -S {names(lambda lib: lib.arch)}\n"
        "Your journal is not affected: nothing was opened or changed.")


def check_display(environ: Mapping[str, str] | None = None,
                  load: Callable[[str], bool] = _loads) -> str | None:
    """The message to show instead of starting Qt, or None when Qt can start."""
    environ = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or not uses_xcb(environ):
        return None
    missing = missing_libraries(load)
    return explain_missing(missing) if missing else None
