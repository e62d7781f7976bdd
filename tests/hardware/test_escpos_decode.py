"""The ESC/POS decoder against python-escpos's own output, hand-written Korean double-byte
text, the app's native encoder, and random garbage (it must never crash)."""

from __future__ import annotations

import os
import random
import tempfile
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw

from posapp_devtools.escpos import (
    BarcodeSymbol,
    BitImage,
    Cut,
    DrawerKick,
    StatusRequest,
    StreamDecoder,
    Symbol2D,
    TextLine,
    barcode_modules,
    decode,
    line_dots,
)

KOREAN = "사과 12,900원"


def escpos_dummy() -> Any:
    """python-escpos's Dummy printer (importing escpos logs and writes a capabilities cache)."""
    cache = Path(tempfile.gettempdir()) / "posapp-escpos-cache"
    cache.mkdir(exist_ok=True)
    os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", str(cache))
    from escpos.printer import Dummy

    return Dummy()


def pattern(width: int = 100, height: int = 30) -> Image.Image:
    img = Image.new("1", (width, height), 1)
    draw = ImageDraw.Draw(img)
    draw.rectangle((5, 3, 40, 20), fill=0)
    draw.line((0, height - 1, width - 1, 0), fill=0)
    return img


def sample_stream() -> bytes:
    p = escpos_dummy()
    p.set(bold=True, double_height=True, double_width=True, align="center")
    p.text("I-Market-U\n")
    p.set_with_default()
    p.text("plain text é ü\n")
    p.barcode("{BR01-20261123-0001", "CODE128", function_type="B")
    p.image(pattern())
    p.qr("https://imarketu.kr/r/0001", native=True)
    p.cut()
    p.cashdraw(2)
    return bytes(p.output) + b"\x1c&" + KOREAN.encode("cp949") + b"\x1c." + b"\n"


# --- text ------------------------------------------------------------------------------------


def test_text_with_styles_from_python_escpos() -> None:
    doc = decode(sample_stream())
    title, plain = doc.lines[0], doc.lines[1]
    assert title.text == "I-Market-U"
    assert title.bold and title.double and title.align == "center"
    assert plain.text == "plain text é ü"  # PC437 bytes 0x82, 0x81
    assert not plain.bold and plain.width == 1 and plain.align == "left"
    assert doc.warnings == []


def test_korean_double_byte_mode() -> None:
    data = b"\x1b@" + b"\x1c&" + KOREAN.encode("cp949") + b"\x1c." + b"\n"
    doc = decode(data)
    assert doc.text() == KOREAN + "\n"
    runs = doc.lines[0].runs
    assert [r.wide for r in runs] == [True, False, True]  # 사과 | " 12,900" | 원
    assert doc.warnings == []


def test_double_byte_mode_is_left_with_fs_dot_and_reset_by_init() -> None:
    hangul = "가".encode("cp949")
    doc = decode(b"\x1c&" + hangul + b"\x1c." + hangul + b"\n\x1c&\x1b@" + hangul + b"\n")
    # outside double-byte mode the two bytes are PC437 characters, as a printer would print them
    assert doc.lines[0].text == "가" + hangul.decode("cp437")
    assert doc.lines[1].text == hangul.decode("cp437")


def test_code_tables_and_international_sets() -> None:
    doc = decode(b"\x1bt\x10\x80\n\x1bt\x00\x82\n\x1bR\x0d\\1000\n\x1bR\x00\\\n\x1bt\x63\xe9\n")
    assert [ln.text for ln in doc.lines] == ["€", "é", "₩1000", "\\", "Θ"]
    assert any("code table 99" in w for w in doc.warnings)  # unknown table: PC437, warned


