"""Combine recognised atoms: pick non-overlapping matches, build ranges,
apply deadline / open-start / as-of / fuzzy modifiers, attach clock times
and zone words.  Entry points: :func:`find_times`, :func:`resolve_expression`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from . import resolved as P
from .afterdays import after_earlier_day, that_week, weeks_from_a_day
from .dayclocks import settled_times
from .english import EN_ZONES, RE_TIME, en_time, recognise_en
from .fallback import fallback_resolve
from .loneclocks import lone_zoned_time
from .memo import remembered
from .modifiers import modify
from .monthdays import days_near_publication
from .normalize import normalize
from .numerals import cn_int
from .relclocks import relative_clocks
from .resolved import Resolved
from .timeexpr import RE_BARE_DAY, RE_CONNECT, RE_TOD, RE_ZONE, ZONES, as_aware, recognise_cn, time_of_day
from .timematch import Anchor, TimeMatch
from .vocabulary import led_by
from .weekdaydates import bracketed_weekdays, weekday_off_by_one
from .weekdayyears import clock_year_by_weekday

logger = logging.getLogger(__name__)

_EN_ZONE_TAIL = re.compile(r"\s*(" + "|".join(EN_ZONES) + r")\b")
_CN_ZONE_TAIL = re.compile(rf"\s*[(（]\s*(?P<zw>{RE_ZONE.pattern})\s*[)）]")
_RESPECTIVELY = re.compile(r"\s*,?\s*(?:respectively|分别)", re.IGNORECASE)
_EN_CONNECT = re.compile(r"\s*(?:to|through|until|and|-|–)\s*", re.IGNORECASE)
# "Sept. 15-16", "October 6 to 10": an English month-day followed by a bare end day; "on September 11 or 12": either day
# ("January 20-21: Japan – …" ends at a list item's colon; "20-21:30" is a clock).
_EN_BARE_END = re.compile(r"(?:\s?[-–]\s?|\s+(?:or|to|through|until)\s+)(?P<d>\d{1,2})(?:st|nd|rd|th)?"
                          r"(?![\d%]|:\d|\.\d|-|\s*(?:[ap]\.?m\b|percent|per cent|pct|bps?|basis|times|million|billion|bn)\b)")
# "23-26 January", "from 23 to 26th January": a bare start day before a day-month date.
_EN_BARE_START = re.compile(r"(?<![\d.,:/$£€%])(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s?[-–]\s?|\s+(?:to|through|until)\s+)$")
# "3月10日(周二)9:30": a weekday in brackets between a date and its clock time.
_PAREN_WEEKDAY = re.compile(r"\s*\(\s*(?:本|这)?(?:周|星期|礼拜)[一二三四五六日天]\s*\)")
# "15日至16日召开会议,17日凌晨公布": a bare day of the month named earlier in the same text (not a T-day code: "T+2日").
_BARE_DAY = led_by("1-9", r"(?<![\d月.\-/年+])(?P<d>[1-9]|[12]\d|3[01])\s*日(?![内均线期以之前后])")


def _select(atoms: list[TimeMatch]) -> list[TimeMatch]:
    """Longest-first, non-overlapping, then in text order."""
    atoms.sort(key=lambda t: (-(t.end - t.start), t.start))
    taken: list[TimeMatch] = []
    occupied: set[int] = set()
    for tm in atoms:
        if any(i in occupied for i in range(tm.start, tm.end)):
            continue
        taken.append(tm)
        occupied.update(range(tm.start, tm.end))
    taken.sort(key=lambda t: t.start)
    return taken


def _with_year(b: TimeMatch, a: TimeMatch, tz: str) -> Resolved:
    """Re-resolve a year-less range end ``b`` in the year of ``a``."""
    ya = a.ymd[0]
    _, mo, dd = b.ymd
    if ya is None or mo is None or b.has_year:
        return b.base
    first = a.base.first_day()
    res = P.day(date(ya, mo, dd), tz) if dd and P.valid_ymd(ya, mo, dd) else P.month(ya, mo, tz)
    if first is not None and res.first_day() is not None and res.first_day() < first:  # type: ignore[operator]
        if "weekday" in b.tags and dd:  # "Monday to Friday": the Friday after that Monday, not one a year on
            return P.day(first + timedelta(days=(date(ya, mo, dd).weekday() - first.weekday()) % 7), tz)
        return _with_year(replace(b, ymd=(None, mo, dd)), replace(a, ymd=(ya + 1, None, None)), tz)
    return res


def _bracketed_dates(text: str, atoms: list[TimeMatch]) -> list[TimeMatch]:
    """"下周一(4月20日)", "今日(6月19日)": the bracketed explicit date wins over the relative word
    (a Monday-to-Sunday span stays a week), before ranges are built ("今日(6月19日)起至6月24日")."""
    out: list[TimeMatch] = []
    for tm in atoms:
        prev = out[-1] if out else None
        if (prev is not None and prev.tags & {"week", "weekday", "rel"} and tm.base.start is not None
                and prev.base.start is not None and text[prev.end:tm.start].strip() == "("
                and tm.start - prev.end <= 8 and text[tm.end:tm.end + 1] == ")"):
            res = tm.base
            fd, ld = res.first_day(), res.last_day()
            if fd and ld and fd.weekday() == 0 and (ld - fd).days == 6:
                res = replace(res, precision="week", kind="point")
            res = weekday_off_by_one(prev, res, fd, ld)
            out[-1] = TimeMatch(prev.start, tm.end + 1, res, res, tm.has_year, tm.ymd, prev.tags)
            continue
        if (prev is not None and "weekday" in tm.tags and "weekday" not in prev.tags and prev.base.precision == "date"
                and (pd := prev.base.first_day()) is not None and pd == prev.base.last_day() and not text[prev.end:tm.start].strip()
                and tm.start - prev.end <= 1 and (wd := tm.base.first_day()) is not None and wd.weekday() == pd.weekday()):
            out[-1] = replace(prev, end=tm.end)  # "4月3日星期六至4月5日星期一": a date and its own weekday are one day
            continue
        out.append(tm)
    return out


def _merge(text: str, atoms: list[TimeMatch], a: Anchor) -> list[TimeMatch]:
    atoms = _bracketed_dates(text, atoms)
    out: list[TimeMatch] = []
    i = 0
    while i < len(atoms):
        cur = atoms[i]
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        gap = text[cur.end:nxt.start] if nxt else ""
        if nxt and len(gap) <= 8 and cur.base.start is not None and nxt.base.start is not None:
            if "monthpart" in cur.tags and not gap.strip() and nxt.base.precision == "date":
                out.append(replace(nxt, start=cur.start))
                i += 2
                continue
            if ((RE_CONNECT.fullmatch(gap) or _EN_CONNECT.fullmatch(gap)) and gap
                    and not _RESPECTIVELY.match(text, nxt.end)):  # "on Monday and Wednesday, respectively": two days
                b = _with_year(nxt, cur, a.tz)
                if (b.precision == cur.base.precision == "date" and b.first_day() == b.last_day() == cur.base.first_day()
                        == cur.base.last_day()):  # "Monday – Sept 21st": one day named twice, as a heading writes it
                    out.append(TimeMatch(cur.start, nxt.end, b, b, nxt.has_year, nxt.ymd, nxt.tags))
                    i += 2
                    continue
                if b.first_day() is not None and cur.base.first_day() <= b.first_day():  # type: ignore[operator]
                    res = P.span(cur.base, b)
                    out.append(TimeMatch(cur.start, nxt.end, res, res, cur.has_year, cur.ymd, {"range"}))
                    i += 2
                    continue
        if (cur.base.precision == "date" and cur.ymd[1] and cur.ymd[2] and text[cur.start:cur.start + 1].isdigit()
                and (start := _EN_BARE_START.search(text, max(0, cur.start - 16), cur.start))
                and (not out or out[-1].end <= start.start()) and (ranged := _bare_start(cur, int(start["d"]), start.start(), a.tz))):
            out.append(ranged)  # "from 23 to 26th January"
            i += 1
            continue
        if cur.base.precision == "date" and cur.ymd[1] is not None and cur.ymd[2] is not None:
            en_end = _EN_BARE_END.match(text, cur.end)
            y, mo, d0 = cur.ymd
            if en_end and y and mo and d0 and d0 < int(en_end["d"]) and P.valid_ymd(y, mo, int(en_end["d"])) \
                    and (nxt is None or nxt.start >= en_end.end()):
                out.append(_day_span(cur.start, en_end.end(), (y, mo, d0), int(en_end["d"]), cur.has_year, a.tz))
                i += 1
                continue
            conn = RE_CONNECT.match(text, cur.end)
            bare = RE_BARE_DAY.match(text, conn.end()) if conn and conn.end() > cur.end else None
            if bare and conn is not None:
                y, mo, d0 = cur.ymd
                dd = cn_int(bare["d"])
                if y and mo and dd and d0 and dd > d0 and P.valid_ymd(y, mo, dd):
                    out.append(_day_span(cur.start, bare.end(), (y, mo, d0), dd, cur.has_year, a.tz))
                    i += 1
                    continue
        out.append(cur)
        i += 1
    return _bracketed_ranges(text, out)


def _bare_start(cur: TimeMatch, d0: int, at: int, tz: str) -> TimeMatch | None:
    """The range from the bare day ``d0`` (written at ``at``) to the day-month ``cur`` of the same month."""
    y, mo, dd = cur.ymd
    if not (y and mo and dd and d0 < dd):
        return None
    return _day_span(at, cur.end, (y, mo, d0), dd, cur.has_year, tz)


def _day_span(start: int, end: int, first: tuple[int, int, int], last_day: int, has_year: bool, tz: str) -> TimeMatch:
    """The span of days from ``first`` (year, month, day) to ``last_day`` of the same month, written from ``start`` to
    ``end``."""
    y, mo, d0 = first
    res = Resolved(date(y, mo, d0), date(y, mo, last_day), "date", kind="range", timezone=tz)
    return TimeMatch(start, end, res, res, has_year, first, {"range"})


def _bracketed_ranges(text: str, atoms: list[TimeMatch]) -> list[TimeMatch]:
    """"下周(5月18日至5月22日)": a bracketed range right after a relative week is that week, stated exactly;
    Monday to Friday (its trading days) is the week, Monday to Sunday."""
    out: list[TimeMatch] = []
    for tm in atoms:
        prev = out[-1] if out else None
        if (prev is not None and "range" in tm.tags and ("week" in prev.tags or "weekday" in prev.tags)
                and text[prev.end:tm.start].strip() == "(" and text[tm.end:tm.end + 1] == ")"):
            out[-1] = replace(tm, start=prev.start, end=tm.end + 1)
            fd, ld = tm.base.first_day(), tm.base.last_day()
            if fd and ld and fd.weekday() == 0 and 4 <= (ld - fd).days <= 6:  # its trading days: the whole week
                res = replace(tm.base, end=fd + timedelta(days=6), precision="week", kind="point")
                out[-1] = replace(out[-1], resolved=res, base=res, tags=tm.tags | {"week"})
            continue
        out.append(tm)
    return out


# Between a day and its clock: "约" (about) or a bare part of the day before an explicit one ("晚下午7:00").
_ABOUT = re.compile(r"\s*(?:约|大约|(?:晚|早|午)(?=凌晨|早上|上午|中午|下午|傍晚|晚上))\s*")
_LIST_SEP = re.compile(r"\s*[-–•|]\s*(?=\d{1,2}:\d{2}(?!\d))")


def _attach_time(text: str, tm: TimeMatch, a: Anchor) -> TimeMatch:
    base = tm.resolved
    if base.precision != "date" or base.kind != "point" or base.start != base.end:
        return tm
    d = base.first_day()
    assert d is not None
    zone: str | None = None
    start, end = tm.start, tm.end
    zpre = RE_ZONE.search(text, max(0, tm.start - 8), tm.start)
    if zpre and not text[zpre.end():tm.start].strip():
        zone, start = ZONES[zpre[0]], zpre.start()
    pos = tm.end
    if wd := _PAREN_WEEKDAY.match(text, pos):
        pos = wd.end()
    zmid = RE_ZONE.match(text, pos + (len(text[pos:pos + 2]) - len(text[pos:pos + 2].lstrip())))
    if zmid:
        zone, pos = ZONES[zmid[0]], zmid.end()
    if about := _ABOUT.match(text, pos):  # "周四本港时间约上午9:00", "周三晚下午7:00"
        pos = about.end()
    hm: tuple[int, int] | None = None
    if sep := _LIST_SEP.match(text, pos):  # "Wed Dec 16 - 14:00 Fed decision": a list item's own clock
        pos = sep.end()
    tod = RE_TOD.match(text, pos) if text[pos:pos + 1] != "日" else None
    if tod and tod.end() - pos <= 12:
        hm, end = time_of_day(tod), tod.end()
        if tod["h"] == "24" and hm == (0, 0):  # "8月22日24时" is midnight ending the 22nd: 00:00 on the 23rd
            d += timedelta(days=1)
        ztail = _EN_ZONE_TAIL.match(text, end)
        if ztail:
            zone, end = EN_ZONES[ztail[1]], ztail.end()
        elif zbr := _CN_ZONE_TAIL.match(text, end):  # "上午9:45(东部标准时间)"
            zone, end = ZONES[zbr["zw"]], zbr.end()
    else:
        window = text[pos:pos + 8]
        lead = re.match(r"\s*,?\s*(?:[Aa]t|@)?\s*", window)  # ("Thursday At Noon," under a heading)
        en = RE_TIME.match(text, pos + (lead.end() if lead else 0))
        if en is None:  # "8:30 a.m. ET Thursday" / "8:30 a.m. ET on Thursday"
            back = text[max(0, tm.start - 24):tm.start]
            matches = list(RE_TIME.finditer(back))
            bm = matches[-1] if matches else None
            if bm is not None and re.fullmatch(r"\s*(?:on|,)?\s*", back[bm.end():]):
                got = en_time(bm)
                if got:
                    hm, z = got
                    zone = z or zone
                    start = tm.start - len(back) + bm.start()
        else:
            got = en_time(en)
            if got:
                hm, z = got
                zone = z or zone
                end = en.end()
    if hm is None:
        return tm
    tzname = zone or a.tz
    dt = as_aware(d, hm, tzname)
    res = Resolved(dt, dt, "datetime", timezone=tzname)
    return replace(tm, start=start, end=end, resolved=res, base=res)


def _with_bare_days(text: str, atoms: list[TimeMatch], a: Anchor) -> list[TimeMatch]:
    """Add ``17日`` when an earlier full date in the same text names its month (the next month
    when the day is smaller than that date's day: "30日至2日"). A weekday names no month: "周二(28日)"
    read after a Wednesday is yesterday, not the 28th after next Tuesday."""
    dated = [t for t in atoms if t.ymd[1] is not None and t.ymd[2] is not None and t.ymd[0] is not None
             and ("rel" not in t.tags or "named" in t.tags)]  # ("今(15)日起至17日": today says its day)
    if not dated:
        return atoms
    taken = [(t.start, t.end) for t in atoms]
    extra: list[TimeMatch] = []
    for m in _BARE_DAY.finditer(text, dated[0].end):
        if any(s <= m.start() < e or s < m.end() <= e for s, e in taken):
            continue
        prev = max((t for t in dated if t.end <= m.start()), key=lambda t: t.end, default=None)
        if prev is None:
            continue
        y, mo, d0 = prev.ymd
        assert y is not None and mo is not None and d0 is not None
        dd = int(m["d"])
        # (not when a month frame leads the date: "2月份,将在2月28日公布…,并且在18日和19日分别发布…")
        if dd < d0 and f"{mo}月份" not in text[max(0, prev.start - 24):prev.start]:
            nxt = P.add_months(date(y, mo, 1), 1)
            y, mo = nxt.year, nxt.month
        if P.valid_ymd(y, mo, dd):
            extra.append(TimeMatch(m.start(), m.end(), P.day(date(y, mo, dd), a.tz), P.day(date(y, mo, dd), a.tz),
                                   prev.has_year, (y, mo, dd), {"bareday"}))
    return sorted(atoms + extra, key=lambda t: t.start) if extra else atoms


def find_times(text: str, anchor: Anchor) -> list[TimeMatch]:
    """Recognise and resolve every time expression in normalised ``text`` (once per article: a line
    read again returns the matches found the first time, in a new list)."""
    return list(remembered(("times", text, anchor), lambda: _find_times(text, anchor)))


def _find_times(text: str, anchor: Anchor) -> list[TimeMatch]:
    atoms = _select(recognise_cn(text, anchor) + recognise_en(text, anchor) + relative_clocks(text, anchor))
    atoms = days_near_publication(text, _with_bare_days(text, atoms, anchor), anchor)
    atoms = _merge(text, bracketed_weekdays(text, atoms, anchor), anchor)  # "10月4日(星期六)至10月6日(星期一)"
    out: list[TimeMatch] = []
    for tm in atoms:
        tm = modify(text, tm, anchor)
        tm = _attach_time(text, tm, anchor)
        while out and out[-1].start >= tm.start and out[-1].end <= tm.end:  # swallowed by a clock time
            out.pop()
        if out and out[-1].start <= tm.start and tm.end <= out[-1].end:
            continue
        out.append(tm)
    out = _listed_years(text, _drop_echoed_weekdays(out), anchor.tz)
    out = settled_times(text, lone_zoned_time(text, weeks_from_a_day(text, that_week(text, after_earlier_day(text, out))), anchor), anchor)
    return clock_year_by_weekday(text, out)


_FOUR_DIGITS = re.compile(r"\d{4}")


def _listed_years(text: str, times: list[TimeMatch], tz: str) -> list[TimeMatch]:
    """"2031年7月3日、11月28日和12月24日": a day written without its year after one written with its year in digits,
    in the same sentence, is in that year when that puts it on or after the first, not in the year nearest
    publication (an earlier day keeps its own year: "2031年1月30日放假,1月17日补行交易")."""
    out: list[TimeMatch] = []
    year: int | None = None
    first = date.max
    for tm in times:
        y, mo, dd = tm.ymd
        if tm.has_year and y is not None and mo and dd and _FOUR_DIGITS.search(tm.span_text(text)):
            year, first = y, tm.base.first_day() or date.max  # a whole date: not a year alone ("Gilt 2046"), not "明年"
        elif (year is not None and mo and dd and tm.base.precision == "date" and tm.base.kind == "point"
              and "weekday" not in tm.tags and tm.resolved is tm.base and P.valid_ymd(year, mo, dd) and date(year, mo, dd) >= first):
            res = P.day(date(year, mo, dd), tz)
            tm = tm if res.first_day() == tm.base.first_day() else replace(tm, resolved=res, base=res)
        out.append(tm)
    return out


def _drop_echoed_weekdays(times: list[TimeMatch]) -> list[TimeMatch]:
    """"Tuesday, Sept. 8" / "4月14日 周二": the weekday next to a date naming the same day adds nothing.

    "Thursday, December 17": a weekday written against a date (at most 3 characters apart, either side)
    is that date's, even when it would alone name another day (the coming Thursday); the date decides.
    The dates are indexed by where they start and end, so a long list of them costs one look-up each."""
    starts: dict[int, list[TimeMatch]] = {}
    ends: dict[int, list[TimeMatch]] = {}
    for d in times:
        if "weekday" not in d.tags and d.resolved.precision in ("date", "datetime") and d.resolved.kind in ("point", "range"):
            starts.setdefault(d.start, []).append(d)  # ("Monday, January 20-21": the weekday of a span's first day)
            if d.resolved.kind == "point":
                ends.setdefault(d.end, []).append(d)

    def echoed(w: TimeMatch) -> bool:
        after = any(d.start >= w.end for k in range(w.end, w.end + 4) for d in starts.get(k, ()))
        return after or any(d.start < w.end for k in range(w.start - 3, w.start + 1) for d in ends.get(k, ()))
    return [t for t in times if "weekday" not in t.tags or not echoed(t)]


def anchor_for(published: datetime, tz: str, week_ahead: date | None = None) -> Anchor:
    """The anchor in ``tz``; "today" (and so the frame of "this week") is the publication's day in its own
    offset when it has a non-UTC one (Monday 07:00 +10:00 is Monday, not Sunday in New York)."""
    if published.tzinfo is None:
        published = published.replace(tzinfo=ZoneInfo(tz))
    offset = published.utcoffset()
    own = offset if offset is not None and offset != timedelta(0) else None
    return Anchor(published.astimezone(ZoneInfo(tz)), tz, week_ahead, own)


def resolve_expression(expr: str, published: datetime, tz: str, context: str | None = None) -> Resolved | None:
    """Resolve one expression against ``published`` (``context``: surrounding text,
    e.g. the headline naming the issuer whose fiscal calendar applies)."""
    anchor = anchor_for(published, tz)
    text = normalize(expr)
    prefix = normalize(context) + "\n" if context else ""
    matches = [m for m in find_times(prefix + text, anchor) if m.end > len(prefix)]
    if not matches:
        return fallback_resolve(expr, anchor)
    best = max(matches, key=lambda m: (min(m.end, len(prefix) + len(text)) - max(m.start, len(prefix)),
                                       -m.start))
    return best.resolved


__all__ = ["EN_ZONES", "anchor_for", "find_times", "resolve_expression"]
