"""Parking and dropping the open ticket: hold it (with a label), list held tickets, recall
one, void the ticket (a manager's approval given for :data:`VOID`, a reason from
:data:`VOID_REASONS` and free text; "기타" needs the text)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from posapp.sales import holds, voids
from posapp.sales.holds import HeldInfo
from posapp.usecases.approvals import Approval
from posapp.usecases.error_codes import SessionErrorCode
from posapp.usecases.session_error import SessionError

if TYPE_CHECKING:
    from posapp.usecases.checkout import CheckoutSession

VOID = "ticket.void"
#: why a ticket is voided (data: recorded in Korean as chosen); the last one needs a note
VOID_REASONS: tuple[str, ...] = (
    "고객 변심",
    "고객 취소",
    "잘못 스캔",
    "가격 불일치",
    "결제 수단 문제",
    "기타",
)
OTHER = VOID_REASONS[-1]


def hold(s: CheckoutSession, label: str = "") -> HeldInfo:
    uid = s.who()
    s.online_only("holding a ticket")
    ticket = s.ticket
    held = s.db.transact(
        lambda uow: holds.hold(
            uow, ticket, register_id=s.settings.register_id, user_id=uid, label=label
        )
    )
    s.new_ticket()
    return held


def held(s: CheckoutSession) -> list[HeldInfo]:
    s.online_only("held tickets")
    return s.db.read(lambda uow: holds.list_held(uow, s.settings.register_id))


def recall(s: CheckoutSession, held_id: int) -> None:
    if s.ticket.lines:
        raise SessionError(
            "finish or hold the current ticket before recalling another",
            code=SessionErrorCode.TICKET_OPEN,
        )
    s.online_only("recalling a ticket")
    s.ticket = s.db.transact(lambda uow: holds.recall(uow, held_id))
    s.save_recovery()


def void(
    s: CheckoutSession, reason: str = "", approval: Approval | None = None, note: str = ""
) -> None:
    """Void the open ticket: ``reason`` one of :data:`VOID_REASONS`, ``note`` free text (needed
    for "기타"); both are on the audit event with the ticket as it was."""
    uid = s.who()
    note = note.strip()
    if reason not in VOID_REASONS or (reason == OTHER and not note):
        raise SessionError(
            f"a void needs a reason from the list, got {reason!r}",
            code=SessionErrorCode.VOID_REASON,
        )
    ticket = s.ticket
    approver = approval.approver_id if approval is not None and approval.covers(VOID) else None
    s.transact(
        lambda uow: voids.void_ticket(
            uow,
            ticket,
            register_id=s.settings.register_id,
            user_id=uid,
            approved_by=approver,
            reason=reason,
            note=note,
        )
    )
    s.new_ticket()


__all__ = ["OTHER", "VOID", "VOID_REASONS", "HeldInfo", "held", "hold", "recall", "void"]
