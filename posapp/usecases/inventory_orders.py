"""Inventory use cases for purchasing: purchase orders (a draft with suggested quantities, its
lines, sending with the 발주서 PDF, closing), and receiving goods — against a sent order or
without one — with lots, expiry dates and unit costs.

Each database call is one transaction and returns frozen dataclasses, re-exported here for the
screens; :meth:`OrdersUseCases.save_order_pdf` is I/O (the screens run it on the I/O pool).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from posapp.db.engine import Database, UnitOfWork
from posapp.inventory import printouts, purchasing, receiving
from posapp.inventory.purchasing import (
    OrderLine,
    POInfo,
    POLineInfo,
    POStatus,
    POSummary,
    Suggestion,
    SupplierInfo,
)
from posapp.inventory.receiving import GoodsReceiptInfo, ReceivedLine, ReceiveLine
from posapp.usecases.inventory_files import save_document

#: the orders goods can be received against
RECEIVABLE = (POStatus.SENT, POStatus.PARTIAL)


@dataclass(frozen=True, slots=True)
class OrderList:
    orders: tuple[POSummary, ...]
    suppliers: tuple[SupplierInfo, ...]


class OrdersUseCases:
    """Purchase orders and goods receipts."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def orders(self, status: str | None = None) -> tuple[POSummary, ...]:
        return self._db.read(lambda uow: tuple(purchasing.list_pos(uow, status=status)))

    def order_list(self, status: str | None = None) -> OrderList:
        """The orders (of ``status``, or all) and the suppliers a new one can go to."""

        def run(uow: UnitOfWork) -> OrderList:
            return OrderList(
                tuple(purchasing.list_pos(uow, status=status)),
                tuple(purchasing.list_suppliers(uow)),
            )

        return self._db.read(run)

    def order(self, po_id: int) -> POInfo:
        return self._db.read(lambda uow: purchasing.get_po(uow, po_id))

    def suggestions(self, supplier_id: int) -> tuple[Suggestion, ...]:
        """What to order from ``supplier_id`` (reorder points and recent sales)."""
        return self._db.read(lambda uow: tuple(purchasing.suggest_order(uow, supplier_id)))

    def new_suggested(self, supplier_id: int, *, user_id: int) -> POInfo:
        """A draft for ``supplier_id`` filled with the suggested quantities (reorder points and
        recent sales)."""

        def run(uow: UnitOfWork) -> POInfo:
            lines = [
                OrderLine(s.product_id, s.qty) for s in purchasing.suggest_order(uow, supplier_id)
            ]
            return purchasing.create_po(uow, supplier_id, lines, user_id=user_id)

        return self._db.transact(run)

    def set_lines(self, po_id: int, lines: Sequence[OrderLine]) -> POInfo:
        return self._db.transact(lambda uow: purchasing.set_po_lines(uow, po_id, lines))

    def send(self, po_id: int) -> POInfo:
        return self._db.transact(lambda uow: purchasing.send_po(uow, po_id))

    def close(self, po_id: int) -> POInfo:
        return self._db.transact(lambda uow: purchasing.close_po(uow, po_id))

    @staticmethod
    def save_order_pdf(po: POInfo, folder: Path) -> Path:
        """The 발주서 of ``po`` saved as ``folder/<number>.pdf``."""
        return save_document(folder, f"{po.number}.pdf", printouts.purchase_order_pdf(po))

    def receive(
        self, lines: Sequence[ReceiveLine], *, user_id: int, po_id: int | None = None
    ) -> GoodsReceiptInfo:
        """Receive goods (one lot per line), against order ``po_id`` or without one."""
        return self._db.transact(
            lambda uow: receiving.receive(uow, lines, user_id=user_id, po_id=po_id)
        )


__all__ = [
    "RECEIVABLE",
    "GoodsReceiptInfo",
    "OrderLine",
    "OrderList",
    "OrdersUseCases",
    "POInfo",
    "POLineInfo",
    "POStatus",
    "POSummary",
    "ReceiveLine",
    "ReceivedLine",
    "Suggestion",
    "SupplierInfo",
]
