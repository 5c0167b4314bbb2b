"""Precisions and the calendar periods they span.

An event's *precision* says how exactly its date is known: an instant (``datetime``), a day
(``date``), or a coarse period (``week``, ``month``, ``quarter``, ``half``, ``year``). A coarse event
spans its whole period; these helpers compute, parse and label such periods.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from enum import StrEnum


class Precision(StrEnum):
    DATETIME = "datetime"
    DATE = "date"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"

    @property
    def is_coarse(self) -> bool:
        return self not in (Precision.DATETIME, Precision.DATE)


def period_start(precision: Precision, day: date) -> date:
    """The first day of the period of ``precision`` that contains ``day``."""
    if precision is Precision.WEEK:
        return day - timedelta(days=day.weekday())
    if precision is Precision.MONTH:
        return day.replace(day=1)
    if precision is Precision.QUARTER:
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if precision is Precision.HALF:
        return date(day.year, 1 if day.month <= 6 else 7, 1)
    if precision is Precision.YEAR:
        return date(day.year, 1, 1)
    return day


def period_end(precision: Precision, start: date) -> date:
    """The last day (inclusive) of the period of ``precision`` that starts at ``start``."""
    if precision is Precision.WEEK:
        return start + timedelta(days=6)
    months = {Precision.MONTH: 1, Precision.QUARTER: 3, Precision.HALF: 6, Precision.YEAR: 12}.get(precision)
    if months is None:
        return start
    month_index = start.month - 1 + months - 1
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, calendar.monthrange(year, month)[1])


_PERIOD_RE = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<month>\d{1,2})|Q(?P<quarter>[1-4])|H(?P<half>[12])|W(?P<week>\d{1,2})))?$",
    re.IGNORECASE,
)


def parse_period(text: str, precision: Precision) -> date | None:
    """Parse the shorthands ``2026``, ``2026-05``, ``2026-Q2``, ``2026-H1``, ``2026-W05``.

    Returns the first day of the period, or ``None`` when ``text`` is not such a shorthand.
    """
    match = _PERIOD_RE.match(text.strip())
    if not match:
        return None
    year = int(match["year"])
    if match["month"]:
        return date(year, int(match["month"]), 1)
    if match["quarter"]:
        return date(year, 3 * (int(match["quarter"]) - 1) + 1, 1)
    if match["half"]:
        return date(year, 1 if match["half"] == "1" else 7, 1)
    if match["week"]:
        return date.fromisocalendar(year, int(match["week"]), 1)
    if precision is Precision.YEAR or precision.is_coarse:
        return date(year, 1, 1)
    return None


def period_label(precision: Precision, start: date, end: date | None = None) -> str:
    """A short human label of the period, used in feed titles: ``2026 Q2``, ``Week of 26 Jan 2026``."""

    def one(p_start: date) -> str:
        if precision is Precision.WEEK:
            return f"Week of {p_start.day} {p_start.strftime('%b')} {p_start.year}"
        if precision is Precision.MONTH:
            return f"{p_start.year}-{p_start.month:02d}"
        if precision is Precision.QUARTER:
            return f"{p_start.year} Q{(p_start.month - 1) // 3 + 1}"
        if precision is Precision.HALF:
            return f"{p_start.year} H{1 if p_start.month <= 6 else 2}"
        if precision is Precision.YEAR:
            return str(p_start.year)
        return p_start.isoformat()

    label = one(start)
    if end is not None and end > period_end(precision, start):
        label = f"{label} – {one(period_start(precision, end))}"
    return label


# A day-precision span of more days than this is *long*. A month: market closures (Spring Festival,
# Golden Week: up to ten days) and subscription windows stay blocks, since every day of them counts;
# a trial-production half-year or a three-year freeze does not.
LONG_SPAN_DAYS = 31


def is_long_span(precision: Precision, start: date | None, end: date | None) -> bool:
    """Whether an all-day span is *long*: the one definition the feed renders by.

    Long is a day-precision span of more than :data:`LONG_SPAN_DAYS` days (a lock-up freeze of three
    years), or a coarse span longer than its own unit (``2026-05`` to ``2028-09`` at month precision,
    ``2026`` to ``2028`` at year precision). A single period (one month, one year) is not: its title
    carries the period's label and the span is what the source said. Timed events are never long.
    """
    if precision is Precision.DATETIME or start is None or end is None:
        return False
    if precision is Precision.DATE:
        return (end - start).days + 1 > LONG_SPAN_DAYS
    return end > period_end(precision, period_start(precision, start))
