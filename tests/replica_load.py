"""Several ``calendar-daemon run`` replicas on one database sending a burst of alerts to a receiver.

Shared by tests/test_replicas_alerts.py (300 alerts) and benchmarks/replicas.py (10,000): events
start 1 minute after their alert, so with a ``before = ["1m"]`` rule the alerts fall due between
``lead_in`` and ``lead_in + spread`` seconds from now, on the real clock, with no test hook.
"""

from __future__ import annotations

import json
import statistics
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from calendar_daemon.store.db import open_engine
from tests.helpers import DaemonProcess, free_port, run_cli, write_config
from tests.receiver import Receiver

TITLE = "Replica load event {:05d}"


def alert_config(path: Path, *, receiver_url: str, seeds: Path, lease_seconds: float, replica_id: str = "") -> Path:
    """A replica's config: one json:// channel, one rule alerting 1 minute before each event."""
    server = f'replica_id = "{replica_id}"\n' if replica_id else ""
    extra = (
        '[display]\nlocale = "en"\ntimezone = "UTC"\n\n'
        f"[alerts]\nlease_seconds = {lease_seconds}\nsend_timeout_seconds = {min(10.0, lease_seconds / 2)}\n\n"
        f'[[channels]]\nname = "desk"\nurl = "{receiver_url}"\n\n'
        '[[alert_rules]]\nname = "burst"\nchannels = ["desk"]\nbefore = ["1m"]\n'
    )
    write_config(path, port=free_port(), seeds_path=seeds, poll_seconds=0.5, extra=extra)
    if server:
        content = path.read_text(encoding="utf-8").replace("[server]\n", "[server]\n" + server, 1)
        path.write_text(content, encoding="utf-8")
    return path


def write_events(path: Path, count: int, first_due: datetime, spread_seconds: float) -> dict[str, datetime]:
    """``count`` timed events whose 1-minute alerts fall due evenly over ``spread_seconds``; title → due."""
    due: dict[str, datetime] = {}
    events: list[dict[str, Any]] = []
    for i in range(count):
        at = first_due + timedelta(seconds=spread_seconds * i / max(count - 1, 1))
        at = at.replace(microsecond=0)
        title = TITLE.format(i)
        due[title] = at
        start = at + timedelta(minutes=1)
        events.append({
            "uid": f"load-{i:05d}@replicas.test", "title": title, "category": "macro_data", "region": "US",
            "precision": "datetime", "timezone": "UTC", "start": start.strftime("%Y-%m-%dT%H:%M:%S"),
            "importance": 3,
        })  # fmt: skip
    path.write_text(json.dumps({"events": events}), encoding="utf-8")
    return due


@dataclass
class LoadResult:
    expected: int
    delivered: int
    missing: list[str]
    duplicates: dict[str, int]
    in_window: set[str]  # titles the killed replica had claimed, unrecorded, when it died
    lateness: list[float] = field(default_factory=list)  # seconds after due, first arrival of each alert
    offsets: list[float] = field(default_factory=list)  # each alert's due time, seconds after the first
    statuses: dict[str, int] = field(default_factory=dict)
    import_s: float = 0.0  # how long ``calendar-daemon import`` took (of the lead-in before the first due time)

    def percentile(self, q: float, *, after: float = 0.0) -> float:
        """Lateness percentile of the alerts due at least ``after`` seconds into the burst."""
        ordered = sorted(late for late, offset in zip(self.lateness, self.offsets, strict=True) if offset >= after)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]

    def summary(self) -> dict[str, Any]:
        return {
            "expected": self.expected, "delivered": self.delivered, "missing": len(self.missing),
            "duplicates": sum(n - 1 for n in self.duplicates.values()),
            "duplicates_outside_window": sum(n - 1 for t, n in self.duplicates.items() if t not in self.in_window),
            "killed_with_claims": len(self.in_window),
            "p50_s": round(self.percentile(0.5), 3), "p99_s": round(self.percentile(0.99), 3),
            "p99_after_10s_s": round(self.percentile(0.99, after=10.0), 3),
            "max_s": round(max(self.lateness), 3) if self.lateness else None,
            "mean_s": round(statistics.fmean(self.lateness), 3) if self.lateness else None,
            "import_s": round(self.import_s, 1),
        }  # fmt: skip


def _claims_of(db_url: str, prefix: str) -> set[str]:
    """Titles of the rows a (just killed) replica still held, claimed but not recorded."""
    engine = open_engine(db_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT e.title FROM alert_ledger a JOIN events e ON e.uid = a.event_uid "
                    "WHERE a.status = 'sending' AND a.claimed_by LIKE :pattern"
                ),
                {"pattern": f"{prefix}:%"},
            )
            return {str(row[0]) for row in rows}
    finally:
        engine.dispose()


