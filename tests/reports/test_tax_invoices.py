"""세금계산서 / 계산서 requests (issue 20, item 2), hand-computed on both backends.

A company buys 명절 gift boxes on 2026-10-14: 고추장 ×2 (과세 17,000 → 공급가액 15,455
(15,454.55), 세액 1,545) and 사과 ×2 (면세 25,800) = 42,800 paid by bank transfer, with a tax
invoice to 한결상사 (220-81-12341). A card sale and a 현금영수증 sale are refused one (부가가치세법
§33②). On 10-20 one 사과 of the gift order comes back (−12,900, by transfer).
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from posapp.reports import catalog, export, tax_invoices, vat, xlsx
from posapp.reports.model import Period
from posapp.reports.tax_invoices import Buyer, TaxInvoiceError
from posapp.sales import refunds
from posapp.sales.tenders import CashReceiptRequest, Method, Tender
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store
from tests.reports.test_vat_return import card, kst, sell

OCT = Period(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
BUYER = Buyer(
    "220-81-12341",
    "한결상사",
    "김한결",
    "tax@hangyeol.co.kr",
    "서울 종로구 율곡로 1",
    "도소매",
    "선물",
)


def ask(store: Store, receipt: str, buyer: Buyer = BUYER) -> tax_invoices.TaxInvoiceInfo:
    return store.db.transact(
        lambda uow: tax_invoices.request(uow, receipt, buyer, user_id=store.manager)
    )


@pytest.fixture
def gift(store: Store) -> tuple[Store, str]:
    g, a = GOCHUJANG_CODE, APPLE_CODE
    transfer = Tender(Method.TRANSFER, 42_800, reference="국민 123")
    return store, sell(store, [g, g, a, a], [transfer], kst(14, 10))


def test_a_transfer_sale_gets_a_tax_invoice_and_the_vat_figures_place_it(gift) -> None:  # type: ignore[no-untyped-def]
    store, receipt = gift
    info = ask(store, receipt)
    assert (info.supply_value, info.vat, info.exempt_total, info.state_ko) == (
        15_455, 1_545, 25_800, "발급 대기",
    )  # fmt: skip
    assert info.business_no_text == "220-81-12341"
    lines = tax_invoices.slip_lines(info)
    assert "이 거래는 세금계산서로 증빙합니다." in lines
    assert "세금계산서 공급가액 15,455 세액 1,545" in lines and "계산서 공급가액 25,800" in lines
    r = store.db.read(lambda uow: vat.vat_return(uow, OCT))
    assert r.row("세금계산서")[1:] == (1, 17_000, 17_000, 15_455, 1_545, 0)
    assert r.row("계산서")[1:] == (1, 25_800, 0, 0, 0, 25_800)
    assert r.row("기타 (현금·상품권 등)")[1:] == (0, 0, 0, 0, 0, 0)
    ret = {row[0]: row[1:] for row in r.sections[0][2]}
    assert ret["(1) 과세 세금계산서 발급분"] == (15_455, 1_545)
    assert ret["  그 중 계산서 발급금액"] == (25_800, None)
    # one 사과 comes back: the refund is under 계산서 too (a 수정계산서), in its own period
    store.db.transact(
        lambda uow: refunds.refund(
            uow, receipt, register_id="R01", user_id=store.cashier, approved_by=store.manager,
            lines={2: 1}, tenders=[Tender(Method.TRANSFER, 12_900)], now=kst(20, 10),
        )
    )  # fmt: skip
    r = store.db.read(lambda uow: vat.vat_return(uow, OCT))
    assert r.row("계산서")[1:] == (2, 12_900, 0, 0, 0, 12_900)
    # issued with the NTS approval number; the list for the accountant, as CSV and XLSX
    issued = store.db.transact(
        lambda uow: tax_invoices.mark_issued(
            uow, info.id, "202610144100000012345678", user_id=store.manager
        )
    )
    assert (issued.state_ko, issued.nts_approval_no) == ("발급 완료", "20261014-41000000-12345678")
    listing = store.db.read(lambda uow: catalog.run(uow, "tax-invoices", OCT))
    assert [row[1] for row in listing.rows] == ["세금계산서", "계산서"]
    assert listing.rows[0][2:9] == (
        "220-81-12341", "한결상사", "김한결", "서울 종로구 율곡로 1", "도소매", "선물",
        "tax@hangyeol.co.kr",
    )  # fmt: skip
    assert listing.rows[0][9] == "순창 전통 고추장 1kg 외 1건"
    assert listing.rows[0][10:12] == (15_455, 1_545) and listing.rows[1][10:12] == (25_800, 0)
    assert listing.totals is not None and listing.totals[10:12] == (41_255, 1_545)
    rows = list(csv.reader(io.StringIO(export.to_csv(listing).decode("utf-8-sig"))))
    assert rows[1][:3] == ["작성일자", "종류", "공급받는자 등록번호"]
    assert rows[2][14] == "20261014-41000000-12345678"
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(xlsx.to_xlsx(listing)))["tax-invoices"]
    assert ws["K5"].value == 15_455 and ws["C5"].value == "220-81-12341"
    with pytest.raises(TaxInvoiceError) as e:
        store.db.transact(lambda uow: tax_invoices.cancel(uow, info.id, user_id=store.manager))
    assert e.value.code == "tax_invoice.state"


def test_a_card_sale_and_a_cash_receipt_sale_are_refused(store: Store) -> None:
    by_card = sell(store, [GOCHUJANG_CODE], [card(8_500)], kst(15, 11))
    with pytest.raises(TaxInvoiceError) as e:
        ask(store, by_card)
    assert e.value.code == "tax_invoice.has_slip" and e.value.data["evidence"] == "카드전표"
    with_receipt = sell(
        store, [GOCHUJANG_CODE], [Tender.cash(10_000)], kst(15, 12),
        cash_receipt=CashReceiptRequest(identity="01012345678"),
    )  # fmt: skip
    with pytest.raises(TaxInvoiceError) as e:
        ask(store, with_receipt)
    assert e.value.data["evidence"] == "현금영수증"
    r = store.db.read(lambda uow: vat.vat_return(uow, OCT))
    assert r.row("세금계산서")[1:] == (0, 0, 0, 0, 0, 0)  # nothing moved


def test_buyer_details_are_checked_and_a_request_can_be_cancelled(gift) -> None:  # type: ignore[no-untyped-def]
    store, receipt = gift
    from dataclasses import replace

    for bad, code in (
        (replace(BUYER, business_no="220-81-12342"), "tax_invoice.business_no"),
        (replace(BUYER, business_no="12345"), "tax_invoice.business_no"),
        (replace(BUYER, name=" "), "tax_invoice.field"),
        (replace(BUYER, email="tax.hangyeol"), "tax_invoice.email"),
    ):
        with pytest.raises(TaxInvoiceError) as e:
            ask(store, receipt, bad)
        assert e.value.code == code
    with pytest.raises(TaxInvoiceError) as e:
        ask(store, "R01-20261014-9999")
    assert e.value.code == "tax_invoice.unknown_sale"
    info = ask(store, receipt)
    with pytest.raises(TaxInvoiceError) as e:
        ask(store, receipt)
    assert e.value.code == "tax_invoice.duplicate"
    with pytest.raises(TaxInvoiceError) as e:
        store.db.transact(lambda uow: tax_invoices.mark_issued(uow, info.id, "1234", user_id=None))
    assert e.value.code == "tax_invoice.approval"
    store.db.transact(
        lambda uow: tax_invoices.cancel(uow, info.id, user_id=store.manager, reason="주문 취소")
    )
    r = store.db.read(lambda uow: vat.vat_return(uow, OCT))
    assert r.row("세금계산서")[1:] == (0, 0, 0, 0, 0, 0)  # cancelled: back under 기타
    assert r.row("기타 (현금·상품권 등)")[1:3] == (1, 42_800)
