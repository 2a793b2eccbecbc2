"""What every command shares: the parser, the secret that opens a journal, and exit codes.

Secrets (a passphrase or the recovery code) come from a file (``--passphrase-file``,
``--recovery-code-file``), a file descriptor (``--passphrase-fd``) or the terminal without echo —
never from the command line itself, where other users can read them in the process list.
Unlocking with the recovery code means the passphrase was lost, so, as in the app, a new
passphrase is chosen before anything else happens.

The commands themselves live in ``vault_commands``, ``peer_commands`` and ``export_commands``,
which are imported only by :func:`build_parser`, that is only when a command runs.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from partsjournal import __version__
from partsjournal.cli.exits import EXIT_DAMAGED as EXIT_DAMAGED
from partsjournal.cli.exits import EXIT_ERROR as EXIT_ERROR
from partsjournal.cli.exits import EXIT_INTERRUPTED as EXIT_INTERRUPTED
from partsjournal.cli.exits import EXIT_NEWER_VERSION as EXIT_NEWER_VERSION
from partsjournal.cli.exits import EXIT_NOT_FOUND as EXIT_NOT_FOUND
from partsjournal.cli.exits import EXIT_OK as EXIT_OK
from partsjournal.cli.exits import EXIT_REFUSED as EXIT_REFUSED
from partsjournal.cli.exits import EXIT_USAGE as EXIT_USAGE
from partsjournal.cli.exits import EXIT_WRONG_PASSPHRASE as EXIT_WRONG_PASSPHRASE
from partsjournal.errors import (
    BackupError,
    ExchangeError,
    JournalError,
    VaultCorrupted,
    VaultExists,
    VaultFromNewerVersion,
    VaultNotFound,
    WrongPassphrase,
)
from partsjournal.vault.locations import default_vault_dir

if TYPE_CHECKING:
    from partsjournal.vault import Vault

# Exit codes (defined in ``exits``, which opening the app reads without this module) -------

EXIT_CODES_HELP = """\
exit codes:
  0    success
  1    the operation failed (the message says why)
  2    the command line was not understood
  3    wrong passphrase or recovery code
  4    the vault is damaged, or `check` found a problem
  5    no vault (or one of its files) at that folder
  6    the vault was written by a newer Parts Journal
  7    a contact card or bundle was refused (damaged, altered, not for this
       vault, or from someone who is not a peer); nothing was changed
  130  interrupted
"""


class CliError(Exception):
    """A failure with its exit code; printed as one sentence."""

    def __init__(self, message: str, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.code = code


_EXIT_FOR: list[tuple[type[JournalError], int]] = [
    (WrongPassphrase, EXIT_WRONG_PASSPHRASE),
    (VaultCorrupted, EXIT_DAMAGED),
    (BackupError, EXIT_ERROR),
    (VaultNotFound, EXIT_NOT_FOUND),
    (VaultFromNewerVersion, EXIT_NEWER_VERSION),
    (VaultExists, EXIT_ERROR),
    (ExchangeError, EXIT_REFUSED),
]


def exit_code_for(error: JournalError) -> int:
    """The documented exit code of an error."""
    for kind, code in _EXIT_FOR:
        if isinstance(error, kind):
            return code
    return EXIT_ERROR


# The secret that opens a journal ------------------------------------------------------------


@dataclass(frozen=True)
class UnlockSecret:
    """What the person gave to open the journal."""

    value: str
    is_recovery_code: bool = False


def add_unlock_options(parser: argparse.ArgumentParser, *, new_passphrase: bool = True) -> None:
    """``--passphrase-file`` / ``--passphrase-fd`` / ``--recovery-code-file`` (one of them)."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--passphrase-file", metavar="FILE",
                       help="read the passphrase from the first line of FILE")
    group.add_argument("--passphrase-fd", metavar="N", type=int,
                       help="read the passphrase from file descriptor N")
    group.add_argument("--recovery-code-file", metavar="FILE",
                       help="unlock with the recovery code, read from the first line of FILE "
                            "(a new passphrase is then required)")
    if new_passphrase:
        parser.add_argument("--new-passphrase-file", metavar="FILE",
                            help="the new passphrase, from the first line of FILE (needed "
                                 "after unlocking with the recovery code without a terminal)")


