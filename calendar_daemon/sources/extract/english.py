"""English time expressions: dates, weekdays, week-ahead words, quarters, clock times."""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta

from . import resolved as P
from .resolved import Resolved
from .timeexpr import scan
from .timematch import Anchor, TimeMatch
from .vocabulary import led_by, may_hold

logger = logging.getLogger(__name__)

_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
           "oct": 10, "nov": 11, "dec": 12}
_MON = (r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
        r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
MONTH_WORD = _MON.replace("?P<mon>", "?:")  # a month's name without its group, for patterns of other readers
WEEKDAY_WORD = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"  # a weekday's full name
# a whole date in words, its weekday before it or not: "Tuesday 9th February 2031", "Friday, January 1, 2031"
FULL_DATE_WORDS = (rf"(?:{WEEKDAY_WORD},?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_WORD},?\s+\d{{4}}|"
                   rf"{MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})")
# a clock in figures, its half of the day after it or not: "10.30 a.m.", "4:30pm", "15:00"
CLOCK_WORDS = r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*[ap]\.?\s?m\.?)?"
_WD = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_WDAY = (r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.|Tues?\.|Wed\.|Thurs?\.|Fri\.|"
         r"(?<=\()(?:Mon|Tues?|Wed|Thu(?:rs)?|Fri)(?=\)))")  # "(Tue)": a week-ahead column tags an item with its day
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

# (a range's year is written after its end: "February 4-6, 2020" is in 2020, as its first day is)
RE_MD = re.compile(rf"\b{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}})\b"
                   r"|(?=\s*[-\u2013]\s*\d{1,2}(?:st|nd|rd|th)?,?\s+(?P<ry>(?:19|20)\d{2})\b))?")
RE_DM = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON}(?:,?\s+(?P<y>\d{{4}})\b)?")
RE_MY = re.compile(rf"\b{_MON}\s+(?P<y>\d{{4}})\b")
RE_INMON = re.compile(rf"\b(?P<pre>in|by|from|until|through|during|since|late|early|mid-?|end of)\s+{_MON}"
                      r"(?![\w.]|\s+\d)"
                      # "at its January meeting", "the March policy meeting": the meeting of that month (not
                      # "the minutes of its April meeting", the meeting they are about)
                      rf"|(?<!\bof )\b(?P<pre2>its|their|the|that)\s+{_MON.replace('<mon>', '<mon2>')}(?=\s+(?:policy\s+)?meeting\b)")
# The months listed after one: "meetings in August, October, December, and February" (each the next such month)
_MORE_MON = re.compile(rf"(?:,\s+(?:and\s+)?|\s+and\s+){_MON}(?![\w.]|\s+\d)")
# A weekday with a numeric month/day, as calendar headings write it: "Tuesday 1/30", "Wed., 12/9".
RE_WD_NUM = re.compile(rf"\b{_WDAY},?\s+(?P<nm>\d{{1,2}})/(?P<nd>\d{{1,2}})\b(?!/)")
# What every match of the month patterns (RE_MD, RE_DM, RE_MY, RE_INMON) and of the weekday ones holds.
_ANY_MONTH = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_WEEKDAY_STEMS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# "Good Friday", "Black Friday": a holiday's name, not the coming weekday.
RE_WEEKDAY = re.compile(rf"(?<!Good )(?<!Black )(?<!Cyber )\b(?:(?P<rel>(?i:next|this|last|coming))\s+)?{_WDAY}")
RE_REL = re.compile(r"\b(?:(?P<later>later|earlier)\s+)?(?P<w>this|next|last)\s+(?P<u>week|month|quarter|year)\b"
                    r"|\b(?P<day>today|tomorrow|yesterday|tonight)\b|\b(?P<ahead>(?:the\s+)?week\s+ahead)\b|\b(?P<follow>the\s+following\s+week)\b"
                    r"|\b(?P<end>month-end|year-end|quarter-end|end\s+of\s+(?:the\s+)?(?:month|year|quarter))\b", re.IGNORECASE)
_REL_WORDS = ("this", "next", "last", "today", "tomorrow", "yesterday", "tonight", "week", "end")  # in every RE_REL match
# (not a part of a shorter time: "the first half of the day", "the second half of the session")
RE_QTR = re.compile(r"\b(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?P<u>quarter|half)"
                    r"(?:\s+(?:of\s+)?(?P<y>\d{4}))?\b(?!\s+of\s+(?:the|a|this|that|each|every)\s+(?:day|session|week|month|"
                    r"morning|afternoon|evening|hour|meeting|game|match|century|decade))|\b(?P<y2>\d{4})\s+(?P<o2>first|second|third|fourth)[- ]"
                    r"(?P<u2>quarter|half)\b")
