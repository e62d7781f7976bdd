"""Money arithmetic (rounding, formatting, proration, allocation) and the per-receipt VAT split."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posapp.domain.errors import DomainError
from posapp.domain.money import allocate, format_krw, prorate, round_half_up_div
from posapp.domain.tax import TaxClass, TaxSplit, parse_tax_class, split_vat

amounts = st.integers(min_value=-(10**12), max_value=10**12)
weights = st.lists(st.integers(min_value=0, max_value=10**7), min_size=1, max_size=30)


# --- round_half_up_div ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "d", "expected"),
    [
        (0, 7, 0),
        (5, 2, 3),
        (-5, 2, -3),
        (4, 2, 2),
        (7, 3, 2),
        (-7, 3, -2),
        (1, 3, 0),
        (2, 3, 1),
        (-2, 3, -1),
        (15, 10, 2),
        (-15, 10, -2),
        (14, 10, 1),
        (-14, 10, -1),
        (110000, 11, 10000),
    ],
)
def test_round_half_up_div_examples(n: int, d: int, expected: int) -> None:
    assert round_half_up_div(n, d) == expected


@pytest.mark.parametrize("d", [0, -1])
def test_round_half_up_div_needs_a_positive_denominator(d: int) -> None:
    with pytest.raises(ValueError, match="denominator"):
        round_half_up_div(10, d)


def test_round_half_up_div_refuses_floats() -> None:
    with pytest.raises(TypeError):
        round_half_up_div(10.0, 3)  # type: ignore[arg-type]


@given(amounts, st.integers(min_value=1, max_value=10**6))
def test_round_half_up_div_is_exact_and_symmetric(n: int, d: int) -> None:
    q = round_half_up_div(n, d)
    exact = Fraction(n, d)
    assert abs(q - exact) <= Fraction(1, 2)
    if abs(q - exact) == Fraction(1, 2):  # a half: away from zero
        assert abs(q) > abs(exact)
    assert round_half_up_div(-n, d) == -q


# --- format_krw -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (0, "₩0"),
        (900, "₩900"),
        (12300, "₩12,300"),
        (1234567, "₩1,234,567"),
        (-1000, "-₩1,000"),
        (-5, "-₩5"),
    ],
)
def test_format_krw(amount: int, text: str) -> None:
    assert format_krw(amount) == text


# --- prorate --------------------------------------------------------------------------


def test_prorate_examples() -> None:
    assert prorate(10000, 1, 3) == 3333
    assert prorate(10000, 2, 3) == 6667
    assert prorate(-10000, 1, 3) == -3333
    assert prorate(12900, 3, 3) == 12900
    assert prorate(12900, 0, 3) == 0
    assert prorate(15919, 617, 1234) == 7960  # half a weighed line: 7959.5 rounds up


# --- allocate -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "ws", "expected"),
    [
        (100, [1, 1, 1], [34, 33, 33]),
        (-100, [1, 1, 1], [-34, -33, -33]),
        (0, [1, 2], [0, 0]),
        (5, [0, 1], [0, 5]),
        (10, [0, 0], [5, 5]),
        (1, [0, 0, 0], [1, 0, 0]),
        (2, [1, 1, 1], [1, 1, 0]),  # ties go to the earlier index
        (1000, [25800, 7650, 40050], [351, 104, 545]),
        (7, [3], [7]),
    ],
)
def test_allocate_examples(amount: int, ws: list[int], expected: list[int]) -> None:
    assert allocate(amount, ws) == expected


def test_allocate_edge_cases() -> None:
    assert allocate(0, []) == []
    with pytest.raises(ValueError):
        allocate(7, [])
    with pytest.raises(ValueError):
        allocate(7, [1, -1])


@given(amounts, weights)
def test_allocate_sums_exactly_and_is_proportional(amount: int, ws: list[int]) -> None:
    parts = allocate(amount, ws)
    assert len(parts) == len(ws)
    assert sum(parts) == amount
    effective = ws if any(ws) else [1] * len(ws)
    total = sum(effective)
    for part, w in zip(parts, effective, strict=True):
        assert abs(part - Fraction(amount * w, total)) < 1
        if w == 0:
            assert part == 0
    assert allocate(-amount, ws) == [-p for p in parts]
    assert allocate(amount, ws) == parts  # deterministic


# --- VAT ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("taxable", "exempt", "supply", "vat", "total"),
    [
        (11000, 0, 10000, 1000, 11000),
        (1000, 0, 909, 91, 1000),
        (15900, 3000, 14455, 1445, 18900),
        (0, 12900, 0, 0, 12900),
        (0, 0, 0, 0, 0),
        (1, 0, 1, 0, 1),
        (100, 0, 91, 9, 100),
        (47051, 25449, 42774, 4277, 72500),
    ],
)
def test_split_vat_examples(taxable: int, exempt: int, supply: int, vat: int, total: int) -> None:
    assert split_vat(taxable, exempt) == TaxSplit(taxable, supply, vat, exempt, total)


def test_split_vat_refund_is_the_negation() -> None:
    assert split_vat(-15900, -3000) == TaxSplit(-15900, -14455, -1445, -3000, -18900)
    assert split_vat(-15900, -3000) == -split_vat(15900, 3000)


@given(amounts, amounts)
def test_split_vat_adds_up(taxable: int, exempt: int) -> None:
    s = split_vat(taxable, exempt)
    assert s.supply_value + s.vat == s.taxable_total == taxable
    assert s.taxable_total + s.exempt_total == s.total
    assert s.supply_value == round_half_up_div(taxable * 10, 11)
    assert abs(s.vat - Fraction(taxable, 11)) <= Fraction(1, 2)
    assert split_vat(-taxable, -exempt) == -s


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("taxable", TaxClass.TAXABLE),
        (" TAXABLE ", TaxClass.TAXABLE),
        ("과세", TaxClass.TAXABLE),
        ("exempt", TaxClass.EXEMPT),
        ("Exempt", TaxClass.EXEMPT),
        ("면 세", TaxClass.EXEMPT),
    ],
)
def test_parse_tax_class(text: str, expected: TaxClass) -> None:
    assert parse_tax_class(text) is expected


@pytest.mark.parametrize("text", ["", "vat", "영세", "taxed"])
def test_parse_tax_class_rejects(text: str) -> None:
    with pytest.raises(DomainError) as err:
        parse_tax_class(text)
    assert err.value.code == "tax.unknown"
    assert repr(text) in str(err.value)


def test_tax_class_values() -> None:
    assert TaxClass.TAXABLE == "taxable"
    assert TaxClass.EXEMPT == "exempt"
    assert TaxClass("exempt").label_ko == "면세"
