"""Receipt printers: URIs, transports through python-escpos, real-time status, and the preview.

URIs (the same in ``posapp-admin printer test --printer URI`` and the app's configuration):
``preview:``, ``network://HOST:PORT``, ``usb://VID:PID`` (hex), ``serial:///dev/ttyUSB0?baud=19200``,
``file:///dev/usb/lp0``; add ``?mode=native`` (Korean double-byte) or ``?mode=raster`` (default),
``&paper=58`` and ``&drawer=5`` as needed.

python-escpos is imported lazily here and only here: its import calls ``logging.basicConfig``
(we remove the handler it adds) and writes a capabilities cache (we point it at our cache dir).
Every wait is bounded: connect and write time out in seconds, and where the transport can answer
we ask the printer's real-time status (DLE EOT) before and after a job, because an offline
printer can swallow bytes without an error.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import socket
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from posapp.config import PrinterKind
from posapp.hardware import render_process
from posapp.hardware.error_codes import PrinterErrorCode
from posapp.hardware.escpos_encode import Mode, drawer_kick, encode, render_receipt
from posapp.hardware.ports import HardwareError, PrinterStatus
from posapp.hardware.receipt import Receipt

log = logging.getLogger(__name__)

DLE_EOT = b"\x10\x04"
_REALTIME = re.compile(rb"\x10\x04[\x01-\x04]")  # a status query, wherever it occurs


@dataclass(frozen=True)
class PrinterConfig:
    kind: PrinterKind
    host: str = ""
    port: int = 9100
    device: str = ""
    baudrate: int = 19200
    usb_vendor: int = 0
    usb_product: int = 0
    mode: Mode = "raster"
    paper_mm: int = 80
    drawer_pin: int = 2
    timeout: float = 3.0

    @property
    def label(self) -> str:
        if self.kind == "network":
            return f"network://{self.host}:{self.port}"
        if self.kind == "usb":
            return f"usb://{self.usb_vendor:04x}:{self.usb_product:04x}"
        if self.kind in ("serial", "file"):
            return f"{self.kind}://{self.device}"
        return "preview:"


def parse_uri(uri: str) -> PrinterConfig:
    """A printer URI → its configuration; ValueError with a clear message otherwise."""
    u = urlparse(uri.strip())
    q = {k: v[-1] for k, v in parse_qs(u.query).items()}
    common: dict[str, Any] = {}
    if "mode" in q:
        if q["mode"] not in ("native", "raster"):
            raise ValueError(f"printer mode {q['mode']!r}: use native or raster")
        common["mode"] = q["mode"]
    for key, name in (("paper", "paper_mm"), ("drawer", "drawer_pin")):
        if key in q:
            common[name] = int(q[key])
    if common.get("paper_mm", 80) not in (58, 80):
        raise ValueError("paper is 58 or 80 (mm)")
    if common.get("drawer_pin", 2) not in (2, 5):
        raise ValueError("the drawer is on pin 2 or 5")
    if "timeout" in q:
        common["timeout"] = float(q["timeout"])
    scheme = u.scheme.lower()
    if scheme == "preview":
        return PrinterConfig("preview", **common)
    if scheme in ("network", "tcp"):
        if not u.hostname:
            raise ValueError(f"{uri}: network://HOST:PORT needs a host")
        return PrinterConfig("network", host=u.hostname, port=u.port or 9100, **common)
    if scheme == "usb":
        try:
            vid, pid = (int(x, 16) for x in (u.netloc or u.path.strip("/")).split(":"))
        except ValueError:
            raise ValueError(f"{uri}: usb://VID:PID in hex, e.g. usb://0519:0001") from None
        return PrinterConfig("usb", usb_vendor=vid, usb_product=pid, **common)
    if scheme == "serial":
        if not u.path:
            raise ValueError(f"{uri}: serial:///dev/ttyUSB0?baud=19200")
        return PrinterConfig("serial", device=u.path, baudrate=int(q.get("baud", 19200)), **common)
    if scheme == "file":
        if not u.path:
            raise ValueError(f"{uri}: file:///dev/usb/lp0")
        return PrinterConfig("file", device=u.path, **common)
    raise ValueError(
        f"unknown printer {uri!r}: use preview:, network://HOST:PORT, usb://VID:PID, "
        "serial:///dev/X?baud=N or file:///dev/usb/lp0"
    )


_escpos_lock = threading.Lock()


def _escpos_printer_module() -> Any:
    """Import python-escpos with its side effects contained."""
    with _escpos_lock:
        cache = Path(tempfile.gettempdir()) / "posapp-escpos-cache"
        cache.mkdir(exist_ok=True)
        os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", str(cache))
        root = logging.getLogger()
        before = list(root.handlers)
        import escpos.printer as printer_module

        for handler in list(root.handlers):
            if handler not in before:
                root.removeHandler(handler)
        return printer_module


def parse_status(online: bytes, cause: bytes, paper: bytes) -> PrinterStatus:
    """Decode DLE EOT 1 (printer), 2 (offline cause) and 4 (paper roll sensor) answers."""
    if not online:
        return PrinterStatus(online=False, error="no status answer")
    b1 = online[0]
    b2 = cause[0] if cause else 0
    b4 = paper[0] if paper else 0
    return PrinterStatus(
        online=not (b1 & 0x08),
        drawer_open=None,
        cover_open=bool(b2 & 0x04),
        paper_out=bool(b4 & 0x60) or bool(b2 & 0x20),
        paper_low=bool(b4 & 0x0C),
    )


class EscposTransport:
    """A RawTransport over a python-escpos printer object (network, USB, serial, file)."""

    def __init__(self, config: PrinterConfig) -> None:
        self.config = config
        self._stray = 0  # answers owed for DLE EOT n bytes inside what was written
        mod = _escpos_printer_module()
        c = config
        try:
            if c.kind == "network":
                self._p = mod.Network(c.host, port=c.port, timeout=c.timeout)
            elif c.kind == "usb":
                # a USB timeout of 0 blocks forever: always give milliseconds
                self._p = mod.Usb(c.usb_vendor, c.usb_product, timeout=int(c.timeout * 1000))
            elif c.kind == "serial":
                self._p = mod.Serial(devfile=c.device, baudrate=c.baudrate, timeout=c.timeout)
            elif c.kind == "file":
                self._p = mod.File(devfile=c.device)
            else:
                raise ValueError(f"no transport for {c.kind}")
            self._p.open()
            dev = getattr(self._p, "device", None)
            if isinstance(dev, socket.socket):
                # a printer buffers kilobytes, not the megabytes loopback/LAN sockets queue:
                # a small send buffer makes a printer that stopped reading time out promptly
                dev.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 64 * 1024)
        except HardwareError:
            raise
        except Exception as exc:
            raise HardwareError(
                f"cannot reach the printer at {c.label}: {_reason(exc)}",
                code=PrinterErrorCode.OFFLINE,
            ) from exc

    def write(self, data: bytes) -> None:
        # an Epson printer answers a DLE EOT n found anywhere in what it receives, inside an
        # image's data too: those answers are owed to us before any status we ask for
        self._stray += len(_REALTIME.findall(data))
        try:
            self._p._raw(data)
        except TimeoutError as exc:
            raise HardwareError(
                f"the printer at {self.config.label} stopped taking data",
                code=PrinterErrorCode.STALLED,
            ) from exc
        except Exception as exc:
            raise HardwareError(
                f"printing to {self.config.label} failed: {_reason(exc)}",
                code=PrinterErrorCode.OFFLINE,
            ) from exc

    def _read_one(self) -> bytes:
        dev = getattr(self._p, "device", None)
        if self.config.kind == "serial":
            # pyserial's read(16) would wait out the whole timeout for 15 more bytes
            return bytes(dev.read(1) or b"")  # type: ignore[union-attr]  # escpos is untyped: a serial printer's device is a pyserial Serial
        return bytes(self._p._read() or b"")

    def _drain(self) -> None:
        """Read and drop the answers owed for status bytes inside the job's data, so the
        status asked next is read from its own answers, not from an image's."""
        got = b""
        try:
            while len(got) < self._stray:
                chunk = self._read_one()
                if not chunk:
                    break
                got += chunk
        except TimeoutError:
            log.info("%d of %d answers to data bytes came back", len(got), self._stray)
        self._stray = 0

    def status(self) -> PrinterStatus | None:
        if self.config.kind == "file":
            return None
        try:
            dev = getattr(self._p, "device", None)
            if isinstance(dev, socket.socket):
                dev.settimeout(min(1.0, self.config.timeout))
            if self._stray:
                self._drain()
            answers = []
            for n in (1, 2, 4):
                self._p._raw(DLE_EOT + bytes([n]))
                answers.append(self._read_one()[:1])
            if isinstance(dev, socket.socket):
                dev.settimeout(self.config.timeout)
            return parse_status(*answers)
        except TimeoutError:
            return PrinterStatus(online=False, error="the printer does not answer status requests")
        except Exception as exc:
            log.info("status query failed on %s: %s", self.config.label, exc)
            return None

    def close(self) -> None:
        try:
            self._p.close()
        except Exception:  # closing a dead connection must not mask the real error
            log.debug("printer close failed", exc_info=True)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().replace("\n", " ")
    if isinstance(exc, ConnectionRefusedError) or "refused" in text.lower():
        return "connection refused (is it switched on and on the network?)"
    if isinstance(exc, TimeoutError | socket.timeout) or "timed out" in text.lower():
        return "no answer (timed out)"
    return text or exc.__class__.__name__


