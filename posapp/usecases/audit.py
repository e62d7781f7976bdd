"""The audit log, as its browser uses it: the events matching a filter and the action kinds
recorded so far, for a user holding the ``settings`` permission (checked in the same read).

The log itself is :mod:`posapp.audit`'s; the types the browser needs are re-exported here.
"""

from __future__ import annotations

from posapp import audit
from posapp.audit import AuditFilter, AuditRow
from posapp.auth.permissions import Permission, require_permission
from posapp.db.engine import Database, UnitOfWork


class AuditLog:
    """Reading the audit log of ``db``."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def events(
        self, flt: AuditFilter | None = None, *, user_id: int | None
    ) -> tuple[AuditRow, ...]:
        """The events matching ``flt``, newest first, if ``user_id`` holds ``settings``
        (else ``auth.approval_required``)."""

        def run(uow: UnitOfWork) -> tuple[AuditRow, ...]:
            require_permission(uow, user_id, Permission.SETTINGS, "the audit log")
            return tuple(audit.list_events(uow, flt or AuditFilter()))

        return self._db.read(run)

    def actions(self) -> tuple[str, ...]:
        """The action kinds recorded so far (the browser's filter choices)."""
        return tuple(self._db.read(audit.actions))


__all__ = ["AuditFilter", "AuditLog", "AuditRow"]
