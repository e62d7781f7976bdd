"""가격 확인 at the till: a scanned code or a product picked from the search answers with its
name, today's price (the markdown of the lot the till sells next when there is one), the
stock on hand and the expiry of the floor lots — and never touches the ticket (no line, no
recovery file, no audit event: it sells nothing).

Qt-free; the catalogue part is read through the session (the spool's snapshot while offline),
the stock and lots from the store's database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from posapp.domain import calendar
from posapp.inventory import catalog, price_check
from posapp.inventory.catalog import CatalogError, ProductInfo
from posapp.inventory.error_codes import CatalogErrorCode
from posapp.inventory.price_check import LotStock
from posapp.usecases.checkout import CheckoutSession


@dataclass(frozen=True, slots=True)
class PriceInfo:
    """What the price check shows for one product."""

    product: ProductInfo
    price: int  # what the till charges now (a markdown price when the next lot has one)
    on_hand: int | None  # base units (pieces or grams); None while offline (not known)
    lots: tuple[LotStock, ...]
    today: dt.date

    @property
    def marked_down(self) -> bool:
        return self.price < self.product.price


class PriceCheck:
    """Looks products up for the price check of one checkout session."""

    def __init__(self, session: CheckoutSession) -> None:
        self._session = session

    def look(self, code: str) -> PriceInfo:
        """A scanned or typed code (barcode, scale label, PLU); a weighed product's bare PLU
        is answered too (nothing is weighed: nothing is sold)."""
        s = self._session
        try:
            result = s.read(lambda uow: catalog.scan(uow, code, s.settings.layouts))
            product = result.product
        except CatalogError as exc:
            if exc.code != CatalogErrorCode.NEEDS_WEIGHT:
                raise
            pid = int(exc.data["product_id"])
            product = s.read(lambda uow: catalog.products_by_id(uow, [pid]))[pid]
        return self.of(product)

    def search(self, query: str, limit: int = 30) -> list[ProductInfo]:
        """Products by name, 초성 or code, as the checkout's search finds them."""
        return self._session.search(query, limit)

    def of(self, product: ProductInfo) -> PriceInfo:
        """The price check of ``product`` as the catalogue has it now."""
        s = self._session
        pid = product.id
        current = s.read(lambda uow: catalog.products_by_id(uow, [pid])).get(pid, product)
        markdown = s.read(lambda uow: catalog.markdown_price(uow, pid))
        price = current.price if markdown is None else min(markdown, current.price)
        if s.offline:  # the spool's snapshot has the catalogue, not the stock
            return PriceInfo(current, price, None, (), calendar.today())
        on_hand = s.db.read(lambda uow: price_check.on_hand(uow, pid))
        lots = s.db.read(lambda uow: price_check.floor_lots(uow, pid))
        return PriceInfo(current, price, on_hand, lots, calendar.today())


__all__ = ["LotStock", "PriceCheck", "PriceInfo"]
