"""Commands that take everything out of a vault, or put it into a new one: export, import-json.

What they write and read is described in docs/export-format.md.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from partsjournal.cli.base import (
    EXIT_OK,
    EXIT_USAGE,
    AddCommand,
    CliError,
    own_part_id,
    read_passphrase,
    unlock_vault,
    vault_class,
)

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
    from partsjournal.archive.json_export import export_json
    from partsjournal.archive.markdown_export import export_markdown
    from partsjournal.reports.summary import build_summary, to_markdown

    text = ""
    vault = unlock_vault(args)
    try:
        if args.summary:
            summary = build_summary(vault, args.since, args.until,
                                    [own_part_id(vault, name) for name in names] or None)
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
        from partsjournal.ui.export.summary_pdf import write_pdf_without_window
    except ImportError as exc:
        raise CliError("Writing a PDF needs Qt (PySide6), which isn't available here; use "
                       "--format md instead.") from exc
    write_pdf_without_window(text, out)


def cmd_import_json(args: argparse.Namespace) -> int:
    """Create a new vault holding everything from a JSON export (docs/export-format.md)."""
    from partsjournal.archive.json_import import read_export

    snapshot = read_export(Path(args.file))  # a bad file is refused before anything is made
    folder = Path(args.vault)
    vault_class().check_can_create(folder)
    existed = folder.exists()
    passphrase = read_passphrase(args, "New passphrase: ", confirm=True)
    vault, code = vault_class().create(folder, passphrase)
    try:
        vault.write_snapshot(snapshot)
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


def add_commands(add: AddCommand) -> None:
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

