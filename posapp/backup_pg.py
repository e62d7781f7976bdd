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
* :func:`check_target`: a backup folder the settings name is never created (a USB drive that is
  not plugged in leaves its mount point; backups made there would sit on the till's own disk).
* :func:`run_scheduled_pg`: the back-office till's scheduled dump — one per interval for the
  store, never two at once (an advisory lock per store), old dumps pruned
  (:func:`posapp.backup.prune`); :func:`run_scheduled_sqlite`: an SQLite till's, the same way.
* :func:`backup_status`: the last scheduled backup and the last failure, recorded in
  ``store_meta`` (:func:`record_backup`, :func:`record_failure`) for the settings screen.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import unquote

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from posapp.backup import BackupError, BackupInfo
from posapp.error_codes import BackupErrorCode

if TYPE_CHECKING:
    from collections.abc import Callable

    from posapp.db.engine import Database, UnitOfWork

T = TypeVar("T")

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
            code=BackupErrorCode.TOOL_MISSING,
            tool=name,
        )
    return found


def _run(argv: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=3600)
    if done.returncode != 0:
        log.error("%s failed: %s", Path(argv[0]).name, done.stderr.strip()[:2000])
        lines = done.stderr.strip().splitlines()
        raise BackupError(
            f"{Path(argv[0]).name} failed: {lines[0] if lines else done.returncode}",
            code=BackupErrorCode.PG_FAILED,
        )


def backup_postgres(
    url: str, out: Path, *, verify_data: bool = True, create_folder: bool = True
) -> BackupInfo:
    """A ``pg_dump -Fc`` of the database at ``url`` written to ``out``, checked first.
    ``create_folder=False``: a folder the settings name is never made (see check_target)."""
    parsed, env, schema = _parts(url)
    out = out.expanduser().resolve()
    if create_folder:
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


# --- the back-office till's schedule ---------------------------------------------------------

DUMP_SUFFIX = ".dump"
DUMP_MAGIC = b"PGDMP"
_LAST_AT, _LAST_REGISTER, _LAST_BYTES, _LAST_FILE = (
    "backup.at",
    "backup.register",
    "backup.bytes",
    "backup.file",
)
_FAILED_AT, _FAILED_CODE, _FAILED_REGISTER, _FAILED_DATA = (
    "backup.failed_at",
    "backup.failed_code",
    "backup.failed_register",
    "backup.failed_data",  # JSON: the error's words' fields (the folder, the tool)
)


def check_target(folder: Path, *, explicit: bool) -> None:
    """Raise a :class:`BackupError` (with Korean words) when ``folder`` cannot take a backup.

    A folder the settings name (``explicit``) is never created: a USB drive that was removed
    leaves its mount point behind, and creating the folder there would put the backups back on
    the till's own disk. The default folder (in the data directory) is created."""
    if not folder.exists():
        if explicit:
            raise BackupError(
                f"the backup folder {folder} does not exist (USB drive or share not connected?)",
                code=BackupErrorCode.TARGET_MISSING,
                folder=str(folder),
            )
        folder.mkdir(parents=True, exist_ok=True)
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise BackupError(
            f"the backup folder {folder} cannot be written",
            code=BackupErrorCode.TARGET_NOT_WRITABLE,
            folder=str(folder),
        )


