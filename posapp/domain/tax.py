"""Korean VAT on VAT-inclusive shelf prices: tax classes (과세/면세) and the per-receipt split.

Owns :class:`TaxClass` and :func:`split_vat`. Shelf prices include 10% VAT; the split into
supply value (공급가액) and VAT (부가세) is made once per receipt on the taxable total, never
per line, so a receipt's figures always add up: ``supply_value + vat == taxable_total`` and
``taxable_total + exempt_total == total``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from posapp.domain.error_codes import TaxErrorCode
from posapp.domain.errors import DomainError
from posapp.domain.money import round_half_up_div

VAT_PERCENT = 10  # for display; split_vat's 10/11 is this rate


class TaxClass(StrEnum):
    """Whether a product's price includes VAT (과세) or the product is VAT-exempt (면세)."""

    TAXABLE = "taxable"
    EXEMPT = "exempt"

    @property
    def label_ko(self) -> str:
        return "과세" if self is TaxClass.TAXABLE else "면세"


_TAX_NAMES = {
    "taxable": TaxClass.TAXABLE,
    "과세": TaxClass.TAXABLE,
    "exempt": TaxClass.EXEMPT,
    "면세": TaxClass.EXEMPT,
}


def parse_tax_class(text: str) -> TaxClass:
    """``"taxable"``/``"과세"`` or ``"exempt"``/``"면세"`` (case and spaces ignored)."""
    key = "".join(str(text).split()).lower()
    try:
        return _TAX_NAMES[key]
    except KeyError:
        raise DomainError(
            f"unknown tax class {text!r}: use taxable/exempt (과세/면세)",
            code=TaxErrorCode.UNKNOWN,
            value=text,
        ) from None


@dataclass(frozen=True, slots=True)
class TaxSplit:
    """A receipt's totals by tax class; all amounts in won, VAT included in ``taxable_total``."""

    taxable_total: int
    supply_value: int
    vat: int
    exempt_total: int
    total: int

    def __neg__(self) -> TaxSplit:
        return TaxSplit(
            -self.taxable_total, -self.supply_value, -self.vat, -self.exempt_total, -self.total
        )


ZERO_TAX = TaxSplit(0, 0, 0, 0, 0)


def split_vat(taxable_total: int, exempt_total: int) -> TaxSplit:
    """Split a receipt's VAT-inclusive taxable total into supply value and VAT.

    ``supply_value = round_half_up(taxable_total × 10 / 11)``, ``vat = taxable_total −
    supply_value``; exempt sales carry no VAT. Negative totals (refunds) split symmetrically:
    ``split_vat(-t, -e) == -split_vat(t, e)``.
    """
    supply = round_half_up_div(taxable_total * 10, 11)
    return TaxSplit(
        taxable_total=taxable_total,
        supply_value=supply,
        vat=taxable_total - supply,
        exempt_total=exempt_total,
        total=taxable_total + exempt_total,
    )
