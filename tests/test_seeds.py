"""Seeds load on first start and with `seed`, idempotently; a changed seed updates its event in place."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import yaml
from icalendar import Calendar

from calendar_daemon.sources.seeds import ReferenceOptions, expand_rule_files, horizon, reference_files
from tests.helpers import REPO_ROOT, DaemonProcess, free_port, invoke_cli, write_config

SEEDS = REPO_ROOT / "seeds"
# News seeds that describe an event of an official reference schedule: they are merged into it
# (the reference UID survives; see tests/test_reconcile.py).
MERGED_INTO_REFERENCE = {
    "us-fomc-decision-2026-01@seeds.calendar-daemon": "fomc-2026-01-statement@reference.calendar-daemon",
    "us-fomc-press-conference-2026-01@seeds.calendar-daemon": "fomc-2026-01-press-conference@reference.calendar-daemon",
    "ca-boc-decision-mpr-2026-01@seeds.calendar-daemon": "boc-2026-01-rate-announcement@reference.calendar-daemon",
    # The article dates December's PPI to the week of 26 January; BLS's schedule gives Friday 30 January.
    "us-ppi-2025-12@seeds.calendar-daemon": "bls-ppi-2025-12@reference.calendar-daemon",
}


def seed_uids(folder: Path) -> set[str]:
    uids = set()
    for path in [*folder.glob("*.yaml"), *reference_files(folder)[0]]:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        uids.update(event["uid"] for event in document["events"])
    return uids - set(MERGED_INTO_REFERENCE)


def occurrences_today(folder: Path) -> int:
    """Recurring-release occurrences a `seed` run today expands (default horizon)."""
    start, end = horizon(datetime.now(UTC), ReferenceOptions().horizon_days)
    return len(expand_rule_files(reference_files(folder)[1], start, end, "Asia/Shanghai"))


def listed(db: str) -> dict[str, dict[str, object]]:
    return {e["uid"]: e for e in json.loads(invoke_cli("list", "--json", db=db).stdout)}


def test_seed_is_idempotent_and_updates_in_place(tmp_path: Path, db_url: str) -> None:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    expected = seed_uids(folder)
    first = invoke_cli("seed", "--path", str(folder), db=db_url)
    assert first.returncode == 0, first.stderr
    assert f"{len(expected) + occurrences_today(folder)} new" in first.stdout
    again = invoke_cli("seed", "--path", str(folder), db=db_url)
    assert "0 new, 0 updated" in again.stdout
    before = listed(db_url)
    assert expected <= set(before)

    target = folder / "2026-01-25-sohu-week-ahead.yaml"
    text = target.read_text(encoding="utf-8")
    changed = text.replace("start: 2026-01-28", "start: 2026-01-29", 1)
    assert changed != text
    target.write_text(changed, encoding="utf-8")
    updated = invoke_cli("seed", "--path", str(folder), db=db_url)
    assert "0 new, 1 updated" in updated.stdout
    after = listed(db_url)
    [moved] = [uid for uid in after if after[uid]["start"] != before[uid]["start"]]
    assert after[moved]["start"] == "2026-01-29" and after[moved]["revision"] == 2
    assert set(after) == set(before)


def test_first_start_loads_seeds_and_restart_changes_nothing(tmp_path: Path, db_url: str) -> None:
    config = write_config(tmp_path / "c.toml", port=free_port(), seeds_path=SEEDS)
    with DaemonProcess(config, db_url) as daemon:
        body = daemon.get("/calendar.ics").content
    assert daemon.returncode == 0  # SIGTERM is a clean stop
    served = {str(e["UID"]) for e in Calendar.from_ical(body).walk("VEVENT")}
    assert seed_uids(SEEDS) <= served
    assert not set(MERGED_INTO_REFERENCE) & served
    revisions = {uid: e["revision"] for uid, e in listed(db_url).items()}
    with daemon:  # the same daemon, started again
        assert daemon.get("/healthz").status_code == 200
    assert {uid: e["revision"] for uid, e in listed(db_url).items()} == revisions
    assert "seeds unchanged" in daemon.log()
