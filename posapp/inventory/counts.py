"""Stock counts (재고조사) while the store keeps selling.

Owns ``stock_counts`` / ``stock_count_lines``. Starting a count records, per product, the level
at that moment and the last ledger movement id; counting records what is on the shelf and when.
A line's variance is ``counted − (expected at start + movements between the start and the moment
it was counted)``: a sale during the count is neither a loss nor counted twice. Posting writes
each variance as one ``count`` movement (negative variances leave the lots first-expiring-first,
positive ones go into the newest lot) and clears the product's needs-count flag. Posting changes
stock: it needs the ``stock_adjustment`` permission of the user or of a manager approving in
place, and is a ``count.post`` audit event with each changed product's level before and after.

On PostgreSQL the start locks the counted products' level rows (as every stock writer does
first), so a sale in flight is either wholly before the start or wholly after it.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import and_, func, insert, select, update

from posapp import audit
from posapp.db.engine import UnitOfWork, inserted_id
from posapp.db.models import (
    Category,
    Lot,
    Product,
    Region,
    StockCount,
    StockCountLine,
    StockLevel,
    StockMovement,
    utcnow,
)
from posapp.domain.cart import parse_unit
from posapp.inventory import catalog, ledger
from posapp.inventory.error_codes import CountErrorCode, InventoryErrorCode
from posapp.inventory.ledger import LOCATIONS, MovementKind, MovementRow, Take
from posapp.inventory.stock import InventoryError, levels, require_adjustment


@dataclass(frozen=True, slots=True)
class CountInfo:
    id: int
    uuid: str
    status: str
    note: str
    started_at: dt.datetime
    start_movement_id: int
    lines: int
    counted: int


@dataclass(frozen=True, slots=True)
class CountLine:
    product_id: int
    name: str
    unit: str
    barcode: str | None
    region: str
    category: str
    expected_at_start: int
    since_start: int  # movements between the start and the counting of this line
    counted: int | None
    counted_at: dt.datetime | None
    price: int = 0  # the shelf price, for the value of a difference

    @property
    def expected(self) -> int:
        """What the books say the shelf should hold when this line was counted."""
        return self.expected_at_start + self.since_start

    @property
    def variance(self) -> int | None:
        if self.counted is None:
            return None
        return self.counted - self.expected

    @property
    def variance_value(self) -> int:
        """The difference at the shelf price, in won (toward zero; 0 when not counted)."""
        return line_value(self.unit, self.price, self.variance or 0)


def line_value(unit: str, price: int, qty: int) -> int:
    """``qty`` base units (pieces or grams) at ``price`` (per piece, kg or 100 g), in won,
    rounded toward zero so a loss and a gain of the same size weigh the same."""
    per = parse_unit(unit).price_per
    value = abs(qty) * price // per
    return -value if qty < 0 else value


def start_count(
    uow: UnitOfWork,
    *,
    user_id: int,
    product_ids: Sequence[int] | None = None,
    category_id: int | None = None,
    region_id: int | None = None,
    note: str = "",
    now: dt.datetime | None = None,
) -> CountInfo:
    """Open a count of the given products (or of a category / region; default every active
    product), recording what each should have at this moment."""
    conn = uow.conn
    open_n = conn.execute(
        select(func.count()).select_from(StockCount).where(StockCount.status == "open")
    ).scalar_one()
    if open_n:
        raise InventoryError("a count is already open: post or cancel it", code=CountErrorCode.OPEN)
    q = select(Product.id).where(Product.active)
    if product_ids is not None:
        q = select(Product.id).where(Product.id.in_(sorted(set(product_ids))))
    if category_id is not None:
        q = q.where(Product.category_id == category_id)
    if region_id is not None:
        q = q.where(Product.region_id == region_id)
    pids = sorted(conn.execute(q).scalars())
    if not pids:
        raise InventoryError("no products to count", code=CountErrorCode.EMPTY)
    ledger.ensure_levels(uow, pids)
    if uow.dialect == "postgresql":
        ledger.lock_products(uow, pids)  # waits for sales in flight on these products
    start_id = conn.execute(select(func.coalesce(func.max(StockMovement.id), 0))).scalar_one()
    now = now or utcnow()
    count_uuid = str(uuidlib.uuid4())
    count_id = inserted_id(
        conn.execute(
            insert(StockCount.__table__).values(
                uuid=count_uuid,
                status="open",
                note=note,
                start_movement_id=start_id,
                started_by=user_id,
                started_at=now,
            )
        )
    )
    levels = dict(
        conn.execute(
            select(StockLevel.product_id, StockLevel.on_hand).where(StockLevel.product_id.in_(pids))
        ).all()
    )
    conn.execute(
        insert(StockCountLine.__table__),
        [
            {"count_id": count_id, "product_id": p, "expected_at_start": int(levels.get(p, 0))}
            for p in pids
        ],
    )
    return get_count(uow, count_id)


def _open_count(uow: UnitOfWork, count_id: int) -> tuple[int, str]:
    row = uow.conn.execute(
        select(StockCount.start_movement_id, StockCount.status).where(StockCount.id == count_id)
    ).first()
    if row is None:
        raise InventoryError(f"no count {count_id}", code=CountErrorCode.UNKNOWN, id=count_id)
    if row[1] != "open":
        raise InventoryError(f"the count is {row[1]}", code=CountErrorCode.NOT_OPEN, status=row[1])
    return int(row[0]), str(row[1])


def record_count(
    uow: UnitOfWork,
    count_id: int,
    product_id: int,
    qty: int,
    *,
    add: bool = False,
    now: dt.datetime | None = None,
) -> CountLine:
    """Record what is on the shelf: ``qty`` (typed) or ``add`` it to what was counted before
    (one scan = one piece). A product not in the count's scope is added to it."""
    if not isinstance(qty, int) or isinstance(qty, bool) or qty < 0 or (add and qty == 0):
        raise InventoryError(
            "a counted quantity is a whole number, 0 or more", code=CountErrorCode.QTY
        )
    start_id, _ = _open_count(uow, count_id)
    conn = uow.conn
    now = now or utcnow()
    t = StockCountLine.__table__
    have = conn.execute(
        select(t.c.id, t.c.counted).where(t.c.count_id == count_id, t.c.product_id == product_id)
    ).first()
    if have is None:
        if conn.execute(select(Product.id).where(Product.id == product_id)).scalar() is None:
            raise InventoryError(
                f"no product {product_id}", code=InventoryErrorCode.UNKNOWN_PRODUCT
            )
        ledger.ensure_levels(uow, [product_id])
        on_hand = conn.execute(
            select(StockLevel.on_hand).where(StockLevel.product_id == product_id)
        ).scalar_one()
        since = conn.execute(
            select(func.coalesce(func.sum(StockMovement.qty), 0)).where(
                StockMovement.product_id == product_id, StockMovement.id > start_id
            )
        ).scalar_one()
        conn.execute(
            insert(t).values(
                count_id=count_id,
                product_id=product_id,
                expected_at_start=int(on_hand) - int(since),
                counted=qty,
                counted_at=now,
            )
        )
    else:
        value = (have[1] or 0) + qty if add else qty
        conn.execute(update(t).where(t.c.id == have[0]).values(counted=value, counted_at=now))
    return count_lines(uow, count_id, product_ids=[product_id])[0]


