"""원단위 절사: the cash part of what is due is rounded down to ₩10 (the drawer has no 1- and
5-won coins), recorded as a rounding adjustment, so the receipt's VAT split stays exact and the
drawer balances; card parts are never rounded. The issue's hand-computed cases, by the payment
use case a till runs (the tender dialog's side is in tests/ui/test_cash_rounding_dialog.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text

from posapp.config import Settings
from posapp.domain import calendar
from posapp.hardware.card_terminal import from_uri
from posapp.hardware.receipt import layout_sale
from posapp.inventory import catalog, csv_io, ledger
from posapp.sales.register_report import format_report
from posapp.sales.tenders import CashReceiptRequest, Method, Tender
from posapp.usecases.approvals import Approval
from posapp.usecases.checkout import CheckoutSession, SessionSettings
from posapp.usecases.payment import Payments
from posapp.usecases.receipts import sale_receipt
from posapp.usecases.refund import REFUND
from tests.conftest import Store
from tests.support.fake_terminal import FakeTerminal

HANWOO_PLU = "00102"


@pytest.fixture
def session(store: Store, tmp_path: Path) -> CheckoutSession:
    csv_text = (
        "barcode,name_ko,name_en,region,producer,category,unit,price,tax,reorder_point,plu\n"
        f",횡성 한우 1++ 등심,Hanwoo 1++ Sirloin,횡성군,횡성축협,축산물,100g,18900,exempt,0,{HANWOO_PLU}\n"
        "8801234500999,선물 포장 상자,Gift Box,,,잡화,ea,44000,taxable,0,\n"
    )

    def setup(uow):  # type: ignore[no-untyped-def]
        csv_io.import_products(uow, csv_text.encode())
        pid = uow.conn.execute(
            text("SELECT id FROM products WHERE plu = :p"), {"p": HANWOO_PLU}
        ).scalar_one()
        ledger.receive_lot(uow, pid, 5_000, expiry_date=calendar.today() + dt.timedelta(days=5))
        found = catalog.product_by_barcode(uow, "8801234500999")
        assert found is not None
        box = found.id
        ledger.receive_lot(uow, box, 10, expiry_date=calendar.today() + dt.timedelta(days=300))

    store.db.transact(setup)
    s = CheckoutSession(store.db, SessionSettings(recovery_dir=tmp_path))
    s.sign_in("1111")
    return s


def add_hanwoo(session: CheckoutSession, grams: int = 437) -> None:
    hanwoo = session.db.read(lambda uow: catalog.product_by_plu(uow, HANWOO_PLU))
    assert hanwoo is not None
    session.add_product(hanwoo, grams=grams)


def test_hanwoo_437_g_in_cash_is_82_590_and_100_000_gives_17_410(
    session: CheckoutSession, store: Store
) -> None:
    add_hanwoo(session)
    assert session.priced().total == 82_593  # 437 g × ₩18,900 / 100 g
    payments = Payments(session, None, cash_rounding_unit=10)
    sale = payments.pay([Tender.cash(100_000)]).sale
    assert sale.total == 82_593 and sale.change == 17_410
    assert sale.tax.exempt_total + sale.tax.supply_value + sale.tax.vat == 82_593
    by_method = {p.method: p.amount for p in sale.payments}
    assert by_method == {"cash": 82_590, "rounding": 3}
    x = session.x_report()
    assert x.expected_cash == 150_000 + 82_590  # the float and what the drawer took
    report = format_report(x)
    assert "원단위 절사" in report
    paper = layout_sale(sale_receipt(sale, Settings(), cashier="김하늘")).text()
    assert "원단위 절사" in paper and "17,410" in paper and "82,593" in paper
    # the drawer balances: counted in real coins, nothing over or short
    z = session.close_shift({10_000: 23, 1_000: 2, 500: 1, 50: 1, 10: 4})  # 232,590
    assert z.over_short == 0


def test_the_same_paid_by_card_is_not_rounded(session: CheckoutSession, fake: FakeTerminal) -> None:
    add_hanwoo(session)
    payments = Payments(session, from_uri(fake.uri), cash_rounding_unit=10)
    card = payments.approve_card(82_593)
    sale = payments.pay([card]).sale
    (approve,) = fake.of("approve")
    assert approve["amount"] == 82_593 and approve["tax_free"] == 82_593 and approve["vat"] == 0
    assert [(p.method, p.amount) for p in sale.payments] == [("card", 82_593)]


def test_card_and_cash_split_apportions_the_tax_and_rounds_only_the_cash(
    session: CheckoutSession, fake: FakeTerminal
) -> None:
    session.scan("8801234500999")  # ₩44,000 taxable
    add_hanwoo(session)  # ₩82,593 exempt
    assert session.priced().total == 126_593
    payments = Payments(session, from_uri(fake.uri), cash_rounding_unit=10)
    card = payments.approve_card(50_000)
    sale = payments.pay([card, Tender.cash(76_590)], CashReceiptRequest("010-1234-5678")).sale
    assert sale.change == 0
    assert {p.method: p.amount for p in sale.payments} == {
        "card": 50_000,
        "cash": 76_590,
        "rounding": 3,
    }
    (approve,) = fake.of("approve")
    (receipt,) = fake.of("cash_receipt")
    assert receipt["amount"] == 76_590  # what the customer paid in cash
    cols = ("supply_value", "vat", "tax_free")
    card_tax = [approve[k] for k in cols]
    cash_tax = [receipt[k] for k in cols]
    assert sum(card_tax) == 50_000 and sum(cash_tax) == 76_590
    # the receipt's own split less the 3 won not asked of anyone: exact to the won
    assert card_tax[1] + cash_tax[1] <= sale.tax.vat
    assert card_tax[2] + cash_tax[2] <= sale.tax.exempt_total
    assert sum(card_tax) + sum(cash_tax) + 3 == sale.tax.total


def test_a_refund_of_a_rounded_cash_sale_pays_out_what_was_paid(
    session: CheckoutSession, store: Store
) -> None:
    add_hanwoo(session)
    payments = Payments(session, None, cash_rounding_unit=10)
    sale = payments.pay([Tender.cash(82_590)]).sale
    assert sale.change == 0
    refund = payments.refund(
        sale.receipt_no, None, "반품", Approval(store.manager, "박지민", REFUND)
    )
    assert refund.total == -82_593
    assert {p.method: p.amount for p in refund.payments} == {"cash": -82_590, "rounding": -3}
    assert session.x_report().expected_cash == 150_000  # in 82,590 and out 82,590


def test_rounding_off_takes_the_won_as_they_are(session: CheckoutSession) -> None:
    add_hanwoo(session)
    sale = Payments(session, None, cash_rounding_unit=1).pay([Tender.cash(100_000)]).sale
    assert sale.change == 17_407
    assert [p.method for p in sale.payments] == ["cash"]


def test_the_unit_is_the_stores_policy_and_a_larger_rounding_is_refused(
    session: CheckoutSession, store: Store
) -> None:
    """A till's TOML does not round: the store policy does (10 by default, 1 = off). The tender
    dialog's adjustment is checked against it — none rounds ₩99 off a ₩10 store's sale."""
    from posapp import store_policy
    from posapp.domain.errors import TenderError
    from posapp.ui.messages import describe

    add_hanwoo(session)
    payments = Payments(session, None)  # no rule given: the store's
    assert payments.cash_rounding_unit == 10  # before anything was read: the default
    with pytest.raises(TenderError) as refused:
        payments.pay([Tender.cash(82_500), Tender(Method.ROUNDING, 93)])
    assert describe(refused.value, "ko") == (
        "매장 정책의 원단위 절사는 10원 단위입니다: 절사 93원은 맞지 않습니다. 결제 창을 다시 여세요."
    )
    assert session.last_sale is None and len(session.ticket.lines) == 1  # nothing lost
    store.db.transact(
        lambda uow: store_policy.change(uow, {"cash_rounding_unit": 1}, store.manager)
    )
    session.policy_read = None  # the next read (after 30 s at a till)
    sale = payments.pay([Tender.cash(100_000)]).sale
    assert sale.change == 17_407 and [p.method for p in sale.payments] == ["cash"]
    assert payments.cash_rounding_unit == 1  # what the tender dialog shows next
