"""세금계산서 요청 at the till: the buyer's 사업자등록번호, 상호, 대표자 and e-mail typed in
(keyboard first: Enter goes to the next field, then 확인), each refused in Korean in the
dialog, which stays open with what was typed. It says what the cashier must do: a
tax invoice goes with a cash or bank-transfer payment only — a card payment's slip
and a 현금영수증 are the supply's evidence already (부가가치세법 §33②).

Two uses: from the tender dialog (Shift+F12; the request is recorded with the
sale) and for a receipt already printed (the receipt finder, or Shift+F12 just
after a sale), where ``submit`` records it at once (up to the 10th of the next
month) and the dialog shows the refusal if any.

A third use: the classes window marks a class or meeting-room booking (Shift+F12 there),
``submit`` recording it through :meth:`posapp.usecases.classes.Classes.request_tax_invoice`.
The buyer's fields are one widget, :class:`BuyerFields`, which the reports window's
세금계산서 tab uses too.

Qt only: the checks and the request are :mod:`posapp.usecases.tax_invoice`'s.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.errors import AppError
from posapp.ui.dialogs import big_button
from posapp.ui.messages import explain
from posapp.ui.operations import Op, Runner
from posapp.usecases.tax_invoice import Buyer, TaxInvoiceInfo, check_buyer


class TaxInvoiceBuyerDialog(QDialog):
    """The buyer of a 세금계산서 / 계산서. ``submit`` (a later request): what records it,
    run on ``runner`` when 확인 is pressed; without it the checked buyer is :attr:`buyer`."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        receipt_no: str = "",
        note: str = "",
        submit: Callable[[Buyer], TaxInvoiceInfo] | None = None,
        runner: Runner | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("세금계산서 요청"))
        self.setMinimumWidth(480)  # the rule and a refusal read in two or three lines
        self._submit, self._runner = submit, runner
        self.buyer: Buyer | None = None
        self.info: TaxInvoiceInfo | None = None
        v = QVBoxLayout(self)
        rule = QLabel(
            self.tr(
                "세금계산서는 현금·계좌이체로 받은 판매에만 발급합니다. 카드 결제(카드 매출전표)나 "
                "현금영수증과 함께 발급할 수 없습니다 (부가가치세법 제33조 제2항)."
            )
        )
        rule.setWordWrap(True)
        rule.setStyleSheet("color: #05a;")
        v.addWidget(rule)
        if receipt_no:
            v.addWidget(QLabel(self.tr("영수증 {receipt}").format(receipt=receipt_no)))
        if note:
            extra = QLabel(note)
            extra.setWordWrap(True)
            v.addWidget(extra)
        self.buyer_fields = BuyerFields()
        # touch-sized at the till (the reports tab keeps its own): a minimum the layout keeps
        # (a style sheet's min-height it squeezed, cutting off the last field)
        self.buyer_fields.setStyleSheet("QLineEdit { font-size: 12pt; }")
        for w in self.buyer_fields.fields:
            w.setMinimumHeight(40)
        v.addWidget(self.buyer_fields)
        f = self.buyer_fields
        self.business_no, self.name, self.ceo, self.email = f.business_no, f.name, f.ceo, f.email
        self.address, self.business_type, self.business_item = (
            f.address,
            f.business_type,
            f.business_item,
        )
        self.fields = f.fields
        for here, after in zip(self.fields, self.fields[1:], strict=False):
            here.returnPressed.connect(after.setFocus)
        self.fields[-1].returnPressed.connect(self.confirm)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        v.addWidget(self.message)
        row = QHBoxLayout()
        self.ok_btn = QPushButton(self.tr("확인"))
        self.ok_btn.clicked.connect(self.confirm)
        cancel = QPushButton(self.tr("취소 (Esc)"))
        cancel.clicked.connect(self.reject)
        for b in (self.ok_btn, cancel):
            b.setAutoDefault(False)  # Enter moves between the fields, never closes
            row.addWidget(big_button(b))
        v.addLayout(row)
        self.business_no.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """Tall enough for the wrapped rule, note and refusal at the dialog's width (Qt sizes
        a window by its labels unwrapped: the form was squeezed, its last field cut off)."""
        layout = self.layout()
        need = layout.totalHeightForWidth(self.width()) if layout is not None else -1
        if need > self.height():
            self.resize(self.width(), need)

    def typed(self) -> Buyer:
        return self.buyer_fields.typed()

    def confirm(self) -> None:
        """확인: the buyer checked (the refusal shown, the field to fix focused); a later
        request recorded through ``submit``."""
        try:
            buyer = check_buyer(self.typed())
        except AppError as exc:
            self.message.setText(explain(exc))
            self._fit_height()
            self.buyer_fields.focus_wrong(exc)
            return
        self.buyer = buyer
        if self._submit is None or self._runner is None:
            self.accept()
            return
        submit = self._submit
        self.ok_btn.setEnabled(False)

        def done(info: TaxInvoiceInfo) -> None:
            self.ok_btn.setEnabled(True)
            self.info = info
            self.accept()

        def failed(exc: BaseException) -> None:
            self.ok_btn.setEnabled(True)
            self.message.setText(explain(exc))
            self._fit_height()

        Op(self, self._runner, lambda: submit(buyer)).success(done).failure(failed).run()


class BuyerFields(QWidget):
    """The buyer of a 세금계산서 / 계산서 as typed: 사업자등록번호, 상호, 대표자, 이메일, and
    주소 / 업태 / 종목 when known — one form for every screen that asks (``form`` takes a
    screen's own rows, the receipt number of the reports tab)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.business_no = QLineEdit()
        self.business_no.setPlaceholderText("123-45-67890")
        self.business_no.setMaxLength(14)
        self.name = QLineEdit()
        self.name.setMaxLength(120)
        self.ceo = QLineEdit()
        self.ceo.setMaxLength(60)
        self.email = QLineEdit()
        self.email.setPlaceholderText("tax@example.co.kr")
        self.email.setMaxLength(120)
        self.address = QLineEdit()
        self.address.setMaxLength(200)
        self.business_type = QLineEdit()
        self.business_type.setMaxLength(60)
        self.business_item = QLineEdit()
        self.business_item.setMaxLength(60)
        self.form.addRow(self.tr("사업자등록번호"), self.business_no)
        self.form.addRow(self.tr("상호"), self.name)
        self.form.addRow(self.tr("대표자"), self.ceo)
        self.form.addRow(self.tr("이메일"), self.email)
        self.form.addRow(self.tr("주소 (선택)"), self.address)
        self.form.addRow(self.tr("업태 (선택)"), self.business_type)
        self.form.addRow(self.tr("종목 (선택)"), self.business_item)
        self.fields = (
            self.business_no,
            self.name,
            self.ceo,
            self.email,
            self.address,
            self.business_type,
            self.business_item,
        )

    def typed(self) -> Buyer:
        return Buyer(*(w.text() for w in self.fields))

    def clear(self) -> None:
        for w in self.fields:
            w.clear()

    def focus_wrong(self, exc: AppError) -> None:
        """Focus (and select) the field a refusal names."""
        code, field = str(exc.code), str(exc.data.get("field", ""))
        target = {
            "tax_invoice.business_no": self.business_no,
            "tax_invoice.email": self.email,
        }.get(code)
        if target is None:
            target = {"상호": self.name, "대표자": self.ceo, "이메일": self.email}.get(field)
        if target is not None:
            target.setFocus()
            target.selectAll()


__all__ = ["BuyerFields", "TaxInvoiceBuyerDialog"]
