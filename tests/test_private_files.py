"""Private files and logs (issue 19, item 4): what a start leaves is its user's only, and the
log never holds a card number, a phone number or a token — not even inside a traceback."""

from __future__ import annotations

import logging
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

from posapp.logging_setup import redact, setup_logging

ROOT = Path(__file__).resolve().parents[1]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_start_leaves_the_database_logs_and_old_files_private(tmp_path: Path) -> None:
    data, logs, conf = tmp_path / "data", tmp_path / "log", tmp_path / "config"
    (data / "receipts").mkdir(parents=True)
    old = data / "receipts" / "receipt-0001.png"  # a preview an earlier version left 0644
    old.write_bytes(b"png")
    old.chmod(0o644)
    (data / "receipts").chmod(0o755)
    env = {
        **os.environ,
        "POSAPP_DATA_DIR": str(data),
        "POSAPP_LOG_DIR": str(logs),
        "POSAPP_CONFIG_DIR": str(conf),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("POSAPP_DATABASE_URL", None)
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sys; os.umask(0o022); from posapp.cli import main; sys.exit(main(['init']))",
        ],
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode()
    db_file = data / "posapp.sqlite3"
    assert db_file.exists()
    for f in (db_file, logs / "posapp.log", old):
        assert _mode(f) == 0o600, (f, oct(_mode(f)))
    for d in (data, logs, data / "receipts"):
        assert _mode(d) == 0o700, (d, oct(_mode(d)))
    wal = data / "posapp.sqlite3-wal"
    if wal.exists():
        assert _mode(wal) == 0o600


def test_a_traceback_with_a_card_a_phone_and_a_token_is_redacted(tmp_path: Path) -> None:
    path = setup_logging("INFO", directory=tmp_path)
    log = logging.getLogger("posapp.test.redaction")
    try:
        raise RuntimeError(
            "terminal said: card 4111 1111 1111 1111 for 010-1234-5678 / 01098765432, "
            "Authorization: Bearer abc.DEF-123, url https://x/?token=s3cr3t"
        )
    except RuntimeError:
        log.exception("backup posapp-20261202-012345.sqlite3 at 2026-12-02 01:23:45 failed")
    for h in logging.getLogger().handlers:
        h.flush()
    text = path.read_text(encoding="utf-8")
    for secret in ("4111", "1234-5678", "01098765432", "abc.DEF-123", "s3cr3t"):
        assert secret not in text, secret
    assert "[card]" in text and "[phone]" in text and "[redacted]" in text
    assert "posapp-20261202-012345.sqlite3" in text  # a file name with a stamp is left alone
    assert "2026-12-02 01:23:45" in text
    assert re.match(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3} ", text)  # the record's own time
    assert _mode(path) == 0o600


def test_redact_leaves_times_and_amounts() -> None:
    assert redact("at 2026-12-02T01:23:45.123456+00:00 ₩12,900") == (
        "at 2026-12-02T01:23:45.123456+00:00 ₩12,900"
    )
    assert redact("phone 010 1234 5678") == "phone [phone]"
