"""Replica benchmark: 3 ``calendar-daemon run`` replicas on one PostgreSQL database, 10,000 alerts
falling due within one minute, delivered to a loopback json:// receiver.

Reports delivered count, duplicates, and p50/p99 lateness (receiver arrival minus due time), once
with all replicas up and once with one replica SIGKILLed a third of the way through (its claims
come back after the lease). Each run uses a fresh database on the server at
$CALENDAR_DAEMON_TEST_PG (default postgresql://postgres@127.0.0.1:5432/test) and drops it after.

Usage: python benchmarks/replicas.py [--alerts 10000] [--spread 60] [--lease 10] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.postgres import temporary_database  # noqa: E402
from tests.replica_load import run_load  # noqa: E402


def one_run(alerts: int, spread: float, lease: float, lead_in: float, kill: bool) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="cd-replicas-") as tmp, temporary_database() as url:
        result = run_load(
            Path(tmp), url, count=alerts, replicas=3, lead_in=lead_in, spread=spread,
            kill_after=alerts // 3 if kill else None, lease_seconds=lease, settle=max(30.0, 4 * lease),
        )  # fmt: skip
        return {"scenario": "one replica killed" if kill else "all replicas up", **result.summary()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alerts", type=int, default=10_000)
    parser.add_argument("--spread", type=float, default=60.0, help="seconds over which the alerts fall due")
    parser.add_argument("--lease", type=float, default=10.0, help="[alerts] lease_seconds of the replicas")
    parser.add_argument("--lead-in", type=float, default=30.0, help="seconds from import to the first due alert")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = [one_run(args.alerts, args.spread, args.lease, args.lead_in, kill) for kill in (False, True)]
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"{'scenario':<20} {'delivered':>11} {'missing':>8} {'dupl.':>6} {'in window':>9} {'p50 s':>7} {'p99 s':>7} "
          f"{'p99 >10s':>8} {'max s':>7} {'import s':>8}")
    for r in results:
        print(
            f"{r['scenario']:<20} {r['delivered']:>5}/{r['expected']:<5} {r['missing']:>7} {r['duplicates']:>6} "
            f"{r['killed_with_claims']:>9} {r['p50_s']:>7} {r['p99_s']:>7} {r['p99_after_10s_s']:>8} {r['max_s']:>7} {r['import_s']:>8}"
        )


if __name__ == "__main__":
    main()
