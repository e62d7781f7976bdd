"""Printing at the till: from what the services return to what the printer lays out
(sale → receipt data, the one store header every receipt and report carries), and the printing
use case — a sale's receipt with its region's promotion and its 세금계산서 발행 요청 block, the
drawer and reprint journal, a text report — handed to the print queue (its own thread: the
till never waits for the printer).

Use cases are the layer that knows both the sale engine and the hardware ports, so the mapping
lives here (services never import hardware; hardware never imports services).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from posapp.config import Settings
from posapp.db.engine import UnitOfWork
from posapp.domain import calendar
from posapp.domain.cart import Unit
from posapp.domain.money import round_half_up_div
from posapp.hardware.print_queue import PrintQueue
from posapp.hardware.receipt import (
    ItemLine,
    SaleReceiptData,
    StoreHeader,
    TenderLine,
    layout_sale,
    layout_text,
)
from posapp.hardware.receipt_exchange import layout_exchange
from posapp.inventory import catalog
from posapp.reports import tax_invoices
from posapp.reports.tax_invoices import TaxInvoiceInfo
from posapp.sales.exchanges import CompletedExchange
from posapp.sales.sale_records import CompletedSale, PaymentInfo, SoldLine

if TYPE_CHECKING:
    from posapp.usecases.checkout import CheckoutSession

log = logging.getLogger(__name__)

_METHOD = {
    "cash": "현금",
    "card": "카드",
    "card_manual": "카드(수기)",
    "card_pending": "카드 취소 대기",
    "voucher": "상품권",
    "transfer": "계좌이체",
    "rounding": "원단위 절사",
    "exchange": "교환 충당",
}
_VOUCHER = {
    "onnuri": "온누리상품권",
    "local": "지역사랑상품권",
    "onnuri_card": "온누리상품권(카드)",
    "onnuri_mobile": "온누리상품권(모바일)",
    "local_mobile": "지역사랑상품권(모바일)",
}


def store_header(settings: Settings) -> StoreHeader:
    """The store's name, address, business number and phone as every receipt prints them."""
    s = settings.store
    return StoreHeader(
        name=s.name,
        name_ko=s.name_ko,
        address=s.address,
        business_number=s.business_number,
        representative=s.representative,
        phone=s.phone,
        practice=settings.card.practice,
    )


def qty_text(unit: str, qty: int) -> str:
    u = Unit(unit)
    n = abs(qty)
    if not u.is_weighed:
        return str(n)
    return f"{n / 1000:.3f}kg" if n >= 1000 else f"{n}g"


def line_markdown(ln: SoldLine) -> int:
    """Won off a sold line by its lot's markdown: its gross at the shelf price less the gross it
    sold at (0 when it was not marked down)."""
    if ln.shelf_price is None:
        return 0
    shelf_gross = round_half_up_div(ln.shelf_price * abs(ln.qty), Unit(ln.unit).price_per)
    return max(0, shelf_gross - abs(ln.gross))


def sale_receipt(
    sale: CompletedSale,
    settings: Settings,
    *,
    cashier: str,
    copy: bool = False,
    promo: tuple[str, str] | None = None,
    tax_invoice: TaxInvoiceInfo | None = None,
) -> SaleReceiptData:
    sign = -1 if sale.kind == "refund" else 1
    items = tuple(
        ItemLine(
            name=ln.name,
            qty_text=qty_text(ln.unit, ln.qty),
            unit_price=ln.unit_price,
            amount=sign * ln.gross,
            discount=sign * (ln.line_discount + ln.ticket_discount),
            exempt=ln.tax_class == "exempt",
            code=ln.barcode or "",
            regular_price=ln.regular_price,
            shelf_price=ln.shelf_price,
            markdown=sign * line_markdown(ln),
        )
        for ln in sale.lines
    )
    tenders = []
    for p in sale.payments:
        label = _METHOD.get(p.method, p.method)
        if p.voucher_kind:
            label = _VOUCHER.get(p.voucher_kind, label)
        details: list[str] = []
        if p.card_masked:
            details.append(p.card_masked)
        if p.card_issuer:
            details.append(f"카드사 {p.card_issuer}")
        if p.card_acquirer:
            details.append(f"매입사 {p.card_acquirer}")
        if p.merchant_no:
            details.append(f"가맹점번호 {p.merchant_no}")
        if p.original_approval_no:
            details.extend(_cancel_details(p))
        elif p.approval_no:
            details.append(f"승인번호 {p.approval_no}")
            if p.approved_at is not None:
                details.append(f"승인일시 {calendar.to_local(p.approved_at):%Y-%m-%d %H:%M:%S}")
            if p.method in ("card", "card_manual") and not p.voucher_kind:
                months = p.installment_months
                details.append(f"할부 {months}개월" if months >= 2 else "일시불")
        amount = sign * (p.tendered if p.method == "cash" else p.amount)
        tenders.append(TenderLine(label, amount, tuple(details)))
    cash_receipt = None
    if sale.cash_receipt:
        if sale.kind == "refund":  # the purpose already says a cancel waits, or a reduction
            approval = (
                f"취소승인 {sale.cash_receipt_approval}" if sale.cash_receipt_approval else ""
            )
        else:
            approval = (
                f"승인 {sale.cash_receipt_approval}" if sale.cash_receipt_approval else "발급 대기"
            )
        cash_receipt = (
            f"{sale.cash_receipt} {sale.cash_receipt_purpose or '소득공제'} {approval}".rstrip()
        )
    promo_title: str = ""
    promo_lines: tuple[str, ...] = ()
    if promo:
        promo_title, promo_lines = promo[0], (promo[1],)
    return SaleReceiptData(
        store=store_header(settings),
        receipt_no=sale.receipt_no,
        at=sale.created_at,
        register=sale.register_id,
        cashier=cashier,
        items=items,
        gross_total=sign * sale.gross_total,
        markdown_total=sum(i.markdown for i in items),
        discount_total=sign * sale.discount_total,
        total=sign * sale.total,
        supply_value=sign * sale.tax.supply_value,
        vat=sign * sale.tax.vat,
        exempt_total=sign * sale.tax.exempt_total,
        tenders=tuple(tenders),
        change=sale.change,
        kind="refund" if sale.kind == "refund" else "sale",
        original_receipt_no=sale.original_receipt_no,
        cash_receipt=cash_receipt,
        copy=copy,
        promo_title=promo_title,
        promo_lines=promo_lines,
        open_drawer=any(p.method == "cash" for p in sale.payments),
        tax_invoice=tax_invoices.receipt_lines(tax_invoice) if tax_invoice is not None else (),
        no_receipt=sale.no_receipt,
    )


