"""Shared pieces for the alert tests: a fake clock, a recording notifier, events and configs."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from calendar_daemon.alerts.ledger import Ledger
from calendar_daemon.alerts.scheduler import AlertService
from calendar_daemon.config.settings import Config, parse_config
from calendar_daemon.domain.records import normalize
from calendar_daemon.intake.submit import submit
from calendar_daemon.store.events import EventStore
from calendar_daemon.store.models import AlertRow
from tests.helpers import free_port, write_config


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def set(self, value: datetime) -> None:
        self.now = value

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


class RecordingNotifier:
    """Our own Notifier interface, recording each send with the fake clock's time."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.sent: list[tuple[str, str, str, datetime]] = []
        self._lock = threading.Lock()

    def limits(self, channel: str) -> tuple[int, int]:
        return 4000, 250

    def send(self, channel: str, title: str, body: str) -> None:
        with self._lock:
            self.sent.append((channel, title, body, self.clock()))


def add_events(store: EventStore, *events: dict[str, Any]) -> None:
    records = [normalize({"region": "US", "category": "macro_data", "importance": 3, **e}) for e in events]
    submit(store, records, origin="import")


def make_config(channels: list[dict[str, Any]], rules: list[dict[str, Any]], **alerts: Any) -> Config:
    data: dict[str, Any] = {"channels": channels, "alert_rules": rules, "alerts": {"retry_base_seconds": 1, **alerts}}
    return parse_config(data, "test.toml")


def drain(service: AlertService, timeout: float = 15.0) -> None:
    """Wait until the send pool has finished what the last dispatch claimed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if service._inflight == 0:
            return
        time.sleep(0.01)
    raise AssertionError("sends did not finish")


def step(service: AlertService) -> None:
    service.tick()
    drain(service)


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return str(value)


def alert_toml(channels: list[dict[str, Any]], rules: list[dict[str, Any]], alerts: dict[str, Any] | None = None) -> str:
    """``[alerts]``, ``[[channels]]`` and ``[[alert_rules]]`` as TOML, to append to a daemon's config."""
    lines = ["", "[alerts]", *(f"{k} = {toml_value(v)}" for k, v in (alerts or {}).items()), ""]
    for table, items in (("channels", channels), ("alert_rules", rules)):
        for item in items:
            lines += [f"[[{table}]]", *(f"{k} = {toml_value(v)}" for k, v in item.items()), ""]
    return "\n".join(lines)


def utcnow() -> datetime:
    """Now as naive UTC, to the whole second (event times in files have no fractions)."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def timed_event(uid: str, title: str, start: datetime) -> dict[str, Any]:
    return {"uid": uid, "title": title, "start": start.strftime("%Y-%m-%dT%H:%M:%S+00:00"), "timezone": "UTC",
            "precision": "datetime"}


def wait_until(predicate: Callable[[], Any], timeout: float = 20.0, interval: float = 0.05) -> Any:
    """Poll ``predicate`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout} s")


def daemon_config(tmp_path: Path, channels: list[dict[str, Any]], rules: list[dict[str, Any]], *,
                  seeds: bool = False, name: str = "calendar-daemon.toml", **alerts: Any) -> Path:
    """A daemon config on a free port; an empty seed folder unless ``seeds`` (the bundled calendar)."""
    seeds_path = None
    if not seeds:
        seeds_path = tmp_path / "no-seeds"
        seeds_path.mkdir(exist_ok=True)
    extra = alert_toml(channels, rules, {"tick_seconds": 0.2, **alerts})
    return write_config(tmp_path / name, port=free_port(), seeds_path=seeds_path, extra=extra)


def ledger_rows(store: EventStore) -> list[AlertRow]:
    return Ledger(store.engine).rows(limit=10_000)


@contextmanager
def notify_socket(tmp_path: Path) -> Iterator[socket.socket]:
    """A fake systemd notify socket at ``tmp_path/notify.sock`` (pass it as ``NOTIFY_SOCKET``)."""
    path = tmp_path / "notify.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(str(path))
        server.settimeout(0.2)
        yield server


def datagrams(server: socket.socket, seconds: float, *, until: Callable[[list[bytes]], bool] | None = None) -> list[bytes]:
    """The datagrams received within ``seconds``, or fewer once ``until(received)`` holds."""
    received: list[bytes] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not (until and until(received)):
        try:
            received.append(server.recv(100))
        except TimeoutError:
            continue
    return received


def waiting_datagrams(server: socket.socket) -> list[bytes]:
    """The datagrams already waiting on ``server``, without waiting for more."""
    received: list[bytes] = []
    timeout = server.gettimeout()
    server.setblocking(False)
    try:
        while True:
            received.append(server.recv(100))
    except BlockingIOError:
        return received
    finally:
        server.settimeout(timeout)
