"""After lock, no copy of the data key is left in the process (benchmarks/memory_after_lock.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parents[3] / "benchmarks" / "memory_after_lock.py"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/PID/mem")
def test_no_copy_of_the_key_survives_lock() -> None:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    result = subprocess.run([sys.executable, str(SCRIPT), "--entries", "10"], capture_output=True,
                            text=True, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    rows = {}
    for line in result.stdout.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 3 and cells[1].isdigit():
            rows[cells[0]] = (int(cells[1]), int(cells[2]))
    assert rows["data key, raw"][0] >= 1, result.stdout  # the scan does see the live key
    for form in ("data key, raw", "data key, hex lower", "data key, hex upper"):
        assert rows[form][1] == 0, result.stdout
