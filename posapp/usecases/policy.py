"""The store-policy screen's use case: every policy key with its value and bounds, and a
change by a holder of ``settings`` (checked again in the transaction; each changed key an
audit event with before and after, :func:`posapp.store_policy.change`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from posapp import store_policy
from posapp.auth.permissions import Permission, require_permission
from posapp.db.engine import Database, UnitOfWork


@dataclass(frozen=True)
class PolicyRow:
    name: str
    label: str
    value: int
    low: int
    high: int
    choices: tuple[int, ...] = ()
    #: a key written as text (its words; ``value`` is then 0)
    text: str | None = None

    @property
    def is_switch(self) -> bool:
        """A yes/no key (0 or 1)."""
        return (self.low, self.high) == (0, 1)


class StorePolicyAdmin:
    def __init__(self, db: Database, *, register_id: str | None = None) -> None:
        self._db = db
        self._register_id = register_id

    def current(self) -> list[PolicyRow]:
        return self._db.read(_rows)

    def change(self, actor_id: int, values: Mapping[str, int | str]) -> list[PolicyRow]:
        def run(uow: UnitOfWork) -> list[PolicyRow]:
            require_permission(uow, actor_id, Permission.SETTINGS, "the store policy")
            store_policy.change(uow, values, actor_id, register_id=self._register_id)
            return _rows(uow)

        return self._db.transact(run)


def _rows(uow: UnitOfWork) -> list[PolicyRow]:
    policy = store_policy.load(uow)
    texts = store_policy.load_text(uow)
    return [
        *(
            PolicyRow(k.name, k.label, policy[k.name], k.low, k.high, k.choices)
            for k in store_policy.KEYS
        ),
        *(PolicyRow(k.name, k.label, 0, 0, 0, text=texts[k.name]) for k in store_policy.TEXT_KEYS),
    ]


__all__ = ["PolicyRow", "StorePolicyAdmin"]
