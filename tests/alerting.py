"""Shared pieces for the alert tests: a fake clock, a recording notifier, events and configs."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta
from typing import Any

from calendar_daemon.alerts.scheduler import AlertService
from calendar_daemon.config import Config, parse_config
from calendar_daemon.intake import submit
from calendar_daemon.records import normalize
from calendar_daemon.store import EventStore


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
