from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import chinese_calendar  # type: ignore[import-untyped]
import holidays
import pytest

from calendar_daemon.domain.trading import (
    get_exchange,
    holidays_published,
    is_trading_day,
    market_open,
    next_trading_day,
)
from tests.helpers import cli_env


def test_cn_lockup_on_saturday_moves_to_monday() -> None:
    shift = next_trading_day("CN", date(2027, 1, 9))
    assert shift.exchange == "XSHG"
    assert shift.original == date(2027, 1, 9)
    assert shift.shifted == date(2027, 1, 11)
    assert shift.moved
    assert shift.reason.startswith("2027-01-09 is a Saturday; moved to the next SSE trading day 2027-01-11")
    if holidays_published("CN", 2027):
        assert shift.holidays_published
        assert "only weekends" not in shift.reason
    else:
        assert not shift.holidays_published
        assert "weekends and statutory holidays were considered" in shift.reason and "make-up working days are not known yet" in shift.reason
        assert "2027" in shift.reason.split(";", 1)[1]


def test_cn_national_day_holiday_weekday() -> None:
    assert date(2026, 10, 5).weekday() == 0
    assert not is_trading_day("XSHG", date(2026, 10, 5))
    shift = next_trading_day("XSHG", date(2026, 10, 5))
    assert shift.shifted == date(2026, 10, 8)  # National Day break runs 1-7 October 2026
    assert shift.holidays_published
    assert "SSE holiday" in shift.reason and "National Day" in shift.reason


def test_cn_make_up_working_weekend_days_are_not_trading_days() -> None:
    makeup = [
        d
        for d in chinese_calendar.get_workdays(date(2026, 1, 1), date(2026, 12, 31))
        if d.weekday() >= 5
    ]
    assert makeup, "chinese-calendar lists no make-up working weekend days in 2026"
    assert date(2026, 10, 10) in makeup  # the Saturday after the National Day break
    for d in makeup:
        assert chinese_calendar.is_workday(d)
        for exchange in ("XSHG", "XSHE", "CN"):
            assert not is_trading_day(exchange, d), (exchange, d)
    shift = next_trading_day("CN", date(2026, 10, 10))
    assert shift.shifted == date(2026, 10, 12)
    assert "make-up working day" in shift.reason


def test_cn_libraries_agree_on_2026_weekday_closures() -> None:
    sse = holidays.financial_holidays("XSHG", years=2026)
    day = date(2026, 1, 1)
    while day.year == 2026:
        if day.weekday() < 5:
            closed_cc = chinese_calendar.is_holiday(day)
            assert closed_cc == (day in sse), day
            assert is_trading_day("CN", day) is not closed_cc, day
        day += timedelta(days=1)


def test_cn_year_without_arrangement_uses_weekends_and_statutory_holidays() -> None:
    """Without a published arrangement the statutory days are still known (the regulation fixes them:
    National Day is 1-3 October); the extra days of the break and the make-up days are not guessed."""
    year = 2040
    assert not holidays_published("CN", year)
    assert date(year, 10, 1).weekday() == 0
    assert not is_trading_day("CN", date(year, 10, 1))
    shift = next_trading_day("CN", date(year, 10, 1))
    assert shift.shifted == date(year, 10, 4)  # 2 and 3 October are statutory too; 4 October is not
    assert not shift.holidays_published
    assert "National Day, statutory" in shift.reason and "weekends and statutory holidays were considered" in shift.reason
    assert is_trading_day("CN", date(year, 10, 4))  # in a published year the break would run on: not guessed


def test_cn_statutory_holidays_of_an_unpublished_year_close_the_exchange() -> None:
    """2027-01-01 (New Year's Day), 2027-02-05 (Spring Festival eve) and 2027-02-08 (third day of the
    Spring Festival) are statutory holidays whatever the 2027 arrangement says."""
    if holidays_published("CN", 2027):
        pytest.skip("chinese-calendar now has the 2027 arrangement")
    for day in (date(2027, 1, 1), date(2027, 2, 5), date(2027, 2, 8)):
        assert not is_trading_day("CN", day), day
    assert next_trading_day("CN", date(2026, 12, 31)).shifted == date(2026, 12, 31)
    assert next_trading_day("CN", date(2027, 2, 5)).shifted == date(2027, 2, 9)


def test_hk_lunar_new_year_2026() -> None:
    for d in (date(2026, 2, 17), date(2026, 2, 18), date(2026, 2, 19)):
        assert not is_trading_day("HK", d)
    assert is_trading_day("XHKG", date(2026, 2, 16))  # Lunar New Year's Eve: half-day, still open
    shift = next_trading_day("HK", date(2026, 2, 17))
    assert shift.shifted == date(2026, 2, 20)
    assert "HKEX holiday" in shift.reason and "Chinese New Year" in shift.reason


def test_us_independence_day_observed_and_thanksgiving() -> None:
    shift = next_trading_day("US", date(2026, 7, 3))
    assert shift.shifted == date(2026, 7, 6)
    assert "Independence Day" in shift.reason
    shift = next_trading_day("XNYS", date(2026, 11, 26))
    assert shift.shifted == date(2026, 11, 27)
    assert "Thanksgiving" in shift.reason
    assert is_trading_day("NYSE", date(2026, 11, 27))


def test_trading_day_is_returned_unchanged() -> None:
    shift = next_trading_day("US", date(2026, 11, 30))
    assert not shift.moved
    assert shift.reason == "2026-11-30 is an NYSE trading day"


