"""Fetching a polled source over HTTP (httpx): conditional GET, timeouts, a size limit, bounded
redirects, gzip, a User-Agent naming the project, and the backoff after a failure.

A ``304 Not Modified`` comes back as :class:`Fetched` with ``body=None``: nothing to read, nothing
changed. Every failure is a :class:`~calendar_daemon.exceptions.FetchError` naming the URL.
"""

from __future__ import annotations

import hashlib
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import httpx

from calendar_daemon import __version__
from calendar_daemon.exceptions import FetchError

logger = logging.getLogger(__name__)

USER_AGENT = f"calendar-daemon/{__version__} (market calendar; polls each source at its configured interval)"
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT_SECONDS = 20.0
MAX_BACKOFF = timedelta(days=1)


@dataclass(frozen=True)
class Fetched:
    """One answer: the body (None for 304), its validators and where the redirects ended."""

    url: str
    status: int
    body: bytes | None
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""

    @property
    def not_modified(self) -> bool:
        return self.body is None

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.body or b"").hexdigest()


class Fetcher:
    """One HTTP client shared by every poll of a process (its connections are reused)."""

    def __init__(self, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES, max_redirects: int = MAX_REDIRECTS,
                 transport: httpx.BaseTransport | None = None) -> None:  # fmt: skip
        self.max_bytes = max_bytes
        self.client = httpx.Client(
            timeout=httpx.Timeout(timeout), follow_redirects=True, max_redirects=max_redirects, transport=transport,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        )  # fmt: skip

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None, accept: str = "*/*") -> Fetched:
        """GET ``url``; with ``etag``/``last_modified`` a conditional GET (a 304 gives ``body=None``)."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return Fetched(str(response.url), 304, None, etag, last_modified)
                if response.status_code >= 400:
                    raise FetchError(f"{url}: HTTP {response.status_code} {response.reason_phrase}".rstrip())
                body = self._read(url, response)
                return Fetched(
                    str(response.url), response.status_code, body, response.headers.get("ETag"),
                    response.headers.get("Last-Modified"), response.headers.get("Content-Type", ""),
                )  # fmt: skip
        except httpx.TooManyRedirects:
            raise FetchError(f"{url}: more than {self.client.max_redirects} redirects") from None
        except httpx.TimeoutException as exc:
            raise FetchError(f"{url}: timed out ({type(exc).__name__})") from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from None

    def _read(self, url: str, response: httpx.Response) -> bytes:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"{url}: body of {declared} bytes is over the {self.max_bytes}-byte limit")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():  # decompressed: the limit applies to what gzip unpacks to
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"{url}: body is over the {self.max_bytes}-byte limit")
            chunks.append(chunk)
        return b"".join(chunks)


def backoff(failures: int, every: timedelta, rand: Callable[[], float] = random.random) -> timedelta:
    """How long to wait after the ``failures``-th failure in a row: a minute doubled each time, at most
    the poll interval (and a day), with up to a quarter more of random jitter from ``rand`` (0..1), so
    replicas and sources that failed together do not retry together."""
    base = timedelta(minutes=1) * 2 ** max(failures - 1, 0) if failures < 40 else MAX_BACKOFF
    delay = min(base, every, MAX_BACKOFF)
    return delay + delay * (0.25 * rand())
