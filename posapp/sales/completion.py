"""Completing a sale: the ticket, its tenders and everything they write, in one transaction.

Owns :func:`complete_sale`: the sale, its lines and payments, stock movements taken
first-expiring-first, the journal entry and the outbox event in ONE transaction (the caller's,
``Database.transact``, which commits and retries on a serialization failure), so a crash leaves
all of it or none. That path uses Core statements: the ORM's per-object bookkeeping costs ten
times more there. On PostgreSQL, once the till knows its register's state, the whole sale travels
in one round trip (:mod:`posapp.sales.fastpath`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select

from posapp import audit, store_policy
from posapp.auth.permissions import Permission, require_permission
from posapp.db.engine import Batch, UnitOfWork
from posapp.db.models import Sale, Shift, utcnow
from posapp.domain import calendar
from posapp.domain.cart import PricedCart
from posapp.inventory import ledger
from posapp.inventory.ledger import MovementKind, MovementRow, Take
from posapp.sales import cash_receipts, clock_guard, fastpath, journal
from posapp.sales.error_codes import RefundErrorCode, SaleErrorCode
from posapp.sales.price_override import audit_price_overrides, check_price_overrides
from posapp.sales.receipt_numbers import format_receipt_no, next_receipt_no, receipt_day
from posapp.sales.sale_document import build_document
from posapp.sales.sale_records import (
    INSERT_LINES,
    INSERT_PAYMENTS,
    CompletedSale,
    SaleError,
    line_rows,
    payment_info,
    payment_rows,
    sold_line,
    untracked_products,
)
from posapp.sales.shifts import not_open
from posapp.sales.tenders import (
    CashReceiptRequest,
    Method,
    Settlement,
    Tender,
    cash_receipt_amount,
    settle,
)
from posapp.sales.ticket import Ticket
from posapp.sync import outbox

# The sale row takes its shift from the register's open shift in the same statement (one round
# trip fewer than looking the shift up first); no open shift inserts nothing.
_sale_cols = [c for c in Sale.__table__.c if c.name not in ("id", "shift_id")]
_ins_sale_in_shift = (
    insert(Sale.__table__)
    .from_select(
        [*(c.name for c in _sale_cols), "shift_id"],
        select(*(bindparam(c.name, type_=c.type) for c in _sale_cols), Shift.id)
        .where(Shift.register_id == bindparam("register_id"), Shift.status == "open")
        .order_by(Shift.id)
        .limit(1),
    )
    .returning(Sale.__table__.c.id, Sale.__table__.c.shift_id)
)


def _insert_sale_in_open_shift(conn: Connection, sale_row: dict[str, Any]) -> int:
    """Insert the sale into its register's open shift; sets ``sale_row["shift_id"]``."""
    row = conn.execute(_ins_sale_in_shift, sale_row).first()
    if row is None:
        raise not_open(sale_row["register_id"])
    sale_row["shift_id"] = row[1]
    return int(row[0])


