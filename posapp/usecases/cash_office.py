"""The cash office at the till: 입금 (paid in), 출금 (paid out) and 중간 입금 (a pickup to the
safe) on the open shift, each with its reason; the cashier's own right (``no_sale_drawer``) or a
manager's approval in place bound to the amount (:data:`CASH_MOVE`); after the commit the drawer
opens. The X/Z list them and count them in the expected cash.

Qt-free; needs the store's database (not offline).
"""

from __future__ import annotations

from collections.abc import Callable

from posapp.auth.permissions import Permission
from posapp.sales import cash_office
from posapp.sales.cash_office import CashKind, CashMove
from posapp.usecases.approvals import Approval, ApprovalRequest, approver_of
from posapp.usecases.checkout import CheckoutSession

#: the approval action of cash in or out of the drawer, bound to the amount
CASH_MOVE = "drawer.cash_move"


class CashOffice:
    """Paid-in, paid-out and pickups of the session's shift."""

    def __init__(
        self, session: CheckoutSession, open_drawer: Callable[[], object] | None = None
    ) -> None:
        self._session = session
        self._open_drawer = open_drawer

    @staticmethod
    def request(amount: int, *, title: str, prompt: str) -> ApprovalRequest:
        """What a manager approves for :meth:`record`: up to ``amount``."""
        return ApprovalRequest(
            action=CASH_MOVE,
            title=title,
            prompt=prompt,
            permission=Permission.NO_SALE_DRAWER.value,
            bound={"amount": amount},
        )

    def record(
        self,
        kind: CashKind | str,
        amount: int,
        reason: str,
        approval: Approval | None = None,
    ) -> CashMove:
        s = self._session
        uid = s.who()
        shift = s.require_shift()
        s.online_only("cash in or out of the drawer")
        approver = approver_of(approval, CASH_MOVE, amount=amount)
        move = s.db.transact(
            lambda uow: cash_office.record(
                uow, shift.id, kind, amount, reason, user_id=uid, approved_by=approver
            )
        )
        if self._open_drawer is not None:
            self._open_drawer()
        return move


__all__ = ["CASH_MOVE", "CashKind", "CashMove", "CashOffice"]
