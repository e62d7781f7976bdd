"""Exchanges at the checkout (교환, Shift+F8): the earlier receipt asked for (scan or type), the
lines coming back chosen in the refund dialog, a manager's approval; the returned lines then
stand on the ticket as its return part (negative amounts, above the ticket) while the new goods
are scanned, and F12 settles the difference once: the tender dialog for what the customer pays
on top, or a confirmation of what is given back the way the earlier sale was paid (a partial
card cancel on the terminal, cash) — :meth:`posapp.usecases.payment.Payments.exchange`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from posapp.domain.money import format_krw
from posapp.errors import PosError
from posapp.ui.checkout_payment import cancelled_text
from posapp.ui.checkout_refund import choose_returned
from posapp.ui.messages import explain
from posapp.ui.operations import Op
from posapp.ui.units import WEIGHED, weight_kg
from posapp.usecases import exchange as exchange_uc
from posapp.usecases.approvals import Approval
from posapp.usecases.exchange import CompletedExchange, PendingExchange
from posapp.usecases.payment import (
    CardRefundNotMade,
    CashReceiptRequest,
    PaymentCancelled,
    Tender,
)
from posapp.usecases.refund import RefundView

if TYPE_CHECKING:
    from posapp.ui.checkout import CheckoutWindow
    from posapp.ui.dialogs import RefundChoice
    from posapp.usecases.checkout import CheckoutSession


def return_part_text(pending: PendingExchange) -> str:
    """The return part as the ticket shows it: one line a returned line, amounts negative."""
    rows = [
        QCoreApplication.translate("CheckoutWindow", "교환 반품 · 원거래 {receipt}").format(
            receipt=pending.receipt_no
        ),
    ]
    returned = QCoreApplication.translate("CheckoutWindow", "반품")
    for r in pending.returned:
        rows.append(
            f"  {returned} {r.line.name} {_qty(r.line.unit, r.qty)}  {format_krw(-r.amount)}"
        )
    return "\n".join(rows)


def _qty(unit: str, qty: int) -> str:
    return weight_kg(qty) if unit in WEIGHED else f"×{qty}"


def due_text(s: CheckoutSession) -> str | None:
    """The big number while an exchange is open: the difference to pay, or to give back."""
    pending = s.pending_exchange
    if pending is None:
        return None
    terms = exchange_uc.terms(s, pending)
    if terms.to_give:
        return QCoreApplication.translate("CheckoutWindow", "돌려줄 금액 {amount}").format(
            amount=format_krw(terms.to_give)
        )
    return QCoreApplication.translate("CheckoutWindow", "받을 금액 {amount}").format(
        amount=format_krw(terms.to_pay)
    )


class ExchangeFlow:
    """Shift+F8 and the exchange's F12 on one checkout window."""

    def __init__(self, window: CheckoutWindow) -> None:
        self.w = window

    def start(self, receipt_no: str) -> None:
        """Begin an exchange of ``receipt_no`` (asked for when empty); a second Shift+F8 while
        one is open offers to drop it."""
        w = self.w
        if not w.ready_to_sell():
            return
        if w.session.pending_exchange is not None:
            if w.ask.confirm(
                QCoreApplication.translate("CheckoutWindow", "교환 취소"),
                QCoreApplication.translate(
                    "CheckoutWindow", "진행 중인 교환을 취소할까요? (새 상품은 남습니다)"
                ),
            ):
                exchange_uc.drop(w.session)
                w.refresh()
                w.show_message(
                    QCoreApplication.translate("CheckoutWindow", "교환을 취소했습니다."),
                    error=False,
                )
            return
        choose_returned(
            w,
            receipt_no,
            QCoreApplication.translate("CheckoutWindow", "교환: 관리자 승인"),
            self._begin,
            exchange=True,
        )

    def _begin(self, view: RefundView, choice: RefundChoice, approval: Approval) -> None:
        w = self.w
        try:
            pending = exchange_uc.begin(w.session, view, choice.lines, choice.reason, approval)
        except PosError as exc:
            w.show_message(explain(exc))
            return
        self._cash_instead = choice.cash_instead
        self._tender_reason = choice.tender_reason
        w.refresh()
        w.say(
            QCoreApplication.translate(
                "CheckoutWindow", "교환: 반품 {amount} · 새 상품을 스캔하고 결제(F12)하세요"
            ).format(amount=format_krw(pending.credit)),
            "ok",
        )

    # --- F12 ------------------------------------------------------------------------------

    def pay(self) -> None:
        w = self.w
        s = w.session
        pending = s.pending_exchange
        if pending is None or not w.ready_to_sell():
            return
        try:
            exchange_uc.require_new_goods(s)
        except PosError as exc:
            w.show_message(explain(exc))
            return
        terms = exchange_uc.terms(s, pending)
        approval = w.ticket_approval.get(s.ticket.uuid)
        if terms.to_pay:
            answer = w.ask.tender(
                terms.to_pay,
                w.payments,
                s.settings.cash_receipt_prompt_from,
                w._payment.abandoned,
            )
            if answer is None:
                return
            tenders, cash_receipt, buyer = answer
            self._settle(pending, tenders, cash_receipt, approval)
            if buyer is not None:  # an exchange is not marked at payment: asked for afterwards
                w.show_message(
                    QCoreApplication.translate(
                        "CheckoutWindow",
                        "교환은 결제 중에 세금계산서를 요청하지 않습니다. "
                        "영수증 찾기에서 요청하세요.",
                    )
                )
            return
        text = QCoreApplication.translate(
            "CheckoutWindow", "새 상품 {new}, 반품 {returned}: {amount}을 돌려드립니다. 진행할까요?"
        ).format(
            new=format_krw(terms.new),
            returned=format_krw(terms.returned),
            amount=format_krw(terms.to_give),
        )
        if w.ask.confirm(QCoreApplication.translate("CheckoutWindow", "교환 정산"), text):
            self._settle(pending, [], None, approval)

    def _settle(
        self,
        pending: PendingExchange,
        tenders: list[Tender],
        cash_receipt: CashReceiptRequest | None,
        approval: Approval | None,
        *,
        queue_cards: bool = False,
        typed: Mapping[str, str] | None = None,
    ) -> None:
        w = self.w
        cash_instead = getattr(self, "_cash_instead", False)
        tender_reason = getattr(self, "_tender_reason", "")

        def failed(exc: BaseException) -> None:
            w.refresh()
            if isinstance(exc, CardRefundNotMade):
                answer = w.ask.card_refund_failed(exc.parts, explain(exc))
                if answer is None:
                    w.payments.cancel(tenders)  # what the customer paid on top goes back
                    w.show_message(
                        QCoreApplication.translate(
                            "CheckoutWindow", "카드 취소를 하지 못해 교환하지 않았습니다."
                        )
                    )
                    return
                action, numbers = answer
                self._settle(
                    pending,
                    tenders,
                    cash_receipt,
                    approval,
                    queue_cards=action == "queue",
                    typed=numbers if action == "typed" else None,
                )
                return
            if isinstance(exc, PaymentCancelled):
                w.show_message(
                    QCoreApplication.translate(
                        "CheckoutWindow",
                        "교환을 기록하지 못해 승인을 되돌렸습니다 ({error}): {cancelled}",
                    ).format(error=explain(exc.cause), cancelled=cancelled_text(exc.cancelled))
                )
                return
            w.show_message(explain(exc))

        Op(
            w,
            w.runner,
            lambda: w.payments.exchange(
                pending,
                tenders,
                cash_receipt=cash_receipt,
                cash_instead=cash_instead,
                tender_reason=tender_reason,
                queue_cards=queue_cards,
                typed_cancels=typed,
                discount_approval=approval,
            ),
        ).success(self._done).failure(failed).run()

    def _done(self, done: CompletedExchange) -> None:
        w = self.w
        w.ticket_approval.forget()
        w.refresh()
        terms = done.terms
        if terms.to_give:
            text = QCoreApplication.translate(
                "CheckoutWindow", "교환 {receipt} 완료 · 돌려준 금액 {amount}"
            ).format(receipt=done.sale.receipt_no, amount=format_krw(terms.to_give))
            if any(p.method == "card_pending" for p in done.refund.payments):
                text += " · " + QCoreApplication.translate(
                    "CheckoutWindow", "카드 취소는 단말기 연결 후 처리됩니다"
                )
        elif done.sale.change:
            text = QCoreApplication.translate(
                "CheckoutWindow", "교환 {receipt} 완료 · 거스름돈 {change}"
            ).format(receipt=done.sale.receipt_no, change=format_krw(done.sale.change))
        else:
            text = QCoreApplication.translate("CheckoutWindow", "교환 {receipt} 완료").format(
                receipt=done.sale.receipt_no
            )
        w.show_message(text, error=False)
        w.sale_completed.emit(done.sale)
