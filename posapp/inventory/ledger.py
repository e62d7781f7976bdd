"""The stock ledger: every change of stock is an appended movement plus a cached level.

Owns ``stock_movements``, ``stock_levels`` and ``lots``. Rules:

* Movements are never edited; a correction is a new movement.
* The cached ``stock_levels.on_hand`` and ``lots.qty_on_hand`` change in the same transaction as
  the movement, by atomic ``SET x = x + :delta`` statements, products touched in ascending id
  order (two tills never deadlock; no read-then-write lost updates).
* Sales take from lots first-expiring-first (FEFO; lots without expiry last), from the lots on
  the sales floor only (``lots.location``; the basement store room's lots reach the till by a
  transfer). When lots run out the rest is an unlotted movement and the product is flagged for
  a count: selling below zero is allowed at the till because the customer is standing there.
* :func:`verify` checks cached = Σ ledger for products and lots.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from posapp.db.engine import Batch, UnitOfWork, inserted_id
from posapp.db.models import Lot, StockLevel, StockMovement, utcnow
from posapp.errors import PosError
from posapp.inventory import stock_journal
from posapp.inventory.error_codes import StockErrorCode


class StockError(PosError):
    pass


FLOOR = "floor"  # the sales floor: the till sells from here
STORE_ROOM = "store_room"  # the basement kitchen store room
LOCATIONS = (FLOOR, STORE_ROOM)


class MovementKind:
    SALE = "sale"
    RETURN = "return"
    RECEIPT = "receipt"
    WASTE = "waste"
    ADJUST = "adjust"
    COUNT = "count"
    ONLINE = "online"
    CLASS_USE = "class_use"
    TRANSFER = "transfer"
    OPENING = "opening"


@dataclass(frozen=True, slots=True)
class Take:
    """What a sale takes of one product: base units (pieces or grams)."""

    product_id: int
    qty: int


@dataclass(frozen=True, slots=True)
class MovementRow:
    product_id: int
    lot_id: int | None
    qty: int


_level_delta = (
    update(StockLevel.__table__)
    .where(StockLevel.__table__.c.product_id == bindparam("pid"))
    .values(
        on_hand=StockLevel.__table__.c.on_hand + bindparam("delta"),
        needs_count=StockLevel.__table__.c.needs_count
        | (StockLevel.__table__.c.on_hand + bindparam("delta") < 0),
    )
)


def _level_upsert(dialect: Any) -> Any:
    """Add a delta to a product's level, creating the level (below zero: flagged) if missing."""
    table = StockLevel.__table__
    stmt = dialect.insert(table).values(
        product_id=bindparam("pid"), on_hand=bindparam("delta"), needs_count=bindparam("neg")
    )
    return stmt.on_conflict_do_update(
        index_elements=[table.c.product_id],
        set_={
            "on_hand": table.c.on_hand + stmt.excluded.on_hand,
            "needs_count": table.c.needs_count | (table.c.on_hand + stmt.excluded.on_hand < 0),
        },
    )


_LEVEL_UPSERT = {"postgresql": _level_upsert(postgresql), "sqlite": _level_upsert(sqlite)}
_lot_delta = (
    update(Lot.__table__)
    .where(Lot.__table__.c.id == bindparam("lid"))
    .values(qty_on_hand=Lot.__table__.c.qty_on_hand + bindparam("delta"))
)
_lots_fefo = (
    select(Lot.id, Lot.product_id, Lot.qty_on_hand)
    .where(
        Lot.product_id.in_(bindparam("pids", expanding=True)),
        Lot.qty_on_hand > 0,
        Lot.location.in_(bindparam("locs", expanding=True)),
    )
    .order_by(Lot.product_id, Lot.expiry_date.is_(None), Lot.expiry_date, Lot.id)
)
# _lots_fefo as driver SQL, for reading inside a psycopg pipeline (posapp.db.engine.Batch.fetch)
_LOTS_FEFO_PG = (
    "SELECT id, product_id, qty_on_hand FROM lots"
    " WHERE product_id = ANY(%s) AND qty_on_hand > 0 AND location = ANY(%s)"
    " ORDER BY product_id, expiry_date IS NULL, expiry_date, id"
)
_insert_movement = insert(StockMovement.__table__).inline()  # no RETURNING: batchable


