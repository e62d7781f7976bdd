"""Backups of a PostgreSQL store database, and the housekeeping every backup folder needs.

Owns:

* :func:`backup_postgres`: ``pg_dump`` in its custom format (``-Fc``) to a temporary file in the
  target folder, then checked by restoring it into a scratch database on the same server
  (``pg_restore``) and running :func:`posapp.verify.verify` there, then synced and renamed into
  place; the scratch database is dropped whatever happens. The password travels in
  ``PGPASSWORD``, never on a command line. A database reached with a ``search_path`` option
  (one schema of a shared database) is dumped as that schema.
* :func:`remove_stale_temps`: the temporary files of backups whose process is gone (killed mid
  copy) are deleted; each temporary file names its process (``.backup-<pid>-….tmp``).
* :func:`same_disk_warning`: the words to show while backups sit on the database's own disk.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path
from urllib.parse import unquote

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from posapp.backup import BackupError, BackupInfo
from posapp.error_codes import BackupErrorCode

log = logging.getLogger(__name__)

TEMP_PREFIX = ".backup-"
_TEMP = re.compile(r"^\.backup-(\d+)-.*\.tmp$")
_SEARCH_PATH = re.compile(r"-c\s*search_path\s*=\s*([A-Za-z_][A-Za-z0-9_]*)")


def temp_in(folder: Path) -> Path:
    """A new temporary file in ``folder`` that names this process."""
    fd, name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=".tmp", dir=folder)
    os.close(fd)
    return Path(name)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temps(folder: Path) -> list[Path]:
    """Delete the temporary files of backups whose process is no longer running."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for path in folder.iterdir():
        match = _TEMP.match(path.name)
        if match is None or _alive(int(match[1])):
            continue
        try:
            path.unlink()
            removed.append(path)
            log.warning("removed %s, left by a backup that did not finish", path)
        except OSError:
            continue
    return removed


def same_disk_warning(backup_dir: Path, database: Path | None) -> str | None:
    """A warning when ``backup_dir`` is on the same disk as the database file (a disk that
    dies takes both): set ``[backup] dir`` to a USB drive or a network share."""
    if database is None:
        return None
    try:
        folder = backup_dir if backup_dir.exists() else backup_dir.parent
        if os.stat(folder).st_dev != os.stat(database.parent).st_dev:
            return None
    except OSError:
        return None
    return (
        f"backups in {backup_dir} are on the database's own disk: set [backup] dir to a USB "
        "drive or a network share"
    )


def _parts(url: str) -> tuple[URL, dict[str, str], str | None]:
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise BackupError("not a PostgreSQL URL", code=BackupErrorCode.NOT_SQLITE)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    for key, value in (
        ("PGHOST", parsed.host),
        ("PGPORT", parsed.port),
        ("PGUSER", parsed.username),
        ("PGPASSWORD", parsed.password),
        ("PGDATABASE", parsed.database),
    ):
        if value is not None:
            env[key] = str(value)
    options = parsed.query.get("options")
    option_text = unquote(options if isinstance(options, str) else " ".join(options or ()))
    found = _SEARCH_PATH.search(option_text)
    return parsed, env, found[1] if found else None


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} is not installed (Debian: apt-get install postgresql-client)",
            code=BackupErrorCode.SQLITE,
        )
    return found


def _run(argv: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=3600)
    if done.returncode != 0:
        log.error("%s failed: %s", Path(argv[0]).name, done.stderr.strip()[:2000])
        lines = done.stderr.strip().splitlines()
        raise BackupError(
            f"{Path(argv[0]).name} failed: {lines[0] if lines else done.returncode}",
            code=BackupErrorCode.BAD_COPY,
        )


def backup_postgres(url: str, out: Path, *, verify_data: bool = True) -> BackupInfo:
    """A ``pg_dump -Fc`` of the database at ``url`` written to ``out``, checked first."""
    parsed, env, schema = _parts(url)
    out = out.expanduser().resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(out.parent)
    tmp = temp_in(out.parent)
    try:
        argv = [_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={tmp}"]
        if schema:
            argv.append(f"--schema={schema}")
        _run(argv, env)
        if verify_data:
            problems = check_dump(tmp, url)
            if problems:
                raise BackupError(
                    "the dump failed its check: " + "; ".join(problems[:5]),
                    code=BackupErrorCode.BAD_COPY,
                    problems=problems,
                )
        with tmp.open("rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    log.info("pg_dump of %s written to %s", parsed.render_as_string(), out)
    return BackupInfo(out, out.stat().st_size, None)


def check_dump(dump: Path, url: str) -> list[str]:
    """Restore ``dump`` into a scratch database on the server of ``url`` and verify it there
    (the scratch database is dropped afterwards); the problems found, empty if none."""
    from posapp.db.engine import Database, normalize_url
    from posapp.verify import verify

    parsed, env, _schema = _parts(url)
    scratch = f"posapp_check_{uuid.uuid4().hex[:12]}"
    admin = create_engine(
        normalize_url(parsed.set(query={}).render_as_string(hide_password=False)),
        isolation_level="AUTOCOMMIT",
    )
    try:
        with admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{scratch}"'))
        try:
            _run(
                [_tool("pg_restore"), "--no-owner", f"--dbname={scratch}", str(dump)],
                {**env, "PGDATABASE": scratch},
            )
            target = parsed.set(database=scratch)
            db = Database(normalize_url(target.render_as_string(hide_password=False)))
            try:
                report = verify(db)
            finally:
                db.dispose()
        finally:
            with admin.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)'))
    finally:
        admin.dispose()
    return [f"{name}: {p}" for name, p in report.labelled()]
