"""A year-less date said to come is next year's when this year's is long gone.

Read alone, a month-day without a year resolves to its nearest occurrence, within half a year of the
publication day. Said of what is to come ("The fourth meeting will be held from July 23 to 26", "会议将于7月
23日至26日举行") in an article of early January, the nearest July 23 is last year's, gone for half a year, and
the event would be dropped as past. A clause that says the event is to come, and nothing of it as done, dates
it to the next occurrence: a year later.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from . import classify as C
from .resolved import Resolved, valid_ymd
from .timematch import TimeMatch

GONE = timedelta(days=60)  # a nearest occurrence this far back is not what a future clause means


def _later(value: date | datetime | None) -> date | datetime | None:
    if value is None or not valid_ymd(value.year + 1, value.month, value.day):
        return None
    return value.replace(year=value.year + 1)


def _year_on(res: Resolved) -> Resolved | None:
    start, end = _later(res.start), _later(res.end) if res.end is not None else None
    if start is None or (res.end is not None and end is None):
        return None
    return replace(res, start=start, end=end)


def ahead(tm: TimeMatch, clause: str, today: date) -> TimeMatch:
    """``tm`` a year later when it names no year, lies more than :data:`GONE` before ``today`` and its
    ``clause`` speaks of the future and of nothing past."""
    first = tm.resolved.first_day()
    if (tm.has_year or tm.ymd[1] is None or tm.ymd[2] is None or first is None or first > today - GONE
            or tm.resolved.past_relative or not C.FUTURE.found(clause) or C.PAST.found(clause)):
        return tm
    resolved, base = _year_on(tm.resolved), _year_on(tm.base)
    if resolved is None or base is None:
        return tm
    return replace(tm, resolved=resolved, base=base, ymd=(first.year + 1, tm.ymd[1], tm.ymd[2]))
