"""Integrity checks run by ``posapp-admin verify``: stock ledger and the journal's hash chain."""

from __future__ import annotations

from dataclasses import dataclass, field

from posapp.db.engine import Database
from posapp.inventory import ledger
from posapp.sales import journal
from posapp.sales.sale_document import load_document


@dataclass
class VerifyReport:
    ledger: list[str] = field(default_factory=list)
    journal: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.ledger and not self.journal


def verify(db: Database) -> VerifyReport:
    def run(uow):  # type: ignore[no-untyped-def]
        conn = uow.conn
        return VerifyReport(
            ledger=[str(p) for p in ledger.verify(conn)],
            journal=[str(p) for p in journal.verify(conn, lambda u: load_document(conn, u))],
        )

    return db.read(run)
