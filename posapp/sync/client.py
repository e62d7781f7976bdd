"""The platform client: one method per protocol call over httpx, errors turned into words.

Every failure becomes a :class:`SyncError` with a stable code, words a manager can act on, and
whether trying again can help (``retryable``) and when (``retry_after`` from a 429/503). The
client holds no state beyond its connection pool; what has been sent is the outbox's business.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from posapp.errors import PosError
from posapp.sync import protocol as P
from posapp.sync.error_codes import SyncErrorCode

log = logging.getLogger(__name__)


class SyncError(PosError):
    """A call to the platform failed. ``retryable``: the same call may succeed later."""

    def __init__(
        self,
        message: str,
        *,
        code: str,
        retryable: bool,
        retry_after: float | None = None,
        **data: Any,
    ) -> None:
        super().__init__(message, code=code, **data)
        self.retryable = retryable
        self.retry_after = retry_after


def base_url(url: str) -> str:
    """``http://host:port`` or ``.../api/v1`` → the API root, without a trailing slash."""
    url = url.strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise SyncError(
            f"the platform URL must start with http:// or https://, not {url!r}",
            code=SyncErrorCode.BAD_URL,
            retryable=False,
        )
    return url if url.endswith(P.PREFIX) else url + P.PREFIX


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None  # an HTTP date: fall back to our own backoff


