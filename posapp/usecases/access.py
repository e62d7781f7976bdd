"""Who may open a protected screen (staff, settings, the audit log, reports): the signed-in
user when they hold the screen's permission, or whoever approved it with their PIN in place.

:meth:`ScreenAccess.authorize_screen` is the one check; the UI opens the screen through
:func:`posapp.ui.screens.open_protected`, which asks the PIN through the approval service
(:mod:`posapp.usecases.approvals`) when the check says ``auth.approval_required``.
"""

from __future__ import annotations

from dataclasses import dataclass

from posapp.auth.permissions import Permission, require_permission
from posapp.auth.service import get_user
from posapp.db.engine import Database, UnitOfWork
from posapp.errors import PosError
from posapp.usecases.approvals import APPROVAL_REQUIRED, Approval

ANY_APPROVER = "manager"
"""The screen of no permission of its own: any approver's PIN opens it (reports)."""


def screen_action(permission: str | None) -> str:
    """The action an approval to open a screen is bound to (``screen.settings``, ...)."""
    return f"screen.{permission or ANY_APPROVER}"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who the screen was opened for (its changes are recorded under this id)."""

    id: int
    name: str
    role: str


class ScreenAccess:
    """The permission check that opens a protected screen."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def authorize_screen(self, who: int | Approval | None, permission: str | None) -> Actor:
        """The signed-in user ``who`` (an id, or None) holding ``permission``, or the approver
        of ``who`` (an :class:`Approval` for :func:`screen_action` of ``permission``) holding
        it. ``permission`` None: only an approval opens it. Raises ``auth.approval_required``
        (then the screen asks a PIN)."""
        action = f"the {screen_action(permission)} screen"

        def run(uow: UnitOfWork) -> Actor:
            if isinstance(who, Approval):
                if not who.covers(screen_action(permission)):
                    raise PosError(f"{action} was not approved", code=APPROVAL_REQUIRED)
                user_id: int | None = who.approver_id
            elif permission is None:
                raise PosError(f"{action} needs a manager's approval", code=APPROVAL_REQUIRED)
            else:
                user_id = who
            if permission is not None:
                user = require_permission(uow, user_id, Permission(permission), action)
            else:
                assert user_id is not None
                user = get_user(uow, user_id)
            return Actor(user.id, user.name, user.role.value)

        return self._db.read(run)


__all__ = ["ANY_APPROVER", "Actor", "ScreenAccess", "screen_action"]
