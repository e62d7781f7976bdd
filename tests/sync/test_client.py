"""The platform client turns every failure into a code, words and whether to try again."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from posapp.sync.client import PlatformClient, SyncError, base_url
from posapp_devtools.platform.faults import Faults
from tests.support.platform_server import TOKEN, ThreadedPlatform, free_port


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[ThreadedPlatform]:
    p = ThreadedPlatform(tmp_path / "platform.sqlite3").start()
    yield p
    p.stop()


def error_of(call) -> SyncError:  # type: ignore[no-untyped-def]
    with pytest.raises(SyncError) as info:
        call()
    return info.value


def test_base_url_accepts_host_or_api_root() -> None:
    assert base_url("http://h:1/") == "http://h:1/api/v1"
    assert base_url("https://h/api/v1") == "https://h/api/v1"
    err = error_of(lambda: base_url("h:1"))
    assert err.code == "sync.bad_url" and not err.retryable


def test_status_with_the_right_token(platform) -> None:  # type: ignore[no-untyped-def]
    with PlatformClient(platform.url, TOKEN) as c:
        assert c.status()["register_id"] == "R01"


def test_a_wrong_token_is_not_worth_retrying(platform) -> None:  # type: ignore[no-untyped-def]
    with PlatformClient(platform.url, "nope") as c:
        err = error_of(c.status)
    assert err.code == "sync.auth" and not err.retryable and "token" in str(err)


def test_no_token_is_refused_before_any_call() -> None:
    err = error_of(lambda: PlatformClient("http://127.0.0.1:1", ""))
    assert err.code == "sync.no_token"


def test_a_wrong_url_says_so(platform) -> None:  # type: ignore[no-untyped-def]
    with PlatformClient(platform.url + "/shop", TOKEN) as c:
        err = error_of(c.status)
    assert err.code == "sync.bad_url" and "404" in str(err)


def test_nobody_listening_is_unreachable_and_retryable() -> None:
    with PlatformClient(f"http://127.0.0.1:{free_port()}", TOKEN, timeout=2) as c:
        err = error_of(c.status)
    assert err.code == "sync.unreachable" and err.retryable


def test_a_silent_server_times_out() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)  # accepts into the backlog, never answers
    try:
        with PlatformClient(f"http://127.0.0.1:{sock.getsockname()[1]}", TOKEN, timeout=0.5) as c:
            err = error_of(c.status)
    finally:
        sock.close()
    assert err.code == "sync.timeout" and err.retryable


def test_500_and_429_are_retryable_and_429_says_when(platform) -> None:  # type: ignore[no-untyped-def]
    with PlatformClient(platform.url, TOKEN) as c:
        platform.set_faults(failure_rate=1.0)
        err = error_of(c.status)
        assert err.code == "sync.server" and err.retryable and "injected failure" in str(err)
        platform.set_faults(failure_rate=0.0, throttle_rate=1.0, retry_after=3)
        err = error_of(c.status)
        assert err.code == "sync.throttled" and err.retry_after == 3.0


def test_a_lost_ack_is_a_broken_connection(tmp_path: Path) -> None:
    p = ThreadedPlatform(tmp_path / "p.sqlite3", Faults(drop_ack_rate=1.0)).start()
    try:
        with PlatformClient(p.url, TOKEN) as c:
            err = error_of(lambda: c.push([]))
        assert err.code == "sync.connection_lost" and err.retryable
    finally:
        p.stop()
