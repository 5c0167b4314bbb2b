"""Feed benchmark: calendar-daemon against Radicale 3.9 on the same 10,000 events.

Measures, on the real daemon started as a subprocess on loopback with a temporary SQLite file:
import time, start-up until healthy, cold first GET (waits for the background render), warm GET, first GET after editing one event (from another process),
and a 304; then Radicale's cold, warm and after-one-edit GETs of the same calendar, and the ratios.

Usage: python benchmarks/feed.py [--events 10000] [--json]   (needs: pip install -e '.[bench]')
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.helpers import DaemonProcess, cli_env, free_port, write_config  # noqa: E402

ZONES = ["America/New_York", "Europe/Berlin", "Asia/Shanghai", "Asia/Tokyo", "Asia/Hong_Kong", "Europe/London"]
CATEGORIES = ["central_bank", "macro_data", "liquidity", "lockup", "ipo", "earnings", "bond", "policy", "corporate"]


def make_events(count: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    events: list[dict[str, Any]] = []
    base = date(2026, 1, 1)
    for i in range(count):
        day = base + timedelta(days=rng.randrange(0, 730))
        kind = rng.random()
        event: dict[str, Any] = {
            "uid": f"bench-{i:06d}@bench.calendar-daemon",
            "title": rng.choice(["美联储利率决议", "中国官方制造业PMI", "限售股解禁", "新股发行", "Earnings: ACME Corp",
                                 "US CPI release", "ECB decision, press conference"]) + f" #{i}",
            "description": "Benchmark event; 基准测试事件. Commas, semicolons; and a second line\nare escaped.",
            "category": rng.choice(CATEGORIES), "importance": rng.randint(1, 3),
            "region": rng.choice(["CN", "US", "EU", "HK", "JP", "GLOBAL"]), "entities": [f"Entity {i}"],  # distinct, so reconciliation merges none of them
            "sources": [{"outlet": "Bench Wire", "headline": f"Week ahead {i // 50}", "published": "2025-12-01T08:00:00+08:00"}],
        }  # fmt: skip
        if kind < 0.55:
            event.update(precision="datetime", timezone=rng.choice(ZONES),
                         start=datetime.combine(day, datetime.min.time()).replace(hour=rng.randint(7, 20), minute=rng.choice([0, 15, 30])).isoformat())
        elif kind < 0.85:
            event.update(precision="date", timezone="Asia/Shanghai", start=day.isoformat())
            if rng.random() < 0.2:
                event["end"] = (day + timedelta(days=rng.randint(1, 10))).isoformat()
        else:
            event.update(precision="quarter", timezone="Asia/Shanghai", start=f"{day.year}-Q{(day.month - 1) // 3 + 1}")
        events.append(event)
    return events


def timed(func: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    value = func()
    return time.perf_counter() - started, value


def median_get(client: httpx.Client, url: str, n: int, headers: dict[str, str] | None = None) -> float:
    samples = []
    for _ in range(n):
        seconds, response = timed(lambda: client.get(url, headers=headers or {}))
        response.raise_for_status() if response.status_code != 304 else None
        samples.append(seconds)
    return statistics.median(samples)


def bench_daemon(work: Path, events: list[dict[str, Any]], repeats: int, served: list[str]) -> dict[str, float]:
    db = f"sqlite:///{work / 'bench.db'}"
    data = work / "events.json"
    data.write_text(json.dumps(events, ensure_ascii=False), encoding="utf-8")
    seeds = work / "seeds"
    seeds.mkdir()
    config = write_config(work / "bench.toml", port=free_port(), seeds_path=seeds, poll_seconds=0.05)
    command = [sys.executable, "-m", "calendar_daemon", "--config", str(config), "--db", db]
    subprocess.run([*command, "migrate"], check=True, env=cli_env(), capture_output=True)
    import_s, _ = timed(lambda: subprocess.run([*command, "import", str(data)], check=True, env=cli_env(), capture_output=True))
    daemon = DaemonProcess(config, db)
    start_s, _ = timed(daemon.start)  # until /healthz answers (polled every 0.1 s); rendering goes on after
    url = daemon.base_url + "/calendar.ics"
    try:
        with httpx.Client(timeout=120) as client:
            cold, first = timed(lambda: client.get(url))
            etag = first.headers["etag"]
            warm = median_get(client, url, repeats)
            not_modified = median_get(client, url, repeats, {"If-None-Match": etag})
            edit = work / "edit.json"
            changed = dict(events[0], title=events[0]["title"] + " (moved)")
            edit.write_text(json.dumps([changed], ensure_ascii=False), encoding="utf-8")
            subprocess.run([*command, "import", str(edit)], check=True, env=cli_env(), capture_output=True)
            after_edit = 0.0
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                seconds, response = timed(lambda: client.get(url))
                if response.headers["etag"] != etag:
                    after_edit = seconds
                    break
                time.sleep(0.01)
            size = len(first.content)
            served.extend(served_blocks(first.content))
    finally:
        daemon.stop()
    return {"import_s": import_s, "start_s": start_s, "cold_get_s": cold, "warm_get_s": warm, "after_edit_get_s": after_edit,
            "not_modified_s": not_modified, "feed_bytes": float(size)}


def served_blocks(body: bytes) -> list[str]:
    """The VEVENT blocks of a served feed, so Radicale serves exactly the same content."""
    text = body.decode()
    return ["BEGIN:VEVENT" + part.split("END:VEVENT", 1)[0] + "END:VEVENT\r\n" for part in text.split("BEGIN:VEVENT")[1:]]


def _body(blocks: list[str]) -> bytes:
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + "".join(blocks) + "END:VCALENDAR\r\n").encode()


def _item(block: str) -> str:
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n{block}END:VCALENDAR\r\n"


def bench_radicale(work: Path, blocks: list[str], repeats: int) -> dict[str, float]:
    """Radicale's multifilesystem layout written directly (collection-root/<user>/<calendar>/<n>.ics),
    holding exactly the VEVENT blocks calendar-daemon served, so both send the same content."""
    storage = work / "radicale"
    collection = storage / "collection-root" / "bench" / "calendar"
    collection.mkdir(parents=True)
    (collection / ".Radicale.props").write_text(json.dumps({"tag": "VCALENDAR"}), encoding="utf-8")
    for number, block in enumerate(blocks):
        (collection / f"{number}.ics").write_text(_item(block), encoding="utf-8", newline="")
    port = free_port()
    config = work / "radicale.conf"
    config.write_text(f"[server]\nhosts = 127.0.0.1:{port}\n[auth]\ntype = none\n[storage]\nfilesystem_folder = {storage}\n"
                      "[logging]\nlevel = warning\n", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "radicale", "--config", str(config)], env={**os.environ},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/bench/calendar/"
    try:
        with httpx.Client(timeout=600, auth=("bench", "x")) as client:
            for _ in range(200):
                try:
                    client.options(f"http://127.0.0.1:{port}/")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            cold, first = timed(lambda: client.get(url))
            first.raise_for_status()
            warm = median_get(client, url, repeats)
            (collection / "0.ics").write_text(_item(blocks[0].replace("SUMMARY:", "SUMMARY:(moved) ", 1)), encoding="utf-8", newline="")
            after_edit, _ = timed(lambda: client.get(url))
    finally:
        process.terminate()
        process.wait(10)
    return {"cold_get_s": cold, "warm_get_s": warm, "after_edit_get_s": after_edit, "feed_bytes": float(len(first.content))}


FLOOR_SERVER = """
import asyncio, sys
body = open(sys.argv[2], "rb").read()
head = b"HTTP/1.1 200 OK\\r\\nContent-Type: text/calendar; charset=utf-8\\r\\nContent-Length: %d\\r\\n\\r\\n" % len(body)
class Static(asyncio.Protocol):
    def connection_made(self, transport): self.transport, self.buffer = transport, b""
    def data_received(self, data):
        self.buffer += data
        while b"\\r\\n\\r\\n" in self.buffer:
            _request, self.buffer = self.buffer.split(b"\\r\\n\\r\\n", 1)
            self.transport.write(head + body)
