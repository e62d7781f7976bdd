"""Users and PIN authentication.

Owns the ``users`` table's rules: roles, PIN format (4–6 digits), Argon2id hashing (memory-hard;
a PIN is never stored or logged in clear) of the PIN HMAC'd with a pepper kept outside the
database (posapp.secrets), every PIN check through the lockout (posapp.auth.lockout), user
changes as audit events, and the manager approval check (which permission an action needs:
posapp.auth.permissions).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
from dataclasses import dataclass
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select, update

from posapp import audit, store_policy
from posapp.auth import lockout
from posapp.auth.error_codes import AuthErrorCode
from posapp.db.engine import UnitOfWork
from posapp.db.models import RolePermission, User
from posapp.errors import PosError
from posapp.secrets import pin_pepper

log = logging.getLogger(__name__)

# OWASP's Argon2id minimum (19 MiB, t=2, p=1): ~20 ms a check on this machine.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


class Role(StrEnum):
    CASHIER = "cashier"
    MANAGER = "manager"
    CLASS_STAFF = "class_staff"
    ADMIN = "admin"


APPROVER_ROLES = frozenset({Role.MANAGER, Role.ADMIN})


class AuthError(PosError):
    keep_changes = False


@dataclass(frozen=True, slots=True)
class UserInfo:
    id: int
    name: str
    role: Role

    @property
    def can_approve(self) -> bool:
        return self.role in APPROVER_ROLES


def validate_pin(pin: str) -> str:
    if not (isinstance(pin, str) and pin.isdigit() and 4 <= len(pin) <= 6):
        raise AuthError("a PIN is 4 to 6 digits", code=AuthErrorCode.PIN_FORMAT)
    return pin


PEPPERED = "p1$"  # prefix of hashes made with the pepper (older ones are upgraded at sign-in)


def _peppered(pin: str) -> str:
    """HMAC the PIN with the pepper kept outside the database (posapp.secrets): a stolen
    database alone does not let anyone try the 10⁴–10⁶ PINs against the hashes."""
    return hmac.new(pin_pepper(), pin.encode("ascii"), hashlib.sha256).hexdigest()


def hash_pin(pin: str) -> str:
    return PEPPERED + _hasher.hash(_peppered(validate_pin(pin)))


def _matches(pin_hash: str, pin: str) -> bool:
    try:
        if pin_hash.startswith(PEPPERED):
            return _hasher.verify(pin_hash[len(PEPPERED) :], _peppered(pin))
        return _hasher.verify(pin_hash, pin)  # made before the pepper: upgraded on success
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def create_user(
    uow: UnitOfWork, name: str, role: Role | str, pin: str, *, actor_id: int | None = None
) -> UserInfo:
    role = Role(role)
    name = name.strip()
    if not name:
        raise AuthError("a user needs a name", code=AuthErrorCode.NAME)
    if uow.session.scalar(select(User.id).where(User.name == name)) is not None:
        raise AuthError(
            f"a user named {name!r} already exists", code=AuthErrorCode.DUPLICATE, name=name
        )
    user = User(name=name, role=role.value, pin_hash=hash_pin(pin))
    uow.session.add(user)
    uow.session.flush()
    after = {"name": user.name, "role": role.value}
    audit.record(uow.conn, "user.add", actor_id, None, f"user {user.id}", None, after)
    return UserInfo(user.id, user.name, role)


def set_pin(uow: UnitOfWork, user_id: int, pin: str, *, actor_id: int | None = None) -> None:
    """A new PIN (it also lifts a lockout); an audit event without the PIN."""
    uow.session.execute(
        update(User)
        .where(User.id == user_id)
        .values(pin_hash=hash_pin(pin), failed_attempts=0, locked_until=None)
    )
    lockout.succeeded(uow, [lockout.user_scope(user_id)])
    audit.record(uow.conn, "user.pin", actor_id or user_id, None, f"user {user_id}", None, None)


def get_user(uow: UnitOfWork, user_id: int) -> UserInfo:
    user = uow.session.get(User, user_id)
    if user is None or not user.active:
        raise AuthError(
            f"no active user {user_id}", code=AuthErrorCode.UNKNOWN_USER, user_id=user_id
        )
    return UserInfo(user.id, user.name, Role(user.role))


def user_by_name(uow: UnitOfWork, name: str) -> UserInfo:
    user = uow.session.scalar(select(User).where(User.name == name.strip(), User.active))
    if user is None:
        raise AuthError(
            f"no active user named {name!r}", code=AuthErrorCode.UNKNOWN_USER, name=name
        )
    return UserInfo(user.id, user.name, Role(user.role))


def list_users(uow: UnitOfWork) -> list[UserInfo]:
    rows = uow.session.scalars(select(User).where(User.active).order_by(User.id))
    return [UserInfo(u.id, u.name, Role(u.role)) for u in rows]


def authenticate(
    uow: UnitOfWork,
    pin: str,
    *,
    user_id: int | None = None,
    roles: frozenset[Role] | None = None,
    now: dt.datetime | None = None,
    register_id: str | None = None,
    prompt: str = "sign_in",
) -> UserInfo:
    """Check ``pin`` for one user (``user_id``) or for any active user with one of ``roles``,
    typed at till ``register_id`` (``cli`` for posapp-admin) at ``prompt``.

    Every prompt goes through the lockout (:mod:`posapp.auth.lockout`): refused at once while
    its till, its user or (naming nobody) the store is locked or waiting; a wrong PIN is
    counted there, and the caller commits the unit of work so that the count sticks even
    though an error is raised.
    """
    at = now or lockout.now()
    scopes = lockout.scopes_for(register_id, user_id)
    refusal = lockout.check(uow, scopes, at)
    if refusal is not None:
        raise AuthError(refusal.message, code=refusal.code, **refusal.data)
    query = select(User).where(User.active)
    if user_id is not None:
        query = query.where(User.id == user_id)
    if roles is not None:
        query = query.where(User.role.in_([r.value for r in roles]))
    users = list(uow.session.scalars(query.order_by(User.id)))
    if user_id is not None and not users:
        raise AuthError(
            "unknown or inactive user", code=AuthErrorCode.UNKNOWN_USER, user_id=user_id
        )
    if isinstance(pin, str) and pin.isdigit() and 4 <= len(pin) <= 6:
        for user in users:
            if _matches(user.pin_hash, pin):
                if user.failed_attempts or user.locked_until:
                    user.failed_attempts = 0
                    user.locked_until = None
                if not user.pin_hash.startswith(PEPPERED):
                    user.pin_hash = hash_pin(pin)
                lockout.succeeded(uow, [*scopes, lockout.user_scope(user.id)])
                return UserInfo(user.id, user.name, Role(user.role))
    lock_minutes = store_policy.load(uow)["pin_lock_minutes"]
    locked = lockout.failed(
        uow, scopes, register_id=register_id, prompt=prompt, lock_minutes=lock_minutes, at=at
    )
    if locked is not None:  # this was the tenth: said as the lock it started
        error = AuthError("wrong PIN; locked", code=AuthErrorCode.LOCKED, until=locked.isoformat())
    else:
        error = AuthError("wrong PIN", code=AuthErrorCode.WRONG_PIN)
    error.keep_changes = True  # the failure count must be committed (Database.transact)
    raise error


def approve(uow: UnitOfWork, pin: str, *, register_id: str | None = None) -> UserInfo:
    """A manager (or anyone whose role holds a permission) approves in place with their PIN;
    the action then checks that this approver holds its permission (posapp.auth.permissions).
    The prompt names nobody: it counts towards its till's and the store's lockout."""
    granted = uow.conn.execute(select(RolePermission.role).distinct()).scalars()
    roles = frozenset(Role(r) for r in granted if r in Role.__members__.values())
    try:
        return authenticate(
            uow, pin, roles=roles or APPROVER_ROLES, register_id=register_id, prompt="approval"
        )
    except AuthError as exc:
        if exc.code in lockout.REFUSALS:
            raise  # locked or waiting: said as such
        denied = AuthError("a manager's PIN is needed", code=AuthErrorCode.APPROVAL_DENIED)
        denied.keep_changes = exc.keep_changes  # the wrong PIN stays counted
        raise denied from exc


def require_approver(uow: UnitOfWork, user_id: int | None, action: str) -> UserInfo:
    if user_id is None:
        raise AuthError(
            f"{action} needs a manager's approval", code=AuthErrorCode.APPROVAL_REQUIRED
        )
    user = get_user(uow, user_id)
    if not user.can_approve:
        raise AuthError(
            f"{action} needs a manager's approval; {user.name} is a {user.role.value}",
            code=AuthErrorCode.APPROVAL_REQUIRED,
        )
    return user
