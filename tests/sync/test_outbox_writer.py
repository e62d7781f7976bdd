"""One writer of outbox events (posapp.sync.outbox.event_row / append): a sale on the general
path, a sale on PostgreSQL's one-round-trip path (posapp.sales.fastpath), a refund and an online
order's status answer all leave rows of the same shape — unsent, never tried, a fresh event
uuid, the document's own uuid and time, the till that wrote it (none for an order's answer)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import select

from posapp.db.engine import Database
from posapp.db.models import OutboxEvent
from posapp.domain import calendar
from posapp.inventory import catalog
from posapp.sales import completion, fastpath, refunds, sale_records
from posapp.sales.sale_document import load_document
from posapp.sales.tenders import Tender
from posapp.sales.ticket import Ticket
from posapp.sync import online, outbox
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store


def _sell(store: Store, code: str) -> sale_records.CompletedSale:
    t = Ticket()
    t.add(store.db.read(lambda uow: catalog.scan(uow, code)).line)
    total = t.priced().total
    return store.db.transact(
        lambda uow: completion.complete_sale(
            uow, t, [Tender.cash(total)], register_id="R01", user_id=store.cashier
        )
    )


def _fast(db: Database) -> bool:
    day = calendar.business_day(dt.datetime.now(dt.UTC))
    with db.uow() as uow:
        return fastpath.plan(uow, "R01", day) is not None


def _events(db: Database) -> list[dict[str, Any]]:
    t = OutboxEvent.__table__
    return db.read(
        lambda uow: [dict(r) for r in uow.conn.execute(select(t).order_by(t.c.id)).mappings()]
    )


def _shape(row: dict[str, Any]) -> dict[str, str | None]:
    return {k: None if v is None else type(v).__name__ for k, v in row.items() if k != "id"}


def test_every_path_writes_the_same_shape(store: Store) -> None:
    db = store.db
    general = _sell(store, APPLE_CODE)
    fast_expected = db.dialect == "postgresql"
    assert _fast(db) == fast_expected  # the next sale takes the fast path on PostgreSQL
    fast = _sell(store, GOCHUJANG_CODE)
    refund = db.transact(
        lambda uow: refunds.refund(
            uow,
            general.receipt_no,
            register_id="R01",
            user_id=store.cashier,
            approved_by=store.manager,
        )
    )
    order = {
        "uuid": str(uuid.uuid4()),
        "order_no": "W-1",
        "status": "placed",
        "lines": [{"sku": GOCHUJANG_CODE, "qty": 1}],
        "customer": {},
    }
    assert db.transact(lambda uow: online.receive_orders(uow, [order])).accepted == 1

    sale_ev, fast_ev, refund_ev, order_ev = _events(db)
    assert [e["kind"] for e in (sale_ev, fast_ev, refund_ev, order_ev)] == [
        "sale",
        "sale",
        "refund",
        "order_status",
    ]
    columns = set(outbox.event_row("sale", "x", {}, at=general.created_at, register_id="R01"))
    for ev, doc in ((sale_ev, general), (fast_ev, fast), (refund_ev, refund)):
        assert set(ev) - {"id"} == columns
        assert _shape(ev) == _shape(sale_ev)
        assert ev["doc_uuid"] == doc.uuid and ev["register_id"] == "R01"
        assert ev["payload"] == db.read(lambda uow, u=doc.uuid: load_document(uow, u))
        assert abs(ev["created_at"] - doc.created_at) < dt.timedelta(milliseconds=1)
    # an order's answer goes with any till and is its own document
    assert _shape(order_ev) == {**_shape(sale_ev), "register_id": None}
    assert order_ev["event_uuid"] == order_ev["doc_uuid"]
    assert order_ev["payload"] == {"order_uuid": order["uuid"], "status": "accepted", "reason": ""}
    events = (sale_ev, fast_ev, refund_ev, order_ev)
    for ev in events:
        assert (ev["attempts"], ev["sent_at"], ev["rejected_at"], ev["last_error"]) == (
            0,
            None,
            None,
            None,
        )
        assert str(uuid.UUID(ev["event_uuid"])) == ev["event_uuid"]
    assert len({ev["event_uuid"] for ev in events}) == 4