async def main():
    server = await asyncio.get_running_loop().create_server(Static, "127.0.0.1", int(sys.argv[1]))
    await server.serve_forever()
asyncio.run(main())
"""


def bench_floor(work: Path, body: bytes, repeats: int) -> float:
    """The transport floor: the same bytes from a minimal static asyncio server, read by the same client."""
    path = work / "floor.ics"
    path.write_bytes(body)
    port = free_port()
    process = subprocess.Popen([sys.executable, "-c", FLOOR_SERVER, str(port), str(path)])
    url = f"http://127.0.0.1:{port}/calendar.ics"
    try:
        with httpx.Client(timeout=60) as client:
            for _ in range(100):
                try:
                    client.get(url)
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            return median_get(client, url, repeats)
    finally:
        process.terminate()
        process.wait(10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    events = make_events(args.events)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "ours").mkdir()
        served: list[str] = []
        ours = bench_daemon(Path(tmp) / "ours", events, args.repeats, served)
        ours["static_floor_s"] = bench_floor(Path(tmp), _body(served), args.repeats)
        theirs = bench_radicale(Path(tmp), served, args.repeats)
    ratios = {
        "warm_get_vs_radicale_warm": ours["warm_get_s"] / theirs["warm_get_s"],
        "after_edit_get_vs_radicale_warm": ours["after_edit_get_s"] / theirs["warm_get_s"],
    }
    result = {"events": args.events, "calendar_daemon": ours, "radicale": theirs, "ratios": ratios,
              "targets_met": {"warm_get <= 1/100": ratios["warm_get_vs_radicale_warm"] <= 0.01,
                              "after_edit <= 1/20": ratios["after_edit_get_vs_radicale_warm"] <= 0.05,
                              "import < 10 s": ours["import_s"] < 10}}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{args.events} events, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    print(f"{'':28}{'calendar-daemon':>18}{'Radicale 3.9':>16}")
    for key in ("cold_get_s", "warm_get_s", "after_edit_get_s"):
        print(f"{key:28}{ours[key] * 1000:>15.1f} ms{theirs[key] * 1000:>13.1f} ms")
    print(f"{'same bytes, static server':28}{ours['static_floor_s'] * 1000:>15.1f} ms")
    print(f"{'not_modified_304_s':28}{ours['not_modified_s'] * 1000:>15.1f} ms")
    print(f"{'import_s':28}{ours['import_s']:>16.2f} s")
    print(f"{'start_to_healthy_s':28}{ours['start_s']:>16.2f} s")
    print(f"{'feed size':28}{ours['feed_bytes'] / 1e6:>15.2f} MB{theirs['feed_bytes'] / 1e6:>13.2f} MB")
    for key, value in ratios.items():
        print(f"{key:40} 1/{1 / value:,.0f}")
    for key, ok in result["targets_met"].items():
        print(f"target {key}: {'met' if ok else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
