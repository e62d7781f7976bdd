"""The serial barcode scanner over real pseudo-terminals: whole codes with any line ending, a
configured prefix/suffix stripped, and the scanner unplugged and plugged back in (a symlink that
is re-pointed at a new pty plays the device node coming back)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from posapp.hardware.serial_scanner import SerialScanner
from tests.support.ptydevice import PtyDevice


class Recorder:
    """Collects codes and statuses from the scanner's thread."""

    def __init__(self) -> None:
        self.codes: list[str] = []
        self.status: list[str] = []
        self._changed = threading.Condition()

    def code(self, code: str) -> None:
        with self._changed:
            self.codes.append(code)
            self._changed.notify_all()

    def on_status(self, status: str) -> None:
        with self._changed:
            self.status.append(status)
            self._changed.notify_all()

    def wait(self, condition: Callable[[], bool], timeout: float = 2.0) -> bool:
        with self._changed:
            return self._changed.wait_for(condition, timeout)


@pytest.fixture
def rec() -> Recorder:
    return Recorder()


@pytest.fixture
def dev() -> Iterator[PtyDevice]:
    with PtyDevice(None) as d:
        yield d


def started(port: str | Callable[[], str], rec: Recorder, **kw: object) -> SerialScanner:
    scanner = SerialScanner(
        port,
        reconnect_interval=0.05,
        on_status=rec.on_status,
        **kw,  # type: ignore[arg-type]
    )
    scanner.start(rec.code)
    return scanner


def test_codes_with_cr_lf_and_crlf(dev: PtyDevice, rec: Recorder) -> None:
    scanner = started(dev.path, rec)
    try:
        assert rec.wait(lambda: rec.status == ["connected"])
        dev.send(b"8801234500012\r")
        dev.send(b"8801234500029\n8801234500036\r\n")
        dev.send(b"\r\n\r\n")  # empty lines are no codes
        dev.send(b"88012")  # a code in pieces, as a slow line delivers it
        time.sleep(0.02)
        dev.send(b"34500043\r\n")
        assert rec.wait(lambda: len(rec.codes) >= 4)
        assert rec.codes == ["8801234500012", "8801234500029", "8801234500036", "8801234500043"]
    finally:
        scanner.stop()


def test_prefix_and_suffix_are_stripped(dev: PtyDevice, rec: Recorder) -> None:
    scanner = started(dev.path, rec, prefix="]E0", suffix="#")
    try:
        assert rec.wait(lambda: "connected" in rec.status)
        dev.send(b"]E08801234500012#\r\n")
        dev.send(b"8809999999997\r\n")  # absent prefix/suffix: the code as it is
        dev.send(b" ]E0 ABC-123 #\r")
        assert rec.wait(lambda: len(rec.codes) >= 3)
        assert rec.codes == ["8801234500012", "8809999999997", "ABC-123"]
    finally:
        scanner.stop()


def test_a_configured_terminator(dev: PtyDevice, rec: Recorder) -> None:
    scanner = started(dev.path, rec, terminators=b"\t")
    try:
        assert rec.wait(lambda: "connected" in rec.status)
        dev.send(b"111\t222\t")
        assert rec.wait(lambda: len(rec.codes) >= 2)
        assert rec.codes == ["111", "222"]
    finally:
        scanner.stop()


def test_a_code_scanned_before_the_till_listened_is_not_entered(
    dev: PtyDevice, rec: Recorder
) -> None:
    dev.send(b"8800000000001\r")  # queued on the port before the scanner opened it
    scanner = started(dev.path, rec)
    try:
        assert rec.wait(lambda: "connected" in rec.status)
        dev.send(b"8801234500012\r")
        assert rec.wait(lambda: len(rec.codes) >= 1)
        time.sleep(0.05)
        assert rec.codes == ["8801234500012"]
    finally:
        scanner.stop()


def test_a_failing_callback_does_not_stop_the_scanner(dev: PtyDevice, rec: Recorder) -> None:
    def on_code(code: str) -> None:
        if code == "BOOM":
            raise RuntimeError("the UI fell over")
        rec.code(code)

    scanner = SerialScanner(dev.path, on_status=rec.on_status)
    scanner.start(on_code)
    try:
        assert rec.wait(lambda: "connected" in rec.status)
        dev.send(b"BOOM\r1234\r")
        assert rec.wait(lambda: rec.codes == ["1234"])
    finally:
        scanner.stop()


def test_unplug_and_replug(tmp_path: Path, rec: Recorder) -> None:
    link = tmp_path / "scanner"
    first = PtyDevice(None)
    link.symlink_to(first.path)
    scanner = started(str(link), rec, prefix="]")
    second: PtyDevice | None = None
    try:
        assert rec.wait(lambda: rec.status == ["connected"])
        first.send(b"]8801234500012\r")
        assert rec.wait(lambda: rec.codes == ["8801234500012"])

        first.unplug()  # the cable is pulled
        assert rec.wait(lambda: rec.status == ["connected", "disconnected"])
        link.unlink()
        time.sleep(0.15)  # a few failed reopen attempts: still one "disconnected"
        assert rec.status == ["connected", "disconnected"]

        second = PtyDevice(None)  # plugged back in: the device node is back
        link.symlink_to(second.path)
        assert rec.wait(lambda: rec.status == ["connected", "disconnected", "connected"])
        second.send(b"]8809999999997\r\n")
        assert rec.wait(lambda: len(rec.codes) == 2)
        assert rec.codes == ["8801234500012", "8809999999997"]
    finally:
        scanner.stop()
        first.close()
        if second is not None:
            second.close()


def test_a_missing_scanner_is_reported_and_picked_up_when_it_appears(
    tmp_path: Path, rec: Recorder
) -> None:
    link = tmp_path / "scanner"
    scanner = started(lambda: str(link), rec)  # the path, asked at every attempt
    dev: PtyDevice | None = None
    try:
        assert rec.wait(lambda: rec.status == ["disconnected"])
        dev = PtyDevice(None)
        link.symlink_to(dev.path)
        assert rec.wait(lambda: rec.status == ["disconnected", "connected"])
        dev.send(b"4006381333931\r")
        assert rec.wait(lambda: rec.codes == ["4006381333931"])
    finally:
        scanner.stop()
        if dev is not None:
            dev.close()


def test_stop_is_prompt_and_closes_the_port(dev: PtyDevice, rec: Recorder) -> None:
    scanner = SerialScanner(dev.path, on_status=rec.on_status, read_timeout=0.5)
    scanner.start(rec.code)
    assert rec.wait(lambda: "connected" in rec.status)
    assert scanner.running
    start = time.monotonic()
    scanner.stop()
    assert time.monotonic() - start < 0.3  # the pending read is cancelled, not waited out
    assert not scanner.running
    # the port is free again: another scanner can open it exclusively
    again = started(dev.path, rec)
    try:
        assert rec.wait(lambda: rec.status.count("connected") == 2)
    finally:
        again.stop()
