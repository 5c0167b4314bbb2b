"""After any sequence of edits, the feed cache serves exactly the feed the store's events define.

The cache keeps one body and patches it from slices on each change; these tests compare what it
serves after inserts, edits, moves, deletions, status changes and re-inserts with the feed built
from scratch out of the store: the blocks of the matching events in (start, UID) order between the
header and the footer, and the ETag over the header and the blocks' digests. The edit tests run with
bodies in memory and, with the size limit forced tiny, in temporary files (copied file to file by the
kernel, or in chunks where it cannot).
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from calendar_daemon.domain.records import normalize
from calendar_daemon.feed.body import DEFAULT_MAX_BODY_MEMORY, BodyWriter, FileBody
from calendar_daemon.feed.cache import FEED_STATUSES, FeedBody, FeedCache, FeedQuery
from calendar_daemon.feed.vevent import render_vevent
from calendar_daemon.store.db import open_engine
from calendar_daemon.store.events import EventFilter, EventStore
from calendar_daemon.store.models import Event

QUERIES = (
    FeedQuery(), FeedQuery(categories=("ipo",)), FeedQuery(categories=("central_bank", "earnings")),
    FeedQuery(regions=("CN",)), FeedQuery(min_importance=3), FeedQuery(regions=("US", "EU"), min_importance=2),
    FeedQuery(entities=("Fed",)), FeedQuery(entities=("kweichow moutai", "Nvidia")),
)  # fmt: skip
CATEGORIES = ("central_bank", "macro_data", "ipo", "earnings")
ENTITIES = ((), ("Fed",), ("Kweichow Moutai",), ("NVIDIA", "Fed"), ("Bank of Japan",))


@dataclass
class Clock:
    now: datetime = datetime(2026, 1, 25, 12, 0, 0)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=7)
        return self.now


def record(index: int, rng: random.Random, **changes: Any) -> dict[str, Any]:
    day, hour = rng.randint(1, 6), rng.choice([8, 9, 9, 14])  # few distinct starts: many ties broken by UID
    data: dict[str, Any] = {
        # UIDs whose code point order differs from a linguistic collation's (case, punctuation).
        "uid": rng.choice(["Ev", "ev", "e-v", "E_v"]) + f"{index:03d}@test",
        "title": f"Event {index} v{rng.randint(1, 999)}" if index % 3 else f"事件{index} 第{rng.randint(1, 99)}版",
        "description": rng.choice(["", "Rate decision.", "新股申购"]),
        "category": rng.choice(CATEGORIES),
        "region": rng.choice(["US", "CN", "EU"]),
        "importance": rng.randint(1, 3),
        "entities": list(rng.choice(ENTITIES)),
        "timezone": "America/New_York",
        "start": f"2026-03-{day:02d}" if index % 5 == 0 else f"2026-03-{day:02d}T{hour:02d}:30:00",
    }
    data.update(changes)
    return data


def expected_feed(cache: FeedCache, store: EventStore, flt: EventFilter) -> tuple[bytes, str]:
    """The feed by its definition: every stored event ``flt`` matches, rendered, in (start, UID) order."""
    events = [e for e in store.list_events(EventFilter(statuses=FEED_STATUSES)) if flt.matches(e)]
    events.sort(key=lambda e: (e.sort_start, e.uid))  # code point order, whatever the database's collation
    blocks = [render_vevent(e) for e in events]
    header = cache.header()
    digests = b"".join(hashlib.sha256(block).digest() for block in blocks)
    etag = '"' + hashlib.sha256(header + digests).hexdigest()[:32] + '"'
    return header + b"".join(blocks) + b"END:VCALENDAR\r\n", etag


def assert_serves_the_store(cache: FeedCache, store: EventStore, step: str) -> None:
    fresh = FeedCache(store, poll_seconds=0)
    for query in QUERIES:
        served = cache.get(query)
        body, etag = expected_feed(cache, store, query.to_filter())
        assert isinstance(served.body, FileBody) == (len(body) > cache.max_body_memory), (step, query)
        assert served.size == len(body) and served.read() == body, (step, query)
        assert served.etag == etag == fresh.get(query).etag, (step, query)
        assert served.event_count == body.count(b"BEGIN:VEVENT"), (step, query)


def uids(body: FeedBody) -> list[str]:
    return [str(e["UID"]) for e in Calendar.from_ical(body.read()).walk("VEVENT")]


@pytest.fixture
def edit_store(any_db_url: str) -> Iterator[EventStore]:
    store = EventStore(open_engine(any_db_url), clock=Clock())
    store.initialise()
    yield store
    store.engine.dispose()


# Where bodies live: in memory (the default limit), in files above 2 KB (the unfiltered feed and most
# filtered ones; the smallest filtered ones stay in memory), and the same with the kernel's
# copy_file_range unavailable, so runs are copied in pread/write chunks.
BODY_LIMITS = pytest.mark.parametrize(
    "body_limit", [(DEFAULT_MAX_BODY_MEMORY, True), (2048, True), (2048, False)],
    ids=["in-memory", "file-backed", "file-backed-chunked-copies"], indirect=True,
)  # fmt: skip


@pytest.fixture
def body_limit(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """The cache's ``max_body_memory``; copy_file_range turned off where the parameter says so."""
    max_body_memory, copy_file_range = request.param
    monkeypatch.setattr(BodyWriter, "copy_file_range", copy_file_range and BodyWriter.copy_file_range)
    return int(max_body_memory)


