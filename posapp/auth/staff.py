"""Staff administration, for whoever holds ``user_admin``: the users (add, change role, reset a
PIN, lift a lockout, stop or resume), and which role may do what (posapp.auth.permissions).

Every change is an audit event with before and after (never a PIN). The store can never lock
itself out: the last active admin cannot be demoted or stopped, and nobody stops themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, update

from posapp import audit
from posapp.auth import lockout
from posapp.auth.error_codes import AuthErrorCode, StaffErrorCode
from posapp.auth.permissions import Permission, grants, require_permission
from posapp.auth.service import AuthError, Role, UserInfo, create_user, set_pin
from posapp.db.engine import UnitOfWork
from posapp.db.models import PinLockout, User, utcnow


@dataclass(frozen=True, slots=True)
class StaffRow:
    id: int
    name: str
    role: Role
    active: bool
    failed_attempts: int
    locked_until: dt.datetime | None

    def locked(self, now: dt.datetime | None = None) -> bool:
        return self.locked_until is not None and self.locked_until > (now or utcnow())


def _admin(uow: UnitOfWork, actor_id: int | None, what: str) -> UserInfo:
    return require_permission(uow, actor_id, Permission.USER_ADMIN, what)


def _row(uow: UnitOfWork, user_id: int) -> User:
    user = uow.session.get(User, user_id)
    if user is None:
        raise AuthError(f"no user {user_id}", code=AuthErrorCode.UNKNOWN_USER, user_id=user_id)
    return user


def _other_active_admins(uow: UnitOfWork, user_id: int) -> int:
    return int(
        uow.session.scalar(
            select(func.count())
            .select_from(User)
            .where(User.role == Role.ADMIN.value, User.active, User.id != user_id)
        )
        or 0
    )


def _keep_an_admin(uow: UnitOfWork, user: User) -> None:
    if user.role == Role.ADMIN.value and user.active and not _other_active_admins(uow, user.id):
        raise AuthError(
            f"{user.name} is the last active admin: make another admin first",
            code=StaffErrorCode.LAST_ADMIN,
            name=user.name,
        )


def list_staff(uow: UnitOfWork, actor_id: int | None) -> list[StaffRow]:
    """Every user, active first, by name."""
    _admin(uow, actor_id, "the staff list")
    rows = uow.session.scalars(select(User).order_by(User.active.desc(), User.name))
    counts = {r.scope: r for r in uow.session.scalars(select(PinLockout))}  # posapp.auth.lockout

    def row(u: User) -> StaffRow:
        lock = counts.get(lockout.user_scope(u.id))
        failures, until = (lock.failures, lock.locked_until) if lock else (0, None)
        return StaffRow(u.id, u.name, Role(u.role), u.active, failures, until)

    return [row(u) for u in rows]


def add(
    uow: UnitOfWork,
    actor_id: int | None,
    name: str,
    role: Role | str,
    pin: str,
    register_id: str | None = None,
) -> UserInfo:
    """A new user with their first PIN (they can change it later; an admin can reset it)."""
    _admin(uow, actor_id, "adding a user")
    return create_user(uow, name, role, pin, actor_id=actor_id)


def set_role(
    uow: UnitOfWork,
    actor_id: int | None,
    user_id: int,
    role: Role | str,
    register_id: str | None = None,
) -> bool:
    """Give a user another role; False if it is already theirs."""
    _admin(uow, actor_id, "changing a role")
    role = Role(role)
    user = _row(uow, user_id)
    if user.role == role.value:
        return False
    if role is not Role.ADMIN:
        _keep_an_admin(uow, user)
    before = user.role
    uow.session.execute(update(User).where(User.id == user_id).values(role=role.value))
    audit.record(
        uow.conn,
        "user.role",
        actor_id,
        register_id,
        f"user {user_id} ({user.name})",
        {"role": before},
        {"role": role.value},
    )
    return True


def set_active(
    uow: UnitOfWork,
    actor_id: int | None,
    user_id: int,
    active: bool,
    register_id: str | None = None,
) -> bool:
    """Stop a user (they can no longer sign in or approve) or let them back; history stays."""
    _admin(uow, actor_id, "stopping or resuming a user")
    user = _row(uow, user_id)
    if user.active == active:
        return False
    if not active:
        if user_id == actor_id:
            raise AuthError("you cannot stop your own account", code=StaffErrorCode.SELF)
        _keep_an_admin(uow, user)
    uow.session.execute(update(User).where(User.id == user_id).values(active=active))
    audit.record(
        uow.conn,
        "user.active" if active else "user.stop",
        actor_id,
        register_id,
        f"user {user_id} ({user.name})",
        {"active": not active},
        {"active": active},
    )
    return True


def reset_pin(
    uow: UnitOfWork,
    actor_id: int | None,
    user_id: int,
    pin: str,
    register_id: str | None = None,
) -> None:
    """A new PIN for a user who forgot theirs (it also lifts a lockout)."""
    _admin(uow, actor_id, "resetting a PIN")
    _row(uow, user_id)
    set_pin(uow, user_id, pin, actor_id=actor_id)


def unlock(
    uow: UnitOfWork, actor_id: int | None, user_id: int, register_id: str | None = None
) -> bool:
    """Lift a lockout after too many wrong PINs; False if the user was not locked."""
    _admin(uow, actor_id, "lifting a lockout")
    user = _row(uow, user_id)
    lock = uow.session.get(PinLockout, lockout.user_scope(user_id))
    if lock is None or (not lock.failures and lock.locked_until is None):
        return False
    before = {
        "failed_attempts": lock.failures,
        "locked_until": lock.locked_until.isoformat() if lock.locked_until else None,
    }
    uow.session.delete(lock)
    uow.session.flush()
    audit.record(
        uow.conn,
        "user.unlock",
        actor_id,
        register_id,
        f"user {user_id} ({user.name})",
        before,
        {"failed_attempts": 0, "locked_until": None},
    )
    return True


def permission_matrix(uow: UnitOfWork, actor_id: int | None) -> dict[Role, set[Permission]]:
    """What each role may do now (grant/revoke in posapp.auth.permissions change it)."""
    _admin(uow, actor_id, "the permissions")
    return grants(uow)
