"""The feed cache renders each event once per revision and does no per-event work for an unchanged feed."""

from __future__ import annotations

import threading
from collections.abc import Iterator

from icalendar import Calendar

from calendar_daemon.domain.records import normalize
from calendar_daemon.feed.cache import FeedBody, FeedCache, FeedQuery
from calendar_daemon.sources.files import read_event_files
from calendar_daemon.store.events import EventStore
from calendar_daemon.store.models import Event
from tests.conftest import FIXTURES

QUERIES = (FeedQuery(), FeedQuery(categories=("central_bank", "ipo")), FeedQuery(regions=("CN",)),
           FeedQuery(min_importance=3), FeedQuery(regions=("US", "JP"), min_importance=2))  # fmt: skip


def test_renders_once_per_revision(store: EventStore) -> None:
    store.upsert(read_event_files([FIXTURES / "events.json", FIXTURES / "events.csv", FIXTURES / "week_ahead.ics"]), origin="import")
    cache = FeedCache(store, poll_seconds=0)
    first = cache.get(FeedQuery())
    assert cache.renders == 8 and first.event_count == 8
    for _ in range(3):
        assert cache.get(FeedQuery()) is first  # same body object: no per-event work
        cache.get(FeedQuery(categories=("central_bank",)))
    assert cache.renders == 8

    edited = normalize({"uid": "json-ipo@example.com", "title": "某公司新股申购(改期)", "category": "ipo", "region": "CN",
                        "start": "2026-03-11", "importance": 2})
    store.upsert([edited], origin="import")
    second = cache.get(FeedQuery())
    assert cache.renders == 9  # exactly the edited event
    assert second.etag != first.etag
    assert second.last_modified >= first.last_modified
    assert b"SEQUENCE:1" in second.body

    store.delete("csv-bond@example.com")
    third = cache.get(FeedQuery())
    assert b"csv-bond@example.com" not in third.body and third.etag != second.etag
    assert third.last_modified >= second.last_modified
    assert cache.renders == 9


def test_unchanged_store_keeps_etag_across_caches(store: EventStore) -> None:
    store.upsert(read_event_files([FIXTURES / "events.json"]), origin="import")
    one, two = FeedCache(store, poll_seconds=0), FeedCache(store, poll_seconds=0)
    assert one.get(FeedQuery()).etag == two.get(FeedQuery()).etag  # replicas agree


class GatedStore(EventStore):
    """The real store, whose first full read waits until the test opens the gate (a slow start-up)."""

    def __init__(self, store: EventStore) -> None:
        super().__init__(store.engine)
        self.gate = threading.Event()
        self.reading = threading.Event()

    def iter_changed_since(self, version: int, chunk: int = 1000) -> Iterator[list[Event]]:
        if version < 0:
            self.reading.set()
            assert self.gate.wait(30)
        return super().iter_changed_since(version, chunk)


def test_background_warm_up_serves_the_same_bytes_as_an_eager_start(store: EventStore) -> None:
    store.upsert(read_event_files([FIXTURES / "events.json", FIXTURES / "events.csv", FIXTURES / "week_ahead.ics"]), origin="import")
    eager = FeedCache(store, poll_seconds=0)
    eager.sync(force=True)
    expected = {query: eager.get(query) for query in QUERIES}

    gated = GatedStore(store)
    lazy = FeedCache(gated, poll_seconds=0)
    warm_up = lazy.warm_up_in_background()
    assert gated.reading.wait(10)  # the warm-up thread is filling the cache, holding its lock
    served: dict[FeedQuery, FeedBody] = {}
    request = threading.Thread(target=lambda: served.update({q: lazy.get(q) for q in QUERIES}))
    request.start()
    request.join(0.3)
    assert request.is_alive()  # a request made during the warm-up waits for it ...
    gated.gate.set()
    request.join(10)
    warm_up.join(10)
    assert not request.is_alive() and not warm_up.is_alive()
    for query, body in expected.items():  # ... and gets exactly what an eager start serves
        assert served[query].body == body.body, query
        assert served[query].etag == body.etag and served[query].last_modified == body.last_modified
    assert lazy.renders == eager.renders == 8  # each event rendered once, not once per thread


def test_filtered_feeds_hold_what_the_store_lists(store: EventStore) -> None:
    store.upsert(read_event_files([FIXTURES / "events.json", FIXTURES / "events.csv", FIXTURES / "week_ahead.ics"]), origin="import")
    store.set_status("json-ipo@example.com", "cancelled")
    cache = FeedCache(store, poll_seconds=0)
    for query in QUERIES:
        body = Calendar.from_ical(cache.get(query).body)
        served = [str(e["UID"]) for e in body.walk("VEVENT")]
        listed = [e.uid for e in store.list_events(query.to_filter())]
        assert sorted(served) == sorted(listed) and listed, query


def test_feed_leaves_round_trip_fields_to_export(store: EventStore) -> None:
    store.upsert(read_event_files([FIXTURES / "events.json"]), origin="import")
    feed = FeedCache(store, poll_seconds=0).get(FeedQuery()).body
    export = FeedCache(store, poll_seconds=0, roundtrip=True).get(FeedQuery()).body
    assert b"X-CALENDAR-DAEMON-" not in feed and b"\r\nCREATED:" not in feed
    for prop in (b"X-CALENDAR-DAEMON-PRECISION:", b"X-CALENDAR-DAEMON-TIMEZONE:", b"X-CALENDAR-DAEMON-SOURCES:", b"\r\nCREATED:"):
        assert export.count(prop) == feed.count(b"BEGIN:VEVENT"), prop
    for event in Calendar.from_ical(feed).walk("VEVENT"):  # what subscribers read is still there
        description = str(event["DESCRIPTION"])
        assert "Importance: " in description and "Region: " in description and "Precision: " in description
        assert "Sources:" in description, event["UID"]


class ChunkCountingStore(EventStore):
    """The real store, recording the size of each chunk the feed cache reads."""

    def __init__(self, store: EventStore) -> None:
        super().__init__(store.engine)
        self.chunks: list[int] = []

    def iter_changed_since(self, version: int, chunk: int = 1000) -> Iterator[list[Event]]:
        for rows in super().iter_changed_since(version, chunk):
            self.chunks.append(len(rows))
            yield rows


def test_first_fill_reads_a_large_calendar_in_bounded_chunks(store: EventStore) -> None:
    records = [normalize({"uid": f"bulk-{i:05d}@test", "title": f"Bulk {i}", "category": "macro_data", "region": "US",
                          "start": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}", "timezone": "UTC"}) for i in range(2_345)]  # fmt: skip
    store.upsert(records, origin="import")
    counting = ChunkCountingStore(store)
    body = FeedCache(counting, poll_seconds=0).get(FeedQuery())
    assert counting.chunks == [1000, 1000, 345]  # never every row object at once
    served = {str(c["UID"]) for c in Calendar.from_ical(body.body).walk("VEVENT")}
    assert served == {r.uid for r in records}
    assert body.etag == FeedCache(store, poll_seconds=0).get(FeedQuery()).etag  # same feed as any other reader