def ensure_levels(uow: UnitOfWork, product_ids: Iterable[int]) -> None:
    """Create missing ``stock_levels`` rows (zero) for products."""
    conn = uow.conn
    ids = sorted(set(product_ids))
    if not ids:
        return
    have = set(
        conn.execute(select(StockLevel.product_id).where(StockLevel.product_id.in_(ids))).scalars()
    )
    missing = [{"product_id": i, "on_hand": 0, "needs_count": False} for i in ids if i not in have]
    if missing:
        conn.execute(insert(StockLevel.__table__), missing)


def _wanted(takes: Sequence[Take]) -> dict[int, int]:
    """Base units wanted per product (lines of one product summed); quantities must be > 0."""
    wanted: dict[int, int] = defaultdict(int)
    for t in takes:
        if t.qty <= 0:
            raise StockError(
                "a quantity taken must be positive", code=StockErrorCode.QTY, qty=t.qty
            )
        wanted[t.product_id] += t.qty
    return wanted


def take_fefo(
    uow: UnitOfWork,
    takes: Sequence[Take],
    *,
    kind: str,
    doc_type: str,
    doc_uuid: str,
    user_id: int | None,
    register_id: str | None,
    at: dt.datetime | None = None,
    locations: Sequence[str] = (FLOOR,),
    batch: Batch | None = None,
    reason: str = "",
) -> list[MovementRow]:
    """Take stock for a sale (or class use) from lots first-expiring-first, in one go.

    Levels are updated first, in product-id order: that row update is the per-product lock
    under which the lots are read and decremented (PostgreSQL READ COMMITTED re-reads after it).
    Only lots at ``locations`` are taken from (the sales floor for a sale).
    With an open ``batch`` (PostgreSQL) the level updates travel with the caller's queued
    statements and the lots are read in that same round trip; the lot updates and movements
    are queued for the next one.
    """
    conn = uow.conn
    wanted = _wanted(takes)
    if not wanted:
        return []
    pids = sorted(wanted)
    conn.execute(
        _LEVEL_UPSERT[conn.dialect.name],
        [{"pid": p, "delta": -wanted[p], "neg": True} for p in pids],
    )
    locs = list(locations)
    lot_rows: Sequence[Sequence[int]]  # lot id, product id, on hand
    if batch is not None and batch.pipelined:  # lots read in the same round trip
        lot_rows = batch.fetch(_LOTS_FEFO_PG, (pids, locs))
    else:
        lot_rows = conn.execute(_lots_fefo, {"pids": pids, "locs": locs}).all()
    remaining = dict(wanted)
    moves: list[MovementRow] = []
    lot_updates: list[dict[str, int]] = []
    for lot_id, pid, on_hand in lot_rows:
        need = remaining[pid]
        if need <= 0:
            continue
        q = min(need, on_hand)
        remaining[pid] = need - q
        moves.append(MovementRow(pid, lot_id, -q))
        lot_updates.append({"lid": lot_id, "delta": -q})
    for pid in pids:
        if remaining[pid] > 0:
            moves.append(MovementRow(pid, None, -remaining[pid]))
    if lot_updates:
        conn.execute(_lot_delta, lot_updates)
    _insert_moves(uow, moves, kind, doc_type, doc_uuid, user_id, register_id, reason, at)
    return moves


