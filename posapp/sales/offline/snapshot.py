"""The snapshot: what selling needs, copied from the server into a till's spool while online.

Products, barcodes, regions, producers, categories, users (PIN hashes) and role permissions,
this register, the marked-down floor lots (so the till charges the same price offline) and the
register's open shift — in one spool transaction, so an offline scan sees the old snapshot or
the new one, never half. Also prunes the spool's copies of sales already on the server.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from posapp.db.engine import Database, UnitOfWork
from posapp.db.models import (
    Category,
    JournalEntry,
    Lot,
    LotMarkdown,
    OutboxEvent,
    Payment,
    Producer,
    Product,
    ProductBarcode,
    QuickKey,
    QuickKeyPage,
    ReceiptCounter,
    Region,
    Register,
    RolePermission,
    Sale,
    SaleLine,
    Shift,
    StockMovement,
    StorePolicy,
    SyncState,
    TaxClassChange,
    User,
    utcnow,
)
from posapp.sales import clock_guard, journal
from posapp.sales.offline.spool import (
    CHUNK,
    OFFLINE_SERIES,
    QUEUE,
    SERVER_LATEST_KEY,
    SNAPSHOT_KEY,
    Spool,
    mirror_shift_row,
    set_meta,
    upsert_rows,
)

PRODUCTS_SEEN_KEY = "offline.products_seen"  # the newest products.updated_at copied
#: a product written by a till whose clock is up to this much behind is still copied
CHANGES_OVERLAP = dt.timedelta(minutes=10)
#: the spool's own copies of sales already on the server are kept this long, then pruned
KEEP_FORWARDED = dt.timedelta(days=14)

_SMALL_TABLES = (
    Region.__table__,
    Producer.__table__,
    Category.__table__,
    User.__table__,
    RolePermission.__table__,
    TaxClassChange.__table__,  # the till sells offline under the class in force that day
    StorePolicy.__table__,  # the store's policy holds offline too (posapp.store_policy)
    QuickKeyPage.__table__,  # the quick keys as a manager laid them out
    QuickKey.__table__,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SnapshotStats:
    rows: int
    seconds: float


def refresh(
    spool: Spool, server: Database, *, changes_only: bool = False, now: dt.datetime | None = None
) -> SnapshotStats:
    """Copy what selling needs from the server into the spool (one spool transaction, so
    an offline scan sees either the old snapshot or the new one, never half).

    ``changes_only``: only the products written since the last copy (their ``updated_at``,
    with :data:`CHANGES_OVERLAP` to spare for tills whose clocks run behind) and their
    barcodes; users, permissions, the shift and the markdowns are small and always copied.
    Without a previous copy it copies everything."""
    started = time.perf_counter()
    now = now or utcnow()
    reg = spool.register_id
    seen = _products_seen(spool) if changes_only else None
    since = seen - CHANGES_OVERLAP if seen is not None else None

    def read(uow: UnitOfWork) -> dict[str, Any]:
        c = uow.conn

        def rows(q: Any) -> list[dict[str, Any]]:
            return [dict(r) for r in c.execute(q).mappings()]

        data: dict[str, Any] = {t.name: rows(select(t)) for t in _SMALL_TABLES}
        products = select(Product.__table__)
        barcodes = select(ProductBarcode.__table__)
        if since is not None:
            changed = select(Product.id).where(Product.updated_at > since)
            products = products.where(Product.updated_at > since)
            barcodes = barcodes.where(ProductBarcode.product_id.in_(changed))
        data["products"] = rows(products)
        data["product_barcodes"] = rows(barcodes)
        data["registers"] = rows(select(Register.__table__).where(Register.id == reg))
        data["shifts"] = rows(
            select(Shift.__table__).where(Shift.register_id == reg, Shift.status == "open")
        )
        # the floor lots with stock of products that have a markdown: FEFO decides which
        # lot (and so which price) the till sells next, so all of them come along
        marked = select(Lot.product_id).join(LotMarkdown, LotMarkdown.lot_id == Lot.id)
        data["lots"] = rows(
            select(Lot.__table__).where(
                Lot.product_id.in_(marked), Lot.qty_on_hand > 0, Lot.location == "floor"
            )
        )
        ids = [r["id"] for r in data["lots"]]
        data["lot_markdowns"] = (
            rows(select(LotMarkdown.__table__).where(LotMarkdown.lot_id.in_(ids))) if ids else []
        )
        # the register's latest entry: the clock rule offline (Spool.sell), and the day the
        # counter below is raised for when the clock reads behind it
        latest = journal.latest_time(c, reg)
        data["journal_latest"] = latest
        data["day"] = clock_guard.day_of(now, clock_guard.behind_of(reg, now, latest))
        # offline numbers already forwarded today: the local counter never goes back
        data["offline_last"] = _max_offline_seq(c, reg, data["day"])
        return data

    data = server.read(read)
    count = 0

    def write(uow: UnitOfWork) -> None:
        nonlocal count
        c = uow.conn
        for t in (Register.__table__, Region.__table__, Producer.__table__):
            count += upsert_rows(c, t, data[t.name])
        count += upsert_rows(c, Category.__table__, data["categories"])
        count += upsert_rows(c, Product.__table__, data["products"])
        # barcodes are replaced, not upserted: one removed on the server must not scan here,
        # and a code moved to another product must not clash with its old row
        bc = ProductBarcode.__table__
        if since is None:
            c.execute(delete(bc))
        else:
            pids = [r["id"] for r in data["products"]]
            codes = [r["code"] for r in data["product_barcodes"]]
            for i in range(0, max(len(pids), len(codes)), CHUNK):
                c.execute(
                    delete(bc).where(
                        bc.c.product_id.in_(pids[i : i + CHUNK])
                        | bc.c.code.in_(codes[i : i + CHUNK])
                    )
                )
        count += upsert_rows(c, bc, data["product_barcodes"])
        count += upsert_rows(c, User.__table__, data["users"])
        c.execute(delete(RolePermission.__table__))
        c.execute(delete(QuickKey.__table__))  # replaced whole: a page removed is gone here too
        c.execute(delete(QuickKeyPage.__table__))
        count += upsert_rows(c, QuickKeyPage.__table__, data["quick_key_pages"])
        count += upsert_rows(c, QuickKey.__table__, data["quick_keys"])
        count += upsert_rows(c, RolePermission.__table__, data["role_permissions"])
        count += upsert_rows(c, StorePolicy.__table__, data["store_policy"])
        c.execute(update(Lot.__table__).values(qty_on_hand=0))
        count += upsert_rows(c, Lot.__table__, data["lots"])
        count += upsert_rows(c, LotMarkdown.__table__, data["lot_markdowns"])
        count += upsert_rows(c, TaxClassChange.__table__, data["tax_class_changes"])
        for shift in data["shifts"]:
            mirror_shift_row(c, shift)
        _raise_counter(c, reg, data["day"], data["offline_last"])
        if data["journal_latest"] is not None:
            set_meta(c, SERVER_LATEST_KEY, data["journal_latest"].isoformat())
        newest = max((r["updated_at"] for r in data["products"]), default=seen)
        if newest is not None:
            set_meta(c, PRODUCTS_SEEN_KEY, newest.isoformat())
        set_meta(c, SNAPSHOT_KEY, now.isoformat())

    spool.db.transact(write, retries=2)
    return SnapshotStats(count, time.perf_counter() - started)


def prune(spool: Spool, *, now: dt.datetime | None = None) -> int:
    """Delete the spool's copies of sales forwarded more than :data:`KEEP_FORWARDED` ago
    (their movements, journal and outbox entries too); queued ones are never touched."""
    cutoff = (now or utcnow()) - KEEP_FORWARDED

    def fn(uow: UnitOfWork) -> int:
        c = uow.conn
        old = select(Sale.id).where(
            Sale.created_at < cutoff, Sale.uuid.not_in(select(QUEUE.c.uuid))
        )
        uuids = select(Sale.uuid).where(Sale.id.in_(old))
        for table, col in (
            (StockMovement.__table__, StockMovement.doc_uuid),
            (JournalEntry.__table__, JournalEntry.doc_uuid),
            (OutboxEvent.__table__, OutboxEvent.doc_uuid),
        ):
            c.execute(delete(table).where(col.in_(uuids)))
        c.execute(delete(Payment.__table__).where(Payment.sale_id.in_(old)))
        c.execute(delete(SaleLine.__table__).where(SaleLine.sale_id.in_(old)))
        return int(c.execute(delete(Sale.__table__).where(Sale.id.in_(old))).rowcount or 0)

    return spool.db.transact(fn)


def _products_seen(spool: Spool) -> dt.datetime | None:
    text = spool.db.read(
        lambda uow: uow.conn.execute(
            select(SyncState.value).where(SyncState.key == PRODUCTS_SEEN_KEY)
        ).scalar()
    )
    return dt.datetime.fromisoformat(text) if text else None


def _max_offline_seq(conn: Connection, register_id: str, day: dt.date) -> int:
    prefix = f"{register_id}-{day:%Y%m%d}-{OFFLINE_SERIES}"
    numbers = conn.execute(
        select(Sale.receipt_no).where(
            Sale.register_id == register_id,
            Sale.business_date == day,
            Sale.receipt_no.like(prefix + "%"),
        )
    ).scalars()
    return max((int(n[len(prefix) :]) for n in numbers if n[len(prefix) :].isdigit()), default=0)


def _raise_counter(conn: Connection, register_id: str, day: dt.date, last: int) -> None:
    """The spool's receipt counter of the day at least ``last`` (the server's offline
    numbers). A register the server does not know yet (a new till before its first shift)
    has no counter to raise: its first offline sale starts from what the spool holds."""
    known = conn.execute(
        select(Register.__table__.c.id).where(Register.__table__.c.id == register_id)
    ).first()
    if known is None:
        log.info("offline snapshot: register %s not on the server yet, no counter", register_id)
        return
    t = ReceiptCounter.__table__
    stmt = sqlite_insert(t).values(register_id=register_id, business_date=day, last_no=last)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[t.c.register_id, t.c.business_date],
            set_={"last_no": func.max(t.c.last_no, stmt.excluded.last_no)},
        )
    )
