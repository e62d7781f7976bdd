"""Selling while the store's database cannot be reached (posapp.sales.offline): the spool's
snapshot, offline receipt numbers, forwarding exactly once, refusals set aside — on SQLite and
PostgreSQL — and a real outage: PostgreSQL behind a TCP proxy whose line is cut and mended."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, text, update

from posapp.db.engine import Database, DatabaseUnavailable
from posapp.db.migrate import migrate
from posapp.db.models import AuditEvent, OutboxEvent, Product, Sale, StockLevel
from posapp.domain import calendar
from posapp.domain.cart import Discount
from posapp.inventory import lots
from posapp.sales import refunds, sale_records, shifts
from posapp.sales.offline import forwarder, snapshot
from posapp.sales.offline.forwarder import Forwarder
from posapp.sales.offline.spool import QUEUE, Spool
from posapp.sales.tenders import Tender
from posapp.usecases.approvals import Approval, ApprovalRequest, Approvals
from posapp.usecases.checkout import CheckoutSession, SessionError, SessionSettings
from posapp.usecases.holds import VOID
from posapp.usecases.sale import NO_SALE_DRAWER
from posapp.usecases.ticket import DISCOUNT_OVER_LIMIT, PRICE_OVERRIDE, discount_bound
from posapp.verify import verify
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store, build_store, cli_admin

TODAY = calendar.business_day(dt.datetime.now(dt.UTC))


def approve(
    s: CheckoutSession, pin: str, action: str, line: int | None = None, **bound: int
) -> Approval:
    """A manager's PIN typed in place, bound to ``action`` (posapp.usecases.approvals)."""
    request = ApprovalRequest(action=action, title="", prompt="", line=line, bound=bound)
    return Approvals(s).verify(pin, request)


def _level(db: Database, product_id: int) -> int:
    return db.read(
        lambda uow: uow.conn.execute(
            select(StockLevel.on_hand).where(StockLevel.product_id == product_id)
        ).scalar_one()
    )


def _sale_count(db: Database) -> int:
    return db.read(lambda uow: uow.conn.execute(select(func.count()).select_from(Sale)).scalar())


def _session(db: Database, spool: Spool | None) -> CheckoutSession:
    s = CheckoutSession(db=db, settings=SessionSettings(register_id="R01"), spool=spool)
    s.sign_in("1111")
    return s


def _offline(store: Store, path: Path) -> tuple[Spool, CheckoutSession]:
    """A spool with its snapshot, and a signed-in session selling offline on it."""
    spool = Spool(path, "R01")
    snapshot.refresh(spool, store.db)
    s = _session(store.db, spool)
    assert s.go_offline()
    return spool, s


def _sell(s: CheckoutSession, *codes: str) -> sale_records.CompletedSale:
    for c in codes:
        s.scan(c)
    return s.complete([Tender.cash(100_000)])


