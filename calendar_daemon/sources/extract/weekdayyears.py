"""A heading whose weekday and date disagree by a year (issue 15, corpus 6 shape 5): a notice on the
turn of the year writes "Monday 3rd January 2031" where 3 January 2031 is a Friday and 3 January 2032 a
Monday: the year was not updated, and the weekday tells which year is meant. Only a weekday written
right before the date ("Monday 3rd January", "Monday, January 3, 2031"), and only when exactly one of
the years around it has that weekday on that day."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

from . import resolved as P
from .timematch import TimeMatch

# (also abbreviated, as a row written "Wed Dec 24 - 13:00" says it)
_WEEKDAY_BEFORE = re.compile(r"\b(?P<wd>Mon|Tue|Tues|Wed|Wednes|Thu|Thurs|Fri|Sat|Satur|Sun)(?:day)?\.?,?\s*$", re.IGNORECASE)
_DAYS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "wednes": 2, "thu": 3, "thurs": 3, "fri": 4, "sat": 5, "satur": 5, "sun": 6}
_HINT = re.compile(r"day|Mon|Tue|Wed|Thu|Fri|Sat|Sun", re.IGNORECASE)


def _moved(d: date, weekday: int) -> date | None:
    fits = []
    for year in (d.year - 1, d.year + 1):
        if P.valid_ymd(year, d.month, d.day) and date(year, d.month, d.day).weekday() == weekday:
            fits.append(date(year, d.month, d.day))
    return fits[0] if len(fits) == 1 else None


def _weekday_year(text: str, tm: TimeMatch, d: date) -> date | None:
    """``d`` moved to the year next to it that the weekday written right before ``tm`` fits (None: no such
    weekday, it fits ``d`` already, or it fits both years or neither)."""
    m = _WEEKDAY_BEFORE.search(text, max(0, tm.start - 12), tm.start)
    if m is None or d.weekday() == (wd := _DAYS[m["wd"].lower()]):
        return None
    return _moved(d, wd)


def year_by_weekday(text: str, times: list[TimeMatch]) -> list[TimeMatch]:
    """``times`` with each single day whose weekday, written before it, fits only a year next to it
    moved to that year."""
    if not _HINT.search(text):
        return times
    out = []
    for tm in times:
        res = tm.resolved
        d = res.first_day()
        if (d is not None and res.precision == "date" and res.kind == "point" and res.start == res.end
                and (moved := _weekday_year(text, tm, d)) is not None):
            day = P.day(moved, res.timezone or "UTC")
            tm = replace(tm, resolved=day, base=day, ymd=(moved.year, moved.month, moved.day))
        out.append(tm)
    return out


def clock_year_by_weekday(text: str, times: list[TimeMatch]) -> list[TimeMatch]:
    """``times`` with each clock on a year-less day ("at 1 p.m. ET on Thursday, July 3") whose weekday fits
    only a year next to it moved to that year, at the same clock in the same zone: a date alone is read
    so when its weekday is merged with it, a date that took a clock first is not."""
    if not _HINT.search(text):
        return times
    out = []
    for tm in times:
        res = tm.resolved
        if (not tm.has_year and res.precision == "datetime" and res.kind == "point" and isinstance(res.start, datetime)
                and (moved := _weekday_year(text, tm, res.start.date())) is not None):
            at = res.start.replace(year=moved.year)
            res = replace(res, start=at, end=at if res.end == res.start else res.end)
            tm = replace(tm, resolved=res, ymd=(moved.year, moved.month, moved.day))
        out.append(tm)
    return out
