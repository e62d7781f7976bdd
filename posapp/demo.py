"""Demo data: partner regions, producers, ~330 products, lots, one user per role, a register,
and a few days of realistic sales history made through the real sale engine.

Owns only the loading; the data files are in resources/demo (the package posapp.resources; see
its README). Seeded, so
two loads of the same day give the same database. PINs are listed in README.md.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import random
import uuid
from dataclasses import dataclass
from functools import partial
from importlib import resources

from sqlalchemy import func, insert, select

from posapp.auth.service import Role, create_user
from posapp.db.engine import Database, UnitOfWork
from posapp.db.models import Category, Producer, Product, Region
from posapp.domain import calendar
from posapp.domain.cart import Discount, Unit
from posapp.domain.errors import DomainError
from posapp.inventory import csv_io, ledger
from posapp.inventory.catalog import products_by_id
from posapp.sales import completion, register_report, shifts
from posapp.sales.refunds import refund
from posapp.sales.tenders import CashReceiptRequest, Method, Tender, VoucherKind
from posapp.sales.ticket import Ticket

log = logging.getLogger(__name__)

DEMO_USERS = (
    ("김하늘", Role.CASHIER, "1111"),
    ("박지민", Role.MANAGER, "2222"),
    ("이서연", Role.CLASS_STAFF, "3333"),
    ("관리자", Role.ADMIN, "9999"),
)
DEMO_REGISTER = "R01"


def _read(name: str) -> bytes:
    return (resources.files("posapp.resources") / "demo" / name).read_bytes()


@dataclass
class DemoResult:
    regions: int
    products: int
    lots: int
    sales: int
    refunds: int
    loaded: bool = True


def has_data(db: Database) -> bool:
    return db.read(lambda uow: uow.session.scalar(select(func.count(Product.id))) or 0) > 0


def load_demo(
    db: Database,
    *,
    days: int = 3,
    sales_per_day: int = 80,
    today: dt.date | None = None,
    seed: int = 20261123,
) -> DemoResult:
    """Load everything into an empty database; does nothing if products already exist."""
    if has_data(db):
        return DemoResult(0, 0, 0, 0, 0, loaded=False)
    rng = random.Random(seed)
    today = today or calendar.today()
    db.transact(_load_catalogue)
    users = db.transact(_load_users)
    start = today - dt.timedelta(days=days)
    lots = db.transact(lambda uow: _load_lots(uow, rng, start - dt.timedelta(days=4)))
    sales = refunds = 0
    for d in range(days):
        s, r = _sell_day(db, rng, start + dt.timedelta(days=d), users, sales_per_day)
        sales += s
        refunds += r
    db.transact(lambda uow: _load_classes(uow, today))
    n_regions = db.read(lambda uow: uow.session.scalar(select(func.count(Region.id))) or 0)
    n_products = db.read(lambda uow: uow.session.scalar(select(func.count(Product.id))) or 0)
    log.info("demo data loaded: %d products, %d sales", n_products, sales)
    return DemoResult(n_regions, n_products, lots, sales, refunds)


def _load_catalogue(uow: UnitOfWork) -> None:
    conn = uow.conn
    regions = json.loads(_read("regions.json"))
    conn.execute(
        insert(Region.__table__),
        [
            {
                "code": r["code"],
                "name": r["name"],
                "name_en": r.get("name_en", ""),
                "province": r.get("province", ""),
                "signature": r.get("signature", ""),
                "festival": r.get("festival", ""),
                "tourism": r.get("tourism", ""),
                "season": r.get("season", ""),
                "promo": r.get("promo", ""),
                "active": True,
            }
            for r in regions
        ],
    )
    region_ids = dict(conn.execute(select(Region.name, Region.id)).all())
    categories = json.loads(_read("categories.json"))
    conn.execute(
        insert(Category.__table__),
        [{"name": c["name"], "name_en": c.get("name_en", "")} for c in categories],
    )
    producers = json.loads(_read("producers.json"))
    conn.execute(
        insert(Producer.__table__),
        [
            {
                "name": p["name"],
                "region_id": region_ids.get(p.get("region")),
                "contact": p.get("contact", ""),
                "phone": p.get("phone", ""),
                "kind": p.get("kind", "purchase"),
                "commission_rate": p.get("commission_rate"),
                "active": True,
            }
            for p in producers
        ],
    )
    csv_io.import_products(uow, _read("products.csv"))
    shifts.ensure_register(uow, DEMO_REGISTER, "1번 계산대")


def _load_users(uow: UnitOfWork) -> dict[Role, int]:
    return {role: create_user(uow, name, role, pin).id for name, role, pin in DEMO_USERS}


def _load_lots(uow: UnitOfWork, rng: random.Random, received: dt.date) -> int:
    """1–3 lots per product, received that morning: one posting (and journal entry) for each
    delivery, the k-th lot of every product in the k-th."""
    conn = uow.conn
    rows = conn.execute(select(Product.id, Product.unit, Product.shelf_life_days)).all()
    at = calendar.local_instant(received, dt.time(8, 30))
    deliveries: dict[int, list[ledger.MovementRow]] = {}
    for pid, unit, shelf in rows:
        weighed = Unit(unit).is_weighed
        for k in range(rng.choice((1, 1, 2, 2, 3))):
            qty = rng.randrange(4_000, 25_000, 500) if weighed else rng.randint(8, 40)
            life = shelf or 365
            expiry = received + dt.timedelta(days=max(1, life - k * max(1, life // 4)))
            lot_id = ledger.new_lot(
                uow,
                pid,
                qty,
                expiry_date=expiry,
                unit_cost=None,
                lot_code=f"L{received:%y%m%d}-{pid:04d}-{k + 1}",
                received_at=at + dt.timedelta(minutes=k),
            )
            deliveries.setdefault(k, []).append(ledger.MovementRow(pid, lot_id, qty))
    for k, moves in sorted(deliveries.items()):
        ledger.post(
            uow,
            moves,
            kind=ledger.MovementKind.RECEIPT,
            doc_type="receipt",
            doc_uuid=str(uuid.uuid4()),
            at=at + dt.timedelta(minutes=k),
        )
    return sum(len(m) for m in deliveries.values())


_HOURS = (10, 11, 11, 12, 12, 12, 13, 13, 14, 15, 16, 17, 17, 18, 18, 18, 19, 19)


def _sell_day(
    db: Database, rng: random.Random, day: dt.date, users: dict[Role, int], n: int
) -> tuple[int, int]:
    cashier, manager = users[Role.CASHIER], users[Role.MANAGER]
    opened = calendar.local_instant(day, dt.time(9, 50))
    float_counts: dict[int | str, int] = {10_000: 10, 5_000: 10, 1_000: 40, 500: 40, 100: 50}
    shift = db.transact(
        lambda uow: shifts.open_shift(uow, DEMO_REGISTER, cashier, float_counts, now=opened)
    )
    product_rows = db.read(
        lambda uow: uow.conn.execute(select(Product.id).where(Product.active)).scalars().all()
    )
    products = db.read(lambda uow: products_by_id(uow, product_rows))
    ids = sorted(products)
    times = sorted(
        calendar.local_instant(
            day, dt.time(rng.choice(_HOURS), rng.randrange(60), rng.randrange(60))
        )
        + dt.timedelta(microseconds=i)
        for i in range(n)
    )
    receipts: list[str] = []
    for at in times:
        ticket = Ticket()
        for pid in rng.sample(ids, rng.choice((1, 1, 2, 2, 3, 3, 4, 5, 6))):
            p = products[pid]
            if p.unit.is_weighed:
                grams = (
                    rng.randrange(200, 1500, 10)
                    if p.unit is Unit.G100
                    else rng.randrange(500, 3000, 50)
                )
                ticket.add(p.line(grams))
            else:
                ticket.add(p.line(rng.choice((1, 1, 1, 2, 3))))
        if rng.random() < 0.06:
            ticket.set_discount(Discount.percent(rng.choice((5, 10))))
        total = ticket.priced().total
        tenders, receipt = _tenders(rng, total)
        try:
            done = db.transact(
                partial(
                    completion.complete_sale,
                    ticket=ticket,
                    tenders=tenders,
                    register_id=DEMO_REGISTER,
                    user_id=cashier,
                    cash_receipt=receipt,
                    discount_limit_percent=10,
                    now=at,
                    final=True,
                )
            )
        except DomainError as exc:  # pragma: no cover - demo data is generated valid
            log.warning("demo sale skipped: %s", exc)
            continue
        receipts.append(done.receipt_no)
    refunds = 0
    for receipt_no in rng.sample(receipts, min(2, len(receipts))):
        at = times[-1] + dt.timedelta(minutes=5 + refunds)
        db.transact(
            partial(
                refund,
                receipt_no=receipt_no,
                register_id=DEMO_REGISTER,
                user_id=cashier,
                approved_by=manager,
                lines={1: 1} if rng.random() < 0.5 else None,
                reason="고객 변심",
                now=at,
            )
        )
        refunds += 1
    closed = calendar.local_instant(day, dt.time(20, 30))

    def close(uow: UnitOfWork) -> None:
        x = register_report.x_report(uow, shift.id, now=closed)
        counts = _count_for(x.expected_cash, rng)
        shifts.close_shift(uow, shift.id, cashier, counts, now=closed)

    db.transact(close)
    return len(receipts), refunds


def _tenders(rng: random.Random, total: int) -> tuple[list[Tender], CashReceiptRequest | None]:
    roll = rng.random()
    approved = f"{rng.randrange(10**7, 10**8)}"
    card = f"{rng.choice(('5365', '9410', '4518', '3560'))}-{rng.randrange(10, 99)}**-****-" + (
        f"{rng.randrange(10**3, 10**4)}"
    )
    if roll < 0.72:
        return [Tender(Method.CARD, total, approval_no=approved, card_masked=card)], None
    if roll < 0.80 and total > 10_000:
        voucher = min(total, 10_000 * rng.randint(1, max(1, total // 10_000)))
        rest = total - voucher
        tenders = [Tender(Method.VOUCHER, voucher, voucher_kind=VoucherKind.ONNURI)]
        if rest:
            tenders.append(Tender(Method.CARD, rest, approval_no=approved, card_masked=card))
        return tenders, None
    if roll < 0.85 and total > 20_000:
        cash = (total // 2) // 1000 * 1000
        return [
            Tender.cash(cash),
            Tender(Method.CARD, total - cash, approval_no=approved, card_masked=card),
        ], None
    r = rng.random()
    step = 1 if r < 0.3 else 1_000 if r < 0.7 else 10_000 if r < 0.9 else 50_000
    handed = -(-total // step) * step
    receipt = CashReceiptRequest("010-1234-5678") if rng.random() < 0.5 else None
    return [Tender.cash(handed)], receipt


def _count_for(expected: int, rng: random.Random) -> dict[int | str, int]:
    """A drawer count close to ``expected`` (sometimes a few hundred won off, as in life)."""
    amount = max(0, expected + rng.choice((0, 0, 0, -100, 100, -500)))
    counts: dict[int | str, int] = {}
    for d in shifts.DENOMINATIONS:
        counts[d], amount = divmod(amount, d)
    return {k: v for k, v in counts.items() if v}


def _load_classes(uow: UnitOfWork, today: dt.date) -> None:
    """A few sessions of the next two weeks featuring partner regions (classes.json), with a
    region product as the ingredient per participant, some bookings, and a network meeting."""
    from posapp.classes import bookings as bk
    from posapp.classes import schedule as cs
    from posapp.classes.policy import ClassPolicy

    ideas = json.loads(_read("classes.json"))
    regions = dict(uow.conn.execute(select(Region.name, Region.id)).all())
    policy = ClassPolicy()
    people = [
        ("김서연", "010-2345-6789", ""),
        ("이준호", "010-3456-7890", "갑각류"),
        ("박지우", "010-4567-8901", ""),
        ("최유나", "010-5678-9012", "견과류"),
    ]
    for n, idea in enumerate(ideas[:4]):
        rid = regions.get(idea["region"])
        ingredient = uow.conn.execute(
            select(Product.id).where(Product.region_id == rid, Product.unit == "ea").limit(1)
        ).scalar()
        day = today + dt.timedelta(days=2 + 3 * n)
        session = cs.create_session(
            uow,
            cs.SessionSpec(
                title_ko=idea["title_ko"][:120],
                title_en=idea["title_en"][:120],
                theme=idea["theme"],
                region_id=rid,
                date=day,
                start=dt.time(11, 0) if n % 2 else dt.time(14, 0),
                minutes=int(idea["minutes"]),
                capacity=int(idea["capacity"]),
                fee=int(idea["fee"]),
                instructor=("이수진", "박민호", "정은비", "한도윤")[n],
                ingredients=(cs.Ingredient(ingredient, 1),) if ingredient else (),
            ),
            user_id=None,
        )
        for name, phone, allergies in people[: 4 - n]:
            bk.book(
                uow,
                session.uuid,
                bk.BookingRequest(
                    name, phone, 1 + (n % 2), allergies=allergies, pay_on_arrival=True
                ),
                policy=policy,
                user_id=None,
            )
    bk.book_meeting(
        uow,
        cs.SessionSpec(
            title_ko="지역 상생 네트워크 모임",
            date=today + dt.timedelta(days=4),
            start=dt.time(18, 30),
            minutes=120,
            capacity=20,
            room=cs.MEETING,
        ),
        organiser="지역상생협의회",
        phone="010-6789-0123",
        attendees=20,
        user_id=None,
        policy=policy,
    )