def read_secret_file(path: str, what: str = "passphrase") -> str:
    """The first line of a file, without its line break."""
    try:
        with open(path, encoding="utf-8") as handle:
            return _first_line(handle)
    except OSError as exc:
        raise CliError(f"Can't read the {what} file {path}: {exc.strerror}.") from exc
    except UnicodeDecodeError as exc:
        raise CliError(f"The {what} file {path} is not UTF-8 text.") from exc


def _first_line(handle: TextIO) -> str:
    line = handle.readline()
    return line[:-1] if line.endswith("\n") else line


def read_passphrase(args: argparse.Namespace, prompt: str = "Passphrase: ",
                    confirm: bool = False) -> str:
    """The passphrase from --passphrase-file, --passphrase-fd or the terminal (no echo)."""
    if getattr(args, "passphrase_file", None):
        return read_secret_file(args.passphrase_file)
    if getattr(args, "passphrase_fd", None) is not None:
        try:
            with os.fdopen(args.passphrase_fd, encoding="utf-8", closefd=False) as handle:
                return _first_line(handle)
        except OSError as exc:
            raise CliError(f"Can't read the passphrase from descriptor {args.passphrase_fd}.") \
                from exc
    if not sys.stdin.isatty():
        raise CliError("No terminal to ask for the passphrase; use --passphrase-file, "
                       "--passphrase-fd or --recovery-code-file.", EXIT_USAGE)
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat it: ") != first:
        raise CliError("The two passphrases differ; nothing was changed.")
    return first


def read_unlock_secret(args: argparse.Namespace, prompt: str = "Passphrase") -> UnlockSecret:
    """The passphrase or recovery code; on a terminal an empty passphrase asks for the code."""
    if getattr(args, "recovery_code_file", None):
        return UnlockSecret(read_secret_file(args.recovery_code_file, "recovery code"), True)
    if getattr(args, "passphrase_file", None) or getattr(args, "passphrase_fd", None) is not None \
            or not sys.stdin.isatty():
        return UnlockSecret(read_passphrase(args))
    typed = getpass.getpass(f"{prompt} (or press Enter to use your recovery code): ")
    if typed:
        return UnlockSecret(typed)
    return UnlockSecret(getpass.getpass("Recovery code: "), True)


def read_new_passphrase(args: argparse.Namespace, reason: str = "") -> str:
    """A new passphrase from --new-passphrase-file or the terminal (asked twice)."""
    if getattr(args, "new_passphrase_file", None):
        return read_secret_file(args.new_passphrase_file, "new passphrase")
    if not sys.stdin.isatty():
        raise CliError(f"{reason}No terminal to ask for the new passphrase; use "
                       "--new-passphrase-file FILE.", EXIT_USAGE)
    new = getpass.getpass("New passphrase: ")
    if getpass.getpass("Repeat it: ") != new:
        raise CliError("The two passphrases differ; nothing was changed.")
    return new


def unlock(args: argparse.Namespace, *, auto_backup: bool = True,
           choose_new_passphrase: bool = True) -> tuple[Vault, UnlockSecret]:
    """Open ``args.vault`` with the secret the person gave.

    After a recovery-code unlock a new passphrase is set first (``choose_new_passphrase``);
    ``passwd`` passes False because choosing one is what it does next anyway.
    """
    from partsjournal.vault import Vault

    secret = read_unlock_secret(args)
    if not secret.is_recovery_code:
        vault = Vault.unlock(args.vault, secret.value, auto_backup=auto_backup)
    else:
        vault = Vault.unlock_with_recovery_code(args.vault, secret.value,
                                                auto_backup=auto_backup)
        if choose_new_passphrase:
            try:
                vault.change_passphrase(read_new_passphrase(
                    args, "After unlocking with the recovery code a new passphrase must be "
                          "chosen, and nothing else was done. "))
            except BaseException:
                vault.lock()
                raise
            print("parts-journal: your passphrase was changed; use the new one from now on.",
                  file=sys.stderr)
    if vault.backup_warning:
        print(f"parts-journal: note: {vault.backup_warning}", file=sys.stderr)
    return vault, secret


