"""Days counted from another day of the same sentence (issue 15, corpus 3 shapes 12 and 13): "英國周三
(21日) 公布CPI，日本兩天後也將公布通膨數據" is two days after the 21st, not after the publication day; the
"次日" of a process ("昨日步入招股次日") is that process's second day, no day after publication; "当周" after a named day
is that day's week; "the week beginning June 13" is a week, not its first day."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from . import resolved as P
from .numerals import NUM, cn_int
from .resolved import Resolved
from .timematch import TimeMatch

_DAYS_AFTER = re.compile(rf"^(?P<n>{NUM})\s*(?:天|日)\s*(?:后|之后|以后)$")
# "昨日步入招股次日", "上市次日": the second day of a process, counted from its own first day, which the
# sentence does not give (not the day after publication).
_PROCESS_DAY = re.compile(r"(?:招股|申购|上市|挂牌|发售|发行|路演|交易)\s?$")


# "两日后" is not read alone (a count of days); after a named day it is counted from that day.
_DAYS_AFTER_IN_TEXT = re.compile(rf"(?<![\d.])(?P<n>{NUM})\s*日\s*(?:后|之后|以后)")


def after_earlier_day(text: str, times: list[TimeMatch]) -> list[TimeMatch]:
    """``times`` with each "N天后" that follows a single day named earlier in ``text`` counted from that day,
    and without a process's "次日"."""
    if "后" not in text and "次日" not in text:
        return times
    taken = [(t.start, t.end) for t in times]
    for found in _DAYS_AFTER_IN_TEXT.finditer(text):
        if times and not any(s < found.end() and found.start() < e for s, e in taken):
            blank = Resolved(None, None, "date")
            pending = TimeMatch(found.start(), found.end(), blank, blank, tags={"rel", "pending"})
            times = sorted([*times, pending], key=lambda t: t.start)
    out: list[TimeMatch] = []
    for tm in times:
        if text[tm.start : tm.end] == "次日" and _PROCESS_DAY.search(text[max(0, tm.start - 4) : tm.start]):
            continue
        m = _DAYS_AFTER.match(text[tm.start : tm.end])
        # the last single day before it (a data period such as "12月CPI" between them is skipped)
        prev = next((t for t in reversed(out) if t.resolved.precision in ("date", "datetime")), None)
        day = prev.resolved.first_day() if prev is not None else None
        if m is None or prev is None or day is None or day != prev.resolved.last_day() or (n := cn_int(m["n"])) is None or n > 31:
            if "pending" not in tm.tags:  # "两日后" with no day before it says nothing
                out.append(tm)
            continue
        res = P.day(day + timedelta(days=n), tm.resolved.timezone or prev.resolved.timezone)
        out.append(replace(tm, resolved=res, base=res, tags=tm.tags | {"after"}))
    return out


def that_week(text: str, times: list[TimeMatch]) -> list[TimeMatch]:
    """``times`` with each "当周" ("that week") after a day named earlier in ``text`` read as that day's week:
    "6月27日-7月1日当周,…同时当周还将公布…" is the week of 27 June, not the week of publication."""
    if "当周" not in text:
        return times
    out: list[TimeMatch] = []
    for tm in times:
        prev = next((t for t in reversed(out) if t.resolved.precision in ("date", "datetime") and "week" not in t.tags), None)
        day = prev.resolved.first_day() if prev is not None else None
        if text[tm.start:tm.end] == "当周" and day is not None:
            res = P.week_of(day, tm.resolved.timezone or prev.resolved.timezone)  # type: ignore[union-attr]
            tm = replace(tm, resolved=res, base=res)
        out.append(tm)
    return out


# "the week beginning June 13", "week commencing 13 June", "the week of Monday, June 13": the day names a week
_WEEK_FROM = re.compile(r"\bweek\s+(?:beginning|commencing|starting|of)\s+(?:on\s+)?(?:(?:Mon|Sun)day,?\s+)?$|\bw/c\s+$",
                        re.IGNORECASE)


def weeks_from_a_day(text: str, times: list[TimeMatch]) -> list[TimeMatch]:
    """``times`` with each day that opens a named week ("the week beginning June 13") read as its Monday-to-Sunday
    week; a weekend day ("the week of Sunday, December 8") names the working week after it."""
    if "eek" not in text and "w/c" not in text:
        return times
    out: list[TimeMatch] = []
    for tm in times:
        day = tm.resolved.first_day()
        if (day is not None and tm.resolved.precision == "date" and tm.resolved.kind == "point"
                and _WEEK_FROM.search(text, max(0, tm.start - 40), tm.start)):
            monday = day + timedelta(days=7 - day.weekday()) if day.weekday() >= 5 else day  # "Week of December 8" (a Sunday)
            res = P.week_of(monday, tm.resolved.timezone)
            tm = replace(tm, resolved=res, base=res, tags=tm.tags | {"week"})
        out.append(tm)
    return out
