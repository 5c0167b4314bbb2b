"""Prometheus metrics: alerts by outcome and channel, feed requests, event count."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from prometheus_client import CollectorRegistry, Counter, Gauge, generate_latest

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
OUTCOMES = ("sent", "failed", "late", "missed")


class Metrics:
    """One registry per process (tests build several apps, so not the global one)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.alerts = Counter(
            "calendar_daemon_alerts", "Alerts by outcome (sent, failed, late, missed) and channel.",
            ["outcome", "channel"], registry=self.registry,
        )  # fmt: skip
        self.feed_requests = Counter("calendar_daemon_feed_requests", "Feed requests served.", registry=self.registry)
        self.events = Gauge("calendar_daemon_events", "Events in the store (not deleted).", registry=self.registry)

    def declare_channels(self, channels: Iterable[str]) -> None:
        """Export every outcome of every channel from the start (at 0), so a rate or alert on it works."""
        for channel in channels:
            for outcome in OUTCOMES:
                self.alerts.labels(outcome=outcome, channel=channel)

    def alert(self, outcome: str, channel: str, count: int = 1) -> None:
        self.alerts.labels(outcome=outcome, channel=channel).inc(count)

    def track_events(self, count: Callable[[], int]) -> None:
        self.events.set_function(lambda: float(count()))

    def render(self) -> bytes:
        return generate_latest(self.registry)
