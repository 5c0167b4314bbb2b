"""systemd's notify protocol (READY, WATCHDOG, STOPPING, STATUS) over $NOTIFY_SOCKET, stdlib only."""

from __future__ import annotations

import logging
import os
import socket
import time

logger = logging.getLogger(__name__)


def notify(message: str) -> bool:
    """Send ``message`` (e.g. ``READY=1``) to systemd; a no-op outside a ``Type=notify`` service."""
    address = os.environ.get("NOTIFY_SOCKET")
    if not address:
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.connect(address)
            sock.sendall(message.encode())
    except OSError as exc:
        logger.warning("cannot notify systemd: %s", exc)
        return False
    return True


def watchdog_interval() -> float | None:
    """Half of systemd's WatchdogSec, in seconds, when this process is the one watched."""
    usec = os.environ.get("WATCHDOG_USEC")
    pid = os.environ.get("WATCHDOG_PID")
    if not usec or (pid and pid != str(os.getpid())):
        return None
    return int(usec) / 2_000_000


class Watchdog:
    """Feeds systemd's watchdog (``WATCHDOG=1``) at most every half ``WatchdogSec``.

    Call :meth:`feed` from the loop whose liveness the watchdog should prove: the alert scheduler's
    tick, or, with alerts off, the HTTP server's main loop.
    """

    def __init__(self) -> None:
        self.interval = watchdog_interval()
        self._last: float | None = None

    def feed(self) -> None:
        if self.interval is None:
            return
        moment = time.monotonic()
        if self._last is None or moment - self._last >= self.interval:
            notify("WATCHDOG=1")
            self._last = moment