@BODY_LIMITS
def test_random_edits_leave_the_same_feed_as_a_fresh_build(edit_store: EventStore, body_limit: int, tmp_path: Path) -> None:
    store, rng = edit_store, random.Random(20261129)
    live = {i: record(i, rng) for i in range(60)}
    store.upsert([normalize(r) for r in live.values()], origin="test")
    cache = FeedCache(store, poll_seconds=0, max_body_memory=body_limit, body_dir=str(tmp_path))
    assert_serves_the_store(cache, store, "first fill")
    deleted: dict[int, dict[str, Any]] = {}
    next_index = 60
    for step in range(40):
        batch: list[dict[str, Any]] = []
        for _ in range(rng.choice([1, 1, 2, 5])):  # several changes in one data version, too
            action = rng.choice(["edit", "move", "insert", "delete", "status", "hide", "restore"])
            index = rng.choice(sorted(live))
            uid = live[index]["uid"]
            if action == "edit":
                live[index] = {**live[index], "title": f"Edited {step}", "entities": list(rng.choice(ENTITIES))}
                batch.append(live[index])
            elif action == "move":
                moved = record(index, rng, uid=uid, title=live[index]["title"])
                live[index] = moved
                batch.append(moved)
            elif action == "insert":
                live[next_index] = record(next_index, rng)
                batch.append(live[next_index])
                next_index += 1
            elif action == "delete" and not any(r["uid"] == uid for r in batch):
                deleted[index] = live.pop(index)
                store.delete(uid)
            elif action == "status" and not any(r["uid"] == uid for r in batch):
                store.set_status(uid, rng.choice(["cancelled", "tentative", "confirmed"]))
            elif action == "hide" and not any(r["uid"] == uid for r in batch):
                store.set_status(uid, "proposed")  # a status the feed does not serve: it leaves the feed
                deleted[index] = live.pop(index)
            elif action == "restore" and deleted:
                back = rng.choice(sorted(deleted))
                live[back] = {**deleted.pop(back), "status": "confirmed", "title": f"Back at {step}"}
                batch.append(live[back])
        if batch:
            store.upsert([normalize(r) for r in {r["uid"]: r for r in batch}.values()], origin="test")
        assert_serves_the_store(cache, store, f"step {step}")
    assert len(uids(cache.get(FeedQuery()))) == len(live)


def test_edits_keep_the_feed_in_start_then_uid_order(store: EventStore) -> None:
    """Events with the same start are ordered by UID; a moved event takes its new place among them."""
    same = {"start": "2026-04-01T09:30:00", "timezone": "UTC", "category": "macro_data", "region": "US"}
    store.upsert([normalize({"uid": f"{name}@t", "title": name, **same}) for name in ("b", "d", "f")], origin="test")
    cache = FeedCache(store, poll_seconds=0)
    assert uids(cache.get(FeedQuery())) == ["b@t", "d@t", "f@t"]
    store.upsert([normalize({"uid": "e@t", "title": "e", **same}), normalize({"uid": "a@t", "title": "a", **same})], origin="test")
    assert uids(cache.get(FeedQuery())) == ["a@t", "b@t", "d@t", "e@t", "f@t"]
    earlier = {**same, "start": "2026-04-01T09:00:00"}
    store.upsert([normalize({"uid": "f@t", "title": "f", **earlier})], origin="test")
    assert uids(cache.get(FeedQuery())) == ["f@t", "a@t", "b@t", "d@t", "e@t"]
    store.delete("b@t")
    store.upsert([normalize({"uid": "c@t", "title": "c", **same})], origin="test")
    assert uids(cache.get(FeedQuery())) == ["f@t", "a@t", "c@t", "d@t", "e@t"]


class ReversedStore(EventStore):
    """The real store, handing over the whole calendar in reverse feed order (another database's
    collation, say): the cache must still serve the feed in its own order."""

    def iter_changed_since(self, version: int, chunk: int = 1000) -> Iterator[list[Event]]:
        rows = [row for part in super().iter_changed_since(version, chunk) for row in part]
        rows.reverse()
        for start in range(0, len(rows), chunk):
            yield rows[start : start + chunk]


