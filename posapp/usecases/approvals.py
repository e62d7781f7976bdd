"""Approvals, once for every screen: a manager (or any holder of the permission an action
needs) types their PIN in place; the PIN is checked off the Qt thread; the approval is bound
to the action it was asked for, and the action is tried again with it.

The flow, driven by :func:`posapp.ui.operations.with_approval` on the Qt side:

1. the screen runs the action with ``approval=None``;
2. the action's service raises ``auth.approval_required`` (a :class:`PosError`);
3. the UI asks for a PIN through the :class:`PinPort` it implements, naming the action;
4. :meth:`Approvals.verify` checks the PIN on the database worker, and — when the request names
   a permission — that the approver holds it, and returns an :class:`Approval` bound to the
   request's action, line and bound;
5. the action runs again with that approval; it must refuse an approval for another action,
   another line or a smaller bound (:meth:`Approval.covers`).

An approval is a value: it is never stored on a session or carried to the next action.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Protocol, TypeVar

from posapp.auth import service as auth
from posapp.auth.permissions import require_permission
from posapp.db.engine import Database, UnitOfWork
from posapp.errors import PosError

APPROVAL_REQUIRED = "auth.approval_required"
T = TypeVar("T")


class Transacts(Protocol):
    """Where approvals are checked: a :class:`Database`, or a till's session (which checks
    them on its offline spool while the store's database cannot be reached)."""

    def transact(self, fn: Callable[[UnitOfWork], T]) -> T: ...


@dataclass(frozen=True)
class ApprovalRequest:
    """What a PIN is asked for: the action (a stable name such as ``discount.line``), the
    ticket line it concerns, the bound being approved (a discount percent, a new price, a
    refund amount, ...), the permission the approver must hold, and the words of the prompt."""

    action: str
    title: str
    prompt: str
    permission: str | None = None
    line: int | None = None
    bound: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Approval:
    """A verified approval: who approved what. Bound to ``action``, ``line`` and ``bound``."""

    approver_id: int
    approver_name: str
    action: str
    line: int | None = None
    bound: Mapping[str, int] = field(default_factory=dict)
    #: approvals given earlier for the same scan (an expired lot, then a quantity beyond the
    #: limits): each still covers only its own action (:meth:`joined`)
    also: tuple[Approval, ...] = ()

    def covers(self, action: str, *, line: int | None = None, **bound: int) -> bool:
        """True when this approval was given for ``action`` on ``line`` and each of ``bound``
        is within what was approved (a larger discount, price cut or amount asks again)."""
        return self.for_action(action, line=line, **bound) is not None

    def for_action(self, action: str, *, line: int | None = None, **bound: int) -> Approval | None:
        """The approval (this one, or one joined to it) that covers ``action``; None."""
        if (
            action == self.action
            and line == self.line
            and all(k in self.bound and v <= self.bound[k] for k, v in bound.items())
        ):
            return self
        for earlier in self.also:
            found = earlier.for_action(action, line=line, **bound)
            if found is not None:
                return found
        return None

    def joined(self, earlier: Approval | None) -> Approval:
        """This approval with ``earlier`` kept beside it (both asked for one scan)."""
        return self if earlier is None else replace(self, also=(*self.also, earlier))


class PinPort(Protocol):
    """Implemented by the UI: ask a person for a PIN for ``request``; None when cancelled."""

    def ask_pin(self, request: ApprovalRequest) -> str | None: ...


def is_approval_required(exc: BaseException) -> bool:
    return isinstance(exc, PosError) and exc.code == APPROVAL_REQUIRED


def approver_of(
    approval: Approval | None, action: str, *, line: int | None = None, **bound: int
) -> int | None:
    """The approver's id for a service's ``approved_by`` (None without an approval); an
    approval given for another action, line or a smaller bound is refused as
    ``auth.approval_required`` (the PIN is asked again for what is being done)."""
    if approval is None:
        return None
    if not approval.covers(action, line=line, **bound):
        raise PosError(
            f"the approval was given for {approval.action}, not for this {action}",
            code=APPROVAL_REQUIRED,
        )
    return approval.approver_id


class Approvals:
    """Checks approvers' PINs (a memory-hard hash: call it on the database worker)."""

    def __init__(self, db: Database | Transacts, *, register_id: str | None = None) -> None:
        self._db = db
        self._register_id = register_id  # the till whose prompt this is (the lockout's)

    def verify(self, pin: str, request: ApprovalRequest) -> Approval:
        """The approver whose PIN this is, bound to ``request``; raises ``auth.approval_denied``
        (wrong PIN, counted towards the lockout), ``auth.locked`` / ``auth.pin_wait`` (too many
        wrong PINs at this till or in the store) or ``auth.approval_required`` (the approver
        lacks the permission)."""

        def run(uow: UnitOfWork) -> Approval:
            user = auth.approve(uow, pin, register_id=self._register_id)
            if request.permission is not None:
                require_permission(uow, user.id, request.permission, request.action)
            return Approval(
                approver_id=user.id,
                approver_name=user.name,
                action=request.action,
                line=request.line,
                bound=dict(request.bound),
            )

        return self._db.transact(run)
