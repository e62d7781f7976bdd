"""The tax split each payment carries to the VAN: the receipt's 공급가액/부가세/면세 apportioned
over the tenders so every column sums exactly to the receipt's, whatever the amounts."""

from __future__ import annotations

import random

import pytest

from posapp.domain import tax_parts
from posapp.domain.tax import split_vat
from posapp.domain.tax_parts import TaxParts


def test_taxable_and_exempt_basket_paid_by_card_then_cash() -> None:
    # the case: a taxable ₩44,000 + exempt ₩82,593 (한우 437 g) basket,
    # ₩50,000 by card, the rest (₩76,593) in cash
    split = split_vat(44_000, 82_593)
    whole = tax_parts.of_split(split)
    assert whole == TaxParts(40_000, 4_000, 82_593)
    card = tax_parts.share(whole, [], 50_000)
    cash = tax_parts.rest(whole, [50_000])
    assert card.amount == 50_000 and cash.amount == 76_593
    assert card.supply_value + cash.supply_value == split.supply_value == 40_000
    assert card.vat + cash.vat == split.vat == 4_000
    assert card.tax_free + cash.tax_free == split.exempt_total == 82_593
    # in proportion: 50,000 / 126,593 of the exempt part is the card's
    # 50,000 × 82,593 / 126,593 = 32,621.3; VAT 4,000 × 17,379 / 44,000 = 1,579.9 → 1,580
    assert card == TaxParts(15_799, 1_580, 32_621)
    assert cash == TaxParts(24_201, 2_420, 49_972)


def test_an_all_exempt_basket_carries_no_vat() -> None:
    whole = tax_parts.of_split(split_vat(0, 82_593))
    assert tax_parts.share(whole, [], 82_593) == TaxParts(0, 0, 82_593)


@pytest.mark.parametrize("seed", range(30))
def test_any_split_of_any_basket_sums_exactly(seed: int) -> None:
    rnd = random.Random(seed)
    split = split_vat(rnd.randint(0, 300_000), rnd.randint(0, 300_000))
    whole = tax_parts.of_split(split)
    if whole.amount == 0:
        return
    cards = []
    left = whole.amount
    for _ in range(rnd.randint(0, 3)):
        if left <= 1:
            break
        a = rnd.randint(1, left - 1)
        cards.append(a)
        left -= a
    shares = [tax_parts.share(whole, cards[:i], a) for i, a in enumerate(cards)]
    shares.append(tax_parts.rest(whole, cards))
    assert [s.amount for s in shares] == [*cards, left]
    assert sum(s.supply_value for s in shares) == split.supply_value
    assert sum(s.vat for s in shares) == split.vat
    assert sum(s.tax_free for s in shares) == split.exempt_total
    assert all(min(s.supply_value, s.vat, s.tax_free) >= 0 for s in shares)


def test_a_refund_split_is_read_as_positive_amounts() -> None:
    assert tax_parts.of_split(-split_vat(11_000, 500)) == TaxParts(10_000, 1_000, 500)
