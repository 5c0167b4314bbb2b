"""Two replicas (two pollers, each with its own engine) on the real PostgreSQL poll each source once
per interval between them: the claim on the source's state row lets one of them through."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from calendar_daemon.config.sources import SourceConfig
from calendar_daemon.intake.polling import Poller
from calendar_daemon.sources.fetch import Fetcher
from calendar_daemon.store.db import open_engine
from calendar_daemon.store.events import EventStore
from calendar_daemon.store.source_state import SourceStates
from tests.sources_server import Publisher

pytestmark = pytest.mark.postgres


@pytest.fixture
def publisher() -> Iterator[Publisher]:
    with Publisher() as server:
        server.serve_file("/schedule.ics", "release-schedule.ics", "text/calendar")
        server.serve_file("/macro.rss", "news-zh.rss", "application/rss+xml")
        server.serve_file("/articles/zh-week-ahead.html", "article-zh.html", "text/html; charset=utf-8")
        yield server


def test_two_replicas_poll_each_source_once_per_interval(pg_url: str, publisher: Publisher) -> None:
    sources = [
        SourceConfig(name="schedule", url=publisher.base + "/schedule.ics", kind="ics", every="1h"),
        SourceConfig(name="macro", url=publisher.base + "/macro.rss", kind="feed", every="1h"),
    ]
    now = [datetime(2026, 12, 4, 10, 0)]
    stores = [EventStore(open_engine(pg_url)) for _ in range(2)]
    stores[0].initialise()
    pollers = [Poller(store, sources, Fetcher(timeout=5), token=f"replica-{n}:run", clock=lambda: now[0])
               for n, store in enumerate(stores)]  # fmt: skip
    polled_by: list[tuple[int, str]] = []
    for _ in range(4):  # four intervals; in each, both replicas look for due sources at the same instant
        start = threading.Barrier(2)

        def run(n: int, start: threading.Barrier) -> None:
            start.wait()
            polled_by.extend((n, outcome.name) for outcome in pollers[n].poll_due())

        threads = [threading.Thread(target=run, args=(n, start)) for n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        now[0] += timedelta(hours=1)
    assert publisher.hits["/schedule.ics"] == 4 and publisher.hits["/macro.rss"] == 4
    assert publisher.statuses("/schedule.ics") == [200, 304, 304, 304]
    assert publisher.hits["/articles/zh-week-ahead.html"] == 1  # the feed's item was read once, by one replica
    assert sorted(name for _, name in polled_by) == ["macro"] * 4 + ["schedule"] * 4
    states = {s.name: s for s in SourceStates(stores[0].engine).all()}
    assert states["schedule"].polls == 4 and states["schedule"].claimed_by is None
    assert len(stores[1].list_events()) == 6
    for store in stores:
        store.engine.dispose()
