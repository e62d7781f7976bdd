"""Permissions: one per sensitive action, granted to roles, edited by an admin, audited.

Owns the ``role_permissions`` table. The sale engine asks :func:`require_permission` before a
void, refund, discount above the limit, price override or no-sale drawer opening, naming the
user who approved (a manager typing their PIN in place). Granting and revoking need the
``user_admin`` permission and are audit events with the role's grants before and after. The
admin role always keeps ``user_admin`` (nobody can lock the store out of its own settings).
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import delete, insert, select

from posapp import audit
from posapp.auth.error_codes import AuthErrorCode, PermErrorCode
from posapp.auth.service import AuthError, Role, UserInfo, get_user
from posapp.db.engine import UnitOfWork
from posapp.db.models import RolePermission


class Permission(StrEnum):
    VOID = "void"
    REFUND = "refund"
    DISCOUNT_OVER_LIMIT = "discount_over_limit"
    PRICE_OVERRIDE = "price_override"
    NO_SALE_DRAWER = "no_sale_drawer"
    STOCK_ADJUSTMENT = "stock_adjustment"
    SETTINGS = "settings"
    USER_ADMIN = "user_admin"
    QUICK_KEYS = "quick_keys"  # lay out the checkout's quick keys (migration 0015_quickkeys)


MANAGER_DEFAULTS = frozenset(
    {
        Permission.VOID,
        Permission.REFUND,
        Permission.DISCOUNT_OVER_LIMIT,
        Permission.PRICE_OVERRIDE,
        Permission.NO_SALE_DRAWER,
        Permission.STOCK_ADJUSTMENT,
        Permission.QUICK_KEYS,
    }
)
DEFAULT_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.CASHIER: frozenset(),
    Role.CLASS_STAFF: frozenset(),
    Role.MANAGER: MANAGER_DEFAULTS,
    Role.ADMIN: frozenset(Permission),
}


def _perm(value: Permission | str) -> Permission:
    try:
        return Permission(value)
    except ValueError:
        names = ", ".join(p.value for p in Permission)
        raise AuthError(
            f"unknown permission {value!r}; one of {names}", code=PermErrorCode.UNKNOWN, value=value
        ) from None


def _role(value: Role | str) -> Role:
    try:
        return Role(value)
    except ValueError:
        names = ", ".join(r.value for r in Role)
        raise AuthError(
            f"unknown role {value!r}; one of {names}", code=PermErrorCode.ROLE
        ) from None


def grants(uow: UnitOfWork) -> dict[Role, set[Permission]]:
    """Every role with the permissions it holds (roles with none included)."""
    out: dict[Role, set[Permission]] = {r: set() for r in Role}
    for role, perm in uow.conn.execute(select(RolePermission.role, RolePermission.permission)):
        if role in Role.__members__.values() and perm in Permission.__members__.values():
            out[Role(role)].add(Permission(perm))
    return out


def role_has(uow: UnitOfWork, role: Role | str, permission: Permission | str) -> bool:
    row = uow.conn.execute(
        select(RolePermission.role).where(
            RolePermission.role == _role(role).value,
            RolePermission.permission == _perm(permission).value,
        )
    ).first()
    return row is not None


def require_permission(
    uow: UnitOfWork, user_id: int | None, permission: Permission | str, action: str
) -> UserInfo:
    """The user (an approver typing their PIN, or the signed-in user) must hold ``permission``."""
    permission = _perm(permission)
    if user_id is None:
        raise AuthError(
            f"{action} needs a manager's approval",
            code=AuthErrorCode.APPROVAL_REQUIRED,
            permission=permission.value,
        )
    user = get_user(uow, user_id)
    if not role_has(uow, user.role, permission):
        # the name goes in the data, not the message: a Hangul name in the message would
        # stand in for the UI's Korean words (posapp.ui.messages.korean keeps Korean messages)
        raise AuthError(
            f"{action} needs the {permission.value} permission; "
            f"user {user.id} ({user.role.value}) does not have it",
            code=AuthErrorCode.APPROVAL_REQUIRED,
            permission=permission.value,
            name=user.name,
        )
    return user


def _set(
    uow: UnitOfWork,
    actor_id: int,
    role: Role | str,
    permission: Permission | str,
    *,
    on: bool,
    register_id: str | None = None,
) -> bool:
    role, permission = _role(role), _perm(permission)
    require_permission(uow, actor_id, Permission.USER_ADMIN, "changing permissions")
    if not on and role is Role.ADMIN and permission is Permission.USER_ADMIN:
        raise AuthError(
            "the admin role always keeps user_admin (or nobody could undo this)",
            code=PermErrorCode.LAST_ADMIN,
        )
    before = sorted(p.value for p in grants(uow)[role])
    has = permission.value in before
    if has == on:
        return False
    table = RolePermission.__table__
    if on:
        uow.conn.execute(insert(table).values(role=role.value, permission=permission.value))
    else:
        uow.conn.execute(
            delete(table).where(table.c.role == role.value, table.c.permission == permission.value)
        )
    after = sorted({*before, permission.value} if on else set(before) - {permission.value})
    audit.record(
        uow.conn,
        "perm.grant" if on else "perm.revoke",
        actor_id,
        register_id,
        f"role {role.value}: {permission.value}",
        {"permissions": before},
        {"permissions": after},
    )
    return True


def grant(
    uow: UnitOfWork,
    actor_id: int,
    role: Role | str,
    permission: Permission | str,
    register_id: str | None = None,
) -> bool:
    """Give ``role`` the permission; False if it already had it. Needs ``user_admin``."""
    return _set(uow, actor_id, role, permission, on=True, register_id=register_id)


def revoke(
    uow: UnitOfWork,
    actor_id: int,
    role: Role | str,
    permission: Permission | str,
    register_id: str | None = None,
) -> bool:
    """Take the permission from ``role``; False if it did not have it. Needs ``user_admin``."""
    return _set(uow, actor_id, role, permission, on=False, register_id=register_id)
