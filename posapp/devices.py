"""The till's hardware, built from the settings: the receipt printer (and its drawer), the card
terminal, the scale, the pole display and a serial scanner — each the adapter of its port
(:mod:`posapp.hardware.ports`), or None when the store has none. A device that cannot be opened
is logged and left out: the till still sells (weights typed, cards keyed in by hand).

Also the pole display's feed: what the two-line display shows for a ticket and a sale.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from posapp.config import Settings
from posapp.domain.cart import PricedCart
from posapp.hardware.ports import CardTerminal, CustomerDisplay, HardwareError, Scale
from posapp.hardware.print_queue import ReceiptPrinter
from posapp.hardware.printer import PrinterConfig, make_printer, parse_uri, printer_uri
from posapp.hardware.serial_scanner import SerialScanner
from posapp.sales.sale_records import CompletedSale

log = logging.getLogger(__name__)


def printer_config(settings: Settings) -> PrinterConfig:
    return replace(parse_uri(printer_uri(settings.printer)), drawer_pin=settings.sales.drawer_pin)


def receipt_printer(settings: Settings, out_dir: Path) -> ReceiptPrinter:
    """The configured receipt printer (the preview printer when none is attached)."""
    return make_printer(printer_config(settings), out_dir)


def card_terminal(settings: Settings) -> CardTerminal | None:
    """The configured card terminal (``tcp://HOST:PORT``), or None (cards keyed in by hand).
    The till never starts a simulator: a developer runs one and configures its address."""
    spec = settings.card.terminal.strip()
    if not spec:
        return None
    if spec == "simulator":  # the old default: started one inside the till
        log.warning(
            "[card] terminal = 'simulator': the till starts no simulator; run "
            "`posapp-admin terminal-simulator` and set cardsim://HOST:PORT. Cards by hand now."
        )
        return None
    from posapp.hardware.card_terminal import from_uri

    return from_uri(spec)


def scale(settings: Settings) -> Scale | None:
    s = settings.scale
    if not s.kind:
        return None
    from posapp.hardware import serial_scale

    try:
        if s.kind == "cas":
            return serial_scale.CasPd2Scale(s.device, baudrate=s.baudrate)
        request = s.request.encode().decode("unicode_escape").encode("latin-1")
        return serial_scale.GenericSerialScale(
            s.device, baudrate=s.baudrate, request=request, pattern=s.pattern
        )
    except HardwareError as exc:
        log.warning("scale unavailable (%s): weights are typed", exc)
        return None


def pole_display(settings: Settings) -> CustomerDisplay | None:
    d = settings.pole_display
    if d.kind != "cd5220":
        return None
    from posapp.hardware.pole_display import Cd5220Display

    try:
        return Cd5220Display(d.device, baudrate=d.baudrate)
    except HardwareError as exc:
        log.warning("pole display unavailable: %s", exc)
        return None


def serial_scanner(settings: Settings, on_code: Callable[[str], None]) -> SerialScanner | None:
    """A serial scanner delivering whole codes to ``on_code`` (from its own thread)."""
    s = settings.scanner
    if s.kind != "serial" or not s.device:
        return None
    scanner = SerialScanner(s.device, baudrate=s.baudrate)
    scanner.start(on_code)
    return scanner


def pole_ticket(pole: CustomerDisplay, priced: PricedCart) -> None:
    from posapp.hardware.pole_display import format_total

    if not priced.lines:
        pole.show("WELCOME", "I-MARKET-U")
        return
    last = priced.lines[-1]
    pole.show(f"ITEM {len(priced.lines)}  W{last.net:,}", format_total("TOTAL", priced.total))


def pole_sale(pole: CustomerDisplay, sale: CompletedSale) -> None:
    from posapp.hardware.pole_display import format_total

    pole.show(format_total("TOTAL", sale.total), format_total("CHANGE", sale.change))
