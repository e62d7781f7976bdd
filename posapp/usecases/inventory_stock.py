"""Inventory use cases for stock: waste and corrections (a manager's approval when the user's
role lacks ``stock_adjustment``, bound to the product and the quantity), transfers between the
sales floor and the store room, lots about to expire (or past it) with their markdowns and their
write-off (폐기) in one action, and a product's movement history.

Each call is one transaction and returns frozen dataclasses, re-exported here for the screens.
"""

from __future__ import annotations

from collections.abc import Sequence

from posapp.auth.permissions import Permission
from posapp.db.engine import Database, UnitOfWork
from posapp.inventory import lots, stock, stock_history
from posapp.inventory.ledger import MovementRow
from posapp.inventory.lots import LotInfo, Markdown
from posapp.inventory.stock import StockChange, WasteReason
from posapp.inventory.stock_history import HistoryRow
from posapp.usecases.approvals import Approval, ApprovalRequest, approver_of

#: the approval action of a waste or a correction
WASTE = "stock.waste"
#: the approval action of writing off whole lots (the 유통기한 tab's 폐기), bound to the units
WRITE_OFF_LOTS = "stock.write_off_lots"


def adjustment_request(
    action: str, *, line: int, title: str, prompt: str, **bound: int
) -> ApprovalRequest:
    """A manager's approval of a stock change (``stock_adjustment``) for ``action`` on
    ``line`` (a product, a count) within ``bound``."""
    return ApprovalRequest(
        action=action,
        title=title,
        prompt=prompt,
        permission=Permission.STOCK_ADJUSTMENT.value,
        line=line,
        bound=bound,
    )


class StockUseCases:
    """Waste, corrections, transfers, expiring lots, markdowns and history."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @staticmethod
    def waste_request(product_id: int, qty: int, *, title: str, prompt: str) -> ApprovalRequest:
        """What a manager approves for :meth:`waste`: this product, this many units."""
        return adjustment_request(WASTE, line=product_id, title=title, prompt=prompt, qty=abs(qty))

    def waste(
        self,
        product_id: int,
        qty: int,
        reason: WasteReason | str,
        *,
        user_id: int,
        register_id: str | None,
        note: str = "",
        approval: Approval | None = None,
    ) -> StockChange:
        """Write off (or correct, ±) ``qty`` of a product; without the permission and without
        an approval covering it, raises ``auth.approval_required``."""
        approver = approver_of(approval, WASTE, line=product_id, qty=abs(qty))
        return self._db.transact(
            lambda uow: stock.record_waste(
                uow,
                product_id,
                qty,
                reason,
                user_id=user_id,
                approved_by=approver,
                register_id=register_id,
                note=note,
            )
        )

    def by_location(self, product_id: int) -> dict[str, int]:
        return self._db.read(lambda uow: stock.on_hand_by_location(uow, product_id))

    def transfer(
        self,
        product_id: int,
        *,
        user_id: int,
        qty: int,
        from_location: str,
        to_location: str,
        note: str = "",
    ) -> StockChange:
        return self._db.transact(
            lambda uow: stock.transfer(
                uow,
                product_id,
                qty,
                from_location=from_location,
                to_location=to_location,
                user_id=user_id,
                note=note,
            )
        )

    @staticmethod
    def write_off_request(qty: int, *, title: str, prompt: str) -> ApprovalRequest:
        """What a manager approves for :meth:`write_off_lots`: this many units in all."""
        return adjustment_request(WRITE_OFF_LOTS, line=0, title=title, prompt=prompt, qty=qty)

    def write_off_lots(
        self,
        lot_ids: Sequence[int],
        reason: WasteReason | str,
        *,
        user_id: int,
        register_id: str | None,
        note: str = "",
        approval: Approval | None = None,
    ) -> tuple[StockChange, ...]:
        """폐기 of whole lots in one transaction (all or none): each lot's stock taken out
        for ``reason`` (a waste movement from that very lot); ``auth.approval_required``
        without the permission and without an approval covering the units."""

        def run(uow: UnitOfWork) -> tuple[StockChange, ...]:
            held = [(*stock.lot_stock(uow, lot_id), lot_id) for lot_id in sorted(set(lot_ids))]
            total = sum(on_hand for _, on_hand, _, _ in held if on_hand > 0)
            approver = approver_of(approval, WRITE_OFF_LOTS, line=0, qty=total)
            return tuple(
                stock.record_waste(
                    uow,
                    product_id,
                    on_hand,
                    reason,
                    user_id=user_id,
                    approved_by=approver,
                    register_id=register_id,
                    lot_id=lot_id,
                    note=note,
                    location=location,
                )
                for product_id, on_hand, location, lot_id in held
                if on_hand > 0
            )

        return self._db.transact(run)

    def expiring_lots(self, within_days: int) -> tuple[LotInfo, ...]:
        return self._db.read(lambda uow: tuple(lots.expiring_lots(uow, within_days)))

    def markdown(self, lot_id: int, percent: int, *, user_id: int) -> Markdown:
        return self._db.transact(
            lambda uow: lots.markdown_lot(uow, lot_id, percent, user_id=user_id)
        )

    def history(
        self, product_id: int, *, limit: int, before_id: int | None = None
    ) -> tuple[HistoryRow, ...]:
        return self._db.read(
            lambda uow: tuple(
                stock_history.history(uow, product_id, limit=limit, before_id=before_id)
            )
        )


__all__ = [
    "WASTE",
    "WRITE_OFF_LOTS",
    "HistoryRow",
    "LotInfo",
    "Markdown",
    "MovementRow",
    "StockChange",
    "StockUseCases",
    "WasteReason",
    "adjustment_request",
]
