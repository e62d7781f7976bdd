"""Completing a sale on PostgreSQL in one round trip (plus the commit).

Owns the PostgreSQL-only write path of :func:`posapp.sales.completion.complete_sale` once a till
knows its register's state: the receipt counter's last number and the journal head it wrote
last (hints kept per engine, as :mod:`posapp.sales.journal` does for the head). All the sale's
writes are queued in one psycopg pipeline on the transaction's own connection:

1. one data-modifying query: the receipt counter and the journal head are advanced only if
   they still hold the hinted values, and the sale (in the register's open shift), its lines
   and payments (from the document's JSON), the journal entry and the outbox event (the row
   :func:`posapp.sync.outbox.event_row` shapes) are inserted only if both advanced and a shift
   is open;
2. the stock: level upserts in product-id order, then the FEFO walk over the floor lots
   (:func:`posapp.inventory.ledger.queue_take_fefo_pg`).

When the caller writes nothing after the sale, the COMMIT is queued behind these in the same
round trip (the popular products' level rows stay locked only while the server works).

A stale hint (another process sold on the register, a rolled-back transaction) or a register
without an open shift makes the first statement abort (``posapp_abort``, migration 0009), so
nothing after it in the pipeline runs, the COMMIT included, and :class:`DatabaseConflict` is
raised; the hints are dropped, so the retry reads the counter and the head under their locks
(the general path). Same guarantees as that path: one transaction, gap-free receipt numbers,
an unforked hash chain, the outbox event with its register.
"""

from __future__ import annotations

import datetime as dt
import json
import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from posapp.db.engine import DatabaseConflict, UnitOfWork, psycopg_connection
from posapp.inventory import ledger
from posapp.inventory.ledger import MovementKind, MovementRow, Take
from posapp.sales import journal
from posapp.sync import outbox

# (register, business day) -> the receipt counter's last number, per engine (a hint)
_COUNTERS: weakref.WeakKeyDictionary[Engine, dict[tuple[str, dt.date], int]] = (
    weakref.WeakKeyDictionary()
)

