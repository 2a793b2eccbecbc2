"""``parts-journal``: the app with no arguments, and a companion for the same vault services.

Modelled on keepassxc-cli. Passphrases come from the terminal without echo, or from
``--passphrase-file`` / ``--passphrase-fd`` for scripts — never from the command line itself,
where other users could read them in the process list.

This module is what runs first, so it stays small: opening the app does not build the parser,
nor even import it: ``base`` (the parser, the secret input and the errors they report) and the
command modules (``vault_commands``, ``peer_commands``, ``export_commands``) are imported only
when a command runs. The exit codes are in ``exits``, which imports nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from partsjournal.cli.exits import (
    EXIT_DAMAGED,
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_NEWER_VERSION,
    EXIT_NOT_FOUND,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    EXIT_WRONG_PASSPHRASE,
)
from partsjournal.hardening import harden

__all__ = [
    "EXIT_DAMAGED",
    "EXIT_ERROR",
    "EXIT_INTERRUPTED",
    "EXIT_NEWER_VERSION",
    "EXIT_NOT_FOUND",
    "EXIT_OK",
    "EXIT_REFUSED",
    "EXIT_USAGE",
    "EXIT_WRONG_PASSPHRASE",
    "OPENABLE_SUFFIXES",
    "harden_process",
    "main",
    "plain_app_launch",
    "split_file_argument",
]


def harden_process() -> None:
    """Private files, no core dumps, not readable by other processes (see hardening.py)."""
    harden()


#: Files the app opens when given on the command line (a file manager's "Open with").
OPENABLE_SUFFIXES = (".pjbundle", ".pjcard")


def split_file_argument(argv: Sequence[str], commands: set[str]) -> tuple[list[str], Path | None]:
    """Take ``FILE.pjbundle`` / ``FILE.pjcard`` out of an app launch (no subcommand given)."""
    args = list(argv)
    skip = False
    for i, arg in enumerate(args):
        if skip:
            skip = False
            continue
        if arg == "--vault":
            skip = True
            continue
        if arg.startswith("-"):
            continue
        if arg in commands:
            return args, None
        if Path(arg).suffix.lower() in OPENABLE_SUFFIXES:
            return args[:i] + args[i + 1:], Path(arg).expanduser().absolute()
        return args, None
    return args, None


def plain_app_launch(argv: Sequence[str]) -> tuple[Path | None, Path | None] | None:
    """(vault, file) when the command line only opens the app; None for anything else.

    Opening the app is what most launches do, and building the full command-line parser for it
    would add to the time before the first window shows.
    """
    vault: Path | None = None
    opened: Path | None = None
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg == "--vault" and args:
            vault = Path(args.pop(0))
        elif arg.startswith("--vault="):
            vault = Path(arg.split("=", 1)[1])
        elif not arg.startswith("-") and opened is None \
                and Path(arg).suffix.lower() in OPENABLE_SUFFIXES:
            opened = Path(arg).expanduser().absolute()
        else:
            return None
    return vault, opened


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code. Errors are one sentence on stderr."""
    harden_process()
    launch = plain_app_launch(sys.argv[1:] if argv is None else argv)
    if launch is not None:
        from partsjournal.ui.app.application import run_app

        return int(run_app(vault=launch[0], open_file=launch[1]))
    from partsjournal.cli.base import CliError, build_parser, command_names, exit_code_for
    from partsjournal.errors import JournalError

    parser = build_parser()
    remaining, open_file = split_file_argument(sys.argv[1:] if argv is None else argv,
                                               command_names(parser))
    args = parser.parse_args(remaining)
    if args.command is None:
        from partsjournal.ui.app.application import run_app

        return int(run_app(vault=args.vault, open_file=open_file))
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
