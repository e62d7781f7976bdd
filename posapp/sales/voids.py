"""Voiding an open ticket: abandoned with a manager's approval, recorded, counted in X/Z."""

from __future__ import annotations

from posapp import audit
from posapp.auth.permissions import Permission, require_permission
from posapp.db.engine import UnitOfWork
from posapp.sales.ticket import Ticket


def void_ticket(
    uow: UnitOfWork,
    ticket: Ticket,
    *,
    register_id: str,
    user_id: int,
    approved_by: int | None,
    reason: str = "",
    note: str = "",
) -> None:
    """Abandon an open ticket with a manager's approval; it is recorded, counted in X/Z."""
    require_permission(uow, approved_by, Permission.VOID, "voiding a ticket")
    priced = ticket.priced()
    audit.record(
        uow.conn,
        "ticket.void",
        approved_by,
        register_id,
        ticket.uuid,
        {"ticket": ticket.to_json(), "total": priced.total},
        {"cashier": user_id, "reason": reason, "note": note},
    )
