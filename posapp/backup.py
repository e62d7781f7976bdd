"""Backups of the SQLite database: on demand, on a schedule (kept N days), checked, restored.

Owns how a copy is made and how one is trusted:

* :func:`backup_sqlite` copies with SQLite's online backup API (``sqlite3.Connection.backup``),
  a page-by-page copy that restarts when a writer changes the source, so the copy is a
  consistent snapshot even while tills sell. It is written to a temporary file, checked, synced
  and renamed into place: a backup file either is whole or does not exist.
* :func:`check_backup` says why a file cannot be restored: not an SQLite file, ``PRAGMA
  integrity_check`` failing, not a POS database (no ``alembic_version``), a schema revision this
  program does not know, a schema that is not what this program makes at that revision (a
  foreign trigger, view, table or index, an altered column), another store's backup (the
  ``store_meta`` identity) over a database in use, or anything ``posapp.verify`` rejects.
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
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url

from posapp.error_codes import BackupErrorCode, RestoreErrorCode
from posapp.errors import PosError

if TYPE_CHECKING:
    from posapp.db.engine import Database

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
    from posapp.backup_pg import remove_stale_temps, temp_in

    remove_stale_temps(out.parent)  # what a killed backup left
    tmp = temp_in(out.parent)
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


def check_backup(
    path: Path, *, verify_data: bool = True, expect_store: str | None = None
) -> list[str]:
    """Why ``path`` cannot be restored (empty list: it can). Reads only, never writes it.

    Besides integrity and the revision: its schema must be exactly what this program's
    migrations make at that revision (no foreign trigger, view, table or index, no altered
    column), and with ``expect_store`` it must be a backup of that store."""
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
        from posapp.db.migrate import known_revisions

        if row is None or row[0] not in known_revisions():
            rev = row[0] if row else "none"
            return [f"schema revision {rev} is unknown to this version of the program"]
        foreign = schema_differences(con, row[0])
        if foreign:
            return foreign
        store = store_id_of(con)
    finally:
        con.close()
    if expect_store is not None and store is not None and store != expect_store:
        return [
            f"{path.name} is a backup of another store ({store}); this database is store "
            f"{expect_store}"
        ]
    if not verify_data:
        return []
    return _verify_copy(path)


def store_id_of(con: sqlite3.Connection) -> str | None:
    """The store identity a database (or backup) carries, None before migration 0011."""
    try:
        row = con.execute("SELECT value FROM store_meta WHERE key = 'store_id'").fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


_EXPECTED: dict[str, dict[tuple[str, str], str]] = {}


def _schema(con: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """(type, name) → definition of every table, index, trigger and view, and each table's
    columns as ``PRAGMA table_info`` gives them."""
    out: dict[tuple[str, str], str] = {}
    for kind, name, tbl in con.execute(
        "SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ):
        out[(kind, name)] = tbl
        if kind == "table":
            cols = con.execute(f'PRAGMA table_info("{name}")').fetchall()
            out[("columns", name)] = repr(
                sorted((c[1], str(c[2]).upper(), c[3], str(c[4]), c[5]) for c in cols)
            )
    return out


def expected_schema(revision: str) -> dict[tuple[str, str], str]:
    """The schema this program's migrations make at ``revision`` (built once, on a scratch
    database in a temporary folder)."""
    if revision not in _EXPECTED:
        from alembic import command
        from sqlalchemy import create_engine

        from posapp.db.migrate import alembic_config

        with tempfile.TemporaryDirectory(prefix="posapp-schema-") as tmp:
            engine = create_engine(f"sqlite:///{Path(tmp) / 'schema.sqlite3'}")
            try:
                cfg = alembic_config()
                with engine.begin() as conn:
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, revision)
            finally:
                engine.dispose()
            con = sqlite3.connect(Path(tmp) / "schema.sqlite3")
            try:
                _EXPECTED[revision] = _schema(con)
            finally:
                con.close()
    return _EXPECTED[revision]


def schema_differences(con: sqlite3.Connection, revision: str) -> list[str]:
    """What a database has that revision ``revision`` does not make, or lacks: a foreign
    trigger, view, table or index, a changed column. Empty: it is what it claims to be."""
    have, want = _schema(con), expected_schema(revision)
    words = {"table": "table", "index": "index", "trigger": "trigger", "view": "view"}
    problems = []
    for kind, name in sorted(have.keys() - want.keys()):
        if kind in words:
            problems.append(f"it holds a {words[kind]} {name!r} this program never makes")
    for kind, name in sorted(want.keys() - have.keys()):
        if kind in words:
            problems.append(f"it lacks the {words[kind]} {name!r}")
    for key in sorted(have.keys() & want.keys()):
        if key[0] == "columns" and have[key] != want[key]:
            problems.append(f"the columns of table {key[1]!r} were altered")
    return problems


def _verify_copy(path: Path) -> list[str]:
    """Stock ledger and journal chain of a backup, checked on a scratch copy (never the file)."""
    from posapp.db.engine import Database

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
            return verify_as_started(db)
        finally:
            db.dispose()


def verify_as_started(db: Database) -> list[str]:
    """The problems ``verify`` finds on a scratch copy of a backup (SQLite or PostgreSQL) once
    it is brought up as a till's start would bring it: an older one migrated and its chains
    upgraded; the stock journal's upgrade run (a no-op once done — a copy from before the stock
    journal, even at this revision, came without a migration). Labelled, as printed."""
    from posapp.db.migrate import current_revision, head_revision, migrate
    from posapp.inventory import stock_journal
    from posapp.sales import journal
    from posapp.verify import verify

    if current_revision(db.engine) != head_revision():  # an older copy: as at start
        migrate(db.engine)
        db.transact(journal.upgrade_chains)
    db.transact(stock_journal.upgrade)
    return [f"{name}: {p}" for name, p in verify(db).labelled()]


def restore_sqlite(backup: Path, target: Path, *, now: dt.datetime | None = None) -> Path | None:
    """Replace the database ``target`` by ``backup`` after checking it; returns where the
    previous database was kept (None if there was none). Stop the tills first.

    A backup of another store is refused when the database it would replace holds a store
    already (products or sales); a new, empty database takes any store's backup."""
    problems = check_backup(backup, expect_store=_store_in_use(target))
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


