"""The scheduler benchmark's measuring side: the daemon launched as a subprocess, its ``$NOTIFY_SOCKET``,
its peak RSS and CPU time from ``/proc``, its log's timestamps, and the feed as a subscriber sees it."""

from __future__ import annotations

import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from scheduler_calendar import utcnow  # noqa: E402

from calendar_daemon.feed.cache import FeedCache  # noqa: E402
from calendar_daemon.store.db import open_engine  # noqa: E402
from calendar_daemon.store.events import EventStore  # noqa: E402
from tests.helpers import cli_env  # noqa: E402

LOG_TIME = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) ")


class NotifyListener:
    """A ``$NOTIFY_SOCKET`` stand-in: records when each sd_notify message arrives, and the CPU time
    (user + system) the watched process had used when its ``READY=1`` arrived."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.path)
        self.sock.settimeout(0.2)
        self.messages: list[tuple[float, str]] = []
        self.watched: int | None = None  # the pid whose CPU time is read on READY=1
        self.cpu_at_ready: dict[int, float] = {}
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
            if self.watched is not None and "READY=1" in data.decode():
                self.cpu_at_ready[self.watched] = cpu_seconds(self.watched)

    def first(self, text: str, after: float) -> float | None:
        return next((at for at, message in self.messages if at >= after and text in message), None)

    def close(self) -> None:
        self._stop = True
        self.thread.join()
        self.sock.close()


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of ``pid`` so far (``/proc/PID/stat`` fields 14 and 15)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def status_mb(pid: int, field: str) -> float:
    """A ``/proc/PID/status`` size field (``VmHWM:``, ``VmRSS:``) in MB; NaN once the process is gone."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return float("nan")
    return next((int(line.split()[1]) / 1024 for line in lines if line.startswith(field)), float("nan"))


def peak_rss_mb(pid: int) -> float:
    return status_mb(pid, "VmHWM:")


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
            self.listener.watched = self.process.pid
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

    def sample_rss(self, every: float = 0.5) -> list[tuple[float, float]]:
        """Sample the daemon's RSS (MB) every ``every`` seconds in a thread until it exits: (seconds
        after launch, MB) pairs, filled in as the run goes on (where the memory goes, and when)."""
        samples: list[tuple[float, float]] = []

        def run() -> None:
            assert self.process is not None
            while self.process.poll() is None:
                rss = status_mb(self.process.pid, "VmRSS:")
                if rss == rss:  # not NaN: the process is still there
                    samples.append((time.time() - self.launched, rss))
                time.sleep(every)

        threading.Thread(target=run, daemon=True).start()
        return samples

    @property
    def cpu_at_ready(self) -> float:
        """The daemon's CPU seconds (user + system) when its ``READY=1`` arrived."""
        assert self.process is not None
        return self.listener.cpu_at_ready.get(self.process.pid, float("nan"))

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
