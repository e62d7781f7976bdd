"""Staff and permissions, as the staff screen uses them: the people (add, change a role,
reset a PIN, unlock, stop or resume) and which role holds which permission — every change
by an actor holding ``user_admin``, recorded in the audit log.

The work is :mod:`posapp.auth`'s (staff, permissions); the types the screen needs are
re-exported here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from posapp.auth import permissions, staff
from posapp.auth.permissions import Permission
from posapp.auth.service import Role, validate_pin
from posapp.auth.staff import StaffRow
from posapp.db.engine import Database, UnitOfWork


@dataclass(frozen=True, slots=True)
class StaffOverview:
    """The staff screen's two tabs: the people and the role × permission grid."""

    rows: tuple[StaffRow, ...]
    matrix: Mapping[Role, frozenset[Permission]]


class StaffAdmin:
    """The staff screen's actions; each needs the actor's ``user_admin`` permission and is
    recorded at ``register_id``."""

    def __init__(self, db: Database, *, register_id: str | None = None) -> None:
        self._db = db
        self.register_id = register_id

    def overview(self, actor_id: int) -> StaffOverview:
        def run(uow: UnitOfWork) -> StaffOverview:
            matrix = staff.permission_matrix(uow, actor_id)
            return StaffOverview(
                tuple(staff.list_staff(uow, actor_id)),
                {role: frozenset(perms) for role, perms in matrix.items()},
            )

        return self._db.read(run)

    def add(self, actor_id: int, name: str, role: Role, pin: str) -> None:
        self._db.transact(lambda uow: staff.add(uow, actor_id, name, role, pin, self.register_id))

    def set_role(self, actor_id: int, user_id: int, role: Role) -> bool:
        return self._db.transact(
            lambda uow: staff.set_role(uow, actor_id, user_id, role, self.register_id)
        )

    def reset_pin(self, actor_id: int, user_id: int, pin: str) -> None:
        """A new PIN (which also unlocks the account)."""
        self._db.transact(
            lambda uow: staff.reset_pin(uow, actor_id, user_id, pin, self.register_id)
        )

    def unlock(self, actor_id: int, user_id: int) -> bool:
        return self._db.transact(lambda uow: staff.unlock(uow, actor_id, user_id, self.register_id))

    def set_active(self, actor_id: int, user_id: int, active: bool) -> bool:
        return self._db.transact(
            lambda uow: staff.set_active(uow, actor_id, user_id, active, self.register_id)
        )

    def set_permission(self, actor_id: int, role: Role, permission: Permission, on: bool) -> bool:
        """Grant (``on``) or revoke; False when the role already was so."""
        change = permissions.grant if on else permissions.revoke
        return self._db.transact(
            lambda uow: change(uow, actor_id, role, permission, self.register_id)
        )


__all__ = ["Permission", "Role", "StaffAdmin", "StaffOverview", "StaffRow", "validate_pin"]
