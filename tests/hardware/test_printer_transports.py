"""Printer transports for real: a serial printer played on a pseudo-terminal (answering DLE EOT
status requests), and a device file."""

from __future__ import annotations

import os
import threading
import time
import tty
from pathlib import Path

import pytest

from posapp.hardware.escpos_encode import encode
from posapp.hardware.ports import HardwareError
from posapp.hardware.printer import EscposPrinter, parse_uri
from posapp.hardware.receipt import Receipt, Row

STATUS_OK = {1: 0x16, 2: 0x12, 4: 0x12}


class PtyPrinter:
    """Reads what the till sends; answers DLE EOT n like an Epson-compatible printer."""

    def __init__(self, paper_out: bool = False) -> None:
        self.master, slave = os.openpty()
        tty.setraw(slave)
        self.path = os.ttyname(slave)
        self._slave = slave
        self.received = bytearray()
        self.paper_out = paper_out
        self._stop = False
        self._t = threading.Thread(target=self._run, daemon=True)
        self._t.start()

    def _run(self) -> None:
        import select

        while not self._stop:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 4096)
            except OSError:
                return
            self.received += chunk
            i = self.received.find(b"\x10\x04")
            while i != -1 and i + 2 < len(self.received):
                n = self.received[i + 2]
                answer = STATUS_OK.get(n, 0x12)
                if n == 4 and self.paper_out:
                    answer |= 0x60
                os.write(self.master, bytes([answer]))
                del self.received[i : i + 3]
                i = self.received.find(b"\x10\x04")

    def close(self) -> None:
        self._stop = True
        self._t.join(1)
        os.close(self.master)
        os.close(self._slave)


def receipt() -> Receipt:
    return Receipt(title="t").add(Row("영주 사과", "₩12,900"))


def test_serial_printer_over_a_pty() -> None:
    fake = PtyPrinter()
    try:
        printer = EscposPrinter(parse_uri(f"serial://{fake.path}?baud=19200&mode=native&timeout=1"))
        outcome = printer.print_receipt(receipt())
        expected = encode(receipt(), "native", drawer_pin=2)
        deadline = time.monotonic() + 3
        while len(fake.received) < len(expected) and time.monotonic() < deadline:
            time.sleep(0.02)
        got = bytes(fake.received)
        assert got[: len(expected)] == expected
        # after the job only status requests (DLE EOT n: the check that it printed) may follow,
        # already here when the machine is loaded
        rest = got[len(expected) :]
        assert rest == b"\x10\x04\x04" * (len(rest) // 3), rest
        assert outcome.status_after is not None and outcome.status_after.ready
    finally:
        fake.close()


def test_serial_printer_out_of_paper_fails_the_job_before_printing() -> None:
    fake = PtyPrinter(paper_out=True)
    try:
        printer = EscposPrinter(parse_uri(f"serial://{fake.path}?timeout=1"))
        with pytest.raises(HardwareError) as err:
            printer.print_receipt(receipt())
        assert err.value.code == "printer.paper_out"
        time.sleep(0.1)
        assert b"\x1b@" not in fake.received  # nothing of the job was sent
    finally:
        fake.close()


def test_device_file_transport(tmp_path: Path) -> None:
    dev = tmp_path / "lp0"
    dev.touch()
    printer = EscposPrinter(parse_uri(f"file://{dev}?mode=native"))
    printer.print_receipt(receipt())
    assert dev.read_bytes() == encode(receipt(), "native", drawer_pin=2)


def test_a_missing_serial_device_is_a_clear_error() -> None:
    printer = EscposPrinter(parse_uri("serial:///dev/does-not-exist?timeout=0.5"))
    with pytest.raises(HardwareError) as err:
        printer.print_receipt(receipt())
    assert err.value.code == "printer.offline" and "/dev/does-not-exist" in str(err.value)
