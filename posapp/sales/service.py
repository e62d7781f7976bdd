"""The sale engine's transactions: shifts, completing a sale, refunds, holds and voids.

Each public function takes a unit of work and does one business action inside it; the caller
(``Database.transact``) commits, and retries on a serialization failure. Completing a sale
writes the sale, its lines and payments, stock movements taken first-expiring-first, the journal
entry and the outbox event in ONE transaction, so a crash leaves all of it or none. That path
uses Core statements: the ORM's per-object bookkeeping costs ten times more there.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid as uuidlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, bindparam, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from posapp import audit
from posapp.auth.permissions import Permission, require_permission
from posapp.auth.service import UserInfo
from posapp.db.engine import Batch, UnitOfWork
from posapp.db.models import (
    HeldTicket,
    JournalHead,
    OutboxEvent,
    Payment,
    Product,
    ReceiptCounter,
    Register,
    Sale,
    SaleLine,
    Shift,
    StockMovement,
    utcnow,
)
from posapp.domain.cart import PricedCart
from posapp.domain.money import prorate
from posapp.domain.tax import TaxClass, TaxSplit, split_vat
from posapp.errors import PosError
from posapp.inventory import ledger
from posapp.inventory.ledger import MovementKind, MovementRow, Take
from posapp.sales import cash_receipts, fastpath, journal
from posapp.sales.documents import build_document
from posapp.sales.tenders import (
    CashReceiptRequest,
    Evidence,
    Method,
    Settlement,
    Tender,
    cash_receipt_amount,
    settle,
)
from posapp.sales.ticket import Ticket

log = logging.getLogger(__name__)

SEOUL = ZoneInfo("Asia/Seoul")
DENOMINATIONS = (50_000, 10_000, 5_000, 1_000, 500, 100, 50, 10)


class SaleError(PosError):
    pass


def business_date(at: dt.datetime) -> dt.date:
    """The store's calendar day (Asia/Seoul) of a UTC instant."""
    return at.astimezone(SEOUL).date()


def count_cash(counts: Mapping[int | str, int]) -> int:
    """Total of a drawer count by denomination (notes 50,000…1,000; coins 500…10)."""
    total = 0
    for denom, n in counts.items():
        d = int(denom)
        if d not in DENOMINATIONS:
            raise SaleError(
                f"{d} won is not a Korean note or coin", code="cash.denomination", denomination=d
            )
        if not isinstance(n, int) or n < 0:
            raise SaleError(
                f"count of {d} won must be 0 or more", code="cash.count", denomination=d
            )
        total += d * n
    return total


# --- registers and shifts --------------------------------------------------------------------


def ensure_register(uow: UnitOfWork, register_id: str, name: str = "") -> None:
    """Create the register and its journal head if missing (safe when tills start together)."""
    conn = uow.conn
    if conn.execute(select(Register.id).where(Register.id == register_id)).first() is not None:
        return
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(
        dialect.insert(Register.__table__)
        .values(id=register_id, name=name or register_id, created_at=utcnow())
        .on_conflict_do_nothing()
    )
    conn.execute(
        dialect.insert(JournalHead.__table__)
        .values(register_id=register_id, seq=0, hash=journal.GENESIS)
        .on_conflict_do_nothing()
    )


@dataclass(frozen=True, slots=True)
class ShiftInfo:
    id: int
    uuid: str
    register_id: str
    opened_by: int
    opened_at: dt.datetime
    business_date: dt.date
    opening_float: int
    status: str


def _shift_info(s: Shift) -> ShiftInfo:
    return ShiftInfo(
        s.id,
        s.uuid,
        s.register_id,
        s.opened_by,
        s.opened_at,
        s.business_date,
        s.opening_float,
        s.status,
    )


def current_shift(uow: UnitOfWork, register_id: str) -> ShiftInfo | None:
    s = uow.session.scalar(
        select(Shift).where(Shift.register_id == register_id, Shift.status == "open")
    )
    return _shift_info(s) if s else None


