"""The reports window's 세금계산서 tab: mark a sale (by its receipt number) for a 세금계산서 /
계산서 with the buyer's details, see the period's requests with their state — a sale's, or
a class / meeting-room booking's not paid at the till, marked in the classes window (its
reference ``BK…`` stands where the receipt number is, its day is the class's) — record one
as issued with the NTS approval number, or cancel it. The list goes to the accountant as
the report 세금계산서·계산서 발급 목록 (CSV / XLSX from the reports tab). The buyer's fields
are the buyer dialog's widget (:class:`posapp.ui.tax_invoice_dialog.BuyerFields`).

Qt only: every call is :class:`posapp.usecases.reports.Reports`' on the window's runner.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posapp.ui.messages import explain
from posapp.ui.operations import Op
from posapp.ui.tasks import SyncRunner, TaskRunner
from posapp.ui.tax_invoice_dialog import BuyerFields
from posapp.usecases.reports import Buyer, Period, Reports, TaxInvoiceInfo


class TaxInvoiceTab(QWidget):
    """Requests for 세금계산서 / 계산서. ``period`` gives the reports tab's period."""

    def __init__(
        self,
        reports: Reports,
        runner: TaskRunner | SyncRunner,
        period: Callable[[], Period],
        user_id: int | None,
    ) -> None:
        super().__init__()
        self.reports, self.runner, self.period, self.user_id = reports, runner, period, user_id
        self.invoices: list[TaxInvoiceInfo] = []
        root = QVBoxLayout(self)
        self.buyer_fields = BuyerFields()  # the buyer dialog's fields, one widget
        f = self.buyer_fields
        self.receipt = QLineEdit()
        self.receipt.setPlaceholderText(self.tr("예: R01-20261014-0001"))
        f.form.insertRow(0, self.tr("영수증 번호"), self.receipt)
        self.business_no, self.name, self.ceo, self.email = f.business_no, f.name, f.ceo, f.email
        self.address, self.business_type, self.business_item = (
            f.address,
            f.business_type,
            f.business_item,
        )
        root.addWidget(f)
        row = QHBoxLayout()
        self.request_btn = QPushButton(self.tr("세금계산서 요청"))
        self.request_btn.clicked.connect(self.request)
        row.addWidget(self.request_btn)
        self.refresh_btn = QPushButton(self.tr("목록 새로 고침 (보고서 기간)"))
        self.refresh_btn.clicked.connect(self.refresh)
        row.addWidget(self.refresh_btn)
        row.addStretch(1)
        root.addLayout(row)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("공급일"),
                self.tr("영수증"),
                self.tr("상호"),
                self.tr("사업자등록번호"),
                self.tr("공급가액·세액 / 면세"),
                self.tr("상태"),
                self.tr("승인번호"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        root.addWidget(self.table, 1)
        done = QHBoxLayout()
        self.approval = QLineEdit()
        self.approval.setPlaceholderText(self.tr("국세청 승인번호 24자리"))
        done.addWidget(self.approval, 1)
        self.issued_btn = QPushButton(self.tr("발급 완료로 기록"))
        self.issued_btn.clicked.connect(self.mark_issued)
        done.addWidget(self.issued_btn)
        self.cancel_btn = QPushButton(self.tr("요청 취소"))
        self.cancel_btn.clicked.connect(self.cancel)
        done.addWidget(self.cancel_btn)
        root.addLayout(done)
        self.status = QLabel()
        self.status.setWordWrap(True)
        root.addWidget(self.status)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(explain(exc))

    def buyer(self) -> Buyer:
        return self.buyer_fields.typed()

    def request(self) -> None:
        receipt, buyer, uid = self.receipt.text().strip(), self.buyer(), self.user_id

        def done(info: TaxInvoiceInfo) -> None:
            self.status.setText(
                self.tr("{receipt}: 세금계산서 요청을 기록했습니다 (발급 대기).").format(
                    receipt=info.receipt_no
                )
            )
            self.receipt.clear()
            self.buyer_fields.clear()
            self.refresh()

        Op(
            self, self.runner, lambda: self.reports.request_invoice(receipt, buyer, user_id=uid)
        ).success(done).failure(self._failed).run()

    def refresh(self) -> None:
        try:
            period = self.period()
        except Exception as exc:  # a period that ends before it starts
            self._failed(exc)
            return
        Op(self, self.runner, lambda: self.reports.invoices(period)).success(
            self.show_invoices
        ).failure(self._failed).run()

    def show_invoices(self, invoices: tuple[TaxInvoiceInfo, ...]) -> None:
        self.invoices = list(invoices)
        self.table.setRowCount(len(invoices))
        for i, inv in enumerate(invoices):
            amounts = f"{inv.supply_value:,} + {inv.vat:,} / {inv.exempt_total:,}"
            cells = (
                inv.business_date.isoformat(),
                inv.receipt_no,
                inv.buyer.name,
                inv.business_no_text,
                amounts,
                inv.state_ko,  # data, as the reports print it
                inv.nts_approval_no or "",
            )
            for c, text in enumerate(cells):
                self.table.setItem(i, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _selected(self) -> TaxInvoiceInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.status.setText(self.tr("요청을 고르세요."))
            return None
        return self.invoices[rows[0].row()]

    def mark_issued(self) -> None:
        inv = self._selected()
        if inv is None:
            return
        number, uid = self.approval.text(), self.user_id

        def done(_: TaxInvoiceInfo) -> None:
            self.approval.clear()
            self.status.setText(self.tr("발급 완료로 기록했습니다."))
            self.refresh()

        Op(
            self, self.runner, lambda: self.reports.invoice_issued(inv.id, number, user_id=uid)
        ).success(done).failure(self._failed).run()

    def cancel(self) -> None:
        inv = self._selected()
        if inv is None:
            return
        uid = self.user_id

        def done(_: TaxInvoiceInfo) -> None:
            self.status.setText(self.tr("요청을 취소했습니다."))
            self.refresh()

        Op(self, self.runner, lambda: self.reports.cancel_invoice(inv.id, user_id=uid)).success(
            done
        ).failure(self._failed).run()
