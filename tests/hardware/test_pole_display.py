"""The CD5220 pole display over a real pseudo-terminal: the exact bytes it receives, the text
rules (20 columns of ASCII, Hangul never sent raw), and writes that never hang."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from posapp.hardware.pole_display import (
    Cd5220Display,
    format_amount,
    format_line,
    format_total,
    line_bytes,
    pick_displayable,
    to_display,
)
from posapp.hardware.ports import HardwareError
from tests.support.ptydevice import PtyDevice

INIT = b"\x1b@"
SHOW = len(b"\x1bQA") * 2 + 20 * 2 + 2  # 46 bytes per show()


def received_after(dev: PtyDevice, n: int) -> bytes:
    return dev.wait_for(lambda got: len(got) >= n)


# --- text rules --------------------------------------------------------------------------------


def test_format_total_right_aligns_the_amount_in_20_columns() -> None:
    assert format_total("TOTAL", 12_900) == "TOTAL        W12,900"
    assert format_total("CHANGE", 0) == "CHANGE" + " " * 12 + "W0"
    assert format_total("REFUND", -3_500) == "REFUND       -W3,500"
    for label, amount in [("TOTAL", 1), ("합계", 99_999_999), ("X" * 30, 10**12)]:
        line = format_total(label, amount)
        assert len(line) == 20 and line.endswith(format_amount(amount))
    assert format_total("합계", 12_900) == "??           W12,900"


def test_a_long_label_keeps_one_space_before_the_amount() -> None:
    assert format_total("A VERY LONG LABEL TEXT", 1_234_567) == "A VERY LO W1,234,567"
    assert format_line("ITEM 3", "W2,000") == "ITEM 3        W2,000"


def test_text_is_mapped_to_the_displays_character_set() -> None:
    assert to_display("사과 APPLE") == "?? APPLE"
    assert to_display("₩12,900 ￦5") == "W12,900 W5"
    assert to_display("I·Market·U") == "I.Market.U"
    assert to_display("Café – “Ａ１”") == 'Cafe - "A1"'
    assert to_display("\x1b@\x0c\r") == "?@??"  # control bytes can never reach the display
    assert line_bytes("x" * 30) == b"x" * 20
    assert line_bytes("") == b" " * 20


def test_the_english_name_is_chosen_when_the_korean_one_cannot_show() -> None:
    assert pick_displayable("청송 사과", "Cheongsong Apple") == "Cheongsong Apple"
    assert pick_displayable("APPLE 1kg", "Apple") == "APPLE 1kg"
    assert pick_displayable("청송 사과", None, "") == "?? ??"
    assert pick_displayable(None, "") == ""


# --- over a pty --------------------------------------------------------------------------------


def test_show_sends_exact_bytes_for_a_total_line() -> None:
    with PtyDevice(None) as dev:
        d = Cd5220Display(dev.path)
        try:
            d.show("APPLE 1kg  W4,500", format_total("TOTAL", 12_900))
            got = received_after(dev, len(INIT) + SHOW)
            assert got == (b"\x1b@\x1bQAAPPLE 1kg  W4,500   \r\x1bQBTOTAL        W12,900\r")
            d.clear()
            assert received_after(dev, len(got) + 1)[len(got) :] == b"\x0c"
        finally:
            d.close()


def test_hangul_never_reaches_the_wire() -> None:
    with PtyDevice(None) as dev:
        d = Cd5220Display(dev.path)
        try:
            d.show("사과 (청송) 1kg", "합계 ₩12,900")
            got = received_after(dev, len(INIT) + SHOW)
            assert got == (
                b"\x1b@\x1bQA"
                + b"?? (??) 1kg".ljust(20)
                + b"\r\x1bQB"
                + b"?? W12,900".ljust(20)
                + b"\r"
            )
            assert all(b < 0x80 for b in got)
        finally:
            d.close()


def test_a_display_that_stops_reading_raises_instead_of_hanging() -> None:
    with PtyDevice(None, listen=False) as dev:  # nobody reads: the pty's buffer fills
        d = Cd5220Display(dev.path, timeout=0.1)
        try:
            start = time.monotonic()
            with pytest.raises(HardwareError) as err:
                for _ in range(100_000):
                    d.show("FILLING", "THE BUFFER")
            assert err.value.code == "display.stalled"
            assert time.monotonic() - start < 1.5
        finally:
            d.close()


def test_an_unplugged_display_is_offline_then_reopened_and_reinitialised(tmp_path: Path) -> None:
    link = tmp_path / "pole"
    first = PtyDevice(None)
    link.symlink_to(first.path)
    d = Cd5220Display(str(link))
    second: PtyDevice | None = None
    try:
        first.unplug()
        with pytest.raises(HardwareError) as err:
            d.show("HELLO")
        assert err.value.code == "display.offline"
        second = PtyDevice(None)
        link.unlink()
        link.symlink_to(second.path)
        d.show("WELCOME", "I-MARKET-U")
        got = received_after(second, len(INIT) + SHOW + 1)
        assert (
            got
            == b"\r\x1b@\x1bQA"
            + b"WELCOME".ljust(20)
            + b"\r\x1bQB"
            + b"I-MARKET-U".ljust(20)
            + b"\r"
        )
    finally:
        d.close()
        first.close()
        if second is not None:
            second.close()


def test_a_missing_port_is_unavailable() -> None:
    with pytest.raises(HardwareError) as err:
        Cd5220Display("/dev/no-such-display")
    assert err.value.code == "display.unavailable"
    assert "No such file or directory" in str(err.value)


def test_a_closed_display_says_so() -> None:
    with PtyDevice(None) as dev:
        d = Cd5220Display(dev.path)
        d.close()
        d.close()
        with pytest.raises(HardwareError) as err:
            d.show("X")
        assert (err.value.code, err.value.retryable) == ("display.unavailable", False)