def test_app_native_encoder_round_trip() -> None:
    from posapp.hardware.escpos_encode import encode
    from posapp.hardware.receipt import Barcode, Receipt, Row

    receipt = Receipt(
        [
            Row("아이마켓유", align="center", bold=True, double=True),
            Row("제주 감귤 3kg", "29,800"),
            Row("합계", "₩29,800", bold=True),
            Barcode("R01-20261123-0001"),
        ],
        open_drawer=True,
    )
    doc = decode(encode(receipt, "native", drawer_pin=2))
    lines = doc.text().splitlines()
    assert lines[0].strip() == "아이마켓유"
    assert doc.lines[0].bold and doc.lines[0].double
    assert lines[1].startswith("제주 감귤 3kg") and lines[1].endswith("29,800")
    assert lines[2].endswith("￦29,800")  # the encoder sends the full-width won sign
    assert "[BARCODE CODE128 R01-20261123-0001]" in lines
    assert lines[-1] == "[DRAWER pin 2]"
    assert doc.cut and doc.warnings == []


# --- feeds, cuts, pulses, status -------------------------------------------------------------


def test_cut_ends_a_receipt_and_the_drawer_kick_stays_with_it() -> None:
    p = escpos_dummy()
    p.text("first\n")
    p.cut()
    p.cashdraw(2)
    p.text("second\n")
    p.cut(mode="PART", feed=False)
    doc = decode(p.output)
    first, second = doc.receipts()
    assert first.text() == "first\n[DRAWER pin 2]\n"  # the feed before the cut is dropped
    assert first.drawer_kicks == [DrawerKick(2, 100, 100)]
    assert second.text() == "second\n"
    # python-escpos's cut(feed=False) sends GS V 66 0: feed 0 dots, partial cut
    assert [c for c in second.elements if isinstance(c, Cut)] == [Cut(partial=True)]
    assert doc.text() == "first\n[DRAWER pin 2]\n[CUT]\nsecond\n"


def test_text_without_lf_after_a_cut_still_prints_and_keeps_the_cut_receipt() -> None:
    doc = decode(b"first\n\x1dV\x00second")
    assert [r.text() for r in doc.receipts()] == ["first\n", "second\n"]
    dec = StreamDecoder()
    assert dec.feed(b"first\n\x1dV\x00second") == []
    assert [d.text() for d in dec.close()] == ["first\n", "second\n"]


def test_feeds_and_blank_lines() -> None:
    doc = decode(b"a\n\nb\x1bd\x03c\x1bd\x00d\n\x1bJ\x40")
    assert [ln.text for ln in doc.lines] == ["a", "", "b", "", "", "c", "d"]


def test_status_requests_are_recorded_not_printed() -> None:
    seen: list[StatusRequest] = []
    dec = StreamDecoder(on_status=seen.append)
    dec.feed(b"\x10\x04\x01\x10\x04\x02\x10\x04\x04\x1dr\x01")
    assert [(s.command, s.n) for s in seen] == [("DLE EOT", n) for n in (1, 2, 4)] + [("GS r", 1)]
    rest = dec.close()
    assert rest[0].status_requests == seen and rest[0].text() == ""


def test_realtime_pulse_and_esc_p_pins() -> None:
    doc = decode(b"\x1bp\x01\x19\xfa\x10\x14\x01\x00\x02")
    assert doc.drawer_kicks == [DrawerKick(5, 50, 500), DrawerKick(2, 200, 200)]


def test_tab_expansion() -> None:
    assert decode(b"ab\tc\n").lines[0].text == "ab      c"


# --- barcodes --------------------------------------------------------------------------------


def test_code128_from_python_escpos() -> None:
    doc = decode(sample_stream())
    (bc,) = doc.barcodes
    assert (bc.symbology, bc.data, bc.valid) == ("CODE128", "R01-20261123-0001", True)
    assert (bc.height, bc.module_width, bc.hri, bc.align) == (64, 3, "below", "center")
    assert "[BARCODE CODE128 R01-20261123-0001]" in doc.text().splitlines()


def test_code128_code_set_c_and_function_a_ean13() -> None:
    doc = decode(b"\x1dkI\x05{C\x0c\x22\x38" + b"\x1dk\x024006381333931\x00")
    assert [(b.symbology, b.data) for b in doc.barcodes] == [
        ("CODE128", "123456"),
        ("EAN13", "4006381333931"),
    ]


