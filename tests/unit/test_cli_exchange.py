"""The exchange subcommands: card, peer add/list/verify/unverify/remove, share, receive."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest

from partsjournal import cli
from partsjournal.cli import base
from partsjournal.domain import Part, Role
from partsjournal.vault import Vault, keyslots

from ..conftest import FAST_KDF, PASSPHRASE


@pytest.fixture
def passfile(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text(PASSPHRASE + "\n")
    return path


@pytest.fixture(autouse=True)
def fast_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyslots, "calibrate", lambda measure=None: FAST_KDF)


class Run:
    def __init__(self, passfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.passfile = passfile
        self.capsys = capsys

    def __call__(self, *args: str, vault: Path | None = None) -> tuple[int, str, str]:
        argv = list(args)
        if vault is not None:
            # Options go after the (sub)command words; positional arguments may follow.
            words = 2 if argv[0] == "peer" else 1
            argv[words:words] = ["--vault", str(vault), "--passphrase-file", str(self.passfile)]
        code = cli.main(argv)
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def run(passfile: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    return Run(passfile, capsys)


@pytest.fixture
def two(tmp_path: Path, run: Run) -> tuple[Path, Path]:
    ada, ben = tmp_path / "ada", tmp_path / "ben"
    for folder in (ada, ben):
        assert run("init", vault=folder)[0] == 0
    return ada, ben


def test_card_needs_a_name_then_prints_armour(two: tuple[Path, Path], run: Run,
                                              tmp_path: Path) -> None:
    ada, _ = two
    code, out, err = run("card", vault=ada)
    assert code == cli.EXIT_ERROR and "card --name NAME" in err and out == ""
    code, out, err = run("card", "--name", "Ada", vault=ada)
    assert code == 0
    assert out.startswith("-----BEGIN PARTS JOURNAL CONTACT CARD-----\n")
    assert out.endswith("-----END PARTS JOURNAL CONTACT CARD-----\n")
    assert err.startswith("Fingerprint: ")
    code, again, _ = run("card", vault=ada)  # the name was kept
    assert code == 0 and again == out
    code, out, _ = run("card", "--out", str(tmp_path / "ada.pjcard"), vault=ada)
    assert code == 0 and "written to" in out
    assert (tmp_path / "ada.pjcard").read_bytes().startswith(b"PJCARD\x01")
    assert stat.S_IMODE((tmp_path / "ada.pjcard").stat().st_mode) == 0o600


def exchange_cards(two: tuple[Path, Path], run: Run, tmp_path: Path) -> None:
    ada, ben = two
    assert run("card", "--name", "Ada", "--out", str(tmp_path / "ada.pjcard"), vault=ada)[0] == 0
    code, armour, _ = run("card", "--name", "Ben", vault=ben)
    (tmp_path / "ben.txt").write_text("Ben wrote:\n\n" + armour + "\nbye\n")
    code, out, _ = run("peer", "add", str(tmp_path / "ben.txt"), vault=ada)
    assert code == 0 and "Added Ben (not verified yet)" in out
    code, out, _ = run("peer", "add", str(tmp_path / "ada.pjcard"), "--name", "Ada L.", vault=ben)
    assert code == 0 and "Added Ada L." in out


def test_peers_add_list_verify(two: tuple[Path, Path], run: Run, tmp_path: Path) -> None:
    ada, ben = two
    exchange_cards(two, run, tmp_path)
    code, out, _ = run("peer", "list", vault=ada)
    name, status, fingerprint, count = out.strip().split("\t")
    assert (name, status, count) == ("Ben", "not verified", "0") and len(fingerprint) == 64
    # Both sides print the same safety number.
    code, out_ada, err = run("peer", "verify", "Ben", vault=ada)
    assert code == cli.EXIT_USAGE and "--yes" in err  # no terminal to ask on
    code, out_ben, _ = run("peer", "verify", "ada l.", "--yes", vault=ben)
    assert code == 0 and "Ada L. is now verified" in out_ben
    digits = [line for line in out_ada.splitlines() if line.startswith("    ")]
    assert len(digits) == 3 and all(line in out_ben for line in digits)
    code, out, _ = run("peer", "verify", fingerprint[:8], "--yes", vault=ada)  # by fingerprint
    assert code == 0
    assert "\tverified\t" in run("peer", "list", vault=ada)[1]
    assert run("peer", "unverify", "Ben", vault=ada)[0] == 0
    assert "\tnot verified\t" in run("peer", "list", vault=ada)[1]
    code, _, err = run("peer", "verify", "Nobody", "--yes", vault=ada)
    assert code == cli.EXIT_ERROR and "No peer is called" in err
    # Adding the same card twice, or one's own card, is refused with a sentence.
    code, _, err = run("peer", "add", str(tmp_path / "ben.txt"), vault=ada)
    assert code == cli.EXIT_ERROR and "already have this peer" in err
    code, _, err = run("peer", "add", str(tmp_path / "ada.pjcard"), vault=ada)
    assert code == cli.EXIT_REFUSED and "your own contact card" in err
    (tmp_path / "broken.txt").write_text((tmp_path / "ben.txt").read_text()[:300])
    code, _, err = run("peer", "add", str(tmp_path / "broken.txt"), vault=ada)
    assert code == cli.EXIT_REFUSED and "cut short" in err and "Traceback" not in err


def test_peer_add_from_stdin(two: tuple[Path, Path], run: Run, tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    ada, ben = two
    _, armour, _ = run("card", "--name", "Ben", vault=ben)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(armour.encode())))
    code, out, _ = run("peer", "add", "-", vault=ada)
    assert code == 0 and "Added Ben" in out


def test_share_receive_update_withdraw(two: tuple[Path, Path], run: Run, tmp_path: Path) -> None:
    ada, ben = two
    exchange_cards(two, run, tmp_path)
    with Vault.unlock(ada, PASSPHRASE, auto_backup=False) as vault:
        vault.parts.add(Part(name="Inner Critic", role=Role.MANAGER, job="keeps me safe",
                             fears="shame", notes="private <b>"))
        vault.parts.add(Part(name="Little One", role=Role.EXILE))
    (tmp_path / "msg.txt").write_text("For our Tuesday session.\n")
    out_file = tmp_path / "one.pjbundle"
    code, out, err = run("share", "--to", "Ben", "--part", "inner critic", "--part", "Little One",
                         "--fields", "role,job,fears", "--message-file",
                         str(tmp_path / "msg.txt"), "--out", str(out_file), vault=ada)
    assert code == 0, err
    assert "2 part(s) with the fields name, role, job, fears" in out
    assert "not verified Ben's safety number" in out
    code, out, err = run("share", "--to", "Ben", "--part", "Inner Critic", "--out",
                         str(out_file), vault=ada)
    assert code == cli.EXIT_ERROR and "already exists" in err
    code, out, err = run("share", "--to", "Ben", "--part", "Nobody", "--out",
                         str(tmp_path / "x.pjbundle"), vault=ada)
    assert code == cli.EXIT_ERROR and "no part called" in err
    code, out, err = run("share", "--to", "Ben", "--part", "Inner Critic", "--fields",
                         "password", "--out", str(tmp_path / "x.pjbundle"), vault=ada)
    assert code == cli.EXIT_ERROR and "not a field" in err
    # Receive: without --yes and no terminal, nothing is imported.
    code, out, err = run("receive", str(out_file), vault=ben)
    assert code == cli.EXIT_USAGE and "New parts (2)" in out
    code, out, err = run("receive", str(out_file), "--yes", vault=ben)
    assert code == 0, err
    assert "Bundle from Ada L. (NOT VERIFIED" in out and "They call themselves: Ada" in out
    assert "For our Tuesday session." in out and "Imported from Ada L.: 2 new" in out
    assert run("peer", "list", vault=ben)[1].strip().endswith("\t2")
    code, _, err = run("receive", str(out_file), "--yes", vault=ben)
    assert code == cli.EXIT_REFUSED and "already imported" in err
    # An update and a withdrawal.
    with Vault.unlock(ada, PASSPHRASE, auto_backup=False) as vault:
        critic = vault.parts.find_by_name("Inner Critic")
        assert critic is not None
        critic.job = "keeps me safe, gently"
        vault.parts.update(critic)
    update = tmp_path / "two.pjbundle"
    assert run("share", "--to", "Ben", "--part", "Inner Critic", "--fields", "job", "--withdraw",
               "Little One", "--out", str(update), vault=ada)[0] == 0
    code, out, _ = run("receive", str(update), "--yes", vault=ben)
    assert code == 0 and "revision 1 → 2" in out and "Withdrawn by Ada L." in out
    assert "1 updated, 1 removed" in out
    with Vault.unlock(ben, PASSPHRASE, auto_backup=False) as vault:
        (only,) = vault.received.list()
        assert only.text("job") == "keeps me safe, gently" and only.field_names == ("name", "job")


def test_receive_refusals_have_their_exit_code(two: tuple[Path, Path], run: Run,
                                               tmp_path: Path) -> None:
    ada, ben = two
    exchange_cards(two, run, tmp_path)
    with Vault.unlock(ada, PASSPHRASE, auto_backup=False) as vault:
        vault.parts.add(Part(name="Critic"))
    bundle = tmp_path / "b.pjbundle"
    assert run("share", "--to", "Ben", "--part", "Critic", "--out", str(bundle), vault=ada)[0] == 0
    data = bundle.read_bytes()
    cases = {"cut.pjbundle": data[:-10], "flip.pjbundle": data[:500] + bytes([data[500] ^ 1])
             + data[501:], "text.pjbundle": b"hello", "empty.pjbundle": b""}
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
        code, out, err = run("receive", str(tmp_path / name), "--yes", vault=ben)
        assert code == cli.EXIT_REFUSED, name
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    # A bundle for Ben opened by Ada's vault: not hers to open.
    code, _, err = run("receive", str(bundle), "--yes", vault=ada)
    assert code == cli.EXIT_REFUSED and "someone else" in err
    big = tmp_path / "big.pjbundle"
    with open(big, "wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    code, _, err = run("receive", str(big), "--yes", vault=ben)
    assert code == cli.EXIT_REFUSED and "larger than 16.0 MiB" in err


def test_peer_remove(two: tuple[Path, Path], run: Run, tmp_path: Path) -> None:
    ada, _ = two
    exchange_cards(two, run, tmp_path)
    code, _, err = run("peer", "remove", "Ben", vault=ada)
    assert code == cli.EXIT_USAGE
    code, out, _ = run("peer", "remove", "Ben", "--yes", vault=ada)
    assert code == 0 and "Removed Ben" in out
    assert run("peer", "list", vault=ada)[1] == ""


def test_help_documents_exit_code_7() -> None:
    assert "7    a contact card or bundle was refused" in base.EXIT_CODES_HELP
    parser = base.build_parser()
    assert "receive" in parser.format_help() and "share" in parser.format_help()
