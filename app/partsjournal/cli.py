"""``parts-journal``: the app with no arguments, and a companion for the same vault services.

Modelled on keepassxc-cli. Passphrases come from the terminal without echo, or from
``--passphrase-file`` / ``--passphrase-fd`` for scripts — never from the command line itself,
where other users could read them in the process list.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from partsjournal import __version__
from partsjournal.errors import (
    BackupError,
    JournalError,
    VaultCorrupted,
    VaultExists,
    VaultFromNewerVersion,
    VaultNotFound,
    WrongPassphrase,
)
from partsjournal.vault import Vault, restore
from partsjournal.vault.fsutil import restrict_umask
from partsjournal.vault.locations import default_vault_dir

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_WRONG_PASSPHRASE = 3
EXIT_DAMAGED = 4
EXIT_NOT_FOUND = 5
EXIT_NEWER_VERSION = 6
EXIT_INTERRUPTED = 130

EXIT_CODES_HELP = """\
exit codes:
  0    success
  1    the operation failed (the message says why)
  2    the command line was not understood
  3    wrong passphrase or recovery code
  4    the vault is damaged, or `check` found a problem
  5    no vault (or one of its files) at that folder
  6    the vault was written by a newer Parts Journal
  130  interrupted
"""


class CliError(Exception):
    """A failure with its exit code; printed as one sentence."""

    def __init__(self, message: str, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.code = code


def harden_process() -> None:
    """Private files by default and no core dumps that could hold journal text (DESIGN §6)."""
    restrict_umask()
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass


# Passphrases -------------------------------------------------------------------------------

def _read_secret_file(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            return _first_line(handle)
    except OSError as exc:
        raise CliError(f"Can't read the passphrase file {path}: {exc.strerror}.") from exc


def _first_line(handle: TextIO) -> str:
    line = handle.readline()
    return line[:-1] if line.endswith("\n") else line


def read_passphrase(args: argparse.Namespace, prompt: str = "Passphrase: ",
                    confirm: bool = False) -> str:
    """The passphrase from --passphrase-file, --passphrase-fd or the terminal (no echo)."""
    if getattr(args, "passphrase_file", None):
        return _read_secret_file(args.passphrase_file)
    if getattr(args, "passphrase_fd", None) is not None:
        try:
            with os.fdopen(args.passphrase_fd, encoding="utf-8", closefd=False) as handle:
                return _first_line(handle)
        except OSError as exc:
            raise CliError(f"Can't read the passphrase from descriptor {args.passphrase_fd}.") \
                from exc
    if not sys.stdin.isatty():
        raise CliError("No terminal to ask for the passphrase; use --passphrase-file or "
                       "--passphrase-fd.", EXIT_USAGE)
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat it: ") != first:
        raise CliError("The two passphrases differ; nothing was changed.")
    return first


def _unlock(args: argparse.Namespace, *, auto_backup: bool = True) -> Vault:
    return Vault.unlock(args.vault, read_passphrase(args), auto_backup=auto_backup)


# Subcommands -------------------------------------------------------------------------------

def cmd_init(args: argparse.Namespace) -> int:
    """Create a vault and print its recovery code once."""
    passphrase = read_passphrase(args, "New passphrase: ", confirm=True)
    vault, code = Vault.create(args.vault, passphrase)
    vault.lock()
    print(f"Created a new journal in {args.vault}.")
    print("Your recovery code (write it down and keep it somewhere safe; it is shown only once):")
    print(f"  {code}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    """Create a vault filled with the sample journal."""
    from partsjournal.vault.demo import populate

    passphrase = read_passphrase(args, "Passphrase for the sample vault: ", confirm=True)
    vault, code = Vault.create(args.vault, passphrase)
    try:
        counts = populate(vault)
    finally:
        vault.lock()
    print(f"Created a sample journal in {args.vault} with {counts.parts} parts and "
          f"{counts.entries} entries.")
    print(f"Its recovery code: {code}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Run every integrity check; exit 0 only if all hold."""
    passphrase = read_passphrase(args)
    vault = Vault.unlock(args.vault, passphrase, auto_backup=False)
    try:
        report = vault.check(passphrase)
    finally:
        vault.lock()
    for name in report.checks:
        print(f"checked: {name}")
    if report.ok:
        print("Everything is in order.")
        return EXIT_OK
    for problem in report.problems:
        print(f"problem: {problem}", file=sys.stderr)
    return EXIT_DAMAGED


def cmd_ls(args: argparse.Namespace) -> int:
    """List parts or entries, tab-separated."""
    vault = _unlock(args)
    try:
        if args.what == "parts":
            for part in vault.parts.list(include_archived=True):
                print(f"{_cell(part.name)}\t{part.role.value}\t{part.id}")
        else:
            for entry in vault.entries.list():
                title = entry.title or "(untitled)"
                print(f"{entry.occurred_at.astimezone().strftime('%Y-%m-%d %H:%M')}\t"
                      f"{_cell(title)}\t{entry.kind.value}\t{entry.id}")
    finally:
        vault.lock()
    return EXIT_OK