def complete_sale(
    uow: UnitOfWork,
    ticket: Ticket,
    tenders: Sequence[Tender],
    *,
    register_id: str,
    user_id: int,
    approved_by: int | None = None,
    cash_receipt: CashReceiptRequest | None = None,
    discount_limit_percent: int | None = None,
    approved_bound: Mapping[str, int] | None = None,
    now: dt.datetime | None = None,
    receipt_series: str = "",
    receipt_no: str | None = None,
    final: bool = False,
    exchange_id: str | None = None,
    day: dt.date | None = None,
) -> CompletedSale:
    """Commit ``ticket`` as a sale paid by ``tenders`` (all-or-nothing, in the caller's commit).

    ``exchange_id``: the sale of an exchange (:mod:`posapp.sales.exchanges`), partly paid by
    the refund written before it in this transaction (an ``exchange`` tender under that id);
    no other sale takes an ``exchange`` tender.

    ``receipt_series="O"`` numbers it in the offline series (a till's local spool);
    ``receipt_no`` replays a sale already numbered and printed offline (with its ``now``): it
    is counted on the day its number says. ``day``: the business day to number and count it
    on, decided by the caller (the offline spool's clock rule, :mod:`posapp.sales.offline`).
    ``final``: the caller writes nothing after the sale in this unit of work, so on
    PostgreSQL's fast path the COMMIT may travel in the sale's own round trip."""
    if not ticket.lines:
        raise SaleError("the ticket is empty", code=SaleErrorCode.EMPTY)
    priced = ticket.priced()
    if discount_limit_percent is None:  # the store's policy, read in this transaction
        discount_limit_percent = store_policy.load(uow)["discount_limit_percent"]
    if ticket.max_discount_percent(priced) > discount_limit_percent:
        require_permission(
            uow, approved_by, Permission.DISCOUNT_OVER_LIMIT, "a discount above the limit"
        )
    overridden = check_price_overrides(uow, ticket)
    for t in tenders:
        if t.method is Method.EXCHANGE and (exchange_id is None or t.reference != exchange_id):
            raise SaleError(
                "an exchange tender outside its exchange",
                code=RefundErrorCode.EXCHANGE,
                credit=t.amount,
                most=0,
            )
    settlement = settle(priced.total, list(tenders))
    conn = uow.conn
    now = now or utcnow()
    # a replayed offline sale keeps the day its number says (numbered by the spool's clock rule,
    # which may be later than its clock's day); any other is numbered on a day that never goes
    # back for its register, whatever the clock says (clock_guard)
    if receipt_no is not None:
        day = receipt_day(receipt_no) or calendar.business_day(now)
    elif day is None:
        day = clock_guard.numbering_day(conn, register_id, now)
    audited = (approved_by is not None and bool(priced.discount_total)) or overridden
    # PostgreSQL, register state known: the whole sale in one round trip (posapp.sales.fastpath)
    # a 현금영수증 the terminal could not issue is queued (posapp.sales.cash_receipts)
    unissued = cash_receipt is not None and cash_receipt.approval_no is None
    # (a marked-down line's shelf price travels in the document, which the one-trip statement
    # writes the lines from: such a ticket takes the fast path too)
    general = audited or unissued or receipt_no is not None or bool(receipt_series)
    general = general or exchange_id is not None  # its refund took a number in this transaction
    fast = None if general else fastpath.plan(uow, register_id, day)
    if fast is not None:
        receipt_no = format_receipt_no(register_id, day, fast.receipt_seq)
    elif receipt_no is None:
        receipt_no = next_receipt_no(uow, register_id, day, receipt_series)
    td = ticket.discount
    sale_row = {
        "uuid": ticket.uuid,
        "receipt_no": receipt_no,
        "kind": "sale",
        "register_id": register_id,
        "user_id": user_id,
        "business_date": day,
        "created_at": now,
        "original_sale_id": None,
        "gross_total": priced.gross_total,
        "line_discount_total": priced.line_discount_total,
        "ticket_discount_total": priced.ticket_discount_total,
        "total": priced.total,
        "taxable_total": priced.tax.taxable_total,
        "supply_value": priced.tax.supply_value,
        "vat": priced.tax.vat,
        "exempt_total": priced.tax.exempt_total,
        "ticket_discount_kind": td.kind if td else None,
        "ticket_discount_value": td.value if td else None,
        "approved_by": approved_by,
        "reason": "",
    }
    if fast is not None:
        lines = line_rows(0, priced)
        payments = payment_rows(0, tenders, settlement, cash_receipt)
        doc = build_document(
            sale_row, lines, payments, original_uuid=None, original_line_nos=[None] * len(lines)
        )
        sale_id, moves = fastpath.write_sale(
            uow,
            fast,
            sale_row,
            payments,
            doc,
            [Take(r["product_id"], r["qty"]) for r in lines],
            commit=final,
        )
        if final:
            uow.commit_sent()
        for r in (*lines, *payments):
            r["sale_id"] = sale_id
        return _completed(
            sale_id, sale_row, lines, payments, priced, settlement, cash_receipt, moves
        )
    sale_id = _insert_sale_in_open_shift(conn, sale_row)
    lines = line_rows(sale_id, priced)
    payments = payment_rows(sale_id, tenders, settlement, cash_receipt)
    # service lines (class fees) take no stock; read before the batch (it needs the answer)
    untracked = untracked_products(uow, [r["product_id"] for r in lines])
    doc = build_document(
        sale_row, lines, payments, original_uuid=None, original_line_nos=[None] * len(lines)
    )
    # On PostgreSQL the statements whose results are not read travel together (Batch): the
    # sale costs five round trips instead of fifteen.
    with Batch(conn) as batch:
        journal.append(uow, register_id, "sale", ticket.uuid, doc, now, batch=batch)
        conn.execute(INSERT_LINES, lines)
        if payments:
            conn.execute(INSERT_PAYMENTS, payments)
        outbox.append(uow, "sale", ticket.uuid, doc, at=now, register_id=register_id)
        if unissued and cash_receipt is not None:
            amount = cash_receipt_amount(priced.total, list(tenders))
            if amount > 0:
                cash_receipts.queue(
                    uow,
                    sale_uuid=ticket.uuid,
                    receipt_no=receipt_no,
                    register_id=register_id,
                    amount=amount,
                    request=cash_receipt,
                    at=now,
                )
        # Stock last: its rows are the ones every till shares (popular products) and a row
        # lock is held until commit — taken just before it, it is held for the fewest trips.
        takes = [Take(r["product_id"], r["qty"]) for r in lines if r["product_id"] not in untracked]
        moves = ledger.take_fefo(
            uow,
            takes,
            kind=MovementKind.SALE,
            doc_type="sale",
            doc_uuid=ticket.uuid,
            user_id=user_id,
            register_id=register_id,
            at=now,
            batch=batch,
        )
    # the audit events read their chain's head, so they come after the batch (rare: approvals)
    if audited:
        audit.record(
            conn,
            "discount.approve",
            approved_by,
            register_id,
            receipt_no,
            None,
            {
                "discount": priced.discount_total,
                "cashier": user_id,
                "percent": ticket.max_discount_percent(priced),
                "approved": dict(approved_bound or {}),
            },
            now,
        )
    if overridden:
        audit_price_overrides(uow, lines, register_id, receipt_no, user_id, now)
    return _completed(sale_id, sale_row, lines, payments, priced, settlement, cash_receipt, moves)


def _completed(
    sale_id: int,
    sale_row: Mapping[str, Any],
    lines: Sequence[dict[str, Any]],
    payments: Sequence[Mapping[str, Any]],
    priced: PricedCart,
    settlement: Settlement,
    cash_receipt: CashReceiptRequest | None,
    moves: Sequence[MovementRow],
) -> CompletedSale:
    return CompletedSale(
        id=sale_id,
        uuid=sale_row["uuid"],
        receipt_no=sale_row["receipt_no"],
        kind="sale",
        register_id=sale_row["register_id"],
        user_id=sale_row["user_id"],
        created_at=sale_row["created_at"],
        business_date=sale_row["business_date"],
        lines=tuple(sold_line(r) for r in lines),
        payments=tuple(payment_info(p) for p in payments),
        gross_total=priced.gross_total,
        discount_total=priced.discount_total,
        total=priced.total,
        tax=priced.tax,
        change=settlement.change,
        cash_receipt=cash_receipt.masked_identity() if cash_receipt else None,
        cash_receipt_purpose=cash_receipt.purpose_ko if cash_receipt else None,
        cash_receipt_approval=cash_receipt.approval_no if cash_receipt else None,
        movements=tuple(moves),
    )
