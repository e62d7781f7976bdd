"""Partner regions (산지: contact person and the promotion texts printed on receipts and shown
on the customer display), producers and suppliers (contacts, purchase or consignment) and the
product categories: the lists behind the inventory filters and the 산지·생산자 tab, and their
edits (each recorded in the audit log); and the store's commission rules (per supplier and
category, with effective dates and yearly thresholds) with their CSV import.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import and_, delete, insert, or_, select, true, update

from posapp.db.engine import UnitOfWork, inserted_id
from posapp.db.models import Category, CommissionRule, Producer, Region, utcnow
from posapp.domain import calendar
from posapp.inventory.error_codes import (
    CommissionRuleErrorCode,
    ProducerErrorCode,
    RegionErrorCode,
)
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


# --- commission rules ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CommissionRuleInfo:
    """A commission rule (see posapp.reports.commission for how one is chosen)."""

    id: int
    producer_id: int | None
    producer: str  # "" for every supplier
    category_id: int | None
    category: str  # "" for every category
    effective_from: dt.date
    threshold: int
    rate_bp: int

    @property
    def rate_text(self) -> str:
        return f"{self.rate_bp / 100:g}"


def list_commission_rules(
    uow: UnitOfWork, *, producer_id: int | None = None
) -> list[CommissionRuleInfo]:
    """Every rule (or a supplier's own and the common ones), by supplier, category and date."""
    r = CommissionRule.__table__
    q = (
        select(
            r.c.id,
            r.c.producer_id,
            Producer.name,
            r.c.category_id,
            Category.name,
            r.c.effective_from,
            r.c.threshold,
            r.c.rate_bp,
        )
        .select_from(
            r.outerjoin(Producer, Producer.id == r.c.producer_id).outerjoin(
                Category, Category.id == r.c.category_id
            )
        )
        .order_by(  # the common rules first (NULLs sort apart on each backend)
            r.c.producer_id.is_not(None),
            Producer.name,
            r.c.category_id.is_not(None),
            Category.name,
            r.c.effective_from,
            r.c.threshold,
        )
    )
    if producer_id is not None:
        q = q.where(or_(r.c.producer_id == producer_id, r.c.producer_id.is_(None)))
    out = []
    for rid, pid, pname, cid, cname, day, threshold, bp in uow.conn.execute(q):
        d = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day)[:10])
        out.append(
            CommissionRuleInfo(
                int(rid), pid, pname or "", cid, cname or "", d, int(threshold), int(bp)
            )
        )
    return out


def parse_rate(text: str) -> int:
    """A percent as typed ("12", "12.5", "12%") → basis points (1,200, 1,250)."""
    t = str(text).strip().rstrip("%").strip()
    try:
        value = Decimal(t)
    except InvalidOperation:
        # the typed text stays out of the message: a Hangul message would be shown as it is
        raise InventoryError("not a rate", code=CommissionRuleErrorCode.RATE) from None
    bp = value * 100
    if bp != bp.to_integral_value() or not 0 <= bp <= 10_000:
        raise InventoryError("rate out of range", code=CommissionRuleErrorCode.RATE)
    return int(bp)


def save_commission_rule(
    uow: UnitOfWork,
    *,
    user_id: int | None,
    effective_from: dt.date,
    rate_bp: int,
    producer_id: int | None = None,
    category_id: int | None = None,
    threshold: int = 0,
    today: dt.date | None = None,
) -> CommissionRuleInfo:
    """Add a rule from ``effective_from`` (today or later: settled sales never change)."""
    today = today or calendar.today()
    if isinstance(rate_bp, bool) or not isinstance(rate_bp, int) or not 0 <= rate_bp <= 10_000:
        raise InventoryError("rate is 0–10,000 bp", code=CommissionRuleErrorCode.RATE)
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 0:
        raise InventoryError("threshold is 0 or more", code=CommissionRuleErrorCode.THRESHOLD)
    if effective_from < today:
        raise InventoryError(
            f"a rule cannot start in the past ({effective_from} < {today})",
            code=CommissionRuleErrorCode.PAST,
            day=effective_from.isoformat(),
            today=today.isoformat(),
        )
    conn = uow.conn
    if (
        producer_id is not None
        and conn.execute(select(Producer.id).where(Producer.id == producer_id)).scalar() is None
    ):
        raise InventoryError(f"no producer {producer_id}", code=ProducerErrorCode.UNKNOWN)
    if (
        category_id is not None
        and conn.execute(select(Category.id).where(Category.id == category_id)).scalar() is None
    ):
        raise InventoryError(
            f"no category {category_id}", code=CommissionRuleErrorCode.UNKNOWN, rule=category_id
        )
    values = dict(
        producer_id=producer_id,
        category_id=category_id,
        effective_from=effective_from,
        threshold=threshold,
        rate_bp=rate_bp,
        created_at=utcnow(),
        created_by=user_id,
    )
    rid = inserted_id(conn.execute(insert(CommissionRule.__table__).values(**values)))
    audit(
        uow,
        user_id,
        "commission_rule.save",
        f"commission_rule:{rid}",
        after={**values, "effective_from": effective_from.isoformat(), "created_at": None},
    )
    return next(r for r in list_commission_rules(uow) if r.id == rid)


