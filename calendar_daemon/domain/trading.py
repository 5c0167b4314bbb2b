"""Trading days of the Shanghai/Shenzhen, Hong Kong and New York stock exchanges.

Holiday data comes from maintained libraries, never from tables written here:

* Mainland China (``XSHG``/``XSHE``, alias ``CN``): ``chinese-calendar`` carries the State Council's
  yearly holiday arrangement and raises for years whose arrangement it does not have, so it decides
  whether a year's holidays are *published*.  For published years a day is closed when it is a
  weekend, a ``chinese-calendar`` holiday, or an exchange holiday in the ``holidays`` package's
  ``XSHG``/``XSHE`` calendars (which add exchange-only closures such as New Year's Eve 2024).  The
  two libraries agree on every 2026 weekday.  The exchanges never trade on weekends, including the
  make-up working Saturdays/Sundays (调休) on which offices work.  For a year without a published
  arrangement the statutory holidays are still known: the national holiday regulation fixes their
  days (元旦, 除夕 and the first three days of 春节, 清明, two days of 劳动节, 端午, 中秋, three days of
  国庆), and the ``holidays`` package's China calendar without "observed" days gives exactly those.
  The extra days of each break and the make-up working days are the yearly arrangement, which is
  not guessed: such a year is marked unpublished and every shift says so.
* Hong Kong (``XHKG``) and New York (``XNYS``): the ``holidays`` package's financial calendars, which
  compute holidays from each market's fixed rules within the package's supported years.  Unplanned
  closures (typhoon or black-rainstorm signals in Hong Kong, national days of mourning) cannot be
  known in advance.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from importlib.metadata import version
from types import ModuleType
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from calendar_daemon.domain.lazy_calendars import holiday_package

if TYPE_CHECKING:
    from holidays import HolidayBase

logger = logging.getLogger(__name__)

_MAX_SCAN_DAYS = 60
SHIFTED_CATEGORIES = ("lockup", "ipo")  # dated on a closed day, these take effect on the next trading day


@dataclass(frozen=True)
class Exchange:
    """A stock exchange: ISO 10383 MIC, short name, time zone, opening of continuous trading."""

    mic: str
    name: str
    timezone: str
    opens: time
    mainland: bool  # True for the mainland exchanges (chinese-calendar decides published years)


EXCHANGES: dict[str, Exchange] = {
    "XSHG": Exchange("XSHG", "SSE", "Asia/Shanghai", time(9, 30), True),
    "XSHE": Exchange("XSHE", "SZSE", "Asia/Shanghai", time(9, 30), True),
    "XHKG": Exchange("XHKG", "HKEX", "Asia/Hong_Kong", time(9, 30), False),
    "XNYS": Exchange("XNYS", "NYSE", "America/New_York", time(9, 30), False),
}
ALIASES: dict[str, str] = {
    "CN": "XSHG",
    "SSE": "XSHG",
    "SZSE": "XSHE",
    "HK": "XHKG",
    "HKEX": "XHKG",
    "SEHK": "XHKG",
    "US": "XNYS",
    "NYSE": "XNYS",
}


@dataclass(frozen=True)
class TradingShift:
    """The result of moving a date onto a trading day."""

    exchange: str  # MIC
    original: date
    shifted: date
    reason: str
    holidays_published: bool  # False: at least one year involved had no holiday data (weekends only)

    @property
    def moved(self) -> bool:
        return self.shifted != self.original


def get_exchange(code: str) -> Exchange:
    """Resolve a MIC or alias (``CN``, ``HK``, ``US``, ``SSE``...), case-insensitively."""
    key = code.strip().upper()
    key = ALIASES.get(key, key)
    try:
        return EXCHANGES[key]
    except KeyError:
        known = sorted(set(EXCHANGES) | set(ALIASES))
        raise ValueError(f"unknown exchange {code!r}; known codes: {', '.join(known)}") from None


# The holiday libraries (~3 MB of a process's memory, with only these markets' modules: see
# lazy_calendars) are imported when a trading day is first asked about, not by everything that
# imports this module for the exchange table (the alert planner).
@cache
def _calendar(mic: str) -> HolidayBase:
    calendar: HolidayBase = holiday_package().financial_holidays(mic)
    return calendar


def _chinese_calendar() -> ModuleType:
    import chinese_calendar  # type: ignore[import-untyped]

    module: ModuleType = chinese_calendar
    return module


@cache
def _statutory_holidays(year: int) -> HolidayBase:
    calendar: HolidayBase = holiday_package().country_holidays("CN", years=year, observed=False)
    return calendar


def _statutory_holiday(d: date) -> str | None:
    """The statutory mainland holiday on ``d`` (fixed by the holiday regulation), or None."""
    name: str | None = _statutory_holidays(d.year).get(d)
    return name


@cache
def _mainland_published(year: int) -> bool:
    try:
        _chinese_calendar().get_holiday_detail(date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


def holidays_published(exchange: str, year: int) -> bool:
    """Whether holiday data exists for ``year``; without it only weekends close the market."""
    ex = get_exchange(exchange)
    if ex.mainland:
        return _mainland_published(year)
    cal = _calendar(ex.mic)
    return cal.start_year <= year <= cal.end_year


def _data_label(ex: Exchange) -> str:
    if ex.mainland:
        return f"chinese-calendar {version('chinese-calendar')}"
    return f"holidays {version('holidays')} ({ex.mic})"


def closure_reason(exchange: str, d: date) -> str | None:
    """Why ``exchange`` is closed on ``d`` (e.g. ``a Saturday``), or None on a trading day."""
    ex = get_exchange(exchange)
    published = holidays_published(ex.mic, d.year)
    if d.weekday() >= 5:
        day_name = "a Saturday" if d.weekday() == 5 else "a Sunday"
        if ex.mainland and published and _chinese_calendar().is_workday(d):
            return f"{day_name} (a make-up working day on the mainland, but the exchange stays closed)"
        return day_name
    if not published:
        statutory = _statutory_holiday(d) if ex.mainland else None
        return None if statutory is None else f"an {ex.name} holiday ({statutory}, statutory)"
    name = _calendar(ex.mic).get(d)
    if ex.mainland and name is None:
        is_holiday, detail = _chinese_calendar().get_holiday_detail(d)
        if is_holiday:
            name = detail or "public holiday"
    if name is None:
        return None
    return f"an {ex.name} holiday ({name})"  # SSE, SZSE, HKEX, NYSE all take "an"


def is_trading_day(exchange: str, d: date) -> bool:
    """True when the exchange trades on ``d`` (weekends, make-up Saturdays and holidays are not)."""
    return closure_reason(exchange, d) is None


def next_trading_day(exchange: str, d: date) -> TradingShift:
    """``d`` itself when it is a trading day, otherwise the first trading day after it."""
    ex = get_exchange(exchange)
    why = closure_reason(ex.mic, d)
    years = {d.year}
    if why is None:
        shifted = d
        reason = f"{d.isoformat()} is an {ex.name} trading day"
    else:
        shifted = d
        for _ in range(_MAX_SCAN_DAYS):
            shifted += timedelta(days=1)
            years.add(shifted.year)
            if closure_reason(ex.mic, shifted) is None:
                break
        else:  # pragma: no cover - no market closes for two months
            raise RuntimeError(f"no {ex.name} trading day within {_MAX_SCAN_DAYS} days after {d}")
        reason = f"{d.isoformat()} is {why}; moved to the next {ex.name} trading day {shifted.isoformat()}"
    missing = sorted(y for y in years if not holidays_published(ex.mic, y))
    if missing:
        listed = ", ".join(str(y) for y in missing)
        considered = ("weekends and statutory holidays were considered; the extra days of each break and the"
                      " make-up working days are not known yet") if ex.mainland else "only weekends were considered"
        reason += f" (no published {listed} holiday calendar for {ex.name} in {_data_label(ex)}; {considered})"
        logger.info("%s: holiday data missing for %s; %s", ex.mic, listed, considered)
    return TradingShift(
        exchange=ex.mic, original=d, shifted=shifted, reason=reason, holidays_published=not missing
    )


def market_open(exchange: str, d: date) -> datetime:
    """The aware start of continuous trading on ``d`` (09:30 local on all four exchanges).

    Raises ValueError when ``d`` is not a trading day; use :func:`next_trading_day` first.
    """
    ex = get_exchange(exchange)
    why = closure_reason(ex.mic, d)
    if why is not None:
        raise ValueError(f"{d.isoformat()} is not an {ex.name} trading day: it is {why}")
    return datetime.combine(d, ex.opens, tzinfo=ZoneInfo(ex.timezone))
