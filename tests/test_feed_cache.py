"""The feed cache renders each event once per revision and does no per-event work for an unchanged feed."""

from __future__ import annotations

from calendar_daemon.feed import FeedCache, FeedQuery
from calendar_daemon.loaders import read_event_files
from calendar_daemon.records import normalize
from calendar_daemon.store import EventStore
from tests.conftest import FIXTURES


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
