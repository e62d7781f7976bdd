"""Selling while the shared PostgreSQL cannot be reached: the till's local spool.

Owns, for one till:

* the **spool**: a SQLite file in the data directory with the same schema (migrated by the same
  migrations), so the same sale engine, scan and sign-in code run on it unchanged;
* the **snapshot** copied into it while online: products, barcodes, regions, producers,
  categories, users (PIN hashes) and role permissions, this register, the marked-down floor lots
  (so the till charges the same price offline), and the register's open shift;
* the **queue** of sales made offline (``offline_queue``): each sale is committed in the spool
  with a receipt number of the offline series (``R02-20261123-O0001``: it can never collide
  with a number the server hands out) together with what it takes to replay it;
* **forwarding**, when the server answers again: each queued sale, in order, is replayed on the
  server through :func:`posapp.sales.service.complete_sale` with its printed receipt number and
  time, in one server transaction, then removed from the queue. The sale's uuid is the
  idempotency key: a uuid already on the server is not written again (a forward interrupted
  between the server's commit and the queue's delete), so nothing is lost or doubled. Stock is
  taken on the server at replay (FEFO, levels may go below zero and are flagged for a count).
  A sale the server refuses for good (e.g. a product deleted meanwhile) stays in the queue with
  the reason, set aside, and is counted as failed until a manager deals with it.

Qt-free; :class:`Forwarder` is a daemon thread the app starts for a till on PostgreSQL.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from posapp import audit
from posapp.db.engine import Database, DatabaseError, UnitOfWork
from posapp.db.migrate import migrate
from posapp.db.models import (
    AuditEvent,
    Category,
    JournalEntry,
    Lot,
    LotMarkdown,
    OutboxEvent,
    Payment,
    Producer,
    Product,
    ProductBarcode,
    Region,
    Register,
    RolePermission,
    Sale,
    SaleLine,
    Shift,
    StockMovement,
    SyncState,
    User,
    UTCDateTime,
    utcnow,
)
from posapp.errors import PosError
from posapp.sales import service
from posapp.sales.service import CompletedSale, ShiftInfo
from posapp.sales.tenders import CashReceiptRequest, Method, ReceiptPurpose, Tender, VoucherKind
from posapp.sales.ticket import Ticket

log = logging.getLogger(__name__)

OFFLINE_SERIES = "O"
SNAPSHOT_KEY = "offline.snapshot_at"
AUDIT_KEY = "offline.audit_forwarded"  # the last spool audit event id sent to the server
#: audit events the sale engine writes again when a sale is replayed on the server
REPLAYED_ACTIONS = frozenset({"discount.approve", "price.override"})
PRODUCTS_SEEN_KEY = "offline.products_seen"  # the newest products.updated_at copied
#: a product written by a till whose clock is up to this much behind is still copied
CHANGES_OVERLAP = dt.timedelta(minutes=10)
#: the spool's own copies of sales already on the server are kept this long, then pruned
KEEP_FORWARDED = dt.timedelta(days=14)
_CHUNK = 2_000

_meta = MetaData()
QUEUE = Table(
    "offline_queue",
    _meta,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("uuid", String(36), unique=True, nullable=False),
    Column("receipt_no", String(32), nullable=False),
    Column("payload", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("error", Text, nullable=False, default=""),  # set: refused by the server for good
)

# small tables copied whole every time (parents are upserted by primary key, so rows the
# spool's own sales refer to are never deleted); products and barcodes may come as changes only
_SMALL_TABLES = (
    Region.__table__,
    Producer.__table__,
    Category.__table__,
    User.__table__,
    RolePermission.__table__,
)


class OfflineError(PosError):
    pass


@dataclass(frozen=True)
class SpoolStatus:
    queued: int  # waiting to be forwarded
    failed: int  # refused by the server, set aside
    last_error: str
    snapshot_at: dt.datetime | None
    products: int


@dataclass(frozen=True)
class OfflineState:
    """What the till's screen shows: offline or not, sales waiting, sales refused."""

    offline: bool
    queued: int
    failed: int
    last_error: str = ""


