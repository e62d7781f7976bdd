"""Returns without a receipt at the checkout (영수증 없는 반품, Ctrl+F8): the goods coming back are
scanned onto the ticket (the wedge, as for a sale), Ctrl+F8 checks them against the store's limit,
asks the reason (영수증 분실 / 선물 받음 / … / 기타 with its text) and a manager's PIN (the refund
approval), then gives the money back in cash only —
:meth:`posapp.usecases.payment.Payments.refund_without_receipt`. The ticket is taken back once:
a second press while the first is under way does nothing, and after it the ticket is new.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from posapp.domain.money import format_krw
from posapp.ui.messages import explain
from posapp.ui.operations import Op
from posapp.usecases import no_receipt as no_receipt_uc
from posapp.usecases.approvals import Approval
from posapp.usecases.refund import REFUND, CompletedSale

if TYPE_CHECKING:
    from posapp.ui.checkout import CheckoutWindow


class NoReceiptFlow:
    """Ctrl+F8 on one checkout window."""

    def __init__(self, window: CheckoutWindow) -> None:
        self.w = window
        self.busy = False  # one return at a time: a double press is one return

    def start(self) -> None:
        w = self.w
        if self.busy or not w.ready_to_sell():
            return
        self.busy = True
        Op(w, w.runner, lambda: no_receipt_uc.require_goods(w.session)).success(self._ask).failure(
            self._failed
        ).run()

    def _ask(self, amount: int) -> None:
        w = self.w
        answer = w.ask.no_receipt_reason(no_receipt_uc.REASONS, amount)
        if answer is None:
            self.busy = False
            return
        choice, note = answer
        reason = f"{choice} ({note})" if note else choice  # 기타 always has its text

        def approved(approval: Approval) -> None:
            self._refund(reason, approval)

        self.busy = False  # the PIN dialog may be cancelled: nothing under way then
        w._approve(
            REFUND,
            "refund",
            QCoreApplication.translate("CheckoutWindow", "영수증 없는 반품: 관리자 승인"),
            approved,
        )

    def _refund(self, reason: str, approval: Approval) -> None:
        w = self.w
        if self.busy:
            return
        self.busy = True
        Op(w, w.runner, lambda: w.payments.refund_without_receipt(reason, approval)).success(
            self._done
        ).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.w.refresh()
        self.w.show_message(explain(exc))

    def _done(self, sale: CompletedSale) -> None:
        self.busy = False
        w = self.w
        w.ticket_approval.forget()
        w.refresh()
        w.show_message(
            QCoreApplication.translate(
                "CheckoutWindow", "영수증 없는 반품 {receipt} · 현금 {amount} 지급"
            ).format(receipt=sale.receipt_no, amount=format_krw(-sale.total)),
            error=False,
        )
