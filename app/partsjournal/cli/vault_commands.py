"""Commands that act on the vault itself: init, demo, check, ls, backup, restore, passwd."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from partsjournal.cli.base import (
    EXIT_DAMAGED,
    EXIT_OK,
    AddCommand,
    cell,
    read_new_passphrase,
    read_passphrase,
    read_unlock_secret,
    unlock,
    unlock_vault,
    vault_class,
)


def cmd_init(args: argparse.Namespace) -> int:
    """Create a vault and print its recovery code once."""
    passphrase = read_passphrase(args, "New passphrase: ", confirm=True)
    vault, code = vault_class().create(args.vault, passphrase)
    vault.lock()
    print(f"Created a new journal in {args.vault}.")
    print("Your recovery code (write it down and keep it somewhere safe; it is shown only once):")
    print(f"  {code}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    """Create a vault filled with the sample journal."""
    from partsjournal.flows.sample_journal import populate

    passphrase = read_passphrase(args, "Passphrase for the sample vault: ", confirm=True)
    vault, code = vault_class().create(args.vault, passphrase)
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
    vault, secret = unlock(args, auto_backup=False)
    try:
        report = vault.check(None if secret.is_recovery_code else secret.value)
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
    vault = unlock_vault(args)
    try:
        if args.what == "parts":
            for part in vault.parts.list(include_archived=True):
                print(f"{cell(part.name)}\t{part.role.value}\t{part.id}")
        else:
            for entry in vault.entries.list():
                title = entry.title or "(untitled)"
                print(f"{entry.occurred_at.astimezone().strftime('%Y-%m-%d %H:%M')}\t"
                      f"{cell(title)}\t{entry.kind.value}\t{entry.id}")
    finally:
        vault.lock()
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    """Write a manual backup."""
    vault = unlock_vault(args, auto_backup=False)
    try:
        path = vault.backup_to(Path(args.out))
    finally:
        vault.lock()
    print(f"Backup written to {path}. It opens with today's passphrase.")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Replace the vault with a backup (the replaced files are kept)."""
    secret = read_unlock_secret(args, "Passphrase of the backup")
    from partsjournal.vault import restore

    replaced = restore(args.vault, Path(args.from_),
                       passphrase=None if secret.is_recovery_code else secret.value,
                       recovery_code=secret.value if secret.is_recovery_code else None)
    print(f"Restored {args.from_} into {args.vault}.")
    if replaced is not None:
        print(f"The files it replaced are kept in {replaced}.")
    if secret.is_recovery_code:
        print("It opens with the passphrase of the backup's day, or with this recovery code "
              "(which then asks for a new passphrase).")
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace) -> int:
    """Change the passphrase; only keyslots.json is rewritten."""
    vault, _secret = unlock(args, auto_backup=False, choose_new_passphrase=False)
    try:
        vault.change_passphrase(read_new_passphrase(args))
    finally:
        vault.lock()
    print("Passphrase changed.")
    return EXIT_OK


def add_commands(add: AddCommand) -> None:
    """``init``, ``demo``, ``check``, ``ls``, ``backup``, ``restore`` and ``passwd``."""
    add("init", cmd_init, "create a new, empty vault and print its recovery code", unlocks=False)
    add("demo", cmd_demo, "create a sample vault with example parts and entries", unlocks=False)
    add("check", cmd_check, "run every integrity check on the vault")
    ls = add("ls", cmd_ls, "list parts or entries, one per line, tab-separated")
    ls.add_argument("what", choices=("parts", "entries"))
    backup = add("backup", cmd_backup, "write an encrypted backup to a file or folder")
    backup.add_argument("--out", required=True, metavar="PATH")
    rest = add("restore", cmd_restore, "replace the vault with a backup", new_passphrase=False)
    rest.add_argument("--from", dest="from_", required=True, metavar="PATH")
    add("passwd", cmd_passwd, "change the passphrase")
