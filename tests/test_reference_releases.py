"""The bundled official release and market-holiday schedules (``seeds/reference/``), file by file.

Each file is read through the same loader as every seed file, then cross-checked: weekday and
time-of-day patterns of each release, no release on a holiday of its publisher's country, no two
events on one slot, instants that follow daylight saving time, a cited URL on every event, and
exchange closures that agree with the trading-day logic of :mod:`calendar_daemon.domain.trading`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import chinese_calendar  # type: ignore[import-untyped]
import holidays
import pytest

from calendar_daemon.domain.records import EventRecord
from calendar_daemon.domain.trading import is_trading_day
from calendar_daemon.intake.seeding import load_seeds
from calendar_daemon.sources.files import read_event_file
from calendar_daemon.sources.seeds import ReferenceOptions
from calendar_daemon.store.events import EventStore
from tests.helpers import REPO_ROOT

REFERENCE = REPO_ROOT / "seeds" / "reference"
NEW_YORK = ZoneInfo("America/New_York")
RELEASE_FILES = ("bls-2026.yaml", "bea-2026.yaml")
CN_RELEASE_FILES = ("nbs-2026.yaml",)
HOLIDAY_FILES = {  # file -> (exchange, years it covers)
    "holidays-nyse-2026-2027.yaml": ("XNYS", (2026, 2027)),
    "holidays-cn-2026.yaml": ("XSHG", (2026,)),
    "holidays-hk-2026.yaml": ("XHKG", (2026,)),
}
FILES = (*RELEASE_FILES, *CN_RELEASE_FILES, *HOLIDAY_FILES)
# Employment Situation days that are not Fridays, each explained by the schedule itself.
NFP_NOT_ON_FRIDAY = {
    date(2026, 2, 11),  # January report, moved to a Wednesday after the early-2026 funding lapse
    date(2026, 7, 2),  # June report: Friday 3 July is the Independence Day holiday
}
UID_RE = re.compile(r"^[a-z0-9-]+@reference\.calendar-daemon$")


@cache
def _records(name: str) -> tuple[EventRecord, ...]:
    return tuple(read_event_file(REFERENCE / name))


def _by_prefix(name: str, prefix: str) -> list[EventRecord]:
    return [r for r in _records(name) if r.uid.startswith(prefix)]


def _local(record: EventRecord) -> datetime:
    assert record.start_at is not None, record.uid
    return record.start_at.replace(tzinfo=UTC).astimezone(ZoneInfo(record.timezone))


def _days(record: EventRecord) -> Iterator[date]:
    assert record.start_date is not None, record.uid
    day, last = record.start_date, record.end_date or record.start_date
    while day <= last:
        yield day
        day += timedelta(days=1)


def _us_federal_holidays(*years: int) -> holidays.HolidayBase:
    return holidays.country_holidays("US", years=years)


@pytest.mark.parametrize("name", FILES)
def test_every_event_cites_an_official_url_and_has_a_unique_uid(name: str) -> None:
    records = _records(name)
    assert records
    assert len({r.uid for r in records}) == len(records)
    assert len({(r.title, r.sort_start) for r in records}) == len(records)
    for record in records:
        assert UID_RE.match(record.uid), record.uid
        assert record.status == "confirmed"
        assert record.sources, record.uid
        for source in record.sources:
            assert source["authority"] == "official", record.uid
            assert str(source["url"]).startswith("https://"), record.uid
            assert "2026-12-04" in str(source["note"]), record.uid  # the retrieval date


@pytest.mark.parametrize("name", RELEASE_FILES)
def test_releases_are_0830_new_york_on_weekdays_that_are_not_us_holidays(name: str) -> None:
    closed = _us_federal_holidays(2025, 2026, 2027)
    slots: set[tuple[str, datetime]] = set()
    for record in _records(name):
        assert (record.precision, record.timezone, record.region) == ("datetime", "America/New_York", "US")
        local = _local(record)
        assert local.time() == time(8, 30), record.uid
        assert local.weekday() < 5, record.uid
        assert local.date() not in closed, (record.uid, closed.get(local.date()))
        kind = record.uid.split("-20")[0]
        assert (kind, local) not in slots, record.uid  # one release of a kind per slot
        slots.add((kind, local))


@pytest.mark.parametrize(
    ("uid", "utc"),
    [
        ("bls-cpi-2025-12", datetime(2026, 1, 13, 13, 30)),  # EST: 08:30 = 13:30Z
        ("bls-cpi-2026-02", datetime(2026, 3, 11, 12, 30)),  # three days after the switch to EDT
        ("bls-employment-situation-2026-02", datetime(2026, 3, 6, 13, 30)),  # two days before it
        ("bls-cpi-2026-10", datetime(2026, 11, 10, 13, 30)),  # back on EST after 1 November
        ("bls-employment-situation-2026-09", datetime(2026, 10, 2, 12, 30)),
        ("bea-personal-income-outlays-2026-11", datetime(2026, 12, 23, 13, 30)),
        ("bea-gdp-2026-q3-advance", datetime(2026, 10, 29, 12, 30)),
    ],
)
def test_release_instants_follow_daylight_saving_time(uid: str, utc: datetime) -> None:
    records = {r.uid: r for name in RELEASE_FILES for r in _records(name)}
    record = records[f"{uid}@reference.calendar-daemon"]
    assert record.start_at == utc
    assert _local(record).time() == time(8, 30)


def test_bls_months_are_complete_and_in_order() -> None:
    for prefix, first, count in (("bls-cpi-", "2025-12", 12), ("bls-employment-situation-", "2025-12", 12),
                                 ("bls-ppi-", "2025-11", 13)):  # fmt: skip
        records = sorted(_by_prefix("bls-2026.yaml", prefix), key=lambda r: r.uid)
        assert len(records) == count, prefix
        assert records[0].uid == f"{prefix}{first}@reference.calendar-daemon"
        releases = [_local(r) for r in records]
        assert releases == sorted(releases), prefix  # each reference month comes out after the one before
        for record in records:
            year, month = (int(x) for x in record.uid.removeprefix(prefix).split("@")[0].split("-"))
            assert _local(record).date() > date(year, month, 1) + timedelta(days=27), record.uid


def test_employment_situation_is_on_fridays_but_the_listed_exceptions() -> None:
    days = {_local(r).date() for r in _by_prefix("bls-2026.yaml", "bls-employment-situation-")}
    assert {d for d in days if d.weekday() != 4} == NFP_NOT_ON_FRIDAY
    assert date(2026, 7, 3) in _us_federal_holidays(2026)  # why the June report came out on Thursday
    assert all(d.day <= 11 for d in days)  # early in the month following the reference month


def test_bea_releases_gdp_and_pce_together() -> None:
    gdp = {_local(r) for r in _by_prefix("bea-2026.yaml", "bea-gdp-")}
    pce = {_local(r) for r in _by_prefix("bea-2026.yaml", "bea-personal-income-outlays-")}
    assert gdp == pce and len(gdp) == 4


def test_nbs_releases_keep_their_beijing_times_and_avoid_statutory_holidays() -> None:
    cpi = _by_prefix("nbs-2026.yaml", "cn-nbs-cpi-")
    activity = _by_prefix("nbs-2026.yaml", "cn-nbs-activity-")
    assert (len(cpi), len(activity)) == (12, 11)  # no activity release in February (January-February combined)
    for record in (*cpi, *activity):
        assert (record.precision, record.timezone, record.region) == ("datetime", "Asia/Shanghai", "CN")
        local = _local(record)
        on_holiday, name = chinese_calendar.get_holiday_detail(local.date())
        assert not (on_holiday and name), (record.uid, name)  # weekends do happen (Sunday 9 August), holidays not
        assert local.utcoffset() == timedelta(hours=8)  # Beijing has no daylight saving time
    assert {_local(r).time() for r in cpi} == {time(9, 30)}
    assert {_local(r).time() for r in activity} == {time(10, 0), time(15, 0)}
    assert [r.uid for r in activity if _local(r).time() == time(15, 0)] == ["cn-nbs-activity-2026-06@reference.calendar-daemon"]
    quarterly = sorted(_local(r).date() for r in activity if "gdp" in r.tags)
    assert quarterly == [date(2026, 1, 19), date(2026, 4, 16), date(2026, 7, 15), date(2026, 10, 19)]
    assert all("GDP" in r.title for r in activity if "gdp" in r.tags)
    days = sorted(_local(r).date() for r in (*cpi, *activity))
    assert len(days) == len(set(days))  # CPI and activity never share a day


@pytest.mark.parametrize("name", HOLIDAY_FILES)
def test_exchange_closures_agree_with_the_trading_day_logic(name: str) -> None:
    exchange, years = HOLIDAY_FILES[name]
    covered: set[date] = set()
    for record in _records(name):
        assert record.precision == "date" and record.category == "other", record.uid
        assert "closed" in record.title, record.uid
        for day in _days(record):
            assert day.year in years, record.uid
            assert not is_trading_day(exchange, day), (record.uid, day)
            covered.add(day)
        assert any(day.weekday() < 5 for day in _days(record)), record.uid  # no event for a weekend alone
    weekday_closures = {
        day
        for year in years
        for day in (date(year, 1, 1) + timedelta(days=n) for n in range(366))
        if day.year == year and day.weekday() < 5 and not is_trading_day(exchange, day)
    }
    assert {d for d in covered if d.weekday() < 5} == weekday_closures


def test_mainland_closures_keep_the_make_up_working_days_closed() -> None:
    spans = {r.uid: (r.start_date, r.end_date) for r in _records("holidays-cn-2026.yaml")}
    assert spans["cn-exchanges-closed-2026-spring-festival@reference.calendar-daemon"] == (
        date(2026, 2, 15), date(2026, 2, 23))  # fmt: skip
    for make_up in (date(2026, 1, 4), date(2026, 2, 14), date(2026, 2, 28), date(2026, 5, 9), date(2026, 9, 20),
                    date(2026, 10, 10)):  # fmt: skip
        assert not is_trading_day("XSHG", make_up)  # offices work, the exchanges do not trade
    assert is_trading_day("XSHG", date(2026, 2, 24))  # the day the notice reopens trading


def test_us_releases_on_nyse_closures_are_on_good_friday_only() -> None:
    closed = {d for r in _records("holidays-nyse-2026-2027.yaml") for d in _days(r)}
    released = {_local(r).date(): r.uid for name in RELEASE_FILES for r in _records(name)}
    # Good Friday closes the exchange but is no federal holiday: BLS publishes the jobs report that day.
    assert {d: released[d] for d in closed & set(released)} == {
        date(2026, 4, 3): "bls-employment-situation-2026-03@reference.calendar-daemon"
    }
    assert date(2026, 4, 3) not in _us_federal_holidays(2026)


def test_seeding_keeps_every_reference_event_and_merges_the_article_ppi(tmp_path: Path, store: EventStore) -> None:
    load_seeds(store, REPO_ROOT / "seeds", reference=ReferenceOptions(horizon_days=30),
               now=datetime(2026, 12, 1, 8, tzinfo=UTC))  # fmt: skip
    for name in FILES:
        for record in _records(name):
            stored = store.get(record.uid)
            assert stored is not None, record.uid
            assert stored.start_at == record.start_at and stored.start_date == record.start_date, record.uid
    ppi = store.get("bls-ppi-2025-12@reference.calendar-daemon")
    assert ppi is not None and {s["authority"] for s in ppi.sources} == {"official", "news"}
    assert store.get("us-ppi-2025-12@seeds.calendar-daemon") is None  # merged, not a second event
