"""현금영수증 duties: a number typed counts as the request (the tender dialog, in
tests/ui/test_dialogs.py), a store in a 의무발행업종 issues one for cash of ₩100,000 or more
unasked — to 010-000-1234 when the customer gives no number — and the pending ones are listed on
the till's X report with their date, age and purpose in Korean, warned before the 5-day limit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import update

from posapp.db.models import PendingCashReceipt
from posapp.hardware.card_terminal import from_uri
from posapp.inventory import catalog
from posapp.sales.register_report import format_report
from posapp.sales.tenders import Tender
from posapp.usecases.checkout import CheckoutSession, SessionSettings
from posapp.usecases.payment import Payments
from tests.conftest import APPLE_CODE, Store
from tests.support.fake_terminal import FakeTerminal


@pytest.fixture
def session(store: Store, tmp_path: Path) -> CheckoutSession:
    s = CheckoutSession(store.db, SessionSettings(recovery_dir=tmp_path))
    s.sign_in("1111")
    return s


def basket_over_100_000(session: CheckoutSession) -> None:
    beef = session.db.read(lambda uow: catalog.product_by_plu(uow, "00101"))
    assert beef is not None
    session.add_product(beef, grams=800)  # ₩102,400


def test_a_mandatory_store_issues_unasked_to_the_nts_number(
    session: CheckoutSession, fake: FakeTerminal
) -> None:
    basket_over_100_000(session)
    payments = Payments(session, from_uri(fake.uri), cash_receipt_mandatory_from=100_000)
    sale = payments.pay([Tender.cash(110_000)]).sale
    (issued,) = fake.of("cash_receipt")
    assert issued["identity"] == "0100001234" and issued["amount"] == 102_400
    assert sale.cash_receipt == "010-000-1234" and sale.cash_receipt_purpose == "자진발급"


def test_below_the_threshold_or_off_nothing_is_issued_unasked(
    session: CheckoutSession, fake: FakeTerminal
) -> None:
    session.scan(APPLE_CODE)
    Payments(session, from_uri(fake.uri), cash_receipt_mandatory_from=100_000).pay(
        [Tender.cash(20_000)]
    )
    basket_over_100_000(session)
    Payments(session, from_uri(fake.uri)).pay([Tender.cash(110_000)])
    assert fake.of("cash_receipt") == []


def test_pending_ones_are_listed_with_their_age_and_warned(
    session: CheckoutSession, store: Store
) -> None:
    basket_over_100_000(session)
    # no terminal: the mandatory one waits (issued within 5 days)
    sale = (
        Payments(session, None, cash_receipt_mandatory_from=100_000)
        .pay([Tender.cash(110_000)])
        .sale
    )
    report = format_report(session.x_report())
    assert sale.receipt_no[-4:] in report and "경과 0일 자진발급" in report
    assert "기한" not in report

    def age(uow):  # type: ignore[no-untyped-def]
        t = PendingCashReceipt.__table__
        old = sale.created_at - dt.timedelta(days=4)
        uow.conn.execute(update(t).values(created_at=old))

    store.db.transact(age)
    report = format_report(session.x_report())
    assert "경과 4일" in report and "발급 기한(5일)까지 1일" in report