# take_fefo on PostgreSQL as two statements queued on the raw psycopg connection (see
# queue_take_fefo_pg): the level upsert first — its row locks, taken in product-id order, are the
# per-product locks — then, in a statement of its own (READ COMMITTED: a fresh snapshot taken
# after those locks are held), the FEFO walk over the floor lots, the lot decrements and the
# movements in one data-modifying query. Services (products not stock-tracked) are skipped by
# the server, so the caller need not look them up first.
_TAKE_LEVELS_PG = (
    "INSERT INTO stock_levels (product_id, on_hand, needs_count)"
    " SELECT w.pid, -w.q, true FROM unnest(%(pids)s::int[], %(qtys)s::int[]) AS w(pid, q)"
    " JOIN products p ON p.id = w.pid AND p.stock_tracked ORDER BY w.pid"
    " ON CONFLICT (product_id) DO UPDATE SET"
    " on_hand = stock_levels.on_hand + excluded.on_hand,"
    " needs_count = stock_levels.needs_count OR (stock_levels.on_hand + excluded.on_hand < 0)"
)
_TAKE_LOTS_PG = """
WITH w AS (
  SELECT w.pid, w.q FROM unnest(%(pids)s::int[], %(qtys)s::int[]) AS w(pid, q)
  JOIN products p ON p.id = w.pid AND p.stock_tracked
), l AS (
  SELECT l.id, l.product_id, l.qty_on_hand AS oh, w.q,
    sum(l.qty_on_hand) OVER f - l.qty_on_hand AS before,
    row_number() OVER f AS ord
  FROM lots l JOIN w ON w.pid = l.product_id
  WHERE l.qty_on_hand > 0 AND l.location = ANY(%(locs)s::text[])
  WINDOW f AS (PARTITION BY l.product_id ORDER BY l.expiry_date IS NULL, l.expiry_date, l.id)
), t AS (
  SELECT id, product_id, LEAST(oh, q - before)::int AS take, ord FROM l WHERE before < q
), u AS (
  UPDATE lots SET qty_on_hand = lots.qty_on_hand - t.take FROM t WHERE lots.id = t.id
), m AS (
  SELECT product_id, id AS lot_id, take, ord FROM t
  UNION ALL
  SELECT w.pid, NULL, (w.q - coalesce(s.taken, 0))::int, 0
  FROM w LEFT JOIN (SELECT product_id, sum(take) AS taken FROM t GROUP BY product_id) s
    ON s.product_id = w.pid
  WHERE w.q > coalesce(s.taken, 0)
), i AS (
  INSERT INTO stock_movements (uuid, product_id, lot_id, qty, kind, doc_type, doc_uuid, reason,
    user_id, register_id, created_at)
  SELECT gen_random_uuid()::text, product_id, lot_id, -take, %(kind)s, %(doc_type)s,
    %(doc_uuid)s, '', %(user_id)s::int, %(register_id)s, %(at)s::timestamp
  FROM m ORDER BY lot_id IS NULL, product_id, ord
)
SELECT product_id, lot_id, -take FROM m ORDER BY lot_id IS NULL, product_id, ord
"""


def queue_take_fefo_pg(
    driver_conn: Any,
    takes: Sequence[Take],
    *,
    kind: str,
    doc_type: str,
    doc_uuid: str,
    user_id: int | None,
    register_id: str | None,
    at: dt.datetime,
    locations: Sequence[str] = (FLOOR,),
) -> Any:
    """:func:`take_fefo` on PostgreSQL, queued in the psycopg pipeline open on ``driver_conn``
    (no round trip of its own). Returns the cursor whose rows, once the pipeline is synced,
    :func:`movements_from` turns into the movements (same order as :func:`take_fefo`)."""
    wanted = _wanted(takes)
    pids = sorted(wanted)
    params = {
        # array literals as text: psycopg's list dumper inspects every element, every time
        "pids": _pg_array(pids),
        "qtys": _pg_array(wanted[p] for p in pids),
        "locs": _pg_array(locations),
        "kind": kind,
        "doc_type": doc_type,
        "doc_uuid": doc_uuid,
        "user_id": user_id,
        "register_id": register_id,
        "at": at.astimezone(dt.UTC).replace(tzinfo=None),  # the columns hold naive UTC
    }
    if not pids:
        return None
    driver_conn.cursor().execute(_TAKE_LEVELS_PG, params)
    cur = driver_conn.cursor()
    cur.execute(_TAKE_LOTS_PG, params)
    return cur


