"""Paper vouchers as the bank and the customer need them: the serial kept, the rest of a
voucher worth more than the basket repaid in cash when enough of it is used (60 %, 80 % for a
face value of ₩10,000 or less), per-kind totals at face value on the X report for redemption,
and the drawer's expected cash net of what the vouchers' rests took out of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from posapp.domain.errors import TenderError
from posapp.sales.register_report import format_report
from posapp.sales.tenders import (
    Method,
    Tender,
    VoucherKind,
    VoucherRule,
    settle,
    voucher_tender,
)
from posapp.usecases.checkout import CheckoutSession, SessionSettings
from posapp.usecases.payment import Payments
from tests.conftest import GOCHUJANG_CODE, SALT_CODE, Store


@pytest.fixture
def session(store: Store, tmp_path: Path) -> CheckoutSession:
    s = CheckoutSession(store.db, SessionSettings(recovery_dir=tmp_path))
    s.sign_in("1111")
    return s


def test_10_000_onnuri_on_8_500_gives_1_500_back(session: CheckoutSession) -> None:
    session.scan(GOCHUJANG_CODE)  # ₩8,500
    voucher = voucher_tender(10_000, 8_500, VoucherKind.ONNURI, "ON-0001", VoucherRule())
    assert voucher.voucher_rest == "change"
    sale = Payments(session, None).pay([voucher]).sale
    assert sale.change == 1_500
    (p,) = sale.payments
    assert (p.method, p.amount, p.tendered, p.change) == ("voucher", 8_500, 10_000, 1_500)
    x = session.x_report()
    assert x.expected_cash == 150_000 - 1_500  # the rest came out of the drawer
    assert [(v.method, v.count, v.amount) for v in x.vouchers] == [("onnuri", 1, 10_000)]
    assert "온누리상품권(지류) 1매 (액면)" in format_report(x)


def test_too_little_used_repays_nothing(session: CheckoutSession) -> None:
    session.scan(SALT_CODE)  # ₩6,000 of a ₩10,000 voucher: 60 % < 80 %
    voucher = voucher_tender(10_000, 6_000, VoucherKind.LOCAL, "SL-0002", VoucherRule())
    assert voucher.voucher_rest == "forfeit"
    sale = Payments(session, None).pay([voucher]).sale
    assert sale.change == 0
    (p,) = sale.payments
    assert (p.amount, p.tendered, p.change) == (6_000, 10_000, 0)
    assert session.x_report().expected_cash == 150_000


def test_a_larger_voucher_follows_the_60_percent_rule() -> None:
    rule = VoucherRule()
    assert rule.repays(50_000, 30_000) and not rule.repays(50_000, 29_999)
    assert rule.repays(10_000, 8_000) and not rule.repays(10_000, 7_999)
    assert VoucherRule(70, 90, 10_000).repays(50_000, 35_000)


def test_the_engine_refuses_a_rest_repaid_below_the_legal_floor() -> None:
    greedy = Tender(Method.VOUCHER, 10_000, voucher_kind=VoucherKind.ONNURI, voucher_rest="change")
    with pytest.raises(TenderError) as caught:
        settle(5_000, [greedy])  # half used, yet the rest asked for in cash
    assert caught.value.code == "tender.voucher_change"
    plain = Tender(Method.VOUCHER, 10_000, voucher_kind=VoucherKind.ONNURI)
    with pytest.raises(TenderError) as over:
        settle(5_000, [plain])  # a voucher not marked may not exceed what is due
    assert over.value.code == "tender.overpaid"


def test_a_voucher_serial_that_is_a_card_number_is_refused() -> None:
    with pytest.raises(TenderError) as caught:
        voucher_tender(10_000, 8_500, VoucherKind.ONNURI, "4111111111111111", VoucherRule())
    assert caught.value.code == "tender.card_number_typed"
