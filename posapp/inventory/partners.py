"""Partner regions (산지: contact person and the promotion texts printed on receipts and shown
on the customer display), producers and suppliers (contacts, purchase or consignment) and the
product categories: the lists behind the inventory filters and the 산지·생산자 tab, and their
edits (each recorded in the audit log).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, insert, select, true, update

from posapp.db.engine import UnitOfWork, inserted_id
from posapp.db.models import Category, Producer, Region
from posapp.inventory.error_codes import ProducerErrorCode, RegionErrorCode
from posapp.inventory.stock import InventoryError, audit

#: how the store trades with a supplier (부가가치세 treatment in posapp.reports.supplier_tax):
#: purchase 직매입 (bought at receiving), specific 특정매입 (sold as the store's own, paid after
#: the sale at the agreed rate), consignment 위탁 (the consignor's sale; the store earns a
#: commission)
SUPPLIER_MODELS = ("purchase", "specific", "consignment")


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
        raise InventoryError(
            f"unknown region field {sorted(unknown)[0]}", code=RegionErrorCode.FIELD
        )
    _check_phone(texts.get("phone", "").strip(), "region.phone")
    conn = uow.conn
    if conn.execute(select(Region.id).where(Region.id == region_id)).scalar() is None:
        raise InventoryError(f"no region {region_id}", code=RegionErrorCode.UNKNOWN)
    if texts:
        t = Region.__table__
        conn.execute(
            update(t).where(t.c.id == region_id).values(**{k: v.strip() for k, v in texts.items()})
        )
        audit(uow, user_id, "region.edit", f"region:{region_id}", after=texts)
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
        raise InventoryError("a producer needs a name", code=ProducerErrorCode.NAME)
    if kind not in SUPPLIER_MODELS:
        raise InventoryError(
            "kind is purchase, specific or consignment", code=ProducerErrorCode.KIND
        )
    if commission_rate is not None and (
        not isinstance(commission_rate, int)
        or isinstance(commission_rate, bool)
        or not 0 <= commission_rate <= 100
    ):
        raise InventoryError(
            "the commission rate is a whole percent from 0 to 100",
            code=ProducerErrorCode.COMMISSION,
        )
    _check_phone(phone.strip(), "producer.phone")
    conn = uow.conn
    clash = conn.execute(
        select(Producer.id).where(
            Producer.name == name,
            and_(Producer.id != producer_id) if producer_id is not None else true(),
        )
    ).scalar()
    if clash is not None:
        # the name stays out of the message: a Hangul message would be shown as it is
        raise InventoryError(
            f"a producer with this name exists (id {clash})",
            code=ProducerErrorCode.DUPLICATE,
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
        producer_id = inserted_id(conn.execute(insert(t).values(**values)))
    else:
        if conn.execute(select(t.c.id).where(t.c.id == producer_id)).scalar() is None:
            raise InventoryError(f"no producer {producer_id}", code=ProducerErrorCode.UNKNOWN)
        conn.execute(update(t).where(t.c.id == producer_id).values(**values))
    audit(uow, user_id, "producer.save", f"producer:{producer_id}", after=values)
    return next(p for p in list_producers(uow) if p.id == producer_id)
