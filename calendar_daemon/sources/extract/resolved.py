"""Calendar arithmetic and the ``Resolved`` value shared by the recognisers."""

from __future__ import annotations

import calendar
import logging
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from calendar_daemon.domain.periods import Precision

logger = logging.getLogger(__name__)

PRECISIONS: tuple[str, ...] = tuple(p.value for p in Precision)  # finest first

# How the expression relates to its period.
KINDS = (
    "point",  # a plain date / period
    "range",  # A .. B
    "deadline",  # by / before X: published .. X
    "open_start",  # from X on
    "as_of",  # 截至 X (a snapshot, never an event)
    "relative_range",  # next/last N units
    "fuzzy",  # around X / later in X
)


@dataclass(frozen=True)
class Resolved:
    """A resolved time expression; ``end`` is inclusive (None = open)."""

    start: date | datetime | None
    end: date | datetime | None
    precision: str
    kind: str = "point"
    timezone: str = "Asia/Shanghai"
    fiscal: bool = False
    label: str | None = None  # e.g. "FY2026-Q2" when no issuer calendar is known
    past_relative: bool = False  # "两周前", "近三个月", "本周" looking back

    def start_iso(self) -> str | None:
        return iso(self.start)

    def end_iso(self) -> str | None:
        return iso(self.end)

    def with_kind(self, kind: str, **changes: object) -> Resolved:
        return replace(self, kind=kind, **changes)  # type: ignore[arg-type]

    def first_day(self) -> date | None:
        return as_date(self.start)

    def last_day(self) -> date | None:
        return as_date(self.end) if self.end is not None else None


def iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes" if value.second == 0 else "seconds")
    return value.isoformat()


def as_date(value: date | datetime | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    return value


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def valid_ymd(year: int, month: int, day: int) -> bool:
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2200):
        return False
    return day <= calendar.monthrange(year, month)[1]


def day(d: date, tz: str) -> Resolved:
    return Resolved(d, d, "date", timezone=tz)


def month(year: int, mon: int, tz: str) -> Resolved:
    return Resolved(date(year, mon, 1), month_end(year, mon), "month", timezone=tz)


def quarter(year: int, q: int, tz: str) -> Resolved:
    first = 3 * (q - 1) + 1
    return Resolved(date(year, first, 1), month_end(year, first + 2), "quarter", timezone=tz)


def half(year: int, h: int, tz: str) -> Resolved:
    if h == 1:
        return Resolved(date(year, 1, 1), date(year, 6, 30), "half", timezone=tz)
    return Resolved(date(year, 7, 1), date(year, 12, 31), "half", timezone=tz)


def year(y: int, tz: str) -> Resolved:
    return Resolved(date(y, 1, 1), date(y, 12, 31), "year", timezone=tz)


def week_of(d: date, tz: str) -> Resolved:
    monday = d - timedelta(days=d.weekday())
    return Resolved(monday, monday + timedelta(days=6), "week", timezone=tz)


