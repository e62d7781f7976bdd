"""A till's sync worker as a child process, for the SIGKILL test: delivers until killed
(``python -m tests.support.worker_proc DATABASE_URL PLATFORM_URL TOKEN``)."""

from __future__ import annotations

import random
import sys
import time

from posapp.db.engine import Database
from posapp.sync.client import PlatformClient
from posapp.sync.worker import SyncWorker


def main(url: str, platform_url: str, token: str) -> None:
    db = Database(url)
    worker = SyncWorker(
        db,
        lambda: PlatformClient(platform_url, token, timeout=5),
        "R01",
        batch_size=100,
        idle_poll=0.05,
        base_delay=0.01,
        max_delay=0.1,
        rng=random.Random(1),
    ).start()
    print("started", flush=True)
    while worker is not None:  # delivers in its thread until this process is killed
        time.sleep(1)


if __name__ == "__main__":
    main(*sys.argv[1:4])
