"""The manager's approval of the open ticket's discounts, kept with that ticket only: given when
a discount above the limit is entered (F4/F5), used when the ticket is paid (F12), dropped when
the ticket is done or another one is recalled. It covers only the percent it was given for
(:meth:`posapp.usecases.approvals.Approval.covers`); it is never carried to another action.

Also :func:`set_qty_within_limits`: a quantity beyond the store's sanity limits asks a manager
to approve that line at that quantity (never beyond the hard limits); a lower one, when the
store's policy wants a manager to take lines off, asks for that line and what comes off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from posapp.ui.messages import explain
from posapp.ui.operations import Op, approve_first
from posapp.usecases.approvals import Approval, is_approval_required
from posapp.usecases.error_codes import SessionErrorCode
from posapp.usecases.ticket import over_limit_request, void_request

if TYPE_CHECKING:
    from posapp.ui.checkout import CheckoutWindow


class TicketApproval:
    def __init__(self) -> None:
        self._kept: tuple[str, Approval] | None = None

    def keep(self, ticket_uuid: str, approval: Approval) -> None:
        self._kept = (ticket_uuid, approval)

    def forget(self) -> None:
        self._kept = None

    def get(self, ticket_uuid: str) -> Approval | None:
        """The approval kept for this ticket; None for any other ticket."""
        kept = self._kept
        if kept is None or kept[0] != ticket_uuid:
            return None
        return kept[1]


def set_qty_within_limits(w: CheckoutWindow, index: int, qty: int) -> None:
    """Set line ``index`` to ``qty``; beyond the store's limit the refusal is said and a
    manager's PIN is asked for this line at this quantity, then it is set with the approval."""
    session = w.session

    def beyond(exc: BaseException) -> None:
        w.show_message(explain(exc))
        if is_approval_required(exc):  # lowering it now needs a manager (the store's policy)
            line = session.ticket.lines[index]
            void = void_request(
                session,
                index,
                line.qty - qty,
                QCoreApplication.translate("CheckoutWindow", "관리자 승인"),
                QCoreApplication.translate(
                    "CheckoutWindow", "품목 삭제에는 관리자 승인이 필요합니다: {name}"
                ).format(name=line.name),
            )
            approve_first(
                w,
                w.runner,
                w.approvals,
                w,
                void,
                lambda approval: w._do(lambda: session.set_qty(index, qty, approval)),
            )
            return
        data = getattr(exc, "data", {}) or {}
        if getattr(exc, "code", "") != SessionErrorCode.OVER_LIMIT or not data.get("approvable"):
            return
        request = over_limit_request(
            session,
            index,
            qty,
            QCoreApplication.translate("CheckoutWindow", "관리자 승인"),
            QCoreApplication.translate("CheckoutWindow", "한도를 넘는 수량: 관리자 승인"),
        )

        def approved(approval: Approval) -> None:
            w._do(lambda: session.set_qty(index, qty, approval))

        approve_first(w, w.runner, w.approvals, w, request, approved)

    Op(w, w.runner, lambda: session.set_qty(index, qty)).success(lambda _: w.refresh()).failure(
        beyond
    ).run()
