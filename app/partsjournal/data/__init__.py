"""Package data: the sample journal and the app icon, read with :mod:`importlib.resources`.

Data lives in files here rather than in Python modules, and is read through
``importlib.resources`` so that it is found however the app was installed (wheel, editable
install, the PyInstaller bundle, which ships this folder as data). Nothing here imports Qt.

- ``sample-journal.json``: the sample journal ("Explore the sample vault", ``parts-journal
  demo``), a data export in exactly the documented format (docs/export-format.md). Its
  ``exported_at`` is the day the sample is written as of: loading it moves every time in it by
  the whole days from that day to today, so the sample always ends yesterday
  (``partsjournal.flows.sample_journal``).
- ``icons/app.svg`` and ``icons/app-small.svg``: the app icon and its variant for 32 px and
  below, copies of resources/icons/org.partsjournal.PartsJournal{,-small}.svg (a test keeps them
  equal).
- ``icons/ui/*.svg``: the interface icons, a few of Lucide's (ISC licence, ``icons/ui/LICENSE``)
  copied unchanged; they are drawn in ``currentColor``, which ``partsjournal.ui.common.icons``
  replaces with the palette's text colour when it paints them.
- ``translations/*.qm``: Qt's compiled translations, opened by path beside this file
  (``partsjournal.ui.common.translations``), since Qt reads them itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

SAMPLE_JOURNAL = "sample-journal.json"
UI_ICONS = ("icons", "ui")


def _files() -> Traversable:
    """This package's files; importlib.resources is loaded here, not before the first page."""
    from importlib.resources import files

    return files(__name__)


def _read(*parts: str) -> bytes:
    resource = _files()
    for part in parts:
        resource = resource.joinpath(part)
    return resource.read_bytes()


def sample_journal_bytes() -> bytes:
    """The sample journal's export file, as stored (UTF-8 JSON, times not yet moved)."""
    return _read(SAMPLE_JOURNAL)


def icon_svg(small: bool) -> bytes:
    """The app icon's SVG: the simplified variant meant for 32 px and below when ``small``."""
    return _read("icons", "app-small.svg" if small else "app.svg")


def ui_icon_names() -> list[str]:
    """The bundled interface icons' names (file names without ``.svg``), sorted."""
    folder = _files().joinpath(*UI_ICONS)
    return sorted(entry.name[:-4] for entry in folder.iterdir() if entry.name.endswith(".svg"))


def ui_icon_svg(name: str) -> bytes:
    """The SVG source of the interface icon ``name``; ``FileNotFoundError`` if there is none."""
    return _read(*UI_ICONS, f"{name}.svg")
