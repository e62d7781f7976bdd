"""Holding a ticket for later (보류) and recalling it, on the register that held it."""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from dataclasses import dataclass

from sqlalchemy import select

from posapp.db.engine import UnitOfWork
from posapp.db.models import HeldTicket, utcnow
from posapp.sales.error_codes import HoldErrorCode
from posapp.sales.sale_records import SaleError
from posapp.sales.ticket import Ticket


@dataclass(frozen=True, slots=True)
class HeldInfo:
    id: int
    label: str
    created_at: dt.datetime
    total: int
    line_count: int
    user_id: int


def hold(
    uow: UnitOfWork, ticket: Ticket, *, register_id: str, user_id: int, label: str = ""
) -> HeldInfo:
    if not ticket.lines:
        raise SaleError("nothing to hold: the ticket is empty", code=HoldErrorCode.EMPTY)
    priced = ticket.priced()
    now = utcnow()
    row = HeldTicket(
        uuid=str(uuidlib.uuid4()),
        register_id=register_id,
        user_id=user_id,
        created_at=now,
        label=label[:80],
        total=priced.total,
        line_count=len(ticket.lines),
        payload=ticket.to_json(),
    )
    uow.session.add(row)
    uow.session.flush()
    return HeldInfo(row.id, row.label, now, row.total, row.line_count, user_id)


def list_held(uow: UnitOfWork, register_id: str) -> list[HeldInfo]:
    rows = uow.session.scalars(
        select(HeldTicket).where(HeldTicket.register_id == register_id).order_by(HeldTicket.id)
    )
    return [HeldInfo(h.id, h.label, h.created_at, h.total, h.line_count, h.user_id) for h in rows]


def recall(uow: UnitOfWork, held_id: int) -> Ticket:
    """Take a held ticket back (it leaves the hold list in the same transaction)."""
    row = uow.session.get(HeldTicket, held_id, with_for_update=True)
    if row is None:
        raise SaleError("that held ticket was already recalled", code=HoldErrorCode.GONE)
    ticket = Ticket.from_json(row.payload)
    uow.session.delete(row)
    uow.session.flush()
    return ticket