def test_ean13_wrong_check_digit_is_drawn_as_sent() -> None:
    import barcode

    doc = decode(b"\x1dkC\x0d4006381333930")
    (bc,) = doc.barcodes
    assert bc.valid and "check digit 0 should be 1" in bc.problem
    assert any("check digit" in w for w in doc.warnings)
    modules = barcode_modules(bc)
    sent = barcode.get("ean13", "4006381333930", options={"no_checksum": True}).build()[0]
    fixed = barcode.get("ean13", "4006381333931").build()[0]
    assert modules == sent != fixed


def test_invalid_barcodes_are_not_printed_but_noted() -> None:
    doc = decode(b"\x1dkI\x05ABCDE" + b"\x1dkC\x03123")  # CODE128 without {B; short EAN13
    assert [b.valid for b in doc.barcodes] == [False, False]
    assert len(doc.warnings) == 2
    assert "(invalid)" in doc.text()
    assert doc.render().getextrema() == (255, 255)  # nothing drawn


# --- images and 2-D codes --------------------------------------------------------------------


@pytest.mark.parametrize("impl", ["bitImageRaster", "bitImageColumn", "graphics"])
def test_images_keep_their_dots(impl: str) -> None:
    img = pattern(100, 30)
    p = escpos_dummy()
    p.image(img, impl=impl)
    doc = decode(p.output)
    (bit,) = doc.images
    assert isinstance(bit, BitImage)
    w, h = bit.size
    assert w >= 100 and h >= 30  # raster rows are whole bytes, column bands 24 dots high
    got = bit.image.crop((0, 0, 100, 30))
    assert got.tobytes() == img.convert("1").tobytes()
    assert bit.image.crop((100, 0, w, h)).getextrema() in ((255, 255), (1, 1), None)


def test_raster_image_by_hand_and_its_text() -> None:
    data = b"\x1dv0\x00\x02\x00\x02\x00" + b"\x80\x01\xff\x00"
    (bit,) = decode(data).images
    assert bit.size == (16, 2)
    assert bit.image.getpixel((0, 0)) == 0 and bit.image.getpixel((15, 0)) == 0
    assert bit.image.getpixel((1, 0)) == 255 and bit.image.getpixel((8, 1)) == 255
    assert decode(data).text() == "[IMAGE 16x2]\n"


def test_raster_bands_in_a_row_print_as_one_picture() -> None:
    band = b"\x1dv0\x00\x02\x00\x02\x00" + b"\xff\xff\x00\x00"
    doc = decode(band + band + b"\x1ba\x01" + band)
    assert [(i.size, i.align) for i in doc.images] == [((16, 4), "left"), ((16, 2), "center")]


def test_a_line_wider_than_the_paper_wraps_in_the_picture() -> None:
    fits, too_wide = decode(b"x" * 48 + b"\n"), decode(b"x" * 49 + b"\n")
    assert line_dots(fits.lines[0]) == 576 and line_dots(too_wide.lines[0]) == 588
    assert too_wide.render(576).size[1] == fits.render(576).size[1] + 30
    korean = decode(b"\x1d!\x11\x1c&" + "받을 금액".encode("cp949") + b"\x1c.\n")
    assert line_dots(korean.lines[0]) == (4 * 24 + 12) * 2  # 4 Hangul, 1 space, double width


def test_native_qr() -> None:
    (qr,) = decode(sample_stream()).of_type(Symbol2D)
    assert (qr.kind, qr.data, qr.module_size, qr.error_correction) == (
        "QR",
        "https://imarketu.kr/r/0001",
        3,
        "L",
    )


# --- rendering -------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [576, 384])
def test_render_png(tmp_path: Path, width: int) -> None:
    doc = decode(sample_stream())
    path = doc.receipts()[0].render_png(tmp_path / "r.png", width_px=width)
    with Image.open(path) as img:
        assert img.size[0] == width and img.size[1] > 300
        gray = img.convert("L")
        assert gray.getextrema() == (0, 255)
        dark = sum(gray.histogram()[:128])
        assert dark > 2000  # text, barcode, image and QR are on the paper


