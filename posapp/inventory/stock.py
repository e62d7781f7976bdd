"""Stock on the manager's side: waste and adjustments, transfers between the sales floor and
the basement store room, on hand by location; and what the inventory services share (the
store's day, the adjustment permission, the audit helper, :class:`InventoryError`). Lots,
expiry and markdowns: posapp.inventory.lots; movement history: posapp.inventory.stock_history.

Owns these flows over the ledger (posapp/inventory/ledger.py): each is one business action in
the caller's unit of work, changes stock only by posting movements, and returns plain data.
Waste and corrections need the ``stock_adjustment`` permission of the acting user or of a
manager who approved in place (``approved_by``), and are audit events with the product's level
before and after. A transfer between the floor and the store room changes no total (only
lots) and needs no permission: it stays in the ledger with its user.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, func, insert, select

from posapp import audit as audit_log
from posapp.auth.permissions import Permission, require_permission
from posapp.db.engine import UnitOfWork, inserted_id
from posapp.db.models import (
    Lot,
    Product,
    StockLevel,
    StockMovement,
    utcnow,
)
from posapp.errors import PosError
from posapp.inventory import ledger
from posapp.inventory.error_codes import InventoryErrorCode
from posapp.inventory.ledger import FLOOR, LOCATIONS, STORE_ROOM, MovementKind, MovementRow


class InventoryError(PosError):
    pass


class WasteReason(StrEnum):
    SPOILED = "spoiled"  # 변질
    DAMAGED = "damaged"  # 파손
    SAMPLE = "sample"  # 시식
    CLASS_USE = "class_use"  # 수업 사용
    THEFT = "theft"  # 도난·분실
    CORRECTION = "correction"  # 정정 (may add or remove)


_REASON_KIND = {
    WasteReason.SPOILED: MovementKind.WASTE,
    WasteReason.DAMAGED: MovementKind.WASTE,
    WasteReason.SAMPLE: MovementKind.WASTE,
    WasteReason.THEFT: MovementKind.WASTE,
    WasteReason.CLASS_USE: MovementKind.CLASS_USE,
    WasteReason.CORRECTION: MovementKind.ADJUST,
}


def require_product(uow: UnitOfWork, product_id: int) -> tuple[str, str]:
    """(name, unit) of a product, or a clear error."""
    conn = uow.conn
    row = conn.execute(
        select(Product.name_ko, Product.unit).where(Product.id == product_id)
    ).first()
    if row is None:
        raise InventoryError(
            f"no product {product_id}",
            code=InventoryErrorCode.UNKNOWN_PRODUCT,
            product_id=product_id,
        )
    return row[0], row[1]


def _positive(qty: int, what: str = "quantity") -> None:
    if not isinstance(qty, int) or isinstance(qty, bool) or qty <= 0:
        raise InventoryError(
            f"the {what} must be a whole number above 0", code=InventoryErrorCode.QTY
        )


def audit(
    uow: UnitOfWork,
    user_id: int | None,
    action: str,
    target: str,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    at: dt.datetime | None = None,
) -> None:
    """An audit-log entry for a manager's change (who, what, before and after); written by
    :func:`posapp.audit.record`, the one writer of audit events."""
    conn = uow.conn
    audit_log.record(conn, action, user_id, None, target, before, after, at)


def require_adjustment(
    uow: UnitOfWork, user_id: int, approved_by: int | None, action: str
) -> int | None:
    """The acting user, or the manager who approved in place, must hold ``stock_adjustment``.

    Returns the approver's id when one was needed and given (None when the user's own role
    holds the permission), for the audit event."""
    if approved_by is not None:
        require_permission(uow, approved_by, Permission.STOCK_ADJUSTMENT, action)
        return approved_by
    require_permission(uow, user_id, Permission.STOCK_ADJUSTMENT, action)
    return None


def levels(uow: UnitOfWork, product_ids: list[int]) -> dict[int, int]:
    """The cached on-hand of each product (0 when it has no level row yet)."""
    conn = uow.conn
    got = dict(
        conn.execute(
            select(StockLevel.product_id, StockLevel.on_hand).where(
                StockLevel.product_id.in_(sorted(set(product_ids)))
            )
        ).all()
    )
    return {p: int(got.get(p, 0)) for p in product_ids}


def _location(loc: str) -> str:
    if loc not in LOCATIONS:
        raise InventoryError(f"no location {loc!r}", code=InventoryErrorCode.LOCATION, location=loc)
    return loc


def lot_stock(uow: UnitOfWork, lot_id: int) -> tuple[int, int, str]:
    row = uow.conn.execute(
        select(Lot.product_id, Lot.qty_on_hand, Lot.location).where(Lot.id == lot_id)
    ).first()
    if row is None:
        raise InventoryError(f"no lot {lot_id}", code=InventoryErrorCode.UNKNOWN_LOT, lot_id=lot_id)
    return int(row[0]), int(row[1]), str(row[2])


# --- waste and adjustments -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StockChange:
    """What a waste, adjustment or transfer posted: its document and movements."""

    doc_uuid: str
    kind: str
    reason: str
    movements: tuple[MovementRow, ...]


def record_waste(
    uow: UnitOfWork,
    product_id: int,
    qty: int,
    reason: WasteReason | str,
    *,
    user_id: int,
    approved_by: int | None = None,
    register_id: str | None = None,
    lot_id: int | None = None,
    note: str = "",
    location: str = FLOOR,
) -> StockChange:
    """Take ``qty`` out of stock for a reason (spoiled, damaged, sample, class use, theft), or
    for ``correction`` add (qty > 0) or remove (qty < 0) units. From ``lot_id`` when given, else
    first-expiring-first from the lots at ``location``.

    Needs ``stock_adjustment`` of ``user_id`` or of ``approved_by`` (a manager's PIN in place);
    audited as ``stock.waste`` / ``stock.adjust`` with the level before and after."""
    try:
        why = WasteReason(reason)
    except ValueError:
        raise InventoryError(
            f"unknown reason {reason!r}", code=InventoryErrorCode.REASON, reason=reason
        ) from None
    conn = uow.conn
    require_product(uow, product_id)
    if why is WasteReason.CORRECTION:
        if not isinstance(qty, int) or isinstance(qty, bool) or qty == 0:
            raise InventoryError(
                "a correction is a whole number, not 0", code=InventoryErrorCode.QTY
            )
    else:
        _positive(qty)
        qty = -qty
    if not note and why is WasteReason.CORRECTION:
        raise InventoryError(
            "say why the stock is corrected", code=InventoryErrorCode.NOTE_REQUIRED
        )
    approver = require_adjustment(uow, user_id, approved_by, "a stock adjustment")
    kind = _REASON_KIND[why]
    doc = str(uuidlib.uuid4())
    reason_text = why.value + (f": {note}" if note else "")
    ledger.lock_products(uow, [product_id])
    before = levels(uow, [product_id])[product_id]
    if lot_id is not None:
        lot_product, on_hand, _ = lot_stock(uow, lot_id)
        if lot_product != product_id:
            raise InventoryError("the lot belongs to another product", code=InventoryErrorCode.LOT)
        if on_hand + qty < 0:
            raise InventoryError(
                f"the lot holds {on_hand}, cannot take {-qty}",
                code=InventoryErrorCode.LOT_SHORT,
                on_hand=on_hand,
            )
        moves = [MovementRow(product_id, lot_id, qty)]
        ledger.post(
            uow,
            moves,
            kind=kind,
            doc_type="waste",
            doc_uuid=doc,
            reason=reason_text,
            user_id=user_id,
        )
    elif qty < 0:
        moves = ledger.take_fefo(
            uow,
            [ledger.Take(product_id, -qty)],
            kind=kind,
            doc_type="waste",
            doc_uuid=doc,
            user_id=user_id,
            register_id=None,
            locations=(_location(location),),
            reason=reason_text,
        )
    else:
        moves = [MovementRow(product_id, _newest_lot(conn, product_id, location), qty)]
        ledger.post(
            uow,
            moves,
            kind=kind,
            doc_type="waste",
            doc_uuid=doc,
            reason=reason_text,
            user_id=user_id,
        )
    after: dict[str, Any] = {
        "on_hand": levels(uow, [product_id])[product_id],
        "qty": qty,
        "reason": reason_text,
        "doc": doc,
    }
    if lot_id is not None:
        after["lot_id"] = lot_id
    if approver is not None:
        after["approved_by"] = approver
    audit_log.record(
        conn,
        "stock.adjust" if kind == MovementKind.ADJUST else "stock.waste",
        user_id,
        register_id,
        f"product:{product_id}",
        {"on_hand": before},
        after,
    )
    return StockChange(doc, kind, reason_text, tuple(moves))


def _newest_lot(conn: Connection, product_id: int, location: str) -> int | None:
    return conn.execute(
        select(Lot.id)
        .where(Lot.product_id == product_id, Lot.location == location)
        .order_by(Lot.received_at.desc(), Lot.id.desc())
        .limit(1)
    ).scalar_one_or_none()


# --- transfers -------------------------------------------------------------------------------


def transfer(
    uow: UnitOfWork,
    product_id: int,
    qty: int,
    *,
    from_location: str,
    to_location: str,
    user_id: int,
    note: str = "",
) -> StockChange:
    """Move ``qty`` units between the sales floor and the store room, first-expiring first.

    Each source lot's units go into a lot at the destination with the same lot code, expiry and
    cost (reused when one exists), so expiry and cost travel with the goods. The product's
    total does not change; only lots do.
    """
    _positive(qty)
    src, dst = _location(from_location), _location(to_location)
    if src == dst:
        raise InventoryError(
            "from and to are the same place", code=InventoryErrorCode.SAME_LOCATION
        )
    conn = uow.conn
    require_product(uow, product_id)
    ledger.lock_products(uow, [product_id])
    rows = conn.execute(
        select(Lot.id, Lot.qty_on_hand, Lot.lot_code, Lot.expiry_date, Lot.unit_cost)
        .where(Lot.product_id == product_id, Lot.location == src, Lot.qty_on_hand > 0)
        .order_by(Lot.expiry_date.is_(None), Lot.expiry_date, Lot.id)
    ).all()
    available = sum(r[1] for r in rows)
    if available < qty:
        raise InventoryError(
            f"only {available} in lots at {src}; cannot move {qty}",
            code=InventoryErrorCode.TRANSFER_SHORT,
            available=available,
        )
    doc = str(uuidlib.uuid4())
    moves: list[MovementRow] = []
    need = qty
    now = utcnow()
    for lot_id, on_hand, code, expiry, cost in rows:
        if need <= 0:
            break
        q = min(need, on_hand)
        need -= q
        target = conn.execute(
            select(Lot.id).where(
                Lot.product_id == product_id,
                Lot.location == dst,
                Lot.lot_code == code,
                Lot.expiry_date.is_(None) if expiry is None else Lot.expiry_date == expiry,
                Lot.unit_cost.is_(None) if cost is None else Lot.unit_cost == cost,
            )
        ).scalar()
        if target is None:
            target = inserted_id(
                conn.execute(
                    insert(Lot.__table__).values(
                        uuid=str(uuidlib.uuid4()),
                        product_id=product_id,
                        lot_code=code,
                        expiry_date=expiry,
                        received_at=now,
                        unit_cost=cost,
                        qty_received=0,
                        qty_on_hand=0,
                        location=dst,
                    )
                )
            )
        moves += [MovementRow(product_id, lot_id, -q), MovementRow(product_id, int(target), q)]
    reason = f"{src}→{dst}" + (f": {note}" if note else "")
    ledger.post(
        uow,
        moves,
        kind=MovementKind.TRANSFER,
        doc_type="transfer",
        doc_uuid=doc,
        reason=reason,
        user_id=user_id,
        at=now,
    )
    return StockChange(doc, MovementKind.TRANSFER, reason, tuple(moves))


def on_hand_by_location(uow: UnitOfWork, product_id: int) -> dict[str, int]:
    """Units per location (lots), plus ``unlotted`` for stock sold or counted outside lots."""
    out = {loc: 0 for loc in LOCATIONS}
    for loc, q in uow.conn.execute(
        select(Lot.location, func.sum(Lot.qty_on_hand))
        .where(Lot.product_id == product_id)
        .group_by(Lot.location)
    ):
        out[loc] = int(q or 0)
    unlotted = uow.conn.execute(
        select(func.coalesce(func.sum(StockMovement.qty), 0)).where(
            StockMovement.product_id == product_id, StockMovement.lot_id.is_(None)
        )
    ).scalar_one()
    out["unlotted"] = int(unlotted)
    return out


__all__ = [
    "FLOOR",
    "STORE_ROOM",
    "InventoryError",
    "StockChange",
    "WasteReason",
    "on_hand_by_location",
    "record_waste",
    "transfer",
]