RE_YEAR = re.compile(r"\b(?P<pre>in|by|since|from|until|through|during|for|early|late|mid-?|end of|before)\s+"
                     r"(?:the\s+end\s+of\s+)?(?P<y>(?:19|20|21)\d{2})\b")
RE_FISCAL = re.compile(r"\bfiscal(?:\s+year)?\s+(?P<y>\d{4})\b|\bfiscal\s+(?P<o>first|second|third|fourth)"
                       r"[- ]quarter\b")
# "10:00 Beijing time", "9:30 a.m. Hong Kong time": a city's local time names its zone.
CITY_ZONES = {"Beijing time": "Asia/Shanghai", "Hong Kong time": "Asia/Hong_Kong", "Tokyo time": "Asia/Tokyo",
              "London time": "Europe/London", "New York time": "America/New_York", "Taipei time": "Asia/Taipei",
              "Singapore time": "Asia/Singapore", "Frankfurt time": "Europe/Berlin",
              # after a clock in paired times: "1215 GMT / 0815 US Eastern", "(8:15am New York, 1:15pm London)"
              "US Eastern time": "America/New_York", "US Eastern": "America/New_York", "New York": "America/New_York",
              "London": "Europe/London", "Frankfurt": "Europe/Berlin",
              # "8:30 AM Eastern on Tuesday", "at 10 a.m. Eastern time"
              "Eastern time": "America/New_York", "Eastern Time": "America/New_York", "Eastern": "America/New_York"}
_CITY_ZONES = "|".join(sorted(CITY_ZONES, key=len, reverse=True))
# Asia-Pacific zone abbreviations ("due at 1430 AEST", "2.30pm AEDT"); the zone's rules, not the abbreviation,
# decide the offset of the day
ASIA_PACIFIC_ZONES = {"AEST": "Australia/Sydney", "AEDT": "Australia/Sydney", "AWST": "Australia/Perth",
                      "NZST": "Pacific/Auckland", "NZDT": "Pacific/Auckland", "KST": "Asia/Seoul"}
_ASIA_PACIFIC = "".join(f"{z}|" for z in ASIA_PACIFIC_ZONES)
RE_TIME = led_by(r"\dnmNM", r"\b(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)"
                     r"(?:\s*(?P<z>ET|EST|EDT|CT|CDT|PT|PDT|GMT|BST|UTC|CET|CEST|JST|HKT|SGT|" + _ASIA_PACIFIC + _CITY_ZONES + r")\b)?"
                     r"|\b(?P<h2>\d{1,2}):(?P<m2>\d{2})\s*(?P<z2>ET|EST|EDT|GMT|BST|UTC|CET|CEST|JST|HKT|SGT|" + _ASIA_PACIFIC
                     + _CITY_ZONES + r")\b"
                     r"|\b(?P<noon>[Nn]oon|[Mm]idday)(?:\s*(?P<z3>ET|GMT|UTC|BST|CET))?\b"
                     # "1215 GMT", "0815 US Eastern": four digits are a clock only before a zone
                     r"|\b(?P<h4>[01]\d|2[0-3])(?P<m4>[0-5]\d)\s*(?P<z4>GMT|UTC|US Eastern(?: time)?|AEST|AEDT|NZST|NZDT)\b")
EN_ZONES = {"ET": "America/New_York", "EST": "America/New_York", "EDT": "America/New_York",
            "CT": "America/Chicago", "CDT": "America/Chicago", "PT": "America/Los_Angeles",
            "PDT": "America/Los_Angeles", "GMT": "UTC", "UTC": "UTC", "BST": "Europe/London",
            "CET": "Europe/Berlin", "CEST": "Europe/Berlin", "JST": "Asia/Tokyo", "HKT": "Asia/Hong_Kong",
            "SGT": "Asia/Singapore", **ASIA_PACIFIC_ZONES, **CITY_ZONES}


# A numeric date with its year: "11/24/16", "1/2/2017" (not a fraction or a ratio: no digit or "/" around it).
RE_SLASH_DATE = re.compile(r"(?<![\d/.])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d{2}|\d{2})(?![\d/])")


def _mon(token: str) -> int:
    return _MONTHS[token[:3].lower()]


def _mk(m: re.Match[str], res: Resolved, has_year: bool, ymd: tuple[int | None, int | None, int | None],
        *tags: str) -> TimeMatch:
    return TimeMatch(m.start(), m.end(), res, res, has_year, ymd, set(tags))


