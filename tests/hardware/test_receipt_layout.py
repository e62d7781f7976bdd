"""Receipt layout and ESC/POS encoding: Hangul by display width, native CP949 and raster."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from posapp.domain.text import display_width
from posapp.hardware.escpos_encode import (
    KOREAN_OFF,
    KOREAN_ON,
    drawer_kick,
    encode,
    render_receipt,
)
from posapp.hardware.ports import HardwareError
from posapp.hardware.print_queue import PrintQueue
from posapp.hardware.printer import PreviewPrinter, parse_uri
from posapp.hardware.receipt import (
    ItemLine,
    Receipt,
    Row,
    SaleReceiptData,
    StoreHeader,
    TenderLine,
    layout_sale,
)


def sample(**kw) -> SaleReceiptData:  # type: ignore[no-untyped-def]
    items = (
        ItemLine(
            "영주 부사 사과 3kg (특품 선물용 세트)", "2", 12_900, 25_800, 0, True, "8801234500012"
        ),
        ItemLine("순창 전통 고추장 1kg", "1", 8_500, 8_500, 1_000, False, "8801234500029"),
    )
    base = dict(
        store=StoreHeader(business_number="101-23-45678", phone="02-734-0000"),
        receipt_no="R01-20261123-0042",
        at=dt.datetime(2026, 11, 23, 6, 30, tzinfo=dt.UTC),
        register="R01",
        cashier="김하늘",
        items=items,
        gross_total=34_300,
        discount_total=1_000,
        total=33_300,
        supply_value=6_818,
        vat=682,
        exempt_total=25_800,
        tenders=(TenderLine("현금", 50_000),),
        change=16_700,
    )
    base.update(kw)
    return SaleReceiptData(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(("paper", "cols"), [(80, 48), (58, 32)])
def test_layout_fits_the_paper_by_display_width(paper: int, cols: int) -> None:
    text = layout_sale(sample(), paper).text()
    for line in text.splitlines():
        assert display_width(line) <= cols, line
    assert "15:30:00" in text  # 06:30 UTC is 15:30 in Seoul
    for figure in ("34,300", "33,300", "6,818", "682", "25,800", "16,700", "R01-20261123-0042"):
        assert figure in text
    assert "*영주 부사 사과" in text  # exempt lines are marked


def test_reprint_and_refund_titles() -> None:
    assert "[영수증 (재발행)]" in layout_sale(sample(copy=True)).text()
    refund = layout_sale(sample(kind="refund", original_receipt_no="R01-20261122-0007")).text()
    assert "환불 영수증" in refund and "R01-20261122-0007" in refund


def test_native_mode_sends_cp949_in_double_byte_mode() -> None:
    data = encode(layout_sale(sample()), "native")
    name = "아이마켓유".encode("cp949")
    at = data.index(name)
    assert data.rfind(KOREAN_ON, 0, at) > data.rfind(KOREAN_OFF, 0, at)  # inside FS & ... FS .
    assert "￦".encode("cp949") in data and "₩".encode() not in data
    assert data.count(KOREAN_ON) == data.count(KOREAN_OFF)
    assert b"\x1dV" in data  # cut
    assert b"\x1dv0" not in data  # everything encodable: no images


def test_native_mode_draws_a_row_cp949_cannot_encode() -> None:
    r = Receipt().add(Row("사과 🍎 12,900원"))
    data = encode(r, "native")
    assert b"\x1dv0" in data  # drawn as a raster image, never "?"
    assert b"?" not in data


def test_raster_mode_is_images_and_a_native_barcode() -> None:
    data = encode(layout_sale(sample()), "raster")
    assert data.count(b"\x1dv0") >= 2
    assert b"\x1dk\x49" in data and b"{BR01-20261123-0042" in data
    assert KOREAN_ON not in data


def test_drawer_kick_pins() -> None:
    assert drawer_kick(2) == b"\x1bp\x00\x19\xfa"
    assert drawer_kick(5)[2] == 1
    with pytest.raises(ValueError):
        drawer_kick(3)
    r = layout_sale(sample(open_drawer=True))
    assert encode(r, drawer_pin=2).endswith(drawer_kick(2))


@pytest.mark.parametrize(
    ("uri", "kind", "detail"),
    [
        ("preview:", "preview", ""),
        ("network://192.168.0.50:9100?mode=native", "network", "192.168.0.50"),
        ("usb://0519:0001", "usb", ""),
        ("serial:///dev/ttyUSB0?baud=38400&paper=58", "serial", "/dev/ttyUSB0"),
        ("file:///dev/usb/lp0", "file", "/dev/usb/lp0"),
    ],
)
def test_printer_uris(uri: str, kind: str, detail: str) -> None:
    c = parse_uri(uri)
    assert c.kind == kind
    assert detail in (c.host or c.device or "")
    if "native" in uri:
        assert c.mode == "native"
    if "paper=58" in uri:
        assert (c.paper_mm, c.baudrate) == (58, 38400)


@pytest.mark.parametrize("uri", ["lpt1", "network://", "usb://zz:1", "preview:?mode=colour"])
def test_bad_printer_uris_are_explained(uri: str) -> None:
    with pytest.raises(ValueError):
        parse_uri(uri)


def test_preview_printer_keeps_png_and_pdf(tmp_path: Path) -> None:
    out = PreviewPrinter(tmp_path).print_receipt(layout_sale(sample()))
    assert out.preview_png and out.preview_png.exists() and out.preview_pdf.exists()  # type: ignore[union-attr]
    img = render_receipt(layout_sale(sample(), 58), 58)
    assert img.size[0] == 384 + 32


class FlakyPrinter:
    def __init__(self) -> None:
        self.paper = False
        self.printed: list[str] = []

    def print_receipt(self, receipt):  # type: ignore[no-untyped-def]
        if not self.paper:
            raise HardwareError("printer network://x is out of paper", code="printer.paper_out")
        self.printed.append(receipt.title)


def test_a_failed_job_stays_queued_with_its_error_and_reprints() -> None:
    printer = FlakyPrinter()
    q = PrintQueue(printer)  # type: ignore[arg-type]
    try:
        job = q.submit(layout_sale(sample()))
        assert q.wait_idle(5)
        failed = q.failed()
        assert [j.id for j in failed] == [job.id] and failed[0].error_code == "printer.paper_out"
        printer.paper = True
        q.reprint(job.id)
        assert q.wait_idle(5)
        assert q.job(job.id).state == "done" and printer.printed == ["R01-20261123-0042"]
    finally:
        q.close()


@pytest.mark.parametrize("paper", [80, 58])
@pytest.mark.parametrize("qty", ["1.500kg", "12.345kg", "437g"])
def test_a_weighed_quantity_fits_its_column_on_paper(paper: int, qty: str) -> None:
    """Before: ``1.500kg`` printed ``1.500k``; ``12.345kg`` printed ``12.345`` at 80 mm and
    ``12.34`` at 58 mm. Read back from the bytes the printer gets."""
    from posapp_devtools.escpos import decode

    items = (ItemLine("횡성 한우 등심", qty, 12_800, 158_016, 0, True, ""),)
    data = encode(layout_sale(sample(items=items), paper), "native")
    text = decode(data, double_byte=True).text()
    row = next(line for line in text.splitlines() if "158,016" in line)
    assert f" {qty} " in row or row.split()[0] == qty, row
    for line in text.splitlines():
        if not line.startswith("[BARCODE"):  # the decoder's note for a barcode, not text
            assert display_width(line) <= {80: 48, 58: 32}[paper], line
