"""Process hardening at program start: non-dumpable on Linux, no core dumps, private umask."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="prctl(PR_SET_DUMPABLE) is Linux-only")

# Asks the kernel directly, so the check does not depend on the module under test.
READ_STATE = """
import ctypes, os, resource
prctl = ctypes.CDLL(None).prctl
umask = os.umask(0)
print(prctl(3, 0, 0, 0, 0), resource.getrlimit(resource.RLIMIT_CORE)[0], oct(umask))
"""


def _run(code: str) -> list[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_a_plain_interpreter_is_dumpable() -> None:
    """The baseline the other tests are measured against."""
    assert _run(READ_STATE)[0] == "1"


def test_the_entry_point_makes_the_process_non_dumpable() -> None:
    state = _run("from partsjournal.cli import main\n"
                 "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n" + READ_STATE)
    assert state[-3:] == ["0", "0", "0o77"]


def test_harden_alone_sets_all_three() -> None:
    state = _run("from partsjournal import hardening\n"
                 "hardening.harden()\nassert hardening.is_dumpable() is False\n" + READ_STATE)
    assert state == ["0", "0", "0o77"]


def test_a_hardened_process_still_reads_its_own_memory() -> None:
    """Non-dumpable stops other processes, not this one (benchmarks/memory_after_lock.py)."""
    state = _run("from partsjournal import hardening\nhardening.harden()\n"
                 "with open('/proc/self/maps') as f:\n    first = f.readline().split()[0]\n"
                 "start = int(first.split('-')[0], 16)\n"
                 "with open('/proc/self/mem', 'rb') as mem:\n    mem.seek(start)\n"
                 "    print(len(mem.read(16)))\n")
    assert state == ["16"]
