"""The scheduler benchmark's calendar: background events 2-360 days ahead, and the burst of events whose
"10 min before" alert falls due in one minute; the background database is built once a day and reused."""

from __future__ import annotations

import random
import sqlite3
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from calendar_daemon.domain.records import normalize  # noqa: E402
from calendar_daemon.intake.submit import submit  # noqa: E402
from calendar_daemon.store.db import open_engine  # noqa: E402
from calendar_daemon.store.events import EventStore  # noqa: E402

ZONES = ["America/New_York", "Europe/Berlin", "Asia/Shanghai", "Asia/Tokyo", "Asia/Hong_Kong", "Europe/London"]
CATEGORIES = ["central_bank", "macro_data", "liquidity", "lockup", "ipo", "earnings", "bond", "policy", "corporate"]
LEAD = timedelta(minutes=10)  # the burst alerts are the "10 min before" ones
CHUNK = 5000


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def background_events(count: int, now: datetime, seed: int = 11) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    events = []
    for i in range(count):
        start = now + timedelta(days=2 + rng.random() * 358)
        start = start.replace(second=0, microsecond=0, minute=rng.choice([0, 15, 30, 45]))
        events.append({
            "uid": f"bg-{i:06d}@bench.calendar-daemon", "title": f"{rng.choice(['美联储利率决议', 'US CPI', '限售股解禁'])} #{i}",
            "description": "Benchmark event; 基准测试事件.", "category": rng.choice(CATEGORIES), "importance": rng.randint(1, 3),
            "region": rng.choice(["CN", "US", "EU", "HK", "JP"]), "precision": "datetime", "timezone": rng.choice(ZONES),
            "start": start.replace(tzinfo=UTC).isoformat(),
            "sources": [{"outlet": "Bench Wire", "headline": f"Week ahead {i // 50}", "published": "2025-12-01T08:00:00+08:00"}],
        })  # fmt: skip
    return events


def burst_events(count: int, first_due: datetime, *, same_second: bool) -> tuple[list[dict[str, Any]], dict[str, datetime]]:
    """Events whose 10-minute alert falls due within one minute from ``first_due`` (whole seconds)."""
    events, due = [], {}
    for i in range(count):
        at = first_due if same_second else first_due + timedelta(seconds=(i * 60) // count)
        title = f"Burst {i:04d}"
        due[title] = at
        events.append({
            "uid": f"burst-{i:04d}@bench.calendar-daemon", "title": title, "category": "macro_data", "importance": 3,
            "region": "US", "precision": "datetime", "timezone": "America/New_York",
            "start": (at + LEAD).replace(tzinfo=UTC).isoformat(),
        })  # fmt: skip
    return events, due


def store_events(db_path: Path, events: list[dict[str, Any]]) -> None:
    engine = open_engine(f"sqlite:///{db_path}")
    store = EventStore(engine)
    store.initialise(migrate=True)
    for start in range(0, len(events), CHUNK):
        submit(store, [normalize(e) for e in events[start : start + CHUNK]], origin="import")
    engine.dispose()


def background_db(cache: Path, count: int) -> Path:
    """A database with ``count`` background events, built once per day and reused (building takes minutes)."""
    today = utcnow().date().isoformat()
    path = cache / f"scheduler-bg-{count}-{today}.db"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        for old in cache.glob(f"scheduler-bg-{count}-*.db*"):
            old.unlink()
        started = time.perf_counter()
        partial = path.with_suffix(".partial")
        for leftover in cache.glob(partial.name + "*"):
            leftover.unlink()
        store_events(partial, background_events(count, utcnow()))
        connection = sqlite3.connect(partial)
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.close()
        partial.rename(path)
        print(f"built {count} background events in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path
