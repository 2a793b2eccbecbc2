"""The command line with the recovery code, and on a nearly full disk (hardening issue)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from partsjournal import cli
from partsjournal.domain.model import Part, Role
from partsjournal.errors import DiskFull
from partsjournal.vault import Vault
from partsjournal.vault import backup as backups

from ..conftest import FAST_KDF, PASSPHRASE

NEW_PASSPHRASE = "a new and different passphrase 7"


@pytest.fixture
def journal(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A vault with one part; the files holding its passphrase and its recovery code."""
    folder = tmp_path / "v"
    vault, code = Vault.create(folder, PASSPHRASE, profile=FAST_KDF)
    vault.parts.add(Part(name="The Watcher", role=Role.MANAGER))
    vault.lock()
    passfile, codefile = tmp_path / "pass.txt", tmp_path / "code.txt"
    passfile.write_text(PASSPHRASE + "\n")
    codefile.write_text(code.lower().replace("-", " ") + "\n")  # as a person might type it
    return folder, passfile, codefile


def test_ls_with_recovery_code_sets_the_new_passphrase_first(
        journal: tuple[Path, Path, Path], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    folder, _passfile, codefile = journal
    newfile = tmp_path / "new.txt"
    newfile.write_text(NEW_PASSPHRASE + "\n")
    assert cli.main(["ls", "--vault", str(folder), "--recovery-code-file", str(codefile),
                     "--new-passphrase-file", str(newfile), "parts"]) == 0
    out = capsys.readouterr()
    assert out.out.split("\t")[0] == "The Watcher"
    assert "passphrase was changed" in out.err
    Vault.unlock(folder, NEW_PASSPHRASE).lock()  # the new one opens it
    with pytest.raises(Exception, match="passphrase didn't open"):
        Vault.unlock(folder, PASSPHRASE)


def test_recovery_code_without_a_new_passphrase_does_nothing(
        journal: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    folder, _passfile, codefile = journal
    before = (folder / "keyslots.json").read_bytes()
    code = cli.main(["ls", "--vault", str(folder), "--recovery-code-file", str(codefile),
                     "parts"])
    out = capsys.readouterr()
    assert code == cli.EXIT_USAGE
    assert out.out == ""  # nothing was listed
    assert "new passphrase must be chosen" in out.err and "--new-passphrase-file" in out.err
    assert (folder / "keyslots.json").read_bytes() == before


def test_passwd_and_check_with_recovery_code(journal: tuple[Path, Path, Path], tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    folder, _passfile, codefile = journal
    newfile = tmp_path / "new.txt"
    newfile.write_text(NEW_PASSPHRASE + "\n")
    assert cli.main(["passwd", "--vault", str(folder), "--recovery-code-file", str(codefile),
                     "--new-passphrase-file", str(newfile)]) == 0
    assert "Passphrase changed." in capsys.readouterr().out
    Vault.unlock(folder, NEW_PASSPHRASE).lock()
    assert cli.main(["check", "--vault", str(folder), "--recovery-code-file", str(codefile),
                     "--new-passphrase-file", str(newfile)]) == 0
    assert "Everything is in order." in capsys.readouterr().out


def test_wrong_recovery_code_is_exit_3(journal: tuple[Path, Path, Path], tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    folder, _passfile, _codefile = journal
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("0000-0000-0000-0000-0000-0000-0000-0000\n")
    assert cli.main(["ls", "--vault", str(folder), "--recovery-code-file", str(wrong),
                     "parts"]) == cli.EXIT_WRONG_PASSPHRASE
    assert "Traceback" not in capsys.readouterr().err


def test_restore_with_the_backups_recovery_code(journal: tuple[Path, Path, Path], tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    folder, passfile, codefile = journal
    out = tmp_path / "b.pjbackup"
    assert cli.main(["backup", "--vault", str(folder), "--passphrase-file", str(passfile),
                     "--out", str(out)]) == 0
    target = tmp_path / "restored"
    assert cli.main(["restore", "--vault", str(target), "--from", str(out),
                     "--recovery-code-file", str(codefile)]) == 0
    assert "Restored" in capsys.readouterr().out
    with Vault.unlock(target, PASSPHRASE) as restored:
        assert [p.name for p in restored.parts.list()] == ["The Watcher"]


def test_a_failing_daily_backup_does_not_fail_a_read(journal: tuple[Path, Path, Path],
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    folder, passfile, _codefile = journal

    def no_room(*_args: object, **_kwargs: object) -> Path:
        raise DiskFull("There isn't enough space to save this.")

    monkeypatch.setattr(backups, "write_backup", no_room)
    assert cli.main(["ls", "--vault", str(folder), "--passphrase-file", str(passfile),
                     "parts"]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("The Watcher\t")
    warnings = [line for line in out.err.splitlines() if "automatic backup" in line]
    assert len(warnings) == 1 and str(folder) in warnings[0] and "full" in warnings[0]


# A real full disk: a small tmpfs (needs root and mount rights; skipped where they are missing).

def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    return subprocess.run([sys.executable, "-m", "partsjournal", *args], capture_output=True,
                          text=True, env=env, check=False, stdin=subprocess.DEVNULL, timeout=120)


@pytest.fixture
def small_disk() -> Iterator[Path]:
    """A 4 MiB tmpfs of its own, unmounted afterwards."""
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs Linux and root")
    point = Path(f"/tmp/pj-full-{uuid.uuid4().hex[:8]}")
    point.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs",
                           str(point)], capture_output=True, text=True, check=False)
    if made.returncode != 0:
        point.rmdir()
        pytest.skip(f"can't mount a tmpfs here: {made.stderr.strip()}")
    try:
        yield point
    finally:
        subprocess.run(["umount", str(point)], check=False)
        point.rmdir()


def _fill(disk: Path, leave_kib: int) -> None:
    """Fill the disk until ``leave_kib`` KiB are free."""
    filler = disk / "filler"
    filler.unlink(missing_ok=True)
    free = shutil.disk_usage(disk).free // 1024
    with open(filler, "wb") as out:
        out.write(b"\0" * max(0, free - leave_kib) * 1024)
    assert abs(shutil.disk_usage(disk).free // 1024 - leave_kib) <= 4


@pytest.mark.slow
@pytest.mark.parametrize("leave_kib", [0, 16, 28, 64, 256])
def test_on_a_really_full_disk(small_disk: Path, tmp_path: Path, leave_kib: int) -> None:
    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASSPHRASE + "\n")
    folder = small_disk / "v"
    vault = Vault.create(folder, PASSPHRASE, profile=FAST_KDF)[0]
    vault.parts.add(Part(name="The Watcher", role=Role.MANAGER))
    vault.lock()
    _fill(small_disk, leave_kib)
    listed = _run("ls", "--vault", str(folder), "--passphrase-file", str(passfile), "parts")
    assert "Traceback" not in listed.stderr
    assert "damaged" not in listed.stderr and "restore" not in listed.stderr
    if listed.returncode == 0:  # room for the database's shared-memory file: it opens
        assert listed.stdout.startswith("The Watcher\t")
        assert "automatic backup couldn't be written" in listed.stderr
    else:  # no room even to open: the disk is named as full, nothing else is suggested
        assert listed.returncode == cli.EXIT_ERROR
        lines = listed.stderr.strip().splitlines()
        assert len(lines) == 1 and "full" in lines[0] and str(folder) in lines[0], lines
    (small_disk / "filler").unlink()
    checked = _run("check", "--vault", str(folder), "--passphrase-file", str(passfile))
    assert checked.returncode == 0, checked.stderr