@dataclass
class PrintOutcome:
    bytes_sent: int
    status_after: PrinterStatus | None
    preview_png: Path | None = None
    preview_pdf: Path | None = None


class EscposPrinter:
    """Prints receipts on a real ESC/POS printer through a fresh transport per job."""

    def __init__(self, config: PrinterConfig) -> None:
        self.config = config

    def _transport(self) -> EscposTransport:
        return EscposTransport(self.config)

    def print_receipt(self, receipt: Receipt) -> PrintOutcome:
        # a raster image is drawn in the drawing process (posapp.hardware.render_process): the
        # Qt thread never waits for Pillow; native text is a few bytes, made here
        c = self.config
        if c.mode == "raster":
            data = render_process.run(
                encode, receipt, c.mode, paper_mm=c.paper_mm, drawer_pin=c.drawer_pin
            )
        else:
            data = encode(receipt, c.mode, paper_mm=c.paper_mm, drawer_pin=c.drawer_pin)
        t = self._transport()
        try:
            _check(t.status(), self.config.label)
            t.write(data)
            after = t.status()
            _check(after, self.config.label, after_job=True)
            return PrintOutcome(len(data), after)
        finally:
            t.close()

    def open_drawer(self) -> None:
        t = self._transport()
        try:
            t.write(drawer_kick(self.config.drawer_pin))
        finally:
            t.close()

    def status(self) -> PrinterStatus | None:
        t = self._transport()
        try:
            return t.status()
        finally:
            t.close()


