"""The tax split a VAN needs with every approval, cancel and 현금영수증: 공급가액 (supply value),
부가세 (VAT), 면세금액 (tax-free amount) and 봉사료 (service charge, always 0 here) of one
payment — the receipt's own split apportioned over the tenders of a split payment so that the
parts add up exactly to the receipt (largest remainder, as the discount allocation does).

Card parts are approved one at a time, before the rest of the payment is known, so the
apportioning is sequential: each part takes its share of what is left of the receipt's split
(:func:`share`), and whatever is left after the last card part is the cash part's
(:func:`rest`) — the 현금영수증's split. Replaying the same amounts in the same order gives the
same shares, so nothing has to be stored between the approvals of one payment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from posapp.domain.money import allocate
from posapp.domain.tax import TaxSplit


@dataclass(frozen=True, slots=True)
class TaxParts:
    """One payment's 공급가액 / 부가세 / 면세금액 / 봉사료, in won; they sum to its amount."""

    supply_value: int
    vat: int
    tax_free: int
    service_charge: int = 0

    @property
    def amount(self) -> int:
        return self.supply_value + self.vat + self.tax_free + self.service_charge

    def __sub__(self, other: TaxParts) -> TaxParts:
        return TaxParts(
            self.supply_value - other.supply_value,
            self.vat - other.vat,
            self.tax_free - other.tax_free,
            self.service_charge - other.service_charge,
        )


def of_split(split: TaxSplit) -> TaxParts:
    """A receipt's whole split as parts (negative amounts of a refund made positive)."""
    sign = -1 if split.total < 0 else 1
    return TaxParts(sign * split.supply_value, sign * split.vat, sign * split.exempt_total)


def apportion(whole: TaxParts, amounts: Sequence[int]) -> list[TaxParts]:
    """Split ``whole`` over payments of ``amounts`` (summing to ``whole.amount``): the tax-free
    part in proportion to the amounts, then the VAT in proportion to each taxable rest, each by
    largest remainder — every column sums exactly to ``whole``'s and each part to its amount."""
    amounts = list(amounts)
    if sum(amounts) != whole.amount or any(a < 0 for a in amounts):
        raise ValueError(f"payments {amounts} do not add up to {whole.amount}")
    free = allocate(whole.tax_free, amounts)
    taxable = [a - f for a, f in zip(amounts, free, strict=True)]
    vat = allocate(whole.vat, taxable)
    return [TaxParts(t - v, v, f, 0) for t, v, f in zip(taxable, vat, free, strict=True)]


def rest(whole: TaxParts, earlier: Sequence[int]) -> TaxParts:
    """What is left of ``whole`` after the parts of ``earlier`` amounts took their shares."""
    left = whole
    for amount in earlier:
        left = left - _first(left, amount)
    return left


def share(whole: TaxParts, earlier: Sequence[int], amount: int) -> TaxParts:
    """The share of a payment of ``amount`` made after payments of ``earlier`` amounts."""
    return _first(rest(whole, earlier), amount)


def _first(left: TaxParts, amount: int) -> TaxParts:
    amount = min(amount, left.amount)
    return apportion(left, [amount, left.amount - amount])[0]
