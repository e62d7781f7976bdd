"""One till's local SQLite spool and its queue of sales made offline.

Owns the spool file (same schema and migrations as the server, so the sale engine runs on it
unchanged), selling in it (the offline receipt series, the sale queued with what its replay
needs), what the screen shows of it (queued, refused, the last snapshot), and the small
upserts the snapshot (:mod:`posapp.sales.offline.snapshot`) and the till's shift share.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
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
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from posapp.db.engine import Database, UnitOfWork
from posapp.db.migrate import migrate
from posapp.db.models import Product, Shift, SyncState, UTCDateTime, utcnow
from posapp.errors import PosError
from posapp.sales import clock_guard, journal
from posapp.sales.clock_guard import ClockBehind
from posapp.sales.completion import complete_sale
from posapp.sales.offline.payload import cash_receipt_json, tender_json
from posapp.sales.sale_records import CompletedSale
from posapp.sales.shifts import ShiftInfo
from posapp.sales.tenders import CashReceiptRequest, Tender
from posapp.sales.ticket import Ticket

OFFLINE_SERIES = "O"
SNAPSHOT_KEY = "offline.snapshot_at"
#: the latest time of the register's journal on the server, as the last snapshot found it
SERVER_LATEST_KEY = "offline.server_latest"
CHUNK = 2_000  # rows per statement when copying

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


class OfflineError(PosError):
    pass


@dataclass(frozen=True)
class SpoolStatus:
    queued: int  # waiting to be forwarded
    failed: int  # refused by the server, set aside
    last_error: str
    snapshot_at: dt.datetime | None
    products: int


@dataclass(frozen=True, slots=True)
class QueuedSale:
    """A sale waiting in the queue (``error`` set: refused by the server, set aside)."""

    seq: int
    uuid: str
    receipt_no: str
    created_at: dt.datetime
    attempts: int
    error: str


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
        self.forward_lock = threading.Lock()  # one forward at a time
        #: the clock as the last offline sale found it: behind the register's journal, or None
        self.clock: ClockBehind | None = None

    def dispose(self) -> None:
        self.db.dispose()

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
        self.db.transact(lambda uow: mirror_shift_row(uow.conn, shift_row(shift)), retries=2)

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
        approved_bound: Mapping[str, int] | None = None,
        latest_known: dt.datetime | None = None,
    ) -> CompletedSale:
        """Commit the sale in the spool (offline receipt series) and queue it for the server.

        The clock rule of a till online (:mod:`posapp.sales.clock_guard`) holds here too: when
        the clock reads behind the register's latest entry — the latest of the spool's own
        offline sales, the server's journal as the last snapshot found it and
        ``latest_known`` (what the till still knows of the server) — the sale is numbered and
        counted on the later day (:attr:`clock` says so to the screen); its replay on the
        server keeps that day (the one its number says)."""
        now = now or utcnow()
        found: list[ClockBehind | None] = [None]

        def fn(uow: UnitOfWork) -> CompletedSale:
            mirror_shift_row(uow.conn, shift_row(shift))
            found[0] = state = clock_guard.behind_of(
                self.register_id, now, self._latest(uow.conn, latest_known)
            )
            sale = complete_sale(
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
                approved_bound=approved_bound,
                day=clock_guard.day_of(now, state),
            )
            payload = {
                "v": 1,
                "register_id": self.register_id,
                "shift_id": shift.id,
                "ticket": ticket.to_json(),
                "tenders": [tender_json(t) for t in tenders],
                "user_id": user_id,
                "approved_by": approved_by,
                "cash_receipt": cash_receipt_json(cash_receipt),
                "discount_limit_percent": discount_limit_percent,
                "approved_bound": dict(approved_bound or {}),
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

        sale = self.db.transact(fn)
        self.clock = found[0]
        return sale

    def _latest(self, conn: Connection, latest_known: dt.datetime | None) -> dt.datetime | None:
        """The register's latest journal time as far as this till can know it offline."""
        mark = conn.execute(select(SyncState.value).where(SyncState.key == SERVER_LATEST_KEY))
        text = mark.scalar()
        times = [
            journal.latest_time(conn, self.register_id),
            dt.datetime.fromisoformat(text) if text else None,
            latest_known,
        ]
        return max((t for t in times if t is not None), default=None)

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

    def queued(self) -> list[QueuedSale]:
        """Every queued sale, oldest first (``error`` set: refused by the server)."""
        return self.db.read(
            lambda uow: [
                QueuedSale(*r)
                for r in uow.conn.execute(
                    select(
                        QUEUE.c.seq,
                        QUEUE.c.uuid,
                        QUEUE.c.receipt_no,
                        QUEUE.c.created_at,
                        QUEUE.c.attempts,
                        QUEUE.c.error,
                    ).order_by(QUEUE.c.seq)
                )
            ]
        )

    def retry_failed(self) -> int:
        """Put the sales the server refused back in line (after the cause was fixed)."""
        return self.db.transact(
            lambda uow: (
                uow.conn.execute(update(QUEUE).where(QUEUE.c.error != "").values(error="")).rowcount
            )
        )


def upsert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> int:
    """Insert or update ``rows`` of ``table`` by primary key, a chunk at a time."""
    if not rows:
        return 0
    keys = [c.name for c in table.primary_key.columns]
    cols = [c.name for c in table.columns if c.name not in keys]
    for i in range(0, len(rows), CHUNK):
        stmt = sqlite_insert(table)
        stmt = (
            stmt.on_conflict_do_update(
                index_elements=keys, set_={c: stmt.excluded[c] for c in cols}
            )
            if cols
            else stmt.on_conflict_do_nothing(index_elements=keys)
        )
        conn.execute(stmt, rows[i : i + CHUNK])
    return len(rows)


def shift_row(shift: ShiftInfo) -> dict[str, Any]:
    """The ``shifts`` row of a shift as the server has it."""
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


def mirror_shift_row(conn: Connection, row: dict[str, Any]) -> None:
    """Make ``row`` the register's one open shift in the spool."""
    t = Shift.__table__
    conn.execute(
        update(t)
        .where(t.c.register_id == row["register_id"], t.c.status == "open", t.c.id != row["id"])
        .values(status="closed", closed_at=utcnow())
    )
    upsert_rows(conn, t, [row])


def set_meta(conn: Connection, key: str, value: str) -> None:
    """Set one of the spool's own marks (``sync_state``)."""
    t = SyncState.__table__
    stmt = sqlite_insert(t).values(key=key, value=value, updated_at=utcnow())
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[t.c.key], set_={"value": value, "updated_at": utcnow()}
        )
    )
