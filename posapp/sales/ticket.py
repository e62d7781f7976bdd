"""The open ticket a cashier builds: lines, quantities, discounts, and its JSON form for holds.

Pure (no database): prices come from the catalogue when a line is added and stay on the line; a
till following the catalogue (posapp.usecases.catalog_watch) moves an open ticket's lines to a
new shelf price. Arithmetic is posapp.domain.cart's.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from typing import Any

from posapp.domain.cart import CartLine, Discount, PricedCart, PriceOverride, Unit, price_cart
from posapp.domain.error_codes import QuantityErrorCode
from posapp.domain.errors import QuantityError
from posapp.domain.tax import TaxClass


@dataclass
class Ticket:
    """A mutable basket. ``uuid`` becomes the sale's document id when it completes."""

    lines: list[CartLine] = field(default_factory=list)
    discount: Discount | None = None
    uuid: str = field(default_factory=lambda: str(uuid.uuid4()))
    #: when each line was first put on the ticket (a monotonic clock the caller reads), in
    #: step with :attr:`lines`; a line without one (a recalled or recovered ticket) is old
    added_at: list[float] = field(default_factory=list, compare=False)
    #: when the cashier asked for the total (the payment was opened); None before
    subtotal_at: float | None = field(default=None, compare=False)

    def add(self, line: CartLine, *, merge: bool = True, at: float | None = None) -> int:
        """Add a line; a repeat scan of the same piece-priced product adds one to its line.

        Returns the index of the line that changed. ``at`` is when (for :meth:`added`).
        """
        if merge and line.unit is Unit.EA and line.fixed_amount is None:
            for i, existing in enumerate(self.lines):
                if (
                    existing.product_id == line.product_id
                    and existing.unit is Unit.EA
                    and existing.fixed_amount is None
                    and existing.unit_price == line.unit_price
                    and existing.discount is None
                    and line.discount is None
                    and existing.price_override is None
                    and line.price_override is None
                ):
                    self.lines[i] = existing.with_qty(existing.qty + line.qty)
                    return i
        self._align()
        self.lines.append(line)
        self.added_at.append(at if at is not None else 0.0)
        return len(self.lines) - 1

    def _align(self) -> None:
        """Keep :attr:`added_at` one per line (lines without a time are old)."""
        n = len(self.lines)
        if len(self.added_at) != n:
            self.added_at[:] = (self.added_at + [0.0] * n)[:n]

    def added(self, index: int) -> float:
        """When line ``index`` was first put on the ticket (0.0: not known, old)."""
        self._align()
        return self.added_at[index] if 0 <= index < len(self.added_at) else 0.0

    def retain(self, lines: list[CartLine | None]) -> None:
        """Each line replaced by its counterpart in ``lines`` (None: taken off), times kept."""
        self._align()
        pairs = [(new, t) for new, t in zip(lines, self.added_at, strict=True) if new is not None]
        self.lines[:] = [new for new, _ in pairs]
        self.added_at[:] = [t for _, t in pairs]

    def _at(self, index: int) -> CartLine:
        if not 0 <= index < len(self.lines):
            raise IndexError(f"no line {index + 1} on the ticket")
        return self.lines[index]

    def set_qty(self, index: int, qty: int) -> None:
        line = self._at(index)
        if line.fixed_amount is not None:
            raise QuantityError(
                "a scale label's amount is fixed; scan it again or remove it",
                code=QuantityErrorCode.FIXED_LABEL,
            )
        self.lines[index] = line.with_qty(qty)

    def remove(self, index: int) -> CartLine:
        self._at(index)
        self._align()
        self.added_at.pop(index)
        return self.lines.pop(index)

    def set_line_discount(self, index: int, discount: Discount | None) -> None:
        self.lines[index] = self._at(index).with_discount(discount)

    def override_price(self, index: int, unit_price: int, reason: str, authorized_by: int) -> None:
        """Change a line's unit price at the till (who may is checked by the caller and again
        when the sale completes); the catalogue price and the reason stay on the line."""
        self.lines[index] = self._at(index).with_price(unit_price, reason, authorized_by)

    def set_discount(self, discount: Discount | None) -> None:
        self.discount = discount

    def priced(self) -> PricedCart:
        return price_cart(self.lines, self.discount)

    def clear(self) -> None:
        self.lines.clear()
        self.added_at.clear()
        self.subtotal_at = None
        self.discount = None
        self.uuid = str(uuid.uuid4())

    def __len__(self) -> int:
        return len(self.lines)

    def max_discount_percent(self, priced: PricedCart | None = None) -> int:
        """The largest discount on the ticket as a percent of what it applies to (rounded up)."""
        priced = priced or self.priced()
        worst = 0
        for pl in priced.lines:
            if pl.line_discount and pl.gross:
                worst = max(worst, -(-pl.line_discount * 100 // pl.gross))
        base = priced.gross_total - priced.line_discount_total
        if priced.ticket_discount_total and base:
            worst = max(worst, -(-priced.ticket_discount_total * 100 // base))
        return worst

    # --- JSON form, for held tickets ----------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "discount": _discount_json(self.discount),
            "lines": [
                {
                    "product_id": ln.product_id,
                    "name": ln.name,
                    "tax_class": ln.tax_class.value,
                    "unit": ln.unit.value,
                    "qty": ln.qty,
                    "unit_price": ln.unit_price,
                    "barcode": ln.barcode,
                    "fixed_amount": ln.fixed_amount,
                    "discount": _discount_json(ln.discount),
                    "price_override": _override_json(ln.price_override),
                    "shelf_price": ln.shelf_price,
                }
                for ln in self.lines
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Ticket:
        lines = [
            CartLine(
                product_id=int(d["product_id"]),
                name=str(d["name"]),
                tax_class=TaxClass(d["tax_class"]),
                unit=Unit(d["unit"]),
                qty=int(d["qty"]),
                unit_price=int(d["unit_price"]),
                barcode=d.get("barcode"),
                fixed_amount=d.get("fixed_amount"),
                discount=_discount_from(d.get("discount")),
                price_override=_override_from(d.get("price_override")),
                shelf_price=_int_or_none(d.get("shelf_price")),
            )
            for d in data.get("lines", [])
        ]
        return cls(lines=lines, discount=_discount_from(data.get("discount")), uuid=data["uuid"])

    def copy(self) -> Ticket:
        return replace(self, lines=list(self.lines), added_at=list(self.added_at))


def _discount_json(d: Discount | None) -> dict[str, Any] | None:
    return None if d is None else {"kind": d.kind, "value": d.value}


def _discount_from(d: dict[str, Any] | None) -> Discount | None:
    if not d:
        return None
    return (
        Discount.amount(int(d["value"]))
        if d["kind"] == "amount"
        else Discount.percent(int(d["value"]))
    )


def _int_or_none(value: Any) -> int | None:
    return None if value is None else int(value)


def _override_json(o: PriceOverride | None) -> dict[str, Any] | None:
    if o is None:
        return None
    return {"regular_price": o.regular_price, "reason": o.reason, "by": o.authorized_by}


def _override_from(d: dict[str, Any] | None) -> PriceOverride | None:
    if not d:
        return None
    return PriceOverride(int(d["regular_price"]), str(d["reason"]), int(d["by"]))