def _pg_array(values: Iterable[int | str]) -> str:
    """A PostgreSQL array literal (``{1,2}``, ``{"floor"}``) for a ``%s::int[]``/``text[]``."""
    items = (
        str(v) if isinstance(v, int) else '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
        for v in values
    )
    return "{" + ",".join(items) + "}"


def movements_from(cursor: Any) -> list[MovementRow]:
    """The movements a :func:`queue_take_fefo_pg` query wrote (after the pipeline's sync)."""
    if cursor is None:
        return []
    return [MovementRow(pid, lot_id, qty) for pid, lot_id, qty in cursor.fetchall()]


def lock_products(uow: UnitOfWork, product_ids: Iterable[int]) -> None:
    """Lock the products' level rows (a zero update, in id order, as every writer does), so
    their lots can be read and changed without another till changing them meanwhile."""
    conn = uow.conn
    pids = sorted(set(product_ids))
    if pids:
        conn.execute(_level_delta, [{"pid": p, "delta": 0} for p in pids])


def _create_missing_levels(conn: Connection, deltas: dict[int, int]) -> None:
    have = set(
        conn.execute(
            select(StockLevel.product_id).where(StockLevel.product_id.in_(sorted(deltas)))
        ).scalars()
    )
    rows = [
        {"product_id": p, "on_hand": d, "needs_count": d < 0}
        for p, d in sorted(deltas.items())
        if p not in have
    ]
    if rows:
        conn.execute(insert(StockLevel.__table__), rows)


def _insert_moves(
    uow: UnitOfWork,
    moves: Sequence[MovementRow],
    kind: str,
    doc_type: str,
    doc_uuid: str,
    user_id: int | None,
    register_id: str | None,
    reason: str,
    at: dt.datetime | None,
) -> None:
    """Insert the movements of one posting in one statement; a posting that is not a sale's or
    a refund's gets its one journal entry (:mod:`posapp.inventory.stock_journal`) with them."""
    if not moves:
        return
    at = at or utcnow()
    rows = [
        {
            "uuid": str(uuid.uuid4()),
            "product_id": m.product_id,
            "lot_id": m.lot_id,
            "qty": m.qty,
            "kind": kind,
            "doc_type": doc_type,
            "doc_uuid": doc_uuid,
            "reason": reason,
            "user_id": user_id,
            "register_id": register_id,
            "created_at": at,
        }
        for m in moves
    ]
    uow.conn.execute(_insert_movement, rows)
    if stock_journal.journaled(doc_type):
        stock_journal.record(uow, stock_journal.moves_of(rows))


def post(
    uow: UnitOfWork,
    moves: Sequence[MovementRow],
    *,
    kind: str,
    doc_type: str = "",
    doc_uuid: str = "",
    reason: str = "",
    user_id: int | None = None,
    register_id: str | None = None,
    at: dt.datetime | None = None,
) -> None:
    """Post movements to given lots (or unlotted) and update the cached levels with them."""
    conn = uow.conn
    deltas: dict[int, int] = defaultdict(int)
    lot_deltas: dict[int, int] = defaultdict(int)
    for m in moves:
        if m.qty == 0:
            raise StockError("a movement of zero", code=StockErrorCode.QTY, product_id=m.product_id)
        deltas[m.product_id] += m.qty
        if m.lot_id is not None:
            lot_deltas[m.lot_id] += m.qty
    pids = sorted(deltas)
    if pids:
        rows = [{"pid": p, "delta": deltas[p]} for p in pids]
        result = conn.execute(_level_delta, rows)
        if result.rowcount is not None and 0 <= result.rowcount < len(rows):
            _create_missing_levels(conn, dict(deltas))
    if lot_deltas:
        conn.execute(_lot_delta, [{"lid": k, "delta": v} for k, v in sorted(lot_deltas.items())])
    _insert_moves(uow, moves, kind, doc_type, doc_uuid, user_id, register_id, reason, at)