def test_offline_sales_reach_the_server_exactly_once(store: Store, tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool.sqlite3", "R01")
    stats = snapshot.refresh(spool, store.db)
    assert stats.rows > 4 and spool.ready()
    s = _session(store.db, spool)
    apples = _level(store.db, store.apple)
    before = _sale_count(store.db)

    assert s.go_offline("test")
    first = _sell(s, APPLE_CODE, APPLE_CODE, GOCHUJANG_CODE)
    second = _sell(s, APPLE_CODE)
    assert first.receipt_no == f"R01-{TODAY:%Y%m%d}-O0001"
    assert second.receipt_no == f"R01-{TODAY:%Y%m%d}-O0002"
    assert first.total == 2 * 12_900 + 8_500
    assert _sale_count(store.db) == before  # nothing on the server yet
    assert spool.status().queued == 2
    with pytest.raises(SessionError) as e:
        s.refund(first.receipt_no, None)
    assert e.value.code == "offline.needs_server"

    result = forwarder.forward(spool, store.db)
    assert (result.sent, result.duplicates, result.failed, result.remaining) == (2, 0, 0, 0)
    assert _level(store.db, store.apple) == apples - 3
    summary = store.db.read(lambda uow: refunds.find_sale(uow, first.receipt_no))
    assert summary.total == first.total and summary.uuid == first.uuid
    events = store.db.read(
        lambda uow: uow.conn.execute(
            select(func.count())
            .select_from(OutboxEvent)
            .where(OutboxEvent.doc_uuid.in_([first.uuid, second.uuid]))
        ).scalar()
    )
    assert events == 2  # each reaches the online platform once, through the server's outbox
    assert verify(store.db).ok

    # a forward cut off between the server's commit and the queue's delete: the sale comes
    # round again and is recognised by its uuid, not written twice
    again = {
        "uuid": first.uuid,
        "receipt_no": first.receipt_no,
        "payload": json.dumps(
            {
                "v": 1,
                "register_id": "R01",
                "shift_id": store.shift_id,
                "ticket": {"uuid": first.uuid, "discount": None, "lines": []},
                "tenders": [],
                "user_id": store.cashier,
                "receipt_no": first.receipt_no,
                "created_at": first.created_at.isoformat(),
            }
        ),
        "created_at": first.created_at,
        "attempts": 0,
        "error": "",
    }
    spool.db.transact(lambda uow: uow.conn.execute(insert(QUEUE).values(**again)))
    result = forwarder.forward(spool, store.db)
    assert (result.sent, result.duplicates) == (0, 1)
    assert _sale_count(store.db) == before + 2
    assert _level(store.db, store.apple) == apples - 3

    s.back_online()
    third = _sell(s, GOCHUJANG_CODE)
    assert "-O" not in third.receipt_no  # the online series again
    spool.dispose()


def test_offline_numbers_never_repeat_after_a_new_spool(store: Store, tmp_path: Path) -> None:
    spool, s = _offline(store, tmp_path / "a.sqlite3")
    _sell(s, APPLE_CODE)
    _sell(s, APPLE_CODE)
    forwarder.forward(spool, store.db)
    spool.dispose()
    fresh, s2 = _offline(store, tmp_path / "b.sqlite3")  # the till's disk was replaced
    assert _sell(s2, APPLE_CODE).receipt_no.endswith("-O0003")
    fresh.dispose()


def test_a_refused_sale_is_set_aside_and_retried(store: Store, tmp_path: Path) -> None:
    spool, s = _offline(store, tmp_path / "spool.sqlite3")
    sale = _sell(s, GOCHUJANG_CODE)
    # meanwhile the shift was closed on the server (by the office): the sale has no shift
    store.db.transact(
        lambda uow: shifts.close_shift(uow, store.shift_id, store.manager, {10_000: 10})
    )
    result = forwarder.forward(spool, store.db)
    assert (result.sent, result.failed) == (0, 1)
    status = spool.status()
    assert (status.queued, status.failed) == (0, 1) and "shift.not_open" in status.last_error
    store.db.transact(lambda uow: shifts.open_shift(uow, "R01", store.cashier, {10_000: 10}))
    assert spool.retry_failed() == 1
    assert forwarder.forward(spool, store.db).sent == 1
    assert store.db.read(lambda uow: refunds.find_sale(uow, sale.receipt_no)).total == 8_500
    spool.dispose()


def test_markdowns_and_users_come_with_the_snapshot(store: Store, tmp_path: Path) -> None:
    early = store.db.read(
        lambda uow: uow.conn.execute(
            text("SELECT id FROM lots WHERE lot_code = 'A-early'")
        ).scalar_one()
    )
    store.db.transact(lambda uow: lots.markdown_lot(uow, early, 30, user_id=store.manager))
    spool = Spool(tmp_path / "spool.sqlite3", "R01")
    snapshot.refresh(spool, store.db)
    s = CheckoutSession(db=store.db, settings=SessionSettings(register_id="R01"), spool=spool)
    s.offline = True
    assert s.sign_in("1111").id == store.cashier  # signed in against the spool's users
    s.scan(APPLE_CODE)
    assert s.priced().lines[0].line.unit_price == 9_030  # 12,900 − 30 %, as online
    assert approve(s, "2222", VOID).approver_id == store.manager
    spool.dispose()


def test_a_till_without_a_snapshot_cannot_go_offline(store: Store, tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool.sqlite3", "R01")
    s = _session(store.db, spool)
    assert not s.go_offline()
    assert not s.offline
    spool.dispose()


@pytest.mark.slow
@pytest.mark.fault
def test_postgres_cut_and_mended_while_selling(pg_schema_url: str, tmp_path: Path) -> None:
    """The line to PostgreSQL is cut mid-shift: the till sells on, then catches up."""
    from tests.support.tcpproxy import proxy_to_postgres

    direct = Database(pg_schema_url)
    migrate(direct.engine)
    store = build_store(direct)
    proxy = proxy_to_postgres()
    till_db = Database(proxy.url_for(pg_schema_url))
    spool = Spool(tmp_path / "spool.sqlite3", "R01")
    s = _session(till_db, spool)
    forwarder = Forwarder(
        spool, till_db, is_offline=lambda: s.offline, back_online=s.back_online, probe_s=0.2
    )
    assert not spool.ready()
    forwarder.step()  # online: takes the snapshot
    assert spool.ready()
    apples = _level(direct, store.apple)
    online_sale = _sell(s, APPLE_CODE)
    assert "-O" not in online_sale.receipt_no

    proxy.cut()
    s.scan(APPLE_CODE)  # the server is gone: the scan is answered by the spool
    assert s.offline
    forwarder.step()  # nothing queued yet, and the server still gone: stays offline
    assert s.offline
    first = s.complete([Tender.cash(20_000)])
    second = _sell(s, GOCHUJANG_CODE, APPLE_CODE)
    assert first.receipt_no.endswith("-O0001") and second.receipt_no.endswith("-O0002")
    with pytest.raises(SessionError):
        s.x_report()
    assert forwarder.step() is None  # still cut: nothing lost, nothing sent
    assert spool.status().queued == 2
    with pytest.raises(DatabaseUnavailable):
        till_db.read(lambda uow: uow.conn.execute(text("SELECT 1")).scalar())

    proxy.mend()
    result = forwarder.step()
    assert result is not None and result.sent == 2 and result.remaining == 0
    assert not s.offline
    assert _level(direct, store.apple) == apples - 3
    after = _sell(s, GOCHUJANG_CODE)
    assert "-O" not in after.receipt_no
    numbers = direct.read(lambda uow: sorted(uow.conn.execute(select(Sale.receipt_no)).scalars()))
    assert first.receipt_no in numbers and second.receipt_no in numbers
    assert verify(direct).ok
    dup = direct.read(
        lambda uow: uow.conn.execute(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.action == "offline.duplicate")
        ).scalar()
    )
    assert dup == 0
    forwarder.stop()
    spool.dispose()
    till_db.dispose()
    direct.dispose()
    proxy.close()


@pytest.mark.slow
def test_admin_cli_shows_and_forwards_the_spool(store: Store) -> None:
    from posapp.config import data_dir
    from tests.cli.test_admin_cli import admin

    url = str(store.db.engine.url.render_as_string(hide_password=False))
    spool, s = _offline(store, data_dir() / "offline-R01.sqlite3")
    sale = _sell(s, APPLE_CODE)
    spool.dispose()
    r = admin(url, "offline", "status")
    assert r.returncode == 0, r.stderr
    assert "R01: 1 waiting, 0 refused" in r.stdout
    r = admin(url, "offline", "list")
    assert sale.receipt_no in r.stdout and "waiting" in r.stdout
    r = admin(url, "offline", "forward", env=cli_admin(store))
    assert r.returncode == 0, r.stderr
    assert "sent 1, already there 0, refused 0; 0 waiting" in r.stdout
    assert store.db.read(lambda uow: refunds.find_sale(uow, sale.receipt_no)).total == 12_900


def test_changes_only_refresh_brings_new_prices_and_barcodes(store: Store, tmp_path: Path) -> None:
    from posapp.inventory import products
    from posapp.inventory.csv_io import import_products

    def age(uow):  # type: ignore[no-untyped-def]
        now = dt.datetime.now(dt.UTC)
        uow.conn.execute(update(Product).values(updated_at=now - dt.timedelta(days=2)))
        uow.conn.execute(
            update(Product)
            .where(Product.id == store.salt)
            .values(updated_at=now - dt.timedelta(days=1))
        )

    store.db.transact(age)
    spool = Spool(tmp_path / "spool.sqlite3", "R01")
    full = snapshot.refresh(spool, store.db)
    quiet = snapshot.refresh(spool, store.db, changes_only=True)
    # nothing changed: the small tables come again, and of the products only the newest
    # (within the overlap kept for till clocks running behind) with its barcode
    assert quiet.rows == full.rows - 3 - 2
    store.db.transact(
        lambda uow: products.set_price(uow, store.gochujang, 9_100, user_id=store.manager)
    )
    new = "8809999000013"
    store.db.transact(
        lambda uow: import_products(
            uow,
            (
                "barcode,name_ko,name_en,region,producer,category,unit,price,tax,reorder_point,plu\n"
                f"{new},완도 전복 1kg,Wando Abalone 1kg,완도군,완도수협,수산물,ea,39000,exempt,2,\n"
            ).encode(),
        )
    )
    snapshot.refresh(spool, store.db, changes_only=True)
    s = CheckoutSession(db=store.db, settings=SessionSettings(register_id="R01"), spool=spool)
    s.offline = True
    s.sign_in("1111")
    s.scan(GOCHUJANG_CODE)
    s.scan(new)
    assert [pl.line.unit_price for pl in s.priced().lines] == [9_100, 39_000]
    spool.dispose()


def test_a_price_override_made_offline_reaches_the_server(store: Store, tmp_path: Path) -> None:
    from posapp.db.models import SaleLine

    spool, s = _offline(store, tmp_path / "spool.sqlite3")
    s.scan(GOCHUJANG_CODE)
    approval = approve(s, "2222", PRICE_OVERRIDE, line=0, cut=8_500 - 7_000)  # spool's users
    who = s.override_price(0, 7_000, "가격표 불일치", approval)
    assert who.id == store.manager
    sale = s.complete([Tender.cash(10_000)])
    assert forwarder.forward(spool, store.db).sent == 1
    line = store.db.read(
        lambda uow: uow.conn.execute(
            select(SaleLine.unit_price, SaleLine.regular_price, SaleLine.price_override_by)
            .join(Sale, Sale.id == SaleLine.sale_id)
            .where(Sale.receipt_no == sale.receipt_no)
        ).one()
    )
    assert tuple(line) == (7_000, 8_500, store.manager)
    assert verify(store.db).ok
    spool.dispose()


@pytest.mark.slow
def test_a_pending_cash_receipt_made_offline_is_queued_on_the_server(store: Store) -> None:
    from posapp.config import data_dir
    from posapp.sales import cash_receipts
    from posapp.sales.tenders import CashReceiptRequest
    from tests.cli.test_admin_cli import admin

    spool, s = _offline(store, data_dir() / "offline-R01.sqlite3")
    s.scan(APPLE_CODE)
    sale = s.complete([Tender.cash(20_000)], CashReceiptRequest("010-2345-6789"))
    assert sale.cash_receipt_approval is None  # the terminal never answered
    assert forwarder.forward(spool, store.db).sent == 1
    waiting = store.db.read(lambda uow: cash_receipts.pending(uow, "R01"))
    assert [(p.receipt_no, p.amount) for p in waiting] == [(sale.receipt_no, 12_900)]
    spool.dispose()

    url = str(store.db.engine.url.render_as_string(hide_password=False))
    r = admin(url, "cash-receipts", "list")
    assert r.returncode == 0 and sale.receipt_no in r.stdout and "010****6789" in r.stdout
    pin = {"POSAPP_PIN": "2222"}  # 박지민, a manager: holds refund
    r = admin(url, "cash-receipts", "issue", str(waiting[0].id), "  ", "--user", "박지민", env=pin)
    assert r.returncode == 1 and "approval" in r.stderr
    r = admin(
        url, "cash-receipts", "issue", str(waiting[0].id), "A-778812", "--user", "박지민", env=pin
    )
    assert r.returncode == 0, r.stderr
    assert store.db.read(lambda uow: cash_receipts.pending(uow)) == []


def test_two_tills_catch_up_at_the_same_moment(store: Store, tmp_path: Path) -> None:
    """Both tills sold the same products offline; their forwarders replay at once (the same
    stock rows locked from two connections): every sale once, stock taken exactly."""
    import threading

    store.db.transact(lambda uow: shifts.open_shift(uow, "R02", store.cashier, {10_000: 5}))
    apples = _level(store.db, store.apple)
    gochu = _level(store.db, store.gochujang)
    spools = []
    for reg in ("R01", "R02"):
        spool = Spool(tmp_path / f"{reg}.sqlite3", reg)
        snapshot.refresh(spool, store.db)
        s = CheckoutSession(db=store.db, settings=SessionSettings(register_id=reg), spool=spool)
        s.sign_in("1111")
        assert s.go_offline()
        for _ in range(15):
            _sell(s, APPLE_CODE, GOCHUJANG_CODE)
        spools.append(spool)
    results: list[object] = []

    def forward(spool: Spool) -> None:
        results.append(forwarder.forward(spool, store.db))

    threads = [threading.Thread(target=forward, args=(sp,)) for sp in spools]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(r.sent for r in results) == [15, 15]  # type: ignore[attr-defined]
    assert _level(store.db, store.apple) == apples - 30
    assert _level(store.db, store.gochujang) == gochu - 30
    numbers = store.db.read(
        lambda uow: list(
            uow.conn.execute(select(Sale.receipt_no).where(Sale.receipt_no.like("%-O%"))).scalars()
        )
    )
    assert len(numbers) == len(set(numbers)) == 30
    assert verify(store.db).ok
    for sp in spools:
        sp.dispose()


def test_audit_events_written_offline_reach_the_server_once(store: Store, tmp_path: Path) -> None:
    spool, s = _offline(store, tmp_path / "spool.sqlite3")
    # the drawer opened without a sale, a manager approving
    s.record_drawer(None, approve(s, "2222", NO_SALE_DRAWER))
    s.scan(APPLE_CODE)
    s.void("고객 변심", approve(s, "2222", VOID))
    s.scan(GOCHUJANG_CODE)
    s.set_line_discount(0, Discount.percent(50))  # above the limit: approved, audited on replay
    approval = approve(s, "2222", DISCOUNT_OVER_LIMIT, **discount_bound(s))
    sale = s.complete([Tender.cash(10_000)], approval=approval)

    def actions() -> list[str]:
        return store.db.read(
            lambda uow: list(
                uow.conn.execute(
                    select(AuditEvent.action)
                    .where(AuditEvent.register_id == "R01")
                    .order_by(AuditEvent.at, AuditEvent.id)
                ).scalars()
            )
        )

    before = actions()
    assert forwarder.forward(spool, store.db).sent == 1
    new = actions()[len(before) :]
    # the drawer and the void copied from the spool; the discount approval written by the replay
    # of the sale (not copied as well)
    assert sorted(new) == ["discount.approve", "drawer.open", "ticket.void"]
    replayed = store.db.read(
        lambda uow: uow.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "discount.approve")
        ).one()
    )
    assert replayed.user_id == store.manager
    assert replayed.after["approved"] == {
        "percent": 50,
        "amount": 4_250,
        "line.0." + str(store.gochujang): 50,
    }
    forwarder.forward(spool, store.db)  # again: nothing more
    assert actions()[len(before) :] == new
    assert sale.receipt_no.endswith("-O0001")
    spool.dispose()