def _cell(text: str) -> str:
    return text.replace("\t", " ")


def cmd_backup(args: argparse.Namespace) -> int:
    """Write a manual backup."""
    vault = _unlock(args, auto_backup=False)
    try:
        path = vault.backup_to(Path(args.out))
    finally:
        vault.lock()
    print(f"Backup written to {path}. It opens with today's passphrase.")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Replace the vault with a backup (the replaced files are kept)."""
    passphrase = read_passphrase(args, "Passphrase of the backup: ")
    replaced = restore(args.vault, Path(args.from_), passphrase=passphrase)
    print(f"Restored {args.from_} into {args.vault}.")
    if replaced is not None:
        print(f"The files it replaced are kept in {replaced}.")
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace) -> int:
    """Change the passphrase; only keyslots.json is rewritten."""
    vault = _unlock(args, auto_backup=False)
    try:
        if args.new_passphrase_file:
            new = _read_secret_file(args.new_passphrase_file)
        else:
            if not sys.stdin.isatty():
                raise CliError("No terminal to ask for the new passphrase; use "
                               "--new-passphrase-file.", EXIT_USAGE)
            new = getpass.getpass("New passphrase: ")
            if getpass.getpass("Repeat it: ") != new:
                raise CliError("The two passphrases differ; nothing was changed.")
        vault.change_passphrase(new)
    finally:
        vault.lock()
    print("Passphrase changed.")
    return EXIT_OK


# Parser ------------------------------------------------------------------------------------

class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"parts-journal: {message}\n")


def _vault_options(parser: argparse.ArgumentParser, passphrase: bool = True) -> None:
    parser.add_argument("--vault", type=Path, default=default_vault_dir(),
                        help="the vault folder (default: %(default)s)")
    if passphrase:
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--passphrase-file", metavar="FILE",
                           help="read the passphrase from the first line of FILE")
        group.add_argument("--passphrase-fd", metavar="N", type=int,
                           help="read the passphrase from file descriptor N")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line."""
    parser = _Parser(
        prog="parts-journal",
        description="Parts Journal: a private, encrypted journal for IFS parts work. "
                    "With no command it opens the app.",
        epilog=EXIT_CODES_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--vault", type=Path, default=None,
                        help="open the app at the unlock screen of this vault folder")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_text: str,
            passphrase: bool = True) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text, description=help_text,
                                 epilog=EXIT_CODES_HELP,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
        _vault_options(command, passphrase)
        command.set_defaults(handler=handler)
        return command

    add("init", cmd_init, "create a new, empty vault and print its recovery code")
    add("demo", cmd_demo, "create a sample vault with example parts and entries")
    add("check", cmd_check, "run every integrity check on the vault")
    ls = add("ls", cmd_ls, "list parts or entries, one per line, tab-separated")
    ls.add_argument("what", choices=("parts", "entries"))
    backup = add("backup", cmd_backup, "write an encrypted backup to a file or folder")
    backup.add_argument("--out", required=True, metavar="PATH")
    rest = add("restore", cmd_restore, "replace the vault with a backup")
    rest.add_argument("--from", dest="from_", required=True, metavar="PATH")
    passwd = add("passwd", cmd_passwd, "change the passphrase")
    passwd.add_argument("--new-passphrase-file", metavar="FILE",
                        help="read the new passphrase from the first line of FILE")
    return parser


_EXIT_FOR: list[tuple[type[JournalError], int]] = [
    (WrongPassphrase, EXIT_WRONG_PASSPHRASE),
    (VaultCorrupted, EXIT_DAMAGED),
    (BackupError, EXIT_ERROR),
    (VaultNotFound, EXIT_NOT_FOUND),
    (VaultFromNewerVersion, EXIT_NEWER_VERSION),
    (VaultExists, EXIT_ERROR),
]


def exit_code_for(error: JournalError) -> int:
    """The documented exit code of an error."""
    for kind, code in _EXIT_FOR:
        if isinstance(error, kind):
            return code
    return EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code. Errors are one sentence on stderr."""
    harden_process()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from partsjournal.ui.app import run_app

        return run_app(vault=args.vault)
    try:
        return int(args.handler(args))
    except CliError as exc:
        print(f"parts-journal: {exc}", file=sys.stderr)
        return exc.code
    except JournalError as exc:
        print(f"parts-journal: {exc}", file=sys.stderr)
        return exit_code_for(exc)
    except KeyboardInterrupt:
        print("parts-journal: interrupted; nothing more was changed.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as exc:
        print(f"parts-journal: {exc.strerror or exc}.", file=sys.stderr)
        return EXIT_ERROR
