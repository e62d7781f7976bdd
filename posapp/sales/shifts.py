"""Registers and shifts: opening a shift with its counted float, and closing it with its Z.

Owns a register's row (created on first use, safe when tills start together), the one open
shift per register, counting the drawer by denomination, and closing a shift: the drawer
counted, expected vs counted, the Z number and the Z report (the report's totals come from
:mod:`posapp.sales.register_report`). Every open and close is an audit event.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.exc import IntegrityError

from posapp import audit
from posapp.db.engine import UnitOfWork
from posapp.db.models import Register, Shift, utcnow
from posapp.sales import clock_guard, journal
from posapp.sales.error_codes import CashErrorCode, ShiftErrorCode
from posapp.sales.register_report import RegisterReport, register_totals, stock_head, with_count
from posapp.sales.sale_records import SaleError

DENOMINATIONS = (50_000, 10_000, 5_000, 1_000, 500, 100, 50, 10)


def count_cash(counts: Mapping[int | str, int]) -> int:
    """Total of a drawer count by denomination (notes 50,000…1,000; coins 500…10)."""
    total = 0
    for denom, n in counts.items():
        d = int(denom)
        if d not in DENOMINATIONS:
            raise SaleError(
                f"{d} won is not a Korean note or coin",
                code=CashErrorCode.DENOMINATION,
                denomination=d,
            )
        if not isinstance(n, int) or n < 0:
            raise SaleError(
                f"count of {d} won must be 0 or more", code=CashErrorCode.COUNT, denomination=d
            )
        total += d * n
    return total


def ensure_register(uow: UnitOfWork, register_id: str, name: str = "") -> None:
    """Create the register and its journal head if missing (safe when tills start together)."""
    journal.ensure_chain(uow.conn, register_id, name)


@dataclass(frozen=True, slots=True)
class ShiftInfo:
    id: int
    uuid: str
    register_id: str
    opened_by: int
    opened_at: dt.datetime
    business_date: dt.date
    opening_float: int
    status: str


def _shift_info(s: Shift) -> ShiftInfo:
    return ShiftInfo(
        s.id,
        s.uuid,
        s.register_id,
        s.opened_by,
        s.opened_at,
        s.business_date,
        s.opening_float,
        s.status,
    )


def current_shift(uow: UnitOfWork, register_id: str) -> ShiftInfo | None:
    s = uow.session.scalar(
        select(Shift).where(Shift.register_id == register_id, Shift.status == "open")
    )
    return _shift_info(s) if s else None


def open_shift(
    uow: UnitOfWork,
    register_id: str,
    user_id: int,
    float_counts: Mapping[int | str, int],
    *,
    now: dt.datetime | None = None,
) -> ShiftInfo:
    """Open a shift with the float counted by denomination; one open shift per register."""
    now = now or utcnow()
    ensure_register(uow, register_id)
    # lock the register row so two tills cannot both open a shift for it
    uow.session.execute(
        update(Register).where(Register.id == register_id).values(name=Register.name)
    )
    if current_shift(uow, register_id) is not None:
        raise SaleError(
            f"register {register_id} already has an open shift",
            code=ShiftErrorCode.ALREADY_OPEN,
            register=register_id,
        )
    counts = {str(int(k)): int(v) for k, v in float_counts.items() if int(v)}
    shift = Shift(
        uuid=str(uuidlib.uuid4()),
        register_id=register_id,
        opened_by=user_id,
        opened_at=now,
        # a shift opened while the clock is behind belongs to the day its sales are numbered
        # on (posapp.sales.clock_guard), not to a day already closed
        business_date=clock_guard.numbering_day(uow.conn, register_id, now),
        opening_float=count_cash(float_counts),
        opening_counts=counts,
        status="open",
    )
    uow.session.add(shift)
    try:
        uow.session.flush()
    except IntegrityError as exc:  # the one-open-shift index: another till was first
        raise SaleError(
            f"register {register_id} already has an open shift", code=ShiftErrorCode.ALREADY_OPEN
        ) from exc
    journal.append(uow, register_id, "shift_open", shift.uuid, journal.shift_document(shift), now)
    audit.record(
        uow.conn,
        "shift.open",
        user_id,
        register_id,
        f"shift {shift.id}",
        None,
        {"float": shift.opening_float},
        now,
    )
    return _shift_info(shift)


def close_shift(
    uow: UnitOfWork,
    shift_id: int,
    user_id: int,
    counts: Mapping[int | str, int],
    *,
    now: dt.datetime | None = None,
) -> RegisterReport:
    """Count the drawer, close the shift and return its Z report (with over/short)."""
    now = now or utcnow()
    shift = uow.session.get(Shift, shift_id, with_for_update=True)
    if shift is None:
        raise SaleError(f"no shift {shift_id}", code=ShiftErrorCode.UNKNOWN)
    if shift.status != "open":
        raise SaleError(f"shift {shift_id} is already closed", code=ShiftErrorCode.CLOSED)
    counted = count_cash(counts)
    report = register_totals(
        uow, "Z", shift.register_id, [shift.id], None, shift.opening_float, now
    )
    z_number = (
        uow.session.scalar(
            select(func.max(Shift.z_number)).where(Shift.register_id == shift.register_id)
        )
        or 0
    ) + 1
    shift.status = "closed"
    shift.closed_at = now
    shift.closed_by = user_id
    shift.closing_counts = {str(int(k)): int(v) for k, v in counts.items() if int(v)}
    shift.counted_cash = counted
    shift.expected_cash = report.expected_cash
    shift.z_number = z_number
    uow.session.flush()
    head = journal.append(
        uow, shift.register_id, "shift_close", shift.uuid, journal.shift_document(shift), now
    )
    heads = journal.heads(uow.conn)
    seq, _ = heads[shift.register_id]
    after: dict[str, object] = {}
    from posapp.inventory.stock_journal import BACK_OFFICE

    if heads.get(BACK_OFFICE, (0, ""))[0]:  # the back office's chain, anchored on every Z
        bo_seq, bo_hash = heads[BACK_OFFICE]
        after["stock_head"] = {"seq": bo_seq, "hash": bo_hash}
    # the heads as printed on this Z: a keyed audit event keeps them as the till's local anchor
    audit.record(
        uow.conn,
        "shift.close",
        user_id,
        shift.register_id,
        f"shift {shift.id}",
        None,
        {
            "expected": report.expected_cash,
            "counted": counted,
            "z": z_number,
            "journal_head": {"seq": seq, "hash": head},
            **after,
        },
        now,
    )
    from dataclasses import replace

    return replace(
        with_count(report, counted, z_number),
        journal_head=journal.short_head(seq, head),
        stock_head=stock_head(heads),
    )


def not_open(register_id: str) -> SaleError:
    """The error of selling or refunding on a register without an open shift."""
    return SaleError(
        f"open a shift on register {register_id} before selling", code=ShiftErrorCode.NOT_OPEN
    )


_open_shift_q = select(Shift.id, Shift.uuid).where(
    Shift.register_id == bindparam("reg"), Shift.status == "open"
)


def require_open_shift(uow: UnitOfWork, register_id: str) -> tuple[int, str]:
    """(id, uuid) of the register's open shift, or :func:`not_open` raised."""
    conn = uow.conn
    row = conn.execute(_open_shift_q, {"reg": register_id}).first()
    if row is None:
        raise SaleError(
            f"open a shift on register {register_id} before selling",
            code=ShiftErrorCode.NOT_OPEN,
            register=register_id,
        )
    return row[0], row[1]
