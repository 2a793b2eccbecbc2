"""``parts-journal export`` and ``import-json``, as a person at a terminal would use them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from partsjournal import cli
from partsjournal.vault import Vault, keyslots

from ..conftest import FAST_KDF, PASSPHRASE


@pytest.fixture
def passfile(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text(PASSPHRASE + "\n")
    return path


@pytest.fixture
def demo(tmp_path: Path, passfile: Path, monkeypatch: pytest.MonkeyPatch,
         capsys: pytest.CaptureFixture[str]) -> str:
    """A sample vault made with the CLI (fast KDF), its folder as text."""
    monkeypatch.setattr(keyslots, "calibrate", lambda measure=None: FAST_KDF)
    folder = str(tmp_path / "demo")
    assert cli.main(["demo", "--vault", folder, "--passphrase-file", str(passfile)]) == 0
    capsys.readouterr()
    return folder


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    return subprocess.run([sys.executable, "-m", "partsjournal", *args], capture_output=True,
                          text=True, env=env, check=False, stdin=subprocess.DEVNULL, timeout=120)


def test_summary_as_markdown(demo: str, passfile: Path, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "prep.md"
    since = (date.today() - timedelta(days=60)).isoformat()
    assert cli.main(["export", "--vault", demo, "--passphrase-file", str(passfile), "--summary",
                     "--since", since, "--part", "The Critic", "--format", "md",
                     "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert f"to {out}" in captured.out
    assert "is not encrypted" in captured.err and str(out) in captured.err
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Therapy-prep summary") and "Parts chosen: The Critic" in text
    assert "- **The Critic** (Manager, Befriended)" in text
    assert "The Scroller** (" not in text


def test_summary_as_pdf_in_a_process_of_its_own(demo: str, passfile: Path,
                                                tmp_path: Path) -> None:
    out = tmp_path / "prep.pdf"
    since = (date.today() - timedelta(days=30)).isoformat()
    done = run("export", "--vault", demo, "--passphrase-file", str(passfile), "--summary",
               "--since", since, "--until", date.today().isoformat(), "--format", "pdf",
               "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "is not encrypted" in done.stderr and "Traceback" not in done.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and "\ufeffTherapy-prep summary".encode("utf-16-be") in data
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True,
                              check=True).stdout.decode("utf-8")
        assert "Questions to bring" in text and "not encrypted" in text


def test_json_export_then_import_json_into_a_new_vault(demo: str, passfile: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    out = tmp_path / "all.json"
    assert cli.main(["export", "--vault", demo, "--passphrase-file", str(passfile),
                     "--format", "json", "--out", str(out)]) == 0
    assert "is not encrypted" in capsys.readouterr().err
    # An existing file is not replaced without --force (and nothing is asked first).
    assert cli.main(["export", "--vault", demo, "--format", "json", "--out", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err

    new = tmp_path / "moved"
    assert cli.main(["import-json", "--vault", str(new), "--passphrase-file", str(passfile),
                     str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Imported 12 parts" in printed and "recovery code" in printed
    code = next(line.strip() for line in printed.splitlines() if line.count("-") == 7)
    again = tmp_path / "again.json"
    assert cli.main(["export", "--vault", str(new), "--passphrase-file", str(passfile),
                     "--format", "json", "--out", str(again)]) == 0
    a, b = json.loads(out.read_text()), json.loads(again.read_text())
    a.pop("exported_at"), b.pop("exported_at")
    assert a == b
    Vault.unlock_with_recovery_code(new, code, auto_backup=False).lock()
    # import-json only ever makes a new vault.
    assert cli.main(["import-json", "--vault", str(new), "--passphrase-file", str(passfile),
                     str(out)]) == 1
    assert "already a journal" in capsys.readouterr().err


def test_a_bad_file_is_refused_before_any_vault_is_made(tmp_path: Path, passfile: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "parts-journal-export", "version": 1, "parts": [}')
    new = tmp_path / "never"
    assert cli.main(["import-json", "--vault", str(new), "--passphrase-file", str(passfile),
                     str(bad)]) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "can't be imported" in err and "not valid JSON (line 1" in err
    assert len(err.strip().splitlines()) == 1 and not new.exists()


def test_markdown_folder_export(demo: str, passfile: Path, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "md"
    assert cli.main(["export", "--vault", demo, "--passphrase-file", str(passfile),
                     "--format", "markdown", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "as a folder of Markdown files" in captured.out and "is not encrypted" in captured.err
    assert (out / "index.md").is_file() and len(list((out / "parts").iterdir())) == 12


@pytest.mark.parametrize(("args", "message"), [
    (["--summary", "--format", "json"], "--format pdf or --format md"),
    (["--summary", "--format", "md"], "needs --since DATE"),
    (["--format", "pdf"], "add --summary"),
    (["--format", "json", "--since", "2026-01-01"], "are for --summary"),
])
def test_wrong_combinations_are_usage_errors(tmp_path: Path, args: list[str], message: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["export", "--vault", str(tmp_path / "v"), *args,
                     "--out", str(tmp_path / "x")])
    assert code == cli.EXIT_USAGE and message in capsys.readouterr().err


def test_a_date_that_is_not_a_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["export", "--vault", str(tmp_path), "--summary", "--since", "last week",
                  "--format", "md", "--out", str(tmp_path / "x.md")])
    assert exited.value.code == cli.EXIT_USAGE
    assert "is not a date like 2026-03-01" in capsys.readouterr().err
