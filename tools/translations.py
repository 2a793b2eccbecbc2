"""``make translations``: the English plural forms, rebuilt from the code.

Runs Qt's ``lupdate`` over the whole package into data/translations/partsjournal_en.ts, keeps
only the counted (``%n``) messages — English needs no other translation — and compiles the file
with ``lrelease``. A new ``%n`` sentence arrives with empty forms; write its singular and plural
into the .ts (the first ``numerusform`` is for 1, the second for every other number) and run this
again. tests/unit/test_translations.py fails while any counted sentence lacks its forms or the
.qm is older than the .ts.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "app" / "partsjournal"
TS = PACKAGE / "data" / "translations" / "partsjournal_en.ts"
QM = TS.with_suffix(".qm")
QT_TOOLS = Path(PySide6.__file__).parent


def sources() -> list[Path]:
    """Every module that can hold a translated sentence."""
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def update(ts: Path = TS) -> None:
    """Merge the code's counted sentences into ``ts`` (existing forms are kept)."""
    subprocess.run([str(QT_TOOLS / "lupdate"), *map(str, sources()), "-ts", str(ts),
                    "-locations", "none", "-no-obsolete", "-source-language", "en",
                    "-target-language", "en"], check=True, capture_output=True)
    keep_counted_only(ts)


def keep_counted_only(ts: Path) -> None:
    """Drop every message that is not counted, and contexts left empty."""
    tree = ET.parse(ts)
    root = tree.getroot()
    for context in list(root.findall("context")):
        for message in list(context.findall("message")):
            if message.get("numerus") != "yes":
                context.remove(message)
        if not context.findall("message"):
            root.remove(context)
    ET.indent(tree, space="    ")
    with ts.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")


def missing_forms(ts: Path = TS) -> list[str]:
    """Counted sentences whose English forms are not both written."""
    missing = []
    for context in ET.parse(ts).getroot().findall("context"):
        for message in context.findall("message"):
            forms = [f.text or "" for f in message.iter("numerusform")]
            translation = message.find("translation")
            unfinished = translation is not None and translation.get("type") == "unfinished"
            if len(forms) != 2 or not all(f.strip() for f in forms) or unfinished:
                missing.append(f"{context.findtext('name')}: {message.findtext('source')}")
    return missing


def release(ts: Path = TS, qm: Path = QM) -> None:
    """Compile ``ts`` into ``qm``."""
    subprocess.run([str(QT_TOOLS / "lrelease"), str(ts), "-qm", str(qm)], check=True,
                   capture_output=True)


def main() -> int:
    """Update, report missing forms, compile."""
    update()
    missing = missing_forms()
    for line in missing:
        print(f"no English forms yet: {line}", file=sys.stderr)
    release()
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
