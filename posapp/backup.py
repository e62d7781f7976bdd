"""Backups of the SQLite database: on demand, on a schedule (kept N days), checked, restored.

Owns how a copy is made and how one is trusted:

* :func:`backup_sqlite` copies with SQLite's online backup API (``sqlite3.Connection.backup``),
  a page-by-page copy that restarts when a writer changes the source, so the copy is a
  consistent snapshot even while tills sell. It is written to a temporary file, checked, synced
  and renamed into place: a backup file either is whole or does not exist.
* :func:`check_backup` says why a file cannot be restored: not an SQLite file, ``PRAGMA
  integrity_check`` failing, not a POS database (no ``alembic_version``), a schema revision this
  program does not know, or a stock ledger / journal chain that ``posapp.verify`` rejects.
* :func:`restore_sqlite` refuses such a file; otherwise it keeps the current database aside
  (``…before-restore-<time>``) and copies the backup over it with the same backup API.
* :func:`run_scheduled` makes a backup when the newest is older than the interval and deletes
  scheduled backups older than the configured days; the app calls it off the Qt thread.

PostgreSQL is backed up with ``pg_dump`` (see README): :func:`sqlite_path` refuses other URLs.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from posapp.error_codes import BackupErrorCode, RestoreErrorCode
from posapp.errors import PosError

log = logging.getLogger(__name__)

SCHEDULED_PREFIX = "posapp-"
SCHEDULED_SUFFIX = ".sqlite3"
_PAGES_PER_STEP = 256  # small steps: a till's write waits at most a step, never the whole copy


class BackupError(PosError):
    pass


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    bytes: int
    revision: str | None


def sqlite_path(url: str) -> Path:
    """The file of an SQLite URL; a clear error for PostgreSQL (use pg_dump) or memory DBs."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise BackupError(
            f"{parsed.get_backend_name()} databases are backed up with pg_dump (see README), "
            "not by posapp-admin backup",
            code=BackupErrorCode.NOT_SQLITE,
        )
    if not parsed.database or parsed.database == ":memory:":
        raise BackupError(
            "an in-memory database has no file to back up", code=BackupErrorCode.MEMORY
        )
    return Path(parsed.database).expanduser()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_sqlite(source: Path, out: Path) -> BackupInfo:
    """A consistent copy of the live database ``source`` at ``out`` (checked before it lands)."""
    if not source.exists():
        raise BackupError(f"no database at {source}", code=BackupErrorCode.NO_SOURCE)
    out = out.expanduser().resolve()
    if out == source.expanduser().resolve():
        raise BackupError(
            "the backup cannot overwrite the database itself", code=BackupErrorCode.SAME
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".backup-", suffix=".tmp", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst, pages=_PAGES_PER_STEP)
                dst.execute("PRAGMA journal_mode = DELETE")  # a single self-contained file
            finally:
                dst.close()
        finally:
            src.close()
        problems = check_backup(tmp, verify_data=False)
        if problems:
            raise BackupError(
                "the copy failed its check: " + "; ".join(problems), code=BackupErrorCode.BAD_COPY
            )
        _fsync(tmp)
        os.replace(tmp, out)
    except sqlite3.Error as exc:
        raise BackupError(f"backup of {source} failed: {exc}", code=BackupErrorCode.SQLITE) from exc
    finally:
        tmp.unlink(missing_ok=True)
    revision = _revision(out)
    log.info("backup of %s written to %s (%d bytes)", source, out, out.stat().st_size)
    return BackupInfo(out, out.stat().st_size, revision)


def _revision(path: Path) -> str | None:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        con.close()