@BODY_LIMITS
def test_first_fill_out_of_feed_order_serves_the_same_feed(store: EventStore, body_limit: int) -> None:
    rng = random.Random(7)
    store.upsert([normalize(record(i, rng)) for i in range(30)], origin="test")
    reversed_cache = FeedCache(ReversedStore(store.engine), poll_seconds=0, max_body_memory=body_limit)
    assert_serves_the_store(reversed_cache, store, "reversed first fill")


@BODY_LIMITS
def test_export_filters_with_dates_and_text_match_the_store(store: EventStore, body_limit: int) -> None:
    rng = random.Random(3)
    store.upsert([normalize(record(i, rng)) for i in range(40)], origin="test")
    store.delete(store.list_events()[5].uid)  # a tombstone, served by no filter
    cache = FeedCache(store, poll_seconds=0, roundtrip=True, max_body_memory=body_limit)
    filters = [
        EventFilter(start=datetime(2026, 3, 3), end=datetime(2026, 3, 5)),
        EventFilter(start=datetime(2026, 3, 2, 13, 30), categories=["ipo", "earnings"]),
        EventFilter(query="EVENT 1"), EventFilter(query="新股", regions=["cn"]), EventFilter(query="moutai"),
        EventFilter(end=datetime(2026, 3, 2), statuses=("confirmed",)),
    ]  # fmt: skip
    for flt in filters:
        events = sorted((e for e in store.list_events(EventFilter(statuses=FEED_STATUSES)) if flt.matches(e)),
                        key=lambda e: (e.sort_start, e.uid))  # fmt: skip
        body = cache.filtered(flt)
        assert uids(body) == [e.uid for e in events] and events, flt
        assert body.read() == cache.header() + b"".join(render_vevent(e, roundtrip=True) for e in events) + b"END:VCALENDAR\r\n"


def test_last_modified_of_a_text_filter_counts_only_deletions_it_matched(store: EventStore) -> None:
    clock = Clock()
    store.clock = clock
    ipo = {"category": "ipo", "region": "CN", "start": "2026-03-02", "timezone": "Asia/Shanghai"}
    store.upsert([normalize({"uid": "alpha@t", "title": "Alpha listing", **ipo}),
                  normalize({"uid": "beta@t", "title": "Beta listing", **ipo})], origin="test")  # fmt: skip
    listed = clock.now
    store.delete("beta@t")
    deleted_at = clock.now
    cache = FeedCache(store, poll_seconds=0)
    alpha = cache.filtered(EventFilter(categories=["ipo"], query="alpha"))
    assert uids(alpha) == ["alpha@t"] and alpha.last_modified == listed  # the deletion was not in this feed
    beta = cache.filtered(EventFilter(categories=["ipo"], query="BETA"))
    assert uids(beta) == [] and beta.last_modified == deleted_at  # ... but was in this one


@BODY_LIMITS
def test_a_body_served_before_an_edit_keeps_its_bytes(store: EventStore, body_limit: int, tmp_path: Path) -> None:
    """An edit changes the cache's columns in place; a response still streaming the body it was given
    before the edit (an old FeedBody) reads the old feed to its end, and the next request the new one."""
    rng = random.Random(11)
    events = {i: record(i, rng) for i in range(40)}
    store.upsert([normalize(r) for r in events.values()], origin="test")
    cache = FeedCache(store, poll_seconds=0, max_body_memory=body_limit, body_dir=str(tmp_path))
    before = {query: cache.get(query) for query in QUERIES}
    expected = {query: expected_feed(cache, store, query.to_filter())[0] for query in QUERIES}
    streaming = {query: body.chunks() for query, body in before.items()}
    started = {query: next(chunks, b"") for query, chunks in streaming.items()}  # the responses have begun
    store.upsert([normalize({**events[3], "title": "Edited", "start": "2026-03-09T10:30:00"}), normalize(record(99, rng))], origin="test")
    store.delete(events[5]["uid"])
    assert_serves_the_store(cache, store, "after the edit")
    for query in QUERIES:
        assert started[query] + b"".join(streaming[query]) == expected[query], query
        assert before[query].read() == expected[query], query
    assert before[FeedQuery()].read() != cache.get(FeedQuery()).read()  # the edit did change the feed


def test_a_large_batch_of_changes_leaves_the_same_feed_as_a_fresh_build(store: EventStore) -> None:
    """Beyond SPLICE_LIMIT changes in one data version every column is rebuilt rather than edited in place."""
    rng = random.Random(5)
    events = {i: record(i, rng) for i in range(150)}
    store.upsert([normalize(r) for r in events.values()], origin="test")
    cache = FeedCache(store, poll_seconds=0)
    assert_serves_the_store(cache, store, "first fill")
    moved = [record(i, rng, uid=events[i]["uid"]) for i in range(0, 150, 2)]  # 75 moved or edited at once
    store.upsert([normalize(r) for r in moved] + [normalize(record(i, rng)) for i in range(150, 160)], origin="test")
    for i in range(1, 40, 3):
        store.delete(events[i]["uid"])
    assert_serves_the_store(cache, store, "after 98 changes")
