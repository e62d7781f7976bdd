"""Pure cart arithmetic: units, discounts, lines, and pricing a cart into exact totals.

Owns :class:`Unit`, :class:`Discount`, :class:`PriceOverride`, :class:`CartLine` and
:func:`price_cart`. Money is int
won, quantities are int pieces (``ea``) or int grams (``kg`` and ``100g``). One rounding policy,
round half up (away from zero), at three named points only: a weighed line's gross, a percent
discount, and the receipt's VAT split. A ticket discount is spread over the lines by largest
remainder, so line nets always add up exactly to the receipt total.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from posapp.domain.error_codes import (
    DiscountErrorCode,
    PriceErrorCode,
    QuantityErrorCode,
    TaxErrorCode,
    UnitErrorCode,
)
from posapp.domain.errors import DiscountError, DomainError, PriceError, QuantityError
from posapp.domain.money import allocate, format_krw, round_half_up_div
from posapp.domain.tax import TaxClass, TaxSplit, split_vat


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class Unit(StrEnum):
    """How a product is priced and counted."""

    EA = "ea"  # price per piece, qty in pieces
    KG = "kg"  # price per 1000 g, qty in grams
    G100 = "100g"  # price per 100 g, qty in grams

    @property
    def price_per(self) -> int:
        """How many qty units the price is for: 1 piece, 1000 g or 100 g."""
        return _PRICE_PER[self]

    @property
    def is_weighed(self) -> bool:
        """True for units whose qty is grams."""
        return self is not Unit.EA

    @property
    def qty_label(self) -> str:
        """The unit of ``qty``: ``"ea"`` or ``"g"``."""
        return "g" if self.is_weighed else "ea"


_PRICE_PER = {Unit.EA: 1, Unit.KG: 1000, Unit.G100: 100}
_UNIT_NAMES = {"ea": Unit.EA, "개": Unit.EA, "kg": Unit.KG, "100g": Unit.G100}


def parse_unit(text: str) -> Unit:
    """``"ea"``/``"개"``, ``"kg"`` or ``"100g"`` (case and spaces ignored)."""
    key = "".join(str(text).split()).lower()
    try:
        return _UNIT_NAMES[key]
    except KeyError:
        raise DomainError(
            f"unknown unit {text!r}: use ea (개), kg or 100g",
            code=UnitErrorCode.UNKNOWN,
            value=text,
        ) from None


@dataclass(frozen=True, slots=True)
class Discount:
    """An amount off in won, or a whole percent off (1..100)."""

    kind: Literal["amount", "percent"]
    value: int

    def __post_init__(self) -> None:
        if self.kind not in ("amount", "percent"):
            raise DiscountError(
                f"unknown discount kind {self.kind!r}: use amount or percent",
                code=DiscountErrorCode.INVALID,
                kind=self.kind,
                value=self.value,
            )
        if not _is_int(self.value) or self.value <= 0:
            raise DiscountError(
                f"a discount must be a whole number above 0, got {self.value!r}",
                code=DiscountErrorCode.INVALID,
                kind=self.kind,
                value=self.value,
            )
        if self.kind == "percent" and self.value > 100:
            raise DiscountError(
                f"a percent discount is at most 100%, got {self.value}%",
                code=DiscountErrorCode.INVALID,
                kind=self.kind,
                value=self.value,
            )

    @classmethod
    def amount(cls, won: int) -> Discount:
        """``won`` off."""
        return cls("amount", won)

    @classmethod
    def percent(cls, percent: int) -> Discount:
        """``percent``% off (1..100)."""
        return cls("percent", percent)

    def compute(self, base: int) -> int:
        """The won off ``base`` (a percent is rounded half up); never more than ``base``."""
        if self.kind == "percent":
            return round_half_up_div(base * self.value, 100)
        if self.value > base:
            raise DiscountError(
                f"a discount of {format_krw(self.value)} is more than the "
                f"{format_krw(base)} it applies to",
                code=DiscountErrorCode.TOO_LARGE,
                value=self.value,
                base=base,
            )
        return self.value

    def describe(self) -> str:
        """``"10%"`` or ``"₩1,000"``."""
        return f"{self.value}%" if self.kind == "percent" else format_krw(self.value)


@dataclass(frozen=True, slots=True)
class PriceOverride:
    """A unit price changed at the till (a shelf tag that disagrees, damaged goods): the
    catalogue price it replaced, why, and the user whose ``price_override`` permission allowed
    it (the cashier, or a manager approving in place)."""

    regular_price: int
    reason: str
    authorized_by: int

    def __post_init__(self) -> None:
        if not _is_int(self.regular_price) or self.regular_price < 0:
            raise PriceError(
                f"the regular price must be whole won, 0 or more, got {self.regular_price!r}",
                code=PriceErrorCode.INVALID,
                unit_price=self.regular_price,
            )
        if not isinstance(self.reason, str) or not self.reason.strip():
            raise PriceError("say why the price is changed", code=PriceErrorCode.OVERRIDE_REASON)


@dataclass(frozen=True, slots=True)
class CartLine:
    """One product on a ticket with its price as it was when the line was added."""

    product_id: int
    name: str
    tax_class: TaxClass
    unit: Unit
    qty: int
    unit_price: int
    barcode: str | None = None
    fixed_amount: int | None = None  # the amount on a price-embedded scale label
    discount: Discount | None = None
    price_override: PriceOverride | None = None  # unit_price was changed at the till
    #: the shelf price a lot's markdown (마감할인) lowered ``unit_price`` from (None: none)
    shelf_price: int | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.unit, Unit):
            try:
                object.__setattr__(self, "unit", Unit(self.unit))
            except ValueError:
                raise DomainError(
                    f"unknown unit {self.unit!r}: use ea, kg or 100g",
                    code=UnitErrorCode.UNKNOWN,
                    value=self.unit,
                ) from None
        if not isinstance(self.tax_class, TaxClass):
            try:
                object.__setattr__(self, "tax_class", TaxClass(self.tax_class))
            except ValueError:
                raise DomainError(
                    f"unknown tax class {self.tax_class!r}: use taxable or exempt",
                    code=TaxErrorCode.UNKNOWN,
                    value=self.tax_class,
                ) from None
        if not _is_int(self.qty) or self.qty <= 0:
            what = "grams" if self.unit.is_weighed else "pieces"
            raise QuantityError(
                f"quantity of {self.name} must be a whole number of {what} above 0, "
                f"got {self.qty!r}",
                code=QuantityErrorCode.INVALID,
                qty=self.qty,
                product_id=self.product_id,
            )
        if not _is_int(self.unit_price) or self.unit_price < 0:
            raise PriceError(
                f"price of {self.name} must be whole won, 0 or more, got {self.unit_price!r}",
                code=PriceErrorCode.INVALID,
                unit_price=self.unit_price,
                product_id=self.product_id,
            )
        if self.fixed_amount is not None and (
            not _is_int(self.fixed_amount) or self.fixed_amount < 0
        ):
            raise PriceError(
                f"label amount of {self.name} must be whole won, 0 or more, "
                f"got {self.fixed_amount!r}",
                code=PriceErrorCode.INVALID,
                fixed_amount=self.fixed_amount,
                product_id=self.product_id,
            )
        if self.price_override is not None and self.fixed_amount is not None:
            raise PriceError(
                f"{self.name}: a scale label's amount is fixed; its price cannot be changed",
                code=PriceErrorCode.FIXED_LABEL,
                product_id=self.product_id,
            )
        if self.shelf_price is not None and (
            not _is_int(self.shelf_price) or self.shelf_price < self.unit_price
        ):
            raise PriceError(
                f"shelf price of {self.name} must be whole won, at least the price sold at, "
                f"got {self.shelf_price!r}",
                code=PriceErrorCode.INVALID,
                shelf_price=self.shelf_price,
                product_id=self.product_id,
            )
        if self.discount is not None and not isinstance(self.discount, Discount):
            raise DiscountError(
                f"line discount must be a Discount, got {self.discount!r}",
                code=DiscountErrorCode.INVALID,
            )

    @property
    def gross(self) -> int:
        """The label amount, or ``unit_price × qty / price_per`` rounded half up."""
        if self.fixed_amount is not None:
            return self.fixed_amount
        return round_half_up_div(self.unit_price * self.qty, self.unit.price_per)

    @property
    def markdown(self) -> int:
        """Won off this line by its lot's markdown: the gross at the shelf price less the gross
        (0 when not marked down, or for a scale label's fixed amount)."""
        if self.shelf_price is None or self.fixed_amount is not None:
            return 0
        return round_half_up_div(self.shelf_price * self.qty, self.unit.price_per) - self.gross

    def with_qty(self, qty: int) -> CartLine:
        return dataclasses.replace(self, qty=qty)

    def with_discount(self, discount: Discount | None) -> CartLine:
        return dataclasses.replace(self, discount=discount)

    @property
    def regular_price(self) -> int:
        """The catalogue unit price (before any override at the till)."""
        return self.price_override.regular_price if self.price_override else self.unit_price

    def with_price(self, unit_price: int, reason: str, authorized_by: int) -> CartLine:
        """The line at ``unit_price`` instead of its catalogue price, with why and who; back at
        the catalogue price the override is dropped. The price given replaces a lot's markdown
        (``shelf_price`` dropped): the line shows and prints the override, not a markdown."""
        regular = self.regular_price
        if unit_price == regular:
            return dataclasses.replace(self, unit_price=regular, price_override=None)
        return dataclasses.replace(
            self,
            unit_price=unit_price,
            price_override=PriceOverride(regular, reason.strip(), authorized_by),
            shelf_price=None,
        )


@dataclass(frozen=True, slots=True)
class PricedLine:
    """A line with its amounts: ``net = gross − line_discount − ticket_discount``."""

    line: CartLine
    gross: int
    line_discount: int
    ticket_discount: int
    net: int

    @property
    def discount(self) -> int:
        """All discounts on this line."""
        return self.line_discount + self.ticket_discount


@dataclass(frozen=True, slots=True)
class PricedCart:
    """A priced cart. ``total == Σ line nets == tax.total``."""

    lines: tuple[PricedLine, ...]
    gross_total: int
    line_discount_total: int
    ticket_discount_total: int
    discount_total: int
    total: int
    tax: TaxSplit
    item_count: int  # lines
    piece_count: int  # pieces of ``ea`` lines, plus 1 per weighed line


def price_cart(lines: Sequence[CartLine], ticket_discount: Discount | None = None) -> PricedCart:
    """Price ``lines``: line discounts on each gross, then the ticket discount spread exactly.

    The ticket discount is computed on Σ (gross − line discount) and allocated over the lines
    by largest remainder weighted by each line's (gross − line discount), so no line goes
    below 0 and the parts sum exactly. VAT is split once on the sum of the taxable nets.
    An empty cart prices to zero whatever the ticket discount.
    """
    grosses = [ln.gross for ln in lines]
    line_discounts = [
        ln.discount.compute(g) if ln.discount is not None else 0
        for ln, g in zip(lines, grosses, strict=True)
    ]
    after_line = [g - d for g, d in zip(grosses, line_discounts, strict=True)]
    base = sum(after_line)
    if ticket_discount is not None and lines:
        ticket_total = ticket_discount.compute(base)
        shares = allocate(ticket_total, after_line)
    else:
        ticket_total = 0
        shares = [0] * len(lines)
    priced: list[PricedLine] = []
    taxable = exempt = pieces = 0
    for ln, g, d, s, a in zip(lines, grosses, line_discounts, shares, after_line, strict=True):
        net = a - s
        priced.append(PricedLine(ln, g, d, s, net))
        if ln.tax_class is TaxClass.TAXABLE:
            taxable += net
        else:
            exempt += net
        pieces += 1 if ln.unit.is_weighed else ln.qty
    line_discount_total = sum(line_discounts)
    return PricedCart(
        lines=tuple(priced),
        gross_total=sum(grosses),
        line_discount_total=line_discount_total,
        ticket_discount_total=ticket_total,
        discount_total=line_discount_total + ticket_total,
        total=taxable + exempt,
        tax=split_vat(taxable, exempt),
        item_count=len(priced),
        piece_count=pieces,
    )
