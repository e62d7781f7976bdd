"""Integrity checks run by ``posapp-admin verify``: stock ledger and the journal's hash chain."""

from __future__ import annotations

from dataclasses import dataclass, field

from posapp.db.engine import Database, UnitOfWork
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
    def run(uow: UnitOfWork) -> VerifyReport:
        return VerifyReport(
            ledger=[str(p) for p in ledger.verify(uow)],
            journal=[str(p) for p in journal.verify(uow, lambda u: load_document(uow, u))],
        )

    return db.read(run)
