"""A bare day of the month with no month named before it ("瑞士央行於台灣時間20日下午3時30分公布決議",
"市場將關注16日公布的就業報告"): news in Chinese dates the coming days of a week by their day of the
month alone. Such a day is in the publication month when it is within a few weeks of the publication day
(the 17th of a page written on the 15th is two days later), else in the nearer neighbouring month (the 2nd
of a page written on the 28th is early next month); a day further away than that is not read, for the
month it means is not clear."""

from __future__ import annotations

from datetime import date

from . import resolved as P
from .resolved import Resolved
from .timematch import Anchor, TimeMatch
from .vocabulary import led_by

NEAR_DAYS = 20  # a bare day this close to the publication day is read in the nearest month
# The day is not part of a fuller date (a month or a year before it), an ordinal or a count ("第3日",
# "近5日", "每1日", "T+1日"), and "日" is not the start of another word: 日元 (yen), 日本, 日股, 日均线,
# 日内, 日期, 日前/日后 ("days before/after"); nor a wire's dateline ("经济通通讯社27日专讯", "台北15日电").
_BARE = led_by(
    "1-9", r"(?<![\d月.\-/年第近每连续数+个])(?P<d>[1-9]|[12]\d|3[01])\s?日"
    r"(?![元圆币本经股银韩内均线期以之前后间电讯]|专讯)"
)
# "17-19日", "17至19日": a span of bare days (the first is not followed by its own 日).
_BARE_RANGE = led_by(
    "1-9", r"(?<![\d月.\-/年第近每连续数+个])(?P<a>[1-9]|[12]\d|3[01])\s?(?:-|–|~|至|到)\s?"
    r"(?P<b>[1-9]|[12]\d|3[01])\s?日(?![元圆币本经股银韩内均线期以之前后间电讯]|专讯)"
)


def nearest_day(dd: int, today: date) -> date | None:
    """The date with day of month ``dd`` in the publication month when that is within :data:`NEAR_DAYS`
    of ``today`` (news names this month's days so), else the nearer of the previous and next months'."""
    if P.valid_ymd(today.year, today.month, dd) and abs(dd - today.day) <= NEAR_DAYS:
        return date(today.year, today.month, dd)
    best: date | None = None
    for offset in (-1, 1):
        first = P.add_months(today.replace(day=1), offset)
        if P.valid_ymd(first.year, first.month, dd):
            d = date(first.year, first.month, dd)
            if best is None or abs((d - today).days) < abs((best - today).days):
                best = d
    return best if best is not None and abs((best - today).days) <= NEAR_DAYS else None


def days_near_publication(text: str, atoms: list[TimeMatch], a: Anchor) -> list[TimeMatch]:
    """``atoms`` with each bare day of the month that no atom covers and no month-day before it in
    ``text`` names the month of (those are read against that date: ``compose._with_bare_days``)."""
    if "日" not in text:
        return atoms
    dated = [t.end for t in atoms if t.ymd[1] is not None and t.ymd[2] is not None and "rel" not in t.tags]
    first_dated = min(dated) if dated else len(text) + 1
    taken = [(t.start, t.end) for t in atoms]
    extra: list[TimeMatch] = []
    for m in _BARE_RANGE.finditer(text):
        if m.start() >= first_dated or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        d0 = nearest_day(int(m["a"]), a.today)
        if d0 is None or int(m["b"]) <= d0.day or not P.valid_ymd(d0.year, d0.month, int(m["b"])):
            continue
        res = Resolved(d0, date(d0.year, d0.month, int(m["b"])), "date", kind="range", timezone=a.tz)
        extra.append(TimeMatch(m.start(), m.end(), res, res, False, (d0.year, d0.month, d0.day), {"range", "near"}))
        taken.append((m.start(), m.end()))
    for m in _BARE.finditer(text):
        if m.start() >= first_dated:
            break
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        d = nearest_day(int(m["d"]), a.today)
        if d is None:
            continue
        res = P.day(d, a.tz)
        extra.append(TimeMatch(m.start(), m.end(), res, res, False, (d.year, d.month, d.day), {"bareday", "near"}))
    return sorted(atoms + extra, key=lambda t: t.start) if extra else atoms
