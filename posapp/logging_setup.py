"""Logging: a rotating file in the user log directory, and stderr for the CLI.

Never log card numbers, PINs or tokens: the services only ever hold masked card numbers, and
:class:`RedactingFormatter` removes from the whole formatted record — the message, a traceback,
a stack — anything that still looks like a card number, a Korean mobile number, a bearer token
or a ``token=``/``password=`` value, leaving dates and times alone (:func:`redact`). The log
files are the owner's only (0600 in a 0700 folder): they can hold what a cashier did.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import re
from pathlib import Path

from posapp.config import log_dir

# a card number: 13–19 digits, spaces or dashes between them, not inside a longer run of digits
# or a timestamp (a digit, ``:``, ``-`` or ``.`` right before or after keeps it apart)
_CARD = re.compile(r"(?<![\d:.-])(?:\d[ -]?){12,18}\d(?![\d:.-])")
_BEARER = re.compile(r"(?i)(bearer\s+)[\w.~+/=-]+")
# Korean mobile numbers: 010-1234-5678, 010 1234 5678, 01012345678 (and 011/016/017/018/019)
_PHONE = re.compile(r"(?<![\d:.-])01[016789][ -]?\d{3,4}[ -]?\d{4}(?![\d:.-])")
_SECRET = re.compile(r"(?i)\b(token|password|pin|secret)(=|:\s*)([^\s,;'\"&]+)")


def redact(text: str) -> str:
    """``text`` with card numbers, phone numbers, bearer tokens and ``token=…`` values
    removed. A date or time (``2026-12-02 01:23:45,678``) is left as it is."""
    text = _BEARER.sub(r"\1[redacted]", text)
    text = _SECRET.sub(r"\1\2[redacted]", text)
    text = _PHONE.sub("[phone]", text)
    return _CARD.sub("[card]", text)


class RedactingFilter(logging.Filter):
    """Redacts the message (kept for handlers that format on their own)."""

    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.getMessage()
        clean = redact(msg)
        if clean != msg:
            record.msg, record.args = clean, None
        return True


class RedactingFormatter(logging.Formatter):
    """Redacts the whole formatted record: the message, the traceback and the stack (an
    exception's text can hold a card number or a token as well as a message can)."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def private_file(path: Path) -> None:
    """Make ``path`` readable by its owner only (0600), and its folder 0700."""
    try:
        os.chmod(path.parent, 0o700)
        if path.exists():
            os.chmod(path, 0o600)
    except OSError:  # a folder we do not own (a shared mount): said once, never fatal
        logging.getLogger(__name__).warning("cannot make %s private", path)


class _PrivateRotatingHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file is created 0600."""

    def _open(self):  # type: ignore[no-untyped-def]  # the stdlib's own signature
        old = os.umask(0o077)
        try:
            return super()._open()
        finally:
            os.umask(old)


def make_private(directory: Path) -> int:
    """Every file under ``directory`` 0600 and every folder 0700 (what an earlier version
    left readable by others); returns how many were changed."""
    changed = 0
    if not directory.is_dir():
        return 0
    for root, dirs, files in os.walk(directory):
        for name, mode in [(d, 0o700) for d in dirs] + [(f, 0o600) for f in files]:
            path = Path(root) / name
            try:
                if path.is_symlink() or path.stat().st_mode & 0o777 == mode:
                    continue
                os.chmod(path, mode)
                changed += 1
            except OSError:
                continue
    with contextlib.suppress(OSError):
        os.chmod(directory, 0o700)
    return changed


def private_start() -> None:
    """What every start does first (the till and ``posapp-admin``, through
    :func:`setup_logging`): files this process creates are its user's only (umask 077) —
    the database and its WAL, the spool, logs, receipt previews, backups — and the data, log
    and config folders made so for what an earlier version left open."""
    from posapp.config import config_dir, data_dir

    os.umask(0o077)
    for folder in (data_dir(), log_dir(), config_dir()):
        make_private(folder)


def setup_logging(
    level: str = "INFO", *, stderr: bool = False, directory: Path | None = None
) -> Path:
    """Send our logs to ``posapp.log`` (1 MB × 5 files); returns the file's path. Starts with
    :func:`private_start` unless a ``directory`` is given (tests, tools)."""
    if directory is None:
        private_start()
    directory = directory or log_dir()
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = directory / "posapp.log"
    root = logging.getLogger()
    root.setLevel(logging.DEBUG)
    fmt = RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handler = _PrivateRotatingHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    private_file(path)
    for old_file in directory.glob("posapp.log*"):
        private_file(old_file)
    handler.setFormatter(fmt)
    handler.setLevel(level.upper())
    handler.addFilter(RedactingFilter())
    for old in [h for h in root.handlers if getattr(h, "_posapp", False)]:
        root.removeHandler(old)
    handler._posapp = True  # type: ignore[attr-defined]  # marks our handlers: a new setup replaces them
    root.addHandler(handler)
    if stderr:
        err = logging.StreamHandler()
        err.setFormatter(RedactingFormatter("%(levelname)s: %(message)s"))
        err.setLevel(logging.WARNING)
        err.addFilter(RedactingFilter())
        err._posapp = True  # type: ignore[attr-defined]  # marks our handlers (see above)
        root.addHandler(err)
    for noisy in ("sqlalchemy", "alembic", "httpx", "escpos"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return path
