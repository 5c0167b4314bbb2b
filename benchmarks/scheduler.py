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
  this script listens on) and to the first ``GET /healthz`` answered 200, and the daemon's CPU time
  (user + system, ``/proc/PID/stat``) when ``READY=1`` arrived, which the machine's load moves less;
* phases, from the daemon's own log timestamps: catch-up and planning (``planned alerts ...`` line);
  the feed render is measured separately in-process (``FeedCache.sync``, the same code start-up runs);
* peak RSS of the daemon process (``VmHWM`` in ``/proc/PID/status``) once the burst is sent and the
  planning walk is done, and at the end of the run (after the feed GETs of ``--feed``); its RSS
  sampled every 0.5 s (the highest sample, and when);
* lateness of each burst alert: receipt time at the receiver minus its due time; p50, p99, max;
* a warm restart (SIGTERM, start again, nothing changed): ready time, peak RSS, that nothing is
  re-planned and no alert arrives twice.

With ``--seeds`` (the default, as users run it) the daemon loads the bundled seed calendar on its
first start, as the default configuration does; ``--no-seeds`` turns that off. ``--feed`` also
times the feed: the first GET, a warm one and the first after an edit from another process.

The calendar is built by ``scheduler_calendar.py`` and measured with ``scheduler_measure.py``.

Usage: python benchmarks/scheduler.py [--events 100000] [--burst 1000] [--same-second] [--no-seeds] [--feed] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from scheduler_calendar import background_db, burst_events, store_events, utcnow  # noqa: E402
from scheduler_measure import (  # noqa: E402
    NotifyListener,
    Run,
    feed_figures,
    feed_render_seconds,
    first_log,
    ledger_count,
    log_times,
    percentile,
    wait_for_log,
    wait_for_walk,
    wal_size_mb,
)

from tests.helpers import free_port, write_config  # noqa: E402
from tests.receiver import Receiver  # noqa: E402


def rss_timeline(samples: list[tuple[float, float]]) -> dict[str, Any]:
    """The sampled RSS: its highest value and when, and one sample every ~10 s."""
    if not samples:
        return {}
    at, top = max(samples, key=lambda sample: sample[1])
    kept = [(round(t, 1), round(mb)) for i, (t, mb) in enumerate(samples) if i % 20 == 0]
    return {"max_mb": round(top, 1), "max_at_s": round(at, 1), "every_10_s": kept}


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
            rss = cold.sample_rss()
            lines_after = cold.launched
            planned_at = wait_for_log(cold.log, "planned alerts for", lines_after, timeout=600)
            last_due = max(due.values()).replace(tzinfo=UTC).timestamp()
            receiver.wait_for(args.burst, timeout=max(last_due - time.time(), 0) + 60)
            time.sleep(2)  # anything sent twice would arrive now
            walked_at = wait_for_walk(cold.log, lines_after, timeout=args.walk_timeout)
            walk_rss = cold.peak_rss()  # through start-up, the burst and the walk: the measure
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
                "ready_s": cold.ready, "healthz_s": cold.healthy - cold.launched, "cpu_at_ready_s": cold.cpu_at_ready,
                "alerts_on_s": None if catchup is None else catchup - cold.launched,
                "planned_s": None if planned_at is None else planned_at - cold.launched,
                "walk_done_s": None if walked_at is None else walked_at - cold.launched,
                "wal_mb_before_stop": wal_mb, "stop_s": stop_seconds,
                "peak_rss_mb": cold_rss, "peak_rss_before_feed_mb": walk_rss, "ledger_alerts": alerts, "rss_samples": rss_timeline(rss),
                "planning_log": [text for _, text in lines if "planned alerts" in text or "re-planned" in text],
            },
            "lateness": {
                "received": len(lateness), "expected": len(due), "duplicates": duplicates,
                "p50_s": statistics.median(lateness) if lateness else None,
                "p99_s": percentile(lateness, 0.99) if lateness else None,
                "max_s": max(lateness) if lateness else None, "min_s": min(lateness) if lateness else None,
            },
            "warm": {
                "ready_s": warm.ready, "healthz_s": warm.healthy - warm.launched, "cpu_at_ready_s": warm.cpu_at_ready, "peak_rss_mb": warm_rss,
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
    print(f"cold start: READY=1 {cold['ready_s']:.2f} s (CPU {cold['cpu_at_ready_s']:.2f} s), healthz {cold['healthz_s']:.2f} s, planning began {cold['planned_s']} s "
          f"and reached the horizon {cold['walk_done_s']} s after launch, "
          f"peak RSS {cold['peak_rss_before_feed_mb']:.0f} MB through the walk and burst, {cold['peak_rss_mb']:.0f} MB at the end, "
          f"{cold['ledger_alerts']} ledger alerts; WAL {cold['wal_mb_before_stop']:.0f} MB, SIGTERM to exit {cold['stop_s']:.1f} s")
    print(f"lateness: {late['received']}/{late['expected']} received, {late['duplicates']} duplicates, "
          f"p50 {late['p50_s']:.3f} s, p99 {late['p99_s']:.3f} s, max {late['max_s']:.3f} s")
    print(f"warm restart: READY=1 {warm['ready_s']:.2f} s (CPU {warm['cpu_at_ready_s']:.2f} s), healthz {warm['healthz_s']:.2f} s, "
          f"peak RSS {warm['peak_rss_mb']:.0f} MB, "
          f"{warm['ledger_alerts']} ledger alerts, planning log {warm['planning_log']}")
    print(f"feed render of all events in-process: {result['feed_render_in_process_s']:.2f} s")
    print("cold planning log (first and last lines):", *cold["planning_log"][:3], "...", *cold["planning_log"][-2:], sep="\n  ")


if __name__ == "__main__":
    main()
