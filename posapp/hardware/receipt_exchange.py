"""The receipt of an exchange (교환): one paper for the refund of the returned goods (반품, with
the earlier receipt's number) and the sale of the new ones (교환), then what was settled — the
difference paid, or given back with its card cancel's details.

Owns only the exchange's own layout; the header, the item rows and the tender rows are the
sale receipt's own (:mod:`posapp.hardware.receipt`).
"""

from __future__ import annotations

from posapp.domain import calendar
from posapp.domain.text import display_width
from posapp.hardware.receipt import (
    COLUMNS,
    Barcode,
    Feed,
    Receipt,
    Row,
    Rule,
    SaleReceiptData,
    _columns,
    _header,
    won,
)


def layout_exchange(refund: SaleReceiptData, sale: SaleReceiptData, paper_mm: int = 80) -> Receipt:
    """One receipt for both documents of an exchange (their data as :func:`sale_receipt`
    gives them: the refund's amounts positive, as on a refund receipt)."""
    cols = COLUMNS.get(paper_mm, 48)
    r = Receipt(
        columns=cols,
        open_drawer=refund.open_drawer or sale.open_drawer,
        title=sale.receipt_no,
    )
    _header(r, sale.store, paper_mm)
    r.add(Rule("="))
    r.add(Row("[교환 영수증]", align="center", bold=True))
    r.add(Row("영수증번호", sale.receipt_no))
    r.add(Row("반품 영수증번호", refund.receipt_no))
    if refund.original_receipt_no:
        r.add(Row("원거래", refund.original_receipt_no))
    r.add(Row("일시", calendar.to_local(sale.at).strftime("%Y-%m-%d %H:%M:%S")))
    r.add(Row(f"계산대 {sale.register}", f"계산원 {sale.cashier}"))
    qty_w, price_w, amount_w = (6, 9, 10) if cols >= 48 else (5, 0, 9)
    widest = max((display_width(i.qty_text) for i in (*refund.items, *sale.items)), default=0)
    qty_w = max(qty_w, 1 + widest)
    for title, data, sign in (("반품", refund, -1), ("교환", sale, 1)):
        r.add(Rule())
        r.add(Row(f"<{title}>", bold=True))
        r.add(_columns("상품명", "수량", "단가", "금액", cols, qty_w, price_w, amount_w))
        for item in data.items:
            r.add(Row(f"{'*' if item.exempt else ' '}{item.name}"))
            r.add(
                _columns(
                    "",
                    item.qty_text,
                    won(item.unit_price),
                    won(sign * item.amount),
                    cols,
                    qty_w,
                    price_w,
                    amount_w,
                )
            )
            if item.discount:
                r.add(Row("   할인", won(-sign * item.discount)))
        r.add(Row(f"{title} 합계", won(sign * data.total), bold=True))
        r.add(Row("과세 물품가액", won(sign * data.supply_value)))
        r.add(Row("부가세", won(sign * data.vat)))
        r.add(Row("면세 물품가액", won(sign * data.exempt_total)))
    r.add(Rule("="))
    difference = sale.total - refund.total
    if difference >= 0:
        r.add(Row("받을 금액", f"₩{won(difference)}", bold=True, double=paper_mm == 80))
    else:
        r.add(Row("돌려줄 금액", f"₩{won(-difference)}", bold=True, double=paper_mm == 80))
    r.add(Rule())
    for data in (refund, sale):
        for t in data.tenders:
            if t.label == "교환 충당":
                continue  # the credit moves from the refund to the sale: said once, below
            label = f"{t.label} 환불" if data is refund else t.label
            r.add(Row(label, won(t.amount)))
            for d in t.details:
                r.add(Row(f"  {d}"))
    r.add(Row("교환 충당 (반품 → 교환)", won(min(refund.total, sale.total))))
    if sale.change:
        r.add(Row("거스름돈", won(sale.change), bold=True))
    for data in (refund, sale):
        if data.cash_receipt:
            r.add(Rule())
            r.add(Row("현금영수증", data.cash_receipt))
    r.add(Rule())
    r.add(Row("* 표시는 면세 물품입니다", align="left"))
    r.add(Barcode(sale.receipt_no))
    r.add(Row(sale.receipt_no, align="center"))
    r.add(Rule())
    r.add(Row("교환·환불은 영수증을 지참하여 7일 이내", align="center"))
    r.add(Row("감사합니다. 또 오세요!", align="center"))
    r.add(Feed(2))
    return r


__all__ = ["layout_exchange"]
