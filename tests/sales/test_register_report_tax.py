"""The X/Z report's evidence totals split into 과세 and 면세 (issue 20), by hand.

One sale of 고추장 (과세 8,500) + 사과 (면세 12,900) = 21,400 paid with a ₩10,000 온누리 voucher
and 11,400 by card. The receipt: 과세 8,500 = 공급가액 7,727 + 부가세 773, 면세 12,900. Shared
by payment (largest remainder): 과세 3,972 / 4,528 (8,500 × 10,000/21,400 = 3,971.96; ×
11,400/21,400 = 4,528.04; the won left goes to the voucher's larger remainder), VAT 361 / 412
(773 × 3,972/8,500 = 361.22; × 4,528/8,500 = 411.77: the won left to the card). Then 2 고추장
with a 현금영수증, cash 20,000: 17,000 과세 = 15,455 + 1,545.
"""

from __future__ import annotations

from posapp.inventory import catalog
from posapp.sales import completion, register_report
from posapp.sales.tenders import CashReceiptRequest, Method, Tender, VoucherKind
from posapp.sales.ticket import Ticket
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store


def test_x_report_evidence_split_into_taxable_and_exempt(store: Store) -> None:
    def sell(codes: list[str], tenders: list[Tender], receipt: CashReceiptRequest | None) -> None:
        t = Ticket()
        for code in codes:
            t.add(store.db.read(lambda uow, c=code: catalog.scan(uow, c)).line)
        store.db.transact(
            lambda uow: completion.complete_sale(
                uow, t, tenders, register_id="R01", user_id=store.cashier, cash_receipt=receipt
            )
        )

    voucher = Tender(Method.VOUCHER, 10_000, voucher_kind=VoucherKind.ONNURI)
    card = Tender(Method.CARD, 11_400, approval_no="40001234", card_masked="5365-10**-****-1234")
    sell([GOCHUJANG_CODE, APPLE_CODE], [voucher, card], None)
    sell(
        [GOCHUJANG_CODE, GOCHUJANG_CODE],
        [Tender.cash(20_000)],
        CashReceiptRequest(identity="01012345678"),
    )
    x = store.db.read(lambda uow: register_report.x_report(uow, store.shift_id))
    by = {t.method: (t.count, t.amount, t.taxable, t.supply, t.vat, t.exempt) for t in x.evidence}
    assert by == {
        "card": (1, 11_400, 4_528, 4_116, 412, 6_872),
        "voucher": (1, 10_000, 3_972, 3_611, 361, 6_028),
        "cash_receipt": (1, 17_000, 17_000, 15_455, 1_545, 0),
    }
    # the parts add back to the receipts' own split
    assert sum(t.supply for t in x.evidence) == x.supply_value == 7_727 + 15_455
    assert sum(t.vat for t in x.evidence) == x.vat == 773 + 1_545
    assert sum(t.exempt for t in x.evidence) == x.exempt_total == 12_900
    text = register_report.format_report(x)
    assert "과세 / 면세" in text and "₩4,528 / ₩6,872" in text