def count_lines(
    uow: UnitOfWork,
    count_id: int,
    *,
    product_ids: Sequence[int] | None = None,
    only_counted: bool = False,
) -> list[CountLine]:
    """The count's lines with expected, movements since the start and counted quantities."""
    conn = uow.conn
    start_id = conn.execute(
        select(StockCount.start_movement_id).where(StockCount.id == count_id)
    ).scalar()
    if start_id is None:
        raise InventoryError(f"no count {count_id}", code=CountErrorCode.UNKNOWN, id=count_id)
    cl = StockCountLine
    since = (
        select(func.coalesce(func.sum(StockMovement.qty), 0))
        .where(
            StockMovement.product_id == cl.product_id,
            StockMovement.id > start_id,
            StockMovement.doc_type != "count",
            cl.counted_at.is_not(None),
            StockMovement.created_at <= cl.counted_at,
        )
        .correlate(cl)
        .scalar_subquery()
    )
    q = (
        select(
            cl.product_id,
            Product.name_ko,
            Product.unit,
            catalog.primary_barcode,
            Region.name,
            Category.name,
            cl.expected_at_start,
            since,
            cl.counted,
            cl.counted_at,
            Product.price,
        )
        .join(Product, Product.id == cl.product_id)
        .outerjoin(Region, Region.id == Product.region_id)
        .outerjoin(Category, Category.id == Product.category_id)
        .where(cl.count_id == count_id)
        .order_by(Category.name, Product.name_ko, cl.product_id)
    )
    if product_ids is not None:
        q = q.where(cl.product_id.in_(list(product_ids)))
    if only_counted:
        q = q.where(cl.counted.is_not(None))
    return [
        CountLine(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4] or "",
            r[5] or "",
            int(r[6]),
            int(r[7] or 0),
            r[8],
            r[9],
            int(r[10] or 0),
        )
        for r in conn.execute(q)
    ]


def get_count(uow: UnitOfWork, count_id: int) -> CountInfo:
    conn = uow.conn
    h = conn.execute(
        select(
            StockCount.id,
            StockCount.uuid,
            StockCount.status,
            StockCount.note,
            StockCount.started_at,
            StockCount.start_movement_id,
        ).where(StockCount.id == count_id)
    ).first()
    if h is None:
        raise InventoryError(f"no count {count_id}", code=CountErrorCode.UNKNOWN, id=count_id)
    n, counted = conn.execute(
        select(func.count(), func.count(StockCountLine.counted)).where(
            StockCountLine.count_id == count_id
        )
    ).one()
    return CountInfo(*h, lines=int(n), counted=int(counted))


def open_count(uow: UnitOfWork) -> CountInfo | None:
    cid = uow.conn.execute(select(StockCount.id).where(StockCount.status == "open")).scalar()
    return get_count(uow, cid) if cid is not None else None


