"""What one till's checkout screen is given: the cashier's session, payments, printing and
approvals (each a use case), and the catalogue reads the screen starts with — the quick keys
(a manager's layout, else by region: posapp.inventory.quick_keys) and the customer display's
regional promotions (posapp.inventory.catalog), read
through the session (offline: from the spool's snapshot) whenever the screen asks, so a changed
catalogue shows without a restart.
"""

from __future__ import annotations

from dataclasses import dataclass

from posapp.inventory import catalog, quick_keys
from posapp.inventory.catalog import ProductInfo, Promotion
from posapp.inventory.quick_keys import QuickKeyInfo, QuickPage
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

    def quick_keys(self) -> list[QuickPage]:
        """The quick-key pages: as a manager laid them out (posapp.inventory.quick_keys), else
        unbarcoded and weighed produce with a PLU grouped by region; withdrawn products left out."""
        return self.session.read(quick_keys.checkout_pages)

    def promotions(self) -> list[Promotion]:
        return self.session.read(catalog.promotions)

    def english_name(self, product_id: int) -> str:
        """A product's English name from the search index ("" when it has none)."""
        index = self.session.index
        entry = index.entry(product_id) if index is not None else None
        return entry.name_en if entry is not None else ""


__all__ = ["ProductInfo", "Promotion", "QuickKeyInfo", "QuickPage", "Till"]
