"""The printer emulator over real sockets: receipts written as PNG + text, status answers as
python-escpos reads them, and the faults (paper out, cover open, offline, a printer that stops
reading, a refused connection)."""

from __future__ import annotations

import os
import selectors
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from posapp_devtools.printer_emulator import PrinterEmulator

KOREAN = "사과 12,900원"
INIT, CUT = b"\x1b@", b"\x1dVB\x00"


def korean_receipt(title: str = "아이마켓유") -> bytes:
    def ko(text: str) -> bytes:
        return b"\x1c&" + text.encode("cp949") + b"\x1c."

    return (
        INIT
        + b"\x1ba\x01\x1d!\x11"
        + ko(title)
        + b"\n\x1d!\x00\x1ba\x00"
        + ko(KOREAN)
        + b"\n"
        + b"\x1dkI\x13{BR01-20261123-0001\n"
        + b"\x1bd\x03"
        + CUT
    )


def escpos_network(port: int) -> Any:
    cache = Path(tempfile.gettempdir()) / "posapp-escpos-cache"
    cache.mkdir(exist_ok=True)
    os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", str(cache))
    from escpos.printer import Network

    p = Network("127.0.0.1", port=port, timeout=2)
    p.open()
    return p


@pytest.fixture
def emu(tmp_path: Path) -> Iterator[PrinterEmulator]:
    e = PrinterEmulator(tmp_path / "out", port=0).start()
    yield e
    e.stop()


def send(port: int, data: bytes) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
        s.sendall(data)


def ask(s: socket.socket, n: int) -> int:
    """DLE EOT n on an open connection; also proves everything sent before it was read."""
    s.sendall(b"\x10\x04" + bytes([n]))
    answer = s.recv(16)
    assert len(answer) == 1
    return answer[0]


def wait_until(check: Any, timeout: float = 2.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.02)


# --- receipts --------------------------------------------------------------------------------


def test_receipt_over_a_socket_becomes_png_and_text(emu: PrinterEmulator) -> None:
    send(emu.port, korean_receipt())
    (r,) = emu.wait_for_receipts(1)
    assert (r.number, r.png.name, r.txt.name) == (1, "0001.png", "0001.txt")
    expected = "아이마켓유\n" + KOREAN + "\n[BARCODE CODE128 R01-20261123-0001]\n"
    assert r.txt.read_text(encoding="utf-8") == expected == r.text()
    with Image.open(r.png) as img:
        assert img.size[0] == 576 and img.size[1] > 150
        assert img.convert("L").getextrema() == (0, 255)
    assert sorted(p.name for p in emu.out_dir.iterdir()) == ["0001.png", "0001.txt"]


def test_python_escpos_network_printer(emu: PrinterEmulator) -> None:
    p = escpos_network(emu.port)
    p.set(bold=True, align="center")
    p.text("I-Market-U\n")
    p.set_with_default()
    p.text("Total 12,900\n")
    p.barcode("{BR01-20261123-0001", "CODE128", function_type="B")
    p.cut()
    p.cashdraw(2)
    p.close()
    (r,) = emu.wait_for_receipts(1)
    assert r.text() == (
        "I-Market-U\nTotal 12,900\n[BARCODE CODE128 R01-20261123-0001]\n[DRAWER pin 2]\n"
    )
    assert r.document.lines[0].bold
    wait_until(lambda: len(emu.drawer_kicks) == 1)


def test_several_receipts_on_one_connection_and_close_without_cut(emu: PrinterEmulator) -> None:
    send(emu.port, korean_receipt("첫째") + korean_receipt("둘째") + INIT + b"no cut\n")
    receipts = emu.wait_for_receipts(3)
    assert [r.text().splitlines()[0] for r in receipts] == ["첫째", "둘째", "no cut"]
    assert [r.png.name for r in receipts] == ["0001.png", "0002.png", "0003.png"]


def test_numbering_continues_after_existing_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "0007.png").write_bytes(b"")
    (out / "0007.txt").write_text("")
    with PrinterEmulator(out, port=0) as e:
        send(e.port, korean_receipt())
        assert e.wait_for_receipts(1)[0].png.name == "0008.png"


def test_status_only_and_drawer_only_connections_write_nothing(emu: PrinterEmulator) -> None:
    with socket.create_connection(("127.0.0.1", emu.port), timeout=2) as s:
        assert ask(s, 1) == 0x12
        s.sendall(INIT + b"\x1bp\x00\x19\xfa")
        assert ask(s, 4) == 0x12
    wait_until(lambda: len(emu.drawer_kicks) == 1)
    assert emu.receipts == [] and list(emu.out_dir.iterdir()) == []


def test_a_line_wider_than_the_paper_is_warned(emu: PrinterEmulator) -> None:
    won = "￦33,300".encode("cp949")  # a full-width won sign takes two columns on paper
    line = b"\x1d!\x11\x1c&" + "받을 금액".encode("cp949") + b" " * 8 + won + b"\x1c.\n"
    send(emu.port, INIT + line + CUT)
    (r,) = emu.wait_for_receipts(1)
    assert r.document.warnings == [
        "line 1 is 600 dots wide, the paper 576: it wraps: '받을 금액        ￦33,300'"
    ]


