"""영수증 찾기: any earlier receipt found by its number (or part of it), its day, its amount or the
last four digits of the card, and printed again as 재발행 — or, 세금계산서 요청, marked for a tax
invoice the customer asks for after the fact (up to the 10th of the next month). Enter in a
field searches (it never closes the dialog); 재발행 prints the chosen receipt.

Qt only: the search and the reprint are the till's use case (posapp.usecases.receipt_search),
run through posapp.ui.operations.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QIntValidator, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posapp.domain import calendar
from posapp.domain.money import format_krw
from posapp.ui.messages import explain
from posapp.ui.operations import Op, Runner
from posapp.ui.tax_invoice_dialog import TaxInvoiceBuyerDialog
from posapp.usecases.receipt_search import ReceiptHit, ReceiptSearch
from posapp.usecases.tax_invoice import request_deadline

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ReceiptFinderDialog(QDialog):
    """Find an earlier receipt and print it again (재발행)."""

    def __init__(self, search: ReceiptSearch, runner: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self._search, self._runner = search, runner
        self.setWindowTitle(self.tr("영수증 찾기"))
        v = QVBoxLayout(self)
        form = QFormLayout()
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("영수증 번호 (일부도 됩니다)"))
        self.day = QLineEdit(calendar.today().isoformat())
        self.day.setPlaceholderText("YYYY-MM-DD")
        self.amount = QLineEdit()
        self.amount.setValidator(QIntValidator(0, 999_999_999, self.amount))
        self.last4 = QLineEdit()
        self.last4.setValidator(QRegularExpressionValidator(r"\d{0,4}", self.last4))
        form.addRow(self.tr("영수증 번호"), self.number)
        form.addRow(self.tr("날짜"), self.day)
        form.addRow(self.tr("금액 (원)"), self.amount)
        form.addRow(self.tr("카드 끝 4자리"), self.last4)
        v.addLayout(form)
        for field in (self.number, self.day, self.amount, self.last4):
            field.returnPressed.connect(self.search_now)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("영수증 번호"),
                self.tr("시각"),
                self.tr("종류"),
                self.tr("금액"),
                self.tr("카드"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setColumnWidth(0, 190)
        v.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        v.addWidget(self.message)
        row = QHBoxLayout()
        self.find_button = QPushButton(self.tr("찾기"))
        self.find_button.clicked.connect(self.search_now)
        self.reprint_button = QPushButton(self.tr("재발행"))
        self.reprint_button.clicked.connect(self.reprint)
        self.invoice_button = QPushButton(self.tr("세금계산서 요청"))
        self.invoice_button.clicked.connect(self.request_tax_invoice)
        close = QPushButton(self.tr("닫기"))
        close.clicked.connect(self.reject)
        for b in (self.find_button, self.reprint_button, self.invoice_button, close):
            b.setAutoDefault(False)
            row.addWidget(b)
        v.addLayout(row)
        self.hits: list[ReceiptHit] = []
        self.resize(720, 480)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")

    def search_now(self) -> None:
        day: dt.date | None = None
        text = self.day.text().strip()
        if text:
            try:
                day = dt.date.fromisoformat(text)
            except ValueError:
                self._say(self.tr("날짜는 2026-11-23처럼 입력하세요."), error=True)
                return
        amount = int(self.amount.text()) if self.amount.text().strip() else None
        number, last4, search = self.number.text(), self.last4.text(), self._search
        Op(
            self,
            self._runner,
            lambda: search.find(number=number, day=day, amount=amount, card_last4=last4),
        ).success(self._show).failure(lambda exc: self._say(explain(exc), error=True)).run()

    def _show(self, hits: tuple[ReceiptHit, ...]) -> None:
        self.hits = list(hits)
        self.table.setRowCount(len(hits))
        kinds = {"sale": self.tr("판매"), "refund": self.tr("환불")}
        for i, h in enumerate(hits):
            cells = (
                h.receipt_no,
                calendar.to_local(h.created_at).strftime("%Y-%m-%d %H:%M"),
                kinds.get(h.kind, h.kind),
                format_krw(h.total),
                ", ".join(h.cards),
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(i, c, item)
        if hits:
            self.table.selectRow(0)
            self._say(self.tr("{n}건 찾았습니다.").format(n=len(hits)))
        else:
            self._say(self.tr("맞는 영수증이 없습니다."), error=True)

    def reprint(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self._say(self.tr("다시 인쇄할 영수증을 고르세요."), error=True)
            return
        receipt_no, search = self.hits[rows[0].row()].receipt_no, self._search
        Op(self, self._runner, lambda: search.reprint(receipt_no)).success(
            lambda no: self._say(self.tr("재발행했습니다: {no}").format(no=no))
        ).failure(lambda exc: self._say(explain(exc), error=True)).run()

    def request_tax_invoice(self) -> None:
        """세금계산서 요청 for the chosen sale, asked after its receipt was printed: the buyer
        typed in, the request recorded (the dialog shows a refusal and keeps what was typed),
        the 요청서 slip and the receipt again printed."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self._say(self.tr("세금계산서를 요청할 영수증을 고르세요."), error=True)
            return
        hit, search = self.hits[rows[0].row()], self._search
        day = calendar.business_day(hit.created_at)
        note = self.tr("{day} 판매: {deadline}까지 요청할 수 있습니다 (다음 달 10일).").format(
            day=day.isoformat(), deadline=request_deadline(day).isoformat()
        )
        dialog = TaxInvoiceBuyerDialog(
            self,
            receipt_no=hit.receipt_no,
            note=note,
            submit=lambda buyer: search.request_tax_invoice(hit.receipt_no, buyer),
            runner=self._runner,
        )
        self.invoice_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.info is not None:
            self._say(
                self.tr("세금계산서 요청을 기록하고 요청서를 인쇄했습니다: {no} {name}").format(
                    no=dialog.info.receipt_no, name=dialog.info.buyer.name
                )
            )


__all__ = ["ReceiptFinderDialog"]
