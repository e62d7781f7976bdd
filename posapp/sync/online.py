"""What the platform sends the store, applied through the store's own rules.

* Catalogue changes: a new price or a withdrawal goes through the one product writer,
  :func:`posapp.inventory.products.write_products` (price history, audit event, new tickets only:
  lines already on a ticket keep theirs); a product withdrawn online is deactivated, never
  deleted; an unknown SKU is counted and logged, not an error.
* Online orders (prepaid online, picked up at the store): a new order reserves its goods
  (accepted) or is refused (unknown product, not enough stock) — either way the answer goes back
  to the platform as an ``order_status`` outbox event in the same transaction, so it is reported
  exactly once. A cancellation online releases the reservation. Pick-up at the till consumes the
  reservation through the ledger (first-expiring-first) and reports ``picked_up``.
* Stock levels for the platform: on hand minus reserved, per SKU, for products whose stock moved
  or whose reservations changed since the last push.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid as uuidlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, or_, select, update

from posapp.db.engine import UnitOfWork
from posapp.db.models import (
    OnlineOrder,
    Product,
    ProductBarcode,
    StockMovement,
    StockReservation,
    utcnow,
)
from posapp.errors import PosError
from posapp.inventory import products, reservations
from posapp.inventory.ledger import MovementKind, Take
from posapp.sync import outbox
from posapp.sync.error_codes import OrderErrorCode
from posapp.sync.protocol import sku_of

log = logging.getLogger(__name__)

SOURCE = "online_order"


class OrderError(PosError):
    """An online order cannot be handled as asked (unknown, not ready, already picked up)."""


# --- products by SKU --------------------------------------------------------------------------


def products_by_sku(uow: UnitOfWork, skus: Sequence[str]) -> dict[str, tuple[int, bool]]:
    """SKU → (product id, active) for the SKUs the store knows."""
    conn = uow.conn
    codes = [s for s in skus if not s.startswith("PLU-")]
    plus = [s[4:] for s in skus if s.startswith("PLU-")]
    found: dict[str, tuple[int, bool]] = {}
    if codes:
        for code, pid, active in conn.execute(
            select(ProductBarcode.code, Product.id, Product.active)
            .join(Product, Product.id == ProductBarcode.product_id)
            .where(ProductBarcode.code.in_(codes))
        ):
            found[code] = (pid, bool(active))
    if plus:
        for plu, pid, active in conn.execute(
            select(Product.plu, Product.id, Product.active).where(Product.plu.in_(plus))
        ):
            found[f"PLU-{plu}"] = (pid, bool(active))
    return found


def skus_of(uow: UnitOfWork, product_ids: Sequence[int]) -> dict[int, str]:
    """Product id → SKU (primary barcode, else PLU); products with neither are left out."""
    conn = uow.conn
    ids = sorted(set(product_ids))
    if not ids:
        return {}
    primary: dict[int, str] = {}
    for pid, code, is_primary in conn.execute(
        select(ProductBarcode.product_id, ProductBarcode.code, ProductBarcode.is_primary)
        .where(ProductBarcode.product_id.in_(ids))
        .order_by(ProductBarcode.product_id, ProductBarcode.is_primary.desc(), ProductBarcode.id)
    ):
        primary.setdefault(pid, code)
        del is_primary
    out: dict[int, str] = {}
    for pid, plu in conn.execute(select(Product.id, Product.plu).where(Product.id.in_(ids))):
        sku = sku_of(primary.get(pid), plu)
        if sku:
            out[pid] = sku
    return out


# --- catalogue --------------------------------------------------------------------------------


@dataclass
class CatalogResult:
    prices: int = 0
    withdrawn: int = 0
    restored: int = 0
    unknown: list[str] = field(default_factory=list)


def apply_catalog_changes(uow: UnitOfWork, changes: Sequence[dict[str, Any]]) -> CatalogResult:
    conn = uow.conn
    result = CatalogResult()
    known = products_by_sku(uow, [c["sku"] for c in changes])
    p = Product.__table__
    for change in changes:
        hit = known.get(change["sku"])
        if hit is None:
            result.unknown.append(change["sku"])
            continue
        pid, active = hit
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        price = change.get("price")
        if isinstance(price, int) and not isinstance(price, bool) and price >= 0:
            old = conn.execute(select(p.c.price).where(p.c.id == pid)).scalar_one()
            if old != price:
                before["price"], after["price"] = old, price
                result.prices += 1
        wanted = change.get("active")
        if wanted is False and active:
            before["active"], after["active"] = True, False
            result.withdrawn += 1
        elif wanted is True and not active:
            before["active"], after["active"] = False, True
            result.restored += 1
        if after:  # the one product writer: price history and audit event
            products.write_products(
                uow,
                [products.ProductChange(pid, before, after)],
                user_id=None,
                source=products.PriceSource.PLATFORM,
            )
        known[change["sku"]] = (pid, wanted if isinstance(wanted, bool) else active)
    if result.unknown:
        log.warning(
            "platform changes for %d unknown SKUs: %s", len(result.unknown), result.unknown[:10]
        )
    return result


# --- orders -----------------------------------------------------------------------------------


def _status_event(
    uow: UnitOfWork, order_uuid: str, status: str, reason: str, at: dt.datetime
) -> None:
    ident = str(uuidlib.uuid4())
    payload = {"order_uuid": order_uuid, "status": status, "reason": reason}
    # any till may report it (no register); the event is its own document
    outbox.append(uow, "order_status", ident, payload, at=at, register_id=None, event_uuid=ident)


@dataclass
class OrdersResult:
    accepted: int = 0
    rejected: int = 0
    cancelled: int = 0
    ignored: int = 0


def receive_orders(uow: UnitOfWork, orders: Sequence[dict[str, Any]]) -> OrdersResult:
    """New orders reserve stock or are refused; cancellations release. Idempotent per order."""
    conn = uow.conn
    result = OrdersResult()
    t = OnlineOrder.__table__
    for order in orders:
        now = utcnow()
        existing = conn.execute(select(t.c.id, t.c.status).where(t.c.uuid == order["uuid"])).first()
        if order.get("status") == "cancelled":
            if existing is None:
                _insert_order(conn, order, "cancelled", "", now)
                result.cancelled += 1
            elif existing.status == "accepted":
                reservations.release(uow, order["uuid"], now)
                conn.execute(
                    update(t)
                    .where(t.c.id == existing.id)
                    .values(status="cancelled", updated_at=now)
                )
                result.cancelled += 1
            else:
                result.ignored += 1  # already refused, cancelled or handed over
            continue
        if existing is not None:
            result.ignored += 1  # pulled twice (a lost page, or two tills): handled once
            continue
        lines = order.get("lines") or []
        known = products_by_sku(uow, [str(ln.get("sku")) for ln in lines])
        problem = ""
        wants: list[Take] = []
        for ln in lines:
            hit = known.get(str(ln.get("sku")))
            qty = ln.get("qty")
            if hit is None:
                problem = f"없는 상품: {ln.get('sku')}"
                break
            if not hit[1]:
                problem = f"판매 중지 상품: {ln.get('name') or ln.get('sku')}"
                break
            if not isinstance(qty, int) or qty < 1:
                problem = f"수량 오류: {ln.get('sku')}"
                break
            wants.append(Take(hit[0], qty))
        if not problem and not wants:
            problem = "빈 주문"
        if not problem:
            short = reservations.shortages(uow, wants)
            if short:
                names = ", ".join(str(s.product_id) for s in short)
                problem = f"재고 부족 (상품 {names})"
        if problem:
            _insert_order(conn, order, "rejected", problem, now)
            _status_event(uow, order["uuid"], "rejected", problem, now)
            result.rejected += 1
            continue
        _insert_order(conn, order, "accepted", "", now)
        reservations.reserve(uow, wants, source=SOURCE, source_uuid=order["uuid"], at=now)
        _status_event(uow, order["uuid"], "accepted", "", now)
        result.accepted += 1
    return result


def _insert_order(
    conn: Connection, order: dict[str, Any], status: str, problem: str, now: dt.datetime
) -> None:
    customer = order.get("customer") or {}
    placed = order.get("placed_at")
    try:
        placed_at = dt.datetime.fromisoformat(placed) if isinstance(placed, str) else None
    except ValueError:
        placed_at = None
    conn.execute(
        OnlineOrder.__table__.insert().values(
            uuid=order["uuid"],
            order_no=str(order.get("order_no", ""))[:40],
            status=status,
            customer_name=str(customer.get("name", ""))[:80],
            customer_phone=str(customer.get("phone", ""))[:20],
            total=int(order.get("total") or 0),
            lines=list(order.get("lines") or []),
            problem=problem,
            placed_at=placed_at,
            received_at=now,
            updated_at=now,
        )
    )


@dataclass(frozen=True, slots=True)
class OrderLine:
    """A line of an online order as the platform sent it (a value of the wrong type: None)."""

    sku: str | None
    name: str | None
    qty: int | None
    unit_price: int | None = None


def _typed(value: Any, kind: type) -> Any:
    return value if isinstance(value, kind) and not isinstance(value, bool) else None


def _order_line(ln: Any) -> OrderLine:
    d = ln if isinstance(ln, dict) else {}
    return OrderLine(
        _typed(d.get("sku"), str),
        _typed(d.get("name"), str),
        _typed(d.get("qty"), int),
        _typed(d.get("unit_price"), int),
    )


@dataclass(frozen=True, slots=True)
class OrderInfo:
    uuid: str
    order_no: str
    status: str
    customer_name: str
    customer_phone: str
    total: int
    lines: tuple[OrderLine, ...]
    problem: str
    received_at: dt.datetime


def _info(row: Any) -> OrderInfo:
    return OrderInfo(
        row.uuid,
        row.order_no,
        row.status,
        row.customer_name,
        row.customer_phone,
        row.total,
        tuple(_order_line(ln) for ln in row.lines),
        row.problem,
        row.received_at,
    )


def list_orders(uow: UnitOfWork, statuses: Sequence[str] = ("accepted",)) -> list[OrderInfo]:
    conn = uow.conn
    t = OnlineOrder.__table__
    rows = conn.execute(
        select(t).where(t.c.status.in_(list(statuses))).order_by(t.c.received_at)
    ).all()
    return [_info(r) for r in rows]


def find_order(uow: UnitOfWork, number_or_uuid: str) -> OrderInfo:
    conn = uow.conn
    t = OnlineOrder.__table__
    key = number_or_uuid.strip()
    row = conn.execute(select(t).where(or_(t.c.order_no == key, t.c.uuid == key))).first()
    if row is None:
        raise OrderError(f"no online order {key}", code=OrderErrorCode.UNKNOWN, order=key)
    return _info(row)


def pick_up(uow: UnitOfWork, order_uuid: str, *, user_id: int, register_id: str) -> OrderInfo:
    """The customer collects: the reserved goods leave stock (FEFO) and the platform is told."""
    conn = uow.conn
    t = OnlineOrder.__table__
    row = conn.execute(select(t).where(t.c.uuid == order_uuid).with_for_update()).first()
    if row is None:
        raise OrderError(
            f"no online order {order_uuid}", code=OrderErrorCode.UNKNOWN, order=order_uuid
        )
    if row.status != "accepted":
        raise OrderError(
            f"order {row.order_no} is {row.status}, not ready for pick-up",
            code=OrderErrorCode.NOT_READY,
            order=row.order_no,
            status=row.status,
        )
    now = utcnow()
    reservations.consume(
        uow,
        order_uuid,
        kind=MovementKind.ONLINE,
        doc_type="online_order",
        user_id=user_id,
        register_id=register_id,
        at=now,
    )
    conn.execute(
        update(t)
        .where(t.c.id == row.id)
        .values(status="picked_up", picked_up_at=now, picked_up_by=user_id, updated_at=now)
    )
    _status_event(uow, order_uuid, "picked_up", "", now)
    return find_order(uow, order_uuid)


# --- stock levels for the platform -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StockLevel:
    """What the platform may sell of one SKU: on hand minus reserved (may be negative)."""

    sku: str
    available: int

    def as_json(self) -> dict[str, Any]:
        """The protocol's form of it (``POST /stock``)."""
        return {"sku": self.sku, "available": self.available}