def _cancel_details(p: PaymentInfo) -> list[str]:
    """The 취소 영수증 lines of a refund's card payment: 승인취소, the original approval and its
    date, and the cancel's own approval — or that the cancel still waits for the terminal."""
    out = ["승인취소", f"원승인번호 {p.original_approval_no}"]
    if p.original_approved_at is not None:
        out.append(f"원거래일자 {calendar.to_local(p.original_approved_at):%Y-%m-%d}")
    if p.method == "card_pending" or not p.approval_no:
        out.append("취소승인 대기: 단말기 연결 후 취소됩니다")
    else:
        out.append(f"취소승인번호 {p.approval_no}")
        if p.approved_at is not None:
            out.append(f"취소일시 {calendar.to_local(p.approved_at):%Y-%m-%d %H:%M:%S}")
        if p.method == "card_manual":
            out.append("별도 단말기에서 취소")
    return out


class ReceiptPrinting:
    """Receipts and reports of one till, laid out for its paper and queued for its printer."""

    def __init__(
        self, session: CheckoutSession, queue: PrintQueue, settings: Settings, paper_mm: int
    ) -> None:
        self._session = session
        self._queue = queue
        self._settings = settings
        self._header = store_header(settings)
        self.paper_mm = paper_mm

    def promo_for(self, sale: CompletedSale) -> tuple[str, str] | None:
        """The promotion of the first region among the sale's products (offline: the spool's
        copy of the regions)."""
        ids = [ln.product_id for ln in sale.lines]

        def read(uow: UnitOfWork) -> tuple[str, str] | None:
            products = catalog.products_by_id(uow, ids)
            regions = [p.region_id for p in products.values() if p.region_id]
            return catalog.region_promo(uow, regions)

        return self._session.read(read)

    def tax_invoice_for(self, sale: CompletedSale) -> TaxInvoiceInfo | None:
        """The sale's 세금계산서 request, for a reprint (offline: none known to the spool)."""
        s = self._session
        if sale.kind != "sale" or s.offline:
            return None
        return s.db.read(lambda uow: tax_invoices.for_receipt(uow, sale.receipt_no))

    def print_sale(
        self,
        sale: CompletedSale,
        copy: bool = False,
        tax_invoice: TaxInvoiceInfo | None = None,
    ) -> None:
        """Journal the drawer (a cash sale) or the reprint, lay the receipt out, queue it.
        ``tax_invoice``: the sale's request (its block on the receipt); a reprint looks it up."""
        s = self._session
        cashier = s.user.name if s.user else ""
        if tax_invoice is None and copy:
            tax_invoice = self.tax_invoice_for(sale)
        data = sale_receipt(
            sale,
            self._settings,
            cashier=cashier,
            copy=copy,
            promo=self.promo_for(sale),
            tax_invoice=tax_invoice,
        )
        if copy:
            data = replace(data, open_drawer=False)
            s.record_reprint(sale.receipt_no)
        elif data.open_drawer:
            s.record_drawer(sale.receipt_no)
        self._queue.submit(layout_sale(data, self.paper_mm), "reprint" if copy else sale.kind)

    def print_exchange(self, exchange: CompletedExchange) -> None:
        """One receipt for an exchange's refund and sale (the drawer journalled once, for
        the sale, when either moved cash)."""
        s = self._session
        cashier = s.user.name if s.user else ""
        back = sale_receipt(exchange.refund, self._settings, cashier=cashier)
        sold = sale_receipt(exchange.sale, self._settings, cashier=cashier)
        if back.open_drawer or sold.open_drawer:
            s.record_drawer(exchange.sale.receipt_no)
        self._queue.submit(layout_exchange(back, sold, self.paper_mm), "exchange")

    def print_text(self, title: str, lines: list[str]) -> None:
        self._queue.submit(layout_text(title, lines, self._header, self.paper_mm), title)