def _listed_months(text: str, at: int, y: int, mo: int, tz: str) -> list[TimeMatch]:
    """The months listed right after the month ending at ``at`` (year ``y``, month ``mo``), each in the year that
    keeps the list going forward."""
    out: list[TimeMatch] = []
    while len(out) < 11 and (m := _MORE_MON.match(text, at)) is not None:  # (a year's months at most)
        nxt = _mon(m["mon"])
        y, mo, at = y + (nxt <= mo), nxt, m.end()
        tm = _mk(m, P.month(y, mo, tz), False, (y, mo, None))
        tm.start = m.start("mon")
        out.append(tm)
    return out


def en_time(m: re.Match[str]) -> tuple[tuple[int, int], str | None] | None:
    """(hour, minute) and zone name for an English clock time."""
    if m["noon"]:
        return (12, 0), EN_ZONES.get(m["z3"] or "")
    h = int(m["h"] or m["h2"] or m["h4"])
    mins = int(m["m"] or m["m2"] or m["m4"] or 0)
    ap = (m["ap"] or "").lower().replace(".", "")
    if ap == "pm" and h < 12:
        h += 12
    elif ap == "am" and h == 12:
        h = 0
    if not (0 <= h < 24 and 0 <= mins < 60):
        return None
    zone = m["z"] or m["z2"] or m["z4"]
    return (h, mins), EN_ZONES.get(zone) if zone else None


def recognise_en(text: str, a: Anchor) -> list[TimeMatch]:
    out: list[TimeMatch] = []
    tz, today = a.tz, a.today
    months = _ANY_MONTH.search(text) is not None  # the month patterns run only where a month is named
    for rx in (RE_MD, RE_DM) if months else ():
        for m in rx.finditer(text):
            mo, dd = _mon(m["mon"]), int(m["d"])
            ys = m["y"] or (m["ry"] if rx is RE_MD else None)
            y = int(ys) if ys else P.nearest_year(mo, dd, today)
            if P.valid_ymd(y, mo, dd):
                out.append(_mk(m, P.day(date(y, mo, dd), tz), ys is not None, (y, mo, dd)))
    for m in scan(RE_WD_NUM, text, *_WEEKDAY_STEMS):
        mo, dd = int(m["nm"]), int(m["nd"])
        y = P.nearest_year(mo, dd, today) if 1 <= mo <= 12 else 0
        if P.valid_ymd(y, mo, dd):
            out.append(_mk(m, P.day(date(y, mo, dd), tz), False, (y, mo, dd)))
    out += _slash_dates(text, tz)
    for m in (RE_MY.finditer(text) if months else ()):
        mo, y = _mon(m["mon"]), int(m["y"])
        if 1900 <= y <= 2200:
            out.append(_mk(m, P.month(y, mo, tz), True, (y, mo, None)))
    for m in (RE_INMON.finditer(text) if months else ()):
        mo = _mon(m["mon"] or m["mon2"])
        y = P.upcoming_month_year(mo, today)
        tm = _mk(m, P.month(y, mo, tz), False, (y, mo, None))
        tm.start = m.start("mon") if (m["pre"] or "").lower() in ("in", "during") else m.start("mon2") if m["mon2"] else m.start()
        out.append(tm)
        out += _listed_months(text, m.end(), y, mo, tz)
    for m in scan(RE_WEEKDAY, text, *_WEEKDAY_STEMS):
        d = _weekday_date(_WD[m["wd"][:3].lower()], (m["rel"] or "").lower(), a)
        out.append(_mk(m, P.day(d, tz), False, (d.year, d.month, d.day), "weekday"))
    for m in RE_REL.finditer(text) if may_hold(text, _REL_WORDS) else ():
        res = _rel(m, a)
        if res is not None:
            out.append(_mk(m, res, False, (None, None, None), "rel"))
    for m in scan(RE_QTR, text, "quarter", "half"):
        o = _ORD[(m["o"] or m["o2"]).lower()]
        unit = m["u"] or m["u2"]
        ys = m["y"] or m["y2"]
        y = int(ys) if ys else today.year
        if unit == "half":
            if o <= 2:
                out.append(_mk(m, P.half(y, o, tz), ys is not None, (y, None, None)))
        else:
            out.append(_mk(m, P.quarter(y, o, tz), ys is not None, (y, None, None)))
    for m in scan(RE_YEAR, text, "19", "20", "21"):
        y = int(m["y"])
        tm = _mk(m, P.year(y, tz), True, (y, None, None), "year")
        tm.start = m.start("y") if m["pre"].lower() in ("in", "for", "during") else m.start()
        out.append(tm)
    for m in scan(RE_FISCAL, text, "fiscal"):
        ctx = text[max(0, m.start() - 80):m.end()]
        if m["y"]:
            out.append(_mk(m, P.fiscal_year(int(m["y"]), ctx, tz), True, (int(m["y"]), None, None), "fiscal"))
        else:
            res = Resolved(None, None, "quarter", timezone=tz, fiscal=True, label=f"FQ{_ORD[m['o'].lower()]}")
            out.append(_mk(m, res, False, (None, None, None), "fiscal"))
    return _without_echoed_weekdays(out, text)


