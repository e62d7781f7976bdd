"""The manager's reports, as the reports window uses them: the catalogue of reports, the
filter choices (after bringing the daily rollup up to date), running one report, the
dashboard, exporting a report (CSV / PDF / XLSX), the per-supplier settlement PDFs and the
세금계산서 / 계산서 requests (made, listed, issued, cancelled).

The long ones (the rollup's first summing of a year, a report, the statements) run on the
reports window's own runner, never in front of the till's sales. The work is
:mod:`posapp.reports`'; the types the window needs are re-exported here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from posapp.db.engine import Database
from posapp.reports import catalog, export, pdf, rollup, settlement, tax_invoices
from posapp.reports.catalog import Dashboard, FilterOptions
from posapp.reports.cli import render
from posapp.reports.model import Column, Filters, Period, Report, Series
from posapp.reports.settlement import SupplierSettlement
from posapp.reports.tax_invoices import Buyer, TaxInvoiceInfo

cell_text = export.cell_text
"""A cell for people: money and quantities with thousands separators, empty for None."""


class Reports:
    """The reports of ``db``; the dashboard is of ``register_id``'s store day."""

    def __init__(self, db: Database, *, register_id: str | None = None) -> None:
        self._db = db
        self.register_id = register_id

    @staticmethod
    def catalogue() -> tuple[tuple[str, str], ...]:
        """Every report as (name, title), in the order the window offers them."""
        return tuple((name, title) for name, (title, _) in catalog.REPORTS.items())

    def prepare(self, now: dt.datetime | None = None) -> FilterOptions:
        """Bring the rollup up to yesterday (short transactions), then the filter choices."""
        rollup.refresh_all(self._db, now=now)
        return self._db.read(catalog.filter_options)

    def run(self, name: str, period: Period, filters: Filters) -> Report:
        return self._db.read(lambda uow: catalog.run(uow, name, period, filters))

    def dashboard(self, now: dt.datetime | None = None) -> Dashboard:
        reg = self.register_id
        return self._db.read(lambda uow: catalog.dashboard(uow, now=now, register_id=reg))

    @staticmethod
    def export(report: Report, fmt: str, target: Path) -> Path:
        """Write ``report`` as ``fmt`` (``csv``, ``pdf`` or ``xlsx``) to ``target`` (I/O)."""
        target.write_bytes(render(report, fmt))
        return target

    def supplier_settlements(
        self, period: Period, filters: Filters
    ) -> tuple[SupplierSettlement, ...]:
        """Each supplier's settlement for the period, with its documents (the statements)."""
        return tuple(
            self._db.read(
                lambda uow: settlement.settle_suppliers(uow, period, filters, with_documents=True)
            )
        )

    # --- 세금계산서 / 계산서 requests (posapp.reports.tax_invoices) ------------------------------

    def request_invoice(
        self, receipt_no: str, buyer: Buyer, *, user_id: int | None
    ) -> TaxInvoiceInfo:
        """Mark a sale for a 세금계산서 / 계산서 (refused for a sale with a card slip or a
        현금영수증)."""
        return self._db.transact(
            lambda uow: tax_invoices.request(uow, receipt_no, buyer, user_id=user_id)
        )

    def invoices(self, period: Period) -> tuple[TaxInvoiceInfo, ...]:
        return tuple(self._db.read(lambda uow: tax_invoices.list_invoices(uow, period)))

    def invoice_issued(
        self, invoice_id: int, approval_no: str, *, user_id: int | None
    ) -> TaxInvoiceInfo:
        return self._db.transact(
            lambda uow: tax_invoices.mark_issued(uow, invoice_id, approval_no, user_id=user_id)
        )

    def cancel_invoice(self, invoice_id: int, *, user_id: int | None) -> TaxInvoiceInfo:
        return self._db.transact(lambda uow: tax_invoices.cancel(uow, invoice_id, user_id=user_id))

    @staticmethod
    def write_statements(
        settlements: tuple[SupplierSettlement, ...], period: Period, folder: Path
    ) -> tuple[Path, ...]:
        """One 정산서 PDF per supplier into ``folder`` (an I/O call)."""
        return tuple(
            pdf.write_supplier_statements(
                list(settlements), period.label(), period.start, period.end, folder
            )
        )


__all__ = [
    "Buyer",
    "Column",
    "Dashboard",
    "FilterOptions",
    "Filters",
    "Period",
    "Report",
    "Reports",
    "Series",
    "SupplierSettlement",
    "TaxInvoiceInfo",
    "cell_text",
]
