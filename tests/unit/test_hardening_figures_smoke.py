"""benchmarks/hardening_figures.py --quick runs and its figures hold (docs/security.md's table)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "hardening_figures.py"


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc and prctl")
def test_hardening_figures_quick_run() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    result = subprocess.run([sys.executable, str(SCRIPT), "--quick"], capture_output=True,
                            text=True, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    assert len(rows) == 7, rows  # the header and six rows
    for figure in (" 0 of ", "0 TCP/UDP", "dumpable 0, RLIMIT_CORE 0/0",
                   "0 acknowledged entries lost", "0 tracebacks"):
        assert figure in result.stdout, figure
    assert "Traceback" not in result.stderr
