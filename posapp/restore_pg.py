"""Restoring a PostgreSQL store from a ``pg_dump`` (``posapp-admin restore FILE.dump``), and the
warning while PostgreSQL backups sit on the database server's own disk.

:func:`restore_postgres` trusts nothing in the file until it has been checked on a scratch
database, and replaces the store only with what it checked:

1. the dump is restored (``pg_restore``) into a scratch database on the same server;
2. it must hold one POS store (one schema with ``alembic_version``) at a revision this program
   knows;
3. its catalog (tables, views, sequences, indexes, columns, constraints, triggers, functions,
   rules, policies, types; other schemas, event triggers and extensions) must be exactly what
   this program's migrations make at that revision, built on a second scratch database
   (:func:`expected_catalog`): a dump with an added trigger that skims cash payments is
   ``restore.altered``;
4. over a store in use (products or sales) it must be a dump of that store
   (``restore.other_store``);
5. ``posapp.verify`` must find nothing on the scratch copy (migrated to head first, as a till
   does at start);
6. no other till may be connected to the store (``restore.others_connected``;
   ``disconnect_others`` terminates their sessions);
7. the current store is kept as ``posapp-before-restore-<time>.dump`` in the backup folder;
8. the *scratch* database (what was checked, its schema named as the target's) is dumped and
   replayed into the target by ``psql --single-transaction``: the store's schema is dropped and
   re-made and the checked copy loaded, all in one transaction; a failure leaves the store as
   it was. Restoring from the scratch rather than from the file means what lands is what was
   checked (the file cannot change in between), a dump of another schema lands in the
   target's, and nothing of the old schema survives (``pg_restore --clean`` drops only what the
   dump holds, so a foreign table of the old database would stay).

The scratch databases are dropped whatever happens.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import URL

from posapp.backup import BackupError, verify_as_started
from posapp.backup_pg import DUMP_MAGIC, _parts, _run, _tool, backup_postgres, check_target
from posapp.error_codes import BackupErrorCode, RestoreErrorCode

log = logging.getLogger(__name__)

BEFORE_PREFIX = "posapp-before-restore-"
_OURS = "posapp-restore"
LOCK_TIMEOUT = "30s"  # the replacing transaction's wait for a lock someone still holds

# what pg_catalog holds of one schema: kind -> (name, definition); the schema is {s}
_CATALOG: dict[str, str] = {
    "relation": """
        SELECT c.relkind::text || ' ' || c.relname,
               CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid)
                    WHEN c.relkind = 'i' THEN pg_get_indexdef(c.oid) ELSE '' END
               || ' rls=' || c.relrowsecurity::text
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = :s""",
    "column": """
        SELECT c.relname || '.' || a.attname,
               format_type(a.atttypid, a.atttypmod) || ' null=' || (NOT a.attnotnull)::text
               || ' default=' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
               || ' identity=' || a.attidentity::text || ' generated=' || a.attgenerated::text
          FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
          LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
         WHERE n.nspname = :s AND a.attnum > 0 AND NOT a.attisdropped
           AND c.relkind IN ('r', 'p', 'v', 'm', 'f')""",
    "constraint": """
        SELECT c.relname || '.' || k.conname, pg_get_constraintdef(k.oid)
          FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = :s""",
    "trigger": """
        SELECT c.relname || '.' || t.tgname, pg_get_triggerdef(t.oid)
               || ' enabled=' || t.tgenabled::text
          FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = :s AND NOT t.tgisinternal""",
    "function": """
        SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
               p.prokind::text || ' secdef=' || p.prosecdef::text || ' '
               || pg_get_function_result(p.oid) || ' ' || md5(coalesce(p.prosrc, ''))
               || ' ' || coalesce(array_to_string(p.proconfig, ','), '')
          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = :s""",
    "rule": """
        SELECT r.tablename || '.' || r.rulename, r.definition
          FROM pg_rules r WHERE r.schemaname = :s""",
    "policy": """
        SELECT p.tablename || '.' || p.policyname,
               coalesce(p.qual, '') || ' / ' || coalesce(p.with_check, '')
          FROM pg_policies p WHERE p.schemaname = :s""",
    "type": """
        SELECT t.typname, t.typtype::text
          FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
         WHERE n.nspname = :s AND t.typtype IN ('b', 'd', 'e', 'r', 'm')
           AND t.typcategory <> 'A'""",
}
_SYSTEM_SCHEMAS = "('pg_catalog', 'information_schema', 'pg_toast')"

Catalog = dict[tuple[str, str], str]
_EXPECTED: dict[str, Catalog] = {}


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """What a restore did (or, checking only, would do)."""

    revision: str
    store_id: str | None
    kept: Path | None  # the store as it was before, None when there was none (or checking)
    disconnected: int  # sessions of other tills terminated


def _refused(message: str, code: RestoreErrorCode, **data: object) -> BackupError:
    return BackupError(f"refusing to restore: {message}", code=code, **data)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _admin(parsed: URL, database: str | None = None) -> Engine:
    from posapp.db.engine import normalize_url

    url = parsed.set(query={}, database=database or parsed.database)
    return create_engine(
        normalize_url(url.render_as_string(hide_password=False)),
        isolation_level="AUTOCOMMIT",
        connect_args={"application_name": _OURS},  # not another till's (other_sessions)
    )


@contextmanager
def _scratch(parsed: URL, prefix: str) -> Iterator[str]:
    """A new empty database on the server of ``parsed``, dropped afterwards whatever happens."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = _admin(parsed)
    try:
        with admin.connect() as c:
            c.execute(text(f"CREATE DATABASE {_quote(name)}"))
        try:
            yield name
        finally:
            with admin.connect() as c:
                c.execute(text(f"DROP DATABASE IF EXISTS {_quote(name)} WITH (FORCE)"))
    finally:
        admin.dispose()


