"""The Fed conflict end to end: seeds + reference via the CLI, `conflicts`, the served feed and pages."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

from icalendar import Calendar

from tests.helpers import REPO_ROOT, DaemonProcess, free_port, invoke_cli, write_config

SEEDS = REPO_ROOT / "seeds"
FED_STATEMENT = "fomc-2026-01-statement@reference.calendar-daemon"
NEWS_FED = "us-fomc-decision-2026-01@seeds.calendar-daemon"


def test_conflicts_lists_the_january_fed_decision(tmp_path: Path, db_url: str) -> None:
    empty = invoke_cli("conflicts", db=db_url)
    assert empty.returncode == 0 and "no conflicts between sources" in empty.stdout
    seeded = invoke_cli("seed", "--path", str(SEEDS), db=db_url)
    assert seeded.returncode == 0, seeded.stderr
    listed = json.loads(invoke_cli("list", "--json", "--from", "2026-01-26", "--to", "2026-02-01",
                                "--category", "central_bank", "--region", "US", db=db_url).stdout)  # fmt: skip
    decisions = [e for e in listed if "Federal Reserve" in e["entities"] and "press" not in e["title"]]
    assert [(e["uid"], e["start"]) for e in decisions] == [(FED_STATEMENT, "2026-01-28T14:00:00-05:00")]
    assert NEWS_FED not in {e["uid"] for e in listed}

    out = json.loads(invoke_cli("conflicts", "--json", db=db_url).stdout)
    [fed] = [c for c in out if c["uid"] == FED_STATEMENT]
    assert fed["title"] == "FOMC policy statement (meeting Jan 27-28, 2026)"
    assert [(c["authority"], c["followed"]) for c in fed["conflicts"]] == [("official", True), ("news", False)]
    assert fed["conflicts"][1]["value"] == "2026-01-30 03:00 Asia/Shanghai = 2026-01-29 19:00 UTC"
    # The only other conflict is the same article's date for the Chair's press conference.
    assert {c["uid"] for c in out} == {FED_STATEMENT, "fomc-2026-01-press-conference@reference.calendar-daemon"}

    table = invoke_cli("conflicts", db=db_url).stdout
    assert f"{FED_STATEMENT}  FOMC policy statement" in table
    assert "[differs] 搜狐财经 (news): 2026-01-30 03:00 Asia/Shanghai" in table
    assert "Example:" in invoke_cli("conflicts", "--help").stdout


def test_served_feed_has_official_fomc_times_and_the_conflict(tmp_path: Path, db_url: str) -> None:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    config = write_config(tmp_path / "c.toml", port=free_port(), seeds_path=folder)
    with DaemonProcess(config, db_url) as daemon:
        body = daemon.get("/calendar.ics").content
        page = daemon.get("/events/" + FED_STATEMENT).text
        agenda = daemon.get("/", params={"past": "1", "q": "Jan 27-28, 2026"}).text
        api = daemon.get("/api/v1/events/" + FED_STATEMENT)
    events = {str(e["UID"]): e for e in Calendar.from_ical(body).walk("VEVENT")}
    for uid, instant in [
        (FED_STATEMENT, datetime(2026, 1, 28, 19, 0, tzinfo=UTC)),
        ("fomc-2026-12-statement@reference.calendar-daemon", datetime(2026, 12, 9, 19, 0, tzinfo=UTC)),
        ("fomc-2027-01-statement@reference.calendar-daemon", datetime(2027, 1, 27, 19, 0, tzinfo=UTC)),
        ("fomc-2027-01-press-conference@reference.calendar-daemon", datetime(2027, 1, 27, 19, 30, tzinfo=UTC)),
    ]:
        assert events[uid].decoded("DTSTART") == instant, uid
    assert NEWS_FED not in events
    description = str(events[FED_STATEMENT]["DESCRIPTION"])
    assert "来源之间不一致（日期以最权威的来源为准）：" in description  # the default display locale, zh-CN
    # Each source's value in the display locale's words, in the zone that source wrote it in.
    assert "- 搜狐财经 (新闻): 2026年1月30日 周五 03:00 北京时间 (UTC+8)\n" in description
    assert "(官方): 2026年1月28日 周三 14:00 纽约时间 (UTC−5) ［采用］" in description
    assert "(news)" not in description and "Asia/Shanghai" not in description
    assert "badge conflict" in page and "搜狐财经 (新闻)" in page
    assert "badge conflict" in agenda
    assert api.status_code == 200
    assert [c["followed"] for c in api.json()["extra"]["conflicts"]] == [True, False]
