"""Exports (CSV with BOM, text, PDF with the embedded Korean font) and ``posapp-admin report
NAME`` (once as a real process, then through its entry point in this process) against the
hand-computed week."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from posapp.reports import catalog, export, pdf, settlement
from posapp.reports.model import Filters, Period
from tests.conftest import Store
from tests.support import admin_cli
from tests.support.report_week import Week, build_week

PIN = {"POSAPP_PIN": "2222"}


@pytest.fixture
def week(store: Store) -> Week:
    return build_week(store)


def admin(url: str, *args: str) -> admin_cli.Ran:
    """``posapp-admin`` (its entry point, in this process); the writing commands (tax-class,
    commission) ask who runs them: ``--user NAME`` and the PIN of the store's manager (박지민,
    2222) from the environment, as a script gives it."""
    return admin_cli.run(url, *args, env=PIN)


def test_csv_has_a_bom_and_reads_back_in_korean(store: Store, week: Week) -> None:
    r = store.db.read(lambda uow: catalog.run(uow, "region", Period(week.d1, week.d2)))
    data = export.to_csv(r)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[1][0] == "지역" and rows[1][5] == "순매출"
    yeongju = next(row for row in rows if row and row[0] == "영주시")
    assert int(yeongju[5]) == 24_800  # bare integers: Excel can sum them
    assert rows[-1][0] == "합계" and int(rows[-1][5]) == 40_950


def test_text_aligns_hangul_by_display_width(store: Store, week: Week) -> None:
    r = store.db.read(lambda uow: catalog.run(uow, "region", Period(week.d1, week.d2)))
    text = export.to_text(r)
    assert "24,800" in text and "40,950" in text
    from posapp.domain.text import display_width

    table = [ln for ln in text.splitlines() if "," in ln]
    assert len({display_width(ln) for ln in table}) == 1  # right-aligned numbers line up


def _pdf_fonts(data: bytes) -> bool:
    return b"NanumGothic" in data and b"/FontFile2" in data  # embedded TrueType


def test_pdfs_embed_the_korean_font(store: Store, week: Week, tmp_path: Path) -> None:
    period = Period(week.d1, week.d2)
    r = store.db.read(lambda uow: catalog.run(uow, "daily", period))
    assert _pdf_fonts(pdf.report_pdf(r))
    sups = store.db.read(lambda uow: settlement.settle_suppliers(uow, period, with_documents=True))
    statement = pdf.supplier_statement_pdf(sups[0], period.label())
    assert statement.startswith(b"%PDF") and _pdf_fonts(statement)
    reg = store.db.read(lambda uow: catalog.run(uow, "region-settlement", period))
    assert _pdf_fonts(pdf.region_summary_pdf(reg))
    empty = store.db.read(lambda uow: catalog.run(uow, "refunds", Period(week.d1, week.d1)))
    assert pdf.report_pdf(empty).startswith(b"%PDF")


def test_every_report_renders_in_every_format(store: Store, week: Week) -> None:
    from posapp.reports.cli import render

    period = Period(week.d1, week.today)
    for name in catalog.REPORTS:
        r = store.db.read(lambda uow, n=name: catalog.run(uow, n, period, Filters()))
        for fmt in ("txt", "csv", "pdf"):
            assert render(r, fmt), (name, fmt)


@pytest.mark.slow
def test_admin_report_as_a_process(store: Store, week: Week, db_url: str, tmp_path: Path) -> None:
    d1, d2 = week.d1.isoformat(), week.d2.isoformat()
    p = admin_cli.process(db_url, "report", "daily", "--from", d1, "--to", d2, env=PIN)
    assert p.returncode == 0, p.stderr
    assert "일별 매출" in p.stdout and "40,950" in p.stdout
    r = admin(
        db_url,
        "report",
        "region",
        "--from",
        d1,
        "--to",
        d2,
        "--format",
        "csv",
        "--out",
        str(tmp_path / "region.csv"),
    )
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "region.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    r = admin(
        db_url,
        "report",
        "settlement",
        "--from",
        d1,
        "--to",
        d2,
        "--format",
        "pdf",
        "--per-supplier",
        "--out",
        str(tmp_path / "statements"),
    )
    assert r.returncode == 0, r.stderr
    files = sorted(p.name for p in (tmp_path / "statements").iterdir())
    assert len(files) == 2 and all(f.startswith("정산서_") for f in files)
    r = admin(db_url, "report", "hourly", "--from", d1, "--to", d2, "--region", "순창군")
    assert r.returncode == 0 and "16,150" in r.stdout.decode()
    r = admin(db_url, "report", "region", "--from", d1, "--region", "없는곳")
    assert r.returncode == 1 and b"no region" in r.stderr
    r = admin(db_url, "report", "daily", "--from", d2, "--to", d1)
    assert r.returncode == 1 and b"before it starts" in r.stderr
    r = admin(db_url, "report", "classes", "--from", d1, "--to", d2)
    assert r.returncode == 0 and "수업이 없습니다" in r.stdout.decode()
