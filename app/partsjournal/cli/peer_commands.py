"""Commands for peers and the bundles exchanged with them: card, peer ..., share, receive.

The files involved are described in docs/contact-card.md and docs/bundle-format.md.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from partsjournal.cli.base import (
    EXIT_CODES_HELP,
    EXIT_OK,
    AddCommand,
    CliError,
    Parser,
    cell,
    confirm,
    own_part_id,
    quote,
    unlock_vault,
    vault_options,
)
from partsjournal.errors import ValidationError

if TYPE_CHECKING:
    from partsjournal.exchange.card import ContactCard
    from partsjournal.vault import Vault
    from partsjournal.vault.peers import Peer


def cmd_card(args: argparse.Namespace) -> int:
    """Print this vault's contact card (or write it as a .pjcard file)."""
    from partsjournal.vault.fsutil import atomic_write

    vault = unlock_vault(args)
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
    vault = unlock_vault(args)
    try:
        peer = vault.peers.add(card, args.name)
        print(f"Added {peer.name} (not verified yet). Fingerprint: {peer.fingerprint}")
        _print_safety_number(vault, peer)
    finally:
        vault.lock()
    print("Compare these digits with the ones they see, in person or on a call, then run:")
    print(f"    parts-journal peer verify {quote(peer.name)}")
    return EXIT_OK


def cmd_peer_list(args: argparse.Namespace) -> int:
    """List peers, tab-separated: name, verified or not, fingerprint, parts received."""
    vault = unlock_vault(args)
    try:
        for peer in vault.peers.list():
            status = "verified" if peer.verified else "not verified"
            print(f"{cell(peer.name)}\t{status}\t{peer.fingerprint.hex}\t"
                  f"{vault.received.count(peer.id)}")
    finally:
        vault.lock()
    return EXIT_OK


def cmd_peer_verify(args: argparse.Namespace) -> int:
    """Show the safety number and mark the peer verified once both see the same digits."""
    vault = unlock_vault(args)
    try:
        peer = vault.peers.find(args.peer)
        _print_safety_number(vault, peer)
        print(f"Ask {peer.name} to read out the digits they see. Mark them verified only if all "
              "60 digits match.")
        if not confirm(args, f"Do all the digits match what {peer.name} sees?"):
            raise CliError(f"{peer.name} was not marked as verified.")
        vault.peers.mark_verified(peer.id)
    finally:
        vault.lock()
    print(f"{peer.name} is now verified.")
    return EXIT_OK


def cmd_peer_unverify(args: argparse.Namespace) -> int:
    """Take back a verification."""
    vault = unlock_vault(args)
    try:
        peer = vault.peers.mark_unverified(vault.peers.find(args.peer).id)
    finally:
        vault.lock()
    print(f"{peer.name} is no longer marked as verified.")
    return EXIT_OK


def cmd_peer_remove(args: argparse.Namespace) -> int:
    """Forget a peer and everything received from them."""
    vault = unlock_vault(args)
    try:
        peer = vault.peers.find(args.peer)
        count = vault.received.count(peer.id)
        if not confirm(args, f"Remove {peer.name} and the {count} part(s) received from them?"):
            raise CliError(f"{peer.name} was not removed.")
        vault.peers.remove(peer.id)
    finally:
        vault.lock()
    print(f"Removed {peer.name}.")
    return EXIT_OK


def cmd_share(args: argparse.Namespace) -> int:
    """Write an encrypted bundle of chosen parts and fields for one peer."""
    from partsjournal.exchange.payload import DEFAULT_FIELDS, SHAREABLE_FIELDS
    from partsjournal.flows.sharing import ShareFlow

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
    vault = unlock_vault(args)
    try:
        flow = ShareFlow(vault)
        peer = flow.choose_peer(vault.peers.find(args.to).id)
        flow.choose_parts([own_part_id(vault, n) for n in names])
        fields = flow.set_fields_for_all(fields)
        shared = flow.withdrawable()
        flow.choose_withdrawals([own_part_id(vault, n, shared) for n in withdraw])
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
              f"is really theirs: parts-journal peer verify {quote(peer.name)}")
    return EXIT_OK


def cmd_receive(args: argparse.Namespace) -> int:
    """Show what a bundle would change, then import it after confirmation."""
    from partsjournal.exchange.bundle import check_header, read_bundle_file
    from partsjournal.flows.importing import BundleImport

    data = read_bundle_file(Path(args.file))
    check_header(data)  # refuse what is plainly not a bundle before asking for a passphrase
    vault = unlock_vault(args)
    try:
        pending = BundleImport.from_bytes(vault, data)
        for line in pending.preview.summary_lines():
            print(line)
        if not confirm(args, "Import this bundle?"):
            raise CliError("Nothing was imported.")
        result = pending.apply()
    finally:
        vault.lock()
    print(f"Imported from {result.peer.name}: {result.added} new, {result.updated} updated, "
          f"{result.withdrawn} removed.")
    return EXIT_OK


def add_commands(add: AddCommand, sub: argparse._SubParsersAction[Parser]) -> None:
    """``card``, ``peer ...``, ``share`` and ``receive``."""
    card = add("card", cmd_card, "print your contact card (or write it to a .pjcard file)")
    card.add_argument("--out", metavar="FILE", help="write a .pjcard file instead of printing")
    card.add_argument("--name", help="set the name your peers see on your card")

    peer = sub.add_parser("peer", help="add, list, verify or remove peers",
                          description="Manage the peers you exchange part bundles with. PEER "
                                      "is a peer's name or the start of their fingerprint.",
                          epilog=EXIT_CODES_HELP,
                          formatter_class=argparse.RawDescriptionHelpFormatter)
    peer_sub = peer.add_subparsers(dest="peer_command", parser_class=Parser, metavar="ACTION",
                                   required=True)

    def peer_add(name: str, handler: Callable[[argparse.Namespace], int],
                 help_text: str) -> argparse.ArgumentParser:
        command = peer_sub.add_parser(name, help=help_text, description=help_text,
                                      epilog=EXIT_CODES_HELP,
                                      formatter_class=argparse.RawDescriptionHelpFormatter)
        vault_options(command)
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