class PlatformClient:
    """Calls the platform at ``url`` as the till holding ``token``."""

    def __init__(
        self,
        url: str,
        token: str,
        *,
        timeout: float = 15.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if not token:
            raise SyncError(
                "no platform token configured ([platform] token or POSAPP_PLATFORM_TOKEN)",
                code=SyncErrorCode.NO_TOKEN,
                retryable=False,
            )
        self.url = base_url(url)
        self._http = httpx.Client(
            base_url=self.url,
            headers={"Authorization": f"Bearer {token}", "User-Agent": "posapp-sync/1"},
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            transport=transport,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> PlatformClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- calls ----------------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        return self._call("GET", "/status")

    def push(self, documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Push documents; one result per document, in order (see protocol result statuses)."""
        return self.push_json([json.dumps(d, ensure_ascii=False) for d in documents])

    def push_json(
        self,
        documents: list[str],
        *,
        uuids: Sequence[str] | None = None,
        anchor: Mapping[str, Any] | None = None,
        stock_anchor: Mapping[str, Any] | None = None,
    ) -> list[dict[str, Any]]:
        """:meth:`push` for documents already serialised (the outbox keeps JSON text).

        With ``uuids`` (each document's, in order) the results are matched to the documents by
        the uuid each result names, never by position, and returned in the documents' order: a
        result for a uuid not sent, a document without its result, or one answered twice is a
        bad answer (retryable; nothing is marked). ``anchor`` is the register's journal head,
        which the platform keeps as the till's anchor outside it; ``stock_anchor`` the head of
        the store's back-office chain (stock postings), of which it keeps the furthest."""
        extra = f', "anchor": {json.dumps(dict(anchor))}' if anchor is not None else ""
        if stock_anchor is not None:
            extra += f', "stock_anchor": {json.dumps(dict(stock_anchor))}'
        body_text = f'{{"protocol": {P.VERSION}, "documents": [{", ".join(documents)}]{extra}}}'
        body = self._call("POST", "/documents", raw=body_text.encode())
        results = body.get("results")
        if not isinstance(results, list) or len(results) != len(documents):
            raise SyncError(
                "the platform answered a push without one result per document",
                code=SyncErrorCode.BAD_ANSWER,
                retryable=True,
            )
        if uuids is None:
            return results
        return match_results(list(uuids), results)

    def anchor(self) -> dict[str, Any]:
        """The journal head the platform keeps for this till's register (``seq`` 0: none)."""
        return self._call("GET", "/anchor")

    def catalog_changes(self, after: int, limit: int = P.MAX_PAGE) -> dict[str, Any]:
        return self._call("GET", "/catalog/changes", params={"after": after, "limit": limit})

    def orders(self, after: int, limit: int = P.MAX_PAGE) -> dict[str, Any]:
        return self._call("GET", "/orders", params={"after": after, "limit": limit})

    def push_stock(self, levels: list[dict[str, Any]]) -> int:
        return int(self._call("PUT", "/stock", {"levels": levels}).get("updated", 0))

    # --- plumbing -------------------------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        body: Any = None,
        params: dict[str, Any] | None = None,
        raw: bytes | None = None,
    ) -> dict[str, Any]:
        content = raw
        if body is not None:
            content = json.dumps(body, ensure_ascii=False).encode()
        headers = {"Content-Type": "application/json"} if content is not None else None
        try:
            response = self._http.request(
                method, path, content=content, params=params, headers=headers
            )
        except httpx.ConnectError as exc:
            raise SyncError(
                f"cannot reach the platform at {self.url}: {exc}",
                code=SyncErrorCode.UNREACHABLE,
                retryable=True,
            ) from exc
        except httpx.TimeoutException as exc:
            raise SyncError(
                f"the platform did not answer in time ({type(exc).__name__})",
                code=SyncErrorCode.TIMEOUT,
                retryable=True,
            ) from exc
        except httpx.TransportError as exc:
            # e.g. the connection dropped mid-answer: the platform may have applied the batch;
            # resending is safe (documents are idempotent by uuid)
            raise SyncError(
                f"the connection to the platform broke: {exc}",
                code=SyncErrorCode.CONNECTION_LOST,
                retryable=True,
            ) from exc
        return self._answer(response)

    def _answer(self, response: httpx.Response) -> dict[str, Any]:
        try:
            data = response.json()
        except ValueError:
            data = None
        if response.is_success:
            if not isinstance(data, dict):
                raise SyncError(
                    f"the platform answered {response.status_code} without a JSON object",
                    code=SyncErrorCode.BAD_ANSWER,
                    retryable=True,
                )
            return data
        error = data.get("error") if isinstance(data, dict) else None
        server_code = error.get("code") if isinstance(error, dict) else None
        words = error.get("message") if isinstance(error, dict) else None
        status = response.status_code
        words = words or response.reason_phrase or "no explanation"
        if status == 401:
            raise SyncError(
                f"the platform refused the token ({words}): check [platform] token",
                code=SyncErrorCode.AUTH,
                retryable=False,
                server_code=server_code,
            )
        if status == 404 and server_code is None:
            raise SyncError(
                f"no sync API at {self.url} (404): check [platform] url",
                code=SyncErrorCode.BAD_URL,
                retryable=False,
            )
        if status in (429, 503):
            raise SyncError(
                f"the platform asks to wait ({status}: {words})",
                code=SyncErrorCode.THROTTLED,
                retryable=True,
                retry_after=_retry_after(response.headers.get("Retry-After")),
            )
        if status >= 500:
            raise SyncError(
                f"the platform failed ({status}: {words})",
                code=SyncErrorCode.SERVER,
                retryable=True,
            )
        raise SyncError(
            f"the platform refused the request ({status} {server_code}: {words})",
            code=SyncErrorCode.REFUSED,
            retryable=False,
            server_code=server_code,
        )


def match_results(uuids: list[str], results: list[Any]) -> list[dict[str, Any]]:
    """The results in the order of ``uuids``, matched by the uuid each names (see push_json)."""
    by_uuid: dict[str, dict[str, Any]] = {}
    for r in results:
        ident = r.get("uuid") if isinstance(r, dict) else None
        if not isinstance(ident, str) or ident in by_uuid:
            raise SyncError(
                "the platform answered a result without a uuid, or one twice",
                code=SyncErrorCode.BAD_ANSWER,
                retryable=True,
            )
        by_uuid[ident] = r
    if set(by_uuid) != set(uuids):
        raise SyncError(
            "the platform's results name other documents than those sent",
            code=SyncErrorCode.BAD_ANSWER,
            retryable=True,
        )
    return [by_uuid[u] for u in uuids]
