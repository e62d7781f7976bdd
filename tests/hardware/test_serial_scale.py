"""Serial scales over real pseudo-terminals: the CAS PD-II ECR protocol and a generic line
protocol, played by a device on the master side while the adapter opens the slave with pyserial.

The device builds its frames itself (not with the adapter's helpers), so the wire format — and
which bytes the BCC covers — is pinned independently of the adapter."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from posapp.hardware.ports import HardwareError, Scale
from posapp.hardware.serial_scale import (
    CasPd2Scale,
    GenericSerialScale,
    cas_frame,
    next_cas_frame,
    to_grams,
)
from tests.support.ptydevice import PtyDevice

ENQ, ACK, DC1 = 0x05, 0x06, 0x11


def frame(status: str = "S", weight: str = "01.234", sign: str = " ", unit: str = "kg") -> bytes:
    """SOH STX STA SIGN W5..W0 UN1 UN0 BCC ETX EOT; BCC = XOR of STA .. UN0."""
    body = f"{status}{sign}{weight}{unit}".encode("ascii")
    assert len(body) == 10
    check = 0
    for b in body:
        check ^= b
    return b"\x01\x02" + body + bytes([check]) + b"\x03\x04"


def bad_bcc(f: bytes) -> bytes:
    return f[:12] + bytes([f[12] ^ 0x5A]) + f[13:]


class CasPd2Device:
    """A CAS PD-II in ECR mode: ENQ → ACK; DC1 (only after an ENQ) → the next of ``answers``,
    the last one repeating."""

    def __init__(self, *answers: bytes) -> None:
        self.answers = list(answers)
        self.requests = 0
        self._enquired = False

    def __call__(self, data: bytes) -> bytes:
        out = b""
        for b in data:
            if b == ENQ:
                self._enquired = True
                out += bytes([ACK])
            elif b == DC1 and self._enquired:
                self._enquired = False
                self.requests += 1
                out += self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        return out


@pytest.fixture
def cas() -> Iterator[tuple[PtyDevice, CasPd2Device]]:
    device = CasPd2Device(frame())
    with PtyDevice(device) as dev:
        yield dev, device


def open_cas(dev: PtyDevice, timeout: float = 0.2) -> CasPd2Scale:
    return CasPd2Scale(dev.path, timeout=timeout)


def read_error(scale: Scale, timeout: float) -> tuple[HardwareError, float]:
    start = time.monotonic()
    with pytest.raises(HardwareError) as err:
        scale.read_stable(timeout=timeout)
    return err.value, time.monotonic() - start


# --- the wire format ---------------------------------------------------------------------------


def test_the_frame_for_1_234_kg_byte_for_byte() -> None:
    expected = bytes.fromhex("01 02 53 20 30 31 2E 32 33 34 6B 67 65 03 04")
    assert frame("S", "01.234") == expected
    assert cas_frame(True, 1234) == expected  # the adapter's simulator helper agrees


def test_grams_are_exact_from_the_decimal_text() -> None:
    assert to_grams("01.234", "kg") == 1234
    assert to_grams("99.999", "kg") == 99_999
    assert to_grams(" 0.005", "KG") == 5
    assert to_grams("001234", " g") == 1234
    assert to_grams("1234", "g ") == 1234
    assert to_grams("0.0005", "kg") == 1  # below a gram: half up
    assert to_grams("0.0004", "kg") == 0
    assert to_grams("1234.5", "g") == 1235
    for text in ("", " . ", "1e3", "NaN", "1,234", "-1.0"):
        with pytest.raises(HardwareError) as err:
            to_grams(text, "kg")
        assert err.value.code == "scale.bad_frame"
    with pytest.raises(HardwareError) as err:
        to_grams("02.720", "lb")
    assert (err.value.code, err.value.retryable) == ("scale.bad_unit", False)


def test_frames_are_found_after_noise_and_false_starts() -> None:
    good = frame()
    buf = bytearray(b"\x06\x00garbage\x01\x01x" + good[:5])
    assert next_cas_frame(buf) is None  # the start of a frame is kept for more bytes
    assert buf == bytearray(good[:5])
    buf += good[5:] + b"tail"
    assert next_cas_frame(buf) == good[:14]
    assert buf == bytearray(b"tail")


# --- CAS PD-II over a pty ----------------------------------------------------------------------


def test_stable_1_234_kg_is_1234_grams(cas: tuple[PtyDevice, CasPd2Device]) -> None:
    dev, device = cas
    scale = open_cas(dev)
    try:
        w = scale.read_stable(timeout=2)
        assert (w.grams, w.stable) == (1234, True)
        assert device.requests == 1
        assert dev.data().startswith(bytes([ENQ, DC1]))  # asked as the protocol says
    finally:
        scale.close()


def test_a_stale_reading_in_the_buffer_is_not_taken() -> None:
    device = CasPd2Device(frame("S", "01.234"))
    with PtyDevice(device) as dev:
        scale = open_cas(dev)
        try:
            # the previous customer's 0.500 kg, a whole late answer (ACK and frame), unasked
            dev.send(bytes([ACK]) + frame("S", "00.500"))
            time.sleep(0.05)
            assert scale.read_stable(timeout=2).grams == 1234
            dev.send(bytes([ACK]) + frame("S", "00.500"))
            time.sleep(0.05)
            assert scale.read_stable(timeout=2).grams == 1234  # and again, the next time
        finally:
            scale.close()


def test_unstable_then_stable() -> None:
    device = CasPd2Device(frame("U", "00.800"), frame("U", "00.950"), frame("S", "01.002"))
    with PtyDevice(device) as dev:
        scale = open_cas(dev)
        try:
            assert scale.read_stable(timeout=2).grams == 1002
            assert device.requests == 3
        finally:
            scale.close()


def test_only_unstable_readings_raise_unstable_in_time() -> None:
    with PtyDevice(CasPd2Device(frame("U", "00.700"))) as dev:
        scale = open_cas(dev)
        try:
            err, took = read_error(scale, 0.5)
            assert err.code == "scale.unstable" and err.retryable
            assert err.data["grams"] == 700
            assert 0.45 <= took < 1.0
        finally:
            scale.close()


def test_a_silent_scale_times_out_in_time() -> None:
    with PtyDevice(None) as dev:
        scale = open_cas(dev, timeout=0.1)
        try:
            err, took = read_error(scale, 0.5)
            assert err.code == "scale.timeout" and err.retryable
            assert 0.45 <= took < 1.0
            assert dev.data().count(bytes([ENQ])) >= 2  # it kept asking
        finally:
            scale.close()


def test_frames_with_a_bad_checksum_are_ignored() -> None:
    device = CasPd2Device(bad_bcc(frame("S", "00.500")), frame("S", "01.234"))
    with PtyDevice(device) as dev:
        scale = open_cas(dev)
        try:
            assert scale.read_stable(timeout=2).grams == 1234
            assert device.requests == 2
        finally:
            scale.close()


def test_only_bad_frames_raise_bad_frame_in_time() -> None:
    with PtyDevice(CasPd2Device(bad_bcc(frame()))) as dev:
        scale = open_cas(dev)
        try:
            err, took = read_error(scale, 0.5)
            assert err.code == "scale.bad_frame" and err.data["bad"] >= 2
            assert took < 1.0
        finally:
            scale.close()


def test_noise_and_a_false_start_before_the_frame() -> None:
    device = CasPd2Device(b"\x00\x01junk\x01" + frame("S", "00.250"))
    with PtyDevice(device) as dev:
        scale = open_cas(dev)
        try:
            assert scale.read_stable(timeout=2).grams == 250
        finally:
            scale.close()


@pytest.mark.parametrize(
    ("answer", "grams"),
    [
        (frame("S", "00.040", sign="+"), 40),  # '+' is positive too
        (frame("S", "001234", unit=" g"), 1234),
        (frame("S", "00.000"), 0),
        (frame("S", " 0.075", unit="Kg"), 75),
    ],
)
def test_signs_and_units(answer: bytes, grams: int) -> None:
    with PtyDevice(CasPd2Device(answer)) as dev:
        scale = open_cas(dev)
        try:
            assert scale.read_stable(timeout=2).grams == grams
        finally:
            scale.close()


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        (frame("S", "00.020", sign="-"), "scale.negative"),
        (frame("S", "FFFFFF", sign="F"), "scale.overload"),
        (frame("S", "  OL  "), "scale.overload"),
        (frame("S", "02.720", unit="lb"), "scale.bad_unit"),
    ],
)
def test_negative_overload_and_lb_raise_at_once(answer: bytes, code: str) -> None:
    with PtyDevice(CasPd2Device(answer)) as dev:
        scale = open_cas(dev)
        try:
            err, took = read_error(scale, 2.0)
            assert err.code == code
            assert took < 0.5  # a stable answer settles it: no waiting out the timeout
        finally:
            scale.close()


def test_an_item_being_put_on_is_waited_out() -> None:
    device = CasPd2Device(
        frame("U", "00.100", sign="-"), frame("U", "FFFFFF", sign="F"), frame("S", "03.500")
    )
    with PtyDevice(device) as dev:
        scale = open_cas(dev)
        try:
            assert scale.read_stable(timeout=2).grams == 3500
        finally:
            scale.close()


def test_an_unstable_overload_until_the_timeout_is_an_overload() -> None:
    with PtyDevice(CasPd2Device(frame("U", "FFFFFF", sign="F"))) as dev:
        scale = open_cas(dev)
        try:
            err, took = read_error(scale, 0.4)
            assert err.code == "scale.overload" and took < 0.9
        finally:
            scale.close()


def test_a_missing_port_is_unavailable_in_words() -> None:
    with pytest.raises(HardwareError) as err:
        CasPd2Scale("/dev/no-such-scale")
    assert (err.value.code, err.value.retryable) == ("scale.unavailable", True)
    assert "No such file or directory" in str(err.value)


def test_a_scale_unplugged_mid_shift_is_unavailable_then_comes_back(tmp_path: Path) -> None:
    link = tmp_path / "scale"
    first = PtyDevice(CasPd2Device(frame("S", "00.500")))
    link.symlink_to(first.path)
    scale = CasPd2Scale(str(link))
    second: PtyDevice | None = None
    try:
        assert scale.read_stable(timeout=1).grams == 500
        first.unplug()
        err, took = read_error(scale, 1.0)
        assert err.code == "scale.unavailable" and took < 0.5
        second = PtyDevice(CasPd2Device(frame("S", "00.750")))
        link.unlink()
        link.symlink_to(second.path)
        assert scale.read_stable(timeout=1).grams == 750  # reopened on the next reading
    finally:
        scale.close()
        first.close()
        if second is not None:
            second.close()


def test_readings_from_two_threads_take_turns(cas: tuple[PtyDevice, CasPd2Device]) -> None:
    dev, _ = cas
    scale = open_cas(dev)
    results: list[int] = []
    try:
        threads = [
            threading.Thread(target=lambda: results.append(scale.read_stable(1).grams))
            for _ in range(3)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(3)
        assert results == [1234, 1234, 1234]
    finally:
        scale.close()


def test_a_closed_scale_says_so(cas: tuple[PtyDevice, CasPd2Device]) -> None:
    dev, _ = cas
    scale = open_cas(dev)
    scale.close()
    scale.close()  # idempotent
    with pytest.raises(HardwareError) as err:
        scale.read_stable(timeout=0.2)
    assert (err.value.code, err.value.retryable) == ("scale.unavailable", False)


# --- generic line protocol -----------------------------------------------------------------


class LineScale:
    """Answers each request (``W``) with the next of ``lines`` (the last repeating)."""

    def __init__(self, *lines: bytes, request: bytes = b"W") -> None:
        self.lines = list(lines)
        self.request = request
        self.requests = 0

    def __call__(self, data: bytes) -> bytes:
        out = b""
        for _ in range(data.count(self.request)):
            self.requests += 1
            out += self.lines.pop(0) if len(self.lines) > 1 else self.lines[0]
        return out


def test_generic_default_pattern_unstable_then_stable() -> None:
    device = LineScale(b"US,GS,+  0.812kg\r\n", b"ST,GS,+  0.815kg\r\n")
    with PtyDevice(device) as dev:
        scale = GenericSerialScale(dev.path)
        try:
            assert scale.read_stable(timeout=2).grams == 815
            assert dev.data().startswith(b"W\r\n") and device.requests == 2
        finally:
            scale.close()


def test_generic_custom_pattern_and_request() -> None:
    device = LineScale(b"W:+001.234 kg U\n", b"W:+001.234 kg S\n", request=b"P")
    with PtyDevice(device) as dev:
        scale = GenericSerialScale(
            dev.path,
            request=b"P\r",
            pattern=r"W:(?P<sign>[+-])(?P<weight>\d+\.\d+) (?P<unit>kg|g) (?P<stable>[SU])",
            stable_token="S",
        )
        try:
            assert scale.read_stable(timeout=2).grams == 1234
        finally:
            scale.close()


def test_generic_stale_line_is_not_taken() -> None:
    with PtyDevice(LineScale(b"ST,+  1.234kg\r\n")) as dev:
        scale = GenericSerialScale(dev.path)
        try:
            dev.send(b"ST,+  0.500kg\r\n")  # the last customer's weight, unasked
            time.sleep(0.05)
            assert scale.read_stable(timeout=2).grams == 1234
        finally:
            scale.close()


class Streamer:
    """A scale that streams a line every few milliseconds, without being asked, a few bytes at
    a time as a serial line delivers them (so a flush can cut a line in two)."""

    def __init__(self, dev: PtyDevice, line: bytes, every: float = 0.002) -> None:
        self.dev, self.line, self.every = dev, line, every
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)
        self._t.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            for i in range(0, len(self.line), 4):
                self.dev.send(self.line[i : i + 4])
                time.sleep(self.every)

    def stop(self) -> None:
        self._stop.set()
        self._t.join(1)


def test_generic_streaming_scale_never_takes_a_cut_line() -> None:
    # any tail of this line parses as another weight: "815kg" = 815 kg, "5kg" = 5 kg
    with PtyDevice(None) as dev:
        streamer = Streamer(dev, b"ST,+  1.815kg\r\n")
        scale = GenericSerialScale(dev.path, request=b"")
        try:
            assert [scale.read_stable(timeout=1).grams for _ in range(8)] == [1815] * 8
        finally:
            streamer.stop()
            scale.close()


@pytest.mark.parametrize(
    ("line", "code"),
    [
        (b"US,GS,+  0.700kg\r\n", "scale.unstable"),
        (b"ST,GS,-  0.100kg\r\n", "scale.negative"),
        (b"OL,GS,+ OL    kg\r\n", "scale.overload"),
        (b"hello there\r\n", "scale.bad_frame"),
    ],
)
def test_generic_faults_in_time(line: bytes, code: str) -> None:
    with PtyDevice(LineScale(line)) as dev:
        scale = GenericSerialScale(dev.path)
        try:
            err, took = read_error(scale, 0.4)
            assert err.code == code and took < 0.9
        finally:
            scale.close()


def test_generic_silent_scale_times_out() -> None:
    with PtyDevice(None) as dev:
        scale = GenericSerialScale(dev.path, timeout=0.1)
        try:
            err, took = read_error(scale, 0.4)
            assert err.code == "scale.timeout" and 0.35 <= took < 0.9
            assert dev.data().count(b"W\r\n") >= 2  # asked again after each timeout
        finally:
            scale.close()


def test_generic_pattern_errors_are_configuration_errors() -> None:
    for pattern in ("(?P<weight>[0-9", r"(?P<grams>\d+)"):
        with pytest.raises(HardwareError) as err:
            GenericSerialScale("/dev/null", pattern=pattern)
        assert (err.value.code, err.value.retryable) == ("scale.config", False)
