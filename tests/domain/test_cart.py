"""Cart arithmetic: units, discounts, line gross, and price_cart's exact totals (with properties)."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posapp.domain.cart import CartLine, Discount, PricedCart, Unit, parse_unit, price_cart
from posapp.domain.errors import (
    BarcodeError,
    DiscountError,
    DomainError,
    QuantityError,
    TenderError,
)
from posapp.domain.tax import TaxClass, TaxSplit, split_vat


def line(
    unit: Unit = Unit.EA,
    qty: int = 1,
    price: int = 1000,
    tax: TaxClass = TaxClass.TAXABLE,
    **kw: object,
) -> CartLine:
    return CartLine(
        product_id=kw.pop("product_id", 1),  # type: ignore[arg-type]
        name=kw.pop("name", "영주 사과"),  # type: ignore[arg-type]
        tax_class=tax,
        unit=unit,
        qty=qty,
        unit_price=price,
        **kw,  # type: ignore[arg-type]
    )


# --- errors ---------------------------------------------------------------------------


def test_domain_error_carries_code_and_data() -> None:
    err = QuantityError("quantity of 사과 must be above 0, got 0", code="quantity.invalid", qty=0)
    assert isinstance(err, DomainError)
    assert str(err) == "quantity of 사과 must be above 0, got 0"
    assert err.code == "quantity.invalid"
    assert err.data == {"qty": 0}
    copy = pickle.loads(pickle.dumps(err))
    assert type(copy) is QuantityError
    assert (str(copy), copy.code, copy.data) == (str(err), err.code, err.data)
    for cls in (BarcodeError, DiscountError, TenderError):
        assert issubclass(cls, DomainError)


# --- units ----------------------------------------------------------------------------


def test_units() -> None:
    assert [u.value for u in Unit] == ["ea", "kg", "100g"]
    assert (Unit.EA.price_per, Unit.KG.price_per, Unit.G100.price_per) == (1, 1000, 100)
    assert not Unit.EA.is_weighed
    assert Unit.KG.is_weighed and Unit.G100.is_weighed


@pytest.mark.parametrize(
    ("text", "unit"),
    [("ea", Unit.EA), ("EA", Unit.EA), ("개", Unit.EA), (" kg ", Unit.KG), ("100g", Unit.G100)],
)
def test_parse_unit(text: str, unit: Unit) -> None:
    assert parse_unit(text) is unit


@pytest.mark.parametrize("text", ["", "g", "box", "1kg"])
def test_parse_unit_rejects(text: str) -> None:
    with pytest.raises(DomainError) as err:
        parse_unit(text)
    assert err.value.code == "unit.unknown"


# --- discounts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda: Discount.amount(0),
        lambda: Discount.amount(-500),
        lambda: Discount.percent(0),
        lambda: Discount.percent(101),
        lambda: Discount("coupon", 5),  # type: ignore[arg-type]
    ],
)
def test_invalid_discounts(make) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DiscountError) as err:
        make()
    assert err.value.code == "discount.invalid"


def test_discount_compute() -> None:
    assert Discount.percent(10).compute(12900) == 1290
    assert Discount.percent(15).compute(9990) == 1499  # 1498.5 rounds half up
    assert Discount.percent(15).compute(9970) == 1496  # 1495.5
    assert Discount.percent(100).compute(8500) == 8500
    assert Discount.percent(5).compute(0) == 0
    assert Discount.amount(1000).compute(1000) == 1000
    with pytest.raises(DiscountError) as err:
        Discount.amount(1001).compute(1000)
    assert err.value.code == "discount.too_large"
    assert "₩1,001" in str(err.value)
    assert Discount.amount(500) == Discount("amount", 500)
    assert Discount.percent(10).describe() == "10%"


# --- lines ----------------------------------------------------------------------------


def test_line_gross() -> None:
    assert line(Unit.EA, 3, 12900).gross == 38700
    assert line(Unit.KG, 1234, 12900).gross == 15919  # 15918.6
    assert line(Unit.KG, 1, 500).gross == 1  # 0.5 rounds half up
    assert line(Unit.KG, 1, 499).gross == 0
    assert line(Unit.G100, 355, 2500).gross == 8875
    assert line(Unit.G100, 333, 2500).gross == 8325
    assert line(Unit.G100, 1, 2500).gross == 25
    # a price-embedded scale label: its amount wins over price × weight
    assert line(Unit.KG, 1234, 12900, fixed_amount=15900).gross == 15900
    assert line(Unit.EA, 1, 0).gross == 0


@pytest.mark.parametrize("qty", [0, -1, True, 1.5])
def test_line_quantity_must_be_positive_int(qty: object) -> None:
    with pytest.raises(QuantityError) as err:
        line(qty=qty)  # type: ignore[arg-type]
    assert err.value.code == "quantity.invalid"
    assert str(qty) in str(err.value)


def test_line_price_validation() -> None:
    with pytest.raises(DomainError) as err:
        line(price=-1)
    assert err.value.code == "price.invalid"
    with pytest.raises(DomainError):
        line(price=1000.0)  # type: ignore[arg-type]
    with pytest.raises(DomainError):
        line(fixed_amount=-10)
    assert line(fixed_amount=0).gross == 0


def test_line_coerces_enum_values() -> None:
    ln = line(unit="kg", tax="exempt", qty=500)  # type: ignore[arg-type]
    assert ln.unit is Unit.KG and ln.tax_class is TaxClass.EXEMPT


def test_line_with_qty_and_discount_return_new_lines() -> None:
    ln = line(qty=1)
    two = ln.with_qty(2)
    off = two.with_discount(Discount.percent(10))
    assert (ln.qty, two.qty, off.qty) == (1, 2, 2)
    assert ln.discount is None and off.discount == Discount.percent(10)
    assert off.with_discount(None).discount is None
    with pytest.raises(QuantityError):
        ln.with_qty(0)


# --- price_cart -----------------------------------------------------------------------


def test_empty_cart_is_zero() -> None:
    for discount in (None, Discount.amount(1000), Discount.percent(10)):
        cart = price_cart([], discount)
        assert cart == PricedCart((), 0, 0, 0, 0, 0, TaxSplit(0, 0, 0, 0, 0), 0, 0)


def test_price_cart_by_hand() -> None:
    apples = line(Unit.EA, 2, 12900, TaxClass.EXEMPT, product_id=1, name="영주 사과")
    paste = line(
        Unit.EA,
        1,
        8500,
        TaxClass.TAXABLE,
        product_id=2,
        name="순창 고추장",
        discount=Discount.percent(10),
    )
    beef = line(Unit.KG, 450, 89000, TaxClass.TAXABLE, product_id=3, name="횡성 한우 등심")
    cart = price_cart([apples, paste, beef], Discount.amount(1000))
    assert [(p.gross, p.line_discount, p.ticket_discount, p.net) for p in cart.lines] == [
        (25800, 0, 351, 25449),
        (8500, 850, 104, 7546),
        (40050, 0, 545, 39505),
    ]
    assert cart.gross_total == 74350
    assert cart.line_discount_total == 850
    assert cart.ticket_discount_total == 1000
    assert cart.discount_total == 1850
    assert cart.total == 72500
    assert cart.tax == TaxSplit(47051, 42774, 4277, 25449, 72500)
    assert cart.item_count == 3
    assert cart.piece_count == 4  # 2 apples + 1 paste + 1 weighed beef
    assert cart.lines[0].line is apples


def test_vat_is_split_per_receipt_not_per_line() -> None:
    # ten ₩1,000 taxable lines: per line 909 + 91 would give VAT 910; per receipt it is 909
    cart = price_cart([line(price=1000, product_id=i) for i in range(10)])
    assert cart.tax == split_vat(10000, 0) == TaxSplit(10000, 9091, 909, 0, 10000)


def test_full_ticket_discount() -> None:
    cart = price_cart([line(qty=3, price=333), line(Unit.G100, 150, 990)], Discount.percent(100))
    assert cart.total == 0
    assert all(p.net == 0 for p in cart.lines)
    assert cart.ticket_discount_total == cart.gross_total == 999 + 1485


def test_ticket_amount_discount_larger_than_cart_is_refused() -> None:
    with pytest.raises(DiscountError) as err:
        price_cart([line(price=900)], Discount.amount(1000))
    assert err.value.code == "discount.too_large"


def test_line_amount_discount_larger_than_line_is_refused() -> None:
    with pytest.raises(DiscountError) as err:
        price_cart([line(price=900, discount=Discount.amount(901))])
    assert err.value.code == "discount.too_large"


def test_ticket_discount_applies_after_line_discounts() -> None:
    cart = price_cart([line(price=10000, discount=Discount.amount(2000))], Discount.percent(10))
    assert cart.ticket_discount_total == 800  # 10% of 8,000, not of 10,000
    assert cart.total == 7200


# --- properties -----------------------------------------------------------------------


@st.composite
def cart_lines(draw: st.DrawFn) -> CartLine:
    unit = draw(st.sampled_from(list(Unit)))
    qty = draw(st.integers(1, 50) if unit is Unit.EA else st.integers(1, 20000))
    price = draw(st.integers(0, 500_000))
    fixed = draw(st.none() | st.integers(0, 200_000)) if unit.is_weighed else None
    ln = CartLine(
        product_id=draw(st.integers(1, 10**6)),
        name="상품",
        tax_class=draw(st.sampled_from(list(TaxClass))),
        unit=unit,
        qty=qty,
        unit_price=price,
        fixed_amount=fixed,
    )
    kind = draw(st.sampled_from(["none", "percent", "amount"]))
    if kind == "percent":
        ln = ln.with_discount(Discount.percent(draw(st.integers(1, 100))))
    elif kind == "amount" and ln.gross > 0:
        ln = ln.with_discount(Discount.amount(draw(st.integers(1, ln.gross))))
    return ln


@st.composite
def carts(draw: st.DrawFn) -> tuple[list[CartLine], Discount | None]:
    lines = draw(st.lists(cart_lines(), max_size=12))
    base = sum(ln.gross - (ln.discount.compute(ln.gross) if ln.discount else 0) for ln in lines)
    kind = draw(st.sampled_from(["none", "percent", "amount"]))
    if kind == "percent":
        return lines, Discount.percent(draw(st.integers(1, 100)))
    if kind == "amount" and base > 0:
        return lines, Discount.amount(draw(st.integers(1, base)))
    return lines, None


@given(carts())
def test_price_cart_totals_always_add_up(cart_and_discount: tuple) -> None:  # type: ignore[type-arg]
    lines, ticket = cart_and_discount
    cart = price_cart(lines, ticket)
    nets = [p.net for p in cart.lines]
    assert sum(nets) == cart.total == cart.tax.total
    assert cart.tax.supply_value + cart.tax.vat == cart.tax.taxable_total
    assert cart.tax.taxable_total + cart.tax.exempt_total == cart.total
    assert cart.tax.taxable_total == sum(
        p.net for p in cart.lines if p.line.tax_class is TaxClass.TAXABLE
    )
    assert cart.tax == split_vat(cart.tax.taxable_total, cart.tax.exempt_total)
    assert cart.gross_total == sum(p.gross for p in cart.lines)
    assert cart.line_discount_total == sum(p.line_discount for p in cart.lines)
    assert cart.ticket_discount_total == sum(p.ticket_discount for p in cart.lines)
    assert cart.discount_total == cart.line_discount_total + cart.ticket_discount_total
    assert cart.gross_total - cart.discount_total == cart.total
    for p in cart.lines:
        assert p.gross == p.line.gross
        assert p.net == p.gross - p.line_discount - p.ticket_discount
        assert 0 <= p.line_discount <= p.gross
        assert p.ticket_discount >= 0
        assert p.net >= 0  # no discount ever makes a line negative
    assert cart.item_count == len(lines)
    assert cart.piece_count == sum(1 if ln.unit.is_weighed else ln.qty for ln in lines)
    if ticket is not None:
        assert cart.ticket_discount_total == ticket.compute(
            cart.gross_total - cart.line_discount_total
        )
    assert price_cart(lines, ticket) == cart  # deterministic
