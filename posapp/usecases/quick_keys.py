"""The quick-key editor's use case: the layout as saved (or by region, where the editor
starts), products found with the till's own Hangul / 초성 search, and a save by a holder of
``quick_keys`` (checked again in the transaction, audited: posapp.inventory.quick_keys.save).

The editor is opened from the checkout (관리 page, Ctrl+Shift+K) through the one opener of
protected screens; after a save the checkout shows the new keys at once, and every other till
on its next catalogue poll (:mod:`posapp.usecases.catalog_watch` compares the revision).
Needs the store's database: refused with words while the till sells offline. Qt-free.
"""

from __future__ import annotations

from collections.abc import Sequence

from posapp.db.engine import UnitOfWork
from posapp.domain.quick_keys import PALETTE, KeyColour
from posapp.inventory import quick_keys
from posapp.inventory.catalog import ProductInfo
from posapp.inventory.quick_keys import KeySpec, Layout, PageSpec, QuickKeyInfo, QuickPage
from posapp.usecases.checkout import CheckoutSession


class QuickKeysAdmin:
    """What the editor does, for one till's session (its database and search index)."""

    def __init__(self, session: CheckoutSession) -> None:
        self._session = session

    @property
    def palette(self) -> tuple[KeyColour, ...]:
        return PALETTE

    def layout(self) -> Layout:
        self._session.online_only("editing the quick keys")
        return self._session.db.read(quick_keys.layout)

    def search(self, query: str, limit: int = 30) -> list[ProductInfo]:
        """Products by name, 초성, English or code: the checkout's own search."""
        if not query.strip():
            return []
        return self._session.search(query, limit)

    def save(self, actor_id: int, pages: Sequence[PageSpec]) -> Layout:
        self._session.online_only("editing the quick keys")
        register = self._session.settings.register_id

        def run(uow: UnitOfWork) -> Layout:
            return quick_keys.save(uow, actor_id, pages, register_id=register)

        return self._session.db.transact(run)


__all__ = [
    "KeySpec",
    "Layout",
    "PageSpec",
    "ProductInfo",
    "QuickKeyInfo",
    "QuickKeysAdmin",
    "QuickPage",
]
