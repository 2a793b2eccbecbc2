"""The session agreement each peer shared last: what they asked for in their next session.

A peer can put their wishes for a session together (facilitation, how far, a pause word,
confidentiality) in a bundle (docs/bundle-format.md, ``session_agreement``). Only the latest one
from each peer is kept: it is a proposal for the next session, not a record, and the entry of
the session keeps what was actually agreed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from partsjournal.domain.session_contract import Facilitation, Reach, SessionContract
from partsjournal.vault.database import Database, Row
from partsjournal.vault.timefmt import from_db, to_db


@dataclass(frozen=True)
class ReceivedAgreement:
    """A peer's shared wishes and when they made them."""

    peer_id: str
    contract: SessionContract
    created: datetime
    received_at: datetime | None = None


_COLUMNS = "peer_id, facilitation, reach, pause_word, confidential, created, received_at"
#: Writing one row as it was (a journal export read back).
INSERT = (f"INSERT INTO received_session_agreements ({_COLUMNS}) "
          "VALUES (?, ?, ?, ?, ?, ?, ?)")


def _agreement(row: Row) -> ReceivedAgreement:
    contract = SessionContract(Facilitation(row[1]), Reach(row[2]), row[3], bool(row[4]))
    return ReceivedAgreement(row[0], contract, from_db(row[5]), from_db(row[6]))


def agreement_row(item: ReceivedAgreement) -> tuple[object, ...]:
    """The values of :data:`INSERT` for ``item``."""
    c = item.contract
    return (item.peer_id, c.facilitation.value, c.reach.value, c.pause_word,
            int(c.confidential), to_db(item.created), to_db(item.received_at or item.created))


class PeerAgreementRepository:
    """The latest session agreement from each peer (table ``received_session_agreements``)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def latest(self, peer_id: str) -> ReceivedAgreement | None:
        """What ``peer_id`` last asked for, or None if they never shared an agreement."""
        row = self._db.one(f"SELECT {_COLUMNS} FROM received_session_agreements "
                           "WHERE peer_id = ?", (peer_id,))
        return None if row is None else _agreement(row)

    def list(self) -> list[ReceivedAgreement]:
        """Every peer's latest, by when they were received (the export holds them)."""
        return [_agreement(r) for r in self._db.all(
            f"SELECT {_COLUMNS} FROM received_session_agreements ORDER BY received_at, peer_id")]

    def store_for_import(self, peer_id: str, contract: SessionContract, created: datetime,
                         at: datetime) -> None:
        """Keep ``contract`` as the peer's latest, unless a newer one was imported before.

        Runs inside the bundle import's transaction, so a refused import stores nothing.
        """
        self._db.execute(
            "INSERT INTO received_session_agreements (peer_id, facilitation, reach, pause_word, "
            "confidential, created, received_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (peer_id) DO UPDATE SET facilitation = excluded.facilitation, "
            "reach = excluded.reach, pause_word = excluded.pause_word, "
            "confidential = excluded.confidential, created = excluded.created, "
            "received_at = excluded.received_at WHERE excluded.created >= created",
            (peer_id, contract.facilitation.value, contract.reach.value, contract.pause_word,
             int(contract.confidential), to_db(created), to_db(at)))


__all__ = ["INSERT", "PeerAgreementRepository", "ReceivedAgreement", "agreement_row"]
