"""Time limits the test suite used to assert, measured here instead (a busy machine made them fail).

Usage: PYTHONPATH=. python benchmarks/timings.py [--skip-extract] [--skip-daemon]

Prints, one line each: extraction of 10 MB of article-like text (the tests asserted < 20 s), each
pathological input (< 30 s), and how long ``calendar-daemon run`` takes from SIGTERM to exit, idle and
with a send stuck on a receiver that answers after 30 s (< 10 s: systemd must not have to kill it).
The tests keep asserting the behaviour (well-formed results, a clean exit, the stuck send released).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from calendar_daemon.sources.extract import extract, resolve_expression
from calendar_daemon.store.db import open_engine
from calendar_daemon.store.events import EventStore
from tests.alerting import add_events, daemon_config, ledger_rows, timed_event, utcnow
from tests.helpers import DaemonProcess, free_port, write_config
from tests.receiver import Receiver

PUB = datetime(2026, 1, 25, 12, 0, tzinfo=UTC)
UNIT = ("下周将公布中国1月官方制造业PMI数据 1月31日发行某某科技 2026年1月21日至2026年7月20日 "
        "<div>11810亿元 1600/1866 3.315 [1][4]</div> next Wednesday 8:30 a.m. ET 本港時間凌晨3時")
PATHOLOGICAL = ("1" * 200_000, "年" * 200_000, "1月" * 100_000, "[1]" * 100_000, "<" * 200_000,
                " " * 200_000 + "x", "Jan " * 50_000, "2026年至" * 30_000, "、" * 200_000)


def time_extract() -> None:
    big = (UNIT * (10_000_000 // len(UNIT) + 1))[:10_000_000]
    began = time.perf_counter()
    found = extract(big, published=PUB)
    print(f"extract 10 MB: {time.perf_counter() - began:.2f} s ({len(found)} candidates; the tests asserted < 20 s)")
    for chunk in PATHOLOGICAL:
        began = time.perf_counter()
        extract(chunk, published=PUB)
        resolve_expression(chunk[:5000], PUB, "Asia/Shanghai")
        print(f"pathological {chunk[:10]!r} x{len(chunk)}: {time.perf_counter() - began:.2f} s (asserted < 30 s)")


def time_stop(workdir: Path) -> None:
    seeds = workdir / "seeds"
    seeds.mkdir()
    db = f"sqlite:///{workdir / 'idle.db'}"
    with DaemonProcess(write_config(workdir / "idle.toml", port=free_port(), seeds_path=seeds), db) as daemon:
        began = time.monotonic()
        status = daemon.stop(timeout=60)
        print(f"SIGTERM to exit, idle daemon: {time.monotonic() - began:.2f} s (status {status}; asserted < 10 s)")
    db = f"sqlite:///{workdir / 'stuck.db'}"
    store = EventStore(open_engine(db))
    store.initialise()
    with Receiver() as slow:
        slow.delay = 30
        config = daemon_config(workdir, [{"name": "hook", "url": slow.url}],
                               [{"name": "soon", "channels": ["hook"], "before": ["1m"]}], send_timeout_seconds=30)
        with DaemonProcess(config, db) as daemon:
            add_events(store, timed_event("stuck", "Stuck", utcnow() + timedelta(seconds=62)))
            slow.wait_for(1, timeout=30)
            began = time.monotonic()
            status = daemon.stop(timeout=60)
            took = time.monotonic() - began
        rows = [r.status for r in ledger_rows(store)]
        print(f"SIGTERM to exit, send stuck on a 30 s receiver: {took:.2f} s (status {status}, ledger {rows}; asserted < 10 s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-extract", action="store_true")
    parser.add_argument("--skip-daemon", action="store_true")
    args = parser.parse_args()
    if not args.skip_extract:
        time_extract()
    if not args.skip_daemon:
        with tempfile.TemporaryDirectory() as tmp:
            time_stop(Path(tmp))


if __name__ == "__main__":
    main()