def _slash_dates(text: str, tz: str) -> list[TimeMatch]:
    """Numeric dates with a year ("11/24/16"): month first on an American page; day first elsewhere
    ("24/11/16"), and whenever the first number cannot be a month."""
    out: list[TimeMatch] = []
    for m in RE_SLASH_DATE.finditer(text) if "/" in text else ():
        first, second, ys = int(m["a"]), int(m["b"]), m["y"]
        y = int(ys) + (2000 if len(ys) == 2 else 0)
        mo, dd = (first, second) if (tz.startswith("America/") and first <= 12) or second > 12 else (second, first)
        if P.valid_ymd(y, mo, dd):
            out.append(_mk(m, P.day(date(y, mo, dd), tz), True, (y, mo, dd)))
    return out


def _without_echoed_weekdays(out: list[TimeMatch], text: str) -> list[TimeMatch]:
    """"12/26/16  Christmas observed (Monday)": a bare weekday that is the weekday of a written date names
    that date, not a day of its own."""
    written = {day.weekday() for t in out if "weekday" not in t.tags and t.has_year and (day := _ymd_date(t)) is not None}
    return [t for t in out if not ("weekday" in t.tags and (named := _ymd_date(t)) is not None and named.weekday() in written
                                   and not text[max(0, t.start - 8):t.start].lower().strip().endswith(("next", "this", "last")))]


def _ymd_date(t: TimeMatch) -> date | None:
    y, m, d = t.ymd
    return date(y, m, d) if y is not None and m is not None and d is not None and P.valid_ymd(y, m, d) else None


def _weekday_date(wd: int, rel: str, a: Anchor) -> date:
    """The day a weekday (0 = Monday) names: "next"/"this"/"last" week's, the previewed week's in a
    week-ahead article, else the coming one (today included)."""
    today = a.today
    monday = today - timedelta(days=today.weekday())
    if rel == "next":
        d = monday + timedelta(days=7 + wd) if today.weekday() < 6 else today + timedelta(days=(wd - 6) % 7 or 7)
        if today.weekday() == 6:
            d = today + timedelta(days=wd + 1)
        return d
    if rel == "this":
        return monday + timedelta(days=wd)
    if rel == "last":
        return monday - timedelta(days=7 - wd)
    if a.week_ahead is not None:
        return a.week_ahead + timedelta(days=wd)
    return today + timedelta(days=(wd - today.weekday()) % 7)
def _rel(m: re.Match[str], a: Anchor) -> Resolved | None:
    tz, today = a.tz, a.today
    if m["day"]:
        off = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}[m["day"].lower()]
        return P.day(today + timedelta(days=off), tz)
    if m["ahead"]:
        monday = a.week_ahead or today + timedelta(days=(7 - today.weekday()) % 7)  # on a Monday: this week
        return P.week_of(monday, tz)
    if m["follow"]:  # in a week-ahead preview, the week after the one it previews (elsewhere: after what?)
        return P.week_of(a.week_ahead + timedelta(days=7), tz) if a.week_ahead else None
    if m["end"]:
        word = m["end"].lower()
        if "month" in word:
            return P.day(P.month_end(today.year, today.month), tz)
        if "quarter" in word:
            q = (today.month - 1) // 3 + 1
            return P.day(P.month_end(today.year, 3 * q), tz)
        return P.month(today.year, 12, tz)
    w, u = m["w"].lower(), m["u"].lower()
    off = {"this": 0, "next": 1, "last": -1}[w]
    if u == "week" and off == 0 and a.week_ahead is not None and today.weekday() >= 4 and a.week_ahead > today:
        return P.week_of(a.week_ahead, tz)  # a preview written on Friday or at the weekend: "this week" is the coming one
    if u == "week":
        return P.week_of(today + timedelta(days=7 * off), tz)
    if u == "month":
        d = P.add_months(today.replace(day=1), off)
        return P.month(d.year, d.month, tz)
    if u == "quarter":
        d = P.add_months(today.replace(day=1), 3 * off)
        return P.quarter(d.year, (d.month - 1) // 3 + 1, tz)
    return P.year(today.year + off, tz)
