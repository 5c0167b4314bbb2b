"""Bounded HTTP connections: a deadline for a request's line and headers, and a cap on open connections.

uvicorn's h11 protocol waits for a request's headers forever and accepts every connection: a few
hundred half-open connections (a partial request line, then silence) used to exhaust the process's
open files and lock every new client out. :func:`bounded_protocol` returns the protocol class
:func:`calendar_daemon.daemon.serve` gives uvicorn:

* a connection (or a kept-alive one, after a response) that has not sent a whole request line and
  headers within ``header_timeout`` seconds is closed;
* a connection beyond ``max_connections`` open ones is answered ``503`` at once and closed, so its
  file descriptor is freed immediately.
"""

from __future__ import annotations

import asyncio
import logging
import time

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

logger = logging.getLogger(__name__)

_BUSY_BODY = b"too many open connections; try again shortly\n"
BUSY_RESPONSE = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nRetry-After: 5\r\n"
    b"Connection: close\r\nContent-Length: " + str(len(_BUSY_BODY)).encode() + b"\r\n\r\n" + _BUSY_BODY
)
_WARN_EVERY_SECONDS = 60.0


class BoundedH11Protocol(H11Protocol):
    """:class:`H11Protocol` with a header deadline and a connection cap (set by :func:`bounded_protocol`)."""

    header_timeout: float = 10.0
    max_connections: int = 512
    _last_warning: float = -_WARN_EVERY_SECONDS

    _header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.max_connections:
            self._warn_busy()
            transport.write(BUSY_RESPONSE)
            transport.close()
            return
        self._arm_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_header_timer()
        super().connection_lost(exc)

    def handle_events(self) -> None:
        super().handle_events()
        if self.conn.their_state is not h11.IDLE:  # the request line and headers are in
            self._cancel_header_timer()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():  # the next request on this connection gets its own deadline
            self._arm_header_timer()

    def _arm_header_timer(self) -> None:
        self._cancel_header_timer()
        self._header_timer = self.loop.call_later(self.header_timeout, self._header_timed_out)

    def _cancel_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _header_timed_out(self) -> None:
        self._header_timer = None
        if not self.transport.is_closing() and self.conn.their_state is h11.IDLE:
            logger.debug("closing a connection that sent no whole request within %ss", self.header_timeout)
            self.transport.close()

    def _warn_busy(self) -> None:
        now = time.monotonic()
        cls = type(self)
        if now - cls._last_warning >= _WARN_EVERY_SECONDS:
            cls._last_warning = now
            logger.warning(
                "more than %s open connections ([server] max_connections): new ones are answered 503 and closed",
                self.max_connections,
            )


def bounded_protocol(header_timeout: float, max_connections: int) -> type[BoundedH11Protocol]:
    """A :class:`BoundedH11Protocol` subclass with these limits, for ``uvicorn.Config(http=...)``."""
    return type(
        "ConfiguredH11Protocol", (BoundedH11Protocol,),
        {"header_timeout": header_timeout, "max_connections": max_connections},
    )  # fmt: skip