# --- status answers --------------------------------------------------------------------------

STATES = {
    # knob: (DLE EOT 1, 2, 4 answers, python-escpos is_online(), paper_status())
    "normal": ((0x12, 0x12, 0x12), True, 2),
    "paper_low": ((0x12, 0x12, 0x1E), True, 1),
    "paper_out": ((0x1A, 0x32, 0x7E), False, 0),
    "cover_open": ((0x1A, 0x16, 0x12), False, 2),
    "offline": ((0x1A, 0x12, 0x12), False, 2),
}


@pytest.mark.parametrize("state", list(STATES))
def test_status_answers(emu: PrinterEmulator, state: str) -> None:
    if state != "normal":
        getattr(emu, f"set_{state}")(True)
    answers, online, paper = STATES[state]
    with socket.create_connection(("127.0.0.1", emu.port), timeout=2) as s:
        assert tuple(ask(s, n) for n in (1, 2, 4)) == answers
    p = escpos_network(emu.port)
    try:
        assert p.is_online() is online
        assert p.paper_status() == paper
    finally:
        p.close()


def test_status_is_answered_in_the_middle_of_a_job(emu: PrinterEmulator) -> None:
    job = korean_receipt()
    with socket.create_connection(("127.0.0.1", emu.port), timeout=2) as s:
        s.sendall(job[:40])
        assert ask(s, 1) == 0x12
        s.sendall(job[40:])
        assert ask(s, 4) == 0x12
    assert emu.wait_for_receipts(1)[0].text().startswith("아이마켓유\n")


# --- faults ----------------------------------------------------------------------------------


def test_paper_out_discards_print_data(emu: PrinterEmulator) -> None:
    emu.set_paper_out()
    with socket.create_connection(("127.0.0.1", emu.port), timeout=2) as s:
        s.sendall(korean_receipt("버려짐"))
        assert ask(s, 4) == 0x7E  # the job was read (and dropped) before this answer
    emu.set_paper_out(False)
    send(emu.port, korean_receipt("인쇄됨"))
    (r,) = emu.wait_for_receipts(1)
    assert r.number == 1 and r.text().startswith("인쇄됨\n")
    assert emu.discarded_bytes == len(korean_receipt("버려짐")) + 3  # and the DLE EOT 4
    time.sleep(0.2)  # nothing late from the first connection either
    assert len(emu.receipts) == 1


@pytest.mark.parametrize("fault", ["cover_open", "offline"])
def test_cover_open_or_offline_holds_the_job_until_cleared(
    emu: PrinterEmulator, fault: str
) -> None:
    getattr(emu, f"set_{fault}")(True)
    send(emu.port, korean_receipt())
    wait_until(lambda: emu.held == 1)
    assert emu.receipts == []
    getattr(emu, f"set_{fault}")(False)
    assert emu.wait_for_receipts(1)[0].text().startswith("아이마켓유\n")


def test_stop_reading_makes_the_client_write_time_out(emu: PrinterEmulator) -> None:
    emu.stop_reading()
    chunk = b"\x1b@" + b"x" * 65534
    sent = 0
    t0 = time.monotonic()
    with socket.create_connection(("127.0.0.1", emu.port), timeout=1.0) as s:
        with pytest.raises(TimeoutError):
            for _ in range(1024):  # 64 MiB at most; default buffers take about 2-4 MiB
                s.sendall(chunk)
                sent += len(chunk)
        elapsed = time.monotonic() - t0
    assert 1.0 <= elapsed < 2.5
    assert sent < 32 * 1024 * 1024
    assert emu.receipts == []


def test_refuse_and_accept_again(emu: PrinterEmulator) -> None:
    emu.refuse()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", emu.port), timeout=1.0)
    emu.accept_again()
    send(emu.port, korean_receipt())
    assert len(emu.wait_for_receipts(1)) == 1


def test_stop_writes_what_open_connections_printed(tmp_path: Path) -> None:
    e = PrinterEmulator(tmp_path / "out", port=0).start()
    s = socket.create_connection(("127.0.0.1", e.port), timeout=2)
    try:
        s.sendall(INIT + b"half a receipt\n")
        assert ask(s, 1) == 0x12
        e.stop()
    finally:
        s.close()
    assert [r.text() for r in e.receipts] == ["half a receipt\n"]


# --- command line ----------------------------------------------------------------------------


def _readline(proc: subprocess.Popen[str], timeout: float) -> str:
    assert proc.stdout is not None
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    try:
        if not sel.select(timeout):
            raise TimeoutError("no output from the emulator")
        return proc.stdout.readline()
    finally:
        sel.close()


def test_main_serves_until_interrupted(tmp_path: Path) -> None:
    out = tmp_path / "receipts"
    code = "import sys; from posapp_devtools.printer_emulator import main; sys.exit(main())"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "--port", "0", "--out", str(out), "--width", "384"],
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        first = _readline(proc, 15)
        assert first.startswith("printer emulator on 127.0.0.1:")
        port = int(first.split(":")[1].split(",")[0])
        send(port, korean_receipt())
        line = _readline(proc, 10)
        assert line.startswith("0001.png  0001.txt  2 lines")
        with Image.open(out / "0001.png") as img:
            assert img.size[0] == 384
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=5)
