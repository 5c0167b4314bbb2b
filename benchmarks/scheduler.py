"""Scheduler benchmark: start-up, memory and alert lateness with 100,000 events × three lead times.

The real daemon (``calendar-daemon run``) is started as a subprocess on a temporary SQLite file with
one apprise ``json://`` channel pointing at a loopback HTTP receiver in this process, and one rule
that alerts every event 1 d, 1 h and 10 min before it starts. The calendar holds:

* ``--events`` minus ``--burst`` timed events starting 2-360 days from now (all three leads in the
  future and inside the default 400-day horizon: three alerts each, the worst case for planning);
* ``--burst`` events whose "10 min before" alert falls due in one minute, ``--burst-after`` seconds
  after the daemon is launched (their 1 d and 1 h alerts are long past, so are not planned).

Measured:

* ready: time from launching the process to ``READY=1`` on ``$NOTIFY_SOCKET`` (a datagram socket
  this script listens on) and to the first ``GET /healthz`` answered 200;
* phases, from the daemon's own log timestamps: catch-up and planning (``planned alerts ...`` line);
  the feed render is measured separately in-process (``FeedCache.sync``, the same code start-up runs);
* peak RSS of the daemon process (``VmHWM`` in ``/proc/PID/status`` at the end of the run);
* lateness of each burst alert: receipt time at the receiver minus its due time; p50, p99, max;
* a warm restart (SIGTERM, start again, nothing changed): ready time, peak RSS, that nothing is
  re-planned and no alert arrives twice.

With ``--seeds`` (the default, as users run it) the daemon loads the bundled seed calendar on its
first start, as the default configuration does; ``--no-seeds`` turns that off. ``--feed`` also
times the feed: the first GET, a warm one and the first after an edit from another process.

Usage: python benchmarks/scheduler.py [--events 100000] [--burst 1000] [--same-second] [--no-seeds] [--feed] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from calendar_daemon.domain.records import normalize  # noqa: E402
from calendar_daemon.feed.cache import FeedCache  # noqa: E402
from calendar_daemon.intake.submit import submit  # noqa: E402
from calendar_daemon.store.db import open_engine  # noqa: E402
from calendar_daemon.store.events import EventStore  # noqa: E402
from tests.helpers import cli_env, free_port, write_config  # noqa: E402
from tests.receiver import Receiver  # noqa: E402

ZONES = ["America/New_York", "Europe/Berlin", "Asia/Shanghai", "Asia/Tokyo", "Asia/Hong_Kong", "Europe/London"]
CATEGORIES = ["central_bank", "macro_data", "liquidity", "lockup", "ipo", "earnings", "bond", "policy", "corporate"]
LEAD = timedelta(minutes=10)  # the burst alerts are the "10 min before" ones
CHUNK = 5000
LOG_TIME = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) ")


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


class NotifyListener:
    """A ``$NOTIFY_SOCKET`` stand-in: records when each sd_notify message arrives."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.path)
        self.sock.settimeout(0.2)
        self.messages: list[tuple[float, str]] = []
        self._stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self._stop:
            try:
                data = self.sock.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            self.messages.append((time.time(), data.decode()))

    def first(self, text: str, after: float) -> float | None:
        return next((at for at, message in self.messages if at >= after and text in message), None)

    def close(self) -> None:
        self._stop = True
        self.thread.join()
        self.sock.close()


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def log_times(log: Path, after: float) -> list[tuple[float, str]]:
    out = []
    for line in log.read_text(encoding="utf-8").splitlines():
        found = LOG_TIME.match(line)
        if found:
            at = datetime.strptime(found.group(1), "%Y-%m-%d %H:%M:%S,%f").timestamp()
            if at >= after - 1:
                out.append((at, line[found.end() :]))
    return out


def first_log(lines: list[tuple[float, str]], needle: str) -> float | None:
    return next((at for at, text in lines if needle in text), None)


