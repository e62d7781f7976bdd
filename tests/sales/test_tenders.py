"""Tender rules: settlement and change, card masking, cash-receipt identities."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posapp.domain.errors import TenderError
from posapp.sales.tenders import (
    CashReceiptRequest,
    Method,
    ReceiptPurpose,
    Tender,
    VoucherKind,
    check_business_number,
    mask_card,
    settle,
)


def test_change_comes_only_from_cash() -> None:
    s = settle(12_900, [Tender.cash(20_000)])
    assert s.applied == (12_900,) and s.change == 7_100
    card = Tender(Method.CARD, 5_000, approval_no="1")
    s = settle(12_900, [card, Tender.cash(10_000)])
    assert s.applied == (5_000, 7_900) and s.change == 2_100


@given(
    total=st.integers(0, 5_000_000),
    parts=st.lists(st.integers(1, 1_000_000), min_size=1, max_size=4),
    cash=st.integers(0, 2_000_000),
)
def test_settlement_always_balances(total: int, parts: list[int], cash: int) -> None:
    tenders = [Tender(Method.VOUCHER, p, voucher_kind=VoucherKind.LOCAL) for p in parts]
    if cash:
        tenders.append(Tender.cash(cash))
    try:
        s = settle(total, tenders)
    except TenderError as exc:
        assert exc.code in ("tender.short", "tender.overpaid")
        return
    assert sum(s.applied) == total
    assert s.change == sum(t.amount for t in tenders) - total
    assert all(a >= 0 for a in s.applied)


def test_a_full_card_number_is_refused() -> None:
    with pytest.raises(TenderError) as err:
        Tender(Method.CARD, 1000, approval_no="1", card_masked="9410123456785678")
    assert err.value.code == "tender.card_unmasked"
    assert mask_card("9410 1234 5678 5678") == "9410-12**-****-5678"


def test_cash_receipt_identities() -> None:
    assert CashReceiptRequest().masked_identity() == "010-000-1234"
    assert CashReceiptRequest("010-1234-5678").masked_identity() == "010****5678"
    proof = CashReceiptRequest("120-81-47521", ReceiptPurpose.EXPENSE_PROOF)
    assert proof.normalized_identity() == "1208147521"
    with pytest.raises(TenderError):
        CashReceiptRequest("123-45-67890", ReceiptPurpose.EXPENSE_PROOF).normalized_identity()
    with pytest.raises(TenderError):
        CashReceiptRequest("12345").normalized_identity()


def test_business_number_checksum() -> None:
    assert check_business_number("1208147521") == "1208147521"
    with pytest.raises(TenderError):
        check_business_number("1208147522")