def new_lot(
    uow: UnitOfWork,
    product_id: int,
    qty: int,
    *,
    expiry_date: dt.date | None,
    unit_cost: int | None = None,
    lot_code: str = "",
    received_at: dt.datetime,
    location: str = FLOOR,
) -> int:
    """Create an empty lot for ``qty`` base units to be received (the receipt movement that
    fills it is posted by the caller: :func:`receive_lot`, or one posting for a whole goods
    receipt); returns the lot id."""
    if location not in LOCATIONS:
        raise StockError(
            f"no location {location!r}", code=StockErrorCode.LOCATION, location=location
        )
    if qty <= 0:
        raise StockError("a received quantity must be positive", code=StockErrorCode.QTY, qty=qty)
    lot_id = inserted_id(
        uow.conn.execute(
            insert(Lot.__table__).values(
                uuid=str(uuid.uuid4()),
                product_id=product_id,
                lot_code=lot_code,
                expiry_date=expiry_date,
                received_at=received_at,
                unit_cost=unit_cost,
                qty_received=qty,
                qty_on_hand=0,
                location=location,
            )
        )
    )
    return int(lot_id)


def receive_lot(
    uow: UnitOfWork,
    product_id: int,
    qty: int,
    *,
    expiry_date: dt.date | None,
    unit_cost: int | None = None,
    lot_code: str = "",
    user_id: int | None = None,
    doc_type: str = "receipt",
    doc_uuid: str = "",
    received_at: dt.datetime | None = None,
    kind: str = MovementKind.RECEIPT,
    location: str = FLOOR,
) -> int:
    """Create a lot of ``qty`` base units and post its receipt movement; returns the lot id."""
    at = received_at or utcnow()
    lot_id = new_lot(
        uow,
        product_id,
        qty,
        expiry_date=expiry_date,
        unit_cost=unit_cost,
        lot_code=lot_code,
        received_at=at,
        location=location,
    )
    post(
        uow,
        [MovementRow(product_id, lot_id, qty)],
        kind=kind,
        doc_type=doc_type,
        doc_uuid=doc_uuid or str(uuid.uuid4()),
        user_id=user_id,
        at=at,
    )
    return lot_id


@dataclass(frozen=True, slots=True)
class LedgerProblem:
    what: str  # "product" | "lot"
    id: int
    cached: int
    ledger: int

    def __str__(self) -> str:
        return f"{self.what} {self.id}: cached {self.cached} but the ledger sums to {self.ledger}"


def verify(uow: UnitOfWork) -> list[LedgerProblem]:
    """Cached levels against the ledger, for every product and lot. Empty list = consistent."""
    conn = uow.conn
    problems: list[LedgerProblem] = []
    sums = dict(
        conn.execute(
            select(StockMovement.product_id, func.sum(StockMovement.qty)).group_by(
                StockMovement.product_id
            )
        ).all()
    )
    levels = dict(conn.execute(select(StockLevel.product_id, StockLevel.on_hand)).all())
    for pid in sorted(set(sums) | set(levels)):
        cached, ledger = int(levels.get(pid, 0)), int(sums.get(pid) or 0)
        if cached != ledger:
            problems.append(LedgerProblem("product", pid, cached, ledger))
    lot_sums = {
        lot_id: total
        for lot_id, total in conn.execute(
            select(StockMovement.lot_id, func.sum(StockMovement.qty))
            .where(StockMovement.lot_id.is_not(None))
            .group_by(StockMovement.lot_id)
        )
        if lot_id is not None  # the WHERE leaves none out; this tells the type checker
    }
    lots = dict(conn.execute(select(Lot.id, Lot.qty_on_hand)).all())
    for lid in sorted(set(lot_sums) | set(lots)):
        cached, ledger = int(lots.get(lid, 0)), int(lot_sums.get(lid) or 0)
        if cached != ledger:
            problems.append(LedgerProblem("lot", lid, cached, ledger))
    return problems
