"""Development and test tooling for I·Market·U POS — never shipped to a till.

A till runs :mod:`posapp` alone; nothing in ``posapp`` imports this package (an import-linter
contract in ``pyproject.toml`` holds it), so its dependencies (starlette, uvicorn: the
``devtools`` extra) are not the till's. It holds what the tests, the benchmarks and the demos
stand in for the outside world with:

* :mod:`posapp_devtools.escpos` — an ESC/POS decoder (bytes → receipt document, text, PNG);
* :mod:`posapp_devtools.printer_emulator` — an ESC/POS network printer
  (``posapp-printer-emulator``);
* :mod:`posapp_devtools.card_simulator` — a card terminal speaking the till's JSON line
  protocol (``posapp-card-simulator``);
* :mod:`posapp_devtools.platform` — the reference online platform, the sync protocol's server
  (``posapp-platform``).
"""
