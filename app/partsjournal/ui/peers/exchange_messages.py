"""A way forward for every refused contact card and bundle.

The exchange layer already says *what* happened in a kind sentence (``str(error)``, which may
quote a peer's name, so it is only ever shown as plain text). This module adds *what to do next*,
chosen by the refusal's ``reason`` (docs/bundle-format.md and docs/contact-card.md list them).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from partsjournal.errors import BundleRefusal, BundleRejected, CardRefusal, CardRejected
from partsjournal.ui.common.messages import explain


def tr(text: str) -> str:
    """Translate in the exchange messages context."""
    return QCoreApplication.translate("ExchangeMessages", text)


def _bundle_ways() -> dict[BundleRefusal, str]:
    again = tr("Ask your peer to make the bundle again. If it keeps happening, one of you may "
               "need to update Parts Journal.")
    copy = tr("Copy or download the file again in full, then import it again.")
    why = BundleRefusal
    return {
        why.TOO_LARGE: tr("Check that you chose the file your peer sent you: bundles are much "
                          "smaller than this."),
        why.UNREADABLE: tr("Check that the file is still there and that you can open it, then "
                           "try again."),
        why.TRUNCATED: copy,
        why.NOT_A_BUNDLE: tr("Choose the .pjbundle file your peer sent you."),
        why.FUTURE_VERSION: tr("Install the newest Parts Journal, then import the bundle "
                               "again."),
        why.CANNOT_DECRYPT: tr("Check that this bundle was made for you. If it was, ask your "
                               "peer to make it again with your current contact card (copy it "
                               "under “My card”)."),
        why.UNKNOWN_SENDER: tr("Add their contact card with “Add a peer”, compare safety "
                               "numbers, then import the bundle again."),
        why.BAD_MAC: tr("Don't use this file. Ask your peer, in person or on a call, whether "
                        "they sent it, and ask them to send it again."),
        why.ALREADY_IMPORTED: tr("There is nothing more to do: these parts are already under "
                                 "this peer."),
        why.UNKNOWN_VERSION: again,
        why.UNSUPPORTED_SUITE: again,
    }


def _card_ways() -> dict[CardRefusal, str]:
    again = tr("Ask your peer to send their card again, and copy all of it.")
    why = CardRefusal
    return {
        why.NOT_A_CARD: tr("Paste the whole block your peer sent, from the BEGIN line to the END "
                           "line, or choose their .pjcard file."),
        why.TRUNCATED: again,
        why.CHECKSUM: again,
        why.BAD_BASE64: again,
        why.TRAILING_DATA: again,
        why.MULTIPLE_CARDS: tr("Paste one card at a time."),
        why.OWN_CARD: tr("Your own card is under “My card”. Add the card your peer gave you."),
        why.FUTURE_VERSION: tr("Install the newest Parts Journal, then add the card again."),
        why.TOO_LARGE: tr("Choose the .pjcard file your peer sent you."),
        why.UNREADABLE: tr("Check that the file is still there and that you can open it, then "
                           "try again."),
    }


def way_forward(error: BaseException) -> str:
    """What a person can do about a refused card or bundle (or any other error)."""
    if isinstance(error, BundleRejected):
        return _bundle_ways().get(error.reason, tr(
            "Ask your peer to make the bundle again. If it keeps happening, one of you may need "
            "to update Parts Journal."))
    if isinstance(error, CardRejected):
        return _card_ways().get(error.reason, tr("Ask your peer for their contact card again."))
    return explain(error)[1]


def describe(error: BaseException) -> tuple[str, str]:
    """(what happened, what you can do) for a card, bundle or any other failure."""
    return explain(error)[0], way_forward(error)
