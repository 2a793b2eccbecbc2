"""Qt translators: English plural forms first, then the person's language where one is shipped.

Counted sentences are written once with Qt's ``%n`` (``self.tr("%n journal entries", "", n)``)
so each language can have the plural forms it needs. English needs a translation file too: the
source text is one form, and ``partsjournal_en.qm`` gives the singular ("1 journal entry") and
plural. The files live in package data (``data/translations/``); ``make translations`` rebuilds
them from the code (tools/translations.py, docs/architecture.md).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

import partsjournal.data

#: The file name of a language's translation: partsjournal_<language>.qm.
PREFIX = "partsjournal_"


#: Where the .qm files are: package data beside the code. A plain path, not importlib.resources,
#: which costs a few milliseconds of imports before the first page (docs/performance.md); the
#: package is always installed as files (a wheel, or the packaged app's folder), never zipped.
FOLDER = Path(partsjournal.data.__file__).parent / "translations"


def _load(language: str, parent: QCoreApplication) -> QTranslator | None:
    path = FOLDER / f"{PREFIX}{language}.qm"
    if not path.is_file():
        return None
    translator = QTranslator(parent)
    if not translator.load(str(path)):
        return None
    return translator


def install_translations(app: QCoreApplication, locale: QLocale | None = None) -> list[str]:
    """Install English plurals, then the locale's language if shipped; return what was loaded.

    Qt asks the most recently installed translator first, so the person's language wins and
    English fills in whatever it lacks. Installing twice (tests, a second window) is harmless:
    a language already installed on ``app`` is skipped.
    """
    installed: list[str] = app.property("partsjournalLanguages") or []
    wanted = ["en"]
    language = (locale or QLocale()).name().split("_")[0]
    if language != "en":
        wanted.append(language)
    for name in wanted:
        if name in installed:
            continue
        translator = _load(name, app)
        if translator is not None and QCoreApplication.installTranslator(translator):
            installed.append(name)
    app.setProperty("partsjournalLanguages", installed)
    return list(installed)