class Run:
    """One launch of the daemon; ``start`` returns once /healthz answers 200."""

    def __init__(self, work: Path, config: Path, db: Path, listener: NotifyListener) -> None:
        self.work, self.config, self.db, self.listener = work, config, db, listener
        self.log = work / "daemon.log"
        self.port = int(config.read_text().split("port = ", 1)[1].split()[0])
        self.process: subprocess.Popen[bytes] | None = None
        self.launched = 0.0
        self.healthy = 0.0

    def start(self, timeout: float = 300) -> None:
        env = cli_env({"NOTIFY_SOCKET": self.listener.path})
        with self.log.open("a") as log:
            self.launched = time.time()
            self.process = subprocess.Popen(
                [sys.executable, "-m", "calendar_daemon", "--config", str(self.config), "--db", f"sqlite:///{self.db}", "run"],
                stdout=log, stderr=log, env=env,
            )  # fmt: skip
        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=2) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"daemon exited: {self.log.read_text()[-3000:]}")
                try:
                    if client.get(f"http://127.0.0.1:{self.port}/healthz").status_code == 200:
                        self.healthy = time.time()
                        return
                except httpx.TransportError:
                    pass
                time.sleep(0.02)
        raise RuntimeError("daemon did not become healthy")

    @property
    def ready(self) -> float:
        at = self.listener.first("READY=1", self.launched)
        return float("nan") if at is None else at - self.launched

    def peak_rss(self) -> float:
        assert self.process is not None
        return peak_rss_mb(self.process.pid)

    def stop(self) -> None:
        assert self.process is not None
        self.process.terminate()
        self.process.wait(30)


def ledger_count(db: Path) -> int:
    connection = sqlite3.connect(db)
    try:
        return int(connection.execute("SELECT count(*) FROM alert_ledger WHERE kind = 'alert'").fetchone()[0])
    finally:
        connection.close()


def wait_for_log(log: Path, needle: str, after: float, timeout: float) -> float | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        at = first_log(log_times(log, after), needle)
        if at is not None:
            return at
        time.sleep(0.2)
    return None


