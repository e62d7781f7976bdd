"""SIGKILL a process while it commits sales, many times: every sale is whole or absent."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from posapp.db.models import JournalEntry, OutboxEvent, Payment, Sale, SaleLine
from posapp.verify import verify
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, SALT_CODE, Store

ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("POSAPP_KILL9_ROUNDS", "12"))


@pytest.mark.fault
@pytest.mark.slow
def test_sigkill_while_committing_leaves_whole_sales(store: Store) -> None:
    rng = random.Random(7)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    codes = [APPLE_CODE, GOCHUJANG_CODE, SALT_CODE]
    for _ in range(KILLS):
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.support.sale_loop", store.db.url, *codes],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()  # wait until it has committed at least once
        assert line.strip() == "selling", proc.stderr.read() if proc.stderr else ""
        time.sleep(rng.uniform(0.05, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    db = store.db

    def check(uow):  # type: ignore[no-untyped-def]
        s = uow.session
        sales = s.scalar(select(func.count(Sale.id)))
        per_sale = s.execute(
            select(Sale.id, Sale.total, func.count(SaleLine.id), func.sum(SaleLine.net))
            .join(SaleLine, SaleLine.sale_id == Sale.id)
            .group_by(Sale.id, Sale.total)
        ).all()
        pays = dict(
            s.execute(
                select(Payment.sale_id, func.sum(Payment.amount)).group_by(Payment.sale_id)
            ).all()
        )
        return (
            sales,
            per_sale,
            pays,
            s.scalar(select(func.count(JournalEntry.id)).where(JournalEntry.doc_type == "sale")),
            s.scalar(select(func.count(OutboxEvent.id))),
        )

    sales, per_sale, pays, journal, outbox = db.read(check)
    assert sales >= KILLS
    assert len(per_sale) == sales
    for sale_id, total, n_lines, net in per_sale:
        assert n_lines == 3 and net == total and pays[sale_id] == total
    assert journal == sales and outbox == sales
    report = verify(db)
    assert report.ok, report
