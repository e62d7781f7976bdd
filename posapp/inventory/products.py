"""The manager's product list and product edit; partner regions and producers.

Owns the queries behind the inventory product list (filtered, counted and read a page at a time
so 100k products scroll smoothly) and edits of products (barcodes checked by
posapp.domain.barcodes, price changes through the price history of
:func:`posapp.inventory.catalog.set_price` — a new price applies to new tickets only), regions
(promotion texts) and producers (contacts).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import Select, and_, delete, exists, func, insert, or_, select, update

from posapp.db.engine import UnitOfWork
from posapp.db.models import (
    Category,
    Lot,
    PriceChange,
    Producer,
    Product,
    ProductBarcode,
    Region,
    StockLevel,
    User,
    utcnow,
)
from posapp.domain.barcodes import validate_product_barcode
from posapp.domain.errors import BarcodeError
from posapp.domain.tax import TaxClass
from posapp.inventory import catalog
from posapp.inventory.stock import InventoryError, audit, seoul_today

UNITS = ("ea", "kg", "100g")


@dataclass(frozen=True, slots=True)
class ProductFilter:
    """What the product list shows. ``expiring_days``: a lot with stock expires within N days."""

    text: str = ""
    region_id: int | None = None
    producer_id: int | None = None
    category_id: int | None = None
    tax_class: str | None = None
    low_stock: bool = False
    expiring_days: int | None = None
    inactive: bool = False  # True: only withdrawn products; False: only active ones


@dataclass(frozen=True, slots=True)
class ProductRow:
    id: int
    name_ko: str
    barcode: str | None
    region: str
    producer: str
    category: str
    unit: str
    price: int
    tax_class: str
    on_hand: int
    reorder_point: int
    next_expiry: dt.date | None
    active: bool
    needs_count: bool


_next_expiry = (
    select(func.min(Lot.expiry_date))
    .where(Lot.product_id == Product.id, Lot.qty_on_hand > 0)
    .correlate(Product)
    .scalar_subquery()
)
_on_hand = func.coalesce(StockLevel.on_hand, 0)


def _filtered(q: Select[Any], f: ProductFilter, today: dt.date) -> Select[Any]:
    q = q.where(Product.active.is_(not f.inactive))
    if f.region_id is not None:
        q = q.where(Product.region_id == f.region_id)
    if f.producer_id is not None:
        q = q.where(Product.producer_id == f.producer_id)
    if f.category_id is not None:
        q = q.where(Product.category_id == f.category_id)
    if f.tax_class:
        q = q.where(Product.tax_class == f.tax_class)
    if f.low_stock:
        q = q.where(Product.reorder_point > 0, _on_hand <= Product.reorder_point)
    if f.expiring_days is not None:
        # driven by ix_lots_expiring (by expiry date; partial, lots with stock, on SQLite)
        q = q.where(
            Product.id.in_(
                select(Lot.product_id).where(
                    Lot.qty_on_hand > 0,
                    Lot.expiry_date <= today + dt.timedelta(days=f.expiring_days),
                )
            )
        )
    text = f.text.strip()
    if text:
        like = f"%{text}%"
        q = q.where(
            or_(
                Product.name_ko.like(like),
                Product.name_en.ilike(like),
                Product.plu == text,
                exists().where(
                    ProductBarcode.product_id == Product.id, ProductBarcode.code == text
                ),
            )
        )
    return q


def count_products(uow: UnitOfWork, f: ProductFilter) -> int:
    q = (
        select(func.count())
        .select_from(Product)
        .outerjoin(StockLevel, StockLevel.product_id == Product.id)
    )
    return int(uow.conn.execute(_filtered(q, f, seoul_today())).scalar_one())


def list_products(
    uow: UnitOfWork, f: ProductFilter, *, offset: int = 0, limit: int = 200
) -> list[ProductRow]:
    """One page of the list, ordered by id (stable for paging; the UI sorts what it shows)."""
    q = (
        select(
            Product.id,
            Product.name_ko,
            catalog.primary_barcode,
            Region.name,
            Producer.name,
            Category.name,
            Product.unit,
            Product.price,
            Product.tax_class,
            _on_hand,
            Product.reorder_point,
            _next_expiry,
            Product.active,
            func.coalesce(StockLevel.needs_count, False),
        )
        .outerjoin(StockLevel, StockLevel.product_id == Product.id)
        .outerjoin(Region, Region.id == Product.region_id)
        .outerjoin(Producer, Producer.id == Product.producer_id)
        .outerjoin(Category, Category.id == Product.category_id)
        .order_by(Product.id)
        .offset(offset)
        .limit(limit)
    )
    rows = uow.conn.execute(_filtered(q, f, seoul_today()))
    return [
        ProductRow(
            r[0],
            r[1],
            r[2],
            r[3] or "",
            r[4] or "",
            r[5] or "",
            r[6],
            r[7],
            r[8],
            int(r[9]),
            r[10],
            r[11],
            bool(r[12]),
            bool(r[13]),
        )
        for r in rows
    ]


# --- one product -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PriceHistoryRow:
    changed_at: dt.datetime
    old_price: int | None
    new_price: int
    user: str
    source: str


@dataclass(frozen=True, slots=True)
class ProductDetail:
    id: int
    name_ko: str
    name_en: str
    unit: str
    price: int
    tax_class: str
    region_id: int | None
    producer_id: int | None
    category_id: int | None
    plu: str | None
    reorder_point: int
    shelf_life_days: int | None
    active: bool
    barcodes: tuple[str, ...]  # primary first
    on_hand: int
    prices: tuple[PriceHistoryRow, ...] = field(default=())


def get_product(uow: UnitOfWork, product_id: int) -> ProductDetail:
    conn = uow.conn
    r = conn.execute(
        select(
            Product.id,
            Product.name_ko,
            Product.name_en,
            Product.unit,
            Product.price,
            Product.tax_class,
            Product.region_id,
            Product.producer_id,
            Product.category_id,
            Product.plu,
            Product.reorder_point,
            Product.shelf_life_days,
            Product.active,
        ).where(Product.id == product_id)
    ).first()
    if r is None:
        raise InventoryError(f"no product {product_id}", code="inventory.unknown_product")
    codes = tuple(
        conn.execute(
            select(ProductBarcode.code)
            .where(ProductBarcode.product_id == product_id)
            .order_by(ProductBarcode.is_primary.desc(), ProductBarcode.id)
        ).scalars()
    )
    prices = tuple(
        PriceHistoryRow(a, b, c, d or "", e)
        for a, b, c, d, e in conn.execute(
            select(
                PriceChange.changed_at,
                PriceChange.old_price,
                PriceChange.new_price,
                User.name,
                PriceChange.source,
            )
            .outerjoin(User, User.id == PriceChange.user_id)
            .where(PriceChange.product_id == product_id)
            .order_by(PriceChange.id.desc())
        )
    )
    return ProductDetail(
        *r, barcodes=codes, on_hand=catalog.stock_on_hand(conn, product_id), prices=prices
    )


@dataclass(frozen=True, slots=True)
class ProductEdit:
    """The fields a manager changes; ``None`` leaves a field as it is (``clear_shelf_life``
    removes the shelf life). ``barcodes`` replaces the list (the first is the primary)."""

    name_ko: str | None = None
    name_en: str | None = None
    unit: str | None = None
    price: int | None = None
    tax_class: str | None = None
    region_id: int | None = None
    producer_id: int | None = None
    category_id: int | None = None
    reorder_point: int | None = None
    shelf_life_days: int | None = None
    clear_shelf_life: bool = False
    active: bool | None = None
    barcodes: tuple[str, ...] | None = None


def update_product(
    uow: UnitOfWork, product_id: int, edit: ProductEdit, *, user_id: int
) -> ProductDetail:
    """Apply ``edit``; every change is checked first (nothing is written if one is wrong) and
    recorded in the audit log; a price change goes into the price history."""
    before = get_product(uow, product_id)
    conn = uow.conn
    values: dict[str, Any] = {}
    if edit.name_ko is not None:
        if not edit.name_ko.strip():
            raise InventoryError("a product needs a Korean name", code="inventory.name")
        values["name_ko"] = edit.name_ko.strip()
    if edit.name_en is not None:
        values["name_en"] = edit.name_en.strip()
    if edit.unit is not None:
        if edit.unit not in UNITS:
            raise InventoryError(f"unit must be one of {UNITS}", code="inventory.unit")
        values["unit"] = edit.unit
    if edit.tax_class is not None:
        try:
            values["tax_class"] = TaxClass(edit.tax_class).value
        except ValueError:
            raise InventoryError("tax class is taxable or exempt", code="inventory.tax") from None
    for name, model in (
        ("region_id", Region),
        ("producer_id", Producer),
        ("category_id", Category),
    ):
        value = getattr(edit, name)
        if value is not None:
            if conn.execute(select(model.id).where(model.id == value)).scalar() is None:
                raise InventoryError(f"no such {name[:-3]} {value}", code=f"inventory.{name}")
            values[name] = value
    if edit.reorder_point is not None:
        if not isinstance(edit.reorder_point, int) or edit.reorder_point < 0:
            raise InventoryError("the reorder point is 0 or more", code="inventory.reorder")
        values["reorder_point"] = edit.reorder_point
    if edit.clear_shelf_life:
        values["shelf_life_days"] = None
    elif edit.shelf_life_days is not None:
        if not isinstance(edit.shelf_life_days, int) or not 1 <= edit.shelf_life_days <= 3650:
            raise InventoryError("shelf life is 1–3650 days", code="inventory.shelf_life")
        values["shelf_life_days"] = edit.shelf_life_days
    if edit.active is not None:
        values["active"] = edit.active
    codes = _check_barcodes(uow, product_id, edit.barcodes) if edit.barcodes is not None else None
    if edit.price is not None and (not isinstance(edit.price, int) or edit.price < 0):
        raise InventoryError("a price is whole won, 0 or more", code="inventory.price")
    now = utcnow()
    if values:
        t = Product.__table__
        conn.execute(update(t).where(t.c.id == product_id).values(**values, updated_at=now))
    if codes is not None:
        bt = ProductBarcode.__table__
        conn.execute(delete(bt).where(bt.c.product_id == product_id))
        if codes:
            conn.execute(
                insert(bt),
                [
                    {"product_id": product_id, "code": c, "is_primary": i == 0}
                    for i, c in enumerate(codes)
                ],
            )
    if edit.price is not None:
        catalog.set_price(conn, product_id, edit.price, user_id=user_id)
    after = get_product(uow, product_id)
    changed = {
        f.name: (getattr(before, f.name), getattr(after, f.name))
        for f in fields(ProductDetail)
        if f.name not in ("prices", "on_hand") and getattr(before, f.name) != getattr(after, f.name)
    }
    if changed:
        audit(
            conn,
            user_id,
            "product.edit",
            f"product:{product_id}",
            before={k: _jsonable(v[0]) for k, v in changed.items()},
            after={k: _jsonable(v[1]) for k, v in changed.items()},
            at=now,
        )
    return after


def _jsonable(v: Any) -> Any:
    return list(v) if isinstance(v, tuple) else v


def _check_barcodes(uow: UnitOfWork, product_id: int, codes: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for raw in codes:
        try:
            code = validate_product_barcode(raw)
        except BarcodeError as exc:
            raise InventoryError(
                f"barcode {raw!r}: {exc}",
                code="inventory.barcode",
                barcode=raw,
                reason=getattr(exc, "code", ""),
            ) from exc
        if code in out:
            raise InventoryError(f"barcode {code} is listed twice", code="inventory.barcode_dup")
        out.append(code)
    if out:
        taken = uow.conn.execute(
            select(ProductBarcode.code, Product.name_ko)
            .join(Product, Product.id == ProductBarcode.product_id)
            .where(ProductBarcode.code.in_(out), ProductBarcode.product_id != product_id)
        ).first()
        if taken:
            raise InventoryError(
                f"barcode {taken[0]} already belongs to another product",
                code="inventory.barcode_taken",
                barcode=taken[0],
                name=taken[1],
            )
    return tuple(out)


# --- regions and producers -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RegionInfo:
    id: int
    code: str
    name: str
    province: str
    signature: str
    festival: str
    tourism: str
    season: str
    promo: str
    active: bool
    contact: str = ""
    phone: str = ""


_region_cols = (
    Region.id,
    Region.code,
    Region.name,
    Region.province,
    Region.signature,
    Region.festival,
    Region.tourism,
    Region.season,
    Region.promo,
    Region.active,
    Region.contact,
    Region.phone,
)


def list_regions(uow: UnitOfWork) -> list[RegionInfo]:
    return [RegionInfo(*r) for r in uow.conn.execute(select(*_region_cols).order_by(Region.name))]


@dataclass(frozen=True, slots=True)
class CategoryInfo:
    id: int
    name: str


def list_categories(uow: UnitOfWork) -> list[CategoryInfo]:
    return [
        CategoryInfo(*r)
        for r in uow.conn.execute(select(Category.id, Category.name).order_by(Category.name))
    ]


REGION_TEXTS = ("signature", "festival", "tourism", "season", "promo", "contact", "phone")


def _check_phone(phone: str, code: str) -> None:
    if phone and not all(c.isdigit() or c in "-+ ()" for c in phone):
        raise InventoryError(f"phone {phone!r} is not a phone number", code=code, phone=phone)


def update_region(uow: UnitOfWork, region_id: int, *, user_id: int, **texts: str) -> RegionInfo:
    """Change a region's promotion texts (signature, festival, tourism, season, promo — used
    on receipts and the customer display) and its contact person and phone."""
    unknown = set(texts) - set(REGION_TEXTS)
    if unknown:
        raise InventoryError(f"unknown region field {sorted(unknown)[0]}", code="region.field")
    _check_phone(texts.get("phone", "").strip(), "region.phone")
    conn = uow.conn
    if conn.execute(select(Region.id).where(Region.id == region_id)).scalar() is None:
        raise InventoryError(f"no region {region_id}", code="region.unknown")
    if texts:
        t = Region.__table__
        conn.execute(
            update(t).where(t.c.id == region_id).values(**{k: v.strip() for k, v in texts.items()})
        )
        audit(conn, user_id, "region.edit", f"region:{region_id}", after=texts)
    r = conn.execute(select(*_region_cols).where(Region.id == region_id)).one()
    return RegionInfo(*r)


@dataclass(frozen=True, slots=True)
class ProducerInfo:
    id: int
    name: str
    region_id: int | None
    region: str
    contact: str
    phone: str
    kind: str
    active: bool
    commission_rate: int | None = None  # percent, for consignment suppliers


def list_producers(uow: UnitOfWork, *, region_id: int | None = None) -> list[ProducerInfo]:
    q = (
        select(
            Producer.id,
            Producer.name,
            Producer.region_id,
            Region.name,
            Producer.contact,
            Producer.phone,
            Producer.kind,
            Producer.active,
            Producer.commission_rate,
        )
        .outerjoin(Region, Region.id == Producer.region_id)
        .order_by(Producer.name)
    )
    if region_id is not None:
        q = q.where(Producer.region_id == region_id)
    return [ProducerInfo(r[0], r[1], r[2], r[3] or "", *r[4:]) for r in uow.conn.execute(q)]


def save_producer(
    uow: UnitOfWork,
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
    """Create (no ``producer_id``) or update a producer / supplier with its contact;
    ``commission_rate`` (percent, consignment) is left as it is when not given."""
    name = name.strip()
    if not name:
        raise InventoryError("a producer needs a name", code="producer.name")
    if kind not in ("purchase", "consignment"):
        raise InventoryError("kind is purchase or consignment", code="producer.kind")
    if commission_rate is not None and (
        not isinstance(commission_rate, int)
        or isinstance(commission_rate, bool)
        or not 0 <= commission_rate <= 100
    ):
        raise InventoryError(
            "the commission rate is a whole percent from 0 to 100", code="producer.commission"
        )
    _check_phone(phone.strip(), "producer.phone")
    conn = uow.conn
    clash = conn.execute(
        select(Producer.id).where(
            Producer.name == name,
            and_(Producer.id != producer_id) if producer_id is not None else True,
        )
    ).scalar()
    if clash is not None:
        # the name stays out of the message: a Hangul message would be shown as it is
        raise InventoryError(
            f"a producer with this name exists (id {clash})",
            code="producer.duplicate",
            name=name,
        )
    values = dict(
        name=name,
        region_id=region_id,
        contact=contact.strip(),
        phone=phone.strip(),
        kind=kind,
        active=active,
    )
    if commission_rate is not None:  # None keeps the rate a producer already has
        values["commission_rate"] = commission_rate
    t = Producer.__table__
    if producer_id is None:
        producer_id = conn.execute(insert(t).values(**values)).inserted_primary_key[0]
    else:
        if conn.execute(select(t.c.id).where(t.c.id == producer_id)).scalar() is None:
            raise InventoryError(f"no producer {producer_id}", code="producer.unknown")
        conn.execute(update(t).where(t.c.id == producer_id).values(**values))
    audit(conn, user_id, "producer.save", f"producer:{producer_id}", after=values)
    return next(p for p in list_producers(uow) if p.id == producer_id)
