"""The reference platform on 127.0.0.1 for tests: in a thread, or as a process to kill."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from posapp_devtools.platform.faults import Faults
from posapp_devtools.platform.server import create_app

TOKEN = "till-R01-secret"
ADMIN_TOKEN = "platform-admin-secret"
ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
REGISTER = "R01"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ThreadedPlatform:
    """uvicorn serving the reference app in a daemon thread of this process."""

    def __init__(self, db_path: Path, faults: Faults | None = None) -> None:
        self.port = free_port()
        self.app = create_app(
            db_path, tokens={TOKEN: REGISTER}, faults=faults, admin_token=ADMIN_TOKEN
        )
        config = uvicorn.Config(
            self.app, host="127.0.0.1", port=self.port, log_level="critical", lifespan="on"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def store(self) -> Any:
        return self.app.app.state.store

    @property
    def faults(self) -> Faults:
        return self.app.app.state.faults

    def set_faults(self, **values: Any) -> None:
        import random

        self.faults.update(values)
        self.app.app.state.rng = random.Random(self.faults.seed)

    def start(self) -> ThreadedPlatform:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("platform did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


class PlatformProcess:
    """``posapp-platform serve`` as a child process: can be killed and started again."""

    def __init__(self, db_path: Path, port: int | None = None, **faults: Any) -> None:
        self.db_path = db_path
        self.port = port or free_port()
        self.faults = faults
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> PlatformProcess:
        args = [
            sys.executable, "-m", "posapp_devtools.platform.server", "serve",
            "--db", str(self.db_path), "--port", str(self.port),
            "--token", f"{REGISTER}={TOKEN}", "--admin-token", ADMIN_TOKEN,
        ]  # fmt: skip
        for key, value in self.faults.items():
            args += [f"--{key.replace('_', '-')}", str(value)]
        self.proc = subprocess.Popen(
            args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy()
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                r = httpx.get(f"{self.url}/admin/stats", timeout=1, headers=ADMIN)
                if r.status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            if self.proc.poll() is not None:
                raise RuntimeError(f"platform exited with {self.proc.returncode}")
            time.sleep(0.05)
        raise RuntimeError("platform did not start")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stats(self) -> dict[str, Any]:
        return httpx.get(f"{self.url}/admin/stats", timeout=5, headers=ADMIN).json()
