"""The open-ticket file: the ticket is saved after every change to a small JSON file in the data
directory (written atomically, fsynced, by a writer thread in order so the cashier never waits
for the disk), so a crash or power cut mid-ticket offers the ticket back on restart.

The file is only a list of what was scanned: when it is offered back every line is priced
again from the catalogue (:func:`repriced`: the product's price and markdown now, a scale
label read again from its barcode), price changes are dropped (their approval is asked again)
and class-booking lines are left to the classes window. An edited file cannot change a price.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from posapp.classes.bookings import parse_ref
from posapp.db.engine import UnitOfWork
from posapp.domain.barcodes import ScaleLayout
from posapp.domain.cart import CartLine
from posapp.domain.errors import BarcodeError
from posapp.errors import PosError
from posapp.inventory import catalog
from posapp.sales.ticket import Ticket

if TYPE_CHECKING:
    from posapp.usecases.checkout import CheckoutSession

log = logging.getLogger(__name__)


def repriced(s: CheckoutSession, ticket: Ticket) -> Ticket:
    """``ticket`` priced again from the catalogue (see the module docstring); lines whose
    product is gone are dropped (logged)."""
    layouts = s.settings.layouts

    def run(uow: UnitOfWork) -> Ticket:
        ids = sorted({ln.product_id for ln in ticket.lines})
        products = catalog.products_by_id(uow, ids)
        lines: list[CartLine] = []
        for ln in ticket.lines:
            fresh = _line(uow, ln, products, layouts)
            if fresh is None:
                log.warning("open ticket: line %r not offered back", ln.name)
                continue
            if fresh.unit_price != ln.unit_price or ln.price_override is not None:
                log.warning(
                    "open ticket: %s priced again %s -> %s",
                    ln.name,
                    ln.unit_price,
                    fresh.unit_price,
                )
            lines.append(fresh.with_discount(ln.discount) if ln.discount else fresh)
        return Ticket(lines=lines, discount=ticket.discount, uuid=ticket.uuid)

    return s.read(run)


def _line(
    uow: UnitOfWork,
    ln: CartLine,
    products: dict[int, catalog.ProductInfo],
    layouts: tuple[ScaleLayout, ...],
) -> CartLine | None:
    if ln.barcode and parse_ref(ln.barcode) is not None:
        return None  # a class booking: paid from the classes window again
    if ln.fixed_amount is not None:
        if not ln.barcode:
            return None
        try:
            return catalog.scan(uow, ln.barcode, layouts).line  # the label says its price
        except (PosError, BarcodeError):
            return None
    product = products.get(ln.product_id)
    if product is None or not product.active or ln.qty <= 0:
        return None
    fresh = catalog.marked_down(uow, product.line(ln.qty, barcode=ln.barcode))
    return replace(fresh, name=product.name_ko)


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".open-ticket-")
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


class RecoveryFile:
    """``open-ticket-<register>.json`` in ``directory``; no file at all when it is None."""

    def __init__(self, directory: Path | None, register_id: str) -> None:
        self.path = None if directory is None else directory / f"open-ticket-{register_id}.json"
        self._writer: ThreadPoolExecutor | None = None

    def save(self, ticket: Ticket) -> None:
        """Snapshot the ticket now (an empty ticket removes the file)."""
        if self.path is None:
            return
        if not ticket.lines:
            self.clear()
            return
        data = json.dumps(ticket.to_json(), ensure_ascii=False).encode("utf-8")
        self._pool().submit(_write_atomically, self.path, data)

    def clear(self) -> None:
        if self.path is not None:
            self._pool().submit(self.path.unlink, missing_ok=True)

    def flush(self) -> None:
        """Wait until the last snapshot is on disk (tests, shutdown)."""
        self._pool().submit(lambda: None).result()

    def _pool(self) -> ThreadPoolExecutor:
        if self._writer is None:
            self._writer = ThreadPoolExecutor(1, thread_name_prefix="recovery")
        return self._writer

    def recoverable(self) -> Ticket | None:
        """The ticket left by a crash, or None; an unreadable file is set aside."""
        self.flush()
        path = self.path
        if path is None or not path.exists():
            return None
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            ticket = Ticket.from_json(data)
        except (ValueError, KeyError, TypeError, PosError, BarcodeError) as exc:
            log.warning("an unreadable open ticket was set aside: %s", exc)
            path.rename(path.with_suffix(".unreadable"))
            return None
        return ticket if ticket.lines else None