def test_forwarded_copies_are_pruned_after_two_weeks(store: Store, tmp_path: Path) -> None:
    spool, s = _offline(store, tmp_path / "spool.sqlite3")
    sent = _sell(s, APPLE_CODE)
    forwarder.forward(spool, store.db)
    waiting = _sell(s, GOCHUJANG_CODE)  # still queued (say the server went again)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=15)
    assert snapshot.prune(spool, now=dt.datetime.now(dt.UTC)) == 0  # too recent
    assert snapshot.prune(spool, now=later) == 1
    left = spool.db.read(lambda uow: list(uow.conn.execute(select(Sale.uuid)).scalars()))
    assert left == [waiting.uuid] and sent.uuid not in left
    assert forwarder.forward(spool, store.db).sent == 1  # the queued one still goes
    spool.dispose()


def test_the_x_report_counts_offline_sales_and_pending_cash_receipts(
    store: Store, tmp_path: Path
) -> None:
    from posapp.sales.register_report import format_report, x_report
    from posapp.sales.tenders import CashReceiptRequest

    online = _session(store.db, None)
    first = _sell(online, GOCHUJANG_CODE)
    spool, s = _offline(store, tmp_path / "spool.sqlite3")
    _sell(s, APPLE_CODE)
    s.scan(APPLE_CODE)
    s.complete([Tender.cash(20_000)], CashReceiptRequest("010-2345-6789"))  # terminal down
    forwarder.forward(spool, store.db)
    report = store.db.read(lambda uow: x_report(uow, store.shift_id))
    assert (report.sales_count, report.offline_sales) == (3, 2)
    assert report.first_receipt == report.last_receipt == first.receipt_no  # online series
    assert (report.pending_cash_receipts, report.pending_cash_receipts_total) == (1, 12_900)
    text = format_report(report)
    assert "오프라인 판매" in text and "현금영수증 발급 대기 1건" in text
    spool.dispose()


