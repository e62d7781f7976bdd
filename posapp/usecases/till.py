"""What one till's checkout screen is given: the cashier's session, payments, printing and
approvals (each a use case), and the catalogue reads the screen starts with — the quick keys
and the customer display's regional promotions, read through the session (offline: from the
spool's snapshot) whenever the screen asks, so a changed catalogue shows without a restart.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from posapp.db.engine import UnitOfWork
from posapp.db.models import Product, Region
from posapp.inventory import catalog
from posapp.inventory.catalog import ProductInfo
from posapp.usecases.approvals import Approvals
from posapp.usecases.checkout import CheckoutSession
from posapp.usecases.payment import Payments
from posapp.usecases.receipts import ReceiptPrinting


@dataclass(frozen=True)
class Promotion:
    """A region's promotion as the customer display shows it."""

    region: str
    title: str
    lines: tuple[str, ...]


def _quick_keys(uow: UnitOfWork) -> dict[str, list[ProductInfo]]:
    rows = uow.conn.execute(
        select(Product.id, Region.name)
        .join(Region, Region.id == Product.region_id, isouter=True)
        .where(Product.plu.is_not(None), Product.active)
        .order_by(Region.name, Product.name_ko)
    ).all()
    products = catalog.products_by_id(uow, [r[0] for r in rows])
    groups: dict[str, list[ProductInfo]] = {}
    for pid, region in rows:
        groups.setdefault(region or "기타", []).append(products[pid])
    return groups


def _promotions(uow: UnitOfWork) -> list[Promotion]:
    out = []
    for name, province, festival, tourism, season, promo in uow.conn.execute(
        select(
            Region.name,
            Region.province,
            Region.festival,
            Region.tourism,
            Region.season,
            Region.promo,
        ).where(Region.active)
    ):
        lines = tuple(x for x in (promo, tourism, season) if x)
        out.append(Promotion(f"{province} {name}", festival or "", lines))
    return out


@dataclass(frozen=True)
class Till:
    """The checkout's use cases, built once by the composition root."""

    session: CheckoutSession
    payments: Payments
    printing: ReceiptPrinting
    approvals: Approvals

    def quick_keys(self) -> dict[str, list[ProductInfo]]:
        """Unbarcoded and weighed produce with a PLU, grouped by region, for the quick keys."""
        return self.session.read(_quick_keys)

    def promotions(self) -> list[Promotion]:
        return self.session.read(_promotions)

    def english_name(self, product_id: int) -> str:
        """A product's English name from the search index ("" when it has none)."""
        index = self.session.index
        entry = index.entry(product_id) if index is not None else None
        return entry.name_en if entry is not None else ""


__all__ = ["ProductInfo", "Promotion", "Till"]
