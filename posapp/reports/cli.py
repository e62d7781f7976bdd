"""``posapp-admin report NAME``: any report headless, as text, CSV or PDF.

Owns turning the command's options (names or ids of region, producer, category, cashier) into
:class:`Filters` and writing the chosen format to a file or standard output.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy import select

from posapp.db.engine import Database, UnitOfWork
from posapp.db.models import Base, Category, Producer, Region, User
from posapp.reports import catalog, export, pdf, rollup, settlement, vat, xlsx
from posapp.reports.error_codes import ReportErrorCode
from posapp.reports.model import Filters, Period, Report, ReportError


def _resolve(uow: UnitOfWork, model: type[Base], text: str | None, what: str) -> int | None:
    if text is None:
        return None
    t = model.__table__
    cond = t.c.id == int(text) if text.isdigit() else t.c.name == text
    found = uow.conn.execute(select(t.c.id).where(cond)).scalar()
    if found is None:
        raise ReportError(
            f"no {what} {text!r}", code=ReportErrorCode.FILTER_UNKNOWN, what=what, value=text
        )
    return int(found)


def resolve_filters(
    uow: UnitOfWork,
    *,
    region: str | None = None,
    producer: str | None = None,
    category: str | None = None,
    cashier: str | None = None,
    register: str | None = None,
) -> tuple[Filters, dict[str, str]]:
    """Filters from names or ids, and the labels to print on the report."""
    f = Filters(
        region_id=_resolve(uow, Region, region, "region"),
        producer_id=_resolve(uow, Producer, producer, "producer"),
        category_id=_resolve(uow, Category, category, "category"),
        register_id=register,
        user_id=_resolve(uow, User, cashier, "cashier"),
    )
    labels = {
        k: v
        for k, v in (
            ("지역", region),
            ("생산자", producer),
            ("분류", category),
            ("계산원", cashier),
            ("계산대", register),
        )
        if v
    }
    return f, labels


def render(report: Report, fmt: str, labels: dict[str, str] | None = None) -> bytes:
    if fmt == "csv":
        return export.to_csv(report)
    if fmt == "xlsx":
        return xlsx.to_xlsx(report)
    if fmt == "pdf":
        if report.name == "region-settlement":
            return pdf.region_summary_pdf(report)
        return pdf.report_pdf(report, filter_labels=labels)
    return export.to_text(report).encode("utf-8")


def run_report(args: argparse.Namespace, db: Database) -> int:
    if getattr(args, "period", None):
        period = vat.named_period(args.period)
    elif args.start is None:
        raise ReportError(
            "give --from DATE [--to DATE] or --period 2026-03 / 2026Q1 / 2026H1",
            code=ReportErrorCode.PERIOD_NAME,
            value="",
        )
    else:
        period = Period(args.start, args.end or args.start)
    built = rollup.refresh_all(db)  # closed days into the rollup, in short transactions
    if built:
        print(f"report rollup: {built} closed day(s) summed", file=sys.stderr)

    def query(
        uow: UnitOfWork,
    ) -> tuple[Report, dict[str, str], list[settlement.SupplierSettlement]]:
        f, labels = resolve_filters(
            uow,
            region=args.region,
            producer=args.producer,
            category=args.category,
            cashier=args.cashier,
            register=args.till,
        )
        if getattr(args, "per_supplier", False):
            sups = settlement.settle_suppliers(uow, period, f, with_documents=True)
            return catalog.run(uow, "settlement", period, f), labels, sups
        return catalog.run(uow, args.report, period, f), labels, []

    report, labels, sups = db.read(query)
    if getattr(args, "per_supplier", False):
        if args.out is None:
            raise ReportError(
                "--per-supplier writes files: give --out FOLDER", code=ReportErrorCode.OUT_REQUIRED
            )
        for path in pdf.write_supplier_statements(
            sups, period.label(), period.start, period.end, Path(args.out)
        ):
            print(path)
        print(f"{len(sups)} statement(s) written", file=sys.stderr)
        return 0
    data = render(report, args.format, labels)
    if args.out is None:
        if args.format in ("pdf", "xlsx"):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data.decode("utf-8"))
    else:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(data)
        print(f"{report.title}: {len(report.rows)} rows → {args.out}", file=sys.stderr)
    return 0