@dataclass(frozen=True, slots=True)
class CountReview:
    """What posting a count would change: every counted line whose count differs from the
    books, with its value at the shelf price; what a manager confirms before posting."""

    count: CountInfo
    differences: tuple[CountLine, ...]
    uncounted: int  # lines of the count nobody counted (left as they are)

    @property
    def variances(self) -> dict[int, int]:
        return {ln.product_id: ln.variance or 0 for ln in self.differences}

    @property
    def total_value(self) -> int:
        return sum(ln.variance_value for ln in self.differences)


def review_count(uow: UnitOfWork, count_id: int) -> CountReview:
    """The differences :func:`post_count` would post now."""
    _open_count(uow, count_id)
    info = get_count(uow, count_id)
    lines = count_lines(uow, count_id, only_counted=True)
    diffs = tuple(ln for ln in lines if ln.variance)
    return CountReview(info, diffs, info.lines - info.counted)


@dataclass(frozen=True, slots=True)
class PostedCount:
    count: CountInfo
    variances: dict[int, int]  # product id -> posted variance (non-zero only)
    movements: tuple[MovementRow, ...]


def post_count(
    uow: UnitOfWork,
    count_id: int,
    *,
    user_id: int,
    approved_by: int | None = None,
    register_id: str | None = None,
    expected: Mapping[int, int] | None = None,
) -> PostedCount:
    """Post the reviewed variances of every counted line as ``count`` movements; uncounted
    lines are left as they are. The count is closed. Needs ``stock_adjustment`` of
    ``user_id`` or of ``approved_by``. With ``expected`` (the variances of the review a
    person confirmed) nothing is posted when the count differs from it now
    (``count.changed``): what is posted is what was shown."""
    _open_count(uow, count_id)
    approver = require_adjustment(uow, user_id, approved_by, "posting a stock count")
    conn = uow.conn
    count_uuid = conn.execute(select(StockCount.uuid).where(StockCount.id == count_id)).scalar_one()
    lines = count_lines(uow, count_id, only_counted=True)
    pids = sorted(ln.product_id for ln in lines)
    ledger.lock_products(uow, pids)
    # read again under the lock: a sale may have committed since the lines were shown
    lines = count_lines(uow, count_id, only_counted=True)
    variances = {ln.product_id: ln.variance for ln in lines if ln.variance}
    if expected is not None and {p: v for p, v in expected.items() if v} != variances:
        raise InventoryError(
            "the count changed since it was reviewed: review it again",
            code=CountErrorCode.CHANGED,
        )
    before = levels(uow, sorted(variances))
    now = utcnow()
    moves: list[MovementRow] = []
    takes = [Take(p, -v) for p, v in sorted(variances.items()) if v and v < 0]
    if takes:
        moves += ledger.take_fefo(
            uow,
            takes,
            kind=MovementKind.COUNT,
            doc_type="count",
            doc_uuid=count_uuid,
            user_id=user_id,
            register_id=None,
            at=now,
            locations=LOCATIONS,
        )
    adds = []
    for p, v in sorted(variances.items()):
        if v and v > 0:
            lot = conn.execute(
                select(Lot.id)
                .where(Lot.product_id == p)
                .order_by(Lot.received_at.desc(), Lot.id.desc())
                .limit(1)
            ).scalar()
            adds.append(MovementRow(p, lot, v))
    if adds:
        ledger.post(
            uow,
            adds,
            kind=MovementKind.COUNT,
            doc_type="count",
            doc_uuid=count_uuid,
            reason="count",
            user_id=user_id,
            at=now,
        )
        moves += adds
    t = StockCountLine.__table__
    for ln in lines:
        conn.execute(
            update(t)
            .where(and_(t.c.count_id == count_id, t.c.product_id == ln.product_id))
            .values(posted_variance=ln.variance or 0)
        )
    if pids:
        lv = StockLevel.__table__
        conn.execute(update(lv).where(lv.c.product_id.in_(pids)).values(needs_count=False))
    st = StockCount.__table__
    conn.execute(
        update(st)
        .where(st.c.id == count_id)
        .values(status="posted", posted_by=user_id, posted_at=now)
    )
    after: dict[str, object] = {
        "on_hand": {str(p): q for p, q in levels(uow, sorted(variances)).items()},
        "variances": {str(p): v for p, v in sorted(variances.items())},
        "counted": len(lines),
    }
    if approver is not None:
        after["approved_by"] = approver
    audit.record(
        conn,
        "count.post",
        user_id,
        register_id,
        f"count:{count_id}",
        {"on_hand": {str(p): q for p, q in before.items()}},
        after,
        now,
    )
    return PostedCount(get_count(uow, count_id), variances, tuple(moves))


def cancel_count(uow: UnitOfWork, count_id: int) -> CountInfo:
    _open_count(uow, count_id)
    st = StockCount.__table__
    uow.conn.execute(update(st).where(st.c.id == count_id).values(status="cancelled"))
    return get_count(uow, count_id)
