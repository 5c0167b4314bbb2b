"""Distinct feed filters cannot exhaust memory or disk: unknown regions answer 400 (422 in the API) with
the valid ones, filtered bodies live in a bounded least-recently-used cache, and the real daemon's RSS
stays flat across 2,000 distinct filtered GETs."""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from calendar_daemon.domain.records import normalize
from calendar_daemon.domain.vocabulary import CATEGORIES
from calendar_daemon.feed.cache import FeedCache, FeedQuery
from calendar_daemon.intake.submit import submit
from calendar_daemon.store.db import open_engine
from calendar_daemon.store.events import EventStore
from tests.helpers import DaemonProcess, free_port, invoke_cli, write_config

REGIONS = ("US", "CN", "EU", "SG")  # SG is no common region: valid because events have it
CACHE_MB = 2
# Growth allowed across the 2,000 GETs after warm-up: the cache's own bound plus 24 MB for what a Python
# process does not give back at once (allocator arenas and free lists, uvicorn/h11 buffers). The old
# unbounded cache kept every body: 2,000 bodies of ~100-300 KB, i.e. several hundred MB.
RSS_GROWTH_LIMIT_KB = (CACHE_MB + 24) * 1024


def record(index: int) -> dict[str, Any]:
    return {
        "uid": f"bounded-{index:05d}@test", "title": f"Event number {index}",
        "description": "Rate decision, press conference afterwards. " * 4,
        "category": CATEGORIES[index % len(CATEGORIES)], "region": REGIONS[index % len(REGIONS)],
        "importance": 1 + index % 3, "timezone": "America/New_York",
        "start": f"2026-{1 + index % 12:02d}-{1 + index % 28:02d}T{8 + index % 10:02d}:30:00",
    }  # fmt: skip


def category_subsets() -> Iterator[tuple[str, ...]]:
    """Distinct category filters, largest first (the heaviest bodies)."""
    for size in range(len(CATEGORIES), 0, -1):
        yield from itertools.combinations(CATEGORIES, size)


def open_body_files(pid: int, directory: Path) -> int:
    count = 0
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except FileNotFoundError:
            continue
        count += target.startswith(f"{directory}/") and target.endswith(" (deleted)")
    return count


def test_filtered_bodies_are_bounded_lru_and_evicted_files_close(tmp_path: Path) -> None:
    store = EventStore(open_engine(f"sqlite:///{tmp_path / 'calendar.db'}"))
    store.initialise()
    submit(store, [normalize(record(i)) for i in range(600)], origin="test")
    limit = 1024 * 1024  # a few filtered bodies (each up to ~300 KB here), far fewer than the 300 asked for
    cache = FeedCache(store, poll_seconds=0, max_body_memory=0, body_dir=str(tmp_path), max_filtered_bytes=limit)
    everything = cache.get(FeedQuery())
    queries = [FeedQuery(categories=subset) for subset in itertools.islice(category_subsets(), 300)]
    held = cache.get(queries[0])  # a response still streaming this body keeps its file open
    for query in queries[1:]:
        assert cache.get(query).size > 0
        assert cache.filtered_bytes <= limit
    assert cache.get(FeedQuery()) is everything  # the unfiltered body is always kept
    assert cache.get(queries[-1]) is cache.get(queries[-1])  # recently used: still cached
    # Only the kept bodies (and the one still held) have files: evicted ones closed theirs.
    kept = len(cache._bodies)
    assert 1 < kept < len(queries) // 10  # most were evicted
    assert open_body_files(os.getpid(), tmp_path) == kept + 1
    assert held.chunks().__next__()  # still readable
    del held
    assert open_body_files(os.getpid(), tmp_path) == kept
    store.engine.dispose()


@pytest.fixture(scope="module")
def daemon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DaemonProcess]:
    """800 events over four regions and every category (a ~500 KB feed), filtered bodies capped at 2 MB."""
    root = tmp_path_factory.mktemp("bounded")
    seeds = root / "no-seeds"
    seeds.mkdir()
    events = root / "events.json"
    events.write_text(json.dumps([record(i) for i in range(800)]), encoding="utf-8")
    db = f"sqlite:///{root / 'calendar.db'}"
    assert invoke_cli("import", str(events), db=db).returncode == 0
    config = write_config(root / "calendar-daemon.toml", port=free_port(), seeds_path=seeds)
    text = config.read_text(encoding="utf-8").replace("[feed]\n", f"[feed]\nmax_filtered_bodies_mb = {CACHE_MB}\n")
    config.write_text(text, encoding="utf-8")
    with DaemonProcess(config, db) as process:
        yield process


def test_unknown_regions_and_categories_are_refused(daemon: DaemonProcess) -> None:
    for params in ({"region": "CN,US,ZZ0"}, {"region": "cn,us,de$1"}, {"region": "x" * 40}):
        response = daemon.get("/calendar.ics", params=params)
        assert response.status_code == 400, params
        detail = response.text
        assert "unknown region" in detail and "CN" in detail and "SG" in detail and "GLOBAL" in detail, detail
    bad_category = daemon.get("/calendar.ics", params={"category": "astrology"})
    assert bad_category.status_code == 400 and "central_bank" in bad_category.text
    listing = httpx.get(daemon.base_url + "/api/v1/events", params={"region": "ZZ"}, timeout=10)
    assert listing.status_code == 422
    [error] = listing.json()["errors"]
    assert error["field"] == "region" and "SG" in error["message"]
    # Stored regions (any case) and the common ones are valid, with or without events.
    for region in ("sg", "CN,US", "JP"):
        assert daemon.get("/calendar.ics", params={"region": region}).status_code == 200, region
        assert httpx.get(daemon.base_url + "/api/v1/events", params={"region": region}, timeout=10).status_code == 200


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def test_rss_stays_flat_across_2000_distinct_filtered_gets(daemon: DaemonProcess) -> None:
    assert daemon.process is not None
    queries = [
        {"category": ",".join(subset), "region": region, "min_importance": importance}
        for subset in category_subsets()
        for region, importance in (("US,CN,EU,SG", "1"), ("US,CN,EU,SG", "2"))
    ]
    assert len(queries) >= 2_200
    with httpx.Client(base_url=daemon.base_url, timeout=30) as client:
        for params in queries[:200]:  # warm-up: the cache full, the allocator's arenas in use
            assert client.get("/calendar.ics", params=params).status_code == 200
        before = rss_kb(daemon.process.pid)
        served = 0
        for params in queries[200:2_200]:
            response = client.get("/calendar.ics", params=params)
            assert response.status_code == 200
            served += len(response.content)
        after = rss_kb(daemon.process.pid)
    assert served > 100 * CACHE_MB * 1024 * 1024  # far more than the cache may keep
    print(f"RSS before {before} kB, after {after} kB, served {served} bytes")
    assert after - before < RSS_GROWTH_LIMIT_KB, (before, after)