def _statuses(db_url: str) -> dict[str, int]:
    engine = open_engine(db_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT status, count(*) FROM alert_ledger GROUP BY status"))
            return {str(status): int(n) for status, n in rows}
    finally:
        engine.dispose()


def run_load(
    workdir: Path, db_url: str, *, count: int, replicas: int = 3, lead_in: float = 12.0, spread: float = 60.0,
    kill_after: int | None = None, lease_seconds: float = 5.0, settle: float = 30.0,
) -> LoadResult:  # fmt: skip
    """Start the replicas, import the events, optionally SIGKILL one replica after ``kill_after``
    arrivals, and wait until every alert arrived (or ``settle`` seconds after the last due time)."""
    seeds = workdir / "no-seeds"
    seeds.mkdir(exist_ok=True)
    migrated = run_cli("migrate", db=db_url)
    if migrated.returncode != 0:
        raise RuntimeError(f"migrate failed: {migrated.stderr}")
    with Receiver() as receiver:
        daemons = [
            DaemonProcess(alert_config(workdir / f"replica{n}.toml", receiver_url=receiver.url_for(f"replica-{n}"), seeds=seeds,
                                       lease_seconds=lease_seconds, replica_id=f"replica-{n}"), db_url)
            for n in range(replicas)
        ]  # fmt: skip
        in_window: set[str] = set()
        try:
            with ThreadPoolExecutor(len(daemons)) as pool:  # a failed start still stops the others below
                list(pool.map(lambda daemon: daemon.start(), daemons))
            first_due = datetime.now(UTC).replace(tzinfo=None) + timedelta(seconds=lead_in)
            due = write_events(workdir / "burst.json", count, first_due, spread)
            began = time.monotonic()
            imported = run_cli("import", str(workdir / "burst.json"), db=db_url, timeout=300)
            import_s = time.monotonic() - began
            if imported.returncode != 0:
                raise RuntimeError(f"import failed: {imported.stderr}")
            if kill_after is not None:
                receiver.wait_for(kill_after, timeout=lead_in + spread + settle)
                # Leave the victim's next send unanswered: it dies with that send in flight and its claim
                # unrecorded, whatever the machine's load (a slow answer alone left that to timing).
                victim = daemons[0]
                prefix = str(victim.get("/healthz").json()["alerts"]["claim_prefix"])
                receiver.hold("replica-0")
                if not receiver.wait_held(timeout=lead_in + spread):
                    raise RuntimeError("the replica to kill sent nothing more: the takeover cannot be exercised")
                victim.kill()
                in_window = _claims_of(db_url, prefix)
                receiver.release()
            last_due = max(due.values())
            deadline = time.time() + max((last_due - datetime.now(UTC).replace(tzinfo=None)).total_seconds(), 0) + settle
            while time.time() < deadline and len(set(receiver.titles())) < count:
                time.sleep(0.2)
            # Count once no send is left in flight: a stray duplicate (if any) has then reached the receiver,
            # which records a message before it answers.
            quiet = time.monotonic() + settle
            while time.monotonic() < quiet and any(_statuses(db_url).get(status) for status in ("sending", "planned")):
                time.sleep(0.2)
        finally:
            for daemon in daemons:
                if daemon.process is not None and daemon.process.poll() is None:
                    daemon.stop()
        result = _result(receiver, due, in_window, _statuses(db_url))
        result.import_s = import_s
        return result


def _result(receiver: Receiver, due: dict[str, datetime], in_window: set[str], statuses: dict[str, int]) -> LoadResult:
    prefix = "[Reminder] "
    counts: Counter[str] = Counter()
    lateness: list[float] = []
    offsets: list[float] = []
    first = min(due.values())
    with receiver._lock:
        pairs = list(zip(receiver.messages, receiver.arrivals, strict=True))
    for message, arrived in pairs:
        title = str(message.get("title", "")).removeprefix(prefix)
        counts[title] += 1
        if title in due and counts[title] == 1:
            lateness.append(arrived - due[title].replace(tzinfo=UTC).timestamp())
            offsets.append((due[title] - first).total_seconds())
    return LoadResult(
        expected=len(due), delivered=sum(1 for t in due if counts[t]), missing=sorted(t for t in due if not counts[t]),
        duplicates={t: n for t, n in counts.items() if n > 1}, in_window=in_window, lateness=lateness,
        offsets=offsets, statuses=statuses,
    )  # fmt: skip
