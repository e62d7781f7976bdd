"""Scale, pole display and serial scanner over real pseudo-terminals."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from posapp.hardware.pole_display import Cd5220Display, format_total, line_bytes
from posapp.hardware.ports import HardwareError
from posapp.hardware.serial_scale import CasPd2Scale, GenericSerialScale, cas_frame, to_grams
from posapp.hardware.serial_scanner import SerialScanner
from tests.hardware.ptydevice import PtyDevice


class CasScale:
    """Answers ENQ with ACK and DC1 with the next frame of ``frames`` (the last repeats)."""

    def __init__(self, frames: list[bytes]) -> None:
        self.frames = frames

    def __call__(self, data: bytes) -> bytes:
        out = b""
        for b in data:
            if b == 0x05:
                out += b"\x06"
            elif b == 0x11:
                out += self.frames.pop(0) if len(self.frames) > 1 else self.frames[0]
        return out


def test_cas_stable_weight_is_exact_grams() -> None:
    dev = PtyDevice(CasScale([cas_frame(True, 1234)]))
    try:
        scale = CasPd2Scale(dev.path)
        w = scale.read_stable(timeout=2)
        assert (w.grams, w.stable) == (1234, True)
        scale.close()
    finally:
        dev.close()


def test_a_stale_reading_in_the_buffer_is_not_taken() -> None:
    dev = PtyDevice(CasScale([cas_frame(True, 1234)]))
    try:
        scale = CasPd2Scale(dev.path)
        dev.send(cas_frame(True, 500))  # the last customer's weight, sent unasked
        time.sleep(0.1)
        assert scale.read_stable(timeout=2).grams == 1234
        scale.close()
    finally:
        dev.close()


def test_unstable_then_stable() -> None:
    dev = PtyDevice(CasScale([cas_frame(False, 800), cas_frame(False, 950), cas_frame(True, 1002)]))
    try:
        assert CasPd2Scale(dev.path).read_stable(timeout=2).grams == 1002
    finally:
        dev.close()


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        (cas_frame(False, 700), "scale.unstable"),
        (cas_frame(True, -20), "scale.negative"),
        (cas_frame(True, 0, overload=True), "scale.overload"),
        (cas_frame(True, 1234)[:-3] + b"\x00\x03\x04", "scale.bad_frame"),
    ],
)
def test_scale_faults_within_the_timeout(frame: bytes, code: str) -> None:
    dev = PtyDevice(CasScale([frame]))
    try:
        start = time.monotonic()
        with pytest.raises(HardwareError) as err:
            CasPd2Scale(dev.path).read_stable(timeout=0.6)
        assert err.value.code == code and time.monotonic() - start < 2
    finally:
        dev.close()


def test_a_silent_scale_times_out() -> None:
    dev = PtyDevice(None)
    try:
        with pytest.raises(HardwareError) as err:
            CasPd2Scale(dev.path, timeout=0.05).read_stable(timeout=0.5)
        assert err.value.code == "scale.timeout"
    finally:
        dev.close()


def test_generic_scale_lines() -> None:
    answers = iter([b"US,+  0.812kg\r\n", b"ST,+  0.815kg\r\n"])
    dev = PtyDevice(lambda data: next(answers, b"ST,+  0.815kg\r\n") if b"W" in data else b"")
    try:
        assert GenericSerialScale(dev.path).read_stable(timeout=2).grams == 815
    finally:
        dev.close()


def test_grams_from_text() -> None:
    assert to_grams("01.234", "kg") == 1234 and to_grams("350", " g") == 350


def test_missing_scale_port() -> None:
    with pytest.raises(HardwareError) as err:
        CasPd2Scale("/dev/does-not-exist")
    assert err.value.code == "scale.unavailable"


def test_pole_display_bytes() -> None:
    dev = PtyDevice(None)
    try:
        d = Cd5220Display(dev.path)
        d.show("사과 APPLE", format_total("TOTAL", 12_900))
        time.sleep(0.2)
        assert bytes(dev.received).startswith(b"\x1b@")
        assert b"\x1bQA" + b"?? APPLE".ljust(20) + b"\r" in dev.received
        assert b"\x1bQBTOTAL        W12,900\r" in dev.received
        d.close()
    finally:
        dev.close()
    assert line_bytes("x" * 30) == b"x" * 20


def test_serial_scanner_codes_and_reconnect(tmp_path: Path) -> None:
    link = tmp_path / "scanner"
    first = PtyDevice(None)
    os.symlink(first.path, link)
    codes: list[str] = []
    status: list[str] = []
    scanner = SerialScanner(str(link), prefix="]", reconnect_interval=0.1, on_status=status.append)
    scanner.start(codes.append)
    second: PtyDevice | None = None
    try:
        deadline = time.monotonic() + 3
        while "connected" not in status and time.monotonic() < deadline:
            time.sleep(0.02)
        first.send(b"]8801234500012\r")
        first.send(b"8801234500029\n8801234500036\r\n")
        deadline = time.monotonic() + 3
        while len(codes) < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert codes == ["8801234500012", "8801234500029", "8801234500036"]
        first.close()  # unplugged
        link.unlink()
        deadline = time.monotonic() + 3
        while "disconnected" not in status and time.monotonic() < deadline:
            time.sleep(0.02)
        assert "disconnected" in status
        second = PtyDevice(None)  # plugged back in
        os.symlink(second.path, link)
        deadline = time.monotonic() + 3
        while status.count("connected") < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.1)
        second.send(b"8809999999997\r")
        deadline = time.monotonic() + 3
        while len(codes) < 4 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert codes[-1] == "8809999999997"
    finally:
        scanner.stop()
        if second is not None:
            second.close()