def catalog(conn: Connection, schema: str) -> Catalog:
    """(kind, name) -> definition of everything pg_catalog holds in ``schema``, the schema's
    own name taken out of the definitions (a store is the same in any schema)."""
    conn.execute(text(f"SELECT set_config('search_path', {_literal(schema)}, false)"))
    out: Catalog = {}
    for kind, sql in _CATALOG.items():
        for name, definition in conn.execute(text(sql), {"s": schema}):
            out[(kind, str(name))] = (
                str(definition).replace(f"{_quote(schema)}.", "").replace(f"{schema}.", "")
            )
    return out


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _strangers(conn: Connection, schema: str) -> list[str]:
    """What a dump holds outside its store's schema: other schemas with anything in them, event
    triggers, extensions (a POS store makes none of them)."""
    problems = []
    others = conn.execute(
        text(
            f"SELECT nspname FROM pg_namespace WHERE nspname NOT IN {_SYSTEM_SCHEMAS} "
            "AND nspname NOT LIKE 'pg_temp_%' AND nspname NOT LIKE 'pg_toast_temp_%' "
            "AND nspname <> :s ORDER BY 1"
        ),
        {"s": schema},
    ).scalars()
    for other in others:
        if catalog(conn, other):
            problems.append(f"it holds a schema {other!r} this program never makes")
    for (name,) in conn.execute(text("SELECT evtname FROM pg_event_trigger ORDER BY 1")):
        problems.append(f"it holds an event trigger {name!r} this program never makes")
    for (name,) in conn.execute(
        text("SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1")
    ):
        problems.append(f"it holds an extension {name!r} this program never makes")
    return problems


def expected_catalog(parsed: URL, revision: str) -> Catalog:
    """The catalog this program's migrations make at ``revision`` (built once per process, on
    a scratch database of the same server)."""
    if revision in _EXPECTED:
        return _EXPECTED[revision]
    from alembic import command

    from posapp.db.migrate import alembic_config

    with _scratch(parsed, "posapp_expect") as name:
        engine = _admin(parsed, name)
        try:
            with engine.begin() as conn:
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
            with engine.connect() as conn:
                _EXPECTED[revision] = catalog(conn, "public")
        finally:
            engine.dispose()
    return _EXPECTED[revision]


