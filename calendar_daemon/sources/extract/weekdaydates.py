"""A month-day with its weekday in brackets: ``10月4日(星期六)``.

A holiday notice written in December lists the next year's closures without a year:
``(四)某节:10月4日(星期六)至10月6日(星期一)休市``. Taken alone, the nearest 4 October is the past
one; the bracketed weekday says which year is meant (the one where 4 October is a Saturday). The
bracket is part of the date, so ``A(星期五)至B(星期六)`` joins into one span like ``A至B``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from . import resolved as P
from .resolved import Resolved
from .timematch import Anchor, TimeMatch

_PAREN_WEEKDAY = re.compile(r"\s*\(\s*(?:本|这)?(?:周|星期|礼拜)(?P<w>[一二三四五六日天])\s*\)")
_WEEKDAYS = "一二三四五六日"


def _weekday(token: str) -> int:
    return 6 if token == "天" else _WEEKDAYS.index(token)


def _year_for(mo: int, dd: int, weekday: int, near: int) -> int | None:
    """The year next to ``near`` (itself first, then the next, then the one before) where the
    month-day falls on ``weekday``."""
    for y in (near, near + 1, near - 1):
        if P.valid_ymd(y, mo, dd) and date(y, mo, dd).weekday() == weekday:
            return y
    return None


def bracketed_weekdays(text: str, atoms: list[TimeMatch], a: Anchor) -> list[TimeMatch]:
    """Atoms with each ``date(星期X)`` read as one date: the weekday atom inside the bracket is
    dropped and a year-less date moves to the year the weekday fits."""
    out: list[TimeMatch] = []
    inside: tuple[int, int] | None = None
    for tm in atoms:
        if inside is not None and inside[0] <= tm.start < inside[1]:
            continue  # the bracket's own weekday
        inside = None
        m = _PAREN_WEEKDAY.match(text, tm.end)
        y, mo, dd = tm.ymd
        if (m is None or tm.base.precision != "date" or tm.base.kind != "point" or mo is None or dd is None
                or y is None or tm.base.start != tm.base.end):
            out.append(tm)
            continue
        inside = (tm.end, m.end())
        res = tm.base
        if not tm.has_year and (yy := _year_for(mo, dd, _weekday(m["w"]), y)) is not None and yy != y:
            res, y = P.day(date(yy, mo, dd), a.tz), yy
        out.append(replace(tm, end=m.end(), resolved=res, base=res, ymd=(y, mo, dd)))
    return out


def weekday_off_by_one(weekday: TimeMatch, res: Resolved, fd: date | None, ld: date | None) -> Resolved:
    """"周六(1月30日)" where 30 January is a Friday: a day number one off its weekday is the weekday's day
    (the weekday places the item in the preview's sequence of days); further off, the date stands."""
    named = weekday.base.first_day()
    if "weekday" not in weekday.tags or named is None or fd is None or fd != ld or fd.weekday() == named.weekday():
        return res
    for step in (1, -1):
        if (fd + timedelta(days=step)).weekday() == named.weekday():
            return P.day(fd + timedelta(days=step), res.timezone)
    return res
