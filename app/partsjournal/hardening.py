"""Process-level hardening, applied once at the very start of ``main`` (docs/security.md).

Three settings, each a no-op where the system has no such thing:

* ``umask 077``: every file the process creates is private to the user.
* ``RLIMIT_CORE = 0``: no core dump, which would hold journal text and the key, is ever written.
* ``prctl(PR_SET_DUMPABLE, 0)`` on Linux: the process is not "dumpable". Other processes of the
  same user can no longer attach to it (ptrace: gdb -p, strace -p, py-spy) or read its memory
  through ``/proc/PID/mem``; ``/proc/PID/`` files such as ``mem``, ``maps``, ``environ`` and
  ``fd/`` become owned by root; and the kernel writes no core dump even if the limit is raised
  again. What it costs: the same debuggers and profilers can't be attached by the user either
  (start the program under the tool instead, or use root), crash reporters (systemd-coredump,
  apport) get nothing, and tools that read another process's ``/proc`` entries as the same user
  (lsof, some task managers) show less for it. Root, or anything with CAP_SYS_PTRACE, is not
  stopped. A program it starts with ``exec`` is dumpable again (the kernel resets the flag), so
  child processes keep working normally; a forked child without exec inherits the setting.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from partsjournal.vault.fsutil import restrict_umask

PR_GET_DUMPABLE = 3
PR_SET_DUMPABLE = 4


def harden() -> None:
    """Apply every setting above; never raises (a missing facility is skipped)."""
    restrict_umask()
    disable_core_dumps()
    make_non_dumpable()


def disable_core_dumps() -> bool:
    """Set RLIMIT_CORE to 0 (soft and hard) unless it already is; True if it is 0 afterwards."""
    try:
        import resource
    except ImportError:  # Windows
        return False
    try:
        if resource.getrlimit(resource.RLIMIT_CORE) != (0, 0):
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        return resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)
    except (ValueError, OSError):
        return False


def make_non_dumpable() -> bool:
    """``prctl(PR_SET_DUMPABLE, 0)`` on Linux; True if the process is now non-dumpable."""
    if not sys.platform.startswith("linux"):
        return False
    prctl = _prctl()
    if prctl is None or prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        return False
    return is_dumpable() is False


def is_dumpable() -> bool | None:
    """``prctl(PR_GET_DUMPABLE)`` as a bool; None where it can't be asked (not Linux)."""
    if not sys.platform.startswith("linux"):
        return None
    prctl = _prctl()
    if prctl is None:
        return None
    result = prctl(PR_GET_DUMPABLE, 0, 0, 0, 0)
    return None if result < 0 else bool(result)


def _prctl() -> Callable[..., int] | None:
    """The C library's prctl, through ctypes (imported here, so only Linux loads ctypes)."""
    import ctypes

    try:
        function = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong,
                         ctypes.c_ulong]
    function.restype = ctypes.c_int
    return function