_SALE_SQL = """
WITH d AS (SELECT %(payload)s::text AS t),
rc AS (
  UPDATE receipt_counters SET last_no = last_no + 1
  WHERE register_id = %(register_id)s AND business_date = %(business_date)s
    AND last_no = %(prev_no)s::int
  RETURNING last_no
), h AS (
  UPDATE journal_heads SET seq = %(seq)s::int, hash = %(hash)s
  WHERE register_id = %(register_id)s AND seq = %(prev_seq)s::int AND hash = %(prev_hash)s
  RETURNING seq
), sh AS (
  SELECT id FROM shifts WHERE register_id = %(register_id)s AND status = 'open'
  ORDER BY id LIMIT 1
), s AS (
  INSERT INTO sales (uuid, receipt_no, kind, register_id, shift_id, user_id, business_date,
    created_at, original_sale_id, gross_total, line_discount_total, ticket_discount_total, total,
    taxable_total, supply_value, vat, exempt_total, ticket_discount_kind, ticket_discount_value,
    approved_by, reason)
  SELECT %(uuid)s, %(receipt_no)s, 'sale', %(register_id)s, sh.id, %(user_id)s::int,
    %(business_date)s, %(created_at)s, NULL, %(gross_total)s::int,
    %(line_discount_total)s::int, %(ticket_discount_total)s::int, %(total)s::int,
    %(taxable_total)s::int, %(supply_value)s::int, %(vat)s::int, %(exempt_total)s::int,
    %(ticket_discount_kind)s, %(ticket_discount_value)s::int, %(approved_by)s::int, %(reason)s
  FROM sh, rc, h
  RETURNING id, shift_id
), ln AS (
  INSERT INTO sale_lines (sale_id, line_no, product_id, barcode, name, unit, qty, unit_price,
    gross, line_discount, ticket_discount, net, tax_class, discount_kind, discount_value,
    shelf_price)
  SELECT s.id, x.line_no, x.product_id, x.barcode, x.name, x.unit, x.qty, x.unit_price, x.gross,
    x.line_discount, x.ticket_discount, x.net, x.tax_class, x.discount_kind, x.discount_value,
    x.shelf_price
  FROM s, d, jsonb_to_recordset(d.t::jsonb -> 'lines') AS x(line_no int, product_id int,
    barcode text, name text, unit text, qty int, unit_price int, gross int, line_discount int,
    ticket_discount int, net int, tax_class text, discount_kind text, discount_value int,
    shelf_price int)
), py AS (
  INSERT INTO payments (sale_id, seq, method, amount, tendered, change_given, evidence,
    approval_no, approved_at, card_masked, card_issuer, installment_months, voucher_kind,
    reference, cash_receipt_identity, cash_receipt_purpose, cash_receipt_approval,
    card_acquirer, merchant_no)
  SELECT s.id, x.seq, x.method, x.amount, x.tendered, x.change_given, x.evidence, x.approval_no,
    x.approved_at, x.card_masked, x.card_issuer, x.installment_months, x.voucher_kind,
    x.reference, x.cash_receipt_identity, x.cash_receipt_purpose, x.cash_receipt_approval,
    x.card_acquirer, x.merchant_no
  FROM s, jsonb_to_recordset(%(payments)s::jsonb) AS x(seq int, method text, amount int,
    tendered int, change_given int, evidence text, approval_no text, approved_at timestamp,
    card_masked text, card_issuer text, installment_months int, voucher_kind text,
    reference text, cash_receipt_identity text, cash_receipt_purpose text,
    cash_receipt_approval text, card_acquirer text, merchant_no text)
), j AS (
  INSERT INTO journal (register_id, seq, doc_type, doc_uuid, created_at, payload, prev_hash,
    hash)
  SELECT %(register_id)s, %(seq)s::int, 'sale', %(uuid)s, %(created_at)s, d.t, %(prev_hash)s,
    %(hash)s
  FROM s, d
), o AS (
  INSERT INTO outbox (event_uuid, kind, doc_uuid, payload, created_at, attempts, register_id)
  SELECT %(ev_event_uuid)s, %(ev_kind)s, %(ev_doc_uuid)s, d.t::json, %(created_at)s,
    %(ev_attempts)s::int, %(ev_register_id)s
  FROM s, d
)
SELECT CASE WHEN (SELECT id FROM s) IS NULL
  THEN posapp_abort('sale.fast_path: stale hint or no open shift') ELSE (SELECT id FROM s) END
"""
_EVENT_PARAMS = ("event_uuid", "kind", "doc_uuid", "attempts", "register_id")
STALE = "PA001"  # posapp_abort's SQLSTATE (migration 0009)


def remember_receipt(engine: Engine, register_id: str, day: dt.date, last_no: int) -> None:
    """Note the counter value a transaction of this process just set (a hint, checked later)."""
    _COUNTERS.setdefault(engine, {})[(register_id, day)] = last_no


@dataclass(frozen=True, slots=True)
class Plan:
    """What the till expects of its register: the receipt number to hand out and the head."""

    receipt_seq: int
    head_seq: int
    head_hash: str


def plan(uow: UnitOfWork, register_id: str, day: dt.date) -> Plan | None:
    """The hinted next receipt number and journal head, or None (then take the general path)."""
    conn = uow.conn
    if conn.dialect.name != "postgresql":
        return None
    last = _COUNTERS.get(conn.engine, {}).get((register_id, day))
    head = journal.known_head(conn.engine, register_id)
    if last is None or head is None:
        return None
    return Plan(last + 1, head[0], head[1])


def _forget(engine: Engine, register_id: str, day: dt.date) -> None:
    _COUNTERS.get(engine, {}).pop((register_id, day), None)
    journal.forget_head(engine, register_id)