def _store_in_use(target: Path) -> str | None:
    """The store identity of ``target`` if it holds a store's data, else None."""
    if not target.exists():
        return None
    try:
        con = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        try:
            used = con.execute(
                "SELECT EXISTS (SELECT 1 FROM products) OR EXISTS (SELECT 1 FROM sales)"
            ).fetchone()[0]
        except sqlite3.Error:
            return None
        return store_id_of(con) if used else None
    finally:
        con.close()


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
    prune(directory, SCHEDULED_SUFFIX, SQLITE_MAGIC, keep_days=keep_days, now=now)
    return made


SQLITE_MAGIC = b"SQLite format 3\x00"


def prune(
    directory: Path, suffix: str, magic: bytes, *, keep_days: int, now: dt.datetime
) -> list[Path]:
    """Delete this program's scheduled backups in ``directory`` older than ``keep_days``.

    The one retention rule of both backends. Only files that are ours are ever deleted: named
    ``posapp-YYYYmmdd-HHMMSS<suffix>`` exactly and starting with ``magic`` (a file of someone
    else's that happens to share the folder, or a name we did not write, is left alone). The
    newest good backup is never deleted, whatever its age (a till off for three weeks still
    has one)."""
    ours: list[tuple[Path, dt.datetime]] = []
    if not directory.is_dir():
        return []
    for path in directory.iterdir():
        if not (path.name.startswith(SCHEDULED_PREFIX) and path.name.endswith(suffix)):
            continue
        stamp = path.name[len(SCHEDULED_PREFIX) : -len(suffix)]
        try:
            taken = dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S").replace(tzinfo=dt.UTC)
            with path.open("rb") as f:
                if not path.is_file() or f.read(len(magic)) != magic:
                    continue
        except (ValueError, OSError):
            continue
        ours.append((path, taken))
    ours.sort(key=lambda pt: pt[1])
    cutoff = now - dt.timedelta(days=keep_days)
    removed = []
    for path, taken in ours[:-1]:
        if taken < cutoff:
            try:
                path.unlink()
            except OSError:
                continue
            removed.append(path)
            log.info("old backup %s deleted (kept %d days)", path.name, keep_days)
    return removed
