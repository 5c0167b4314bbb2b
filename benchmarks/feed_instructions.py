"""Instructions per warm feed GET: the daemon's own work, counted by valgrind's callgrind.

Wall-clock figures of ``benchmarks/feed.py`` move with the machine's load; the number of instructions
the server executes for a request does not. This script imports the feed benchmark's 10,000 events
into a temporary SQLite file, starts ``calendar-daemon run`` under ``valgrind --tool=callgrind`` with
instrumentation off (start-up and the first render are not counted), waits until the feed is warm,
switches instrumentation on with ``callgrind_control``, performs ``--gets`` warm GETs of
``/calendar.ics`` from a client outside valgrind over loopback, and reads the instruction count of the
server process for exactly those requests. The client's work is not counted.

``--source DIR`` runs the daemon from another checkout (a ``git archive`` of an older commit), so the
same measure can be taken on each commit of a bisection; the events and the client stay the same.

Usage: python benchmarks/feed_instructions.py [--events 10000] [--gets 10] [--source DIR] [--json]
(needs valgrind)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.feed import make_events  # noqa: E402
from tests.helpers import free_port  # noqa: E402

TOTALS = re.compile(rb"^(?:summary|totals):\s+(\d+)", re.MULTILINE)


def daemon_env(source: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(source), "PYTHONHASHSEED": "0"}
    for name in ("CALENDAR_DAEMON_CONFIG", "CALENDAR_DAEMON_DB", "NOTIFY_SOCKET"):
        env.pop(name, None)
    return env


def prepare(work: Path, source: Path, count: int) -> tuple[list[str], int]:
    """Config and database of ``count`` events; returns the daemon's command line and its port."""
    data = work / "events.json"
    data.write_text(json.dumps(make_events(count), ensure_ascii=False), encoding="utf-8")
    (work / "seeds").mkdir()
    port = free_port()
    config = work / "bench.toml"
    # A long poll: no request re-checks the database while counting (nothing changes it).
    config.write_text(
        f'[server]\nhost = "127.0.0.1"\nport = {port}\n\n[feed]\npoll_seconds = 3600\n\n'
        f'[seeds]\npath = "{work / "seeds"}"\n\n[reference]\nload = false\n',
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "calendar_daemon", "--config", str(config), "--db", f"sqlite:///{work / 'bench.db'}"]
    env = daemon_env(source)
    subprocess.run([*command, "migrate"], check=True, env=env, capture_output=True)
    subprocess.run([*command, "import", str(data)], check=True, env=env, capture_output=True)
    return [*command, "run"], port


def wait_warm(client: httpx.Client, url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the daemon exited with {process.returncode}")
        try:
            if client.get(url).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"the feed was not served within {timeout:.0f} s")


def measure(source: Path, count: int, gets: int, timeout: float, keep: Path | None = None) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="feed-instr-") as tmp:
        work = Path(tmp)
        command, port = prepare(work, source, count)
        out = work / "callgrind.out"
        valgrind = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}"]
        process = subprocess.Popen([*valgrind, *command], env=daemon_env(source), cwd=work,
                                   stdout=subprocess.DEVNULL, stderr=(work / "daemon.log").open("wb"))  # fmt: skip
        url = f"http://127.0.0.1:{port}/calendar.ics"
        try:
            with httpx.Client(timeout=timeout) as client:
                wait_warm(client, url, process, timeout)
                size = len(client.get(url).content)  # one more, so lazily built state is in place
                subprocess.run(["callgrind_control", "--zero", str(process.pid)], check=True, capture_output=True)
                subprocess.run(["callgrind_control", "--instr=on", str(process.pid)], check=True, capture_output=True)
                for _ in range(gets):
                    client.get(url).raise_for_status()
                subprocess.run(["callgrind_control", "--instr=off", str(process.pid)], check=True, capture_output=True)
                subprocess.run(["callgrind_control", "--dump", str(process.pid)], check=True, capture_output=True)
        finally:
            process.terminate()
            process.wait(300)
        dumps = sorted(work.glob("callgrind.out*"))
        if keep is not None:  # for callgrind_annotate: where the instructions went
            keep.write_bytes(max(dumps, key=lambda d: d.stat().st_size).read_bytes())
        instructions = max(int(m.group(1)) for d in dumps for m in TOTALS.finditer(d.read_bytes()))
    return {"gets": gets, "feed_bytes": size, "instructions": instructions, "per_get": instructions / gets}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--gets", type=int, default=10)
    parser.add_argument("--source", type=Path, default=ROOT, help="checkout whose calendar_daemon is measured")
    parser.add_argument("--timeout", type=float, default=900.0)
    parser.add_argument("--keep", type=Path, help="write callgrind's output here (read it with callgrind_annotate)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(args.source.resolve(), args.events, args.gets, args.timeout, args.keep)
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['gets']} warm GETs of {result['feed_bytes'] / 1e6:.2f} MB: "
              f"{result['per_get'] / 1e6:.2f} M instructions per GET")  # fmt: skip


if __name__ == "__main__":
    main()