def wait_for_walk(log: Path, after: float, timeout: float) -> float | None:
    """When the planning walk reached the end of the horizon (its last log line does not say continuing)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = [(at, text) for at, text in log_times(log, after) if "planned alerts for" in text]
        if lines and "(continuing)" not in lines[-1][1]:
            return lines[-1][0]
        time.sleep(0.5)
    return None


def wal_size_mb(db: Path) -> float:
    wal = db.with_name(db.name + "-wal")
    return wal.stat().st_size / 2**20 if wal.exists() else 0.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def feed_render_seconds(db: Path) -> float:
    engine = open_engine(f"sqlite:///{db}")
    started = time.perf_counter()
    FeedCache(EventStore(engine)).sync(force=True)
    elapsed = time.perf_counter() - started
    engine.dispose()
    return elapsed


def timed_get(client: httpx.Client, url: str) -> tuple[float, str, int]:
    """Seconds to read the whole body (streamed: a 1,000,000-event feed is not held here), its ETag, its size."""
    started = time.perf_counter()
    with client.stream("GET", url) as response:
        response.raise_for_status()
        size = sum(len(chunk) for chunk in response.iter_bytes())
        return time.perf_counter() - started, response.headers["etag"], size


def feed_figures(run: Run, config: Path, db: Path) -> dict[str, float]:
    """The feed as a subscriber sees it: the first GET (waits for the background fill), a warm one
    (median of 3), and the first GET after one event is edited by ``calendar-daemon import``."""
    url = f"http://127.0.0.1:{run.port}/calendar.ics"
    with httpx.Client(timeout=1800) as client:
        first_s, etag, size = timed_get(client, url)
        warm = sorted(timed_get(client, url)[0] for _ in range(3))[1]
        edit = db.with_name("edit.json")
        edit.write_text(json.dumps([{"uid": "bg-000000@bench.calendar-daemon", "title": "Background event 0 (edited)",
                                     "category": "macro_data", "region": "US", "precision": "datetime",
                                     "timezone": "America/New_York", "start": (utcnow() + timedelta(days=30)).isoformat() + "Z"}]))  # fmt: skip
        command = [sys.executable, "-m", "calendar_daemon", "--config", str(config), "--db", f"sqlite:///{db}", "import", str(edit)]
        started = time.perf_counter()
        subprocess.run(command, check=True, env=cli_env(), capture_output=True)
        import_edit_s = time.perf_counter() - started
        after_edit_s, deadline = float("nan"), time.monotonic() + 600
        while time.monotonic() < deadline:
            seconds, new_etag, _ = timed_get(client, url)
            if new_etag != etag:
                after_edit_s = seconds
                break
            time.sleep(0.05)
    return {"first_get_s": first_s, "warm_get_s": warm, "edit_import_s": import_edit_s, "get_after_edit_s": after_edit_s,
            "body_mb": size / 2**20}  # fmt: skip


def bench(args: argparse.Namespace) -> dict[str, Any]:
    cache = Path(args.cache)
    with tempfile.TemporaryDirectory(prefix="cd-sched-bench-") as tmp, Receiver() as receiver:
        work = Path(tmp)
        db = work / "bench.db"
        shutil.copy(background_db(cache, args.events - args.burst), db)
        port = free_port()
        extra = (
            ("" if args.seeds else "\n[seeds]\nload_on_start = false\n")
            + f'\n[[channels]]\nname = "bench"\nurl = "{receiver.url}"\n\n'
            '[[alert_rules]]\nname = "all"\ncategories = ["*"]\nbefore = ["1d", "1h", "10m"]\nchannels = ["bench"]\n'
        )
        config = write_config(work / "bench.toml", port=port, poll_seconds=1.0, extra=extra)
        first_due = (utcnow() + timedelta(seconds=args.burst_after)).replace(microsecond=0)
        events, due = burst_events(args.burst, first_due, same_second=args.same_second)
        store_events(db, events)
        listener = NotifyListener(work / "notify.sock")
        load_at_launch = os.getloadavg()[0]
        try:
            cold = Run(work, config, db, listener)
            cold.start()
            lines_after = cold.launched
            planned_at = wait_for_log(cold.log, "planned alerts for", lines_after, timeout=600)
            last_due = max(due.values()).replace(tzinfo=UTC).timestamp()
            receiver.wait_for(args.burst, timeout=max(last_due - time.time(), 0) + 60)
            time.sleep(2)  # anything sent twice would arrive now
            walked_at = wait_for_walk(cold.log, lines_after, timeout=args.walk_timeout)
            feed = feed_figures(cold, config, db) if args.feed else {}
            cold_rss = cold.peak_rss()
            load_at_end = os.getloadavg()[0]
            alerts = ledger_count(db)
            wal_mb = wal_size_mb(db)
            stopping = time.time()
            cold.stop()
            stop_seconds = time.time() - stopping
            lines = log_times(cold.log, lines_after)
            received: dict[str, list[float]] = {}
            with receiver._lock:
                for message, arrived in zip(receiver.messages, receiver.arrivals, strict=True):
                    title = str(message.get("title", ""))
                    key = title.split("] ", 1)[-1]
                    received.setdefault(key, []).append(arrived)
            lateness = [min(received[k]) - due[k].replace(tzinfo=UTC).timestamp() for k in due if k in received]
            duplicates = sum(len(v) - 1 for v in received.values())

            warm = Run(work, config, db, listener)
            warm.start()
            time.sleep(3)  # a few ticks: a re-plan would show in the log and the ledger
            warm_rss = warm.peak_rss()
            warm_alerts = ledger_count(db)
            warm.stop()
            warm_lines = log_times(warm.log, warm.launched)
        finally:
            listener.close()
        if args.log:
            shutil.copy(work / "daemon.log", args.log)
        feed_seconds = feed_render_seconds(db) if not args.skip_feed else float("nan")
        catchup = first_log(lines, "alerts on:")
        seeded = first_log(lines, "seeds")
        return {
            "events": args.events, "burst": args.burst, "same_second": args.same_second, "seeds": args.seeds,
            "load_average": {"launch": load_at_launch, "end": load_at_end}, "feed": feed,
            "cold": {
                "seeds_s": None if seeded is None else seeded - cold.launched,
                "ready_s": cold.ready, "healthz_s": cold.healthy - cold.launched,
                "alerts_on_s": None if catchup is None else catchup - cold.launched,
                "planned_s": None if planned_at is None else planned_at - cold.launched,
                "walk_done_s": None if walked_at is None else walked_at - cold.launched,
                "wal_mb_before_stop": wal_mb, "stop_s": stop_seconds,
                "peak_rss_mb": cold_rss, "ledger_alerts": alerts,
                "planning_log": [text for _, text in lines if "planned alerts" in text or "re-planned" in text],
            },
            "lateness": {
                "received": len(lateness), "expected": len(due), "duplicates": duplicates,
                "p50_s": statistics.median(lateness) if lateness else None,
                "p99_s": percentile(lateness, 0.99) if lateness else None,
                "max_s": max(lateness) if lateness else None, "min_s": min(lateness) if lateness else None,
            },
            "warm": {
                "ready_s": warm.ready, "healthz_s": warm.healthy - warm.launched, "peak_rss_mb": warm_rss,
                "ledger_alerts": warm_alerts,
                "planning_log": [text for _, text in warm_lines if "planned alerts" in text or "re-planned" in text],
            },
            "feed_render_in_process_s": feed_seconds,
        }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--burst", type=int, default=1000, help="alerts due in one minute")
    parser.add_argument("--burst-after", type=float, default=30.0, help="seconds after launch the burst minute begins")
    parser.add_argument("--same-second", action="store_true", help="all burst alerts due at the same second")
    parser.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "calendar-daemon-bench"))
    parser.add_argument("--skip-feed", action="store_true", help="do not time the feed render separately")
    parser.add_argument("--log", help="keep the daemon's log (both runs) at this path")
    parser.add_argument("--seeds", action=argparse.BooleanOptionalAction, default=True,
                        help="load the bundled seeds on start, as the default configuration does (--no-seeds: off)")
    parser.add_argument("--feed", action="store_true", help="also time feed GETs: the first, a warm one, the first after an edit")
    parser.add_argument("--walk-timeout", type=float, default=900, help="seconds to wait for the planning walk to reach the horizon")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = bench(args)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return
    cold, late, warm = result["cold"], result["lateness"], result["warm"]
    load = result["load_average"]
    print(f"{args.events} events, seeds {'on' if args.seeds else 'off'}, rule 1d/1h/10m, {args.burst} alerts due "
          f"{'at one second' if args.same_second else 'within one minute'}; load average {load['launch']:.1f} at launch, {load['end']:.1f} at the end")
    if result["feed"]:
        print("feed:", ", ".join(f"{key} {value:.3f}" for key, value in result["feed"].items()))
    print(f"cold start: READY=1 {cold['ready_s']:.2f} s, healthz {cold['healthz_s']:.2f} s, planning began {cold['planned_s']} s "
          f"and reached the horizon {cold['walk_done_s']} s after launch, peak RSS {cold['peak_rss_mb']:.0f} MB, "
          f"{cold['ledger_alerts']} ledger alerts; WAL {cold['wal_mb_before_stop']:.0f} MB, SIGTERM to exit {cold['stop_s']:.1f} s")
    print(f"lateness: {late['received']}/{late['expected']} received, {late['duplicates']} duplicates, "
          f"p50 {late['p50_s']:.3f} s, p99 {late['p99_s']:.3f} s, max {late['max_s']:.3f} s")
    print(f"warm restart: READY=1 {warm['ready_s']:.2f} s, healthz {warm['healthz_s']:.2f} s, peak RSS {warm['peak_rss_mb']:.0f} MB, "
          f"{warm['ledger_alerts']} ledger alerts, planning log {warm['planning_log']}")
    print(f"feed render of all events in-process: {result['feed_render_in_process_s']:.2f} s")
    print("cold planning log (first and last lines):", *cold["planning_log"][:3], "...", *cold["planning_log"][-2:], sep="\n  ")


if __name__ == "__main__":
    main()