def add_months(d: date, months: int) -> date:
    total = d.year * 12 + (d.month - 1) + months
    y, m = divmod(total, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def span(a: Resolved, b: Resolved, kind: str = "range") -> Resolved:
    """From the start of ``a`` to the end of ``b`` (precision: the coarser one)."""
    order = {p: i for i, p in enumerate(PRECISIONS)}
    prec = a.precision if order.get(a.precision, 0) >= order.get(b.precision, 0) else b.precision
    if prec == "datetime":
        prec = "date"
    start = as_date(a.start) if prec != "datetime" else a.start
    end = b.end if b.end is not None else b.start
    return Resolved(start, as_date(end), prec, kind=kind, timezone=a.timezone)


def nearest_year(mon: int, dd: int, ref: date) -> int:
    """Year for a month-day without a year: the occurrence within ~6 months of ``ref``."""
    y = ref.year
    if not valid_ymd(y, mon, min(dd, 28) if not valid_ymd(y, mon, dd) else dd):
        return y
    cand = date(y, mon, min(dd, calendar.monthrange(y, mon)[1]))
    if (cand - ref).days < -183:
        return y + 1
    if (cand - ref).days > 183:
        return y - 1
    return y


def upcoming_month_year(mon: int, ref: date) -> int:
    """Year of a bare month: this year unless the month is more than ~3 months gone; a month more
    than eight months ahead is last year's, just gone ("a gain in December", written in January)."""
    delta = mon - ref.month
    if delta < -3:
        return ref.year + 1
    if delta > 8:
        return ref.year - 1
    return ref.year


# --- fiscal calendars --------------------------------------------------------------
# Issuer fiscal years that do not follow the calendar year.  Each rule gives the
# last day of fiscal year ``fy``; quarters are 13-week blocks (52/53-week years)
# or calendar-month quarters for month-end years.


def _weekday_nearest(d: date, weekday: int) -> date:
    delta = (weekday - d.weekday()) % 7
    after = d + timedelta(days=delta)
    before = after - timedelta(days=7)
    return after if (after - d) <= (d - before) else before


def _last_weekday_of_month(y: int, m: int, weekday: int) -> date:
    last = month_end(y, m)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


@dataclass(frozen=True)
class FiscalRule:
    names: tuple[str, ...]
    kind: str  # "week52" or "month"
    anchor_month: int  # month in which the fiscal year ends
    weekday: int = 3  # for week52 rules
    mode: str = "nearest"  # nearest end-of-month weekday, or "last"

    def year_end(self, fy: int) -> date:
        if self.kind == "month":
            return month_end(fy, self.anchor_month)
        if self.mode == "last":
            return _last_weekday_of_month(fy, self.anchor_month, self.weekday)
        return _weekday_nearest(month_end(fy, self.anchor_month), self.weekday)

    def quarter_bounds(self, fy: int, q: int) -> tuple[date, date]:
        prev_end = self.year_end(fy - 1)
        if self.kind == "month":
            start = prev_end + timedelta(days=1)
            qs = add_months(start, 3 * (q - 1))
            qe = add_months(qs, 3) - timedelta(days=1)
            return qs, qe
        start = prev_end + timedelta(days=1)
        qs = start + timedelta(weeks=13 * (q - 1))
        qe = self.year_end(fy) if q == 4 else qs + timedelta(weeks=13) - timedelta(days=1)
        return qs, qe


FISCAL_RULES: tuple[FiscalRule, ...] = (
    FiscalRule(("美光", "micron"), "week52", 8, weekday=3),
    FiscalRule(("英伟达", "nvidia"), "week52", 1, weekday=6, mode="last"),
    FiscalRule(("苹果", "apple"), "week52", 9, weekday=5, mode="last"),
    FiscalRule(("微软", "microsoft"), "month", 6),
    FiscalRule(("甲骨文", "oracle"), "month", 5),
    FiscalRule(("思科", "cisco"), "week52", 7, weekday=5, mode="last"),
    FiscalRule(("博通", "broadcom"), "week52", 10, weekday=6, mode="nearest"),
)


def fiscal_rule_for(context: str) -> FiscalRule | None:
    low = context.lower()
    for rule in FISCAL_RULES:
        if any(name in low for name in rule.names):
            return rule
    return None


def fiscal_quarter(fy: int, q: int, context: str, tz: str) -> Resolved:
    """A fiscal quarter: real dates when the issuer calendar is known, else a label."""
    rule = fiscal_rule_for(context)
    label = f"FY{fy}-Q{q}"
    if rule is None:
        return Resolved(None, None, "quarter", timezone=tz, fiscal=True, label=label)
    qs, qe = rule.quarter_bounds(fy, q)
    return Resolved(qs, qe, "quarter", timezone=tz, fiscal=True, label=label)


def fiscal_year(fy: int, context: str, tz: str) -> Resolved:
    rule = fiscal_rule_for(context)
    if rule is None:
        return Resolved(None, None, "year", timezone=tz, fiscal=True, label=f"FY{fy}")
    return Resolved(rule.year_end(fy - 1) + timedelta(days=1), rule.year_end(fy), "year", timezone=tz,
                    fiscal=True, label=f"FY{fy}")
