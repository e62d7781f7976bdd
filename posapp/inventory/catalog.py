"""The catalogue as the till sees it: product lookup by barcode, PLU or search, and products.

Owns reading ``products`` / ``product_barcodes`` for selling: a scanned code becomes a
:class:`ProductInfo` and a :class:`~posapp.domain.cart.CartLine` (price-embedded and
weight-embedded scale labels decoded by posapp.domain.barcodes), and the in-memory Hangul /
초성 :class:`~posapp.domain.hangul.SearchIndex` is built from it; :func:`changed_since` tells
the till what changed since it last looked (``products.updated_at``, set by the one writer of
product changes), so its index, quick keys and open ticket follow; :func:`quick_keys` and
:func:`promotions` are what the checkout screen shows beside the ticket.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Date, bindparam, func, select
from sqlalchemy.orm import aliased

from posapp.db.engine import UnitOfWork
from posapp.db.models import (
    Lot,
    LotMarkdown,
    Product,
    ProductBarcode,
    Region,
    StockLevel,
    TaxClassChange,
)
from posapp.domain import calendar
from posapp.domain.barcodes import (
    DEFAULT_SCALE_LAYOUTS,
    Gtin,
    ScaleCode,
    ScaleLayout,
    parse_barcode,
)
from posapp.domain.cart import CartLine, Unit
from posapp.domain.hangul import SearchEntry, SearchIndex
from posapp.domain.money import round_half_up_div
from posapp.domain.tax import TaxClass
from posapp.errors import PosError
from posapp.inventory.error_codes import CatalogErrorCode


class CatalogError(PosError):
    pass


@dataclass(frozen=True, slots=True)
class ProductInfo:
    id: int
    name_ko: str
    name_en: str
    unit: Unit
    price: int
    tax_class: TaxClass
    plu: str | None
    region_id: int | None
    barcode: str | None  # primary barcode
    active: bool

    def line(self, qty: int | None = None, *, barcode: str | None = None) -> CartLine:
        """A ticket line for this product: one piece, or ``qty`` base units."""
        if qty is None:
            if self.unit.is_weighed:
                raise CatalogError(
                    f"{self.name_ko} is sold by weight: weigh it or type the grams",
                    code=CatalogErrorCode.NEEDS_WEIGHT,
                    name=self.name_ko,
                    product_id=self.id,
                )
            qty = 1
        return CartLine(
            product_id=self.id,
            name=self.name_ko,
            tax_class=self.tax_class,
            unit=self.unit,
            qty=qty,
            unit_price=self.price,
            barcode=barcode or self.barcode,
        )


# the tax class in force on the business day (bound as ``today``): a scheduled change due and
# not yet written to the product (posapp.inventory.tax_classes), else the product's own
_tcc = TaxClassChange.__table__
_scheduled_class = (
    select(_tcc.c.tax_class)
    .where(
        _tcc.c.product_id == Product.id,
        _tcc.c.applied_at.is_(None),
        _tcc.c.cancelled_at.is_(None),
        _tcc.c.effective_from <= bindparam("today", type_=Date()),
    )
    .order_by(_tcc.c.effective_from.desc(), _tcc.c.id.desc())
    .limit(1)
    .correlate(Product)
    .scalar_subquery()
)

_cols = (
    Product.id,
    Product.name_ko,
    Product.name_en,
    Product.unit,
    Product.price,
    func.coalesce(_scheduled_class, Product.tax_class),
    Product.plu,
    Product.region_id,
    Product.active,
)
_pb = aliased(ProductBarcode)
_primary = (
    select(_pb.code)
    .where(_pb.product_id == Product.id, _pb.is_primary)
    .limit(1)
    .correlate(Product)
    .scalar_subquery()
)
primary_barcode = _primary  # the product's primary barcode, for queries that select Product


_by_barcode = (
    select(*_cols, _primary)
    .join(ProductBarcode, ProductBarcode.product_id == Product.id)
    .where(ProductBarcode.code == bindparam("code"))
)
_by_plu = select(*_cols, _primary).where(Product.plu == bindparam("plu"))
_by_id = select(*_cols, _primary).where(Product.id.in_(bindparam("ids", expanding=True)))


def _info(row: Sequence[Any]) -> ProductInfo:
    # a Row of _cols and the primary barcode: more columns than select()'s typed overloads
    return ProductInfo(
        id=row[0],
        name_ko=row[1],
        name_en=row[2] or "",
        unit=Unit(row[3]),
        price=row[4],
        tax_class=TaxClass(row[5]),
        plu=row[6],
        region_id=row[7],
        active=bool(row[8]),
        barcode=row[9],
    )


def product_by_barcode(
    uow: UnitOfWork, code: str, *, on: dt.date | None = None
) -> ProductInfo | None:
    """The product of a barcode, with the tax class in force on business day ``on`` (today)."""
    row = uow.conn.execute(_by_barcode, {"code": code, "today": on or calendar.today()}).first()
    return _info(row) if row else None


def product_by_plu(uow: UnitOfWork, plu: str, *, on: dt.date | None = None) -> ProductInfo | None:
    row = uow.conn.execute(_by_plu, {"plu": plu, "today": on or calendar.today()}).first()
    return _info(row) if row else None


def products_by_id(
    uow: UnitOfWork, ids: Sequence[int], *, on: dt.date | None = None
) -> dict[int, ProductInfo]:
    if not ids:
        return {}
    params = {"ids": list(set(ids)), "today": on or calendar.today()}
    return {r[0]: _info(r) for r in uow.conn.execute(_by_id, params)}


# the latest markdown of the lot the till sells next: the first-expiring floor lot with stock
# (the order of posapp.inventory.ledger.take_fefo); one indexed lookup (ix_lots_fefo)
_lm = aliased(LotMarkdown)
_next_lot_markdown = (
    select(
        select(_lm.price)
        .where(_lm.lot_id == Lot.id)
        .order_by(_lm.id.desc())
        .limit(1)
        .correlate(Lot)
        .scalar_subquery()
    )
    .where(Lot.product_id == bindparam("pid"), Lot.qty_on_hand > 0, Lot.location == "floor")
    .order_by(Lot.expiry_date.is_(None), Lot.expiry_date, Lot.id)
    .limit(1)
)


_next_lot_expiry = (
    select(Lot.expiry_date)
    .where(Lot.product_id == bindparam("pid"), Lot.qty_on_hand > 0, Lot.location == "floor")
    .order_by(Lot.expiry_date.is_(None), Lot.expiry_date, Lot.id)
    .limit(1)
)


def next_lot_expiry(uow: UnitOfWork, product_id: int) -> dt.date | None:
    """The expiry date of the lot the till sells next (first-expiring floor lot with stock,
    the order of posapp.inventory.ledger.take_fefo), or None (no lot, or none dated)."""
    value = uow.conn.execute(_next_lot_expiry, {"pid": product_id}).scalar()
    return value if isinstance(value, dt.date) else None


def markdown_price(uow: UnitOfWork, product_id: int) -> int | None:
    """The marked-down price of the lot the till sells next, or None when it is not marked
    down (a lot's markdown ends when it is sold out: the next lot is then the first)."""
    price = uow.conn.execute(_next_lot_markdown, {"pid": product_id}).scalar()
    return int(price) if price is not None else None


def marked_down(uow: UnitOfWork, line: CartLine) -> CartLine:
    """``line`` at the markdown price of the lot the till sells next, if that is lower, with the
    shelf price it came down from (``shelf_price``: what the ticket and receipt show beside it)."""
    if line.fixed_amount is not None:
        return line  # a price-embedded label keeps the amount printed on it
    price = markdown_price(uow, line.product_id)
    if price is None or price >= line.unit_price:
        return line
    return replace(line, unit_price=price, shelf_price=line.unit_price)


@dataclass(frozen=True, slots=True)
class ScanResult:
    product: ProductInfo
    line: CartLine
    code: str


def scan(
    uow: UnitOfWork,
    text: str,
    layouts: Sequence[ScaleLayout] = DEFAULT_SCALE_LAYOUTS,
    *,
    on: dt.date | None = None,
) -> ScanResult:
    """Turn a scanned or typed code into a ticket line, or raise with a clear reason.

    Accepts EAN-13/EAN-8/UPC-A, price- or weight-embedded scale labels (prefixes 20–29, the
    item code is the product's PLU) and bare PLU codes typed at the till. When the lot the till
    sells next is marked down, the line carries the markdown price (a price-embedded label
    keeps the amount printed on it). The line carries the tax class in force on business day
    ``on`` (today), scheduled changes included (:mod:`posapp.inventory.tax_classes`).
    """
    raw = (text or "").strip()
    if raw.isdigit() and len(raw) <= 6:
        product = product_by_plu(uow, raw.zfill(5), on=on) or product_by_plu(uow, raw, on=on)
        if product is None:
            raise CatalogError(
                f"no product with PLU {raw}", code=CatalogErrorCode.UNKNOWN_PLU, plu=raw
            )
        _check_active(product)
        if product.unit.is_weighed:
            _weighed_needs_qty(product)
        return ScanResult(product, marked_down(uow, product.line()), raw)
    parsed = parse_barcode(raw, layouts)
    if isinstance(parsed, Gtin):
        product = product_by_barcode(uow, parsed.code, on=on)
        if product is None and parsed.kind == "upca":
            product = product_by_barcode(uow, parsed.code[1:], on=on)
        if product is None:
            raise CatalogError(
                f"barcode {parsed.code} is not in the catalogue",
                code=CatalogErrorCode.UNKNOWN_BARCODE,
                barcode=parsed.code,
            )
        _check_active(product)
        line = marked_down(uow, product.line(barcode=parsed.code))
        return ScanResult(product, line, parsed.code)
    return _scale_line(uow, parsed, on)


def _weighed_needs_qty(product: ProductInfo) -> None:
    raise CatalogError(
        f"{product.name_ko} is sold by weight: weigh it or type the grams",
        code=CatalogErrorCode.NEEDS_WEIGHT,
        name=product.name_ko,
        product_id=product.id,
    )


def _check_active(product: ProductInfo) -> None:
    if not product.active:
        raise CatalogError(
            f"{product.name_ko} is withdrawn from sale",
            code=CatalogErrorCode.INACTIVE,
            name=product.name_ko,
            product_id=product.id,
        )


def _scale_line(uow: UnitOfWork, code: ScaleCode, on: dt.date | None = None) -> ScanResult:
    product = product_by_plu(uow, code.item_code, on=on)
    if product is None:
        raise CatalogError(
            f"scale label {code.code}: no product with item code {code.item_code}",
            code=CatalogErrorCode.UNKNOWN_PLU,
            barcode=code.code,
        )
    _check_active(product)
    unit = product.unit
    if code.weight_g is not None:
        if code.weight_g <= 0:
            raise CatalogError(
                f"scale label {code.code} carries a weight of 0 g",
                code=CatalogErrorCode.ZERO_WEIGHT,
                barcode=code.code,
            )
        qty = code.weight_g if unit.is_weighed else 1
        line = marked_down(uow, product.line(qty, barcode=code.code))
        return ScanResult(product, line, code.code)
    price = code.price or 0
    if unit.is_weighed and product.price > 0:
        qty = max(1, round_half_up_div(price * unit.price_per, product.price))
    else:
        qty = 1
    base = product.line(qty, barcode=code.code)
    line = CartLine(
        product_id=base.product_id,
        name=base.name,
        tax_class=base.tax_class,
        unit=base.unit,
        qty=qty,
        unit_price=base.unit_price,
        barcode=code.code,
        fixed_amount=price,
    )
    return ScanResult(product, line, code.code)


def load_search_index(uow: UnitOfWork) -> SearchIndex:
    """All active products with their barcodes and PLU, as a Hangul/초성 search index."""
    return SearchIndex(_search_entries(uow, None))


def _search_entries(uow: UnitOfWork, ids: Sequence[int] | None) -> list[SearchEntry]:
    """The search entries of the active products (of ``ids`` only, when given)."""
    qc = select(ProductBarcode.product_id, ProductBarcode.code)
    qp = select(Product.id, Product.name_ko, Product.name_en, Product.plu).where(Product.active)
    if ids is not None:
        qc = qc.where(ProductBarcode.product_id.in_(list(ids)))
        qp = qp.where(Product.id.in_(list(ids)))
    codes: dict[int, list[str]] = {}
    for pid, code in uow.conn.execute(qc):
        codes.setdefault(pid, []).append(code)
    entries = []
    for pid, name_ko, name_en, plu in uow.conn.execute(qp):
        c = codes.get(pid, [])
        if plu:
            c = [*c, plu]
        entries.append(SearchEntry(pid, name_ko, name_en or "", tuple(c)))
    return entries


@dataclass(frozen=True, slots=True)
class CatalogChanges:
    """Products changed since the last poll (price, names, codes, withdrawn or back, new),
    with the search entries of those still on sale and where to ask from next time: ``mark``
    (the latest change seen) and ``seen`` (the products changed at exactly that moment, which
    the next poll does not report again)."""

    products: tuple[ProductInfo, ...]
    entries: tuple[SearchEntry, ...]
    mark: dt.datetime | None
    seen: frozenset[int] = frozenset()


def changed_since(
    uow: UnitOfWork, mark: dt.datetime | None, seen: frozenset[int] = frozenset()
) -> CatalogChanges:
    """What changed after ``mark`` (the last change seen: the database's times, not the till's
    clock, so another register's clock does not matter), and at ``mark`` itself all but the
    products ``seen`` then (two changes of the same moment, one committed after the last poll);
    ``None``: nothing, only the mark to start from. Nothing changed: nothing reported (the till
    rebuilds neither its index nor its quick keys)."""
    latest = uow.conn.execute(select(func.max(Product.updated_at))).scalar()
    at_latest = frozenset(
        uow.conn.execute(select(Product.id).where(Product.updated_at == latest)).scalars()
        if latest is not None
        else ()
    )
    if mark is None or latest is None:
        return CatalogChanges((), (), latest, at_latest)
    ids = [
        pid
        for pid, at in uow.conn.execute(
            select(Product.id, Product.updated_at).where(Product.updated_at >= mark)
        )
        if at != mark or pid not in seen
    ]
    if not ids:
        return CatalogChanges((), (), latest, at_latest)
    found = products_by_id(uow, ids)
    products = tuple(found[i] for i in sorted(found))
    return CatalogChanges(products, tuple(_search_entries(uow, ids)), latest, at_latest)


@dataclass(frozen=True)
class Promotion:
    """A region's promotion as the customer display shows it."""

    region: str
    title: str
    lines: tuple[str, ...]


def quick_keys(uow: UnitOfWork) -> dict[str, list[ProductInfo]]:
    """Unbarcoded and weighed produce with a PLU, on sale, grouped by region (a page each)."""
    rows = uow.conn.execute(
        select(Product.id, Region.name)
        .join(Region, Region.id == Product.region_id, isouter=True)
        .where(Product.plu.is_not(None), Product.active)
        .order_by(Region.name, Product.name_ko)
    ).all()
    products = products_by_id(uow, [r[0] for r in rows])
    groups: dict[str, list[ProductInfo]] = {}
    for pid, region in rows:
        groups.setdefault(region or "기타", []).append(products[pid])
    return groups


def promotions(uow: UnitOfWork) -> list[Promotion]:
    """The active regions' promotions (festival, tourism, season) for the customer display."""
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


def current_line(uow: UnitOfWork, product: ProductInfo, qty: int | None) -> CartLine:
    """A ticket line for ``product`` as the catalogue has it now (a quick key or a search
    result may hold a price or an active flag read minutes ago): withdrawn is refused, the
    price is today's, a marked-down lot's price applies."""
    now = products_by_id(uow, [product.id]).get(product.id)
    if now is None:
        raise CatalogError(
            f"{product.name_ko} is not in the catalogue",
            code=CatalogErrorCode.INACTIVE,
            name=product.name_ko,
            product_id=product.id,
        )
    _check_active(now)
    return marked_down(uow, now.line(qty))


def search(uow: UnitOfWork, index: SearchIndex, query: str, limit: int = 50) -> list[ProductInfo]:
    ids = index.search(query, limit)
    found = products_by_id(uow, ids)
    return [found[i] for i in ids if i in found]


def region_promo(uow: UnitOfWork, region_ids: Sequence[int]) -> tuple[str, str] | None:
    """(region name, promotion line) of the first region given that has one."""
    for rid in region_ids:
        row = uow.conn.execute(select(Region.name, Region.promo).where(Region.id == rid)).first()
        if row and row[1]:
            return row[0], row[1]
    return None


def stock_on_hand(uow: UnitOfWork, product_id: int) -> int:
    return int(
        uow.conn.execute(
            select(StockLevel.on_hand).where(StockLevel.product_id == product_id)
        ).scalar_one_or_none()
        or 0
    )
