"""The canonical document of a completed sale or refund: journal payload and outbox event.

Built from the same row dicts that are inserted, and rebuilt from the tables by
:func:`load_document`, so the journal check compares like with like. A line whose price was
changed at the till carries ``price_override`` (the catalogue price, the reason, who allowed
it); other lines have no such key, so documents written before it existed rebuild the same.
A line of a marked-down lot (마감할인) carries ``shelf_price`` (the price the markdown lowered
it from) the same way: only such lines, so every other document is as it was. A document
journaled before the key existed is recognised by :func:`without_shelf_prices` (verify).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from posapp.db.engine import Record, UnitOfWork
from posapp.db.models import Payment, Sale, SaleLine

SALE_KEYS = (
    "uuid",
    "receipt_no",
    "kind",
    "register_id",
    "user_id",
    "business_date",
    "created_at",
    "gross_total",
    "line_discount_total",
    "ticket_discount_total",
    "total",
    "taxable_total",
    "supply_value",
    "vat",
    "exempt_total",
    "ticket_discount_kind",
    "ticket_discount_value",
    "approved_by",
    "reason",
)
LINE_KEYS = (
    "line_no",
    "product_id",
    "barcode",
    "name",
    "unit",
    "qty",
    "unit_price",
    "gross",
    "line_discount",
    "ticket_discount",
    "net",
    "tax_class",
    "discount_kind",
    "discount_value",
)
PAYMENT_KEYS = (
    "seq",
    "method",
    "amount",
    "tendered",
    "change_given",
    "evidence",
    "approval_no",
    "card_masked",
    "card_issuer",
    "installment_months",
    "voucher_kind",
    "reference",
    "cash_receipt_identity",
    "cash_receipt_purpose",
)


_AS_IS = frozenset((int, str, type(None), bool))


def _plain(value: Any) -> Any:
    if type(value) in _AS_IS:  # most values: no conversion (checked first, this runs per field)
        return value
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return value
    return value


def build_document(
    sale: Record,
    lines: Sequence[Record],
    payments: Sequence[Record],
    *,
    original_uuid: str | None,
    original_line_nos: Sequence[int | None],
) -> dict[str, Any]:
    doc = {k: _plain(sale[k]) for k in SALE_KEYS}
    doc["original_uuid"] = original_uuid
    if sale["kind"] == "refund" and original_uuid is None:
        doc["no_receipt"] = True  # a return without a receipt (posapp.sales.no_receipt)
    doc["lines"] = [
        {
            **{k: _plain(ln[k]) for k in LINE_KEYS},
            "original_line_no": orig,
            **_shelf(ln),
            **_override(ln),
        }
        for ln, orig in zip(lines, original_line_nos, strict=True)
    ]
    doc["payments"] = [{**{k: _plain(p[k]) for k in PAYMENT_KEYS}, **_cancels(p)} for p in payments]
    return doc


def _cancels(payment: Record) -> dict[str, Any]:
    """A refund's card payment names the approval it cancels (absent everywhere else, so the
    documents of sales stay as they were)."""
    if payment.get("original_approval_no") is None:
        return {}
    return {
        "original_approval_no": payment["original_approval_no"],
        "original_approved_at": _plain(payment["original_approved_at"]),
    }


def _shelf(line: Record) -> dict[str, Any]:
    """A marked-down line names its shelf price (absent on every other line)."""
    shelf = line.get("shelf_price")
    return {} if shelf is None else {"shelf_price": shelf}


def without_shelf_prices(doc: dict[str, Any]) -> dict[str, Any]:
    """``doc`` as it was journaled before documents carried ``shelf_price`` (0013_floor to
    this change): the same document with the key taken off its lines."""
    lines = [{k: v for k, v in ln.items() if k != "shelf_price"} for ln in doc.get("lines", [])]
    return {**doc, "lines": lines}


def _override(line: Record) -> dict[str, Any]:
    if line.get("regular_price") is None:
        return {}
    return {
        "price_override": {
            "regular_price": line["regular_price"],
            "reason": line["price_override_reason"],
            "by": line["price_override_by"],
        }
    }


def load_document(uow: UnitOfWork, sale_uuid: str) -> dict[str, Any] | None:
    """Rebuild a document from the sales tables (None if the sale is missing)."""
    conn = uow.conn
    s = Sale.__table__
    sale = conn.execute(select(s).where(s.c.uuid == sale_uuid)).mappings().first()
    if sale is None:
        return None
    sl = SaleLine.__table__
    lines = (
        conn.execute(select(sl).where(sl.c.sale_id == sale["id"]).order_by(sl.c.line_no))
        .mappings()
        .all()
    )
    pay = Payment.__table__
    payments = (
        conn.execute(select(pay).where(pay.c.sale_id == sale["id"]).order_by(pay.c.seq))
        .mappings()
        .all()
    )
    original_uuid = None
    orig_nos: list[int | None] = [None] * len(lines)
    if sale["original_sale_id"] is not None:
        original_uuid = conn.execute(
            select(s.c.uuid).where(s.c.id == sale["original_sale_id"])
        ).scalar_one()
        ids = [ln["original_line_id"] for ln in lines if ln["original_line_id"] is not None]
        nos = dict(conn.execute(select(sl.c.id, sl.c.line_no).where(sl.c.id.in_(ids))).all())
        orig_nos = [nos.get(ln["original_line_id"]) for ln in lines]
    return build_document(
        sale, lines, payments, original_uuid=original_uuid, original_line_nos=orig_nos
    )
