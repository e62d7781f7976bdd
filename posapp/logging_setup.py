"""Logging: a rotating file in the user log directory, and stderr for the CLI.

Never log card numbers, PINs or tokens: the services only ever hold masked card numbers, and
:class:`RedactingFilter` removes anything that still looks like a card number or bearer token.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

from posapp.config import log_dir

_CARD = re.compile(r"\b(?:\d[ -]?){13,19}\b")
_BEARER = re.compile(r"(?i)(bearer\s+)[\w.~+/=-]+")


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.getMessage()
        clean = _BEARER.sub(r"\1[redacted]", _CARD.sub("[card]", msg))
        if clean != msg:
            record.msg, record.args = clean, None
        return True


def setup_logging(
    level: str = "INFO", *, stderr: bool = False, directory: Path | None = None
) -> Path:
    """Send our logs to ``posapp.log`` (1 MB × 5 files); returns the file's path."""
    directory = directory or log_dir()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "posapp.log"
    root = logging.getLogger()
    root.setLevel(logging.DEBUG)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(fmt)
    handler.setLevel(level.upper())
    handler.addFilter(RedactingFilter())
    for old in [h for h in root.handlers if getattr(h, "_posapp", False)]:
        root.removeHandler(old)
    handler._posapp = True  # type: ignore[attr-defined]  # marks our handlers: a new setup replaces them
    root.addHandler(handler)
    if stderr:
        err = logging.StreamHandler()
        err.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        err.setLevel(logging.WARNING)
        err.addFilter(RedactingFilter())
        err._posapp = True  # type: ignore[attr-defined]  # marks our handlers (see above)
        root.addHandler(err)
    for noisy in ("sqlalchemy", "alembic", "httpx", "escpos"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return path
