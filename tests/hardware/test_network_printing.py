"""Network printing end to end against the printer emulator (a real TCP peer on 127.0.0.1):
what arrives on paper equals the sale, and every fault fails the job within its time bound."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from posapp.domain.text import display_width
from posapp.hardware.ports import HardwareError
from posapp.hardware.print_queue import PrintQueue
from posapp.hardware.printer import EscposPrinter, parse_uri
from posapp.hardware.receipt import ItemLine, SaleReceiptData, StoreHeader, TenderLine, layout_sale
from posapp_devtools.printer_emulator import PrinterEmulator

ROOT = Path(__file__).resolve().parents[2]


def sale(lines: int = 3) -> SaleReceiptData:
    items = tuple(
        ItemLine(
            f"영주 부사 사과 {i + 1}호 선물세트", "2", 12_900, 25_800, 0, True, "8801234500012"
        )
        for i in range(lines)
    )
    total = 25_800 * lines
    return SaleReceiptData(
        store=StoreHeader(business_number="101-23-45678", phone="02-734-0000"),
        receipt_no="R01-20261123-0042",
        at=dt.datetime(2026, 11, 23, 6, 30, tzinfo=dt.UTC),
        register="R01",
        cashier="김하늘",
        items=items,
        gross_total=total,
        discount_total=0,
        total=total,
        supply_value=0,
        vat=0,
        exempt_total=total,
        tenders=(TenderLine("현금", 100_000),),
        change=100_000 - total,
        open_drawer=True,
    )


@pytest.mark.parametrize("paper", [80, 58])
def test_native_receipt_arrives_whole_and_fits_the_paper(emulator, paper: int) -> None:  # type: ignore[no-untyped-def]
    printer = EscposPrinter(
        parse_uri(f"network://127.0.0.1:{emulator.port}?mode=native&paper={paper}")
    )
    outcome = printer.print_receipt(layout_sale(sale(), paper))
    assert outcome.status_after is not None and outcome.status_after.ready
    (printed,) = emulator.wait_for_receipts(1, timeout=5)
    doc = printed.document
    text = doc.text()
    assert not doc.warnings, doc.warnings  # nothing wider than the paper, nothing unknown
    for figure in ("77,400", "22,600", "R01-20261123-0042", "영주 부사 사과 1호", "거스름돈"):
        assert figure in text
    assert [b.data for b in doc.barcodes] == ["R01-20261123-0042"]
    assert doc.drawer_kicks  # the cash drawer opened with the cash sale
    assert printed.png.exists()
    cols = 48 if paper == 80 else 32
    assert all(display_width(line) <= cols * 2 for line in text.splitlines())


def test_raster_receipt_is_images_and_a_barcode(emulator) -> None:  # type: ignore[no-untyped-def]
    printer = EscposPrinter(parse_uri(f"network://127.0.0.1:{emulator.port}?mode=raster"))
    printer.print_receipt(layout_sale(sale()))
    (printed,) = emulator.wait_for_receipts(1, timeout=5)
    assert printed.document.images and [b.data for b in printed.document.barcodes] == [
        "R01-20261123-0042"
    ]


@pytest.mark.parametrize(
    ("fault", "code"),
    [
        ("set_paper_out", "printer.paper_out"),
        ("set_cover_open", "printer.cover_open"),
        ("set_offline", "printer.offline"),
    ],
)
def test_status_faults_fail_the_job_before_it_is_sent(emulator, fault: str, code: str) -> None:  # type: ignore[no-untyped-def]
    getattr(emulator, fault)(True)
    printer = EscposPrinter(parse_uri(f"network://127.0.0.1:{emulator.port}?timeout=2"))
    start = time.monotonic()
    with pytest.raises(HardwareError) as err:
        printer.print_receipt(layout_sale(sale()))
    assert err.value.code == code and time.monotonic() - start < 3


def test_refused_connection_is_quick_and_clear(emulator) -> None:  # type: ignore[no-untyped-def]
    emulator.refuse()
    printer = EscposPrinter(parse_uri(f"network://127.0.0.1:{emulator.port}?timeout=2"))
    start = time.monotonic()
    with pytest.raises(HardwareError) as err:
        printer.print_receipt(layout_sale(sale()))
    assert err.value.code == "printer.offline" and "refused" in str(err.value)
    assert time.monotonic() - start < 2


@pytest.mark.slow
def test_a_printer_that_stops_reading_times_out_and_the_job_is_kept(emulator) -> None:  # type: ignore[no-untyped-def]
    emulator.stop_reading()
    printer = EscposPrinter(parse_uri(f"network://127.0.0.1:{emulator.port}?timeout=1&mode=raster"))
    queue = PrintQueue(printer)
    try:
        start = time.monotonic()
        job = queue.submit(layout_sale(sale(lines=60)))
        assert queue.wait_idle(15)
        failed = queue.job(job.id)
        # it cannot even answer the status request before the job: offline, or stalled mid-job
        assert failed.state == "failed"
        assert failed.error_code in ("printer.offline", "printer.stalled")
        assert time.monotonic() - start < 10
        emulator.resume_reading()
        queue.reprint(job.id)
        assert queue.wait_idle(15)
        assert queue.job(job.id).state == "done"
    finally:
        queue.close()


def test_cli_test_page_through_the_emulator(emulator) -> None:  # type: ignore[no-untyped-def]
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "posapp.cli",
            "printer",
            "test",
            "--printer",
            f"network://127.0.0.1:{emulator.port}",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    receipts = emulator.wait_for_receipts(2, timeout=5)
    assert len(receipts) == 2  # native and raster
    assert "한글 출력" in receipts[0].document.text()


def test_status_after_a_job_is_not_fooled_by_status_bytes_inside_raster_data(
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    """Raster data regularly holds ``10 04 n`` (DLE EOT), and an Epson printer answers it even
    mid-image. Before: the status read after the job took that early answer for the answer to
    its first question, every later answer shifted by one — here the paper-near-end bit of
    DLE EOT 4 was read from DLE EOT 2's answer and lost."""
    from posapp.hardware.printer import EscposTransport

    emu = PrinterEmulator(tmp_path / "paper", port=0, realtime_in_data=True).start()
    try:
        emu.set_paper_low()
        t = EscposTransport(parse_uri(f"network://127.0.0.1:{emu.port}?mode=raster"))
        try:
            before = t.status()
            assert before is not None and before.paper_low
            image = b"\x10\x04\x01\x00" * 8  # 2 bytes wide, 16 rows: the bytes 10 04 01 inside
            t.write(b"\x1dv0\x00\x02\x00\x10\x00" + image + b"\n\x1dV\x00")
            after = t.status()
        finally:
            t.close()
        assert after is not None and after.online and after.paper_low, after
        assert not after.paper_out and not after.cover_open
    finally:
        emu.stop()
