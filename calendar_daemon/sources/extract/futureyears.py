"""A year-less date said to come is next year's when this year's is long gone.

Read alone, a month-day without a year resolves to its nearest occurrence, within half a year of the
publication day. Said of what is to come ("The fourth meeting will be held from July 23 to 26", "会议将于7月
23日至26日举行") in an article of early January, the nearest July 23 is last year's, gone for half a year, and
the event would be dropped as past. A clause that says the event is to come, and nothing of it as done, dates
it to the next occurrence: a year later. So does a clause that names the next year itself ("The last meeting for
2031 is from November 20 to 22nd", written on 2 January 2031).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta

from . import classify as C
from .resolved import Resolved, valid_ymd
from .timematch import TimeMatch

GONE = timedelta(days=60)  # a nearest occurrence this far back is not what a future clause means
_MONTH = re.compile(r"月|[A-Za-z]{3}")  # the date names its month ("7月23日", "July 23", "23rd Jul")
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?![\d.])")  # a year the clause names ("the last meeting for 2031")


def _later(value: date | datetime | None) -> date | datetime | None:
    if value is None or not valid_ymd(value.year + 1, value.month, value.day):
        return None
    return value.replace(year=value.year + 1)


def _year_on(res: Resolved) -> Resolved | None:
    start, end = _later(res.start), _later(res.end) if res.end is not None else None
    if start is None or (res.end is not None and end is None):
        return None
    return replace(res, start=start, end=end)


def ahead(tm: TimeMatch, written: str, clause: str, today: date) -> TimeMatch:
    """``tm`` (``written`` so) a year later when it names its month and no year, its ``clause`` says nothing past,
    and either the clause names that later year alone, or ``tm`` lies more than :data:`GONE` before ``today`` and the
    clause speaks of the future."""
    first = tm.resolved.first_day()
    if (tm.has_year or tm.ymd[1] is None or tm.ymd[2] is None or first is None or tm.resolved.past_relative
            or "weekday" in tm.tags or not _MONTH.search(written)):
        return tm  # a weekday or a relative day is near publication, where the reader put it
    named = {int(y) for y in _YEAR.findall(clause)}
    if not (named == {first.year + 1} or (first <= today - GONE and not named and C.FUTURE.found(clause))) or C.PAST.found(clause):
        return tm
    resolved, base = _year_on(tm.resolved), _year_on(tm.base)
    if resolved is None or base is None:
        return tm
    return replace(tm, resolved=resolved, base=base, ymd=(first.year + 1, tm.ymd[1], tm.ymd[2]))
