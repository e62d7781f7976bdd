"""What one till's checkout screen is given: the cashier's session, payments, printing and
approvals (each a use case), and the catalogue reads the screen starts with — the quick keys
and the customer display's regional promotions (their queries in posapp.inventory.catalog), read
through the session (offline: from the spool's snapshot) whenever the screen asks, so a changed
catalogue shows without a restart.
"""

from __future__ import annotations

from dataclasses import dataclass

from posapp.inventory import catalog
from posapp.inventory.catalog import ProductInfo, Promotion
from posapp.usecases.approvals import Approvals
from posapp.usecases.checkout import CheckoutSession
from posapp.usecases.payment import Payments
from posapp.usecases.receipts import ReceiptPrinting


@dataclass(frozen=True)
class Till:
    """The checkout's use cases, built once by the composition root."""

    session: CheckoutSession
    payments: Payments
    printing: ReceiptPrinting
    approvals: Approvals

    def quick_keys(self) -> dict[str, list[ProductInfo]]:
        """Unbarcoded and weighed produce with a PLU, grouped by region, for the quick keys."""
        return self.session.read(catalog.quick_keys)

    def promotions(self) -> list[Promotion]:
        return self.session.read(catalog.promotions)

    def english_name(self, product_id: int) -> str:
        """A product's English name from the search index ("" when it has none)."""
        index = self.session.index
        entry = index.entry(product_id) if index is not None else None
        return entry.name_en if entry is not None else ""


__all__ = ["ProductInfo", "Promotion", "Till"]
