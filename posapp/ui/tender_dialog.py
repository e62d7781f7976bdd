"""The tender dialog: cash with quick amounts and change, card on the terminal (or
keyed in by hand), vouchers, bank transfer (계좌이체), split tenders, and a 현금영수증 on
request — or a 세금계산서 요청 (Shift+F12: the buyer in
:class:`~posapp.ui.tax_invoice_dialog.TaxInvoiceBuyerDialog`), which excludes a
card part and a 현금영수증 (부가가치세법 §33②): the dialog refuses either in Korean, before
anything is charged, and says to take cash or a transfer.

Its keys (F10 현금, F11 카드, Shift+F12 세금계산서) are taken by the dialog itself, before
the checkout's application-wide keys of the same name (which would make them
ambiguous: nothing).

A card part is approved on the terminal through the payment use case
(:meth:`posapp.usecases.payment.Payments.approve_card`, on the I/O pool). When the
cashier closes the dialog (Esc, the window's close button) after a card part was
approved, every such approval is cancelled on the terminal before the dialog goes
(:meth:`Payments.cancel`) and the cashier is told what was cancelled: nobody is
charged for a payment that was abandoned.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.errors import AppError, DomainError
from posapp.domain.money import format_krw
from posapp.ui.dialogs import big_button as _big
from posapp.ui.messages import explain
from posapp.ui.operations import IoOp, Runner
from posapp.ui.tax_invoice_dialog import TaxInvoiceBuyerDialog
from posapp.usecases.payment import (
    Cancelled,
    CashReceiptRequest,
    Method,
    Payments,
    ReceiptPurpose,
    Tender,
    VoucherKind,
    VoucherRule,
    approved_parts,
    check_accepted,
    check_masked_card,
    settle,
    voucher_tender,
)
from posapp.usecases.tax_invoice import Buyer, check_tenders, masked_business_no

TOUCH = "font-size: 12pt; min-height: 40px; padding: 0 8px;"
"""The lower rows' controls (vouchers, 현금영수증, 세금계산서): a finger's height."""


class TenderDialog(QDialog):
    """Take payment: cash with quick amounts and change, card (terminal or by hand), vouchers,
    split tenders, and a cash receipt on request (prompted from the configured amount)."""

    def __init__(
        self,
        total: int,
        *,
        payments: Payments | None,
        runner: Runner,
        cash_receipt_prompt_from: int = 100_000,
        on_cancelled: Callable[[tuple[Cancelled, ...]], None] | None = None,
        parent: QWidget | None = None,
        rounding_unit: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("결제"))
        self.total = total
        #: 원단위 절사 of the cash part (1: off); the payments' setting unless given
        self.rounding_unit = (
            rounding_unit
            if rounding_unit is not None
            else (payments.cash_rounding_unit if payments is not None else 1)
        )
        self.tenders: list[Tender] = []
        self._payments = payments if payments is not None and payments.has_terminal else None
        self._runner = runner
        self._on_cancelled = on_cancelled
        self._cancelling = False
        #: the approvals cancelled when the dialog was closed with approved parts
        self.cancelled: tuple[Cancelled, ...] = ()
        self.cash_receipt: CashReceiptRequest | None = None
        #: 세금계산서 요청: the checked buyer (the sale is marked for it when it commits)
        self.tax_invoice: Buyer | None = None
        layout = QVBoxLayout(self)
        self.due_label = QLabel()
        self.due_label.setStyleSheet("font-size: 24pt; font-weight: bold;")
        layout.addWidget(self.due_label)
        self.paid_list = QListWidget()
        layout.addWidget(self.paid_list)
        amount_row = QHBoxLayout()
        amount_row.addWidget(QLabel(self.tr("금액")))
        self.amount = QLineEdit()
        self.amount.setStyleSheet("font-size: 18pt; min-height: 40px;")
        self.amount.setPlaceholderText(self.tr("받은 금액 (비우면 남은 금액)"))
        amount_row.addWidget(self.amount)
        layout.addLayout(amount_row)
        quick = QHBoxLayout()
        for value in (1_000, 5_000, 10_000, 50_000):
            b = _big(QPushButton(f"+{value:,}"))
            b.clicked.connect(lambda _=False, v=value: self._add_amount(v))
            quick.addWidget(b)
        exact = _big(QPushButton(self.tr("딱 맞게")))
        exact.clicked.connect(lambda: self.amount.setText(str(self.cash_due())))
        quick.addWidget(exact)
        layout.addLayout(quick)
        methods = QHBoxLayout()
        self.cash_btn = _big(QPushButton(self.tr("현금 (F10)")))
        self.cash_btn.setShortcut("F10")
        self.cash_btn.clicked.connect(self.pay_cash)
        self.card_btn = _big(QPushButton(self.tr("카드 (F11)")))
        self.card_btn.setShortcut("F11")
        self.card_btn.clicked.connect(lambda: self.pay_card())
        self.manual_btn = _big(QPushButton(self.tr("카드 수기")))
        self.manual_btn.clicked.connect(self.pay_card_manual)
        self.onnuri_btn = _big(QPushButton(self.tr("온누리")))
        self.onnuri_btn.clicked.connect(lambda: self.pay_voucher(VoucherKind.ONNURI))
        self.local_btn = _big(QPushButton(self.tr("지역사랑")))
        self.local_btn.clicked.connect(lambda: self.pay_voucher(VoucherKind.LOCAL))
        self.transfer_btn = _big(QPushButton(self.tr("계좌이체")))
        self.transfer_btn.clicked.connect(self.pay_transfer)
        for b in (
            self.cash_btn,
            self.card_btn,
            self.manual_btn,
            self.onnuri_btn,
            self.local_btn,
            self.transfer_btn,
        ):
            methods.addWidget(b)
        layout.addLayout(methods)
        # 일시불/할부: offered for a card part from the configured amount (₩50,000)
        self.installment_from = payments.installment_from if payments is not None else 50_000
        card_row = QHBoxLayout()
        self.installment_label = QLabel(
            self.tr("할부 ({amount} 이상)").format(amount=format_krw(self.installment_from))
        )
        self.installment = QComboBox()
        self.installment.addItem(self.tr("일시불"), 0)
        for months in range(2, 13):
            self.installment.addItem(self.tr("{months}개월").format(months=months), months)
        card_row.addWidget(self.installment_label)
        card_row.addWidget(self.installment)
        card_row.addStretch(1)
        layout.addLayout(card_row)
        self.amount.textChanged.connect(lambda _: self._enable_installment())
        serial_row = QHBoxLayout()
        self.voucher_serial = QLineEdit()
        self.voucher_serial.setPlaceholderText(self.tr("상품권 일련번호 (스캔 또는 입력)"))
        serial_row.addWidget(QLabel(self.tr("상품권 번호")))
        serial_row.addWidget(self.voucher_serial, 1)
        layout.addLayout(serial_row)
        self.voucher_rule = payments.voucher_rule if payments is not None else VoucherRule()
        #: the kinds the store takes (its policy); None: no payments to ask (a bare dialog)
        self.accepted_kinds = payments.accepted_vouchers if payments is not None else None
        # card and mobile vouchers: approved through the card terminal like a card
        e_row = QHBoxLayout()
        self.e_voucher_kind = QComboBox()
        self.e_voucher_kind.addItem(self.tr("온누리 카드"), VoucherKind.ONNURI_CARD)
        self.e_voucher_kind.addItem(self.tr("온누리 모바일"), VoucherKind.ONNURI_MOBILE)
        self.e_voucher_kind.addItem(
            self.tr("지역사랑 모바일 (서울사랑 등)"), VoucherKind.LOCAL_MOBILE
        )
        self.e_voucher_btn = QPushButton(self.tr("전자상품권 결제"))
        self.e_voucher_btn.clicked.connect(self.pay_e_voucher)
        e_row.addWidget(QLabel(self.tr("카드·모바일 상품권")))
        e_row.addWidget(self.e_voucher_kind, 1)
        e_row.addWidget(self.e_voucher_btn)
        layout.addLayout(e_row)
        receipt_row = QHBoxLayout()
        self.receipt_id = QLineEdit()
        self.receipt_id.setPlaceholderText(
            self.tr("현금영수증: 휴대폰 / 사업자번호 (비우면 자진발급)")
        )
        self.receipt_btn = QPushButton(self.tr("현금영수증"))
        self.receipt_btn.setCheckable(True)
        self.proof = QRadioButton(self.tr("지출증빙"))
        receipt_row.addWidget(self.receipt_btn)
        receipt_row.addWidget(self.receipt_id, 1)
        layout.addLayout(receipt_row)
        # 지출증빙 and 세금계산서 on a row of their own: the number's hint is read whole
        evidence_row = QHBoxLayout()
        evidence_row.addWidget(self.proof)
        evidence_row.addStretch(1)
        self.invoice_btn = QPushButton(self.tr("세금계산서 (Shift+F12)"))
        self.invoice_btn.setCheckable(True)
        self.invoice_btn.clicked.connect(lambda _=False: self.toggle_tax_invoice())
        evidence_row.addWidget(self.invoice_btn)
        layout.addLayout(evidence_row)
        for w in (
            self.installment,
            self.voucher_serial,
            self.e_voucher_kind,
            self.e_voucher_btn,
            self.receipt_btn,
            self.receipt_id,
            self.proof,
            self.invoice_btn,
        ):
            w.setStyleSheet(TOUCH)
        self.invoice_label = QLabel("")
        self.invoice_label.setWordWrap(True)
        self.invoice_label.setStyleSheet("font-size: 12pt; color: #05a;")
        self.invoice_label.hide()
        layout.addWidget(self.invoice_label)
        self.receipt_btn.toggled.connect(lambda on: self._receipt_asked(on))
        self.receipt_id.textChanged.connect(
            lambda _: self._evidence_changed() if self.tax_invoice is not None else None
        )
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("font-size: 13pt; color: #b00020;")
        layout.addWidget(self.message)
        self.change_label = QLabel("")
        self.change_label.setStyleSheet("font-size: 28pt; font-weight: bold; color: #0b5;")
        layout.addWidget(self.change_label)
        self.prompt_from = cash_receipt_prompt_from
        if total >= cash_receipt_prompt_from:
            self.message.setStyleSheet("font-size: 13pt; color: #05a;")
            self.message.setText(
                self.tr("{amount} 이상 결제: 현금으로 받으면 현금영수증을 안내하세요.").format(
                    amount=format_krw(cash_receipt_prompt_from)
                )
            )
        self._refresh()
        self._enable_installment()
        self.amount.setFocus()

    # --- keys: the dialog's own, before the checkout's application-wide ones ---------------

    def _keys(self) -> dict[str, Callable[[], None]]:
        return {
            "F10": self.cash_btn.click,
            "F11": self.card_btn.click,
            "Shift+F12": self.invoice_btn.click,
        }

    def _key_of(self, event: QKeyEvent) -> Callable[[], None] | None:
        text = QKeySequence(event.keyCombination()).toString(
            QKeySequence.SequenceFormat.PortableText
        )
        return self._keys().get(text)

    def event(self, event: QEvent) -> bool:
        is_key = event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
        if is_key and self._key_of(event) is not None:  # type: ignore[arg-type]
            event.accept()  # a key press for this dialog, not a shortcut of the window behind
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        act = self._key_of(event)
        if act is not None:
            if self.isEnabled():
                act()
            return
        super().keyPressEvent(event)

    # --- 세금계산서 요청 -------------------------------------------------------------------

    def _refuse(self, exc: AppError) -> None:
        self.message.setStyleSheet("font-size: 13pt; color: #b00020;")
        self.message.setText(explain(exc))

    def _receipt_wanted(self) -> bool:
        return self.receipt_btn.isChecked() or bool(self.receipt_id.text().strip())

    def toggle_tax_invoice(self) -> None:
        """Shift+F12: ask for a 세금계산서 (the buyer typed in), or drop the request. Refused
        when a card part is paid or a 현금영수증 is asked for (§33②)."""
        if self.tax_invoice is not None:
            self.tax_invoice = None
            self.invoice_btn.setChecked(False)
            self.invoice_label.hide()
            self.message.setStyleSheet("font-size: 13pt; color: #05a;")
            self.message.setText(self.tr("세금계산서 요청을 취소했습니다."))
            self._evidence_changed()
            return
        self.invoice_btn.setChecked(False)
        try:
            check_tenders(self.tenders, cash_receipt=self._receipt_wanted())
        except AppError as exc:
            self._refuse(exc)
            return
        dialog = TaxInvoiceBuyerDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.buyer is None:
            return
        self.set_tax_invoice(dialog.buyer)

    def set_tax_invoice(self, buyer: Buyer) -> None:
        """The sale is to be marked for a tax invoice to ``buyer`` (already checked)."""
        self.tax_invoice = buyer
        self.invoice_btn.setChecked(True)
        self.invoice_label.setText(
            self.tr(
                "세금계산서 요청: {name} ({number}) · 현금 또는 계좌이체로 받으세요 "
                "(카드·현금영수증 불가)"
            ).format(name=buyer.name, number=masked_business_no(buyer.business_no))
        )
        self.invoice_label.show()
        self.message.setText("")

    def _evidence_changed(self) -> None:
        """Paid in full but held back by a 현금영수증 next to a tax invoice: the cashier fixed
        one of them — finish now."""
        if self.tenders and self.paid() >= self.total and self.isVisible():
            self._refresh()

    def _receipt_asked(self, on: bool) -> None:
        if on and self.tax_invoice is not None:
            self.receipt_btn.setChecked(False)
            try:
                check_tenders([], cash_receipt=True)
            except AppError as exc:
                self._refuse(exc)

    def _card_refused(self, method: Method, voucher_kind: VoucherKind | None = None) -> bool:
        """A card (or card / mobile voucher) part with a tax invoice asked for: refused."""
        if self.tax_invoice is None:
            return False
        try:
            check_tenders([_probe(method, voucher_kind)], cash_receipt=False)
        except AppError as exc:
            self._refuse(exc)
            return True
        return False

    def paid(self) -> int:
        return sum(t.amount for t in self.tenders)

    def remaining(self) -> int:
        return max(0, self.total - self.paid())

    def cash_due(self) -> int:
        """What is left to pay in cash: the remaining amount less its 원단위 절사."""
        unit = self.rounding_unit
        left = self.remaining()
        return left - left % unit if unit > 1 else left

    def _add_amount(self, value: int) -> None:
        current = int(self.amount.text() or 0) if self.amount.text().isdigit() else 0
        self.amount.setText(str(current + value))

    def _enable_installment(self) -> None:
        text = self.amount.text().replace(",", "").strip()
        amount = int(text) if text.isdigit() else self.remaining()
        allowed = amount >= self.installment_from
        self.installment.setEnabled(allowed)
        if not allowed:
            self.installment.setCurrentIndex(0)

    def _amount(self) -> int | None:
        text = self.amount.text().replace(",", "").strip()
        if not text:
            return self.remaining()
        if not text.isdigit() or int(text) <= 0:
            self.message.setText(
                self.tr("금액을 숫자로 입력하세요: {text}").format(text=repr(text))
            )
            return None
        return int(text)

    def _push(self, tender: Tender) -> None:
        self.tenders.append(tender)
        label = {
            "cash": self.tr("현금"),
            "card": self.tr("카드"),
            "card_manual": self.tr("카드(수기)"),
            "voucher": self.tr("상품권"),
            "transfer": self.tr("계좌이체"),
            "rounding": self.tr("원단위 절사"),
        }
        method, amount = label[tender.method.value], format_krw(tender.amount)
        if tender.voucher_kind is not None and tender.method is not Method.VOUCHER:
            method = self.e_voucher_kind.itemText(self.e_voucher_kind.findData(tender.voucher_kind))
            if tender.method is Method.CARD_MANUAL:
                method = self.tr("{method} (수기)").format(method=method)
        if tender.approval_no:
            text = self.tr("{method} {amount} {card} 승인 {approval}").format(
                method=method, amount=amount, card=tender.card_masked, approval=tender.approval_no
            )
        else:
            text = f"{method} {amount}"
        self.paid_list.addItem(text)
        self.amount.clear()
        self._refresh()

    def _refresh(self) -> None:
        self.due_label.setText(
            self.tr("받을 금액 {total} · 남은 금액 {remaining}").format(
                total=format_krw(self.total), remaining=format_krw(self.remaining())
            )
        )
        if self.cash_due() != self.remaining():
            self.due_label.setText(
                self.tr("받을 금액 {total} · 남은 금액 {remaining} (현금 {cash})").format(
                    total=format_krw(self.total),
                    remaining=format_krw(self.remaining()),
                    cash=format_krw(self.cash_due()),
                )
            )
        if self.paid() >= self.total and self.tenders:
            change = settle(self.total, self.tenders).change  # a forfeited voucher rest: none
            self.change_label.setText(
                self.tr("거스름돈 {change}").format(change=format_krw(change))
            )
            self._finish()

    def _finish(self) -> None:
        if self.tax_invoice is not None:
            try:  # a number typed for a 현금영수증 after the request: one evidence only
                check_tenders(self.tenders, cash_receipt=self._receipt_wanted())
            except AppError as exc:
                self._refuse(exc)
                return
            self.accept()
            return
        # a number typed counts as the request, whether or not the button was pressed
        if self.receipt_btn.isChecked() or self.receipt_id.text().strip():
            purpose = (
                ReceiptPurpose.EXPENSE_PROOF
                if self.proof.isChecked()
                else ReceiptPurpose.INCOME_DEDUCTION
            )
            request = CashReceiptRequest(self.receipt_id.text().strip() or None, purpose)
            try:
                request.normalized_identity()
            except DomainError as exc:
                self.message.setText(explain(exc))
                return
            self.cash_receipt = request
        self.accept()

    def pay_cash(self) -> None:
        text = self.amount.text().replace(",", "").strip()
        amount = self._amount() if text else self.cash_due()
        if not amount:
            return
        rounding = self.remaining() - self.cash_due()
        covers = amount >= self.cash_due()
        if rounding and covers:  # 원단위 절사: recorded with the cash that covers the rest
            self.tenders.append(Tender(Method.ROUNDING, rounding))
            self.paid_list.addItem(
                self.tr("원단위 절사 {amount}").format(amount=format_krw(rounding))
            )
        self._push(Tender.cash(amount))

    def pay_e_voucher(self) -> None:
        """A card or mobile voucher (the chosen kind) through the card terminal: refused here,
        before the terminal, when the store does not take that kind."""
        kind = VoucherKind(self.e_voucher_kind.currentData())
        if self._card_refused(Method.CARD, kind):
            return
        if not self._accepts(kind):
            return
        self.pay_card(kind)

    def _accepts(self, kind: VoucherKind) -> bool:
        if self.accepted_kinds is None:
            return True
        try:
            check_accepted(kind, self.accepted_kinds)
        except DomainError as exc:
            self.message.setStyleSheet("font-size: 13pt; color: #b00020;")
            self.message.setText(explain(exc))
            return False
        return True

    def pay_card(self, voucher_kind: VoucherKind | None = None) -> None:
        if self._card_refused(Method.CARD, voucher_kind):
            return
        amount = self._amount()
        if not amount:
            return
        if amount > self.remaining():
            self.message.setText(self.tr("카드는 남은 금액까지만 결제할 수 있습니다."))
            return
        payments = self._payments
        if payments is None:
            self.message.setText(
                self.tr("카드 단말기가 설정되지 않았습니다: '카드 수기'를 쓰세요.")
            )
            return
        self.message.setStyleSheet("font-size: 13pt; color: #05a;")
        self.message.setText(
            self.tr("카드 단말기에서 {amount} 결제 중… 카드를 넣어 주세요.").format(
                amount=format_krw(amount)
            )
        )
        self.card_btn.setEnabled(False)

        def ok(tender: Tender) -> None:
            self.card_btn.setEnabled(True)
            self.message.setText("")
            self._push(tender)

        def failed(exc: BaseException) -> None:  # the sale is not completed; try again or other
            self.card_btn.setEnabled(True)
            self.message.setStyleSheet("font-size: 13pt; color: #b00020;")
            self.message.setText(self.tr("카드 승인 실패: {error}").format(error=explain(exc)))

        earlier = [t.amount for t in approved_parts(self.tenders)]
        months = int(self.installment.currentData() or 0) if amount >= self.installment_from else 0
        if voucher_kind is not None:
            months = 0  # a voucher is paid in one go
        IoOp(
            self,
            self._runner,
            lambda: payments.approve_card(
                amount, months, earlier=earlier, voucher_kind=voucher_kind
            ),
        ).success(ok).failure(failed).run()

    def reject(self) -> None:
        """Closed by the cashier (Esc, Close): approved card parts are cancelled first."""
        approved = approved_parts(self.tenders)
        if not approved or self._payments is None:
            super().reject()
            return
        if self._cancelling:
            return
        self._cancelling = True
        self.setEnabled(False)
        self.message.setStyleSheet("font-size: 13pt; color: #05a;")
        self.message.setText(self.tr("결제를 그만두어 카드 승인을 취소하는 중…"))
        payments = self._payments

        def done(cancelled: tuple[Cancelled, ...]) -> None:
            self.cancelled = cancelled
            self.tenders = [t for t in self.tenders if t not in approved]
            self._cancelling = False
            self.setEnabled(True)
            if self._on_cancelled is not None:
                self._on_cancelled(cancelled)
            QDialog.reject(self)

        def failed(exc: BaseException) -> None:  # a bug, not a refusal (those are in the list)
            self._cancelling = False
            self.setEnabled(True)
            self.message.setStyleSheet("font-size: 13pt; color: #b00020;")
            self.message.setText(
                self.tr("카드 승인 취소 실패: {error} — 단말기에서 직접 취소하세요.").format(
                    error=explain(exc)
                )
            )

        IoOp(self, self._runner, lambda: payments.cancel(approved)).success(done).failure(
            failed
        ).run()

    def pay_card_manual(self) -> None:
        """A card — or a card / mobile voucher — charged on a standalone terminal, keyed in
        with its approval number (and kind): never more than is left (a card gives no change);
        a voucher kind the store does not take, or a card next to a tax invoice, refused."""
        if self._card_refused(Method.CARD_MANUAL):
            return
        amount = self._amount()
        if not amount:
            return
        if amount > self.remaining():
            self.message.setText(self.tr("카드는 남은 금액까지만 결제할 수 있습니다."))
            return
        kinds = [
            (self.e_voucher_kind.itemText(i), VoucherKind(self.e_voucher_kind.itemData(i)))
            for i in range(self.e_voucher_kind.count())
        ]
        dialog = ManualCardDialog(self, kinds)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        kind = dialog.voucher_kind()
        if kind is not None and (
            self._card_refused(Method.CARD_MANUAL, kind) or not self._accepts(kind)
        ):
            return
        try:
            tender = Tender(
                Method.CARD_MANUAL,
                amount,
                approval_no=dialog.approval.text().strip(),
                card_masked=check_masked_card(dialog.card.text().strip()) or None,
                voucher_kind=kind,
            )
        except DomainError as exc:
            self.message.setText(explain(exc))
            return
        self._push(tender)

    def pay_transfer(self) -> None:
        """계좌이체: the amount (or what is left) seen arrived in the store's account; never
        more than what is left (a transfer gives no change)."""
        amount = self._amount()
        if not amount:
            return
        if amount > self.remaining():
            self.message.setText(self.tr("계좌이체는 남은 금액까지만 받을 수 있습니다."))
            return
        self._push(Tender(Method.TRANSFER, amount))

    def pay_voucher(self, kind: VoucherKind) -> None:
        """A paper voucher of the typed face value, its serial scanned or typed. Worth more
        than what is left: the rest is repaid in cash when enough of it is used (60 %, 80 % up
        to ₩10,000 by default), else nothing is repaid — the cashier is told which."""
        if not self._accepts(kind):
            return
        amount = self._amount()
        if not amount:
            return
        serial = self.voucher_serial.text().strip()
        if not serial:
            self.message.setText(self.tr("상품권 일련번호를 스캔하거나 입력하세요."))
            self.voucher_serial.setFocus()
            return
        left = self.remaining()
        try:
            tender = voucher_tender(amount, left, kind, serial, self.voucher_rule)
        except DomainError as exc:
            self.message.setText(explain(exc))
            return
        if tender.voucher_rest == "forfeit":
            self.message.setText(
                self.tr(
                    "상품권 {face} 중 {used} 사용: 기준 미만이라 잔액을 돌려주지 않습니다."
                ).format(face=format_krw(amount), used=format_krw(left))
            )
        self.voucher_serial.clear()
        self._push(tender)


def _probe(method: Method, voucher_kind: VoucherKind | None) -> Tender:
    """A stand-in tender of ``method`` for the §33② check (before the card is charged)."""
    return Tender(method, 1, voucher_kind=voucher_kind, approval_no="0")


class ManualCardDialog(QDialog):
    """Card approved elsewhere (terminal down): approval number and masked number by hand,
    and what was charged — a card, or one of the card / mobile vouchers in ``kinds``."""

    def __init__(
        self,
        parent: QWidget | None = None,
        kinds: Sequence[tuple[str, VoucherKind]] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("카드 수기 입력"))
        layout = QVBoxLayout(self)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("신용·체크카드"), None)
        for text, kind in kinds:
            self.kind.addItem(text, kind)
        layout.addWidget(self.kind)
        self.approval = QLineEdit()
        self.approval.setPlaceholderText(self.tr("승인번호"))
        self.card = QLineEdit()
        self.card.setPlaceholderText(
            self.tr("카드번호 (앞 6자리·뒤 4자리만, 예: 9410-12**-****-5678)")
        )
        layout.addWidget(self.approval)
        layout.addWidget(self.card)
        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for role, text in (
            (QDialogButtonBox.StandardButton.Ok, self.tr("확인 (Enter)")),
            (QDialogButtonBox.StandardButton.Cancel, self.tr("취소 (Esc)")),
        ):
            _big(buttons.button(role)).setText(text)
        layout.addWidget(buttons)
        # touch-sized, and wide enough that the card number's example is read whole
        for w in (self.kind, self.approval, self.card):
            w.setStyleSheet("font-size: 13pt; min-height: 40px;")
        self.card.ensurePolished()  # its style sheet's font, measured
        example = self.card.fontMetrics().horizontalAdvance(self.card.placeholderText())
        self.setMinimumWidth(example + 64)

    def voucher_kind(self) -> VoucherKind | None:
        """The voucher charged (None: a card)."""
        data = self.kind.currentData()
        return VoucherKind(data) if data is not None else None
