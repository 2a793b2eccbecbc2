"""Screenshots of the body map, light and dark: a part's Body tab and the Body page.

``tools.screenshots.render`` calls :func:`render_for_screenshots` with the sample vault; the
spots are placed here on a few of the sample's parts.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from partsjournal.domain.body_map import BodySpot, Side, SpotSize, centre_of, region
from partsjournal.ui.common.theme import apply_theme
from partsjournal.vault import Vault


def _grab(widget: QWidget, path: Path, size: QSize) -> Path:
    widget.resize(size)
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    widget.grab().save(str(path))
    return path


def _place(vault: Vault) -> str:
    """Spots on the sample's first parts; returns the id of the part with the most."""
    parts = vault.parts.list()
    plan = [(Side.FRONT, "chest", SpotSize.LARGE, "tight band across the chest"),
            (Side.FRONT, "throat", SpotSize.SMALL, ""),
            (Side.BACK, "shoulders", SpotSize.MEDIUM, "carrying everything")]
    for side, key, size, note in plan:
        vault.body_spots.add(BodySpot(parts[0].id, side, key, *centre_of(region(side, key)),
                                      size, note))
    others = [(Side.FRONT, "belly", SpotSize.MEDIUM, "a hollow feeling"),
              (Side.FRONT, "face", SpotSize.SMALL, "heat"),
              (Side.BACK, "lower_back", SpotSize.LARGE, ""),
              (Side.FRONT, "hands", SpotSize.SMALL, "restless")]
    for part, (side, key, size, note) in zip(parts[1:], others, strict=False):
        vault.body_spots.add(BodySpot(part.id, side, key, *centre_of(region(side, key)),
                                      size, note))
    return parts[0].id


def render_for_screenshots(vault: Vault, out: Path, theme: str) -> list[Path]:
    """The Body tab of a part and the Body page in ``theme``; places a few spots in ``vault``."""
    from partsjournal.ui.body.body_page import BodyPage
    from partsjournal.ui.body.part_body import PartBodySection

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme)
    out.mkdir(parents=True, exist_ok=True)
    empty = BodyPage(vault)
    empty.reload()
    shots = [_grab(empty, out / f"body-page-empty-{theme}.png", QSize(900, 600))]
    part_id = _place(vault)
    section = PartBodySection(vault)
    section.show_part(part_id)
    section.list.setCurrentIndex(section.model.index(0, 0))
    shots.append(_grab(section, out / f"body-part-{theme}.png", QSize(900, 560)))
    page = BodyPage(vault)
    page.reload()
    shots.append(_grab(page, out / f"body-page-{theme}.png", QSize(1000, 640)))
    for widget in (empty, section, page):
        widget.close()
        widget.deleteLater()
    return shots
