"""Clock times that no date took: a lone zoned clock belongs to the text's one plain date ("the ECB
meets next Thursday, with the decision at 2:15 p.m. CET"), and in a text with no date at all it is on
the publication day."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from zoneinfo import ZoneInfo

from .english import RE_TIME, en_time
from .resolved import Resolved
from .timeexpr import RE_TOD, RE_ZONE, ZONES, as_aware, time_of_day
from .timematch import Anchor, TimeMatch

# A clock time that a same-day word ties to the date named before it: "会后于下午4时30分", "当天晚上8点".
# So does a clause that opens with a day-part clock time: "…11月10日:美国CPI,晚上9时30分公布".
_SAME_DAY_TOD = re.compile(r"(?:(?:会后|当天|当日|届时|随后)\s*(?:将|于|在)?\s*(?=\S{0,3}\d)|(?<=[,;:])\s*"
                           r"(?=(?:凌晨|早上|上午|中午|下午|傍晚|晚上|晚间)\s*(?:\d|[一二三四五六七八九十]{1,3}[点时])))" + RE_TOD.pattern)

# A sentence that looks ahead: its clock, already past on the publication day, is the next day's.
_AHEAD = re.compile(r"\blater\b|\bwill\b|['’]ll\b|\bexpected\b|\bdue\b", re.IGNORECASE)

# A clock after a Chinese zone word, away from any date: "周三,美联储将在美东时间14:00公布纪要".
_CN_ZONED_TOD = re.compile(rf"(?P<zw>{RE_ZONE.pattern})\s*" + RE_TOD.pattern)


def lone_zoned_time(text: str, times: list[TimeMatch], a: Anchor) -> list[TimeMatch]:
    """"The ECB meets next Thursday, with the rate decision at 2:15 p.m. CET": when the text has one
    plain date and one clock time with an explicit zone that no date took, the time belongs to that date."""
    if not times and a.week_ahead is None:
        return _clock_today(text, a)
    plain = [i for i, t in enumerate(times) if t.resolved.precision == "date" and t.resolved.kind == "point"
             and t.resolved.start == t.resolved.end]
    if len(plain) != 1 or any(t.resolved.precision == "datetime" for t in times):
        return times
    got: tuple[tuple[int, int], str | None] | None = None
    zoned = [m for m in RE_TIME.finditer(text) if (m["z"] or m["z2"] or m["z3"] or m["z4"])
             and not any(t.start <= m.start() < t.end for t in times)]
    cn_zoned = [m for m in _CN_ZONED_TOD.finditer(text) if not any(t.start <= m.start() < t.end for t in times)]
    if zoned:
        got = en_time(zoned[0])
    elif cn_zoned and (hm := time_of_day(cn_zoned[0])):
        got = (hm, ZONES[cn_zoned[0]["zw"]])
    elif (later := _SAME_DAY_TOD.search(text, times[plain[0]].end)) is not None:  # "…9月17日召开,会后于下午4时30分…"
        hm = time_of_day(later)
        got = (hm, a.tz) if hm else None
    if got is None or got[1] is None:
        return times
    tm = times[plain[0]]
    d = tm.resolved.first_day()
    assert d is not None
    res = Resolved(as_aware(d, got[0], got[1]), as_aware(d, got[0], got[1]), "datetime", timezone=got[1])
    return [*times[:plain[0]], replace(tm, resolved=res, base=res), *times[plain[0] + 1:]]


def _clock_today(text: str, a: Anchor) -> list[TimeMatch]:
    """A page written on the day itself may name no day at all ("the ECB decides at 8:15am New York,
    1:15pm London"): a clock with an explicit zone in a text with no date is on the publication day
    there (not in a preview of a coming week, whose undated items belong to that week); the next day's when the
    clock has already passed at publication and the text looks ahead ("later (0630 GMT)")."""
    m = next((m for m in RE_TIME.finditer(text) if m["z"] or m["z2"] or m["z4"]), None)
    got = en_time(m) if m else None
    if m is None or got is None or got[1] is None:
        return []
    day = a.published.astimezone(ZoneInfo(got[1])).date()
    if as_aware(day, got[0], got[1]) < a.published and _AHEAD.search(text):
        day += timedelta(days=1)  # "the press conference later (0630 GMT)", written at 22:00 GMT: the next 06:30
    res = Resolved(as_aware(day, got[0], got[1]), as_aware(day, got[0], got[1]), "datetime", timezone=got[1])
    return [TimeMatch(m.start(), m.end(), res, res)]
