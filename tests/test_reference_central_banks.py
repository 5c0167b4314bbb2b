"""The bundled central-bank schedules (ECB, FOMC minutes, Bank of Canada, PBoC loan prime rate).

Each file is cross-checked on its own terms: weekday and wall-clock time of every event, no
duplicate UIDs or days, no date on a holiday of the publisher's country, UTC instants that follow
daylight saving time, and a citation for everything. The LPR rule is recomputed from the mainland
working-day calendar, and the FOMC minutes from the statement dates.
"""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import chinese_calendar  # type: ignore[import-untyped]
import holidays
import pytest
import yaml

from calendar_daemon.domain.filters import EventFilter
from calendar_daemon.intake.seeding import load_seeds
from calendar_daemon.sources.recurrence import expand
from calendar_daemon.sources.rule_files import load_recurring
from calendar_daemon.store.events import EventStore
from tests.helpers import REPO_ROOT

REFERENCE = REPO_ROOT / "seeds" / "reference"
ECB = REFERENCE / "ecb-2026-2027.yaml"
MINUTES = REFERENCE / "fomc-minutes-2026-2027.yaml"
FOMC = REFERENCE / "fomc-2026-2027.yaml"
BOC = REFERENCE / "boc-2026.yaml"
LPR = REFERENCE / "pboc-lpr.yaml"
EVENT_FILES = (ECB, MINUTES, BOC)
RETRIEVED = "2026-12-04"
THURSDAY, WEDNESDAY = 3, 2