def _lock_key(store_id: str) -> int:
    """One advisory-lock key per store (tills of one store share it; stores in other schemas
    of one server do not)."""
    import hashlib

    digest = hashlib.sha256(f"posapp-backup:{store_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def _utc(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.UTC)


def run_scheduled_pg(
    db: Database,
    url: str,
    directory: Path,
    *,
    register: str,
    every_hours: int,
    keep_days: int,
    explicit_dir: bool = True,
    now: dt.datetime | None = None,
) -> Path | None:
    """The back-office till's scheduled ``pg_dump``: made when the store's last one (recorded
    in the database, whichever till made it) is older than ``every_hours``, then old dumps are
    pruned (:func:`posapp.backup.prune`). Returns the new dump, or None when none was due or
    another till is dumping right now.

    Two tills both set as back office never dump at the same time (a session advisory lock per
    store, tried, never waited for) and make one dump per interval between them (the time of
    the last one is a row in ``store_meta``, read under the lock). A failure is recorded there
    too (time, code, register) for every till's screen, and raised; the next run retries."""
    from posapp.backup import prune
    from posapp.sales import journal

    now = _utc(now)
    with db.engine.connect() as conn:
        store = journal.store_fact(conn, "store_id") or "default"
        conn.commit()
        key = _lock_key(store)
        if not conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar():
            conn.commit()
            log.info("another till is backing up the database now")
            return None
        conn.commit()
        try:
            last = db.transact(lambda uow: journal.store_fact(uow.conn, _LAST_AT))
            # a last time ahead of this clock (a till whose clock ran fast) does not stop backups
            since = now - dt.datetime.fromisoformat(last) if last else None
            if since is not None and dt.timedelta(0) <= since < dt.timedelta(hours=every_hours):
                return None
            out = directory / f"posapp-{now:%Y%m%d-%H%M%S}{DUMP_SUFFIX}"
            try:
                info = _dump_into(url, out, explicit_dir=explicit_dir)
            except BackupError as exc:
                record_failure(db, now, register, exc)
                raise
            record_backup(db, now, register, info.path)
            prune(directory, DUMP_SUFFIX, DUMP_MAGIC, keep_days=keep_days, now=now)
            return info.path
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
            conn.commit()


def run_scheduled_sqlite(
    db: Database,
    source: Path,
    directory: Path,
    *,
    register: str,
    every_hours: int,
    keep_days: int,
    explicit_dir: bool = True,
    now: dt.datetime | None = None,
) -> Path | None:
    """An SQLite till's scheduled backup (:func:`posapp.backup.run_scheduled`) into a folder
    checked as :func:`check_target` does (a folder the settings name is never created), the
    backup or its failure recorded as the PostgreSQL one is, for the settings screen."""
    from posapp.backup import run_scheduled

    now = _utc(now)
    try:
        made = _guarded(
            directory,
            explicit_dir,
            lambda: run_scheduled(
                source, directory, every_hours=every_hours, keep_days=keep_days, now=now
            ),
            BackupErrorCode.SQLITE,
        )
    except BackupError as exc:
        record_failure(db, now, register, exc)
        raise
    if made is not None:
        record_backup(db, now, register, made)
    return made


def _dump_into(url: str, out: Path, *, explicit_dir: bool) -> BackupInfo:
    """check_target, then backup_postgres; every failure as a :class:`BackupError`."""
    return _guarded(
        out.parent,
        explicit_dir,
        lambda: backup_postgres(url, out, create_folder=not explicit_dir),
    )


def _guarded(
    directory: Path,
    explicit_dir: bool,
    make: Callable[[], T],
    other: BackupErrorCode = BackupErrorCode.PG_FAILED,
) -> T:
    """check_target, then ``make()``; every failure as a :class:`BackupError`."""
    try:
        check_target(directory, explicit=explicit_dir)
        return make()
    except BackupError:
        raise
    except OSError as exc:  # the drive went away or filled up mid-dump
        code = (
            BackupErrorCode.TARGET_NOT_WRITABLE
            if directory.is_dir()
            else BackupErrorCode.TARGET_MISSING
        )
        raise BackupError(
            f"the backup folder {directory} cannot be written: {exc}",
            code=code,
            folder=str(directory),
        ) from exc
    except Exception as exc:  # the scratch database could not be made, the server went away
        raise BackupError(f"the backup failed: {exc}", code=other) from exc


def record_backup(db: Database, now: dt.datetime, register: str, made: Path) -> None:
    """A scheduled backup made: when, by which till, its size and file (and no failure)."""
    _record(
        db,
        {
            _LAST_AT: now.isoformat(),
            _LAST_REGISTER: register,
            _LAST_BYTES: str(made.stat().st_size),
            _LAST_FILE: str(made)[-200:],
            _FAILED_AT: "",
            _FAILED_CODE: "",
            _FAILED_REGISTER: "",
            _FAILED_DATA: "",
        },
    )


def record_failure(db: Database, now: dt.datetime, register: str, exc: BackupError) -> None:
    """The failure where every till's screen sees it; a database that is down keeps nothing
    (the log has it)."""
    shown = {k: v for k, v in (exc.data or {}).items() if isinstance(v, str)}
    try:
        _record(
            db,
            {
                _FAILED_AT: now.isoformat(),
                _FAILED_CODE: exc.code or BackupErrorCode.PG_FAILED,
                _FAILED_REGISTER: register,
                _FAILED_DATA: json.dumps(shown, ensure_ascii=False)[:2000],
            },
        )
    except Exception:
        log.exception("the backup failure could not be recorded in the database")


def _record(db: Database, facts: dict[str, str]) -> None:
    from posapp.sales import journal

    def write(uow: UnitOfWork) -> None:
        for k, v in facts.items():
            journal.set_store_fact(uow.conn, k, v)

    db.transact(write)


@dataclass(frozen=True, slots=True)
class BackupStatus:
    """The last scheduled backup and the last failure since (empty strings: none). PostgreSQL:
    the store's, whichever back-office till made it, as every till sees them; SQLite: this
    till's own file."""

    at: str
    register: str
    bytes: int
    file: str
    failed_at: str
    failed_code: str
    failed_register: str
    failed_data: dict[str, str]  # the fields of the failure's words (the folder, the tool)


def backup_status(db: Database) -> BackupStatus:
    """What the scheduled backups last recorded (posapp.backup_pg.record_backup/_failure)."""
    from posapp.sales import journal

    def read(uow: UnitOfWork) -> BackupStatus:
        f = {
            k: journal.store_fact(uow.conn, k) or ""
            for k in (
                _LAST_AT,
                _LAST_REGISTER,
                _LAST_BYTES,
                _LAST_FILE,
                _FAILED_AT,
                _FAILED_CODE,
                _FAILED_REGISTER,
                _FAILED_DATA,
            )
        }
        try:
            data = json.loads(f[_FAILED_DATA]) if f[_FAILED_DATA] else {}
        except ValueError:
            data = {}
        return BackupStatus(
            f[_LAST_AT],
            f[_LAST_REGISTER],
            int(f[_LAST_BYTES] or 0),
            f[_LAST_FILE],
            f[_FAILED_AT],
            f[_FAILED_CODE],
            f[_FAILED_REGISTER],
            {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {},
        )

    return db.transact(read)
