"""``posapp-admin verify``: runs :func:`posapp.verify.verify` on the database as it is (never
migrated: it only reads, so it runs on a full disk), with the head the platform keeps for this
till's register as an anchor when a platform is configured, and prints every problem."""

from __future__ import annotations

import argparse
import sys

from posapp.db.engine import Database

EXIT_PROBLEM = 1


def run_verify(args: argparse.Namespace, db: Database) -> int:
    """``posapp-admin verify``: every check, with the platform's anchor when one is set."""
    from posapp.db.migrate import current_revision, head_revision
    from posapp.verify import verify

    at, head = current_revision(db.engine), head_revision()
    if at != head:
        print(
            f"the database is at schema revision {at}, this program's is {head}: "
            "run posapp-admin init (it upgrades), then verify",
            file=sys.stderr,
        )
        return EXIT_PROBLEM

    anchors = _platform_anchors(args)
    report = verify(db, anchors=anchors)
    for section, line in report.labelled():
        print(f"{section}: {line}")
    for line in report.notes:  # findings that are not problems (a recorded clock set back)
        print(f"note: {line}")
    if report.ok:
        where = " and the platform's anchor" if anchors else ""
        print(
            "ok: stock matches the ledger; the journal and audit chains are intact and "
            f"complete; the heads match the Z reports{where}"
        )
        return 0
    print(f"FAILED: {len(report.problems())} problem(s)", file=sys.stderr)
    return EXIT_PROBLEM


def _platform_anchors(args: argparse.Namespace) -> dict[str, tuple[int, str]]:
    """The heads the platform keeps for this till's register and for the store's back-office
    chain, when a platform is set."""
    settings = getattr(args, "_settings", None)
    if settings is None or not settings.platform.url:
        return {}
    from posapp.secrets import platform_token
    from posapp.sync import protocol as P
    from posapp.sync.client import PlatformClient, SyncError

    try:
        with PlatformClient(settings.platform.url, platform_token(settings.platform.token)) as c:
            kept = c.anchor()
    except SyncError as exc:
        print(f"note: the platform's anchor could not be read ({exc.code})", file=sys.stderr)
        return {}
    anchors = {str(kept["register_id"]): (int(kept["seq"]), str(kept["hash"]))}
    stock = kept.get("stock_anchor")
    if isinstance(stock, dict) and int(stock.get("seq", 0)):
        anchors[P.STOCK_CHAIN] = (int(stock["seq"]), str(stock["hash"]))
    return anchors
