"""Every benchmark runs once on the small vault, so they cannot rot (figures are not checked)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

RUNNER = Path(__file__).parents[2] / "benchmarks" / "run.py"


@pytest.mark.slow
def test_every_benchmark_runs_on_the_small_vault(tmp_path: Path) -> None:
    env = dict(os.environ, PJ_BENCH_CACHE=str(tmp_path / "cache"), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    result = subprocess.run([sys.executable, str(RUNNER), "--sizes", "S", "--runs", "1",
                             "--no-write"], capture_output=True, text=True, env=env,
                            timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    table = result.stdout
    for name in ("start: process → unlock window", "key derivation", "unlock → main window",
                 "search as you type", "filter the journal by a part", "open an entry",
                 "open a part", "save an entry", "scroll the journal", "peak RSS",
                 "repository workload: SQLCipher, memory security ON", "bundle",
                 "export everything as JSON", "import that JSON into a new, empty vault",
                 "therapy-prep summary, 14 days"):
        assert name in table, f"{name!r} missing from the benchmark table"
