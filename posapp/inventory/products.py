"""Products: the manager's product list and product edit, and the one writer of product
changes.

Owns the queries behind the inventory product list (filtered, counted and read a page at a time
so 100k products scroll smoothly), a product's detail with its price history, and
:func:`write_products` — the one place product rows change after they were created: the edit
screen, the CSV import (posapp.inventory.csv_io) and the online platform (posapp.sync.online)
all go through it, so every change has its audit event and every new price its price history
row (a new price applies to new tickets only). Barcodes are checked by posapp.domain.barcodes.
Regions and producers: posapp.inventory.partners.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, bindparam, delete, exists, func, insert, or_, select, update

from posapp import audit as audit_log
from posapp.db.engine import Record, UnitOfWork
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
from posapp.domain import calendar
from posapp.domain.barcodes import validate_product_barcode
from posapp.domain.errors import BarcodeError
from posapp.domain.tax import TaxClass
from posapp.inventory import catalog
from posapp.inventory.error_codes import InventoryErrorCode
from posapp.inventory.stock import InventoryError

UNITS = ("ea", "kg", "100g")


class PriceSource(StrEnum):
    """Where a product change came from (the price history's ``source``)."""

    MANUAL = "manual"  # the edit screen
    IMPORT = "import"  # a product CSV
    PLATFORM = "platform"  # the online platform's catalogue changes


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
    return int(uow.conn.execute(_filtered(q, f, calendar.today())).scalar_one())


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
    rows = uow.conn.execute(_filtered(q, f, calendar.today()))
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
        raise InventoryError(f"no product {product_id}", code=InventoryErrorCode.UNKNOWN_PRODUCT)
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
        **r._asdict(),  # the columns are named as the fields
        barcodes=codes,
        on_hand=catalog.stock_on_hand(uow, product_id),
        prices=prices,
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
    written by :func:`write_products` (audit log, price history)."""
    before = get_product(uow, product_id)
    conn = uow.conn
    values: dict[str, Any] = {}
    if edit.name_ko is not None:
        if not edit.name_ko.strip():
            raise InventoryError("a product needs a Korean name", code=InventoryErrorCode.NAME)
        values["name_ko"] = edit.name_ko.strip()
    if edit.name_en is not None:
        values["name_en"] = edit.name_en.strip()
    if edit.unit is not None:
        if edit.unit not in UNITS:
            raise InventoryError(f"unit must be one of {UNITS}", code=InventoryErrorCode.UNIT)
        values["unit"] = edit.unit
    if edit.tax_class is not None:
        try:
            values["tax_class"] = TaxClass(edit.tax_class).value
        except ValueError:
            raise InventoryError(
                "tax class is taxable or exempt", code=InventoryErrorCode.TAX
            ) from None
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
            raise InventoryError("the reorder point is 0 or more", code=InventoryErrorCode.REORDER)
        values["reorder_point"] = edit.reorder_point
    if edit.clear_shelf_life:
        values["shelf_life_days"] = None
    elif edit.shelf_life_days is not None:
        if not isinstance(edit.shelf_life_days, int) or not 1 <= edit.shelf_life_days <= 3650:
            raise InventoryError("shelf life is 1–3650 days", code=InventoryErrorCode.SHELF_LIFE)
        values["shelf_life_days"] = edit.shelf_life_days
    if edit.active is not None:
        values["active"] = edit.active
    codes = _check_barcodes(uow, product_id, edit.barcodes) if edit.barcodes is not None else None
    if edit.price is not None:
        _check_price(edit.price)
        values["price"] = edit.price
    now = utcnow()
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
        values["barcodes"] = codes
    old = {f.name: getattr(before, f.name) for f in fields(ProductDetail)}
    change = ProductChange.of(product_id, old, values)
    write_products(uow, [change] if change.after else [], user_id=user_id, at=now)
    return get_product(uow, product_id)


# --- the one writer of product changes -------------------------------------------------------

#: product columns a change may set (the rest: id and timestamps, kept by the writer)
PRODUCT_COLUMNS = frozenset(Product.__table__.c.keys()) - {"id", "created_at", "updated_at"}
#: the audit action of a product change, by where it came from
AUDIT_ACTIONS = {
    PriceSource.MANUAL: "product.edit",
    PriceSource.IMPORT: "product.import",
    PriceSource.PLATFORM: "product.platform",
}


@dataclass(frozen=True, slots=True)
class ProductChange:
    """One product's change: the fields as they were (``before``) and as they become
    (``after``), only those that change. Fields that are not product columns (``barcodes``,
    written by the edit) are recorded in the audit event only."""

    product_id: int
    before: Mapping[str, Any]
    after: Mapping[str, Any]

    @classmethod
    def of(cls, product_id: int, old: Record, new: Mapping[str, Any]) -> ProductChange:
        """The change from ``old`` to ``new`` (keys of ``new`` whose value differs)."""
        changed = [k for k, v in new.items() if old[k] != v]
        return cls(product_id, {k: old[k] for k in changed}, {k: new[k] for k in changed})


def cols_of(change: ProductChange) -> set[str]:
    """The product columns ``change`` sets."""
    return {k for k in change.after if k in PRODUCT_COLUMNS}


def _check_price(price: int) -> None:
    if not isinstance(price, int) or isinstance(price, bool) or price < 0:
        raise InventoryError("a price is whole won, 0 or more", code=InventoryErrorCode.PRICE)


def write_products(
    uow: UnitOfWork,
    changes: Sequence[ProductChange],
    *,
    user_id: int | None,
    source: str = PriceSource.MANUAL,
    register_id: str | None = None,
    at: dt.datetime | None = None,
) -> None:
    """The one writer of product changes — the edit screen (``manual``), the CSV import
    (``import``) and the platform (``platform``): sets the changed columns, writes a price
    history row for each new price (tills follow it within a minute, open tickets too:
    posapp.usecases.catalog_watch) and one audit event per
    product with the fields before and after and the user who changed them."""
    if not changes:
        return
    conn = uow.conn
    now = at or utcnow()
    t = Product.__table__
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for c in changes:
        cols = {k: v for k, v in c.after.items() if k in PRODUCT_COLUMNS}
        if cols:
            groups.setdefault(tuple(sorted(cols)), []).append({"pid": c.product_id, **cols})
    for keys, rows in groups.items():  # one executemany per set of changed columns
        stmt = update(t).where(t.c.id == bindparam("pid"))
        conn.execute(stmt.values({**{k: bindparam(k) for k in keys}, "updated_at": now}), rows)
    # a change of barcodes only: the product's time moves too, so the tills see it
    touched = [{"pid": c.product_id} for c in changes if c.after and not cols_of(c)]
    if touched:
        conn.execute(update(t).where(t.c.id == bindparam("pid")).values(updated_at=now), touched)
    prices = [
        {
            "product_id": c.product_id,
            "old_price": c.before.get("price"),
            "new_price": c.after["price"],
            "changed_at": now,
            "user_id": user_id,
            "source": str(source),
        }
        for c in changes
        if "price" in c.after
    ]
    if prices:
        conn.execute(insert(PriceChange.__table__), prices)
    action = AUDIT_ACTIONS[PriceSource(source)]
    for c in changes:
        audit_log.record(
            conn,
            action,
            user_id,
            register_id,
            f"product:{c.product_id}",
            {k: _jsonable(v) for k, v in c.before.items()},
            {k: _jsonable(v) for k, v in c.after.items()},
            now,
        )


def set_price(
    uow: UnitOfWork,
    product_id: int,
    price: int,
    *,
    user_id: int | None,
    source: str = PriceSource.MANUAL,
) -> None:
    """Change a shelf price through :func:`write_products` (the tills follow it, open tickets
    too); the same price again writes nothing."""
    _check_price(price)
    old = uow.conn.execute(
        select(Product.price).where(Product.id == product_id)
    ).scalar_one_or_none()
    if old is None:
        raise InventoryError(f"no product {product_id}", code=InventoryErrorCode.UNKNOWN_PRODUCT)
    if old != price:
        change = ProductChange(product_id, {"price": old}, {"price": price})
        write_products(uow, [change], user_id=user_id, source=source)


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
                code=InventoryErrorCode.BARCODE,
                barcode=raw,
                reason=getattr(exc, "code", ""),
            ) from exc
        if code in out:
            raise InventoryError(
                f"barcode {code} is listed twice", code=InventoryErrorCode.BARCODE_DUP
            )
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
                code=InventoryErrorCode.BARCODE_TAKEN,
                barcode=taken[0],
                name=taken[1],
            )
    return tuple(out)