def _events(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and isinstance(data["events"], list), path
    return data["events"]


def _local(event: dict[str, Any]) -> datetime:
    start = event["start"]
    assert isinstance(start, datetime) and start.tzinfo is None, event["uid"]  # naive wall clock
    return start.replace(tzinfo=ZoneInfo(event["timezone"]))


def _by_uid(path: Path) -> dict[str, dict[str, Any]]:
    return {e["uid"]: e for e in _events(path)}


def _utc(path: Path, uid: str) -> datetime:
    return _local(_by_uid(path)[uid]).astimezone(UTC)


@pytest.mark.parametrize("path", EVENT_FILES, ids=lambda p: p.name)
def test_no_duplicate_uids_or_days(path: Path) -> None:
    events = _events(path)
    uids = [e["uid"] for e in events]
    assert len(uids) == len(set(uids))
    kinds = Counter((e["uid"].split("@")[0].rsplit("-", 1)[-1], _local(e).date()) for e in events)
    assert max(kinds.values()) == 1, [k for k, n in kinds.items() if n > 1]


@pytest.mark.parametrize("path", EVENT_FILES, ids=lambda p: p.name)
def test_every_event_cites_an_official_url_read_on_the_retrieval_day(path: Path) -> None:
    for event in _events(path):
        assert event["category"] == "central_bank" and event["precision"] == "datetime", event["uid"]
        assert event["sources"], event["uid"]
        for source in event["sources"]:
            assert source["authority"] == "official", event["uid"]
            assert str(source["url"]).startswith("https://"), event["uid"]
            assert source["outlet"] and source["headline"] and source["evidence"], event["uid"]
            assert RETRIEVED in source["note"], event["uid"]
            assert isinstance(source["published"], datetime) and source["published"].tzinfo is not None


def test_lpr_rule_cites_the_pboc() -> None:
    [rule] = load_recurring(LPR)
    source = rule.source.as_dict()
    assert source["authority"] == "official" and str(source["url"]).startswith("https://www.pbc.gov.cn/")
    assert RETRIEVED in str(source["note"])


# ---------------------------------------------------------------------------------------- ECB


def test_ecb_decisions_are_thursdays_1415_frankfurt_with_the_press_conference_at_1445() -> None:
    events = _by_uid(ECB)
    decisions = sorted(_local(e) for uid, e in events.items() if uid.endswith("-decision@reference.calendar-daemon"))
    assert Counter(d.year for d in decisions) == {2026: 8, 2027: 8}
    closed = holidays.financial_holidays("XECB", years=[2026, 2027]) | holidays.country_holidays("DE", subdiv="HE", years=[2026, 2027])
    for decision in decisions:
        assert (decision.weekday(), decision.hour, decision.minute) == (THURSDAY, 14, 15), decision
        assert decision.date() not in closed, decision
        uid = f"ecb-{decision:%Y-%m}-press-conference@reference.calendar-daemon"
        assert _local(events[uid]) - decision == timedelta(minutes=30)
    gaps = [(b - a).days for a, b in pairwise(decisions)]
    assert min(gaps) >= 35 and max(gaps) <= 63  # a six-week cycle; no meeting lost or doubled


@pytest.mark.parametrize(
    ("key", "utc"),
    [
        ("2026-02", datetime(2026, 2, 5, 13, 15, tzinfo=UTC)),  # CET
        ("2026-03", datetime(2026, 3, 19, 13, 15, tzinfo=UTC)),  # CET, ten days before the switch
        ("2026-06", datetime(2026, 6, 11, 12, 15, tzinfo=UTC)),  # CEST
        ("2026-10", datetime(2026, 10, 29, 13, 15, tzinfo=UTC)),  # CET again since 25 October
        ("2027-04", datetime(2027, 4, 29, 12, 15, tzinfo=UTC)),  # CEST
        ("2027-12", datetime(2027, 12, 16, 13, 15, tzinfo=UTC)),
    ],
)
def test_ecb_instants_follow_frankfurt_daylight_saving_time(key: str, utc: datetime) -> None:
    assert _utc(ECB, f"ecb-{key}-decision@reference.calendar-daemon") == utc
    assert _utc(ECB, f"ecb-{key}-press-conference@reference.calendar-daemon") == utc + timedelta(minutes=30)


# ------------------------------------------------------------------------------ FOMC minutes


def test_fomc_minutes_come_three_weeks_after_each_statement_at_2pm_new_york() -> None:
    statements = {uid.split("-statement@")[0]: _local(e) for uid, e in _by_uid(FOMC).items() if uid.endswith("-statement@reference.calendar-daemon")}
    minutes = {uid.split("-minutes@")[0]: _local(e) for uid, e in _by_uid(MINUTES).items()}
    assert minutes.keys() == statements.keys() and len(minutes) == 16
    federal = holidays.country_holidays("US", years=[2026, 2027]) | holidays.financial_holidays("XNYS", years=[2026, 2027])
    for key, released in minutes.items():
        assert released.date() - statements[key].date() == timedelta(days=21), key
        assert (released.weekday(), released.hour, released.minute) == (WEDNESDAY, 14, 0), key
        assert released.date() not in federal, key
    # The release dates the Fed has already listed for 2026 agree with the three-week rule.
    assert {minutes["fomc-2026-01"].date(), minutes["fomc-2026-03"].date(), minutes["fomc-2026-04"].date()} == {
        date(2026, 2, 18), date(2026, 4, 8), date(2026, 5, 20),
    }  # fmt: skip


@pytest.mark.parametrize(
    ("key", "utc"),
    [
        ("2026-01", datetime(2026, 2, 18, 19, 0, tzinfo=UTC)),  # EST
        ("2026-04", datetime(2026, 5, 20, 18, 0, tzinfo=UTC)),  # EDT
        ("2026-10", datetime(2026, 11, 18, 19, 0, tzinfo=UTC)),  # EST since 1 November
        ("2026-12", datetime(2026, 12, 30, 19, 0, tzinfo=UTC)),
        ("2027-09", datetime(2027, 10, 6, 18, 0, tzinfo=UTC)),  # EDT
    ],
)
def test_fomc_minutes_instants(key: str, utc: datetime) -> None:
    assert _utc(MINUTES, f"fomc-{key}-minutes@reference.calendar-daemon") == utc


# ---------------------------------------------------------------------------- Bank of Canada


def test_boc_announcements_are_wednesdays_0945_ottawa_on_working_days() -> None:
    closed = holidays.country_holidays("CA", subdiv="ON", years=2026)
    for event in _events(BOC):
        local = _local(event)
        assert (local.weekday(), local.hour, local.minute) == (WEDNESDAY, 9, 45), event["uid"]
        assert local.date() not in closed, event["uid"]
    assert _utc(BOC, "boc-2026-01-rate-announcement@reference.calendar-daemon") == datetime(2026, 1, 28, 14, 45, tzinfo=UTC)
    assert _utc(BOC, "boc-2026-06-rate-announcement@reference.calendar-daemon") == datetime(2026, 6, 10, 13, 45, tzinfo=UTC)


# ------------------------------------------------------------------------------- PBoC LPR


def _mainland_working_day(d: date) -> bool:
    if d.year <= 2026:  # the State Council arrangement, make-up working weekends included
        return bool(chinese_calendar.is_workday(d))
    statutory = holidays.country_holidays("CN", years=d.year, observed=False)  # 2027: not published yet
    return d.weekday() < 5 and d not in statutory


def _first_working_day_from_the_20th(year: int, month: int) -> date:
    day = date(year, month, 20)
    while not _mainland_working_day(day):
        day += timedelta(days=1)
    return day


def test_lpr_is_0900_beijing_on_the_20th_or_the_next_mainland_working_day() -> None:
    [rule] = load_recurring(LPR)
    occurrences = expand(rule, datetime(2026, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC))
    expected = [_first_working_day_from_the_20th(y, m) for y in (2026, 2027) for m in range(1, 13)]
    assert [o.local.date() for o in occurrences] == expected
    assert len({o.uid for o in occurrences}) == 24
    for occurrence in occurrences:
        assert (occurrence.local.hour, occurrence.local.minute) == (9, 0)
        assert occurrence.start_utc.hour == 1 and occurrence.start_utc.minute == 0  # no DST in China
    moved = {o.local.date() for o in occurrences if o.local.day != 20}
    assert date(2026, 2, 24) in moved  # Spring Festival break; the NIFC published on Tuesday 24 February
    assert date(2026, 9, 20) in expected  # a Sunday, but a make-up working day: not moved


# ------------------------------------------------------------------------- loading the seeds


def test_seeding_stores_the_schedules_at_their_utc_instants(tmp_path: Path, store: EventStore) -> None:
    folder = tmp_path / "seeds"
    shutil.copytree(REPO_ROOT / "seeds" / "reference", folder / "reference")
    load_seeds(store, folder, now=datetime(2026, 12, 1, 8, tzinfo=UTC))
    ecb = store.get("ecb-2026-12-decision@reference.calendar-daemon")
    assert ecb is not None and ecb.start_at == datetime(2026, 12, 17, 13, 15) and ecb.timezone == "Europe/Berlin"
    minutes = store.get("fomc-2026-12-minutes@reference.calendar-daemon")
    assert minutes is not None and minutes.start_at == datetime(2026, 12, 30, 19, 0)
    statement = store.get("fomc-2026-12-statement@reference.calendar-daemon")
    assert statement is not None and statement.start_at == datetime(2026, 12, 9, 19, 0)  # minutes never merge into it
    lpr = store.get("cn-pboc-lpr-20261221@reference.calendar-daemon")
    assert lpr is not None and lpr.start_at == datetime(2026, 12, 21, 1, 0)
    assert store.get("cn-pboc-lpr-20261220@reference.calendar-daemon") is None


def test_the_news_week_of_the_january_boc_decision_joins_the_official_day(store: EventStore) -> None:
    """The founding week-ahead article dates the BoC decision only to its week; the Bank's own
    schedule pins it to Wednesday 28 January 09:45 Ottawa time, and both sources stay on one event."""
    load_seeds(store, now=datetime(2026, 12, 1, 8, tzinfo=UTC))
    boc = store.get("boc-2026-01-rate-announcement@reference.calendar-daemon")
    assert boc is not None and not boc.deleted
    assert (boc.precision, boc.start_at) == ("datetime", datetime(2026, 1, 28, 14, 45))
    assert {s["authority"] for s in boc.sources} == {"official", "news"}
    assert "加拿大央行" in boc.entities  # the article's name for the Bank stays searchable
    week = EventFilter(regions=("CA",), start=datetime(2026, 1, 26), end=datetime(2026, 2, 2))
    assert [e.uid for e in store.list_events(week)] == [boc.uid]  # one event, not the week and the day
