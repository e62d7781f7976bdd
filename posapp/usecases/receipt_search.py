"""Finding any earlier receipt at the till — by number, day, amount or the card's last four
digits — and printing it again as 재발행 (the reprint journaled, the drawer never opened), or asking
for a 세금계산서 for it after the fact.

Qt-free; reads the store's database (a reprint of an earlier sale needs the server: offline,
only the last sale can be reprinted). Results are frozen dataclasses re-exported here.
"""

from __future__ import annotations

import datetime as dt

from posapp.sales import receipt_lookup
from posapp.sales.receipt_lookup import ReceiptHit
from posapp.usecases.checkout import CheckoutSession
from posapp.usecases.receipts import ReceiptPrinting
from posapp.usecases.tax_invoice import Buyer, LaterRequests, TaxInvoiceInfo


class ReceiptSearch:
    """The till's receipt finder."""

    def __init__(self, session: CheckoutSession, printing: ReceiptPrinting) -> None:
        self._session = session
        self._printing = printing

    def find(
        self,
        *,
        number: str = "",
        day: dt.date | None = None,
        amount: int | None = None,
        card_last4: str = "",
        limit: int = 50,
    ) -> tuple[ReceiptHit, ...]:
        s = self._session
        s.online_only("finding an earlier receipt")
        return tuple(
            s.db.read(
                lambda uow: receipt_lookup.find_receipts(
                    uow, number=number, day=day, amount=amount, card_last4=card_last4, limit=limit
                )
            )
        )

    def reprint(self, receipt_no: str) -> str:
        """Print the receipt ``receipt_no`` again, marked 재발행; its number."""
        s = self._session
        s.online_only("reprinting an earlier receipt")
        sale = s.db.read(lambda uow: receipt_lookup.load_sale(uow, receipt_no))
        self._printing.print_sale(sale, copy=True)
        return sale.receipt_no

    def request_tax_invoice(self, receipt_no: str, buyer: Buyer) -> TaxInvoiceInfo:
        """A 세금계산서 for the receipt ``receipt_no`` asked for after it was printed (up to the
        10th of the next month; refused for a card or 현금영수증 sale): recorded, its 요청서
        slip and the receipt again (재발행, with its 발행 요청 block) printed."""
        return LaterRequests(self._session, self._printing).request(receipt_no, buyer)


__all__ = ["ReceiptHit", "ReceiptSearch"]