def changed_levels(
    uow: UnitOfWork, after_movement: int, after_reservation_change: dt.datetime | None
) -> tuple[list[StockLevel], int, dt.datetime | None]:
    """Levels of products whose stock or reservations changed since the marks given; and the
    new marks. ``after_movement`` 0 and no time: every product (the first push)."""
    conn = uow.conn
    m = StockMovement.__table__
    r = StockReservation.__table__
    top = conn.execute(select(func.max(m.c.id))).scalar() or 0
    newest = conn.execute(select(func.max(func.coalesce(r.c.closed_at, r.c.created_at)))).scalar()
    if after_movement == 0 and after_reservation_change is None:
        ids = list(conn.execute(select(Product.id)).scalars())
    else:
        moved = set(
            conn.execute(select(m.c.product_id).where(m.c.id > after_movement).distinct()).scalars()
        )
        if after_reservation_change is not None:
            moved |= set(
                conn.execute(
                    select(r.c.product_id)
                    .where(
                        or_(
                            r.c.created_at > after_reservation_change,
                            r.c.closed_at > after_reservation_change,
                        )
                    )
                    .distinct()
                ).scalars()
            )
        ids = sorted(moved)
    skus = skus_of(uow, ids)
    free = reservations.available(uow, list(skus))
    levels = [StockLevel(skus[pid], free[pid]) for pid in sorted(skus)]
    return levels, int(top), newest or after_reservation_change
