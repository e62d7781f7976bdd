"""A network receipt printer played on 127.0.0.1: for tests, and for a store without a printer yet.

:class:`PrinterEmulator` listens like an Epson-compatible LAN printer (raw TCP, port 9100),
decodes what it receives with :mod:`posapp_devtools.escpos` and writes each receipt to
``out_dir`` as ``NNNN.png`` (the paper) and ``NNNN.txt`` (its text, UTF-8), on each cut or when
the connection closes with something printed. Status requests are answered at once on the
socket, as a real printer answers them:

====================  =====================================================================
``DLE EOT 1``         ``0x12``; bit 3 (``0x08``) set while offline — cover open, paper out or
                      :meth:`~PrinterEmulator.set_offline` (python-escpos ``is_online()``)
``DLE EOT 2``         ``0x12``; bit 2 (``0x04``) cover open, bit 5 (``0x20``) stopped: paper end
``DLE EOT 3``         ``0x12`` (no cutter or unrecoverable error)
``DLE EOT 4``         ``0x12``; bits 2-3 (``0x0C``) near end, bits 5-6 (``0x60``) paper out —
                      out is ``0x7E`` (near end too), as python-escpos ``paper_status()`` reads it
``GS r 1``/``ESC v``  ``0x00``; bits 0-1 near end, bits 2-3 paper out
====================  =====================================================================

Fault knobs for tests: paper out (print data is discarded, like a printer that stopped), cover
open / offline (data is held and printed when the fault clears), :meth:`~PrinterEmulator.
stop_reading` (connections stay open but nothing is read: the client's writes time out) and
:meth:`~PrinterEmulator.refuse` (nobody listens: connection refused). Every socket call here
has a timeout. ``posapp-printer-emulator`` runs :func:`main`.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import re
import socket
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from posapp_devtools.escpos import (
    Document,
    DrawerKick,
    StatusRequest,
    StreamDecoder,
    line_dots,
)

log = logging.getLogger(__name__)

_REALTIME = re.compile(rb"\x10\x04[\x01-\x04]")
POLL = 0.1  # seconds: every blocking socket call wakes up this often
RECV_BUFFER = 4096  # SO_RCVBUF: small, so that a printer that stops reading stalls the client
STATUS_BASE = 0x12  # bits 1 and 4 are always set in DLE EOT answers


@dataclass(frozen=True)
class PrintedReceipt:
    number: int
    document: Document = field(repr=False)
    png: Path
    txt: Path
    peer: str = ""

    def text(self) -> str:
        return self.document.text()


class PrinterEmulator:
    """A raw-TCP ESC/POS printer. ``port=0`` picks a free port (read :attr:`port` after start).

    ``on_receipt`` is called (from a connection thread) after each receipt is written.
    """

    def __init__(
        self,
        out_dir: Path,
        host: str = "127.0.0.1",
        port: int = 9100,
        paper_width_px: int = 576,
        *,
        on_receipt: Callable[[PrintedReceipt], None] | None = None,
        double_byte: bool = False,
        realtime_in_data: bool = False,
    ) -> None:
        self.out_dir = Path(out_dir)
        # as an Epson printer does: a DLE EOT n anywhere in the bytes — inside an image's data
        # too — is answered when it arrives (the decoder's own answers are then not sent)
        self.realtime_in_data = realtime_in_data
        self.host = host
        self.port = port
        self.paper_width_px = paper_width_px
        self.on_receipt = on_receipt
        self.double_byte = double_byte  # power-on Korean mode, for printers set up that way
        self.receipts: list[PrintedReceipt] = []
        self.drawer_kicks: list[DrawerKick] = []
        self.status_requests: list[StatusRequest] = []
        self.discarded_bytes = 0  # print data received while the paper was out (dropped)
        self.connections = 0
        self._paper_out = False
        self._paper_low = False
        self._cover_open = False
        self._offline = False
        self._reading = threading.Event()
        self._reading.set()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._held: list[tuple[Document, str]] = []  # printed once cover/offline clear
        self._listener: socket.socket | None = None
        self._accept_thread: threading.Thread | None = None
        self._threads: list[threading.Thread] = []
        self._next = 1

    # -- lifecycle --

    def start(self) -> PrinterEmulator:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        numbers = [
            int(m.group(1)) for p in self.out_dir.iterdir() if (m := _NUMBERED.match(p.name))
        ]
        self._next = max(numbers, default=0) + 1
        self._stop.clear()
        self._listen()
        return self

    def stop(self) -> None:
        """Stop listening, end the connections (writing what they had printed) and wait."""
        self._stop.set()
        self._reading.set()
        self._close_listener()
        deadline = time.monotonic() + 3.0
        for _ in range(2):  # a connection accepted while stopping is in the second snapshot
            for t in list(self._threads):
                t.join(timeout=max(0.0, deadline - time.monotonic()))
        self._threads = [t for t in self._threads if t.is_alive()]

    def __enter__(self) -> PrinterEmulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _listen(self) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RECV_BUFFER)  # inherited
            sock.bind((self.host, self.port))
            sock.listen(8)
            sock.settimeout(POLL)
        except OSError:
            sock.close()
            raise
        self.port = sock.getsockname()[1]
        self._listener = sock
        t = threading.Thread(target=self._accept_loop, args=(sock,), daemon=True)
        t.name = f"printer-emulator-accept-{self.port}"
        self._threads.append(t)
        self._accept_thread = t
        t.start()

    def _close_listener(self) -> None:
        sock, self._listener = self._listener, None
        if sock is None:
            return
        # shutdown first: a close() alone leaves the socket listening until the accept thread's
        # poll returns, and a connection in that gap would be accepted by the kernel
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()
        accept, self._accept_thread = self._accept_thread, None
        if accept is not None and accept is not threading.current_thread():
            accept.join(timeout=2.0)

    # -- fault knobs --

    def set_paper_out(self, value: bool = True) -> None:
        self._paper_out = value
        self._release_held()

    def set_paper_low(self, value: bool = True) -> None:
        self._paper_low = value

    def set_cover_open(self, value: bool = True) -> None:
        self._cover_open = value
        self._release_held()

    def set_offline(self, value: bool = True) -> None:
        self._offline = value
        self._release_held()

    def stop_reading(self) -> None:
        """Keep accepting and keep connections open, but read nothing more from them."""
        self._reading.clear()

    def resume_reading(self) -> None:
        self._reading.set()

    def refuse(self) -> None:
        """Stop listening: new connections are refused (open ones go on)."""
        self._close_listener()

    def accept_again(self) -> None:
        """Listen again on the same port after :meth:`refuse`."""
        if self._listener is None and not self._stop.is_set():
            self._listen()

    @property
    def held(self) -> int:
        """Receipts waiting for the cover to close or the printer to come back online."""
        with self._lock:
            return len(self._held)

    # -- status --

    @property
    def ready(self) -> bool:
        return not (self._paper_out or self._cover_open or self._offline)

    def status_byte(self, req: StatusRequest) -> int | None:
        """The answer to a status request, or None for requests a printer does not answer."""
        out, low, cover = self._paper_out, self._paper_low or self._paper_out, self._cover_open
        if req.command == "DLE EOT":
            if req.n == 1:
                return STATUS_BASE | (0x08 if not self.ready else 0)
            if req.n == 2:
                return STATUS_BASE | (0x04 if cover else 0) | (0x20 if out else 0)
            if req.n == 4:
                return STATUS_BASE | (0x0C if low else 0) | (0x60 if out else 0)
            return STATUS_BASE  # 3: no errors; 7, 8: nothing to report
        if (req.command == "GS r" and req.n in (1, 49)) or req.command == "ESC v":
            return (0x03 if low else 0) | (0x0C if out else 0)
        if req.command == "GS r":
            return 0x00  # drawer / ink: nothing to report
        return None

    # -- waiting (tests) --

    def wait_for_receipts(self, count: int, timeout: float = 3.0) -> list[PrintedReceipt]:
        """Wait until at least ``count`` receipts were written; returns them all."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(self.receipts) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"{len(self.receipts)} of {count} receipts after {timeout}s")
                self._changed.wait(left)
            return list(self.receipts)

    # -- serving --

    def _accept_loop(self, listener: socket.socket) -> None:
        while not self._stop.is_set() and self._listener is listener:
            try:
                conn, addr = listener.accept()
            except TimeoutError:
                continue
            except OSError:  # closed by refuse() or stop()
                break
            self.connections += 1
            peer = f"{addr[0]}:{addr[1]}"
            t = threading.Thread(target=self._serve, args=(conn, peer), daemon=True)
            t.name = f"printer-emulator-{peer}"
            self._threads = [x for x in self._threads if x.is_alive()] + [t]
            t.start()

    def _serve(self, conn: socket.socket, peer: str) -> None:
        conn.settimeout(POLL)

        def answer(req: StatusRequest) -> None:
            with self._lock:
                self.status_requests.append(req)
            value = self.status_byte(req)
            if value is None:
                return
            try:
                conn.sendall(bytes([value]))
            except OSError as exc:  # timeout or a closed peer: the client will time out too
                log.info("status answer to %s failed: %s", peer, exc)

        carry = b""

        def answer_raw(chunk: bytes) -> None:
            nonlocal carry
            data = carry + chunk
            for m in _REALTIME.finditer(data):
                if m.end() > len(carry):  # not answered with the previous chunk
                    answer(StatusRequest(m.group()[2]))
            carry = data[-2:]

        dec = StreamDecoder(
            on_status=(lambda req: None) if self.realtime_in_data else answer,
            double_byte=self.double_byte,
        )
        try:
            while not self._stop.is_set():
                if not self._reading.is_set():
                    self._reading.wait(POLL)
                    continue
                try:
                    chunk = conn.recv(65536)
                except TimeoutError:
                    held = dec.flush()  # the line went quiet: hand over the cut receipt
                    if held is not None:
                        self._deliver(held, peer)
                    continue
                except OSError:
                    break
                if not chunk:
                    break
                paper_out = self._paper_out
                if self.realtime_in_data:
                    answer_raw(chunk)
                docs = dec.feed(chunk)  # status requests are answered in here
                if paper_out:  # a stopped printer: what it received is lost
                    self.discarded_bytes += len(chunk)
                    dec.discard()
                    continue
                for doc in docs:
                    self._deliver(doc, peer)
        finally:
            with contextlib.suppress(OSError):
                conn.close()
            for doc in dec.close():
                self._deliver(doc, peer)

    def _deliver(self, doc: Document, peer: str) -> None:
        for w in doc.warnings:
            log.warning("printer emulator (%s): %s", peer, w)
        with self._lock:
            if self._paper_out:
                return
            if self._cover_open or self._offline:
                self._held.append((doc, peer))
                return
        self._write(doc, peer)

    def _release_held(self) -> None:
        with self._lock:
            if not self.ready:
                return
            held, self._held = self._held, []
        for doc, peer in held:
            self._write(doc, peer)

    def _write(self, doc: Document, peer: str) -> None:
        for n, line in enumerate(doc.lines, 1):
            if (dots := line_dots(line)) > self.paper_width_px:
                msg = f"line {n} is {dots} dots wide, the paper {self.paper_width_px}: it wraps"
                log.warning("printer emulator (%s): %s: %r", peer, msg, line.text)
                doc.warn(f"{msg}: {line.text!r}")
        with self._lock:
            self.drawer_kicks.extend(doc.drawer_kicks)
            if not doc.has_content:  # feeds, cuts, pulses only: no paper to keep
                self._changed.notify_all()
                return
            number = self._next
            self._next += 1
        stem = f"{number:04d}"
        png, txt = self.out_dir / f"{stem}.png", self.out_dir / f"{stem}.txt"
        tmp_png, tmp_txt = png.with_name(f".{stem}.png.tmp"), txt.with_name(f".{stem}.txt.tmp")
        try:
            doc.render(self.paper_width_px).save(tmp_png, format="PNG")
            os.replace(tmp_png, png)
        except Exception:  # a picture that cannot be drawn must not lose the text
            log.exception("printer emulator: cannot draw receipt %s", stem)
        tmp_txt.write_text(doc.text(), encoding="utf-8")
        os.replace(tmp_txt, txt)
        receipt = PrintedReceipt(number, doc, png, txt, peer)
        with self._lock:
            self.receipts.append(receipt)
            self.receipts.sort(key=lambda r: r.number)
            self._changed.notify_all()
        if self.on_receipt is not None:
            try:
                self.on_receipt(receipt)
            except Exception:  # a callback must not kill the connection
                log.exception("on_receipt callback failed")


