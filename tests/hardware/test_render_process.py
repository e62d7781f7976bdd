"""Receipts drawn in a process of their own (posapp.hardware.render_process): the bytes are the
same as drawn here, the drawing is not in the till's process, a drawing process that dies costs
no receipt, an error of the drawing is the caller's, and a SIGKILLed till leaves no drawing
process behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from posapp.hardware import render_process
from posapp.hardware.escpos_encode import encode
from posapp.hardware.receipt import Receipt, Row

ROOT = Path(__file__).resolve().parents[2]


def receipt() -> Receipt:
    return Receipt([Row("영주 부사 사과 3kg", "₩12,900"), Row("합계", "₩12,900", bold=True)])


def refuse(why: str) -> None:
    raise ValueError(why)


def alive(pid: int) -> bool:
    """Running (a zombie no one reaped yet has ended)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


def test_a_raster_receipt_is_drawn_elsewhere_to_the_same_bytes() -> None:
    assert render_process.run(os.getpid) != os.getpid()
    drawn = render_process.run(encode, receipt(), "raster", drawer_pin=2)
    assert drawn == encode(receipt(), "raster", drawer_pin=2)


def test_an_error_of_the_drawing_is_the_callers() -> None:
    with pytest.raises(ValueError, match="no font"):
        render_process.run(refuse, "no font")


@pytest.mark.fault
def test_a_drawing_process_killed_costs_no_receipt() -> None:
    worker = render_process.run(os.getpid)
    os.kill(worker, signal.SIGKILL)
    time.sleep(0.2)
    drawn = render_process.run(encode, receipt(), "raster", drawer_pin=2)  # drawn somewhere
    assert drawn == encode(receipt(), "raster", drawer_pin=2)
    again = render_process.run(os.getpid)  # and a new drawing process after that
    assert again not in (worker, os.getpid())


@pytest.mark.fault
def test_a_sigkilled_till_leaves_no_drawing_process() -> None:
    script = (
        "import os, sys, time\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from posapp.hardware import render_process\n"
        "print(render_process.run(os.getpid), flush=True)\n"
        "time.sleep(60)\n"
    )
    till = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert till.stdout is not None
        worker = int(till.stdout.readline())
        assert alive(worker)
        till.send_signal(signal.SIGKILL)
        till.wait(10)
        deadline = time.monotonic() + 5
        while alive(worker) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(worker), "the drawing process outlived the till"
    finally:
        till.kill()
        till.wait(10)
