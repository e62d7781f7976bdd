"""Inventory use cases for shelf windows and returns to suppliers (the 진열기한·반품 tab): each
category's days on the shelf, this morning's pull list, the chosen lots sent back to their
suppliers in one transaction (all or none; the ``stock_adjustment`` permission, of the user or
of a manager approving in place, bound to the units), and the 반품 전표 PDFs saved.

Each call is one transaction over :mod:`posapp.inventory.shelf`; results are its frozen
dataclasses, re-exported here for the screens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from posapp.db.engine import Database, UnitOfWork
from posapp.domain import calendar
from posapp.inventory import shelf
from posapp.inventory.shelf import PullItem, ReturnInfo, ShelfWindow
from posapp.usecases.approvals import Approval, ApprovalRequest, approver_of
from posapp.usecases.inventory_files import save_document
from posapp.usecases.inventory_stock import adjustment_request

#: the approval action of a return to the supplier, bound to the units sent back
SUPPLIER_RETURN = "stock.supplier_return"


@dataclass(frozen=True, slots=True)
class ReturnLine:
    """``qty`` of lot ``lot_id`` back to its supplier."""

    lot_id: int
    qty: int


class ShelfUseCases:
    """Shelf windows per category, the pull list, returns and their slips."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def windows(self) -> tuple[ShelfWindow, ...]:
        """Every category with its days on the shelf (None: no window)."""
        return self._db.read(lambda uow: tuple(shelf.shelf_windows(uow)))

    def set_days(self, category_id: int, days: int | None, *, user_id: int) -> ShelfWindow:
        def run(uow: UnitOfWork) -> ShelfWindow:
            shelf.set_shelf_days(uow, category_id, days, user_id=user_id)
            return next(w for w in shelf.shelf_windows(uow) if w.id == category_id)

        return self._db.transact(run)

    def pull_list(self) -> tuple[PullItem, ...]:
        return self._db.read(lambda uow: tuple(shelf.pull_list(uow)))

    @staticmethod
    def return_request(qty: int, *, title: str, prompt: str) -> ApprovalRequest:
        """What a manager approves for :meth:`return_lots`: this many units in all."""
        return adjustment_request(SUPPLIER_RETURN, line=0, title=title, prompt=prompt, qty=qty)

    def return_lots(
        self,
        lines: Sequence[ReturnLine],
        reason: str,
        *,
        user_id: int,
        approval: Approval | None = None,
    ) -> tuple[ReturnInfo, ...]:
        """Each line back to its supplier in one transaction (all or none); without the
        permission and without an approval covering the units, ``auth.approval_required``."""
        total = sum(max(0, line.qty) for line in lines)
        approver = approver_of(approval, SUPPLIER_RETURN, line=0, qty=total)

        def run(uow: UnitOfWork) -> tuple[ReturnInfo, ...]:
            return tuple(
                shelf.return_to_supplier(
                    uow, line.lot_id, line.qty, reason, user_id=user_id, approved_by=approver
                )
                for line in lines
            )  # fmt: skip

        return self._db.transact(run)

    @staticmethod
    def slip_name(info: ReturnInfo) -> str:
        """The slip's file name: 반품전표-<day>-<supplier>-<document no.>.pdf."""
        day = calendar.to_local(info.at).strftime("%Y%m%d")
        supplier = "".join(c for c in info.supplier if c.isalnum()) or "공급자"
        return f"반품전표-{day}-{supplier}-{info.uuid[:8]}.pdf"

    @staticmethod
    def save_slip(info: ReturnInfo, path: Path) -> Path:
        """The 반품 전표 of ``info`` drawn and written to ``path``."""
        return save_document(path.parent, path.name, shelf.return_slip_pdf(info))

    @classmethod
    def save_slips(cls, infos: Sequence[ReturnInfo], folder: Path) -> tuple[Path, ...]:
        """One 반품 전표 a return, each under :meth:`slip_name` in ``folder``."""
        return tuple(cls.save_slip(i, folder / cls.slip_name(i)) for i in infos)


__all__ = [
    "SUPPLIER_RETURN",
    "PullItem",
    "ReturnInfo",
    "ReturnLine",
    "ShelfUseCases",
    "ShelfWindow",
]