def test_a_new_till_before_its_first_shift_gets_its_snapshot(store: Store, tmp_path: Path) -> None:
    """Seen in CI: a till configured as R02, the server not knowing R02 before its first shift:
    the snapshot's receipt counter broke the registers' foreign key, and the forwarder thread
    died of it (offline sales would wait until a restart)."""
    spool = Spool(tmp_path / "spool.sqlite3", "R02")
    stats = snapshot.refresh(spool, store.db)
    assert stats.rows > 0
    assert snapshot.refresh(spool, store.db, changes_only=True).rows >= 0


def test_the_forwarder_survives_a_round_that_fails(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unexpected error in one round is logged and the next round runs: the thread that
    carries the offline sales to the server never dies."""
    import threading

    spool = Spool(tmp_path / "spool.sqlite3", "R01")
    rounds: list[str] = []
    again = threading.Event()
    real = snapshot.refresh

    def refresh(*args, **kwargs):  # type: ignore[no-untyped-def]
        rounds.append("round")
        if len(rounds) == 1:
            raise RuntimeError("an error nobody foresaw")
        again.set()
        return real(*args, **kwargs)

    monkeypatch.setattr(snapshot, "refresh", refresh)
    f = Forwarder(
        spool,
        store.db,
        is_offline=lambda: False,
        back_online=lambda: None,
        probe_s=0.05,
        changes_s=0.0,
        snapshot_s=0.0,
    )
    f.start()
    try:
        assert again.wait(10), rounds
    finally:
        f.stop()
    assert len(rounds) >= 2


@pytest.fixture
def clock_back() -> Iterator[list[dt.timedelta]]:
    """The machine's clock (posapp.domain.calendar.set_clock), set back by ``clock_back[0]``."""
    offset = [dt.timedelta(0)]
    previous = calendar.set_clock(lambda: dt.datetime.now(dt.UTC) - offset[0])
    yield offset
    calendar.set_clock(previous)


def _server_sales(db: Database) -> list[tuple[str, dt.date]]:
    s = Sale.__table__
    return [
        (no, day)
        for no, day in db.read(
            lambda uow: uow.conn.execute(
                select(s.c.receipt_no, s.c.business_date).order_by(s.c.id)
            ).all()
        )
    ]


def _replayed(spool: Spool, store: Store, expected: list[tuple[str, dt.date]]) -> None:
    """Forward what the spool holds: the server's last sales are then ``expected`` (number,
    business day), no number is there twice, and verify is clean."""
    assert forwarder.forward(spool, store.db).remaining == 0
    sales = _server_sales(store.db)
    assert sales[-len(expected) :] == expected
    numbers = [no for no, _ in sales]
    assert len(numbers) == len(set(numbers))
    report = verify(store.db)
    assert report.ok, report.problems()
    spool.dispose()


def test_a_sale_spooled_while_the_clock_is_set_back_is_numbered_on_today(
    store: Store, tmp_path: Path, clock_back: list[dt.timedelta]
) -> None:
    """Issue 19 item 6 offline: the clock set back a day while the till sells on its spool.
    The sale takes today's next offline number and today's business date (the later of the
    clock's day and the register's latest entry), keeps both when replayed on the server, the
    screen is told the clock is behind, and verify is clean."""
    today = calendar.today()
    day = f"{today:%Y%m%d}"
    spool = Spool(tmp_path / "spool.sqlite3", "R01")
    snapshot.refresh(spool, store.db)
    s = _session(store.db, spool)
    online = _sell(s, APPLE_CODE)
    assert s.go_offline("test")
    right = _sell(s, GOCHUJANG_CODE)
    clock_back[0] = dt.timedelta(days=1)
    behind = _sell(s, APPLE_CODE)
    assert (online.receipt_no, right.receipt_no, behind.receipt_no) == (
        f"R01-{day}-0001", f"R01-{day}-O0001", f"R01-{day}-O0002",
    )  # fmt: skip
    assert behind.business_date == today
    assert s.clock is not None  # the checkout window warns offline too

    _replayed(spool, store, [(x.receipt_no, today) for x in (online, right, behind)])


def test_a_sale_spooled_after_the_clock_was_found_behind_online_is_numbered_on_today(
    store: Store, tmp_path: Path, clock_back: list[dt.timedelta]
) -> None:
    """The clock found behind while online (a ``clock.behind`` episode on the server), then the
    server goes away before the next snapshot: the spool numbers on the day of the register's
    latest entry as the till last saw it (not the clock's day, nor the older snapshot's), and
    the replay inside the episode keeps that day; verify is clean."""
    spool = Spool(tmp_path / "spool.sqlite3", "R01")
    snapshot.refresh(spool, store.db)  # the register's latest entry then: its shift, today
    clock_back[0] = -dt.timedelta(days=1)  # the till sells on into the next day...
    later = calendar.today()
    s = _session(store.db, spool)
    first = _sell(s, APPLE_CODE)
    clock_back[0] = dt.timedelta(0)  # ...and its clock is put back a day
    second = _sell(s, GOCHUJANG_CODE)  # online, the episode begins
    assert s.clock is not None and second.business_date == later
    assert s.go_offline("test")
    spooled = _sell(s, APPLE_CODE)
    assert (spooled.receipt_no, spooled.business_date) == (f"R01-{later:%Y%m%d}-O0001", later)
    _replayed(spool, store, [(x.receipt_no, later) for x in (first, second, spooled)])


def test_a_till_restarted_offline_with_its_clock_behind_numbers_on_the_snapshots_day(
    store: Store, tmp_path: Path, clock_back: list[dt.timedelta]
) -> None:
    """A till that starts offline (no server to ask) knows the register's latest entry from its
    last snapshot: a clock set back still numbers on that entry's day."""
    today = calendar.today()
    s = _session(store.db, None)
    _sell(s, APPLE_CODE)
    spool = Spool(tmp_path / "spool.sqlite3", "R01")
    snapshot.refresh(spool, store.db)  # after the sale: it knows the register's latest entry
    clock_back[0] = dt.timedelta(days=1)
    restarted = CheckoutSession(
        db=Database("sqlite:///" + str(tmp_path / "gone.sqlite3")),  # the server: never asked
        settings=SessionSettings(register_id="R01"),
        spool=spool,
    )
    restarted.offline = True
    restarted.sign_in("1111")
    sale = _sell(restarted, GOCHUJANG_CODE)
    assert (sale.receipt_no, sale.business_date) == (f"R01-{today:%Y%m%d}-O0001", today)
    spool.dispose()


def test_the_spools_own_sales_keep_the_offline_numbers_in_order_when_the_clock_goes_back(
    store: Store, tmp_path: Path, clock_back: list[dt.timedelta]
) -> None:
    """Offline into the next day (the snapshot older still), then the clock is put back a day:
    the spool's own latest sale is the register's latest entry, so the number and the day stay
    on that later day, in order."""
    spool, s = _offline(store, tmp_path / "spool.sqlite3")
    clock_back[0] = -dt.timedelta(days=1)
    later = calendar.today()
    first = _sell(s, APPLE_CODE)
    clock_back[0] = dt.timedelta(0)
    second = _sell(s, GOCHUJANG_CODE)
    day = f"{later:%Y%m%d}"
    assert [(x.receipt_no, x.business_date) for x in (first, second)] == [
        (f"R01-{day}-O0001", later), (f"R01-{day}-O0002", later),
    ]  # fmt: skip
    assert s.clock is not None
    spool.dispose()
