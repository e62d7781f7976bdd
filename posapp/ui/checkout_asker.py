"""The checkout's questions to a person, each a dialog: PIN, drawer count, tender (with its
세금계산서 buyer), a later 세금계산서 request, discount, price, a number, a held ticket, a
refund, a report, online orders, yes/no. The window asks
through an :class:`Asker`, so tests can answer in its place (a modal dialog's exec() waits for
a person); the dialogs themselves are driven by keys and clicks in their own tests.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget

from posapp.domain.cart import Discount
from posapp.domain.money import format_krw
from posapp.ui import dialogs
from posapp.ui.operations import Runner
from posapp.ui.sync_panel import OnlineOrdersDialog
from posapp.ui.tasks import Task
from posapp.ui.tax_invoice_dialog import TaxInvoiceBuyerDialog
from posapp.ui.tender_dialog import TenderDialog
from posapp.usecases.cash_office import CashKind
from posapp.usecases.checkout import ProductInfo
from posapp.usecases.holds import HeldInfo
from posapp.usecases.payment import Cancelled, CardPart, CashReceiptRequest, Payments, Tender
from posapp.usecases.pickup import OrderInfo, SyncStatus
from posapp.usecases.price_check import PriceInfo
from posapp.usecases.refund import RefundView
from posapp.usecases.tax_invoice import Buyer, TaxInvoiceInfo


class Asker:
    """Opens the real dialogs. Tests replace it with scripted answers."""

    def __init__(self, parent: QWidget, runner: Runner) -> None:
        self.parent = parent
        self.runner = runner

    def pin(self, title: str, prompt: str) -> str | None:
        d = dialogs.PinDialog(title, prompt, self.parent)
        return d.value() if d.exec() == QDialog.DialogCode.Accepted else None

    def counts(self, title: str, expected: int | None) -> dict[int, int] | None:
        d = dialogs.CountDialog(title, expected, self.parent)
        return d.counts() if d.exec() == QDialog.DialogCode.Accepted else None

    def tender(
        self,
        total: int,
        payments: Payments | None,
        prompt_from: int,
        on_cancelled: Callable[[tuple[Cancelled, ...]], None] | None = None,
        *,
        tax_invoice_first: bool = False,
    ) -> tuple[list[Tender], CashReceiptRequest | None, Buyer | None] | None:
        """The tenders, the 현금영수증 and the 세금계산서 buyer asked for, or None when the
        cashier closed the dialog (its approved card parts then cancelled and
        ``on_cancelled`` told). ``tax_invoice_first``: the buyer is asked as it opens."""
        d = TenderDialog(
            total,
            payments=payments,
            runner=self.runner,
            cash_receipt_prompt_from=prompt_from,
            on_cancelled=on_cancelled,
            parent=self.parent,
        )
        if tax_invoice_first:
            QTimer.singleShot(0, d.toggle_tax_invoice)
        if d.exec() != QDialog.DialogCode.Accepted:
            return None
        return d.tenders, d.cash_receipt, d.tax_invoice

    def tax_invoice_later(
        self, receipt_no: str, note: str, submit: Callable[[Buyer], TaxInvoiceInfo]
    ) -> TaxInvoiceInfo | None:
        """A 세금계산서 request for a receipt already printed: recorded by ``submit`` when
        the buyer is confirmed; None when the cashier closed the dialog."""
        d = TaxInvoiceBuyerDialog(
            self.parent, receipt_no=receipt_no, note=note, submit=submit, runner=self.runner
        )
        return d.info if d.exec() == QDialog.DialogCode.Accepted else None

    def discount(self, title: str) -> Discount | Literal[False] | None:
        """The discount, None to remove it, or False when cancelled."""
        d = dialogs.DiscountDialog(title, self.parent)
        if d.exec() != QDialog.DialogCode.Accepted:
            return False
        return d.discount()

    def price(self, name: str, regular_price: int, unit_price: int) -> tuple[int, str] | None:
        """A line's new unit price and the reason, or None when cancelled."""
        d = dialogs.PriceDialog(name, regular_price, unit_price, self.parent)
        return d.value() if d.exec() == QDialog.DialogCode.Accepted else None

    def number(self, title: str, label: str, value: int) -> int | None:
        n, ok = QInputDialog.getInt(self.parent, title, label, value, 1, 1_000_000)
        return n if ok else None

    def void_reason(self, reasons: tuple[str, ...]) -> tuple[str, str] | None:
        """Why the ticket is voided (one of ``reasons``) and a note, or None when cancelled."""
        from posapp.ui.void_dialog import VoidReasonDialog

        d = VoidReasonDialog(reasons, self.parent)
        return d.value() if d.exec() == QDialog.DialogCode.Accepted else None

    def no_receipt_reason(self, reasons: tuple[str, ...], amount: int) -> tuple[str, str] | None:
        """Ctrl+F8: why the goods come back without a receipt (one of ``reasons``) and a note
        (needed for the last, 기타), with what goes back in cash; None when cancelled."""
        from posapp.ui.void_dialog import VoidReasonDialog

        d = VoidReasonDialog(
            reasons,
            self.parent,
            title=QCoreApplication.translate("CheckoutWindow", "영수증 없는 반품"),
            prompt=QCoreApplication.translate(
                "CheckoutWindow", "반품 사유를 고르세요 · 현금 {amount} 지급"
            ).format(amount=format_krw(amount)),
        )
        return d.value() if d.exec() == QDialog.DialogCode.Accepted else None

    def held(self, held: list[HeldInfo]) -> int | None:
        d = dialogs.HeldDialog(held, self.parent)
        return d.selected() if d.exec() == QDialog.DialogCode.Accepted else None

    def receipt_number(self) -> str | None:
        """F8 with nothing scanned: the receipt to refund, scanned or typed."""
        d = dialogs.ReceiptNumberDialog(self.parent)
        if d.exec() != QDialog.DialogCode.Accepted:
            return None
        return d.number.text().strip()

    def refund(self, view: RefundView, exchange: bool = False) -> dialogs.RefundChoice | None:
        """The lines coming back from ``view``'s receipt; ``exchange``: as an exchange's return
        part (the dialog says 교환)."""
        d = dialogs.RefundDialog(view, self.parent, exchange=exchange)
        if d.exec() != QDialog.DialogCode.Accepted:
            return None
        return d.choice()

    def card_refund_failed(
        self, parts: Sequence[CardPart], why: str
    ) -> tuple[str, dict[str, str]] | None:
        """The terminal did not cancel a refund's card part: "retry", "queue" or "typed" (with
        the standalone terminal's cancel approval numbers), or None."""
        d = dialogs.CardRefundFailedDialog(parts, why, self.parent)
        if d.exec() != QDialog.DialogCode.Accepted:
            return None
        return d.action, d.typed_cancels()

    def text(self, title: str, text: str, on_print: Callable[[], None]) -> None:
        dialogs.TextDialog(title, text, on_print, self.parent).exec()

    def online_orders(
        self,
        load: Callable[[], Task[list[OrderInfo]]],
        pick_up: Callable[[str], Task[OrderInfo]],
        sync_now: Callable[[], None] | None,
        status: SyncStatus | None,
    ) -> list[OrderInfo]:
        d = OnlineOrdersDialog(load, pick_up, sync_now, status, self.parent)
        d.exec()
        return d.handed

    def price_check(
        self,
        look: Callable[[str], Task[PriceInfo]],
        search: Callable[[str], Task[list[ProductInfo]]],
        of: Callable[[ProductInfo], Task[PriceInfo]],
    ) -> None:
        """가격 확인: open until the cashier closes it (it answers scans itself)."""
        from posapp.ui.office_dialogs import PriceCheckDialog

        PriceCheckDialog(look, search, of, self.parent).exec()

    def cash_move(self) -> tuple[CashKind, int, str] | None:
        """입금 / 출금 / 중간 입금: (kind, amount, reason), or None when cancelled."""
        from posapp.ui.office_dialogs import CashMoveDialog

        d = CashMoveDialog(parent=self.parent)
        return d.value() if d.exec() == QDialog.DialogCode.Accepted else None

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self.parent, title, text)
        return answer == QMessageBox.StandardButton.Yes