def _check(status: PrinterStatus | None, label: str, *, after_job: bool = False) -> None:
    if status is None:
        return
    suffix = " (the receipt may be incomplete: reprint it)" if after_job else ""
    if not status.online and status.error:
        raise HardwareError(
            f"printer {label}: {status.error}{suffix}", code=PrinterErrorCode.OFFLINE
        )
    if status.paper_out:
        raise HardwareError(
            f"printer {label} is out of paper{suffix}", code=PrinterErrorCode.PAPER_OUT
        )
    if status.cover_open:
        raise HardwareError(
            f"printer {label}: the cover is open{suffix}", code=PrinterErrorCode.COVER_OPEN
        )
    if not status.online:
        raise HardwareError(f"printer {label} is offline{suffix}", code=PrinterErrorCode.OFFLINE)


def save_preview(receipt: Receipt, paper_mm: int, png: Path, pdf: Path) -> None:
    """The receipt drawn and saved as PNG and PDF (in the drawing process)."""
    img = render_receipt(receipt, paper_mm)
    img.save(png)
    img.convert("RGB").save(pdf, resolution=203)


@dataclass
class PreviewPrinter:
    """The default printer: renders the receipt to PNG and PDF in ``out_dir`` and keeps them."""

    out_dir: Path
    paper_mm: int = 80
    drawer_opened: list[dt.datetime] = field(default_factory=list)

    def print_receipt(self, receipt: Receipt) -> PrintOutcome:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in receipt.title or "receipt")
        png = self.out_dir / f"{stamp}-{safe}.png"
        pdf = png.with_suffix(".pdf")
        render_process.run(save_preview, receipt, self.paper_mm, png, pdf)
        if receipt.open_drawer:
            self.open_drawer()
        return PrintOutcome(0, PrinterStatus(online=True), png, pdf)

    def open_drawer(self) -> None:
        self.drawer_opened.append(dt.datetime.now(dt.UTC))

    def status(self) -> PrinterStatus | None:
        return PrinterStatus(online=True)


def printer_uri(settings: object) -> str:
    """The URI for the ``[printer]`` settings table (kind, host, port, device, ...)."""
    g = settings.__getattribute__
    kind = g("kind")
    query = f"mode={'native' if g('profile') == 'korean' else 'raster'}&paper={g('paper_mm')}"
    if kind == "network":
        return f"network://{g('host')}:{g('port')}?{query}"
    if kind == "usb":
        return f"usb://{g('usb_vendor'):04x}:{g('usb_product'):04x}?{query}"
    if kind == "serial":
        return f"serial://{g('device')}?baud={g('baudrate')}&{query}"
    if kind == "file":
        return f"file://{g('device')}?{query}"
    return f"preview:?{query}"


def make_printer(config: PrinterConfig, preview_dir: Path) -> EscposPrinter | PreviewPrinter:
    if config.kind == "preview":
        return PreviewPrinter(preview_dir, config.paper_mm)
    return EscposPrinter(config)
