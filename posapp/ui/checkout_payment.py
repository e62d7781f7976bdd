"""Paying at the checkout (F12): the discount's approval when the ticket needs one, the tender
dialog, then the payment use case (:meth:`posapp.usecases.payment.Payments.pay`: 현금영수증,
commit, receipt; every electronic approval cancelled when the commit fails) — and what the
cashier is told, in Korean: the change, a pending 현금영수증, or which approvals were cancelled.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from posapp.domain.money import format_krw
from posapp.ui.messages import explain
from posapp.ui.operations import Op, approve_first
from posapp.usecases.approvals import Approval
from posapp.usecases.payment import (
    Cancelled,
    CashReceiptRequest,
    PaymentCancelled,
    PaymentResult,
    Tender,
)
from posapp.usecases.ticket import discount_request

if TYPE_CHECKING:
    from posapp.ui.checkout import CheckoutWindow


def cancelled_text(cancelled: tuple[Cancelled, ...]) -> str:
    """What was cancelled on the terminal, and what the cashier must cancel by hand."""
    parts = []
    for c in cancelled:
        what = (
            QCoreApplication.translate("CheckoutWindow", "카드")
            if c.kind == "card"
            else QCoreApplication.translate("CheckoutWindow", "현금영수증")
        )
        if c.ok:
            parts.append(
                QCoreApplication.translate(
                    "CheckoutWindow", "{what} {amount} 승인 {approval} 취소됨"
                ).format(what=what, amount=format_krw(c.amount), approval=c.approval_no)
            )
        else:
            parts.append(
                QCoreApplication.translate(
                    "CheckoutWindow",
                    "{what} {amount} 승인 {approval} 취소 실패: 단말기에서 직접 취소하세요",
                ).format(what=what, amount=format_krw(c.amount), approval=c.approval_no)
            )
    return ", ".join(parts)


class PaymentFlow:
    """F12 on one checkout window."""

    def __init__(self, window: CheckoutWindow) -> None:
        self.w = window

    def start(self) -> None:
        w = self.w
        s = w.session
        if not s.ticket.lines or not w.ready_to_sell():
            return
        approval = w.ticket_approval.get(s.ticket.uuid)
        if not s.needs_approval(approval):
            self._ask(approval)
            return
        request = discount_request(
            s,
            QCoreApplication.translate("CheckoutWindow", "관리자 승인"),
            QCoreApplication.translate("CheckoutWindow", "할인 승인이 필요합니다"),
        )
        approve_first(w, w.runner, w.approvals, w, request, self._approved)

    def _approved(self, approval: Approval) -> None:
        self.w.ticket_approval.keep(self.w.session.ticket.uuid, approval)
        self._ask(approval)

    def _ask(self, approval: Approval | None) -> None:
        w = self.w
        if not w.session.ticket.lines:
            return
        total = w.session.priced().total
        w.session.mark_subtotal()  # the store's policy may now ask a manager to take lines off
        answer = w.ask.tender(
            total,
            w.payments,
            w.session.settings.cash_receipt_prompt_from,
            self.abandoned,
        )
        if answer is None:
            return
        tenders, cash_receipt = answer
        self._pay(tenders, cash_receipt, approval)

    def _pay(
        self,
        tenders: list[Tender],
        cash_receipt: CashReceiptRequest | None,
        approval: Approval | None,
    ) -> None:
        w = self.w
        Op(w, w.runner, lambda: w.payments.pay(tenders, cash_receipt, approval)).success(
            self._paid
        ).failure(self._failed).run()

    def _paid(self, result: PaymentResult) -> None:
        w = self.w
        sale = result.sale
        w.ticket_approval.forget()
        if sale.change:
            text = QCoreApplication.translate(
                "CheckoutWindow", "{receipt} 완료 · 거스름돈 {change}"
            ).format(receipt=sale.receipt_no, change=format_krw(sale.change))
        else:
            text = QCoreApplication.translate("CheckoutWindow", "{receipt} 완료").format(
                receipt=sale.receipt_no
            )
        w.refresh()
        w.show_message(text, error=False)
        if result.cash_receipt_error is not None:
            # the customer paid: the sale is recorded; the receipt says the 현금영수증 is pending
            w.show_message(
                QCoreApplication.translate(
                    "CheckoutWindow", "현금영수증 발급 실패: {error} (영수증에 발급 대기로 표시)"
                ).format(error=explain(result.cash_receipt_error))
            )
        w.sale_completed.emit(sale)

    def _failed(self, exc: BaseException) -> None:
        w = self.w
        w.refresh()
        if isinstance(exc, PaymentCancelled):
            w.show_message(
                QCoreApplication.translate(
                    "CheckoutWindow",
                    "결제를 완료하지 못해 승인을 취소했습니다 ({error}): {cancelled}",
                ).format(error=explain(exc.cause), cancelled=cancelled_text(exc.cancelled))
            )
            return
        w.show_message(explain(exc))

    def abandoned(self, cancelled: tuple[Cancelled, ...]) -> None:
        """The cashier closed the tender dialog after card parts were approved."""
        self.w.show_message(
            QCoreApplication.translate(
                "CheckoutWindow", "결제를 취소해 승인을 취소했습니다: {cancelled}"
            ).format(cancelled=cancelled_text(cancelled))
        )
