"""Integrity checks run by ``posapp-admin verify``: stock ledger, the journal's hash chain, and
no full card number stored in a tender's fields."""

from __future__ import annotations

from dataclasses import dataclass, field

from posapp.db.engine import Database, UnitOfWork
from posapp.inventory import ledger
from posapp.sales import card_numbers, journal
from posapp.sales.sale_document import load_document


@dataclass
class VerifyReport:
    ledger: list[str] = field(default_factory=list)
    journal: list[str] = field(default_factory=list)
    card_numbers: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.ledger and not self.journal and not self.card_numbers


def verify(db: Database) -> VerifyReport:
    def run(uow: UnitOfWork) -> VerifyReport:
        return VerifyReport(
            ledger=[str(p) for p in ledger.verify(uow)],
            journal=[str(p) for p in journal.verify(uow, lambda u: load_document(uow, u))],
            card_numbers=card_numbers.find(uow),
        )

    return db.read(run)
