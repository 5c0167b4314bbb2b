"""What the routes share: config, store, feed cache, metrics and the alert service (one per process)."""

from __future__ import annotations

from typing import Any, Protocol

from calendar_daemon.config.settings import Config
from calendar_daemon.feed.cache import FeedCache
from calendar_daemon.ops.metrics import Metrics
from calendar_daemon.ops.replica import replica_id
from calendar_daemon.store.events import EventStore


class HealthSource(Protocol):
    def health(self) -> dict[str, Any]: ...


class AppState:
    """What the routes share: config, store, feed cache, metrics and the alert service (one per process)."""

    def __init__(
        self, config: Config, store: EventStore, feed: FeedCache, *, alerts: HealthSource | None = None,
        metrics: Metrics | None = None, replica: str = "",
    ) -> None:  # fmt: skip
        self.config = config
        self.store = store
        self.feed = feed
        self.alerts = alerts
        self.replica = replica or replica_id(config)
        self.metrics = metrics or Metrics(self.replica)
        # Why the last write through the web failed (read-only, disk full...); /healthz clears it once
        # the database takes writes again.
        self.write_failure: str | None = None
