"""A backlog of sale and refund documents in a till's outbox, for delivery tests and the bench.

A few sales and refunds go through the real sale engine; the rest of the backlog repeats their
documents under fresh uuids, written straight to the outbox in bulk (what days offline leave
behind, without days of selling). Every tenth document is a refund of a sale before it.
"""

from __future__ import annotations

import copy
import datetime as dt
import uuid
from typing import Any

from sqlalchemy import insert, select

from posapp.db.engine import Database
from posapp.db.models import OutboxEvent
from posapp.inventory import catalog
from posapp.sales import completion, refunds
from posapp.sales.tenders import Tender
from posapp.sales.ticket import Ticket


def real_documents(
    db: Database, codes: list[str], user_id: int, manager_id: int
) -> tuple[dict, dict]:
    """One real sale and one real refund of it; their outbox payloads."""

    def sell(uow: Any) -> Any:
        t = Ticket()
        for code in codes:
            t.add(catalog.scan(uow, code).line)
        total = t.priced().total
        return completion.complete_sale(
            uow, t, [Tender.cash(total)], register_id="R01", user_id=user_id
        )

    sale = db.transact(sell)
    db.transact(
        lambda uow: refunds.refund(
            uow, sale.receipt_no, register_id="R01", user_id=user_id, approved_by=manager_id,
            lines={1: 1}, reason="test",
        )
    )  # fmt: skip
    payloads = db.read(
        lambda uow: dict(
            uow.conn.execute(
                select(OutboxEvent.kind, OutboxEvent.payload).order_by(OutboxEvent.id)
            ).all()
        )
    )
    return payloads["sale"], payloads["refund"]


def fill(db: Database, n: int, sale_doc: dict, refund_doc: dict) -> list[str]:
    """Append ``n`` documents (9 sales : 1 refund) to the outbox; their uuids in order."""
    rows: list[dict[str, Any]] = []
    uuids: list[str] = []
    sales: list[str] = []
    now = dt.datetime.now(dt.UTC)
    for k in range(n):
        ident = str(uuid.uuid4())
        if k % 10 == 9 and sales:
            kind, doc = "refund", copy.deepcopy(refund_doc)
            doc["original_uuid"] = sales[-5] if len(sales) >= 5 else sales[0]
        else:
            kind, doc = "sale", copy.deepcopy(sale_doc)
            sales.append(ident)
        doc["uuid"] = ident
        rows.append(
            {
                "event_uuid": str(uuid.uuid4()), "kind": kind, "doc_uuid": ident,
                "payload": doc, "created_at": now, "sent_at": None, "attempts": 0,
                "last_error": None, "register_id": "R01", "rejected_at": None,
            }
        )  # fmt: skip
        uuids.append(ident)

    def write(uow: Any) -> None:
        for i in range(0, len(rows), 2000):
            uow.conn.execute(insert(OutboxEvent.__table__), rows[i : i + 2000])

    db.transact(write)
    return uuids
