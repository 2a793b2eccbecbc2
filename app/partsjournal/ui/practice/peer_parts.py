"""A received part's shared fields as text, for the peer-session panel beside the peer's parts.

The list of the peer's parts itself is the Peers page's :class:`ReceivedPartsModel`.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

from partsjournal.ui.common.vocabulary import field_label, role_label, stage_label
from partsjournal.vault.peers import ReceivedPart

Index = QModelIndex | QPersistentModelIndex


def describe_received(part: ReceivedPart) -> str:
    """The shared fields of a received part as plain text (shown with setPlainText)."""
    lines = [part.name, ""]
    for name in part.field_names:
        if name in ("name", "color"):
            continue
        if name == "role":
            value = role_label(part.role) if part.role else part.text(name)
        elif name == "stage":
            value = stage_label(part.stage) if part.stage else part.text(name)
        else:
            value = part.text(name)
        if value.strip():
            lines += [f"{field_label(name)}:", value.strip(), ""]
    return "\n".join(lines).rstrip()
