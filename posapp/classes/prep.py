"""The kitchen's side of a class session: the prep list (what the booked seats need, where it
is, what to bring down to the basement, what lacks), marking a session held (its reserved
ingredients leave stock as class-use ledger movements), and the ingredient search of the
session dialog. The sessions themselves are :mod:`posapp.classes.schedule`'s.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, update

from posapp.classes.error_codes import ClassErrorCode
from posapp.classes.schedule import (
    HELD,
    SCHEDULED,
    ClassError,
    SessionInfo,
    get_session,
    locked_session,
    rereserve,
    session_info,
)
from posapp.db.engine import UnitOfWork
from posapp.db.models import ClassSession, Lot, Product, StockReservation, utcnow
from posapp.domain import calendar
from posapp.inventory import reservations
from posapp.inventory.ledger import FLOOR, STORE_ROOM, MovementKind


@dataclass(frozen=True, slots=True)
class PrepLine:
    product_id: int
    name: str
    unit: str
    per_seat: int
    needed: int
    in_store_room: int
    on_floor: int
    to_bring_down: int  # from the sales floor to the basement
    short: int  # beyond everything not promised to someone else


@dataclass(frozen=True, slots=True)
class PrepList:
    session: SessionInfo
    lines: tuple[PrepLine, ...]

    @property
    def has_shortage(self) -> bool:
        return any(line.short for line in self.lines)


def prep_list(uow: UnitOfWork, session_uuid: str) -> PrepList:
    """What the session needs for its booked seats, where it is, what to bring down, what lacks."""
    conn = uow.conn
    info = get_session(uow, session_uuid)
    pids = [i.product_id for i in info.ingredients]
    names = {
        pid: (name, unit)
        for pid, name, unit in conn.execute(
            select(Product.id, Product.name_ko, Product.unit).where(Product.id.in_(pids or [-1]))
        )
    }
    by_loc: dict[tuple[int, str], int] = {
        (pid, loc): int(q)
        for pid, loc, q in conn.execute(
            select(Lot.product_id, Lot.location, func.sum(Lot.qty_on_hand))
            .where(Lot.product_id.in_(pids or [-1]), Lot.qty_on_hand > 0)
            .group_by(Lot.product_id, Lot.location)
        )
    }
    free = reservations.available(uow, pids) if pids else {}
    mine = dict(
        conn.execute(
            select(StockReservation.product_id, func.sum(StockReservation.qty))
            .where(
                StockReservation.source_uuid == info.uuid,
                StockReservation.status == reservations.ACTIVE,
            )
            .group_by(StockReservation.product_id)
        ).all()
    )
    lines = []
    for ing in info.ingredients:
        needed = ing.qty_per_seat * info.seats_taken
        store_room = by_loc.get((ing.product_id, STORE_ROOM), 0)
        floor = by_loc.get((ing.product_id, FLOOR), 0)
        usable = free.get(ing.product_id, 0) + int(mine.get(ing.product_id) or 0)
        name, unit = names.get(ing.product_id, (f"#{ing.product_id}", "ea"))
        lines.append(
            PrepLine(
                product_id=ing.product_id,
                name=name,
                unit=unit,
                per_seat=ing.qty_per_seat,
                needed=needed,
                in_store_room=store_room,
                on_floor=floor,
                to_bring_down=max(0, min(needed - store_room, floor)),
                short=max(0, needed - max(usable, 0)),
            )
        )
    return PrepList(info, tuple(lines))


def mark_held(
    uow: UnitOfWork,
    session_uuid: str,
    *,
    user_id: int | None,
    register_id: str | None = None,
    now: dt.datetime | None = None,
) -> SessionInfo:
    """The session took place: its reserved ingredients leave stock as class-use movements."""
    conn = uow.conn
    row = locked_session(uow, session_uuid)
    if row.status != SCHEDULED:
        raise ClassError(
            f"the session is {row.status}, not scheduled", code=ClassErrorCode.NOT_SCHEDULED
        )
    now = now or utcnow()
    if calendar.business_day(row.starts_at) > calendar.business_day(now):
        raise ClassError("the session is on a later day", code=ClassErrorCode.NOT_STARTED)
    rereserve(uow, row.id)  # reserve exactly what the seats booked now need
    reservations.consume(
        uow,
        session_uuid,
        kind=MovementKind.CLASS_USE,
        doc_type="class",
        user_id=user_id,
        register_id=register_id,
        at=now,
        locations=(STORE_ROOM, FLOOR),
    )
    t = ClassSession.__table__
    conn.execute(update(t).where(t.c.id == row.id).values(status=HELD, held_at=now))
    return session_info(uow, row.id)


@dataclass(frozen=True, slots=True)
class IngredientChoice:
    product_id: int
    name: str
    unit: str


def find_ingredients(uow: UnitOfWork, text: str, limit: int = 20) -> list[IngredientChoice]:
    """Stock-tracked products whose Korean or English name contains ``text`` (session dialog)."""
    words = text.strip()
    if not words:
        return []
    like = f"%{words}%"
    rows = uow.conn.execute(
        select(Product.id, Product.name_ko, Product.unit)
        .where(
            Product.stock_tracked.is_(True),
            Product.active.is_(True),
            Product.name_ko.ilike(like) | Product.name_en.ilike(like),
        )
        .order_by(Product.name_ko)
        .limit(limit)
    )
    return [IngredientChoice(pid, name, unit) for pid, name, unit in rows]
