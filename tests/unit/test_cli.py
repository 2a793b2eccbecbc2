from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from partsjournal import cli
from partsjournal.cli import base
from partsjournal.vault import keyslots

from ..conftest import FAST_KDF, PASSPHRASE


@pytest.fixture
def passfile(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text(PASSPHRASE + "\n")
    return path


@pytest.fixture
def fast_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process CLI runs create vaults with the fast KDF profile instead of calibrating."""
    monkeypatch.setattr(keyslots, "calibrate", lambda measure=None: FAST_KDF)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    return subprocess.run([sys.executable, "-m", "partsjournal", *args], capture_output=True,
                          text=True, env=env, check=False, stdin=subprocess.DEVNULL, timeout=120)


@pytest.mark.slow
def test_demo_then_check_as_a_user_would(tmp_path: Path, passfile: Path) -> None:
    vault = tmp_path / "x"
    made = run("demo", "--vault", str(vault), "--passphrase-file", str(passfile))
    assert made.returncode == 0, made.stderr
    assert "sample journal" in made.stdout
    checked = run("check", "--vault", str(vault), "--passphrase-file", str(passfile))
    assert checked.returncode == 0, checked.stderr
    assert "Everything is in order." in checked.stdout
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it\n")
    refused = run("check", "--vault", str(vault), "--passphrase-file", str(wrong))
    assert refused.returncode == cli.EXIT_WRONG_PASSPHRASE
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and "passphrase didn't open" in lines[0]
    assert "Traceback" not in refused.stderr


def test_init_prints_recovery_code_once(tmp_path: Path, passfile: Path, fast_cli: None,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["init", "--vault", str(tmp_path / "v"), "--passphrase-file",
                     str(passfile)]) == 0
    out = capsys.readouterr().out
    code_lines = [line for line in out.splitlines() if line.count("-") == 7]
    assert len(code_lines) == 1
    from partsjournal.vault import Vault

    Vault.unlock_with_recovery_code(tmp_path / "v", code_lines[0].strip()).lock()


def test_ls_parts_and_entries(tmp_path: Path, passfile: Path, fast_cli: None,
                              capsys: pytest.CaptureFixture[str]) -> None:
    vault = str(tmp_path / "v")
    assert cli.main(["demo", "--vault", vault, "--passphrase-file", str(passfile)]) == 0
    capsys.readouterr()
    assert cli.main(["ls", "--vault", vault, "--passphrase-file", str(passfile), "parts"]) == 0
    parts = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert len(parts) >= 10 and all(len(cols) == 3 for cols in parts)
    assert {cols[1] for cols in parts} == {"manager", "firefighter", "exile", "unknown"}
    assert cli.main(["ls", "--vault", vault, "--passphrase-file", str(passfile), "entries"]) == 0
    entries = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert len(entries) >= 50 and all(len(cols) == 4 for cols in entries)
    assert entries == sorted(entries, key=lambda cols: cols[0], reverse=True)


def test_backup_restore_passwd(tmp_path: Path, passfile: Path, fast_cli: None,
                               capsys: pytest.CaptureFixture[str]) -> None:
    vault = str(tmp_path / "v")
    common = ["--vault", vault, "--passphrase-file", str(passfile)]
    assert cli.main(["init", *common]) == 0
    assert cli.main(["backup", *common, "--out", str(tmp_path / "b.pjbackup")]) == 0
    new = tmp_path / "new.txt"
    new.write_text("another passphrase\n")
    assert cli.main(["passwd", *common, "--new-passphrase-file", str(new)]) == 0
    assert cli.main(["check", *common]) == cli.EXIT_WRONG_PASSPHRASE
    assert cli.main(["check", "--vault", vault, "--passphrase-file", str(new)]) == 0
    assert cli.main(["restore", *common, "--from", str(tmp_path / "b.pjbackup")]) == 0
    assert cli.main(["check", *common]) == 0
    assert "Restored" in capsys.readouterr().out


def test_passphrase_from_fd(tmp_path: Path, fast_cli: None) -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, PASSPHRASE.encode() + b"\n")
    os.close(write_end)
    try:
        assert cli.main(["init", "--vault", str(tmp_path / "v"), "--passphrase-fd",
                         str(read_end)]) == 0
    finally:
        os.close(read_end)
    from partsjournal.vault import Vault

    Vault.unlock(tmp_path / "v", PASSPHRASE).lock()


def test_errors_are_one_sentence_with_documented_codes(tmp_path: Path, passfile: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", "--vault", str(tmp_path / "none"), "--passphrase-file",
                     str(passfile)]) == cli.EXIT_NOT_FOUND
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "no journal folder" in err
    assert cli.main(["check", "--vault", str(tmp_path), "--passphrase-file",
                     str(tmp_path / "missing.txt")]) == cli.EXIT_ERROR
    assert "Can't read the passphrase file" in capsys.readouterr().err


def test_no_terminal_and_no_file_is_a_usage_error(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", open(os.devnull))  # noqa: SIM115
    assert cli.main(["init", "--vault", str(tmp_path / "v")]) == cli.EXIT_USAGE


def test_help_documents_exit_codes_and_has_no_passphrase_argument() -> None:
    text = base.build_parser().format_help()
    assert "exit codes:" in text and "3    wrong passphrase" in text
    with pytest.raises(SystemExit) as info:
        base.build_parser().parse_args(["check", "--passphrase", "secret"])
    assert info.value.code == cli.EXIT_USAGE


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert "parts-journal 0.1.0" in capsys.readouterr().out


def test_a_file_on_the_command_line_is_opened_by_the_app(tmp_path: Path) -> None:
    commands = {"init", "check", "share", "receive"}
    bundle = tmp_path / "from Sam.pjbundle"
    assert cli.split_file_argument([str(bundle)], commands) == ([], bundle)
    assert cli.split_file_argument(["--vault", "/v", str(bundle)], commands) == (
        ["--vault", "/v"], bundle)
    # Subcommands keep their own file arguments.
    assert cli.split_file_argument(["receive", str(bundle)], commands) == (
        ["receive", str(bundle)], None)
    assert cli.split_file_argument(["--vault", "x.pjcard"], commands) == (
        ["--vault", "x.pjcard"], None)
    assert cli.split_file_argument([], commands) == ([], None)


def test_opening_the_app_skips_the_full_parser() -> None:
    assert cli.plain_app_launch([]) == (None, None)
    assert cli.plain_app_launch(["--vault", "/v"]) == (Path("/v"), None)
    assert cli.plain_app_launch(["--vault=/v", "x.pjcard"]) == (Path("/v"),
                                                                Path("x.pjcard").absolute())
    for other in (["--version"], ["--help"], ["check"], ["a.txt"], ["x.pjcard", "y.pjcard"]):
        assert cli.plain_app_launch(other) is None
