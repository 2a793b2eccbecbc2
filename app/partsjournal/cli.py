"""``parts-journal``: the app with no arguments, and a companion for the same vault services.

Modelled on keepassxc-cli. Passphrases come from the terminal without echo, or from
``--passphrase-file`` / ``--passphrase-fd`` for scripts — never from the command line itself,
where other users could read them in the process list.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from partsjournal import __version__
from partsjournal.cli_unlock import (
    EXIT_ERROR,
    EXIT_USAGE,
    CliError,
    add_unlock_options,
    read_new_passphrase,
    read_passphrase,
    read_unlock_secret,
    unlock,
)
from partsjournal.errors import (
    BackupError,
    ExchangeError,
    JournalError,
    ValidationError,
    VaultCorrupted,
    VaultExists,
    VaultFromNewerVersion,
    VaultNotFound,
    WrongPassphrase,
)
from partsjournal.hardening import harden
from partsjournal.vault.locations import default_vault_dir

if TYPE_CHECKING:
    from partsjournal.exchange.card import ContactCard
    from partsjournal.vault import Vault
    from partsjournal.vault.peers import Peer

EXIT_OK = 0
EXIT_WRONG_PASSPHRASE = 3
EXIT_DAMAGED = 4
EXIT_NOT_FOUND = 5
EXIT_NEWER_VERSION = 6
EXIT_REFUSED = 7
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
  7    a contact card or bundle was refused (damaged, altered, not for this
       vault, or from someone who is not a peer); nothing was changed
  130  interrupted
"""


def harden_process() -> None:
    """Private files, no core dumps, not readable by other processes (see hardening.py)."""
    harden()


def _vault() -> type[Vault]:
    """The Vault class, imported on first use.

    ``parts-journal`` with no command opens the app, which should not wait for SQLite and the
    crypto library to load before showing its first window (see vault/__init__).
    """
    from partsjournal.vault import Vault

    return Vault


def _unlock(args: argparse.Namespace, *, auto_backup: bool = True) -> Vault:
    return unlock(args, auto_backup=auto_backup)[0]


# Subcommands -------------------------------------------------------------------------------