def open_shift(
    uow: UnitOfWork,
    register_id: str,
    user_id: int,
    float_counts: Mapping[int | str, int],
    *,
    now: dt.datetime | None = None,
) -> ShiftInfo:
    """Open a shift with the float counted by denomination; one open shift per register."""
    now = now or utcnow()
    ensure_register(uow, register_id)
    # lock the register row so two tills cannot both open a shift for it
    uow.session.execute(
        update(Register).where(Register.id == register_id).values(name=Register.name)
    )
    if current_shift(uow, register_id) is not None:
        raise SaleError(
            f"register {register_id} already has an open shift",
            code="shift.already_open",
            register=register_id,
        )
    counts = {str(int(k)): int(v) for k, v in float_counts.items() if int(v)}
    shift = Shift(
        uuid=str(uuidlib.uuid4()),
        register_id=register_id,
        opened_by=user_id,
        opened_at=now,
        business_date=business_date(now),
        opening_float=count_cash(float_counts),
        opening_counts=counts,
        status="open",
    )
    uow.session.add(shift)
    try:
        uow.session.flush()
    except IntegrityError as exc:  # the one-open-shift index: another till was first
        raise SaleError(
            f"register {register_id} already has an open shift", code="shift.already_open"
        ) from exc
    _audit(
        uow.conn,
        "shift.open",
        user_id,
        register_id,
        f"shift {shift.id}",
        None,
        {"float": shift.opening_float},
        now,
    )
    return _shift_info(shift)


def _require_open_shift(conn: Connection, register_id: str) -> tuple[int, str]:
    row = conn.execute(_open_shift_q, {"reg": register_id}).first()
    if row is None:
        raise SaleError(
            f"open a shift on register {register_id} before selling",
            code="shift.not_open",
            register=register_id,
        )
    return row[0], row[1]


_open_shift_q = select(Shift.id, Shift.uuid).where(
    Shift.register_id == bindparam("reg"), Shift.status == "open"
)


# --- completing a sale -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PaymentInfo:
    method: str
    amount: int
    tendered: int
    change: int
    evidence: str
    approval_no: str | None = None
    card_masked: str | None = None
    voucher_kind: str | None = None


@dataclass(frozen=True, slots=True)
class CompletedSale:
    """What the receipt printer and the screen need of a completed sale or refund."""

    id: int
    uuid: str
    receipt_no: str
    kind: str
    register_id: str
    user_id: int
    created_at: dt.datetime
    business_date: dt.date
    lines: tuple[dict[str, Any], ...]
    payments: tuple[PaymentInfo, ...]
    gross_total: int
    discount_total: int
    total: int
    tax: TaxSplit
    change: int
    cash_receipt: str | None = None
    cash_receipt_purpose: str | None = None  # 소득공제 / 지출증빙
    cash_receipt_approval: str | None = None  # None: not issued through the terminal (yet)
    original_receipt_no: str | None = None
    movements: tuple[MovementRow, ...] = field(default=())


def _counter_upsert(dialect: Any) -> Any:
    table = ReceiptCounter.__table__
    return (
        dialect.insert(table)
        .values(register_id=bindparam("reg"), business_date=bindparam("day"), last_no=1)
        .on_conflict_do_update(
            index_elements=[table.c.register_id, table.c.business_date],
            set_={"last_no": table.c.last_no + 1},
        )
        .returning(table.c.last_no)
    )


_COUNTER_UPSERT = {"postgresql": _counter_upsert(postgresql), "sqlite": _counter_upsert(sqlite)}


def _next_receipt_no(conn: Connection, register_id: str, day: dt.date, series: str = "") -> str:
    """Atomic per-register, per-day sequence (one upsert; safe with several tills).
    ``series`` prefixes the number: ``"O"`` for sales a till made while offline, counted in
    its own local spool (posapp.sales.offline), so they can never take an online number."""
    stmt = _COUNTER_UPSERT[conn.dialect.name]
    try:
        seq = conn.execute(stmt, {"reg": register_id, "day": day}).scalar_one()
    except IntegrityError as exc:  # the only foreign key: an unknown register
        raise SaleError(
            f"register {register_id} is not set up: open a shift on it before selling",
            code="shift.not_open",
        ) from exc
    if not series:
        fastpath.remember_receipt(conn.engine, register_id, day, seq)
    return _receipt_no(register_id, day, seq, series)


def _receipt_no(register_id: str, day: dt.date, seq: int, series: str = "") -> str:
    return f"{register_id}-{day:%Y%m%d}-{series}{seq:04d}"