_NUMBERED = re.compile(r"^(\d{4,})\.(?:png|txt)$")


def main(argv: Sequence[str] | None = None) -> int:
    """``posapp-printer-emulator --port 9100 --out DIR [--host H] [--width 576]``."""
    parser = argparse.ArgumentParser(
        prog="posapp-printer-emulator",
        description="Play an ESC/POS network printer: every receipt becomes NNNN.png + NNNN.txt.",
    )
    parser.add_argument("--port", type=int, default=9100, help="TCP port (0: any free port)")
    parser.add_argument("--out", type=Path, required=True, help="directory for the receipts")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--width", type=int, default=576, help="dots: 576 = 80 mm, 384 = 58 mm")
    parser.add_argument(
        "--korean", action="store_true", help="power on in double-byte (CP949) mode"
    )
    args = parser.parse_args(argv)

    def show(r: PrintedReceipt) -> None:
        lines = len([e for e in r.document.lines if e.text.strip()])
        print(f"{r.png.name}  {r.txt.name}  {lines} lines  from {r.peer}", flush=True)

    emu = PrinterEmulator(
        args.out, args.host, args.port, args.width, on_receipt=show, double_byte=args.korean
    )
    try:
        emu.start()
    except OSError as exc:
        print(f"cannot listen on {args.host}:{args.port}: {exc}", flush=True)
        return 2
    print(
        f"printer emulator on {args.host}:{emu.port}, receipts to {args.out} (Ctrl-C stops)",
        flush=True,
    )
    try:
        while True:
            time.sleep(0.5)
    except KeyboardInterrupt:
        print("stopping", flush=True)
    finally:
        emu.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
