"""Several till *processes* at once, on SQLite and PostgreSQL (test_concurrency.py uses threads).

Separate interpreters each with their own connection pool, started on the same instant:
stock levels and lot quantities exact (nothing lost, no lot below zero), receipt numbers unique
and gap-free per register (also when two processes share a register), the journal chains
intact, one open shift per register, and the start-up migration applied once when every till
starts together on a fresh database.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections import defaultdict

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from posapp.db.engine import Database
from posapp.db.migrate import head_revision
from posapp.db.models import Lot, Sale, Shift, StockLevel, utcnow
from posapp.domain import calendar
from posapp.sales import shifts
from posapp.verify import verify
from tests.conftest import Store
from tests.support import tills

pytestmark = pytest.mark.slow

CTX = mp.get_context("spawn")


def _run(target, arglists, timeout: float = 120):  # type: ignore[no-untyped-def]
    """Start one process per argument list on the same instant; collect one report from each."""
    out = CTX.Queue()
    start_at = time.time() + 1.5  # after every interpreter has imported what it needs
    procs = [CTX.Process(target=target, args=(*args, start_at, out)) for args in arglists]
    for p in procs:
        p.start()
    try:
        results = [out.get(timeout=timeout) for _ in procs]
    finally:
        for p in procs:
            p.join(timeout=30)
            if p.is_alive():  # pragma: no cover - a hung child fails the test below
                p.kill()
    return results


def test_tills_in_processes_keep_stock_lots_and_receipts_exact(store: Store) -> None:
    db = store.db
    user = store.cashier
    db.transact(lambda uow: shifts.open_shift(uow, "R02", user, {10_000: 5}))
    db.transact(lambda uow: shifts.open_shift(uow, "R03", user, {10_000: 5}))
    products = [store.apple, store.gochujang, store.salt]  # apple runs out of lots early

    def levels(uow):  # type: ignore[no-untyped-def]
        return dict(uow.conn.execute(select(StockLevel.product_id, StockLevel.on_hand)).all())

    before = db.read(levels)
    # two processes share R01: its receipt counter and journal head are fought over too
    plan = [("R01", 1), ("R01", 2), ("R02", 3), ("R03", 4)]
    sales_each = 12
    reports = _run(tills.sell, [(db.url, reg, user, products, sales_each, s) for reg, s in plan])
    errors = [e for r in reports for e in r[3]]
    assert not errors, errors[0]

    sold: dict[int, int] = defaultdict(int)
    for _reg, _receipts, units, _ in reports:
        for pid, q in units.items():
            sold[pid] += q
    after = db.read(levels)
    for pid in products:
        assert after.get(pid, 0) == before.get(pid, 0) - sold[pid], pid

    def state(uow):  # type: ignore[no-untyped-def]
        c = uow.conn
        lots = c.execute(select(Lot.id, Lot.product_id, Lot.qty_on_hand))
        receipts = c.execute(select(Sale.register_id, Sale.receipt_no)).all()
        flagged = c.scalar(
            select(StockLevel.needs_count).where(StockLevel.product_id == store.apple)
        )
        return [(pid, q) for _id, pid, q in lots], receipts, flagged

    lots, receipts, apple_flagged = db.read(state)
    assert all(q >= 0 for _pid, q in lots), lots  # FEFO never takes a lot below zero
    assert sold[store.apple] > 8
    assert sum(q for pid, q in lots if pid == store.apple) == 0  # both apple lots drained
    assert apple_flagged  # 8 apples, sold far more: below zero at the till, flagged for a count
    by_register: dict[str, list[int]] = defaultdict(list)
    for reg, no in receipts:
        by_register[reg].append(int(no.rsplit("-", 1)[1]))
    for reg, count in {"R01": 2 * sales_each, "R02": sales_each, "R03": sales_each}.items():
        assert sorted(by_register[reg]) == list(range(1, count + 1)), reg
    seen = [no for r in reports for no in r[1]]
    assert len(seen) == len(set(seen)) == len(receipts)
    report = verify(db)
    assert report.ok, report


def test_one_open_shift_per_register_when_tills_race(store: Store) -> None:
    db = store.db
    results = _run(tills.open_shift, [(db.url, "R09", store.cashier)] * 4)
    assert sorted(results) == ["opened"] + ["shift.already_open"] * 3, results
    opened = db.read(
        lambda uow: uow.session.scalar(
            select(func.count(Shift.id)).where(Shift.register_id == "R09", Shift.status == "open")
        )
    )
    assert opened == 1


def test_the_database_itself_refuses_a_second_open_shift(store: Store) -> None:
    def second(uow):  # type: ignore[no-untyped-def]
        uow.conn.execute(
            insert(Shift.__table__).values(
                uuid="00000000-0000-0000-0000-000000000009",
                register_id="R01",
                opened_by=store.cashier,
                business_date=calendar.business_day(utcnow()),
                opening_float=0,
                opening_counts={},
                status="open",
            )
        )

    with pytest.raises(IntegrityError):
        store.db.transact(second)


def test_migrations_run_once_when_tills_start_together(db_url: str) -> None:
    results = _run(tills.migrate, [(db_url,)] * 4)
    head = head_revision()
    assert results == [head] * 4, results
    db = Database(db_url)
    try:
        rows = db.read(
            lambda uow: uow.conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
        )
        assert rows == [(head,)]
        assert verify(db).ok
    finally:
        db.dispose()
