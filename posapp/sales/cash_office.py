"""The cash office of a shift: money into the drawer that is not a sale (입금: change from the
bank), out of it (출금: a delivery paid from the till) and pickups to the safe during the shift
(중간 입금). Each one has its reason, opens the drawer (journaled like every opening), needs the
``no_sale_drawer`` permission of the cashier or of a manager approving in place, is an audit
event, and is counted in what the drawer should hold at the X/Z (posapp.sales.register_report).

Owns ``cash_movements``.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, insert, select

from posapp import audit
from posapp.auth.permissions import Permission, require_permission
from posapp.db.engine import UnitOfWork
from posapp.db.models import CashMovement, Shift, utcnow
from posapp.sales.drawer import record_drawer_open
from posapp.sales.error_codes import ShiftErrorCode
from posapp.sales.sale_records import SaleError


class CashKind(StrEnum):
    PAID_IN = "paid_in"  # 입금
    PAID_OUT = "paid_out"  # 출금
    PICKUP = "pickup"  # 중간 입금 (to the safe)


#: how each kind moves the drawer's cash
SIGN = {CashKind.PAID_IN: 1, CashKind.PAID_OUT: -1, CashKind.PICKUP: -1}


@dataclass(frozen=True, slots=True)
class CashMove:
    kind: str
    amount: int
    reason: str
    user_id: int
    approved_by: int | None
    created_at: dt.datetime

    @property
    def signed(self) -> int:
        return SIGN[CashKind(self.kind)] * self.amount


def record(
    uow: UnitOfWork,
    shift_id: int,
    kind: CashKind | str,
    amount: int,
    reason: str,
    *,
    user_id: int,
    approved_by: int | None = None,
    now: dt.datetime | None = None,
) -> CashMove:
    """One paid-in, paid-out or pickup on the open shift ``shift_id``."""
    try:
        what = CashKind(kind)
    except ValueError:
        raise SaleError(f"unknown cash movement {kind!r}", code=ShiftErrorCode.CASH_KIND) from None
    if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
        raise SaleError("the amount is whole won above 0", code=ShiftErrorCode.CASH_AMOUNT)
    reason = (reason or "").strip()
    if not reason:
        raise SaleError("say why the cash goes in or out", code=ShiftErrorCode.CASH_REASON)
    shift = uow.conn.execute(
        select(Shift.register_id, Shift.status).where(Shift.id == shift_id)
    ).first()
    if shift is None:
        raise SaleError(f"no shift {shift_id}", code=ShiftErrorCode.UNKNOWN)
    if shift[1] != "open":
        raise SaleError("the shift is closed", code=ShiftErrorCode.CLOSED)
    register_id = str(shift[0])
    require_permission(
        uow, approved_by or user_id, Permission.NO_SALE_DRAWER, "cash in or out of the drawer"
    )
    now = now or utcnow()
    uow.conn.execute(
        insert(CashMovement.__table__).values(
            uuid=str(uuidlib.uuid4()),
            shift_id=shift_id,
            register_id=register_id,
            kind=what.value,
            amount=amount,
            reason=reason,
            user_id=user_id,
            approved_by=approved_by,
            created_at=now,
        )
    )
    record_drawer_open(
        uow,
        register_id=register_id,
        user_id=user_id,
        receipt_no=f"cash:{what.value}",
        approved_by=approved_by,
        reason=reason,
    )
    audit.record(
        uow.conn,
        f"cash.{what.value}",
        user_id,
        register_id,
        f"shift:{shift_id}",
        None,
        {"amount": amount, "reason": reason, "approved_by": approved_by},
        now,
    )
    return CashMove(what.value, amount, reason, user_id, approved_by, now)


def moves(uow: UnitOfWork, shift_ids: list[int]) -> tuple[CashMove, ...]:
    """The cash movements of the shifts, in order."""
    if not shift_ids:
        return ()
    c = CashMovement
    return tuple(
        CashMove(r[0], int(r[1]), r[2], r[3], r[4], r[5])
        for r in uow.conn.execute(
            select(c.kind, c.amount, c.reason, c.user_id, c.approved_by, c.created_at)
            .where(c.shift_id.in_(shift_ids))
            .order_by(c.created_at, c.id)
        )
    )


def net(uow: UnitOfWork, shift_ids: list[int]) -> int:
    """What the movements add to (or take from) the drawer."""
    if not shift_ids:
        return 0
    c = CashMovement
    total = 0
    for kind, amount in uow.conn.execute(
        select(c.kind, func.sum(c.amount)).where(c.shift_id.in_(shift_ids)).group_by(c.kind)
    ):
        total += SIGN[CashKind(kind)] * int(amount or 0)
    return total
