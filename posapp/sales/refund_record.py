"""Writing a refund document: the one step every kind of refund shares.

Owns the refund's header row (numbered on the register's numbering day — never back while the
clock is set back, :func:`posapp.sales.clock_guard.numbering_day`), its negative lines, and what
follows its payments: the restock movements, the document, its journal entry and its outbox
event, and the :class:`~posapp.sales.sale_records.CompletedSale` handed back to the till. A
refund of a receipt (:mod:`posapp.sales.refunds`) and a return without one
(:mod:`posapp.sales.no_receipt`) decide what is given back and how it is paid out; this module
records it the same way for both, so a rule about numbering or the journal is kept in one place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from posapp.db.engine import UnitOfWork, inserted_id
from posapp.domain.tax import TaxSplit
from posapp.inventory import ledger
from posapp.inventory.ledger import MovementKind, MovementRow
from posapp.sales import clock_guard, journal
from posapp.sales.receipt_numbers import next_receipt_no
from posapp.sales.sale_document import build_document
from posapp.sales.sale_records import (
    INSERT_LINES,
    INSERT_SALE,
    CompletedSale,
    payment_info,
    sold_line,
)
from posapp.sync import outbox


@dataclass(frozen=True, slots=True)
class RefundHeader:
    """A refund's row as written: its id, receipt number, business day and the row itself."""

    id: int
    receipt_no: str
    business_date: dt.date
    row: dict[str, Any]


def write_header(
    uow: UnitOfWork,
    *,
    uuid: str,
    register_id: str,
    shift_id: int,
    user_id: int,
    now: dt.datetime,
    original_sale_id: int | None,
    lines: Sequence[dict[str, Any]],
    total: int,
    tax: TaxSplit,
    approved_by: int | None,
    reason: str,
) -> RefundHeader:
    """Number the refund and write its header and its (negative) ``lines``, which get its id.

    ``total`` is what is given back (positive); the header's gross and discount totals are the
    lines' own sums, so header and lines never disagree."""
    day = clock_guard.numbering_day(uow.conn, register_id, now)  # never back (a clock set back)
    receipt = next_receipt_no(uow, register_id, day)
    row: dict[str, Any] = {
        "uuid": uuid,
        "receipt_no": receipt,
        "kind": "refund",
        "register_id": register_id,
        "shift_id": shift_id,
        "user_id": user_id,
        "business_date": day,
        "created_at": now,
        "original_sale_id": original_sale_id,
        "gross_total": sum(r["gross"] for r in lines),
        "line_discount_total": sum(r["line_discount"] for r in lines),
        "ticket_discount_total": sum(r["ticket_discount"] for r in lines),
        "total": -total,
        "taxable_total": tax.taxable_total,
        "supply_value": tax.supply_value,
        "vat": tax.vat,
        "exempt_total": tax.exempt_total,
        "ticket_discount_kind": None,
        "ticket_discount_value": None,
        "approved_by": approved_by,
        "reason": reason[:200],
    }
    sale_id = inserted_id(uow.conn.execute(INSERT_SALE, row))
    for r in lines:
        r["sale_id"] = sale_id
    uow.conn.execute(INSERT_LINES, list(lines))
    return RefundHeader(sale_id, receipt, day, row)


def finish(
    uow: UnitOfWork,
    header: RefundHeader,
    lines: Sequence[dict[str, Any]],
    payments: Sequence[dict[str, Any]],
    moves: Sequence[MovementRow],
    *,
    tax: TaxSplit,
    original_uuid: str | None,
    original_line_nos: Sequence[int | None],
    **receipt_words: Any,
) -> CompletedSale:
    """After the payments are written: the goods back on the shelf (``moves``, none for
    spoiled goods or services), the document, its journal entry and outbox event; the
    completed refund for the till (``receipt_words``: what its receipt says besides)."""
    row = header.row
    uuid, register_id, now = row["uuid"], row["register_id"], row["created_at"]
    if moves:
        ledger.post(
            uow,
            list(moves),
            kind=MovementKind.RETURN,
            doc_type="refund",
            doc_uuid=uuid,
            reason=row["reason"][:120],
            user_id=row["user_id"],
            register_id=register_id,
            at=now,
        )
    doc = build_document(
        row,
        list(lines),
        list(payments),
        original_uuid=original_uuid,
        original_line_nos=list(original_line_nos),
    )
    journal.append(uow, register_id, "refund", uuid, doc, now)
    outbox.append(uow, "refund", uuid, doc, at=now, register_id=register_id)
    return CompletedSale(
        id=header.id,
        uuid=uuid,
        receipt_no=header.receipt_no,
        kind="refund",
        register_id=register_id,
        user_id=row["user_id"],
        created_at=now,
        business_date=header.business_date,
        lines=tuple(sold_line(r) for r in lines),
        payments=tuple(payment_info(p) for p in payments),
        gross_total=row["gross_total"],
        discount_total=row["line_discount_total"] + row["ticket_discount_total"],
        total=row["total"],
        tax=tax,
        change=0,
        movements=tuple(moves),
        **receipt_words,
    )


__all__ = ["RefundHeader", "finish", "write_header"]
