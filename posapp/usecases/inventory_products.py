"""Inventory use cases for products: the product list a page at a time, the filters' choices,
a product's edit (through the one product writer, posapp.inventory.products.write_products),
a barcode lookup, and the partner regions and producers of the 산지·생산자 tab.

Each call is one transaction (``db.read`` / ``db.transact``) and returns frozen dataclasses,
re-exported here for the screens.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from posapp.db.engine import Database, UnitOfWork
from posapp.errors import PosError
from posapp.inventory import catalog, partners, products
from posapp.inventory.catalog import ProductInfo
from posapp.inventory.error_codes import CatalogErrorCode
from posapp.inventory.partners import (
    CategoryInfo,
    CommissionRuleInfo,
    ProducerInfo,
    RegionInfo,
)
from posapp.inventory.products import (
    PriceHistoryRow,
    ProductDetail,
    ProductEdit,
    ProductFilter,
    ProductRow,
)


@dataclass(frozen=True, slots=True)
class ProductPage:
    """The first page of a filtered list and how many products match in all."""

    total: int
    rows: tuple[ProductRow, ...]


@dataclass(frozen=True, slots=True)
class FilterChoices:
    regions: tuple[RegionInfo, ...]
    producers: tuple[ProducerInfo, ...]
    categories: tuple[CategoryInfo, ...]


@dataclass(frozen=True, slots=True)
class ProductForEdit:
    """What the edit dialog shows: the product and the regions and producers to choose from."""

    detail: ProductDetail
    regions: tuple[RegionInfo, ...]
    producers: tuple[ProducerInfo, ...]


@dataclass(frozen=True, slots=True)
class Partners:
    regions: tuple[RegionInfo, ...]
    producers: tuple[ProducerInfo, ...]


def unknown_barcode(code: str) -> PosError:
    return PosError(
        f"barcode {code} is not in the catalogue",
        code=CatalogErrorCode.UNKNOWN_BARCODE,
        barcode=code,
    )


class ProductsUseCases:
    """The product list, edits, lookups and partners of the inventory window."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def first_page(self, f: ProductFilter, limit: int) -> ProductPage:
        def run(uow: UnitOfWork) -> ProductPage:
            return ProductPage(
                products.count_products(uow, f), tuple(products.list_products(uow, f, limit=limit))
            )

        return self._db.read(run)

    def page(self, f: ProductFilter, offset: int, limit: int) -> tuple[ProductRow, ...]:
        return self._db.read(
            lambda uow: tuple(products.list_products(uow, f, offset=offset, limit=limit))
        )

    def choices(self) -> FilterChoices:
        def run(uow: UnitOfWork) -> FilterChoices:
            return FilterChoices(
                tuple(partners.list_regions(uow)),
                tuple(partners.list_producers(uow)),
                tuple(partners.list_categories(uow)),
            )

        return self._db.read(run)

    def product(self, product_id: int) -> ProductDetail:
        return self._db.read(lambda uow: products.get_product(uow, product_id))

    def for_edit(self, product_id: int) -> ProductForEdit:
        def run(uow: UnitOfWork) -> ProductForEdit:
            return ProductForEdit(
                products.get_product(uow, product_id),
                tuple(partners.list_regions(uow)),
                tuple(partners.list_producers(uow)),
            )

        return self._db.read(run)

    def save(self, product_id: int, edit: ProductEdit, *, user_id: int) -> ProductDetail:
        """Apply a manager's edit (audit event, price history when the price changed)."""
        return self._db.transact(
            lambda uow: products.update_product(uow, product_id, edit, user_id=user_id)
        )

    def by_barcode(self, code: str) -> ProductInfo | None:
        return self._db.read(lambda uow: catalog.product_by_barcode(uow, code))

    def partners(self) -> Partners:
        def run(uow: UnitOfWork) -> Partners:
            return Partners(tuple(partners.list_regions(uow)), tuple(partners.list_producers(uow)))

        return self._db.read(run)

    def save_region(self, region_id: int, *, user_id: int, **texts: str) -> RegionInfo:
        return self._db.transact(
            lambda uow: partners.update_region(uow, region_id, user_id=user_id, **texts)
        )

    def save_producer(
        self,
        *,
        user_id: int,
        name: str,
        producer_id: int | None = None,
        region_id: int | None = None,
        contact: str = "",
        phone: str = "",
        kind: str = "purchase",
        active: bool = True,
        commission_rate: int | None = None,
    ) -> ProducerInfo:
        """Create (no ``producer_id``) or update a producer / supplier with its contact and
        its flat commission rate (percent; used where no commission rule applies)."""
        return self._db.transact(
            lambda uow: partners.save_producer(
                uow,
                user_id=user_id,
                name=name,
                producer_id=producer_id,
                region_id=region_id,
                contact=contact,
                phone=phone,
                kind=kind,
                active=active,
                commission_rate=commission_rate,
            )
        )

    def commission_rules(self) -> tuple[CommissionRuleInfo, ...]:
        return tuple(self._db.read(lambda uow: partners.list_commission_rules(uow)))

    def add_commission_rule(
        self,
        *,
        user_id: int,
        effective_from: dt.date,
        rate: str,
        producer_id: int | None = None,
        category_id: int | None = None,
        threshold: int = 0,
    ) -> CommissionRuleInfo:
        """Add a rule; ``rate`` as typed in percent ("12", "12.5")."""
        return self._db.transact(
            lambda uow: partners.save_commission_rule(
                uow,
                user_id=user_id,
                effective_from=effective_from,
                rate_bp=partners.parse_rate(rate),
                producer_id=producer_id,
                category_id=category_id,
                threshold=threshold,
            )
        )

    def delete_commission_rule(self, rule_id: int, *, user_id: int) -> None:
        self._db.transact(
            lambda uow: partners.delete_commission_rule(uow, rule_id, user_id=user_id)
        )

    def import_commission_rules(
        self, data: bytes, *, user_id: int
    ) -> tuple[CommissionRuleInfo, ...]:
        return tuple(
            self._db.transact(
                lambda uow: partners.import_commission_rules(uow, data, user_id=user_id)
            )
        )

    def categories(self) -> tuple[CategoryInfo, ...]:
        return tuple(self._db.read(lambda uow: partners.list_categories(uow)))


__all__ = [
    "CategoryInfo",
    "CommissionRuleInfo",
    "FilterChoices",
    "Partners",
    "PriceHistoryRow",
    "ProducerInfo",
    "ProductDetail",
    "ProductEdit",
    "ProductFilter",
    "ProductForEdit",
    "ProductInfo",
    "ProductPage",
    "ProductRow",
    "ProductsUseCases",
    "RegionInfo",
    "unknown_barcode",
]