def check_backup(path: Path, *, verify_data: bool = True) -> list[str]:
    """Why ``path`` cannot be restored (empty list: it can). Reads only, never writes it."""
    if not path.is_file():
        return [f"{path} does not exist or is not a file"]
    with path.open("rb") as f:
        if f.read(16) != b"SQLite format 3\x00":
            return [f"{path.name} is not an SQLite database file"]
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as exc:
        return [f"cannot open {path.name}: {exc}"]
    try:
        try:
            result = [r[0] for r in con.execute("PRAGMA integrity_check(20)")]
        except sqlite3.DatabaseError as exc:
            return [f"{path.name} is damaged: {exc}"]
        if result != ["ok"]:
            return [f"integrity check failed: {r}" for r in result]
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables or "sales" not in tables:
            return [f"{path.name} is an SQLite database but not an I·Market·U POS database"]
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        con.close()
    from posapp.db.migrate import known_revisions

    if row is None or row[0] not in known_revisions():
        rev = row[0] if row else "none"
        return [f"schema revision {rev} is unknown to this version of the program"]
    if not verify_data:
        return []
    return _verify_copy(path)


def _verify_copy(path: Path) -> list[str]:
    """Stock ledger and journal chain of a backup, checked on a scratch copy (never the file)."""
    from posapp.db.engine import Database
    from posapp.verify import verify

    with tempfile.TemporaryDirectory(prefix="posapp-check-") as tmp:
        scratch = Path(tmp) / "check.sqlite3"
        src = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        dst = sqlite3.connect(scratch)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        db = Database(f"sqlite:///{scratch}")
        try:
            report = verify(db)
        finally:
            db.dispose()
    return (
        [f"ledger: {p}" for p in report.ledger]
        + [f"journal: {p}" for p in report.journal]
        + [f"card number: {p}" for p in report.card_numbers]
    )


def restore_sqlite(backup: Path, target: Path, *, now: dt.datetime | None = None) -> Path | None:
    """Replace the database ``target`` by ``backup`` after checking it; returns where the
    previous database was kept (None if there was none). Stop the tills first."""
    problems = check_backup(backup)
    if problems:
        raise BackupError(
            f"refusing to restore {backup.name}: " + "; ".join(problems),
            code=RestoreErrorCode.REFUSED,
            problems=problems,
        )
    now = now or dt.datetime.now(dt.UTC)
    kept: Path | None = None
    if target.exists():
        kept = target.with_name(f"{target.name}.before-restore-{now:%Y%m%d-%H%M%S}")
        backup_sqlite(target, kept)
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{backup}?mode=ro&immutable=1", uri=True)
    dst = sqlite3.connect(target, timeout=10)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    log.warning("database %s restored from %s (previous kept at %s)", target, backup, kept)
    return kept


# --- scheduled -------------------------------------------------------------------------------


def scheduled_backups(directory: Path) -> list[Path]:
    """Scheduled backups in ``directory``, oldest first (their names sort by time)."""
    if not directory.is_dir():
        return []
    return sorted(
        p
        for p in directory.iterdir()
        if p.name.startswith(SCHEDULED_PREFIX) and p.name.endswith(SCHEDULED_SUFFIX)
    )


def _taken_at(path: Path) -> dt.datetime | None:
    stamp = path.name[len(SCHEDULED_PREFIX) : -len(SCHEDULED_SUFFIX)]
    try:
        return dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S").replace(tzinfo=dt.UTC)
    except ValueError:
        return None


def run_scheduled(
    source: Path,
    directory: Path,
    *,
    every_hours: int,
    keep_days: int,
    now: dt.datetime | None = None,
) -> Path | None:
    """Back up if the newest scheduled backup is older than ``every_hours``; prune old ones.

    Returns the new backup's path, or None when none was due. Backups older than
    ``keep_days`` are deleted, but never the newest one.
    """
    now = now or dt.datetime.now(dt.UTC)
    existing = [(p, _taken_at(p)) for p in scheduled_backups(directory)]
    dated = [(p, t) for p, t in existing if t is not None]
    made: Path | None = None
    if not dated or now - dated[-1][1] >= dt.timedelta(hours=every_hours):
        made = directory / f"{SCHEDULED_PREFIX}{now:%Y%m%d-%H%M%S}{SCHEDULED_SUFFIX}"
        backup_sqlite(source, made)
        dated.append((made, now))
    cutoff = now - dt.timedelta(days=keep_days)
    for path, taken in dated[:-1]:
        if taken < cutoff:
            path.unlink(missing_ok=True)
            log.info("old backup %s deleted (kept %d days)", path.name, keep_days)
    return made
