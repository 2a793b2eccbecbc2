"""A desktop missing Qt's X11 libraries gets told which package to install, not Qt's abort."""

from __future__ import annotations

import subprocess
import sys

from partsjournal.ui.app.system_check import (
    XCB_LIBRARIES,
    check_display,
    explain_missing,
    uses_xcb,
)

X11 = {"DISPLAY": ":0"}


def test_only_x11_is_checked() -> None:
    assert uses_xcb({"DISPLAY": ":0"})
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"})
    assert not uses_xcb({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"})
    assert not uses_xcb({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"})
    assert not uses_xcb({})
    assert check_display({"QT_QPA_PLATFORM": "offscreen"}, load=lambda _name: False) is None


def test_everything_present_says_nothing() -> None:
    assert check_display(X11, load=lambda _name: True) is None


def test_a_missing_cursor_library_names_its_package_per_distribution() -> None:
    message = check_display(X11, load=lambda name: name != "libxcb-cursor.so.0")
    assert message is not None
    assert "libxcb-cursor.so.0" in message
    assert "sudo apt install libxcb-cursor0\n" in message
    assert "sudo dnf install xcb-util-cursor\n" in message
    assert "sudo pacman -S xcb-util-cursor\n" in message
    assert "Your journal is not affected" in message


def test_a_package_that_has_two_libraries_is_named_once() -> None:
    missing = [lib for lib in XCB_LIBRARIES if lib.arch.startswith("xcb-util-")]
    line = next(line for line in explain_missing(missing).splitlines() if "pacman" in line)
    packages = line.split("pacman -S ")[1].split()
    assert len(packages) == len(set(packages))


def test_the_app_says_it_and_exits_instead_of_crashing() -> None:
    """A real start with the library made unloadable: a clear message and exit code 1."""
    script = (
        "import ctypes, sys\n"
        "real = ctypes.CDLL\n"
        "class Fake(real):\n"
        "    def __init__(self, name, *a, **k):\n"
        "        if name == 'libxcb-cursor.so.0':\n"
        "            raise OSError(name)\n"
        "        super().__init__(name, *a, **k)\n"
        "ctypes.CDLL = Fake\n"
        "from partsjournal.ui.app.application import run_app\n"
        "sys.exit(run_app(argv=['parts-journal']))\n")
    env = {"DISPLAY": ":99", "PATH": "/usr/bin:/bin", "HOME": "/nonexistent"}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 1
    assert "sudo apt install libxcb-cursor0" in done.stderr
    assert "could not be initialized" not in done.stderr  # Qt was never started
