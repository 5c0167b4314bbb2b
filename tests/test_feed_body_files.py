"""Feed bodies above ``[feed] max_body_memory_mb`` live in unlinked temporary files.

What a client sees must not change: the real daemon serves a file-backed feed with the same bytes,
ETag, 304 and HEAD answers as the in-memory one. The files sit in the state directory, and each is
closed once neither the cache nor a reader holds its body (no descriptor leak across many edits).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from calendar_daemon.config.sections import DisplayConfig
from calendar_daemon.daemon import feed_body_directory
from calendar_daemon.domain.records import normalize
from calendar_daemon.feed.body import CHUNK, BodyFiles, FileBody, body_bytes
from calendar_daemon.feed.cache import FeedCache, FeedQuery
from calendar_daemon.store.db import open_engine
from calendar_daemon.store.events import EventFilter, EventStore
from tests.helpers import DaemonProcess, free_port, invoke_cli, write_config

CATEGORIES = ("central_bank", "macro_data", "ipo", "earnings")
IPO = FeedQuery(categories=("ipo",))


def record(index: int, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "uid": f"body-{index:05d}@test",
        "title": f"Event number {index}" if index % 2 else f"事件{index}号",
        "description": "Rate decision, press conference afterwards. " * 4,
        "category": CATEGORIES[index % 4],
        "region": ("US", "CN", "EU")[index % 3],
        "importance": 1 + index % 3,
        "timezone": "America/New_York",
        "start": f"2026-{1 + index % 12:02d}-{1 + index % 28:02d}T{8 + index % 10:02d}:30:00",
    }
    data.update(changes)
    return data


def body_files(pid: int | str, directory: Path) -> list[str]:
    """The open descriptors of process ``pid`` on unlinked files in ``directory``."""
    found = []
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except FileNotFoundError:  # closed meanwhile (the listing's own descriptor)
            continue
        if target.startswith(f"{directory}/") and target.endswith(" (deleted)"):
            found.append(target)
    return found


@pytest.fixture(scope="module")
def big_daemon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DaemonProcess]:
    """A daemon whose bodies above 64 KB go to files: 3,000 events, a ~1.7 MB feed (two 1 MB chunks)."""
    root = tmp_path_factory.mktemp("big")
    seeds = root / "no-seeds"
    seeds.mkdir()
    events = root / "events.json"
    events.write_text(json.dumps([record(i) for i in range(3000)] + [record(9000, category="bond")]), encoding="utf-8")
    db = f"sqlite:///{root / 'state' / 'calendar.db'}"
    (root / "state").mkdir()
    assert invoke_cli("import", str(events), db=db).returncode == 0
    config = write_config(root / "calendar-daemon.toml", port=free_port(), seeds_path=seeds, extra="""
