"""How the command line gets the secret that opens a journal: a passphrase or the recovery code.

Secrets come from a file (``--passphrase-file``, ``--recovery-code-file``), a file descriptor
(``--passphrase-fd``) or the terminal without echo — never from the command line itself, where
other users can read them in the process list. Unlocking with the recovery code means the
passphrase was lost, so, as in the app, a new passphrase is chosen before anything else happens.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from partsjournal.vault import Vault

EXIT_ERROR = 1
EXIT_USAGE = 2


class CliError(Exception):
    """A failure with its exit code; printed as one sentence."""

    def __init__(self, message: str, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.code = code


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