def catalog_differences(have: Catalog, want: Catalog) -> list[str]:
    """What a store has that the migrations do not make, lacks, or has changed."""
    problems = []
    for kind, name in sorted(have.keys() - want.keys()):
        problems.append(f"it holds a {kind} {name!r} this program never makes")
    for kind, name in sorted(want.keys() - have.keys()):
        problems.append(f"it lacks the {kind} {name!r}")
    for kind, name in sorted(have.keys() & want.keys()):
        if have[(kind, name)] != want[(kind, name)]:
            problems.append(f"the {kind} {name!r} was altered")
    return problems


def _store_schema(conn: Connection) -> list[str]:
    return list(
        conn.execute(
            text(
                "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE c.relname = 'alembic_version' AND c.relkind = 'r' ORDER BY 1"
            )
        ).scalars()
    )


def _store_in_use(conn: Connection, schema: str) -> tuple[bool, str | None]:
    """(whether ``schema`` holds a store, its store_id if it has one) in the target."""
    q = _quote(schema)
    if conn.execute(text("SELECT to_regclass(:t)"), {"t": f"{q}.alembic_version"}).scalar() is None:
        return False, None
    exists = {
        t: conn.execute(text("SELECT to_regclass(:t)"), {"t": f"{q}.{t}"}).scalar() is not None
        for t in ("store_meta", "products", "sales")
    }
    used = any(
        conn.execute(text(f"SELECT EXISTS (SELECT 1 FROM {q}.{t})")).scalar()
        for t in ("products", "sales")
        if exists[t]
    )
    store = (
        conn.execute(text(f"SELECT value FROM {q}.store_meta WHERE key = 'store_id'")).scalar()
        if exists["store_meta"]
        else None
    )
    return bool(used), store


def other_sessions(conn: Connection, schema: str | None) -> list[int]:
    """The sessions of other tills on the target: for a store in one schema of a shared
    database, the tills' sessions of that schema (``posapp.db.engine.application_name``); for
    a database of its own, every other client session on it."""
    sql = (
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid() AND backend_type = 'client backend' "
        "AND application_name <> :ours"
    )
    params: dict[str, str] = {"ours": _OURS}
    if schema is not None:
        sql += " AND application_name = :app"
        params["app"] = f"posapp:{schema}"[:63]
    return [int(p) for p in conn.execute(text(sql + " ORDER BY pid"), params).scalars()]


