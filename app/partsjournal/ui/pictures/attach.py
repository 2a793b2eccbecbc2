"""Where pictures show: a Pictures tab on a part's page, and a strip in an entry's details."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from partsjournal.ui.parts.extra_tabs import attach_part_tab
from partsjournal.ui.pictures.picture_strip import PictureStrip, tr
from partsjournal.vault import Vault


def attach_part_pictures(parts_view: QWidget, vault: Vault) -> PictureStrip:
    """The Pictures tab of the Parts page."""
    strip = PictureStrip(vault, parts_view)
    strip.setObjectName("partPictures")
    attach_part_tab(parts_view, strip, tr("Pictures"),
                    lambda part_id: strip.show_owner(part_id=part_id))
    return strip


__all__ = ["attach_part_pictures"]