@pytest.mark.parametrize(
    ("exchange", "day", "zone", "utc"),
    [
        ("CN", date(2026, 10, 8), "Asia/Shanghai", datetime(2026, 10, 8, 1, 30, tzinfo=UTC)),
        ("XSHE", date(2026, 10, 8), "Asia/Shanghai", datetime(2026, 10, 8, 1, 30, tzinfo=UTC)),
        ("HK", date(2026, 2, 20), "Asia/Hong_Kong", datetime(2026, 2, 20, 1, 30, tzinfo=UTC)),
        ("US", date(2026, 3, 6), "America/New_York", datetime(2026, 3, 6, 14, 30, tzinfo=UTC)),
        ("US", date(2026, 3, 9), "America/New_York", datetime(2026, 3, 9, 13, 30, tzinfo=UTC)),
    ],
)
def test_market_open(exchange: str, day: date, zone: str, utc: datetime) -> None:
    opened = market_open(exchange, day)
    assert opened.tzinfo is not None
    assert opened == datetime(day.year, day.month, day.day, 9, 30, tzinfo=ZoneInfo(zone))
    assert opened.astimezone(UTC) == utc


def test_market_open_on_closed_day_raises() -> None:
    with pytest.raises(ValueError, match="not an NYSE trading day"):
        market_open("US", date(2026, 11, 26))
    with pytest.raises(ValueError, match="Saturday"):
        market_open("CN", date(2026, 10, 10))


def test_exchange_codes_and_aliases() -> None:
    assert get_exchange("cn").mic == "XSHG"
    assert get_exchange("SZSE").mic == "XSHE"
    assert get_exchange(" hk ").mic == "XHKG"
    assert get_exchange("US").mic == "XNYS"
    with pytest.raises(ValueError, match="unknown exchange 'XLON'"):
        is_trading_day("XLON", date(2026, 1, 5))


def test_hk_and_us_published_range_follows_library() -> None:
    assert holidays_published("HK", 2026)
    assert holidays_published("US", 2027)
    assert not holidays_published("HK", 2010)  # the HKEX calendar in `holidays` starts in 2014


# Every day of 2026-2027 on the four exchanges, as the trading calendar answers it in a fresh process:
# ``lazy`` as the daemon runs (only the markets' modules of the holiday package imported), ``whole``
# with the package's every country and market imported first, as before.
_ANSWERS = """
import json, sys
from datetime import date, timedelta
if sys.argv[1] == "whole":
    import holidays.countries, holidays.financial
from calendar_daemon.domain.trading import closure_reason, next_trading_day
days = [date(2026, 1, 1) + timedelta(days=n) for n in range((date(2028, 1, 1) - date(2026, 1, 1)).days)]
answers = {mic: {d.isoformat(): [closure_reason(mic, d), next_trading_day(mic, d).shifted.isoformat()] for d in days}
           for mic in ("XSHG", "XSHE", "XHKG", "XNYS")}
loaded = sorted(m for m in sys.modules if m.startswith(("holidays.countries.", "holidays.financial.")))
print(json.dumps({"answers": answers, "loaded": loaded}))
"""


def _answers(mode: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-c", _ANSWERS, mode], env=cli_env(), capture_output=True, text=True, timeout=120, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_trading_calendar_imports_only_its_markets_and_answers_as_with_the_whole_package() -> None:
    lazy, whole = _answers("lazy"), _answers("whole")
    assert lazy["answers"] == whole["answers"]
    # the four markets and the countries they build on, not the package's ~340 modules
    assert {"holidays.countries.china", "holidays.financial.ny_stock_exchange"} <= set(lazy["loaded"])
    assert len(lazy["loaded"]) < 10 and len(whole["loaded"]) > 200
    # and the answers are the holiday package's own for Hong Kong and New York: closed on weekends and its holidays
    for mic in ("XHKG", "XNYS"):
        calendar = holidays.financial_holidays(mic, years=[2026, 2027])
        for day, (reason, _) in lazy["answers"][mic].items():
            d = date.fromisoformat(day)
            assert (reason is not None) == (d.weekday() >= 5 or d in calendar), (mic, day, reason)
    # the mainland: closed on weekends, on the package's exchange holidays and on chinese-calendar's holidays
    shanghai = holidays.financial_holidays("XSHG", years=[2026, 2027])
    for day, (reason, shifted) in lazy["answers"]["XSHG"].items():
        d = date.fromisoformat(day)
        published = holidays_published("XSHG", d.year)
        closed = d.weekday() >= 5 or (published and (d in shanghai or chinese_calendar.is_holiday(d))) or (
            not published and d in holidays.country_holidays("CN", years=d.year, observed=False))
        assert (reason is not None) == closed, (day, reason)
        assert (shifted == day) == (reason is None)


def test_holiday_package_names_load_on_first_use_in_a_fresh_process() -> None:
    script = (
        "import sys\nfrom calendar_daemon.domain.lazy_calendars import holiday_package\n"
        "h = holiday_package()\nfrom holidays.countries import Germany\nfrom holidays.financial import XLON\n"
        "from datetime import date\nassert date(2026, 12, 25) in Germany(years=2026) and date(2026, 12, 25) in XLON(years=2026)\n"
        "assert date(2026, 10, 1) in h.country_holidays('CN', years=2026)\n"
        "try:\n    from holidays.countries import Atlantis\nexcept ImportError as exc:\n    print('refused', exc)\n"
        "print(sorted(m for m in sys.modules if m.startswith('holidays.countries.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], env=cli_env(), capture_output=True, text=True, timeout=60, check=True)
    assert "refused cannot import name 'Atlantis'" in done.stdout
    # Germany, China, and the United Kingdom the London exchange's calendar builds on: nothing else
    assert done.stdout.strip().splitlines()[-1] == str([f"holidays.countries.{c}" for c in ("china", "germany", "united_kingdom")])