@dataclass(frozen=True)
class SnapshotStats:
    rows: int
    seconds: float


@dataclass(frozen=True)
class ForwardResult:
    sent: int = 0
    duplicates: int = 0
    failed: int = 0
    remaining: int = 0


# --- JSON form of what a replay needs -------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return value


def _tender_json(t: Tender) -> dict[str, Any]:
    return {f.name: _plain(getattr(t, f.name)) for f in dataclasses.fields(t)}


def _tender_from(d: dict[str, Any]) -> Tender:
    return Tender(
        method=Method(d["method"]),
        amount=int(d["amount"]),
        approval_no=d.get("approval_no"),
        approved_at=_when(d.get("approved_at")),
        card_masked=d.get("card_masked"),
        card_issuer=d.get("card_issuer"),
        installment_months=int(d.get("installment_months") or 0),
        voucher_kind=VoucherKind(d["voucher_kind"]) if d.get("voucher_kind") else None,
        reference=d.get("reference"),
    )


def _cash_receipt_json(c: CashReceiptRequest | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {f.name: _plain(getattr(c, f.name)) for f in dataclasses.fields(c)}


def _cash_receipt_from(d: dict[str, Any] | None) -> CashReceiptRequest | None:
    if d is None:
        return None
    return CashReceiptRequest(
        identity=d.get("identity"),
        purpose=ReceiptPurpose(d["purpose"]),
        approval_no=d.get("approval_no"),
        approved_at=_when(d.get("approved_at")),
    )


def _when(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


# --- the spool --------------------------------------------------------------------------------


def spool_path(data_dir: Path, register_id: str) -> Path:
    """Where a till keeps its spool: ``offline-<register>.sqlite3`` in its data directory."""
    return data_dir / f"offline-{register_id}.sqlite3"


class Spool:
    """One till's local SQLite spool (see the module docstring)."""

    def __init__(self, path: Path, register_id: str) -> None:
        self.path = path
        self.register_id = register_id
        self.db = Database(f"sqlite:///{path}")
        migrate(self.db.engine)
        _meta.create_all(self.db.engine, checkfirst=True)
        self._lock = threading.Lock()  # one forward at a time

    def dispose(self) -> None:
        self.db.dispose()

    # --- snapshot (while online) --------------------------------------------------------

    def refresh(
        self, server: Database, *, changes_only: bool = False, now: dt.datetime | None = None
    ) -> SnapshotStats:
        """Copy what selling needs from the server into the spool (one spool transaction, so
        an offline scan sees either the old snapshot or the new one, never half).

        ``changes_only``: only the products written since the last copy (their ``updated_at``,
        with :data:`CHANGES_OVERLAP` to spare for tills whose clocks run behind) and their
        barcodes; users, permissions, the shift and the markdowns are small and always copied.
        Without a previous copy it copies everything."""
        import time

        started = time.perf_counter()
        now = now or utcnow()
        day = service.business_date(now)
        reg = self.register_id
        seen = self._products_seen() if changes_only else None
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
                rows(select(LotMarkdown.__table__).where(LotMarkdown.lot_id.in_(ids)))
                if ids
                else []
            )
            # offline numbers already forwarded today: the local counter never goes back
            data["offline_last"] = _max_offline_seq(c, reg, day)
            return data

        data = server.read(read)
        count = 0

        def write(uow: UnitOfWork) -> None:
            nonlocal count
            c = uow.conn
            for t in (Register.__table__, Region.__table__, Producer.__table__):
                count += _upsert(c, t, data[t.name])
            count += _upsert(c, Category.__table__, data["categories"])
            count += _upsert(c, Product.__table__, data["products"])
            # barcodes are replaced, not upserted: one removed on the server must not scan here,
            # and a code moved to another product must not clash with its old row
            bc = ProductBarcode.__table__
            if since is None:
                c.execute(delete(bc))
            else:
                pids = [r["id"] for r in data["products"]]
                codes = [r["code"] for r in data["product_barcodes"]]
                for i in range(0, max(len(pids), len(codes)), _CHUNK):
                    c.execute(
                        delete(bc).where(
                            bc.c.product_id.in_(pids[i : i + _CHUNK])
                            | bc.c.code.in_(codes[i : i + _CHUNK])
                        )
                    )
            count += _upsert(c, bc, data["product_barcodes"])
            count += _upsert(c, User.__table__, data["users"])
            c.execute(delete(RolePermission.__table__))
            count += _upsert(c, RolePermission.__table__, data["role_permissions"])
            c.execute(update(Lot.__table__).values(qty_on_hand=0))
            count += _upsert(c, Lot.__table__, data["lots"])
            count += _upsert(c, LotMarkdown.__table__, data["lot_markdowns"])
            for shift in data["shifts"]:
                _mirror_shift_row(c, shift)
            _raise_counter(c, reg, day, data["offline_last"])
            newest = max((r["updated_at"] for r in data["products"]), default=seen)
            if newest is not None:
                _set_meta(c, PRODUCTS_SEEN_KEY, newest.isoformat())
            _set_meta(c, SNAPSHOT_KEY, now.isoformat())

        self.db.transact(write, retries=2)
        return SnapshotStats(count, time.perf_counter() - started)

    def prune(self, *, now: dt.datetime | None = None) -> int:
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

        return self.db.transact(fn)

    def _products_seen(self) -> dt.datetime | None:
        text = self.db.read(
            lambda uow: uow.conn.execute(
                select(SyncState.value).where(SyncState.key == PRODUCTS_SEEN_KEY)
            ).scalar()
        )
        return dt.datetime.fromisoformat(text) if text else None

    def ready(self) -> bool:
        """Has a snapshot been taken (can this till sell offline)?"""
        return self.snapshot_at() is not None

    def snapshot_at(self) -> dt.datetime | None:
        text = self.db.read(
            lambda uow: uow.conn.execute(
                select(SyncState.value).where(SyncState.key == SNAPSHOT_KEY)
            ).scalar()
        )
        return dt.datetime.fromisoformat(text) if text else None

    def mirror_shift(self, shift: ShiftInfo) -> None:
        """Make the till's open shift (as the server has it) the open shift in the spool."""
        self.db.transact(lambda uow: _mirror_shift_row(uow.conn, _shift_row(shift)), retries=2)

    # --- selling offline -----------------------------------------------------------------

    def sell(
        self,
        ticket: Ticket,
        tenders: Sequence[Tender],
        *,
        user_id: int,
        shift: ShiftInfo,
        approved_by: int | None = None,
        cash_receipt: CashReceiptRequest | None = None,
        discount_limit_percent: int = 100,
        now: dt.datetime | None = None,
    ) -> CompletedSale:
        """Commit the sale in the spool (offline receipt series) and queue it for the server."""
        now = now or utcnow()

        def fn(uow: UnitOfWork) -> CompletedSale:
            _mirror_shift_row(uow.conn, _shift_row(shift))
            sale = service.complete_sale(
                uow,
                ticket,
                tenders,
                register_id=self.register_id,
                user_id=user_id,
                approved_by=approved_by,
                cash_receipt=cash_receipt,
                discount_limit_percent=discount_limit_percent,
                now=now,
                receipt_series=OFFLINE_SERIES,
            )
            payload = {
                "v": 1,
                "register_id": self.register_id,
                "shift_id": shift.id,
                "ticket": ticket.to_json(),
                "tenders": [_tender_json(t) for t in tenders],
                "user_id": user_id,
                "approved_by": approved_by,
                "cash_receipt": _cash_receipt_json(cash_receipt),
                "discount_limit_percent": discount_limit_percent,
                "created_at": now.isoformat(),
                "receipt_no": sale.receipt_no,
            }
            uow.conn.execute(
                insert(QUEUE).values(
                    uuid=sale.uuid,
                    receipt_no=sale.receipt_no,
                    payload=json.dumps(payload, ensure_ascii=False),
                    created_at=now,
                    attempts=0,
                    error="",
                )
            )
            return sale

        return self.db.transact(fn)

    def _forward_audit(self, server: Database) -> int:
        """Send the audit events written while offline (a drawer opened, a ticket voided, a
        reprint, a lockout) to the server, each once (by uuid); those the replay of a sale
        writes again are left out."""
        sent = 0
        while True:

            def read(uow: UnitOfWork) -> list[dict[str, Any]]:
                c = uow.conn
                seen = c.execute(select(SyncState.value).where(SyncState.key == AUDIT_KEY)).scalar()
                return _audit_rows_after(c, int(seen or 0))

            rows = self.db.read(read)
            if not rows:
                return sent
            keep = [r for r in rows if r["action"] not in REPLAYED_ACTIONS]
            if keep:
                server.transact(lambda uow, k=keep: _insert_audit_once(uow.conn, k))
            top = max(r["id"] for r in rows)
            self.db.transact(lambda uow, top=top: _set_meta(uow.conn, AUDIT_KEY, str(top)))
            sent += len(keep)

    def status(self) -> SpoolStatus:
        def fn(uow: UnitOfWork) -> SpoolStatus:
            c = uow.conn
            queued = c.execute(select(func.count()).where(QUEUE.c.error == "")).scalar_one()
            failed = c.execute(select(func.count()).where(QUEUE.c.error != "")).scalar_one()
            last = c.execute(
                select(QUEUE.c.error).where(QUEUE.c.error != "").order_by(QUEUE.c.seq.desc())
            ).scalar()
            products = c.execute(select(func.count()).select_from(Product.__table__)).scalar_one()
            snap = c.execute(select(SyncState.value).where(SyncState.key == SNAPSHOT_KEY)).scalar()
            return SpoolStatus(
                int(queued),
                int(failed),
                last or "",
                dt.datetime.fromisoformat(snap) if snap else None,
                int(products),
            )

        return self.db.read(fn)

    def queued(self) -> list[dict[str, Any]]:
        """Every queued sale, oldest first (``error`` set: refused by the server)."""
        return self.db.read(
            lambda uow: [
                dict(r)
                for r in uow.conn.execute(
                    select(
                        QUEUE.c.seq,
                        QUEUE.c.uuid,
                        QUEUE.c.receipt_no,
                        QUEUE.c.created_at,
                        QUEUE.c.attempts,
                        QUEUE.c.error,
                    ).order_by(QUEUE.c.seq)
                ).mappings()
            ]
        )

    def retry_failed(self) -> int:
        """Put the sales the server refused back in line (after the cause was fixed)."""
        return self.db.transact(
            lambda uow: (
                uow.conn.execute(update(QUEUE).where(QUEUE.c.error != "").values(error="")).rowcount
            )
        )

    # --- forwarding (when the server is back) ---------------------------------------------

    def forward(self, server: Database, *, limit: int | None = None) -> ForwardResult:
        """Replay queued sales on the server in order, each exactly once.

        Raises :class:`~posapp.db.engine.DatabaseUnavailable` (and stops, losing nothing) when
        the server cannot be reached; a sale the server refuses is set aside with its reason.
        """
        with self._lock:
            sent = dup = failed = 0
            while limit is None or sent + dup + failed < limit:
                row = self.db.read(
                    lambda uow: (
                        uow.conn.execute(
                            select(QUEUE).where(QUEUE.c.error == "").order_by(QUEUE.c.seq).limit(1)
                        )
                        .mappings()
                        .first()
                    )
                )
                if row is None:
                    break
                payload = json.loads(row["payload"])
                try:
                    outcome = server.transact(lambda uow, p=payload: _replay(uow, p))
                except (DatabaseError, ConnectionError):
                    raise  # unreachable/busy: try again later, the sale stays queued
                except Exception as exc:  # refused for good: set aside, go on with the rest
                    reason = f"{getattr(exc, 'code', type(exc).__name__)}: {exc}"
                    log.error(
                        "offline sale %s refused by the server: %s", row["receipt_no"], reason
                    )
                    self.db.transact(
                        lambda uow, seq=row["seq"], why=reason: uow.conn.execute(
                            update(QUEUE)
                            .where(QUEUE.c.seq == seq)
                            .values(error=why[:500], attempts=QUEUE.c.attempts + 1)
                        )
                    )
                    failed += 1
                    continue
                self.db.transact(
                    lambda uow, seq=row["seq"]: uow.conn.execute(
                        delete(QUEUE).where(QUEUE.c.seq == seq)
                    )
                )
                if outcome == "duplicate":
                    dup += 1
                else:
                    sent += 1
            self._forward_audit(server)
            remaining = self.status().queued
        if sent or dup or failed:
            log.info(
                "offline sales forwarded: %d sent, %d already there, %d refused, %d left",
                sent,
                dup,
                failed,
                remaining,
            )
        return ForwardResult(sent, dup, failed, remaining)


def _audit_rows_after(conn: Connection, last_id: int) -> list[dict[str, Any]]:
    t = AuditEvent.__table__
    q = select(t).where(t.c.id > last_id).order_by(t.c.id).limit(_CHUNK)
    return [dict(r) for r in conn.execute(q).mappings()]


def _insert_audit_once(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Insert audit events unless their uuid is there already (a forward cut short)."""
    from sqlalchemy.dialects import postgresql, sqlite

    t = AuditEvent.__table__
    dialect_insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    conn.execute(
        dialect_insert(t).on_conflict_do_nothing(index_elements=[t.c.uuid]),
        [{k: v for k, v in r.items() if k != "id"} for r in rows],
    )


def _replay(uow: UnitOfWork, p: dict[str, Any]) -> str:
    """Write one offline sale on the server as it was sold (its number, time and prices)."""
    ticket = Ticket.from_json(p["ticket"])
    existing = uow.conn.execute(
        select(Sale.receipt_no).where(Sale.uuid == ticket.uuid)
    ).scalar_one_or_none()
    if existing is not None:
        if existing != p["receipt_no"]:
            # the server committed it before the connection dropped, under an online number,
            # and the customer holds the offline one: record the pair for whoever looks for it
            audit.record(
                uow.conn,
                "offline.duplicate",
                p["user_id"],
                p["register_id"],
                p["receipt_no"],
                after={"server_receipt_no": existing, "printed_receipt_no": p["receipt_no"]},
            )
        return "duplicate"
    service.complete_sale(
        uow,
        ticket,
        [_tender_from(t) for t in p["tenders"]],
        register_id=p["register_id"],
        user_id=int(p["user_id"]),
        approved_by=p.get("approved_by"),
        cash_receipt=_cash_receipt_from(p.get("cash_receipt")),
        discount_limit_percent=int(p.get("discount_limit_percent", 100)),
        now=dt.datetime.fromisoformat(p["created_at"]),
        receipt_no=p["receipt_no"],
    )
    return "sent"


# --- helpers ---------------------------------------------------------------------------------


def _upsert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> int:
    if not rows:
        return 0
    keys = [c.name for c in table.primary_key.columns]
    cols = [c.name for c in table.columns if c.name not in keys]
    for i in range(0, len(rows), _CHUNK):
        stmt = sqlite_insert(table)
        stmt = (
            stmt.on_conflict_do_update(
                index_elements=keys, set_={c: stmt.excluded[c] for c in cols}
            )
            if cols
            else stmt.on_conflict_do_nothing(index_elements=keys)
        )
        conn.execute(stmt, rows[i : i + _CHUNK])
    return len(rows)


def _shift_row(shift: ShiftInfo) -> dict[str, Any]:
    return {
        "id": shift.id,
        "uuid": shift.uuid,
        "register_id": shift.register_id,
        "opened_by": shift.opened_by,
        "opened_at": shift.opened_at,
        "business_date": shift.business_date,
        "opening_float": shift.opening_float,
        "opening_counts": {},
        "status": "open",
    }


def _mirror_shift_row(conn: Connection, row: dict[str, Any]) -> None:
    t = Shift.__table__
    conn.execute(
        update(t)
        .where(t.c.register_id == row["register_id"], t.c.status == "open", t.c.id != row["id"])
        .values(status="closed", closed_at=utcnow())
    )
    _upsert(conn, t, [row])


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
    from posapp.db.models import ReceiptCounter

    t = ReceiptCounter.__table__
    stmt = sqlite_insert(t).values(register_id=register_id, business_date=day, last_no=last)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[t.c.register_id, t.c.business_date],
            set_={"last_no": func.max(t.c.last_no, stmt.excluded.last_no)},
        )
    )


def _set_meta(conn: Connection, key: str, value: str) -> None:
    t = SyncState.__table__
    stmt = sqlite_insert(t).values(key=key, value=value, updated_at=utcnow())
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[t.c.key], set_={"value": value, "updated_at": utcnow()}
        )
    )


# --- the background forwarder ----------------------------------------------------------------


class Forwarder:
    """Daemon thread: while the till is offline (or sales wait in the queue), probe the server
    every ``probe_s`` and forward; while online, copy the products changed since the last copy
    every ``changes_s`` and the whole snapshot every ``snapshot_s``.
    ``back_online`` is called once the queue is empty after an outage."""

    def __init__(
        self,
        spool: Spool,
        server: Database,
        *,
        is_offline: Callable[[], bool],
        back_online: Callable[[], None],
        publish: Callable[[OfflineState], None] | None = None,
        probe_s: float = 5.0,
        changes_s: float = 60.0,
        snapshot_s: float = 3600.0,
    ) -> None:
        self.spool = spool
        self.server = server
        self.is_offline = is_offline
        self.back_online = back_online
        self.publish = publish
        self.probe_s = probe_s
        self.snapshot_s = snapshot_s
        self.changes_s = changes_s
        self._next_changes = 0.0
        self.last_error = ""
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._next_snapshot = 0.0

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="offline-forwarder", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def wake(self) -> None:
        """Try now (the till just went offline, or someone pressed "send now")."""
        self._wake.set()

    def step(self) -> ForwardResult | None:
        """One round: forward if there is anything to forward, refresh the snapshot when due.
        Returns what was forwarded (None when the server could not be reached)."""
        import time

        result = None
        try:
            if self.is_offline():
                self.server.read(lambda uow: uow.conn.execute(select(1)).scalar())  # the probe
            if self.is_offline() or self.spool.status().queued:
                result = self.spool.forward(self.server)
                if result.remaining == 0 and self.is_offline():
                    self.back_online()
            now = time.monotonic()
            if not self.is_offline() and now >= min(self._next_snapshot, self._next_changes):
                full = now >= self._next_snapshot
                stats = self.spool.refresh(self.server, changes_only=not full)
                log.info(
                    "offline snapshot (%s): %d rows in %.2f s",
                    "full" if full else "changes",
                    stats.rows,
                    stats.seconds,
                )
                if full:
                    self._next_snapshot = now + self.snapshot_s
                    self.spool.prune()
                self._next_changes = now + self.changes_s
            self.last_error = ""
        except (DatabaseError, ConnectionError, OSError) as exc:
            self.last_error = str(exc)
            log.info("offline forwarder: server not reachable (%s)", exc)
            result = None
        self._publish()
        return result

    def _publish(self) -> None:
        if self.publish is None:
            return
        try:
            st = self.spool.status()
            self.publish(
                OfflineState(
                    self.is_offline(), st.queued, st.failed, st.last_error or self.last_error
                )
            )
        except Exception:  # the screen's indicator must never stop the forwarding
            log.exception("offline status could not be published")

    def _run(self) -> None:
        while not self._stop.is_set():
            self.step()
            self._wake.wait(self.probe_s)
            self._wake.clear()
