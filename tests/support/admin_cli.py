"""``posapp-admin`` for tests: its real entry point (:func:`posapp.cli.main`, what the console
script calls) run in the test's process, or as a real process.

In-process is what most tests want: the same argument parsing, gate, PIN checks, commands, exit
codes and words on stdout/stderr as a script sees, without the 1.5–2 s a new Python process
spends importing (the CLI tests were the suite's slowest). The environment a script would set
(``POSAPP_PIN``, ``POSAPP_USER``, the platform's address) is set for the call only; the root
logger's handlers (``main`` sets logging up) and the store's time zone are put back after it.
:func:`process` keeps the real process for what only a process shows (the exit status the
shell gets, an unreachable server's message, encodings on the way in).
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Ran:
    """What a run of ``posapp-admin`` left: its exit code and what it wrote (bytes, or text
    when asked for)."""

    returncode: int
    stdout: bytes | str
    stderr: bytes | str


@contextlib.contextmanager
def _environment(env: Mapping[str, str]) -> Iterator[None]:
    before = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        yield
    finally:
        for k, v in before.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def run(
    url: str | None, *args: str, env: Mapping[str, str] | None = None, text: bool = False
) -> Ran:
    """``posapp-admin [--db URL] ARGS...`` through :func:`posapp.cli.main` in this process."""
    from posapp.cli import main
    from posapp.domain import calendar

    argv = [*(["--db", url] if url else []), *args]
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    zone = calendar.store_zone()
    try:
        with (
            _environment(env or {}),
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
        ):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse: bad usage
                code = exc.code if isinstance(exc.code, int) else 2
    finally:
        for h in root.handlers:
            if h not in handlers:
                h.close()
        root.handlers[:] = handlers
        root.setLevel(level)
        calendar.set_store_zone(zone.key)
    o, e = out.buffer.getvalue(), err.buffer.getvalue()  # type: ignore[attr-defined]
    if text:
        return Ran(code, o.decode("utf-8"), e.decode("utf-8"))
    return Ran(code, o, e)


def process(
    url: str | None, *args: str, env: Mapping[str, str] | None = None, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    """``posapp-admin [--db URL] ARGS...`` as a real process (text out)."""
    return subprocess.run(
        [sys.executable, "-m", "posapp.cli", *(["--db", url] if url else []), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        timeout=timeout,
    )


__all__ = ["Ran", "process", "run"]
