"""From what the services return to what the printer lays out: sale → receipt data.

The UI is the one layer that knows both the sale engine and the hardware ports, so the mapping
lives here (services never import hardware; hardware never imports services).
"""

from __future__ import annotations

from posapp.config import Settings
from posapp.domain.cart import Unit
from posapp.hardware.receipt import ItemLine, SaleReceiptData, StoreHeader, TenderLine
from posapp.sales.sale_records import CompletedSale

_METHOD = {"cash": "현금", "card": "카드", "card_manual": "카드(수기)", "voucher": "상품권"}
_VOUCHER = {"onnuri": "온누리상품권", "local": "지역사랑상품권"}


def store_header(settings: Settings) -> StoreHeader:
    s = settings.store
    return StoreHeader(
        name=s.name,
        name_ko=s.name_ko,
        address=s.address,
        business_number=s.business_number,
        representative=s.representative,
        phone=s.phone,
    )


def qty_text(unit: str, qty: int) -> str:
    u = Unit(unit)
    n = abs(qty)
    if not u.is_weighed:
        return str(n)
    return f"{n / 1000:.3f}kg" if n >= 1000 else f"{n}g"


def sale_receipt(
    sale: CompletedSale,
    settings: Settings,
    *,
    cashier: str,
    copy: bool = False,
    promo: tuple[str, str] | None = None,
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
        if p.approval_no:
            details.append(f"승인번호 {p.approval_no}")
        amount = sign * (p.tendered if p.method == "cash" else p.amount)
        tenders.append(TenderLine(label, amount, tuple(details)))
    cash_receipt = None
    if sale.cash_receipt:
        approval = (
            f"승인 {sale.cash_receipt_approval}" if sale.cash_receipt_approval else "발급 대기"
        )
        cash_receipt = f"{sale.cash_receipt} {sale.cash_receipt_purpose or '소득공제'} {approval}"
    promo_title, promo_lines = "", ()
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
    )