[[feeds]]
name = "ipo-desk"
categories = ["ipo"]
token = "ipo-desk-token-3f9c1e77"
""")  # fmt: skip
    text = config.read_text(encoding="utf-8").replace("[feed]\n", "[feed]\nmax_body_memory_mb = 0.0625\n")
    config.write_text(text, encoding="utf-8")
    with DaemonProcess(config, db) as process:
        yield process


def in_memory(db: str, query: FeedQuery) -> tuple[bytes, str]:
    """The body and ETag the cache gives with the default limit (the body in memory), worded in the
    default display locale as the daemons here are."""
    store = EventStore(open_engine(db))
    served = FeedCache(store, poll_seconds=0, locale=DisplayConfig().locale).get(query)
    store.engine.dispose()
    assert isinstance(served.body, bytes)
    return served.body, served.etag


@pytest.mark.parametrize(
    ("path", "query"),
    # Each with the name its route gives it (a filtered feed is named after its filter).
    [("/calendar.ics", FeedQuery()), ("/calendar.ics?category=ipo", replace(IPO, title="Market calendar · ipo")),
     ("/feeds/ipo-desk.ics?token=ipo-desk-token-3f9c1e77", replace(IPO, title="Market calendar · ipo-desk"))],
    ids=["unfiltered", "filtered", "named-private"],
)  # fmt: skip
def test_file_backed_feed_is_served_as_the_in_memory_one(big_daemon: DaemonProcess, path: str, query: FeedQuery) -> None:
    body, etag = in_memory(big_daemon.db, query)
    assert len(body) > 64 * 1024
    response = big_daemon.get(path)
    assert response.status_code == 200
    assert response.content == body
    assert response.headers["etag"] == etag
    assert response.headers["content-length"] == str(len(body)) and "transfer-encoding" not in response.headers
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert big_daemon.get(path, headers={"If-None-Match": etag}).status_code == 304
    assert big_daemon.get(path, headers={"If-Modified-Since": response.headers["last-modified"]}).status_code == 304
    head = httpx.head(big_daemon.base_url + path, timeout=10)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == str(len(body)) and head.headers["etag"] == etag
    # Served from unlinked files beside the SQLite file, not from memory.
    assert big_daemon.process is not None
    assert body_files(big_daemon.process.pid, Path(big_daemon.db.removeprefix("sqlite:///")).parent)


def test_unfiltered_body_spans_several_chunks(big_daemon: DaemonProcess) -> None:
    body, _etag = in_memory(big_daemon.db, FeedQuery())
    assert len(body) > CHUNK  # the streamed response above was sent in more than one read
    small = big_daemon.get("/calendar.ics?category=bond")  # one event: below the limit, in memory
    assert small.status_code == 200 and small.content == in_memory(big_daemon.db, FeedQuery(categories=("bond",), title="Market calendar · bond"))[0]


def test_fifty_edits_leave_no_open_files(tmp_path: Path) -> None:
    store = EventStore(open_engine(f"sqlite:///{tmp_path / 'calendar.db'}"))
    store.initialise()
    store.upsert([normalize(record(i)) for i in range(200)], origin="test")
    bodies = tmp_path / "bodies"
    bodies.mkdir()
    cache = FeedCache(store, poll_seconds=0, max_body_memory=8 * 1024, body_dir=str(bodies))

    def serve() -> None:
        assert isinstance(cache.get(FeedQuery()).body, FileBody)
        assert isinstance(cache.get(IPO).body, FileBody)
        cache.filtered(EventFilter(start=datetime(2026, 3, 1)))  # export: built, handed over, dropped

    serve()
    baseline = len(os.listdir("/proc/self/fd"))
    assert len(body_files("self", bodies)) == 2  # the unfiltered body and the cached filtered one
    held = cache.get(FeedQuery())  # as a response still streaming it would
    before = held.read()
    for step in range(50):
        store.upsert([normalize(record(step * 3 % 200, title=f"Edit {step}"))], origin="test")
        if step % 10 == 3:
            store.delete(f"body-{step:05d}@test")
        serve()
    assert len(os.listdir("/proc/self/fd")) == baseline + 1  # + the held body
    assert len(body_files("self", bodies)) == 3
    assert held.read() == before  # still readable, unchanged, while held
    assert cache.get(FeedQuery()).read() != before
    del held
    assert len(os.listdir("/proc/self/fd")) == baseline
    assert len(body_files("self", bodies)) == 2


def test_filtered_feed_above_the_limit_matches_the_in_memory_one(tmp_path: Path) -> None:
    store = EventStore(open_engine(f"sqlite:///{tmp_path / 'calendar.db'}"))
    store.initialise()
    store.upsert([normalize(record(i)) for i in range(120)], origin="test")
    small = FeedCache(store, poll_seconds=0, max_body_memory=4096)
    large = FeedCache(store, poll_seconds=0)
    for query in (IPO, FeedQuery(regions=("CN",), min_importance=2)):
        spilled, kept = small.get(query), large.get(query)
        assert isinstance(spilled.body, FileBody) and isinstance(kept.body, bytes)
        assert spilled.read() == kept.body and spilled.size == len(kept.body)
        assert (spilled.etag, spilled.last_modified, spilled.event_count) == (kept.etag, kept.last_modified, kept.event_count)
        assert b"".join(spilled.chunks()) == kept.body
    tiny = small.get(FeedQuery(categories=("bond",)))  # nothing matches: header and footer, in memory
    assert isinstance(tiny.body, bytes) and tiny.event_count == 0


def test_export_writes_what_a_file_backed_round_trip_feed_holds(tmp_path: Path) -> None:
    """``export`` renders the store's events itself (no feed cache); what it writes is byte for byte
    the round-trip body a feed cache keeps in a file, unfiltered and filtered."""
    db = f"sqlite:///{tmp_path / 'calendar.db'}"
    events = tmp_path / "events.json"
    events.write_text(json.dumps([record(i) for i in range(150)]), encoding="utf-8")
    assert invoke_cli("import", str(events), db=db).returncode == 0
    store = EventStore(open_engine(db))
    cache = FeedCache(store, roundtrip=True, max_body_memory=0, body_dir=str(tmp_path))
    for args, flt in (((), EventFilter()), (("--region", "US"), EventFilter(regions=("US",)))):
        exported = invoke_cli("export", *args, "-o", str(tmp_path / "export.ics"), db=db)
        assert exported.returncode == 0, exported.stderr
        body = cache.filtered(flt)
        assert isinstance(body.body, FileBody), "the limit of 0 keeps every body in a file"
        assert (tmp_path / "export.ics").read_bytes() == b"".join(body.chunks()), args
        assert (tmp_path / "export.ics").read_bytes().count(b"BEGIN:VEVENT") > 20


def test_body_files_go_beside_the_sqlite_file_or_to_the_state_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STATE_DIRECTORY", raising=False)
    assert feed_body_directory(open_engine(f"sqlite:///{tmp_path / 'state' / 'calendar.db'}")) == str(tmp_path / "state")
    assert feed_body_directory(open_engine("sqlite://")) is None  # in memory: the system's temporary directory
    monkeypatch.setenv("STATE_DIRECTORY", f"{tmp_path / 'systemd'}:{tmp_path / 'other'}")
    assert feed_body_directory(open_engine("sqlite://")) == str(tmp_path / "systemd")
    assert feed_body_directory(open_engine(f"sqlite:///{tmp_path / 'db' / 'c.db'}")) == str(tmp_path / "db")


@pytest.mark.parametrize("expected", [None, 0, 10 * CHUNK], ids=["unknown-size", "expected-small", "expected-large"])
def test_a_body_is_bytes_exactly_when_it_fits_the_limit(tmp_path: Path, expected: int | None) -> None:
    """However the writer guessed (a file after the first chunk, or memory), the result follows the size."""
    files = BodyFiles(limit=3 * CHUNK, directory=str(tmp_path))
    blocks = [f"BEGIN:VEVENT\r\nUID:{i}@t\r\nEND:VEVENT\r\n".encode() * 20 for i in range(8000)]  # ~5.8 MB
    for count in (len(blocks) // 2, len(blocks)):  # ~2.9 MB (fits), ~5.8 MB (does not)
        writer = files.writer(expected)
        for block in blocks[:count]:
            writer.write(block)
        body, wanted = writer.finish(), b"".join(blocks[:count])
        assert isinstance(body, bytes) == (len(wanted) <= files.limit), count
        assert body_bytes(body) == wanted
        assert len(body_files("self", tmp_path)) == (0 if isinstance(body, bytes) else 1)  # a read-back file is closed
        del body