def vault_class() -> type[Vault]:
    """The Vault class, imported on first use.

    ``parts-journal`` with no command opens the app, which should not wait for SQLite and the
    crypto library to load before showing its first window (see vault/__init__).
    """
    from partsjournal.vault import Vault

    return Vault


def unlock_vault(args: argparse.Namespace, *, auto_backup: bool = True) -> Vault:
    """:func:`unlock`, for commands that don't need to know which secret was given."""
    return unlock(args, auto_backup=auto_backup)[0]


# Helpers shared by several commands ---------------------------------------------------------

def confirm(args: argparse.Namespace, question: str) -> bool:
    """``--yes``, or ask on the terminal; refuses to guess when there is no terminal."""
    if getattr(args, "yes", False):
        return True
    if not sys.stdin.isatty():
        raise CliError("No terminal to confirm on; add --yes to go ahead without asking.",
                       EXIT_USAGE)
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")


def cell(text: str) -> str:
    """``text`` as one cell of tab-separated output."""
    return text.replace("\t", " ")


def quote(text: str) -> str:
    """``text`` as it would be typed in a suggested command."""
    return text if text.replace("-", "").replace("_", "").isalnum() else repr(text)


def own_part_id(vault: Vault, text: str, shared: dict[str, str] | None = None) -> str:
    """The id of one of this journal's parts, given its name or id (or one in ``shared``)."""
    part = vault.parts.find_by_name(text)
    if part is not None:
        return part.id
    for pid, name in (shared or {}).items():
        if text in (pid, name) or name.casefold() == text.strip().casefold():
            return pid
    try:
        return vault.parts.get(text.strip()).id
    except JournalError:
        raise CliError(f"You have no part called “{text}”.") from None


# Parser -------------------------------------------------------------------------------------

#: How a command module adds one command: name, handler, help and which secret options it takes.
AddCommand = Callable[..., argparse.ArgumentParser]


class Parser(argparse.ArgumentParser):
    """Usage errors exit with ``EXIT_USAGE`` and one ``parts-journal:`` sentence."""

    def error(self, message: str) -> NoReturn:
        """Print the usage and the message, then exit with ``EXIT_USAGE``."""
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"parts-journal: {message}\n")


def vault_options(parser: argparse.ArgumentParser, passphrase: bool = True,
                  unlocks: bool = True, new_passphrase: bool = True) -> None:
    """``--vault`` and how the secret is given: to unlock (``unlocks``) or for a new journal."""
    parser.add_argument("--vault", type=Path, default=default_vault_dir(),
                        help="the vault folder (default: %(default)s)")
    if passphrase and unlocks:
        add_unlock_options(parser, new_passphrase=new_passphrase)
    elif passphrase:  # a new journal's passphrase
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--passphrase-file", metavar="FILE",
                           help="read the passphrase from the first line of FILE")
        group.add_argument("--passphrase-fd", metavar="N", type=int,
                           help="read the passphrase from file descriptor N")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; imports the command modules."""
    from partsjournal.cli import export_commands, peer_commands, vault_commands

    parser = Parser(
        prog="parts-journal",
        description="Parts Journal: a private, encrypted journal for IFS parts work. "
                    "With no command it opens the app.",
        epilog=EXIT_CODES_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--vault", type=Path, default=None,
                        help="open the app at the unlock screen of this vault folder")
    sub = parser.add_subparsers(dest="command", parser_class=Parser, metavar="COMMAND")

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_text: str,
            passphrase: bool = True, unlocks: bool = True,
            new_passphrase: bool = True) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text, description=help_text,
                                 epilog=EXIT_CODES_HELP,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
        vault_options(command, passphrase, unlocks, new_passphrase)
        command.set_defaults(handler=handler)
        return command

    vault_commands.add_commands(add)
    peer_commands.add_commands(add, sub)
    export_commands.add_commands(add)
    return parser


def command_names(parser: argparse.ArgumentParser) -> set[str]:
    """The subcommand names of a parser made by :func:`build_parser`."""
    return {name for action in parser._subparsers._group_actions  # type: ignore[union-attr]
            for name in getattr(action, "choices", {}) or {}}