#: receipt numbers as printed: ``R01-20261123-0042`` (online) or ``R01-20261123-O0003`` (offline)
RECEIPT_NO_PATTERN = r"[A-Za-z0-9]{1,16}-\d{8}-O?\d{4,}"


_ins_sale = insert(Sale.__table__)
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
        raise _not_open(sale_row["register_id"])
    sale_row["shift_id"] = row[1]
    return int(row[0])


_ins_lines = insert(SaleLine.__table__).inline()  # inline: no RETURNING, so batchable
_ins_pay = insert(Payment.__table__).inline()
_ins_outbox = insert(OutboxEvent.__table__).inline()


def _evidence(t: Tender, cash_receipt: CashReceiptRequest | None) -> Evidence:
    if t.method in (Method.CARD, Method.CARD_MANUAL):
        return Evidence.CARD
    if cash_receipt is not None:
        return Evidence.CASH_RECEIPT
    return Evidence.VOUCHER if t.method is Method.VOUCHER else Evidence.CASH


def complete_sale(
    uow: UnitOfWork,
    ticket: Ticket,
    tenders: Sequence[Tender],
    *,
    register_id: str,
    user_id: int,
    approved_by: int | None = None,
    cash_receipt: CashReceiptRequest | None = None,
    discount_limit_percent: int = 100,
    now: dt.datetime | None = None,
    receipt_series: str = "",
    receipt_no: str | None = None,
    final: bool = False,
) -> CompletedSale:
    """Commit ``ticket`` as a sale paid by ``tenders`` (all-or-nothing, in the caller's commit).

    ``receipt_series="O"`` numbers it in the offline series (a till's local spool);
    ``receipt_no`` replays a sale already numbered and printed offline (with its ``now``).
    ``final``: the caller writes nothing after the sale in this unit of work, so on
    PostgreSQL's fast path the COMMIT may travel in the sale's own round trip."""
    if not ticket.lines:
        raise SaleError("the ticket is empty", code="sale.empty")
    priced = ticket.priced()
    if ticket.max_discount_percent(priced) > discount_limit_percent:
        require_permission(
            uow, approved_by, Permission.DISCOUNT_OVER_LIMIT, "a discount above the limit"
        )
    overridden = _check_price_overrides(uow, ticket)
    settlement = settle(priced.total, list(tenders))
    conn = uow.conn
    now = now or utcnow()
    day = business_date(now)
    audited = (approved_by is not None and bool(priced.discount_total)) or overridden
    # PostgreSQL, register state known: the whole sale in one round trip (posapp.sales.fastpath)
    # a 현금영수증 the terminal could not issue is queued (posapp.sales.cash_receipts)
    unissued = cash_receipt is not None and cash_receipt.approval_no is None
    general = audited or unissued or receipt_no is not None or bool(receipt_series)
    fast = None if general else fastpath.plan(conn, register_id, day)
    if fast is not None:
        receipt_no = _receipt_no(register_id, day, fast.receipt_seq)
    elif receipt_no is None:
        receipt_no = _next_receipt_no(conn, register_id, day, receipt_series)
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
        lines = _line_rows(0, priced)
        payments = _payment_rows(0, tenders, settlement, cash_receipt)
        doc = build_document(
            sale_row, lines, payments, original_uuid=None, original_line_nos=[None] * len(lines)
        )
        sale_id, moves = fastpath.write_sale(
            conn,
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
    lines = _line_rows(sale_id, priced)
    payments = _payment_rows(sale_id, tenders, settlement, cash_receipt)
    # service lines (class fees) take no stock; read before the batch (it needs the answer)
    untracked = _untracked(conn, [r["product_id"] for r in lines])
    doc = build_document(
        sale_row, lines, payments, original_uuid=None, original_line_nos=[None] * len(lines)
    )
    # On PostgreSQL the statements whose results are not read travel together (Batch): the
    # sale costs five round trips instead of fifteen.
    with Batch(conn) as batch:
        journal.append(conn, register_id, "sale", ticket.uuid, doc, now, batch=batch)
        conn.execute(_ins_lines, lines)
        if payments:
            conn.execute(_ins_pay, payments)
        _outbox(conn, "sale", ticket.uuid, doc, now, register_id)
        if audited:
            _audit(
                conn,
                "discount.approve",
                approved_by,
                register_id,
                receipt_no,
                None,
                {"discount": priced.discount_total, "cashier": user_id},
                now,
            )
        if overridden:
            _audit_price_overrides(conn, lines, register_id, receipt_no, user_id, now)
        if unissued and cash_receipt is not None:
            amount = cash_receipt_amount(priced.total, list(tenders))
            if amount > 0:
                cash_receipts.queue(
                    conn,
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
    return _completed(sale_id, sale_row, lines, payments, priced, settlement, cash_receipt, moves)


# --- price overrides at the till -------------------------------------------------------------


def authorize_price_override(
    uow: UnitOfWork, user_id: int, approved_by: int | None = None
) -> UserInfo:
    """Who allows a line's price to change: the cashier when their role holds
    ``price_override``, else the manager who approved in place (``approved_by``)."""
    return require_permission(
        uow, approved_by or user_id, Permission.PRICE_OVERRIDE, "changing a price"
    )


def _check_price_overrides(uow: UnitOfWork, ticket: Ticket) -> bool:
    """Every changed price on the ticket must still be allowed (the user who allowed it holds
    ``price_override`` now: a held ticket may be recalled after a role changed)."""
    by = {ln.price_override.authorized_by for ln in ticket.lines if ln.price_override}
    for user_id in sorted(by):
        require_permission(uow, user_id, Permission.PRICE_OVERRIDE, "changing a price")
    return bool(by)


def _audit_price_overrides(
    conn: Connection,
    lines: Sequence[Mapping[str, Any]],
    register_id: str,
    receipt_no: str,
    cashier: int,
    now: dt.datetime,
) -> None:
    for r in lines:
        if r["regular_price"] is None:
            continue
        _audit(
            conn,
            "price.override",
            r["price_override_by"],
            register_id,
            f"{receipt_no} #{r['line_no']}",
            {"unit_price": r["regular_price"]},
            {
                "unit_price": r["unit_price"],
                "reason": r["price_override_reason"],
                "product_id": r["product_id"],
                "qty": r["qty"],
                "cashier": cashier,
            },
            now,
        )


def _not_open(register_id: str) -> SaleError:
    return SaleError(
        f"open a shift on register {register_id} before selling", code="shift.not_open"
    )


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
        lines=tuple(lines),
        payments=tuple(_payment_info(p) for p in payments),
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


_untracked_q = select(Product.id).where(
    Product.id.in_(bindparam("pids", expanding=True)), Product.stock_tracked.is_(False)
)


def _untracked(conn: Connection, product_ids: Sequence[int]) -> set[int]:
    """Which of the products are services (a class fee, a room fee): sold without stock."""
    return set(conn.execute(_untracked_q, {"pids": sorted(set(product_ids))}).scalars())


def _line_rows(sale_id: int, priced: PricedCart) -> list[dict[str, Any]]:
    rows = []
    for no, pl in enumerate(priced.lines, start=1):
        ln = pl.line
        rows.append(
            {
                "sale_id": sale_id,
                "line_no": no,
                "product_id": ln.product_id,
                "barcode": ln.barcode,
                "name": ln.name,
                "unit": ln.unit.value,
                "qty": ln.qty,
                "unit_price": ln.unit_price,
                "gross": pl.gross,
                "line_discount": pl.line_discount,
                "ticket_discount": pl.ticket_discount,
                "net": pl.net,
                "tax_class": ln.tax_class.value,
                "discount_kind": ln.discount.kind if ln.discount else None,
                "discount_value": ln.discount.value if ln.discount else None,
                "original_line_id": None,
                "regular_price": ln.price_override.regular_price if ln.price_override else None,
                "price_override_reason": ln.price_override.reason if ln.price_override else None,
                "price_override_by": ln.price_override.authorized_by if ln.price_override else None,
            }
        )
    return rows


def _payment_rows(
    sale_id: int,
    tenders: Sequence[Tender],
    settlement: Settlement,
    cash_receipt: CashReceiptRequest | None,
    sign: int = 1,
) -> list[dict[str, Any]]:
    rows = []
    for seq, (t, applied) in enumerate(zip(tenders, settlement.applied, strict=True), start=1):
        evidence = _evidence(t, cash_receipt)
        receipt = cash_receipt if evidence is Evidence.CASH_RECEIPT else None
        rows.append(
            {
                "sale_id": sale_id,
                "seq": seq,
                "method": t.method.value,
                "amount": sign * applied,
                "tendered": sign * t.amount if t.method is Method.CASH else sign * applied,
                "change_given": sign * (t.amount - applied) if t.method is Method.CASH else 0,
                "evidence": evidence.value,
                "approval_no": t.approval_no,
                "approved_at": t.approved_at,
                "card_masked": t.card_masked,
                "card_issuer": t.card_issuer,
                "installment_months": t.installment_months,
                "voucher_kind": t.voucher_kind.value if t.voucher_kind else None,
                "reference": t.reference,
                "cash_receipt_identity": receipt.masked_identity() if receipt else None,
                "cash_receipt_purpose": receipt.purpose.value if receipt else None,
                "cash_receipt_approval": receipt.approval_no if receipt else None,
            }
        )
    return rows


def _payment_info(p: Mapping[str, Any]) -> PaymentInfo:
    return PaymentInfo(
        method=p["method"],
        amount=p["amount"],
        tendered=p["tendered"],
        change=p["change_given"],
        evidence=p["evidence"],
        approval_no=p["approval_no"],
        card_masked=p["card_masked"],
        voucher_kind=p["voucher_kind"],
    )


def _outbox(
    conn: Connection,
    kind: str,
    doc_uuid: str,
    doc: dict[str, Any],
    at: dt.datetime,
    register_id: str,
) -> None:
    conn.execute(
        _ins_outbox,
        {
            "event_uuid": str(uuidlib.uuid4()),
            "kind": kind,
            "doc_uuid": doc_uuid,
            "payload": doc,
            "created_at": at,
            "sent_at": None,
            "attempts": 0,
            "last_error": None,
            "register_id": register_id,
            "rejected_at": None,
        },
    )


def _audit(
    conn: Connection,
    action: str,
    user_id: int | None,
    register_id: str | None,
    target: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    at: dt.datetime | None = None,
) -> None:
    audit.record(conn, action, user_id, register_id, target, before, after, at)


# --- refunds ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RefundableLine:
    line_id: int
    line_no: int
    product_id: int
    name: str
    unit: str
    qty: int
    refunded_qty: int
    net: int
    refunded_net: int
    tax_class: str

    @property
    def remaining_qty(self) -> int:
        return self.qty - self.refunded_qty


@dataclass(frozen=True, slots=True)
class SaleSummary:
    id: int
    uuid: str
    receipt_no: str
    kind: str
    created_at: dt.datetime
    total: int
    lines: tuple[RefundableLine, ...]
    payments: tuple[PaymentInfo, ...]


def find_sale(uow: UnitOfWork, receipt_no: str) -> SaleSummary:
    """An earlier sale by its receipt number, with what of each line is still refundable."""
    conn = uow.conn
    s = Sale.__table__
    sale = conn.execute(select(s).where(s.c.receipt_no == receipt_no.strip())).mappings().first()
    if sale is None:
        raise SaleError(
            f"no receipt {receipt_no}", code="refund.unknown_receipt", receipt_no=receipt_no
        )
    sl = SaleLine.__table__
    lines = (
        conn.execute(select(sl).where(sl.c.sale_id == sale["id"]).order_by(sl.c.line_no))
        .mappings()
        .all()
    )
    refunded = {
        lid: (int(-q), int(-n))
        for lid, q, n in conn.execute(
            select(sl.c.original_line_id, func.sum(sl.c.qty), func.sum(sl.c.net))
            .where(sl.c.original_line_id.in_([ln["id"] for ln in lines]))
            .group_by(sl.c.original_line_id)
        )
    }
    p = Payment.__table__
    pays = conn.execute(select(p).where(p.c.sale_id == sale["id"]).order_by(p.c.seq)).mappings()
    return SaleSummary(
        id=sale["id"],
        uuid=sale["uuid"],
        receipt_no=sale["receipt_no"],
        kind=sale["kind"],
        created_at=sale["created_at"],
        total=sale["total"],
        lines=tuple(
            RefundableLine(
                line_id=ln["id"],
                line_no=ln["line_no"],
                product_id=ln["product_id"],
                name=ln["name"],
                unit=ln["unit"],
                qty=ln["qty"],
                refunded_qty=refunded.get(ln["id"], (0, 0))[0],
                net=ln["net"],
                refunded_net=refunded.get(ln["id"], (0, 0))[1],
                tax_class=ln["tax_class"],
            )
            for ln in lines
        ),
        payments=tuple(_payment_info(x) for x in pays),
    )


def refund(
    uow: UnitOfWork,
    receipt_no: str,
    *,
    register_id: str,
    user_id: int,
    approved_by: int | None,
    lines: Mapping[int, int] | None = None,
    tenders: Sequence[Tender] | None = None,
    reason: str = "",
    restock: bool = True,
    amounts: Mapping[int, int] | None = None,
    now: dt.datetime | None = None,
) -> CompletedSale:
    """Refund all (``lines=None``) or some lines {line_no: qty} of an earlier sale.

    ``amounts`` {line_no: won} gives back less than the prorated amount for those lines (a
    class cancelled with a partial refund by policy); the rest of the line stays the store's.
    Services (products not stock-tracked) are never restocked.

    Amounts are the original line's net prorated by quantity; the last refund of a line takes
    exactly what is left, so a sale refunded in parts sums back to its total. Returned goods go
    back to the lots they came from (the latest-expiring of them) unless ``restock`` is off
    (spoiled goods are wasted instead). Tenders default to giving back what was paid, largest
    non-cash first, as cash for the rest.
    """
    require_permission(uow, approved_by, Permission.REFUND, "a refund")
    conn = uow.conn
    now = now or utcnow()
    original = find_sale(uow, receipt_no)
    if original.kind != "sale":
        raise SaleError("a refund cannot itself be refunded", code="refund.of_refund")
    by_no = {ln.line_no: ln for ln in original.lines}
    wanted = (
        {ln.line_no: ln.remaining_qty for ln in original.lines if ln.remaining_qty > 0}
        if lines is None
        else dict(lines)
    )
    if not wanted:
        raise SaleError(
            f"receipt {receipt_no} is already fully refunded",
            code="refund.nothing",
            receipt_no=receipt_no,
        )
    refund_lines: list[dict[str, Any]] = []
    orig_nos: list[int | None] = []
    for no, qty in sorted(wanted.items()):
        ln = by_no.get(no)
        if ln is None:
            raise SaleError(
                f"receipt {receipt_no} has no line {no}",
                code="refund.unknown_line",
                receipt_no=receipt_no,
                line=no,
            )
        if not isinstance(qty, int) or qty <= 0:
            raise SaleError(
                f"line {no}: refund quantity must be positive", code="refund.qty", line=no
            )
        if qty > ln.remaining_qty:
            raise SaleError(
                f"line {no} ({ln.name}): only {ln.remaining_qty} left to refund",
                code="refund.too_many",
                line=no,
                name=ln.name,
                remaining=ln.remaining_qty,
                line_no=no,
            )
        last = qty == ln.remaining_qty
        net = ln.net - ln.refunded_net if last else prorate(ln.net, qty, ln.qty)
        partial = amounts is not None and no in amounts
        if partial:
            assert amounts is not None
            if not isinstance(amounts[no], int) or not 0 < amounts[no] <= net:
                raise SaleError(
                    f"line {no}: a refund amount must be above 0 and at most {net}",
                    code="refund.amount",
                    line=no,
                    amount=amounts[no],
                    most=net,
                )
            net = amounts[no]
        orig = (
            conn.execute(select(SaleLine.__table__).where(SaleLine.__table__.c.id == ln.line_id))
            .mappings()
            .one()
        )
        share_gross = orig["gross"] if qty == ln.qty else prorate(orig["gross"], qty, ln.qty)
        share_ld = (
            orig["line_discount"] if qty == ln.qty else prorate(orig["line_discount"], qty, ln.qty)
        )
        if partial:  # a partial refund of an amount: no discount shares, just the amount
            share_gross, share_ld = net, 0
        share_td = share_gross - share_ld - net
        refund_lines.append(
            {
                "line_no": len(refund_lines) + 1,
                "product_id": ln.product_id,
                "barcode": orig["barcode"],
                "name": ln.name,
                "unit": ln.unit,
                "qty": -qty,
                "unit_price": orig["unit_price"],
                "gross": -share_gross,
                "line_discount": -share_ld,
                "ticket_discount": -share_td,
                "net": -net,
                "tax_class": ln.tax_class,
                "discount_kind": orig["discount_kind"],
                "discount_value": orig["discount_value"],
                "original_line_id": ln.line_id,
            }
        )
        orig_nos.append(no)
    total = -sum(r["net"] for r in refund_lines)
    taxable = -sum(r["net"] for r in refund_lines if r["tax_class"] == TaxClass.TAXABLE.value)
    tax = split_vat(-taxable, -(total - taxable))
    if tenders is None:
        tenders = _default_refund_tenders(original, total)
    settlement = settle(total, list(tenders))
    if settlement.change:
        raise SaleError("a refund pays out exactly what is due", code="refund.overpaid")
    day = business_date(now)
    shift_id, _ = _require_open_shift(conn, register_id)
    refund_uuid = str(uuidlib.uuid4())
    receipt = _next_receipt_no(conn, register_id, day)
    sale_row = {
        "uuid": refund_uuid,
        "receipt_no": receipt,
        "kind": "refund",
        "register_id": register_id,
        "shift_id": shift_id,
        "user_id": user_id,
        "business_date": day,
        "created_at": now,
        "original_sale_id": original.id,
        "gross_total": sum(r["gross"] for r in refund_lines),
        "line_discount_total": sum(r["line_discount"] for r in refund_lines),
        "ticket_discount_total": sum(r["ticket_discount"] for r in refund_lines),
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
    sale_id = conn.execute(_ins_sale, sale_row).inserted_primary_key[0]
    for r in refund_lines:
        r["sale_id"] = sale_id
    conn.execute(_ins_lines, refund_lines)
    payments = _payment_rows(sale_id, tenders, settlement, None, sign=-1)
    if payments:
        conn.execute(_ins_pay, payments)
    moves: list[MovementRow] = []
    if restock:
        untracked = _untracked(conn, [r["product_id"] for r in refund_lines])
        tracked = [r for r in refund_lines if r["product_id"] not in untracked]
        moves = _restock_moves(conn, original.uuid, tracked)
        ledger.post(
            uow,
            moves,
            kind=MovementKind.RETURN,
            doc_type="refund",
            doc_uuid=refund_uuid,
            reason=reason[:120],
            user_id=user_id,
            register_id=register_id,
            at=now,
        )
    doc = build_document(
        sale_row, refund_lines, payments, original_uuid=original.uuid, original_line_nos=orig_nos
    )
    journal.append(conn, register_id, "refund", refund_uuid, doc, now)
    _outbox(conn, "refund", refund_uuid, doc, now, register_id)
    after = {"refund": receipt, "amount": total, "cashier": user_id, "reason": reason}
    _audit(conn, "sale.refund", approved_by, register_id, original.receipt_no, None, after, now)
    return CompletedSale(
        id=sale_id,
        uuid=refund_uuid,
        receipt_no=receipt,
        kind="refund",
        register_id=register_id,
        user_id=user_id,
        created_at=now,
        business_date=day,
        lines=tuple(refund_lines),
        payments=tuple(_payment_info(p) for p in payments),
        gross_total=sale_row["gross_total"],
        discount_total=sale_row["line_discount_total"] + sale_row["ticket_discount_total"],
        total=-total,
        tax=tax,
        change=0,
        original_receipt_no=original.receipt_no,
        movements=tuple(moves),
    )


def _default_refund_tenders(original: SaleSummary, total: int) -> list[Tender]:
    """Give back the way the customer paid: card/voucher first, the rest in cash."""
    out: list[Tender] = []
    left = total
    for p in sorted(original.payments, key=lambda p: p.method == Method.CASH.value):
        if left <= 0:
            break
        if p.method == Method.CASH.value:
            continue
        amount = min(left, p.amount)
        method = Method(p.method)
        out.append(
            Tender(
                method,
                amount,
                approval_no=p.approval_no,
                card_masked=p.card_masked,
                voucher_kind=None if p.voucher_kind is None else _vk(p.voucher_kind),
            )
        )
        left -= amount
    if left > 0:
        out.append(Tender.cash(left))
    return out


def _vk(kind: str) -> Any:
    from posapp.sales.tenders import VoucherKind

    return VoucherKind(kind)


def _restock_moves(
    conn: Connection, sale_uuid: str, refund_lines: Sequence[Mapping[str, Any]]
) -> list[MovementRow]:
    sm = StockMovement.__table__
    from posapp.db.models import Lot

    lots: dict[int, int | None] = {}
    rows = conn.execute(
        select(sm.c.product_id, sm.c.lot_id)
        .select_from(sm.outerjoin(Lot.__table__, Lot.__table__.c.id == sm.c.lot_id))
        .where(sm.c.doc_uuid == sale_uuid, sm.c.qty < 0)
        .order_by(sm.c.product_id, Lot.__table__.c.expiry_date.desc(), sm.c.id)
    )
    for pid, lot_id in rows:
        lots.setdefault(pid, lot_id)
    qty: dict[int, int] = defaultdict(int)
    for r in refund_lines:
        qty[r["product_id"]] += -r["qty"]
    return [MovementRow(pid, lots.get(pid), q) for pid, q in sorted(qty.items()) if q]


# --- hold, recall, void ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HeldInfo:
    id: int
    label: str
    created_at: dt.datetime
    total: int
    line_count: int
    user_id: int


def hold(
    uow: UnitOfWork, ticket: Ticket, *, register_id: str, user_id: int, label: str = ""
) -> HeldInfo:
    if not ticket.lines:
        raise SaleError("nothing to hold: the ticket is empty", code="hold.empty")
    priced = ticket.priced()
    now = utcnow()
    row = HeldTicket(
        uuid=str(uuidlib.uuid4()),
        register_id=register_id,
        user_id=user_id,
        created_at=now,
        label=label[:80],
        total=priced.total,
        line_count=len(ticket.lines),
        payload=ticket.to_json(),
    )
    uow.session.add(row)
    uow.session.flush()
    return HeldInfo(row.id, row.label, now, row.total, row.line_count, user_id)


def list_held(uow: UnitOfWork, register_id: str) -> list[HeldInfo]:
    rows = uow.session.scalars(
        select(HeldTicket).where(HeldTicket.register_id == register_id).order_by(HeldTicket.id)
    )
    return [HeldInfo(h.id, h.label, h.created_at, h.total, h.line_count, h.user_id) for h in rows]


def recall(uow: UnitOfWork, held_id: int) -> Ticket:
    """Take a held ticket back (it leaves the hold list in the same transaction)."""
    row = uow.session.get(HeldTicket, held_id, with_for_update=True)
    if row is None:
        raise SaleError("that held ticket was already recalled", code="hold.gone")
    ticket = Ticket.from_json(row.payload)
    uow.session.delete(row)
    uow.session.flush()
    return ticket


def void_ticket(
    uow: UnitOfWork,
    ticket: Ticket,
    *,
    register_id: str,
    user_id: int,
    approved_by: int | None,
    reason: str = "",
) -> None:
    """Abandon an open ticket with a manager's approval; it is recorded, counted in X/Z."""
    require_permission(uow, approved_by, Permission.VOID, "voiding a ticket")
    priced = ticket.priced()
    _audit(
        uow.conn,
        "ticket.void",
        approved_by,
        register_id,
        ticket.uuid,
        {"ticket": ticket.to_json(), "total": priced.total},
        {"cashier": user_id, "reason": reason},
    )


def record_drawer_open(
    uow: UnitOfWork,
    *,
    register_id: str,
    user_id: int,
    receipt_no: str | None = None,
    approved_by: int | None = None,
    reason: str = "",
) -> None:
    """Every opening of the cash drawer is an audit event; without a sale a manager approves."""
    if receipt_no is None:
        require_permission(
            uow, approved_by, Permission.NO_SALE_DRAWER, "opening the drawer without a sale"
        )
    _audit(
        uow.conn,
        "drawer.open",
        approved_by or user_id,
        register_id,
        receipt_no or "no sale",
        None,
        {"cashier": user_id, "reason": reason},
    )


def record_reprint(uow: UnitOfWork, *, register_id: str, user_id: int, receipt_no: str) -> None:
    """A reprinted receipt (재발행) is journaled as an audit event."""
    _audit(uow.conn, "receipt.reprint", user_id, register_id, receipt_no, None, None)