def test_hangul_is_drawn_not_tofu() -> None:
    a = decode(b"\x1c&" + "사".encode("cp949") + b"\n").render(384)
    b = decode(b"\x1c&" + "과".encode("cp949") + b"\n").render(384)
    assert a.getextrema() == (0, 255) and a.tobytes() != b.tobytes()


# --- robustness ------------------------------------------------------------------------------


def test_unknown_commands_are_skipped_with_a_warning() -> None:
    doc = decode(b"\x1b\x99abc\n\x1d\xf0def\n\x01ghi\n")
    assert [ln.text for ln in doc.lines] == ["abc", "def", "ghi"]
    assert len(doc.warnings) == 3 and "ESC 0x99" in doc.warnings[0]


def test_truncated_command_at_the_end() -> None:
    doc = decode(b"ok\n\x1dv0\x00\x10\x00\x10\x00\xff\xff")
    assert doc.text() == "ok\n"
    assert any("truncated" in w for w in doc.warnings)


def _text_of(docs: list[Any]) -> list[object]:
    """Everything decoded, comparable (images by their dots)."""
    return [
        (e.size, e.image.tobytes())
        if isinstance(e, BitImage)
        else (e.text, e.align)
        if isinstance(e, TextLine)
        else e
        for d in docs
        for e in d.elements
    ]


def test_stream_decoder_matches_whole_decode_in_any_chunks() -> None:
    data = sample_stream() * 2
    whole = decode(data)
    rng = random.Random(7)
    for _ in range(5):
        dec = StreamDecoder()
        docs, i = [], 0
        while i < len(data):
            n = rng.choice([1, 2, 3, 7, 64, 1000])
            docs += dec.feed(data[i : i + n])
            i += n
        docs += dec.close()
        assert _text_of(docs) == _text_of([whole])
        assert [len(d.barcodes) for d in docs] == [len(r.barcodes) for r in whole.receipts()]


def test_fuzz_random_bytes_never_crash() -> None:
    rng = random.Random(20261123)
    valid = sample_stream()
    for round_ in range(300):
        if round_ % 3 == 0:
            data = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 600)))
        elif round_ % 3 == 1:  # command-dense garbage
            alphabet = b"\x1b\x1d\x1c\x10\x0a\x00\x01\x30\x31\x41\x49kvV(L!aEt&.\xb0\xa1"
            data = bytes(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        else:  # a valid stream with a few bytes flipped
            mutated = bytearray(valid)
            for _ in range(rng.randint(1, 8)):
                mutated[rng.randrange(len(mutated))] = rng.getrandbits(8)
            data = bytes(mutated)
        doc = decode(data)
        doc.text()
        if round_ % 25 == 0:
            doc.render(384)
        dec = StreamDecoder()
        cut = rng.randrange(len(data) + 1)
        parts = dec.feed(data[:cut]) + dec.feed(data[cut:]) + dec.close()
        assert _text_of(parts) == _text_of([doc])


def test_huge_claims_do_not_wait_for_gigabytes() -> None:
    # GS v 0 claiming 65535 bytes × 65535 rows, GS 8 L claiming 4 GB: ignored, decoding goes on
    doc = decode(b"\x1dv0\x00\xff\xff\xff\xffA\n\x1d8L\xff\xff\xff\xffB\n")
    assert [ln.text for ln in doc.lines] == ["A", "B"]
    assert len(doc.warnings) == 2


def test_barcode_element_types() -> None:
    doc = decode(b"\x1dH\x02\x1dh\x50\x1dw\x02\x1dkE\x05ABC12")
    (bc,) = doc.barcodes
    assert bc == BarcodeSymbol(
        "CODE39", "ABC12", height=80, module_width=2, hri="below", raw=b"ABC12"
    )
