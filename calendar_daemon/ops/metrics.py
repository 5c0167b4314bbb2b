"""Prometheus metrics: messages by kind, outcome and channel, feed requests, event count, claims held,
polled sources (polls by outcome, errors, items read, last success).

Every series carries a ``replica`` label, so the replicas behind one load balancer can be told
apart (and summed) even when scraped through a single address.

``calendar_daemon_alerts_total`` counts every message the ledger delivers, with a ``kind`` label:
``alert`` (an alert before an event), ``digest``, ``moved`` and ``cancelled`` (notices after an
alert was sent for an event that then changed) and ``missed_summary`` (what fell due while down).
``late`` and ``missed`` apply to alerts only; other kinds are ``sent`` or ``failed``. An alert is
retried for as long as it is worth sending and then ``missed``, so it is not counted ``failed``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, generate_latest

from calendar_daemon.domain.vocabulary import LEDGER_KINDS

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
OUTCOMES = ("sent", "failed", "late", "missed")
ALERT_ONLY = ("late", "missed")


class Metrics:
    """One registry per process (tests build several apps, so not the global one)."""

    def __init__(self, replica: str = "") -> None:
        self.replica = replica
        self.registry = CollectorRegistry()
        self.alerts = Counter(
            "calendar_daemon_alerts",
            "Messages by kind (alert, digest, moved, cancelled, missed_summary), outcome (sent, failed; "
            "late, missed for alerts) and channel.",
            ["replica", "kind", "outcome", "channel"], registry=self.registry,
        )  # fmt: skip
        self._feed_counters: dict[str, Any] = {}
        self.feed_requests = Counter(
            "calendar_daemon_feed_requests", "Feed requests served, by feed path (/calendar.ics, /feeds/NAME.ics).",
            ["replica", "feed"], registry=self.registry,
        )  # fmt: skip
        self.events = Gauge(
            "calendar_daemon_events", "Published events in the store (not deleted, not proposals awaiting review).",
            ["replica"], registry=self.registry,
        ).labels(replica=replica)  # fmt: skip
        self.claims = Gauge(
            "calendar_daemon_alert_claims", "Alerts this replica has claimed and not yet recorded.", ["replica"],
            registry=self.registry,
        ).labels(replica=replica)  # fmt: skip

        self.source_polls = Counter(
            "calendar_daemon_source_polls", "Polls of each [[sources]] entry by outcome (changed, unchanged, not_modified, error).",
            ["replica", "source", "outcome"], registry=self.registry,
        )  # fmt: skip
        self.source_errors = Counter(
            "calendar_daemon_source_errors", "Failed polls of each source (network, HTTP status, timeout, malformed file).",
            ["replica", "source"], registry=self.registry,
        )  # fmt: skip
        self.source_items = Counter(
            "calendar_daemon_source_items", "Items read from each source (calendar events, feed items, pages).",
            ["replica", "source"], registry=self.registry,
        )  # fmt: skip
        self.source_last_success = Gauge(
            "calendar_daemon_source_last_success_timestamp_seconds", "Unix time of each source's last successful poll (any replica).",
            ["replica", "source"], registry=self.registry,
        )  # fmt: skip

    def declare_sources(self, names: Iterable[str]) -> None:
        """Export every source's series from the start (at 0)."""
        for name in names:
            for outcome in ("changed", "unchanged", "not_modified", "error"):
                self.source_polls.labels(replica=self.replica, source=name, outcome=outcome)
            self.source_errors.labels(replica=self.replica, source=name)
            self.source_items.labels(replica=self.replica, source=name)

    def polled(self, outcome: Any) -> None:
        """Count one poll (a :class:`~calendar_daemon.intake.polling.PollOutcome`: this module sits beside intake)."""
        self.source_polls.labels(replica=self.replica, source=outcome.name, outcome=outcome.outcome).inc()
        if outcome.outcome == "error":
            self.source_errors.labels(replica=self.replica, source=outcome.name).inc()
        self.source_items.labels(replica=self.replica, source=outcome.name).inc(outcome.items)
        if outcome.success_at is not None:
            stamp = outcome.success_at.replace(tzinfo=UTC).timestamp()
            self.source_last_success.labels(replica=self.replica, source=outcome.name).set(stamp)

    def declare_channels(self, channels: Iterable[str]) -> None:
        """Export every kind and outcome of every channel from the start (at 0), so a rate or alert on it works."""
        for channel in channels:
            for kind in LEDGER_KINDS:
                for outcome in OUTCOMES if kind == "alert" else [o for o in OUTCOMES if o not in ALERT_ONLY]:
                    self.alerts.labels(replica=self.replica, kind=kind, outcome=outcome, channel=channel)

    def alert(self, outcome: str, channel: str, count: int = 1, *, kind: str = "alert") -> None:
        self.alerts.labels(replica=self.replica, kind=kind, outcome=outcome, channel=channel).inc(count)

    def feed_request(self, path: str) -> None:
        """Count a served feed: ``/calendar.ics`` or a configured ``/feeds/NAME.ics`` (never an unknown name).
        Each feed's labelled counter is looked up once, not on every request (``labels()`` locks and
        builds its key each time)."""
        counter = self._feed_counters.get(path)
        if counter is None:
            counter = self._feed_counters[path] = self.feed_requests.labels(replica=self.replica, feed=path)
        counter.inc()

    def track_events(self, count: Callable[[], int]) -> None:
        self.events.set_function(lambda: float(count()))

    def track_claims(self, count: Callable[[], int]) -> None:
        self.claims.set_function(lambda: float(count()))

    def render(self) -> bytes:
        return generate_latest(self.registry)
