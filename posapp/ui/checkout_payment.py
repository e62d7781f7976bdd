"""Paying at the checkout (F12): the discount's approval when the ticket needs one, the tender
dialog, then the payment use case (:meth:`posapp.usecases.payment.Payments.pay`: 현금영수증,
commit, receipt; every electronic approval cancelled when the commit fails) — and what the
cashier is told, in Korean: the change, a pending 현금영수증, or which approvals were cancelled.

세금계산서 (Shift+F12): with a ticket open, the same payment with the buyer asked as the tender
dialog opens (the sale is marked in its own transaction, the receipt says 세금계산서 발행 요청
and the 요청서 slip follows it); with none, a request for the sale just completed
(:meth:`PaymentFlow.tax_invoice_later`: the customer asks after the receipt is printed).
"""

from __future__ import annotations

import datetime as dt
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
from posapp.usecases.tax_invoice import (
    Buyer,
    LaterRequests,
    TaxInvoiceInfo,
    masked_business_no,
    request_deadline,
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


def requested_text(info: TaxInvoiceInfo) -> str:
    """What the cashier is told once a sale is marked for a tax invoice."""
    return QCoreApplication.translate(
        "CheckoutWindow", "세금계산서 요청 {name} ({number}) · 요청서 인쇄"
    ).format(name=info.buyer.name, number=masked_business_no(info.buyer.business_no))


def deadline_note(day: dt.date) -> str:
    """The window for a request after the sale (the 10th of the next month)."""
    return QCoreApplication.translate(
        "CheckoutWindow", "{day} 판매: {deadline}까지 요청할 수 있습니다 (다음 달 10일)."
    ).format(day=day.isoformat(), deadline=request_deadline(day).isoformat())


class PaymentFlow:
    """F12 on one checkout window."""

    def __init__(self, window: CheckoutWindow) -> None:
        self.w = window
        self._invoice_first = False  # Shift+F12: the buyer asked as the tender dialog opens

    def start(self, *, tax_invoice: bool = False) -> None:
        self._invoice_first = tax_invoice
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
        first = {"tax_invoice_first": True} if self._invoice_first else {}
        answer = w.ask.tender(
            total,
            w.payments,
            w.session.settings.cash_receipt_prompt_from,
            self.abandoned,
            **first,
        )
        if answer is None:
            return
        tenders, cash_receipt = answer[0], answer[1]
        buyer: Buyer | None = answer[2] if len(answer) > 2 else None  # a scripted answer may have 2
        self._pay(tenders, cash_receipt, approval, buyer)

    def _pay(
        self,
        tenders: list[Tender],
        cash_receipt: CashReceiptRequest | None,
        approval: Approval | None,
        buyer: Buyer | None = None,
    ) -> None:
        w = self.w
        Op(
            w, w.runner, lambda: w.payments.pay(tenders, cash_receipt, approval, tax_invoice=buyer)
        ).success(self._paid).failure(self._failed).run()

    def tax_invoice_later(self) -> None:
        """Shift+F12 with no ticket open: a 세금계산서 for the sale just completed."""
        w = self.w
        sale = w.session.last_sale
        if w.session.user is None:
            w.show_message(QCoreApplication.translate("CheckoutWindow", "먼저 로그인하세요 (F1)."))
            return
        if sale is None or sale.kind != "sale":
            w.show_message(
                QCoreApplication.translate(
                    "CheckoutWindow",
                    "세금계산서를 요청할 판매가 없습니다: 영수증 찾기(Ctrl+Shift+P)에서 "
                    "영수증을 고르세요.",
                )
            )
            return
        later = LaterRequests(w.session, w.printing)
        receipt_no = sale.receipt_no
        info = w.ask.tax_invoice_later(
            receipt_no, deadline_note(sale.business_date), lambda b: later.request(receipt_no, b)
        )
        if info is not None:
            w.show_message(requested_text(info), error=False)

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
        if result.tax_invoice is not None:
            text += " · " + requested_text(result.tax_invoice)
        w.refresh()
        w.show_message(text, error=False)
        if result.tax_invoice_error is not None:
            w.show_message(explain(result.tax_invoice_error))
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
