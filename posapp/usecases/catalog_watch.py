"""The live catalogue at a till: what changed in the catalogue since the till last looked —
from the edit screen, a CSV import or the platform, on this register or another — reaches the
till without a restart: the search index finds a new or renamed product and stops finding a
withdrawn one, the open ticket's lines follow a new shelf price (a price changed at the till
by a manager, a price-embedded scale label and a marked-down lot keep theirs), a withdrawn
product leaves the open ticket, and the screen is told to refresh its quick keys — also when a
manager saved a new quick-key layout (its revision, posapp.inventory.quick_keys).

:meth:`CatalogWatch.poll` runs on the database worker (as every checkout use case, so it never
races a scan) every half minute (posapp/app.py); the first call only takes the mark to start
from. Qt-free; the result is a frozen dataclass.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, replace

from posapp.db.engine import UnitOfWork
from posapp.domain.cart import CartLine
from posapp.inventory import catalog, quick_keys
from posapp.inventory.catalog import CatalogChanges, ProductInfo
from posapp.usecases.checkout import CheckoutSession

log = logging.getLogger(__name__)

#: how often the till asks (the issue's bound: a change shows within a minute)
POLL_SECONDS = 30


@dataclass(frozen=True, slots=True)
class Repriced:
    """An open-ticket line that follows a new shelf price."""

    name: str
    old_price: int
    new_price: int


@dataclass(frozen=True, slots=True)
class CatalogUpdate:
    """What a poll changed at this till."""

    changed: tuple[ProductInfo, ...] = ()
    repriced: tuple[Repriced, ...] = ()
    withdrawn: tuple[str, ...] = ()  # names of withdrawn products taken off the open ticket
    keys_changed: bool = False  # a new quick-key layout was saved (here or at another till)

    @property
    def refresh_keys(self) -> bool:
        """The quick keys must be read again (a product or the layout changed)."""
        return bool(self.changed) or self.keys_changed

    @property
    def ticket_changed(self) -> bool:
        return bool(self.repriced or self.withdrawn)


class CatalogWatch:
    """Follows the catalogue for one checkout session."""

    def __init__(self, session: CheckoutSession) -> None:
        self._session = session
        self._mark: dt.datetime | None = None
        self._seen: frozenset[int] = frozenset()
        self._started = False
        self._revision: int | None = None

    def poll(self) -> CatalogUpdate:
        """Apply what changed since the last poll to the index and the open ticket."""
        s = self._session
        mark = self._mark if self._started else None
        seen = self._seen

        def read(uow: UnitOfWork) -> tuple[CatalogChanges, list[CartLine | None], int | None]:
            changes = catalog.changed_since(uow, mark, seen)
            fresh = {p.id: p for p in changes.products}
            lines = [_follow(uow, ln, fresh.get(ln.product_id)) for ln in s.ticket.lines]
            return changes, lines, quick_keys.revision(uow)

        started = self._started
        changes, lines, layout = s.read(read)
        self._started = True
        keys_changed = started and layout != self._revision
        self._revision = layout
        if changes.mark is not None:
            self._mark, self._seen = changes.mark, changes.seen
        if not changes.products:
            return CatalogUpdate(keys_changed=keys_changed)
        index = s.index
        if index is not None:
            on_sale = {e.id: e for e in changes.entries}
            for p in changes.products:
                entry = on_sale.get(p.id)
                if entry is not None and p.active:
                    index.replace(entry)
                else:
                    index.remove(p.id)
            index.prepare()  # rebuilt here, on the poll, not on the cashier's next keystroke
        repriced: list[Repriced] = []
        withdrawn: list[str] = []
        for old, new in zip(s.ticket.lines, lines, strict=True):
            if new is None:
                withdrawn.append(old.name)
            elif new.unit_price != old.unit_price:
                repriced.append(Repriced(old.name, old.unit_price, new.unit_price))
        if repriced or withdrawn:
            s.ticket.retain(lines)
            s.save_recovery()
            log.info("catalogue: %d lines repriced, %d withdrawn", len(repriced), len(withdrawn))
        return CatalogUpdate(changes.products, tuple(repriced), tuple(withdrawn), keys_changed)


def _follow(uow: UnitOfWork, line: CartLine, now: ProductInfo | None) -> CartLine | None:
    """``line`` as the catalogue has its product now (None: withdrawn); unchanged when its
    product did not change or its price was set at the till or by a scale label."""
    if now is None:
        return line
    if not now.active:
        return None
    if line.price_override is not None or line.fixed_amount is not None:
        return replace(line, name=now.name_ko)
    fresh = catalog.marked_down(uow, replace(line, unit_price=now.price, shelf_price=None))
    return replace(
        line, name=now.name_ko, unit_price=fresh.unit_price, shelf_price=fresh.shelf_price
    )


__all__ = ["POLL_SECONDS", "CatalogUpdate", "CatalogWatch", "Repriced"]