def _disconnect(conn: Connection, schema: str | None, disconnect: bool) -> int:
    """Refuse while other tills are connected; or terminate their sessions (and wait for them
    to be gone, at most 10 s). The number terminated."""
    pids = other_sessions(conn, schema)
    if not pids:
        return 0
    if not disconnect:
        raise _refused(
            f"{len(pids)} other sessions are connected to the database (stop the tills, or "
            "--disconnect-others)",
            RestoreErrorCode.OTHERS_CONNECTED,
            count=str(len(pids)),
        )
    for pid in pids:
        conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
    deadline = time.monotonic() + 10
    while set(other_sessions(conn, schema)) & set(pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    log.warning("restore: %d sessions of other tills terminated", len(pids))
    return len(pids)


def _check_scratch(
    parsed: URL, scratch: str, target_schema: str, expect_store: str | None
) -> tuple[str, str | None]:
    """Steps 2–5 on the scratch database; its store ends in ``target_schema``, at head.
    Returns (the dump's revision, its store_id)."""
    from posapp.db.engine import Database, normalize_url
    from posapp.db.migrate import known_revisions

    engine = _admin(parsed, scratch)
    try:
        with engine.connect() as conn:
            found = _store_schema(conn)
            if len(found) != 1:
                raise _refused(
                    f"the dump does not hold one I·Market·U POS database ({len(found)} found)",
                    RestoreErrorCode.REFUSED,
                )
            schema = found[0]
            q = _quote(schema)
            revision = conn.execute(text(f"SELECT version_num FROM {q}.alembic_version")).scalar()
            if revision is None or revision not in known_revisions():
                raise _refused(
                    f"schema revision {revision} is unknown to this version of the program",
                    RestoreErrorCode.REFUSED,
                )
            problems = _strangers(conn, schema)
            problems += catalog_differences(
                catalog(conn, schema), expected_catalog(parsed, revision)
            )
            if problems:
                raise _refused(
                    "; ".join(problems[:10]), RestoreErrorCode.ALTERED, problems=problems
                )
            store = conn.execute(
                text(f"SELECT value FROM {q}.store_meta WHERE key = 'store_id'")
            ).scalar()
            if expect_store is not None and store is not None and store != expect_store:
                raise _refused(
                    f"the dump is of another store ({store}); this database is store "
                    f"{expect_store}",
                    RestoreErrorCode.OTHER_STORE,
                    store=str(store),
                )
            if schema != target_schema:  # a dump of another schema lands in the target's
                conn.execute(text(f"DROP SCHEMA IF EXISTS {_quote(target_schema)} CASCADE"))
                conn.execute(text(f"ALTER SCHEMA {q} RENAME TO {_quote(target_schema)}"))
    finally:
        engine.dispose()
    url = parsed.set(database=scratch)
    if target_schema != "public":
        url = url.set(query={"options": f"-csearch_path={target_schema}"})
    else:
        url = url.set(query={})
    db = Database(normalize_url(url.render_as_string(hide_password=False)))
    try:
        problems = verify_as_started(db)
    finally:
        db.dispose()
    if problems:
        raise _refused(
            "verify: " + "; ".join(problems[:5]), RestoreErrorCode.REFUSED, problems=problems
        )
    return str(revision), None if store is None else str(store)


def restore_postgres(
    dump: Path,
    url: str,
    backup_dir: Path,
    *,
    explicit_dir: bool = True,
    disconnect_others: bool = False,
    check_only: bool = False,
    now: dt.datetime | None = None,
) -> RestoreResult:
    """Replace the store at ``url`` by the checked contents of ``dump`` (see the module's
    steps); ``check_only``: the checks, nothing changed. Raises a :class:`BackupError` with a
    ``restore.*`` code (or a ``backup.*`` one for the tools, the folder) and the reason."""
    try:
        return _restore(dump, url, backup_dir, explicit_dir, disconnect_others, check_only, now)
    except BackupError:
        raise
    except Exception as exc:  # no CREATEDB, the server gone, TMPDIR full: said with a code
        raise BackupError(f"the restore failed: {exc}", code=BackupErrorCode.PG_FAILED) from exc


def _restore(
    dump: Path,
    url: str,
    backup_dir: Path,
    explicit_dir: bool,
    disconnect_others: bool,
    check_only: bool,
    now: dt.datetime | None,
) -> RestoreResult:
    parsed, env, schema = _parts(url)
    target_schema = schema or "public"
    if not dump.is_file():
        raise _refused(f"{dump} does not exist or is not a file", RestoreErrorCode.REFUSED)
    with dump.open("rb") as f:
        if f.read(len(DUMP_MAGIC)) != DUMP_MAGIC:
            raise _refused(
                f"{dump.name} is not a pg_dump file (custom format)", RestoreErrorCode.REFUSED
            )
    target = _admin(parsed)
    try:
        with target.connect() as conn:
            in_use, expect = _store_in_use(conn, target_schema)
            if not check_only and not disconnect_others:
                _disconnect(conn, schema, False)  # said before the minutes the checks take
        with _scratch(parsed, "posapp_restore") as scratch:
            try:
                _run(
                    [
                        _tool("pg_restore"),
                        "--no-owner",
                        "--exit-on-error",
                        f"--dbname={scratch}",
                        str(dump),
                    ],
                    {**env, "PGDATABASE": scratch},
                )
            except BackupError as exc:
                if exc.code == "backup.tool_missing":
                    raise
                raise _refused(
                    f"{dump.name} cannot be read by pg_restore", RestoreErrorCode.REFUSED
                ) from exc
            revision, store = _check_scratch(
                parsed, scratch, target_schema, expect if in_use else None
            )
            if check_only:
                return RestoreResult(revision, store, None, 0)
            with target.connect() as conn:
                gone = _disconnect(conn, schema, disconnect_others)
            kept = _keep_current(url, backup_dir, explicit_dir, in_use or expect is not None, now)
            with target.connect() as conn:  # a till that came back in the meantime
                gone += _disconnect(conn, schema, disconnect_others)
            _replace(parsed, env, scratch, target_schema)
    finally:
        target.dispose()
    log.warning("store at %s restored from %s (previous kept at %s)", parsed.host, dump, kept)
    return RestoreResult(revision, store, kept, gone)


def _keep_current(
    url: str, folder: Path, explicit: bool, has_store: bool, now: dt.datetime | None
) -> Path | None:
    """The store as it is now, dumped (unchecked: a damaged store is why one restores)."""
    if not has_store:
        return None
    now = now or dt.datetime.now(dt.UTC)
    check_target(folder, explicit=explicit)
    out = folder / f"{BEFORE_PREFIX}{now:%Y%m%d-%H%M%S}.dump"
    return backup_postgres(url, out, verify_data=False, create_folder=not explicit).path


def _replace(parsed: URL, env: dict[str, str], scratch: str, schema: str) -> None:
    """The checked scratch copy into the target, in one transaction (step 8). The script is
    written out whole first (TMPDIR; about the size of the store's data) and only then given
    to psql: a pipe that broke midway would end psql's input early, and psql would commit the
    part it had."""
    with tempfile.TemporaryDirectory(prefix="posapp-restore-") as tmp:
        os.chmod(tmp, 0o700)
        copy, listing, script = (Path(tmp) / n for n in ("checked.dump", "list", "restore.sql"))
        _run(
            [
                _tool("pg_dump"),
                "--format=custom",
                "--no-owner",
                f"--schema={schema}",
                f"--file={copy}",
            ],
            {**env, "PGDATABASE": scratch},
        )
        entries = subprocess.run(
            [_tool("pg_restore"), "--list", str(copy)],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        ).stdout.splitlines()
        # the schema itself is made by the transaction below, before everything in it
        own = re.compile(rf"^\d+; \d+ \d+ SCHEMA - {re.escape(schema)} ")
        listing.write_text("\n".join(e for e in entries if not own.match(e)) + "\n")
        _run(
            [
                _tool("pg_restore"),
                "--no-owner",
                f"--use-list={listing}",
                f"--file={script}",
                str(copy),
            ],
            env,
        )
        q = _quote(schema)
        _run(
            [
                _tool("psql"),
                "--no-psqlrc",
                "--quiet",
                "--set=ON_ERROR_STOP=1",
                "--single-transaction",  # all of it or (any error) none of it
                # a till that came back and holds a lock: give up and leave the store as it was
                f"--command=SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'",
                f"--command=DROP SCHEMA IF EXISTS {q} CASCADE",
                f"--command=CREATE SCHEMA {q}",
                f"--file={script}",
            ],
            env,
        )


# --- the same-disk warning ---------------------------------------------------------------------

_LOCAL = {None, "", "localhost", "127.0.0.1", "::1"}


def pg_same_disk(url: str, backup_dir: Path) -> bool:
    """Whether ``backup_dir`` is on the disk of the PostgreSQL server's data directory (a disk
    that dies takes both). Only a server on this machine can be compared (``SHOW
    data_directory``, which needs a superuser or pg_read_all_settings); a remote server, or
    one that will not say, gives False."""
    parsed, _env, _schema = _parts(url)
    if parsed.host not in _LOCAL and not str(parsed.host or "").startswith("/"):
        return False
    engine = _admin(parsed)
    try:
        with engine.connect() as conn:
            data = conn.execute(text("SHOW data_directory")).scalar()
    except Exception:  # not allowed to read it, or the server is down: nothing to say
        log.info("the server's data directory could not be read", exc_info=True)
        return False
    finally:
        engine.dispose()
    try:
        folder = backup_dir if backup_dir.exists() else backup_dir.parent
        return os.stat(folder).st_dev == os.stat(str(data)).st_dev
    except OSError:
        return False


def pg_same_disk_warning(url: str, backup_dir: Path) -> str | None:
    """The CLI's words for :func:`pg_same_disk`."""
    if not pg_same_disk(url, backup_dir):
        return None
    return (
        f"backups in {backup_dir} are on the PostgreSQL server's own disk: set [backup] dir to "
        "a USB drive or a network share"
    )
