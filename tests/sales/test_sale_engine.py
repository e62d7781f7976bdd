"""The sale engine end to end on a real database (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text, update

from posapp.auth.service import AuthError
from posapp.db.models import (
    AuditEvent,
    JournalEntry,
    Lot,
    OutboxEvent,
    Payment,
    Sale,
    SaleLine,
    StockLevel,
    StockMovement,
)
from posapp.domain import calendar
from posapp.domain.cart import Discount
from posapp.domain.errors import TenderError
from posapp.inventory import catalog
from posapp.sales import (
    completion,
    drawer,
    holds,
    refunds,
    register_report,
    sale_records,
    shifts,
    voids,
)
from posapp.sales.tenders import CashReceiptRequest, Method, Tender, VoucherKind
from posapp.sales.ticket import Ticket
from posapp.verify import verify
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, SALT_CODE, Store


def scan(store: Store, code: str):  # type: ignore[no-untyped-def]
    return store.db.read(lambda uow: catalog.scan(uow, code))


def sell(store: Store, ticket: Ticket, tenders: list[Tender], **kw):  # type: ignore[no-untyped-def]
    kw.setdefault("register_id", store.register)
    kw.setdefault("user_id", store.cashier)
    return store.db.transact(lambda uow: completion.complete_sale(uow, ticket, tenders, **kw))


def count(store: Store, model) -> int:  # type: ignore[no-untyped-def]
    return store.db.read(lambda uow: uow.session.scalar(select(func.count()).select_from(model)))


def on_hand(store: Store, pid: int) -> int:
    return store.db.read(lambda uow: catalog.stock_on_hand(uow, pid))


def card(amount: int) -> Tender:
    return Tender(Method.CARD, amount, approval_no="30012345", card_masked="9410-12**-****-5678")


def test_cash_sale_commits_everything_and_takes_first_expiring_lot(store: Store) -> None:
    t = Ticket()
    t.add(scan(store, APPLE_CODE).line)
    t.add(scan(store, APPLE_CODE).line)  # a repeat scan adds to the line
    t.add(scan(store, GOCHUJANG_CODE).line)
    assert len(t) == 2 and t.lines[0].qty == 2
    done = sell(store, t, [Tender.cash(50_000)])
    assert done.total == 2 * 12_900 + 8_500 == 34_300
    assert done.change == 15_700
    assert done.tax.taxable_total == 8_500
    assert done.tax.supply_value == 7_727 and done.tax.vat == 773
    assert done.tax.exempt_total == 25_800
    day = calendar.business_day(done.created_at)
    assert done.receipt_no == f"R01-{day:%Y%m%d}-0001"
    # stock: 2 apples from the early-expiring lot (A-early had 3)
    lots = store.db.read(
        lambda uow: dict(uow.conn.execute(select(Lot.lot_code, Lot.qty_on_hand)).all())
    )
    assert lots["A-early"] == 1 and lots["A-late"] == 5
    assert on_hand(store, store.apple) == 6
    sales_journaled = store.db.read(
        lambda uow: uow.session.scalar(
            select(func.count()).select_from(JournalEntry).where(JournalEntry.doc_type == "sale")
        )
    )
    assert sales_journaled == 1 and count(store, OutboxEvent) == 1
    pay = store.db.read(lambda uow: uow.session.scalars(select(Payment)).one())
    assert (pay.amount, pay.tendered, pay.change_given, pay.evidence) == (
        34_300,
        50_000,
        15_700,
        "cash",
    )
    assert verify(store.db).ok


def test_split_card_voucher_cash_and_evidence(store: Store) -> None:
    t = Ticket()
    t.add(scan(store, APPLE_CODE).line.with_qty(3))  # 38,700
    tenders = [
        Tender(Method.VOUCHER, 10_000, voucher_kind=VoucherKind.ONNURI),
        card(20_000),
        Tender.cash(10_000),
    ]
    done = sell(store, t, tenders, cash_receipt=CashReceiptRequest("010-9876-5432"))
    assert done.change == 1_300
    assert [(p.method, p.amount, p.evidence) for p in done.payments] == [
        ("voucher", 10_000, "cash_receipt"),
        ("card", 20_000, "card"),
        ("cash", 8_700, "cash_receipt"),
    ]
    stored = store.db.read(
        lambda uow: uow.session.scalars(select(Payment.cash_receipt_identity)).all()
    )
    assert "01098765432" not in stored and "010****5432" in stored  # masked


def test_self_issued_cash_receipt_uses_nts_number(store: Store) -> None:
    t = Ticket()
    t.add(scan(store, GOCHUJANG_CODE).line)
    done = sell(store, t, [Tender.cash(10_000)], cash_receipt=CashReceiptRequest())
    assert done.cash_receipt == "010-000-1234"


def test_short_tender_writes_nothing(store: Store) -> None:
    t = Ticket()
    t.add(scan(store, APPLE_CODE).line)
    with pytest.raises(TenderError) as err:
        sell(store, t, [Tender.cash(10_000)])
    assert err.value.code == "tender.short"
    with pytest.raises(TenderError) as err:
        sell(store, t, [card(20_000)])
    assert err.value.code == "tender.overpaid"
    assert count(store, Sale) == 0 and on_hand(store, store.apple) == 8


def test_no_open_shift_no_sale(store: Store) -> None:
    t = Ticket()
    t.add(scan(store, APPLE_CODE).line)
    with pytest.raises(sale_records.SaleError) as err:
        sell(store, t, [Tender.cash(20_000)], register_id="R02")
    assert err.value.code == "shift.not_open"


def test_discount_above_limit_needs_a_manager(store: Store) -> None:
    t = Ticket()
    t.add(scan(store, APPLE_CODE).line.with_discount(Discount.percent(20)))
    with pytest.raises(AuthError) as err:
        sell(store, t, [Tender.cash(20_000)], discount_limit_percent=10)
    assert err.value.code == "auth.approval_required"
    with pytest.raises(AuthError):  # a cashier cannot approve
        sell(store, t, [Tender.cash(20_000)], discount_limit_percent=10, approved_by=store.cashier)
    done = sell(
        store, t, [Tender.cash(20_000)], discount_limit_percent=10, approved_by=store.manager
    )
    assert done.total == 12_900 - 2_580
    assert count(store, AuditEvent) >= 1


def test_ticket_discount_is_allocated_exactly(store: Store) -> None:
    t = Ticket()
    t.add(scan(store, APPLE_CODE).line)
    t.add(scan(store, GOCHUJANG_CODE).line)
    t.set_discount(Discount.amount(1_001))
    done = sell(store, t, [Tender.cash(30_000)])
    lines = done.lines
    assert sum(ln.ticket_discount for ln in lines) == 1_001
    assert sum(ln.net for ln in lines) == done.total == 21_400 - 1_001
    assert done.tax.taxable_total + done.tax.exempt_total == done.total


def test_selling_below_zero_is_allowed_and_flagged(store: Store) -> None:
    t = Ticket()
    t.add(scan(store, SALT_CODE).line.with_qty(2))
    sell(store, t, [Tender.cash(12_000)])
    assert on_hand(store, store.salt) == -2
    flagged = store.db.read(
        lambda uow: uow.session.scalar(
            select(StockLevel.needs_count).where(StockLevel.product_id == store.salt)
        )
    )
    assert flagged
    assert verify(store.db).ok


def test_weighed_line_and_scale_label(store: Store) -> None:
    from posapp.domain.barcodes import DEFAULT_SCALE_LAYOUTS, make_scale_barcode

    beef = store.db.read(lambda uow: catalog.product_by_plu(uow, "00101"))
    assert beef is not None
    t = Ticket()
    t.add(beef.line(437))  # 437 g at 12,800 / 100 g = 55,936
    label = make_scale_barcode(DEFAULT_SCALE_LAYOUTS[0], "21", "00101", 25_600)
    scanned = scan(store, label)
    assert scanned.line.fixed_amount == 25_600 and scanned.line.qty == 200
    t.add(scanned.line)
    done = sell(store, t, [Tender.cash(100_000)])
    assert done.total == 55_936 + 25_600
    assert on_hand(store, store.beef) == 5000 - 437 - 200


def test_unknown_and_malformed_codes_are_clear(store: Store) -> None:
    from posapp.domain.errors import BarcodeError

    with pytest.raises(BarcodeError) as err:
        scan(store, "8801234500013")  # wrong check digit
    assert err.value.code == "barcode.check_digit"
    with pytest.raises(catalog.CatalogError) as cerr:
        scan(store, "8809999999997")
    assert cerr.value.code == "catalog.unknown_barcode"
    with pytest.raises(catalog.CatalogError) as cerr:
        scan(store, "00101")  # weighed PLU without a weight
    assert cerr.value.code == "catalog.needs_weight"


def test_partial_then_full_refund_sums_back(store: Store) -> None:
    t = Ticket()
    t.add(scan(store, APPLE_CODE).line.with_qty(3))
    t.add(scan(store, GOCHUJANG_CODE).line)
    t.set_discount(Discount.amount(1_000))
    sale = sell(store, t, [card(46_200)])
    assert sale.total == 46_200

    def do_refund(**kw):  # type: ignore[no-untyped-def]
        kw.setdefault("approved_by", store.manager)
        return store.db.transact(
            lambda uow: refunds.refund(
                uow, sale.receipt_no, register_id="R01", user_id=store.cashier, **kw
            )
        )

    with pytest.raises(AuthError):
        do_refund(approved_by=None)
    first = do_refund(lines={1: 1})
    assert first.kind == "refund" and first.total < 0
    # the engine alone makes no card cancel: the card part waits for the terminal, naming the
    # sale's own approval, never recorded under it (posapp.sales.card_cancels)
    paid_back = first.payments[0]
    assert paid_back.method == "card_pending" and paid_back.amount == first.total
    assert paid_back.approval_no is None
    assert paid_back.original_approval_no == sale.payments[0].approval_no
    with pytest.raises(sale_records.SaleError) as err:
        do_refund(lines={1: 3})
    assert err.value.code == "refund.too_many"
    rest = do_refund()
    assert first.total + rest.total == -sale.total
    assert first.tax.vat + rest.tax.vat == -sale.tax.vat
    assert on_hand(store, store.apple) == 8 and on_hand(store, store.gochujang) == 10
    with pytest.raises(sale_records.SaleError) as err:
        do_refund()
    assert err.value.code == "refund.nothing"
    assert verify(store.db).ok


def test_hold_and_recall(store: Store) -> None:
    t = Ticket()
    t.add(scan(store, APPLE_CODE).line)
    held = store.db.transact(
        lambda uow: holds.hold(uow, t, register_id="R01", user_id=store.cashier, label="손님 A")
    )
    listed = store.db.read(lambda uow: holds.list_held(uow, "R01"))
    assert [(h.label, h.total) for h in listed] == [("손님 A", 12_900)]
    back = store.db.transact(lambda uow: holds.recall(uow, held.id))
    assert back.to_json() == t.to_json()
    with pytest.raises(sale_records.SaleError):
        store.db.transact(lambda uow: holds.recall(uow, held.id))


def test_x_and_z_reports(store: Store) -> None:
    t = Ticket()
    t.add(scan(store, APPLE_CODE).line)
    sell(store, t, [Tender.cash(20_000)])  # cash 12,900
    t2 = Ticket()
    t2.add(scan(store, GOCHUJANG_CODE).line)
    sell(store, t2, [card(8_500)])
    t3 = Ticket()
    t3.add(scan(store, SALT_CODE).line)
    store.db.transact(
        lambda uow: voids.void_ticket(
            uow, t3, register_id="R01", user_id=store.cashier, approved_by=store.manager
        )
    )
    x = store.db.read(lambda uow: register_report.x_report(uow, store.shift_id))
    assert (x.sales_count, x.net_total, x.vat) == (2, 21_400, 773)
    assert x.expected_cash == 150_000 + 12_900
    assert (x.voids_count, x.voids_total) == (1, 6_000)
    z = store.db.transact(
        lambda uow: shifts.close_shift(
            uow, store.shift_id, store.cashier, {10_000: 16, 1_000: 2, 500: 1, 100: 3}
        )
    )
    assert z.counted_cash == 162_800 and z.over_short == -100 and z.z_number == 1
    text_report = register_report.format_report(z)
    assert "부가세" in text_report and "₩773" in text_report and "부족" in text_report
    with pytest.raises(sale_records.SaleError):
        sell(store, t, [Tender.cash(20_000)])


def test_receipt_numbers_per_register_and_day(store: Store) -> None:
    store.db.transact(lambda uow: shifts.open_shift(uow, "R02", store.cashier, {}))
    nos = []
    for reg in ("R01", "R02", "R01"):
        t = Ticket()
        t.add(scan(store, GOCHUJANG_CODE).line)
        nos.append(sell(store, t, [Tender.cash(8_500)], register_id=reg).receipt_no)
    assert [n[:3] for n in nos] == ["R01", "R02", "R01"]
    assert [n[-4:] for n in nos] == ["0001", "0001", "0002"]
    tomorrow = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    t = Ticket()
    t.add(scan(store, GOCHUJANG_CODE).line)
    assert sell(store, t, [Tender.cash(8_500)], now=tomorrow).receipt_no.endswith("-0001")


def test_a_failure_inside_the_sale_leaves_nothing(store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from posapp.sales import (
        journal,
    )

    def boom(*a, **k):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(journal, "append", boom)
    t = Ticket()
    t.add(scan(store, APPLE_CODE).line)
    with pytest.raises(RuntimeError):
        sell(store, t, [Tender.cash(20_000)])
    for model in (Sale, SaleLine, Payment, StockMovement, OutboxEvent):
        if model is StockMovement:
            continue
        assert count(store, model) == 0
    assert on_hand(store, store.apple) == 8
    assert verify(store.db).ok


def test_verify_finds_tampering(store: Store) -> None:
    t = Ticket()
    t.add(scan(store, APPLE_CODE).line)
    sell(store, t, [Tender.cash(20_000)])
    assert verify(store.db).ok
    store.db.transact(lambda uow: uow.session.execute(update(SaleLine).values(net=1)))
    report = verify(store.db)
    assert report.journal and "differs" in report.journal[0]
    store.db.transact(
        lambda uow: uow.session.execute(update(StockLevel).values(on_hand=StockLevel.on_hand + 1))
    )
    assert verify(store.db).ledger


def test_verify_finds_a_rewritten_journal_row(store: Store) -> None:
    for _ in range(2):
        t = Ticket()
        t.add(scan(store, APPLE_CODE).line)
        sell(store, t, [Tender.cash(20_000)])
    store.db.transact(
        lambda uow: uow.conn.execute(
            text(
                "UPDATE journal SET payload = replace(payload, '12900', '12000')"
                " WHERE seq = 2 AND doc_type = 'sale'"
            )
        )
    )
    problems = verify(store.db).journal
    assert any("hash does not match" in p for p in problems)


def test_drawer_openings_are_audited_and_no_sale_needs_a_manager(store: Store) -> None:
    with pytest.raises(AuthError):
        store.db.transact(
            lambda uow: drawer.record_drawer_open(uow, register_id="R01", user_id=store.cashier)
        )
    store.db.transact(
        lambda uow: drawer.record_drawer_open(
            uow, register_id="R01", user_id=store.cashier, approved_by=store.manager, reason="잔돈"
        )
    )
    store.db.transact(
        lambda uow: drawer.record_drawer_open(
            uow, register_id="R01", user_id=store.cashier, receipt_no="R01-20261123-0001"
        )
    )
    actions = store.db.read(
        lambda uow: uow.session.scalars(
            select(AuditEvent.target).where(AuditEvent.action == "drawer.open")
        ).all()
    )
    assert sorted(actions) == ["R01-20261123-0001", "no sale"]