def cmd_init(args: argparse.Namespace) -> int:
    """Create a vault and print its recovery code once."""
    passphrase = read_passphrase(args, "New passphrase: ", confirm=True)
    vault, code = _vault().create(args.vault, passphrase)
    vault.lock()
    print(f"Created a new journal in {args.vault}.")
    print("Your recovery code (write it down and keep it somewhere safe; it is shown only once):")
    print(f"  {code}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    """Create a vault filled with the sample journal."""
    from partsjournal.vault.demo import populate

    passphrase = read_passphrase(args, "Passphrase for the sample vault: ", confirm=True)
    vault, code = _vault().create(args.vault, passphrase)
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


# Peers and bundles -------------------------------------------------------------------------

def _confirm(args: argparse.Namespace, question: str) -> bool:
    """``--yes``, or ask on the terminal; refuses to guess when there is no terminal."""
    if getattr(args, "yes", False):
        return True
    if not sys.stdin.isatty():
        raise CliError("No terminal to confirm on; add --yes to go ahead without asking.",
                       EXIT_USAGE)
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")


def cmd_card(args: argparse.Namespace) -> int:
    """Print this vault's contact card (or write it as a .pjcard file)."""
    from partsjournal.vault.fsutil import atomic_write

    vault = _unlock(args)
    try:
        if args.name is not None:
            vault.identity.set_display_name(args.name)
        try:
            card = vault.identity.card()
        except ValidationError as exc:
            raise CliError(f"{exc} Run: parts-journal card --name NAME") from exc
    finally:
        vault.lock()
    if args.out:
        atomic_write(Path(args.out), card.to_bytes())
        print(f"Your contact card ({card.display_name}) was written to {args.out}.")
        print(f"Fingerprint: {card.fingerprint}")
    else:
        sys.stdout.write(card.to_armored())
        print(f"Fingerprint: {card.fingerprint}", file=sys.stderr)
    return EXIT_OK


def _read_card_argument(path: str) -> ContactCard:
    from partsjournal.exchange.card import MAX_CARD_FILE, read_card, read_card_file

    if path == "-":
        return read_card(sys.stdin.buffer.read(MAX_CARD_FILE + 1))
    return read_card_file(Path(path))


def _print_safety_number(vault: Vault, peer: Peer) -> None:
    print(f"Safety number for you and {peer.name}:")
    for row in vault.peers.safety_number(peer).rows():
        print(f"    {row}")


def cmd_peer_add(args: argparse.Namespace) -> int:
    """Add a peer from their contact card (file, or - for pasted text on stdin)."""
    card = _read_card_argument(args.card)
    vault = _unlock(args)
    try:
        peer = vault.peers.add(card, args.name)
        print(f"Added {peer.name} (not verified yet). Fingerprint: {peer.fingerprint}")
        _print_safety_number(vault, peer)
    finally:
        vault.lock()
    print("Compare these digits with the ones they see, in person or on a call, then run:")
    print(f"    parts-journal peer verify {_quote(peer.name)}")
    return EXIT_OK


def _quote(text: str) -> str:
    return text if text.replace("-", "").replace("_", "").isalnum() else repr(text)


def cmd_peer_list(args: argparse.Namespace) -> int:
    """List peers, tab-separated: name, verified or not, fingerprint, parts received."""
    vault = _unlock(args)
    try:
        for peer in vault.peers.list():
            status = "verified" if peer.verified else "not verified"
            print(f"{_cell(peer.name)}\t{status}\t{peer.fingerprint.hex}\t"
                  f"{vault.received.count(peer.id)}")
    finally:
        vault.lock()
    return EXIT_OK


def cmd_peer_verify(args: argparse.Namespace) -> int:
    """Show the safety number and mark the peer verified once both see the same digits."""
    vault = _unlock(args)
    try:
        peer = vault.peers.find(args.peer)
        _print_safety_number(vault, peer)
        print(f"Ask {peer.name} to read out the digits they see. Mark them verified only if all "
              "60 digits match.")
        if not _confirm(args, f"Do all the digits match what {peer.name} sees?"):
            raise CliError(f"{peer.name} was not marked as verified.")
        vault.peers.mark_verified(peer.id)
    finally:
        vault.lock()
    print(f"{peer.name} is now verified.")
    return EXIT_OK


def cmd_peer_unverify(args: argparse.Namespace) -> int:
    """Take back a verification."""
    vault = _unlock(args)
    try:
        peer = vault.peers.mark_unverified(vault.peers.find(args.peer).id)
    finally:
        vault.lock()
    print(f"{peer.name} is no longer marked as verified.")
    return EXIT_OK


def cmd_peer_remove(args: argparse.Namespace) -> int:
    """Forget a peer and everything received from them."""
    vault = _unlock(args)
    try:
        peer = vault.peers.find(args.peer)
        count = vault.received.count(peer.id)
        if not _confirm(args, f"Remove {peer.name} and the {count} part(s) received from them?"):
            raise CliError(f"{peer.name} was not removed.")
        vault.peers.remove(peer.id)
    finally:
        vault.lock()
    print(f"Removed {peer.name}.")
    return EXIT_OK


def _own_part_id(vault: Vault, text: str, shared: dict[str, str] | None = None) -> str:
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


def cmd_share(args: argparse.Namespace) -> int:
    """Write an encrypted bundle of chosen parts and fields for one peer."""
    from partsjournal.exchange.payload import DEFAULT_FIELDS, SHAREABLE_FIELDS
    from partsjournal.exchange.sharing import ShareFlow

    names = [name for group in args.part for name in group]
    withdraw = [name for group in args.withdraw for name in group]
    message = args.message or ""
    if args.message_file:
        try:
            message = Path(args.message_file).read_text(encoding="utf-8").rstrip("\n")
        except (OSError, UnicodeDecodeError) as exc:
            raise CliError(f"Can't read the message file {args.message_file}.") from exc
    if args.fields is None:
        fields: tuple[str, ...] = DEFAULT_FIELDS
    elif args.fields.strip().lower() == "all":
        fields = SHAREABLE_FIELDS
    else:
        fields = tuple(f.strip() for f in args.fields.split(",") if f.strip())
    vault = _unlock(args)
    try:
        flow = ShareFlow(vault)
        peer = flow.choose_peer(vault.peers.find(args.to).id)
        flow.choose_parts([_own_part_id(vault, n) for n in names])
        fields = flow.set_fields_for_all(fields)
        shared = flow.withdrawable()
        flow.choose_withdrawals([_own_part_id(vault, n, shared) for n in withdraw])
        flow.message = message
        entry = flow.write(Path(args.out), overwrite=args.force)
    finally:
        vault.lock()
    what = [f"{len(entry.parts)} part(s) with the fields {', '.join(fields)}"] \
        if entry.parts else []
    what += [f"withdrawing {len(entry.withdrawn)} part(s)"] if entry.withdrawn else []
    what += ["a message"] if message and not what else []
    print(f"Wrote {args.out} for {peer.name}: {'; '.join(what)}.")
    print(f"Only {peer.name}'s journal can open it.")
    if not peer.verified:
        print(f"Note: you have not verified {peer.name}'s safety number yet. Make sure their card "
              f"is really theirs: parts-journal peer verify {_quote(peer.name)}")
    return EXIT_OK


def cmd_receive(args: argparse.Namespace) -> int:
    """Show what a bundle would change, then import it after confirmation."""
    from partsjournal.exchange.bundle import check_header, read_bundle_file
    from partsjournal.exchange.importing import BundleImport

    data = read_bundle_file(Path(args.file))
    check_header(data)  # refuse what is plainly not a bundle before asking for a passphrase
    vault = _unlock(args)
    try:
        pending = BundleImport.from_bytes(vault, data)
        for line in pending.preview.summary_lines():
            print(line)
        if not _confirm(args, "Import this bundle?"):
            raise CliError("Nothing was imported.")
        result = pending.apply()
    finally:
        vault.lock()
    print(f"Imported from {result.peer.name}: {result.added} new, {result.updated} updated, "
          f"{result.withdrawn} removed.")
    return EXIT_OK


# Summaries and data export ----------------------------------------------------------------

NOT_ENCRYPTED = ("parts-journal: note: {out} is not encrypted. Anyone who can read it can read "
                 "what it says; keep it somewhere private and delete it when you no longer "
                 "need it.")


def _date_argument(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-01") from None


def cmd_export(args: argparse.Namespace) -> int:
    """A therapy-prep summary (pdf, md) or everything (json, markdown): plaintext, with a note."""
    names = [name for group in args.part for name in group]
    if args.summary and args.format not in ("pdf", "md"):
        raise CliError("A summary is written with --format pdf or --format md.", EXIT_USAGE)
    if args.summary and args.since is None:
        raise CliError("A summary needs --since DATE (and optionally --until DATE).", EXIT_USAGE)
    if not args.summary and args.format not in ("json", "markdown"):
        raise CliError("A full export is --format json or --format markdown; add --summary for "
                       "a pdf or md summary.", EXIT_USAGE)
    if not args.summary and (args.since or args.until or names):
        raise CliError("--since, --until and --part are for --summary.", EXIT_USAGE)
    out = Path(args.out)
    if args.format != "markdown" and out.exists() and not args.force:
        raise CliError(f"{out} already exists; choose another name or add --force.")
    from partsjournal.reports.export import export_json, export_markdown
    from partsjournal.reports.summary import build_summary, to_markdown

    text = ""
    vault = _unlock(args)
    try:
        if args.summary:
            summary = build_summary(vault, args.since, args.until,
                                    [_own_part_id(vault, name) for name in names] or None)
            text = to_markdown(summary)
            what = f"a summary of {len(summary.entries)} entries"
        elif args.format == "json":
            export_json(vault, out, overwrite=args.force)
            what = "everything in your journal, as JSON"
        else:
            out = export_markdown(vault, out).parent
            what = "everything in your journal, as a folder of Markdown files"
    finally:
        vault.lock()
    if args.format == "pdf":
        _write_summary_pdf(text, out)
    elif args.format == "md":
        from partsjournal.vault.fsutil import atomic_write

        atomic_write(out, text.encode("utf-8"))
    print(f"Wrote {what} to {out}.")
    print(NOT_ENCRYPTED.format(out=out), file=sys.stderr)
    return EXIT_OK


def _write_summary_pdf(text: str, out: Path) -> None:
    """Render with Qt's PDF writer on an offscreen QGuiApplication made for this command only."""
    try:
        from partsjournal.ui.summary_pdf import write_pdf_without_window
    except ImportError as exc:
        raise CliError("Writing a PDF needs Qt (PySide6), which isn't available here; use "
                       "--format md instead.") from exc
    write_pdf_without_window(text, out)


def cmd_import_json(args: argparse.Namespace) -> int:
    """Create a new vault holding everything from a JSON export (docs/export-format.md)."""
    from partsjournal.reports.importer import read_export
    from partsjournal.vault.transfer import write_snapshot

    snapshot = read_export(Path(args.file))  # a bad file is refused before anything is made
    folder = Path(args.vault)
    _vault().check_can_create(folder)
    existed = folder.exists()
    passphrase = read_passphrase(args, "New passphrase: ", confirm=True)
    vault, code = _vault().create(folder, passphrase)
    try:
        write_snapshot(vault, snapshot)
    except BaseException:
        vault.lock()
        if not existed:
            import shutil

            shutil.rmtree(folder, ignore_errors=True)
        raise
    vault.lock()
    print(f"Imported {len(snapshot.parts)} parts, {len(snapshot.entries)} entries, "
          f"{len(snapshot.peers)} peers and {len(snapshot.received_parts)} received parts into "
          f"a new journal in {folder}.")
    print("Your recovery code (write it down and keep it somewhere safe; it is shown only once):")
    print(f"  {code}")
    if snapshot.peers:
        print("This journal has a new contact card (an export never holds your private keys). "
              "Give your peers the new card (parts-journal card) and compare safety numbers "
              "again.")
    return EXIT_OK


# Parser ------------------------------------------------------------------------------------

class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"parts-journal: {message}\n")


def _vault_options(parser: argparse.ArgumentParser, passphrase: bool = True,
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
            passphrase: bool = True, unlocks: bool = True,
            new_passphrase: bool = True) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text, description=help_text,
                                 epilog=EXIT_CODES_HELP,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
        _vault_options(command, passphrase, unlocks, new_passphrase)
        command.set_defaults(handler=handler)
        return command

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
    _exchange_commands(add, sub)
    _export_commands(add)
    return parser


def _exchange_commands(add: Callable[..., argparse.ArgumentParser],
                       sub: argparse._SubParsersAction[_Parser]) -> None:
    """``card``, ``peer ...``, ``share`` and ``receive`` (DESIGN §5, §7)."""
    card = add("card", cmd_card, "print your contact card (or write it to a .pjcard file)")
    card.add_argument("--out", metavar="FILE", help="write a .pjcard file instead of printing")
    card.add_argument("--name", help="set the name your peers see on your card")

    peer = sub.add_parser("peer", help="add, list, verify or remove peers",
                          description="Manage the peers you exchange part bundles with. PEER "
                                      "is a peer's name or the start of their fingerprint.",
                          epilog=EXIT_CODES_HELP,
                          formatter_class=argparse.RawDescriptionHelpFormatter)
    peer_sub = peer.add_subparsers(dest="peer_command", parser_class=_Parser, metavar="ACTION",
                                   required=True)

    def peer_add(name: str, handler: Callable[[argparse.Namespace], int],
                 help_text: str) -> argparse.ArgumentParser:
        command = peer_sub.add_parser(name, help=help_text, description=help_text,
                                      epilog=EXIT_CODES_HELP,
                                      formatter_class=argparse.RawDescriptionHelpFormatter)
        _vault_options(command)
        command.set_defaults(handler=handler)
        return command

    added = peer_add("add", cmd_peer_add, "add a peer from their contact card")
    added.add_argument("card", metavar="CARD_FILE",
                       help="a .pjcard file or a text file with the card block (- for stdin)")
    added.add_argument("--name", help="what to call this peer (default: the name on the card)")
    peer_add("list", cmd_peer_list, "list peers: name, verified, fingerprint, parts received")
    verify = peer_add("verify", cmd_peer_verify,
                      "show the safety number and mark the peer verified")
    verify.add_argument("peer", metavar="PEER")
    verify.add_argument("--yes", action="store_true",
                        help="mark verified without asking (only after comparing the digits)")
    unverify = peer_add("unverify", cmd_peer_unverify, "take back a verification")
    unverify.add_argument("peer", metavar="PEER")
    remove = peer_add("remove", cmd_peer_remove,
                      "forget a peer and the parts received from them")
    remove.add_argument("peer", metavar="PEER")
    remove.add_argument("--yes", action="store_true", help="don't ask for confirmation")

    share = add("share", cmd_share, "write an encrypted bundle of chosen parts for a peer")
    share.add_argument("--to", required=True, metavar="PEER",
                       help="the peer's name or the start of their fingerprint")
    share.add_argument("--part", action="append", nargs="+", default=[], metavar="NAME",
                       help="a part to share (repeatable)")
    share.add_argument("--fields", metavar="F1,F2,...",
                       help="fields to share, comma-separated, or 'all' (default: name,role,job;"
                            " the name is always shared)")
    share.add_argument("--withdraw", action="append", nargs="+", default=[], metavar="NAME",
                       help="a part shared before that the peer should remove (repeatable)")
    message = share.add_mutually_exclusive_group()
    message.add_argument("--message-file", metavar="FILE",
                         help="a message for the peer, from a UTF-8 text file")
    message.add_argument("--message", metavar="TEXT", help="a short message for the peer")
    share.add_argument("--out", required=True, metavar="FILE", help="the .pjbundle to write")
    share.add_argument("--force", action="store_true", help="replace FILE if it exists")

    receive = add("receive", cmd_receive, "preview a bundle from a peer and import it")
    receive.add_argument("file", metavar="FILE", help="the .pjbundle file")
    receive.add_argument("--yes", action="store_true", help="import without asking")


def _export_commands(add: Callable[..., argparse.ArgumentParser]) -> None:
    """``export`` (summary or everything) and ``import-json`` (into a new vault)."""
    export = add("export", cmd_export,
                 "write a therapy-prep summary (--summary, pdf or md) or everything (json or "
                 "markdown); the output is NOT encrypted")
    export.add_argument("--summary", action="store_true",
                        help="a therapy-prep summary of the days --since to --until")
    export.add_argument("--since", type=_date_argument, metavar="DATE",
                        help="first day of the summary (YYYY-MM-DD)")
    export.add_argument("--until", type=_date_argument, metavar="DATE",
                        help="last day of the summary (default: today)")
    export.add_argument("--part", action="append", nargs="+", default=[], metavar="NAME",
                        help="only entries where this part showed up (repeatable)")
    export.add_argument("--format", required=True, choices=("pdf", "md", "json", "markdown"),
                        help="pdf or md for --summary; json or markdown (a folder) for everything")
    export.add_argument("--out", required=True, metavar="PATH",
                        help="the file to write (for markdown: a new or empty folder)")
    export.add_argument("--force", action="store_true", help="replace the file if it exists")
    imported = add("import-json", cmd_import_json,
                   "create a new vault from a JSON export (asks for the new passphrase)",
                   unlocks=False)
    imported.add_argument("file", metavar="FILE", help="the .json file written by export")


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
        from partsjournal.ui.app import run_app

        return run_app(vault=launch[0], open_file=launch[1])
    parser = build_parser()
    commands = {name for action in parser._subparsers._group_actions  # type: ignore[union-attr]
                for name in getattr(action, "choices", {}) or {}}
    remaining, open_file = split_file_argument(sys.argv[1:] if argv is None else argv, commands)
    args = parser.parse_args(remaining)
    if args.command is None:
        from partsjournal.ui.app import run_app

        return run_app(vault=args.vault, open_file=open_file)
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
