"""Locks after too many wrong PINs, seen and lifted: the list of scopes locked or counting, and
a manager lifting them early with their own name and PIN (a named prompt, counted against that
manager alone, so a locked till or store does not keep its manager out).
"""

from __future__ import annotations

from dataclasses import dataclass

from posapp.auth import lockout
from posapp.auth import service as auth
from posapp.auth.error_codes import AuthErrorCode
from posapp.auth.lockout import LockInfo
from posapp.db.engine import Database, UnitOfWork


@dataclass(frozen=True)
class Lifted:
    by: str
    scopes: tuple[str, ...]


class PinLocks:
    def __init__(self, db: Database, *, register_id: str | None = None) -> None:
        self._db = db
        self._register_id = register_id

    def current(self) -> list[LockInfo]:
        return self._db.read(lambda uow: lockout.locks(uow))

    def lift(self, manager: str, pin: str, scope: str | None = None) -> Lifted:
        """``manager`` (a manager or admin, by name) lifts ``scope`` or every lock."""

        def run(uow: UnitOfWork) -> Lifted:
            user = auth.user_by_name(uow, manager)
            checked = auth.authenticate(uow, pin, user_id=user.id, prompt="lockout.lift")
            if not checked.can_approve:
                raise auth.AuthError(
                    "lifting a PIN lock needs a manager", code=AuthErrorCode.APPROVAL_REQUIRED
                )
            found = lockout.lift(uow, checked.id, scope, register_id=self._register_id)
            return Lifted(checked.name, tuple(found))

        return self._db.transact(run)


__all__ = ["Lifted", "LockInfo", "PinLocks"]
