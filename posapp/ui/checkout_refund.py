"""Refunds at the checkout (F8, or a receipt's barcode scanned): the receipt asked for when none
was scanned or typed, the refund dialog (each line with its amount and weight, nothing selected,
the total, how it is given back), a manager's approval, then the payment use case
(:meth:`posapp.usecases.payment.Payments.refund`: each card part cancelled on the terminal with
the sale's own approval). When the terminal cannot cancel a card part nothing is recorded and the
cashier chooses: try again, leave it waiting for the terminal, or record the approval number of
a cancel the manager made on a standalone terminal — with the same manager's approval.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from posapp.domain.money import format_krw
from posapp.ui.checkout_payment import cancelled_text
from posapp.ui.messages import explain
from posapp.ui.operations import Op
from posapp.usecases.approvals import Approval
from posapp.usecases.payment import CardRefundNotMade, PaymentCancelled
from posapp.usecases.refund import REFUND, CompletedSale, RefundView

if TYPE_CHECKING:
    from posapp.ui.checkout import CheckoutWindow
    from posapp.ui.dialogs import RefundChoice


def choose_returned(
    w: CheckoutWindow,
    receipt_no: str,
    approval_title: str,
    then: Callable[[RefundView, RefundChoice, Approval], None],
    *,
    exchange: bool = False,
) -> None:
    """The receipt ``receipt_no`` (asked for when empty), its lines in the refund dialog, and a
    manager's approval titled ``approval_title``; ``then`` with all three (a refund, or the
    return part of an exchange: ``exchange``, and the dialog says 교환)."""
    number = receipt_no.strip() or (w.ask.receipt_number() or "").strip()
    if not number:
        return

    def chosen(view: RefundView) -> None:
        choice = w.ask.refund(view, exchange=True) if exchange else w.ask.refund(view)
        if choice is None or not choice.lines:
            return
        w._approve(REFUND, "refund", approval_title, lambda a: then(view, choice, a))

    Op(w, w.runner, lambda: w.session.refund_view(number)).success(chosen).failure(
        lambda exc: w.show_message(explain(exc))
    ).run()


class RefundFlow:
    """F8 on one checkout window."""

    def __init__(self, window: CheckoutWindow) -> None:
        self.w = window

    def start(self, receipt_no: str) -> None:
        """Refund ``receipt_no`` (asked for when empty)."""
        w = self.w
        if not w.ready_to_sell():
            return
        choose_returned(
            w,
            receipt_no,
            QCoreApplication.translate("CheckoutWindow", "환불: 관리자 승인"),
            self._refund,
        )

    def _refund(
        self,
        view: RefundView,
        choice: RefundChoice,
        approval: Approval,
        *,
        queue_cards: bool = False,
        typed: Mapping[str, str] | None = None,
    ) -> None:
        w = self.w

        def failed(exc: BaseException) -> None:
            w.refresh()
            if isinstance(exc, CardRefundNotMade):
                answer = w.ask.card_refund_failed(exc.parts, explain(exc))
                if answer is None:
                    w.show_message(
                        QCoreApplication.translate(
                            "CheckoutWindow", "카드 취소를 하지 못해 환불하지 않았습니다."
                        )
                    )
                    return
                action, numbers = answer
                if action == "queue":
                    self._refund(view, choice, approval, queue_cards=True)
                elif action == "typed":
                    self._refund(view, choice, approval, typed=numbers)
                else:
                    self._refund(view, choice, approval)
                return
            if isinstance(exc, PaymentCancelled):
                w.show_message(
                    QCoreApplication.translate(
                        "CheckoutWindow",
                        "환불을 기록하지 못해 카드 취소를 되돌렸습니다 ({error}): {cancelled}",
                    ).format(error=explain(exc.cause), cancelled=cancelled_text(exc.cancelled))
                )
                return
            w.show_message(explain(exc))

        Op(
            w,
            w.runner,
            lambda: w.payments.refund(
                view.sale.receipt_no,
                choice.lines,
                choice.reason,
                approval,
                cash_instead=choice.cash_instead,
                tender_reason=choice.tender_reason,
                queue_cards=queue_cards,
                typed_cancels=typed,
            ),
        ).success(self._done).failure(failed).run()

    def _done(self, sale: CompletedSale) -> None:
        w = self.w
        w.refresh()
        waiting = any(p.method == "card_pending" for p in sale.payments)
        text = QCoreApplication.translate("CheckoutWindow", "환불 {receipt} · {amount}").format(
            receipt=sale.receipt_no, amount=format_krw(-sale.total)
        )
        if waiting:
            text += " · " + QCoreApplication.translate(
                "CheckoutWindow", "카드 취소는 단말기 연결 후 처리됩니다"
            )
        w.show_message(text, error=waiting)
