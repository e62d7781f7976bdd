"""How a receipt's VAT split is shared out over its payments, for the VAT return's evidence rows.

Owns :func:`split_payments`. A receipt has one VAT split (:func:`posapp.domain.tax.split_vat`:
taxable total T = supply + VAT, exempt total E); it may be paid with several tenders, each of
which is evidence of one kind (card slip, 현금영수증, none…). The 신용카드매출전표등 발행금액
집계표 and the return's 과세표준 want each kind of evidence split into 과세 and 면세, so each
payment takes the same share of the taxable total as of the whole (largest remainder, so the
parts add back exactly), its VAT is the receipt's VAT shared in proportion to those taxable
parts, and the rest of the payment is exempt. Summing the parts of every payment gives back the
receipt's own figures, to the won.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from posapp.domain.money import allocate


@dataclass(frozen=True, slots=True)
class PaymentShare:
    """One payment's part of its receipt: VAT-inclusive taxable part, its supply value and
    VAT, and the exempt part (``taxable + exempt == amount``; negative for a refund)."""

    amount: int
    taxable: int
    supply: int
    vat: int
    exempt: int


def split_payments(
    amounts: Sequence[int], *, taxable_total: int, vat: int, exempt_total: int
) -> list[PaymentShare]:
    """Share a receipt's taxable total, VAT and exempt total over its payments ``amounts``.

    ``amounts`` are the payments as applied (cash net of change); a refund's are negative, like
    its totals. When they do not add up to the receipt's total (a receipt paid by nothing the
    till recorded), the shares follow the amounts and the receipt's totals are still the ones
    shared out. A receipt with one payment gets the whole split.
    """
    if not amounts:
        return []
    sign = -1 if taxable_total + exempt_total < 0 else 1
    weights = [max(0, sign * a) for a in amounts]
    taxable = allocate(taxable_total, weights)
    vats = allocate(vat, [abs(t) for t in taxable])
    total = taxable_total + exempt_total
    if sum(amounts) == total:
        exempt = [a - t for a, t in zip(amounts, taxable, strict=True)]
    else:
        exempt = allocate(exempt_total, weights)
    return [
        PaymentShare(t + e, t, t - v, v, e) for t, v, e in zip(taxable, vats, exempt, strict=True)
    ]