def _naive_utc(at: dt.datetime) -> dt.datetime:
    return at.astimezone(dt.UTC).replace(tzinfo=None)


def write_sale(
    uow: UnitOfWork,
    p: Plan,
    sale_row: Mapping[str, Any],
    payments: Sequence[Mapping[str, Any]],
    doc: dict[str, Any],
    takes: Sequence[Take],
    *,
    commit: bool = False,
) -> tuple[int, list[MovementRow]]:
    """Write the sale (lines from ``doc``) and take its stock in one round trip.

    With ``commit`` the transaction's COMMIT is queued behind them in that same round trip: the
    level rows of the popular products are unlocked as soon as the server is done, not a till's
    round trip later (the caller writes nothing after the sale; see
    :meth:`posapp.db.engine.UnitOfWork.commit_sent`). Returns (sale id, movements). When a hint
    was stale or the register has no open shift the sale statement aborts (``posapp_abort``):
    nothing queued after it runs, nothing is kept, and :class:`DatabaseConflict` is raised, so
    :meth:`posapp.db.engine.Database.transact` retries through the general path (which reads
    the counter and head under their locks, or reports the closed shift)."""
    conn = uow.conn
    engine, register_id, day = conn.engine, sale_row["register_id"], sale_row["business_date"]
    payload = journal.canonical(doc)
    digest = journal.chain_hash(p.head_hash, payload)
    at = _naive_utc(sale_row["created_at"])
    params = dict(sale_row)
    # the outbox row as its one writer shapes it (the payload is the document's text, ``d.t``;
    # the columns left out are the ones that row leaves NULL)
    event = outbox.event_row(
        "sale", sale_row["uuid"], None, at=sale_row["created_at"], register_id=register_id
    )
    params.update({f"ev_{k}": v for k, v in event.items() if k in _EVENT_PARAMS})
    params.update(
        payload=payload,
        prev_no=p.receipt_seq - 1,
        seq=p.head_seq + 1,
        hash=digest,
        prev_seq=p.head_seq,
        prev_hash=p.head_hash,
        created_at=at,
        payments=json.dumps(
            [
                {**pay, "approved_at": pay["approved_at"] and _naive_utc(pay["approved_at"])}
                for pay in payments
            ],
            default=dt.datetime.isoformat,
        ),
    )
    driver = psycopg_connection(conn)
    import psycopg

    try:
        with driver.pipeline():
            sale_cur = driver.cursor()
            sale_cur.execute(_SALE_SQL, params)
            stock_cur = ledger.queue_take_fefo_pg(
                driver,
                takes,
                kind=MovementKind.SALE,
                doc_type="sale",
                doc_uuid=sale_row["uuid"],
                user_id=sale_row["user_id"],
                register_id=register_id,
                at=sale_row["created_at"],
            )
            if commit:
                # queued like the rest (driver.commit() would sync here, and leaving the
                # pipeline syncs again: two round trips); psycopg and SQLAlchemy then find the
                # connection idle and their own commit sends nothing
                driver.cursor().execute("COMMIT", prepare=False)
        # leaving the pipeline sent the one Sync and took every result (or the first error)
        returned = sale_cur.fetchone()  # the INSERT ... RETURNING id: one row
        if returned is None:
            raise RuntimeError("the sale INSERT returned no id")
        (sale_id,) = returned
        moves = ledger.movements_from(stock_cur)
    except psycopg.Error as exc:
        _forget(engine, register_id, day)
        if exc.sqlstate == STALE:
            raise DatabaseConflict(
                f"receipt counter or journal head of {register_id} moved, or no open shift",
                register_id=register_id,
            ) from exc
        raise DBAPIError.instance("(sale pipeline)", None, exc, psycopg.Error) from exc
    remember_receipt(engine, register_id, day, p.receipt_seq)
    journal.remember_head(engine, register_id, p.head_seq + 1, digest)
    journal.note_time(engine, register_id, sale_row["created_at"])
    return int(sale_id), moves
