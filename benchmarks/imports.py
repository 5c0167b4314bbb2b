"""Import benchmark: ``calendar-daemon import`` of one .ics file of N future events, for several N in one run.

Each size gets its own .ics file (timed events 2-360 days ahead in six zones and nine categories, a
company name and a source each, as ``export`` writes them) and a fresh SQLite file; the whole
process is timed (imports, parsing, reconciliation, the write), as a user runs it, with its CPU time
and peak RSS. The issue's target is that 100,000 events take at most 10 times as long as 10,000 measured in the same run, and under 60 s.

Usage: python benchmarks/imports.py [--events 10000 100000] [--keep DIR] [--against DIR] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.helpers import cli_env  # noqa: E402

ZONES = ["America/New_York", "Europe/Berlin", "Asia/Shanghai", "Asia/Tokyo", "Asia/Hong_Kong", "Europe/London"]
CATEGORIES = ["central_bank", "macro_data", "liquidity", "lockup", "ipo", "earnings", "bond", "policy", "corporate"]
REGIONS = ["CN", "US", "EU", "HK", "JP"]


def write_ics(path: Path, count: int, seed: int = 7) -> None:
    """``count`` timed events, each naming its own company (so none merge), written as one VCALENDAR."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//calendar-daemon benchmark//EN\r\n")
        for i in range(count):
            start = (now + timedelta(days=2 + rng.random() * 358)).replace(second=0, microsecond=0, minute=rng.choice([0, 15, 30, 45]))
            source = json.dumps({"outlet": "Bench Wire", "headline": f"Week ahead {i // 50}", "published": "2025-12-01T08:00:00+08:00"})
            out.write(
                f"BEGIN:VEVENT\r\nUID:bench-{i:07d}@bench.calendar-daemon\r\nDTSTAMP:20260101T000000Z\r\n"
                f"DTSTART:{start:%Y%m%dT%H%M%SZ}\r\nSUMMARY:限售股解禁 Company {i}\r\nCATEGORIES:{rng.choice(CATEGORIES)}\r\n"
                f"X-CALENDAR-DAEMON-TIMEZONE:{rng.choice(ZONES)}\r\nX-CALENDAR-DAEMON-REGION:{rng.choice(REGIONS)}\r\n"
                f'X-CALENDAR-DAEMON-ENTITIES:["Company {i}"]\r\nX-CALENDAR-DAEMON-SOURCES:[{source}]\r\nEND:VEVENT\r\n'
            )  # fmt: skip
        out.write("END:VCALENDAR\r\n")


def tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and its children (the import's reading process), in MB."""
    total, pids = 0, [pid]
    while pids:
        current = pids.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            pids.extend(int(c) for c in Path(f"/proc/{current}/task/{current}/children").read_text().split())
        except (OSError, ValueError):
            continue
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    return total / 1024


def sample_rss(pid: int, peak: list[float], done: threading.Event) -> None:
    while not done.wait(0.2):
        peak[0] = max(peak[0], tree_rss_mb(pid))


def time_import(work: Path, count: int, code: Path = ROOT) -> dict[str, Any]:
    """Wall time, CPU time (user + system, the reading process included) and peak RSS of one
    ``calendar-daemon import`` of the code in ``code`` (this checkout, or another one such as main's
    for a before/after in one run): the process's own high-water mark, and the sum of it and its
    reading process sampled every 0.2 s."""
    ics, db = work / f"events-{count}.ics", work / f"import-{count}-{code.name}.db"
    if not ics.exists():
        write_ics(ics, count)
    db.unlink(missing_ok=True)
    load = os.getloadavg()[0]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "calendar_daemon", "--db", f"sqlite:///{db}", "import", str(ics)],
            env={**cli_env(), "PYTHONPATH": str(code)}, cwd=code, stdout=out, stderr=err, text=True,
        )  # fmt: skip
        peak, done = [0.0], threading.Event()
        sampler = threading.Thread(target=sample_rss, args=(process.pid, peak, done), daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)  # its rusage: CPU time (children reaped included), peak RSS
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            raise SystemExit(f"import of {count} events failed ({process.returncode}): {err.read()[-2000:]}")
        output = out.read().strip()
    return {"code": str(code), "events": count, "seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime,
            "peak_rss_mb": usage.ru_maxrss / 1024, "peak_tree_rss_mb": peak[0], "load_before": load, "load_after": os.getloadavg()[0],
            "file_mb": ics.stat().st_size / 2**20, "output": output}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--keep", help="write the files and databases here instead of a temporary folder")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--against", type=Path, help="also time the checkout in this folder (e.g. main's), "
                        "on the same files, each size right after this checkout's")  # fmt: skip
    args = parser.parse_args()
    codes = [ROOT] + ([args.against.resolve()] if args.against else [])
    with tempfile.TemporaryDirectory(prefix="cd-import-bench-") as tmp:
        work = Path(args.keep or tmp)
        work.mkdir(parents=True, exist_ok=True)
        results = [time_import(work, count, code) for count in args.events for code in codes]
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return
    for result in results:
        print(f"{Path(result['code']).name}: {result['events']:>9,} events ({result['file_mb']:.0f} MB .ics): {result['seconds']:7.1f} s, "
              f"CPU {result['cpu_seconds']:.1f} s, peak RSS {result['peak_rss_mb']:.0f} MB "
              f"(with the reading process {result['peak_tree_rss_mb']:.0f} MB) "
              f"(load average {result['load_before']:.1f} -> {result['load_after']:.1f}); {result['output']}")  # fmt: skip
    for code in codes:
        mine = [result for result in results if result["code"] == str(code)]
        for result in mine[1:]:
            ratio = result["seconds"] / mine[0]["seconds"]
            print(f"{code.name}: {result['events']:,} / {mine[0]['events']:,} events: {ratio:.1f} x the time "
                  f"for {result['events'] / mine[0]['events']:.0f} x the events")


if __name__ == "__main__":
    main()