def delete_commission_rule(
    uow: UnitOfWork, rule_id: int, *, user_id: int | None, today: dt.date | None = None
) -> None:
    """Remove a rule not yet in force (one in force stays: settled periods keep it)."""
    today = today or calendar.today()
    t = CommissionRule.__table__
    day = uow.conn.execute(select(t.c.effective_from).where(t.c.id == rule_id)).scalar()
    if day is None:
        raise InventoryError(
            f"no rule {rule_id}", code=CommissionRuleErrorCode.UNKNOWN, rule=rule_id
        )
    if (day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day)[:10])) <= today:
        raise InventoryError(f"rule {rule_id} is in force", code=CommissionRuleErrorCode.IN_FORCE)
    uow.conn.execute(delete(t).where(t.c.id == rule_id))
    audit(uow, user_id, "commission_rule.delete", f"commission_rule:{rule_id}")


#: the commission-rule CSV's columns (export: posapp.reports.commission.rules_report)
RULE_COLUMNS = ("공급자", "분류", "적용일", "기준액", "수수료율(%)")


def import_commission_rules(
    uow: UnitOfWork, data: bytes, *, user_id: int | None, today: dt.date | None = None
) -> list[CommissionRuleInfo]:
    """Add the rules of a CSV (UTF-8, BOM or not; the header row 공급자,분류,적용일,기준액,
    수수료율(%); an empty 공급자/분류 means every one), up to the first blank line — the
    report export's layout reads back. All or nothing: the first bad row stops the import with
    its line number."""
    import csv
    import io

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InventoryError(
            "not UTF-8", code=CommissionRuleErrorCode.CSV, line=1, problem="UTF-8이 아닙니다"
        ) from None
    rows = list(csv.reader(io.StringIO(text)))
    start = next((i for i, r in enumerate(rows) if r and r[0].strip() == RULE_COLUMNS[0]), None)
    if start is None:
        raise InventoryError(
            "no header", code=CommissionRuleErrorCode.CSV, line=1, problem="머리행이 없습니다"
        )
    producers = {p.name: p.id for p in list_producers(uow)}
    categories = {c.name: c.id for c in list_categories(uow)}
    made: list[CommissionRuleInfo] = []
    for n, row in enumerate(rows[start + 1 :], start=start + 2):
        if not any(cell.strip() for cell in row):
            break  # the table ends at its first blank line (an export's notes follow it)
        cells = [c.strip() for c in row] + [""] * 5

        def bad(problem: str, line: int = n) -> InventoryError:
            return InventoryError(
                f"commission rule CSV: line {line} refused", code=CommissionRuleErrorCode.CSV,
                line=line, problem=problem,
            )  # fmt: skip

        who, what, day, threshold, rate = cells[:5]
        if who and who not in producers:
            raise bad(f"없는 공급자 {who}")
        if what and what not in categories:
            raise bad(f"없는 분류 {what}")
        try:
            start_day = dt.date.fromisoformat(day)
        except ValueError:
            raise bad(f"날짜가 아닙니다: {day}") from None
        try:
            amount = int(threshold.replace(",", "") or 0)
        except ValueError:
            raise bad(f"기준액이 숫자가 아닙니다: {threshold}") from None
        try:
            made.append(
                save_commission_rule(
                    uow,
                    user_id=user_id,
                    effective_from=start_day,
                    rate_bp=parse_rate(rate),
                    producer_id=producers.get(who) if who else None,
                    category_id=categories.get(what) if what else None,
                    threshold=amount,
                    today=today,
                )
            )
        except InventoryError as e:
            raise bad(f"{e.code}: {e}") from None
    return made
