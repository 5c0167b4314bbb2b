"""Rows led by a clock and no date: a daily calendar table ("21:30 | 美国 | 10月零售销售"), a session
calendar ("2330 GMT Australia - card spending", "0200gmt China trade"), a Hong Kong diary
("9:30am，<official>發表演講" under "周四（28日）…（本港時間．下同）").

Each row happens at its clock on the day in effect: the day a lead line names ("周四(28日)重点如下:",
a day heading), else the publication day in the row's zone (the next day when that clock is more than
half a day before publication: a list posted in the evening for the next session). In a run of rows a
clock earlier than the one before it, by a step forward of half a day or less, has passed midnight: the
row is on the next day. The zone is the
row's own ("2330 GMT"), else one a lead line carries to every later clock ("本港时间.下同", "(GMT)"),
else the article's."""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from .compose import find_times
from .english import EN_ZONES
from .headings import has_own_date
from .rowzone import OFFSET_NOTE, offset_zone, same_offset, zone_word
from .timeexpr import ZONES
from .timematch import Anchor
from .vocabulary import may_hold

logger = logging.getLogger(__name__)

_EN_ZONE = "|".join(sorted((z for z in EN_ZONES if z.isupper()), key=len, reverse=True))  # abbreviations
_CN_ZONE = "|".join(sorted(ZONES, key=len, reverse=True))
# a part of the day before a clock ("晚上6:00", as "6:00pm" after Chinese text is written)
_DAY_PART = "凌晨|早上|上午|中午|下午|傍晚|晚上|晚间"
_LATE_PARTS = ("下午", "傍晚", "晚上", "晚间")
_AMPM = r"(?P<ap>[ap])\.?\s?m\.?(?![a-z])"
# A clock opening a row: "21:30", "9:30am", "8:15 p.m.", "10 a.m." (a whole hour only with am/pm), "2330 GMT",
# "0200gmt" (four digits only before a zone).
_ROW_CLOCK = re.compile(
    rf"^[\s\-*•·|]*(?:(?:首先是|其次是|紧接着|随后|接着|之后|然后|最后)[,，]?\s*(?={_CN_ZONE}))?(?P<zw>{_CN_ZONE})?\s*(?P<part>{_DAY_PART})?(?:(?=(?:[01]?\d|2[0-3])\s*[:：]|(?:1[0-2]|0?\d)\s?[ap]\.?\s?m\.?(?![a-z]))"
    rf"(?P<h>2[0-3]|[01]?\d)(?!\d)(?:\s*[:：]\s*(?P<m>[0-5]\d)(?!\d))?\s*(?:{_AMPM})?"
    rf"|(?P<h4>[01]\d|2[0-3])(?P<m4>[0-5]\d)\s*(?=(?:{_EN_ZONE})\b))\s*(?P<z>(?:{_EN_ZONE})\b)?", re.IGNORECASE)
# A row whose time is not fixed yet, in a run of clock rows: "待定 | 日本 | 央行利率决议", "TBD BoJ decision".
_ROW_UNTIMED = re.compile(r"^[\s\-*•·|]*(?:待定|未定|全天|TBD|TBA|All Day|Tentative)\b", re.IGNORECASE)
_ROW_SEP = re.compile(r"^的|^\s*(?:[,，:：\-–—|]\s*)?")  # ("21:45的加拿大央行公布…": a clock said as an attribute)
# A zone stated once for the lines below: "(本港时间.下同)", "北京时间,下同", "(all times GMT)", "Time (GMT)".
_CARRIED_CN = re.compile(rf"(?P<z>{_CN_ZONE})\s*[.,，、;；]?\s*(?:下同|同下|下略)")
_CARRIED_EN = re.compile(rf"(?:all times|times are|times in|time)\s*(?:are\s*)?(?:in\s*)?\(?\s*(?P<z>{_EN_ZONE})\b",
                         re.IGNORECASE)
# "同一时间,乙…" after a row: a second item at that row's clock
_SAME_TIME = re.compile(r"^\s*(?:同一时间|同一时段)\s*[,，]?")
_HAS_CLOCK = re.compile(r"\d[:：]\d\d|\d点")
_SHORT = 24  # a line this short that is little but one day ("周四(28日)市场焦点") dates the rows below it
_SHORT_REST = 8
_OPENING_MAX = 48  # a line this short that opens with its day and goes on with a subtitle
_OPENING = re.compile(r"^[\s\-*•·#|]*$")
_LEAD_MAX = 144  # a line naming the day of the rows below ends with a colon and is no paragraph
_ROLLOVER_HOURS = 12
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# "2330 GMT Australia - card spending", "• 12:30 pm BST - RBA Governor Lowe": in a clock row, bulleted or not, a
# dash parts the place from the item (elsewhere a spaced dash starts a new bullet).
_ROW_DASH = re.compile(rf"(?m)^([ \t]*(?:[*•·][ \t]*)?(?:\d{{1,2}}:\d{{2}}|\d{{4}}\s*(?:{_EN_ZONE}))[^\n]{{0,40}}?)\s[-–—]\s", re.IGNORECASE)


# "9.30am: …" opening a row (a UK diary writes the clock with a dot): "9:30am", the form rows are read in.
_DOT_CLOCK = re.compile(r"(?m)^([ \t]*[\-*•·]?[ \t]*)(1[0-2]|0?\d)\.([0-5]\d)\s?([ap]\.?m\.?)(?![a-z])", re.IGNORECASE)


def join_row_dashes(text: str) -> str:
    """The text with the dash after a clock row's place read as a comma, so the row stays one sentence,
    and a row's dotted clock ("9.30am:") written with a colon."""
    return _DOT_CLOCK.sub(r"\1\2:\3\4", _ROW_DASH.sub(r"\1, ", text))


# A section heading of an English day calendar: a few words, no digit ("Asian session", "Central bankers' speeches").
_SECTION = re.compile(r"[A-Z][A-Za-z&' ]{3,40}")


def _still_ahead(anchor: Anchor, zone: str, hour: int, minute: int) -> bool:
    """Whether the clock is still to come on the publication day, in ``zone``."""
    published = anchor.published.astimezone(ZoneInfo(zone))
    return datetime(published.year, published.month, published.day, hour, minute, tzinfo=ZoneInfo(zone)) >= published


def _zone_name(word: str) -> str:
    return ZONES.get(word) or EN_ZONES.get(word.upper(), "")


class ClockRows:
    """The run of clock rows being read: the day in effect, the last row's clock and a carried zone."""

    def __init__(self, default_zone: str | None = None, all_past: bool = False) -> None:
        self.all_past = all_past  # every row's clock was already past when the list was posted: it is the next day's
        self.lead: date | None = None  # the day a lead line or day heading names
        self.day: date | None = None  # the day of the last row
        self.last = -1  # the last row's clock, in minutes of the day
        self.zone_word = ""  # a zone carried to every later clock
        self.zone_offset = ""  # ... or an offset carried so ("本周焦點 (GMT+8)")
        self.default_zone = default_zone  # the zone of rows with none, when not the article's
        self.zone = ""  # the last row's zone
        self.section = False  # an English section heading came after the last row ("Central bankers' speeches")

    def note(self, sentence: str, anchor: Anchor, heading: bool = False, dateline: bool = False) -> None:
        """A line that is no row: it may carry a zone, and a day heading, a short line naming one day or
        one ending with a colon ("周四(28日)重点如下:") is the day of the rows below it, as is the day of a
        clock in prose ("周四(28日)4:00pm,欧元区公布…" then "5:00pm,…"). (A headline's day is
        not: a session calendar is headed with the session's day but lists the evening before it; nor is
        the publication day on a ``dateline``, a line among the first of the article.)"""
        if self.day is not None and self.last >= 0 and _SECTION.fullmatch(sentence):
            self.section = True
        m = _CARRIED_CN.search(sentence)
        if m is None and may_hold(sentence, ("time",)):  # every English note says "time"
            m = _CARRIED_EN.search(sentence)
        if m:
            self.zone_word, self.zone_offset = m["z"], ""
        elif m := OFFSET_NOTE.search(sentence):
            self.zone_word, self.zone_offset = "", offset_zone(m["sign"], m["h"])
        lead = heading or (len(sentence) <= _LEAD_MAX and sentence.rstrip().endswith((":", "：")))
        short = not lead and len(sentence) <= _SHORT
        in_run = self.day is not None and self.last >= 0
        opening = len(sentence) <= _OPENING_MAX
        if not lead and not opening and not in_run and not _HAS_CLOCK.search(sentence):
            return
        times = [t for t in find_times(sentence, anchor)
                 if t.resolved.precision in ("date", "datetime") and t.resolved.kind == "point"]
        if short:  # "周四(28日)市场焦点", not a short sentence of prose
            lead = len(sentence) - sum(t.end - t.start for t in times) <= _SHORT_REST
        if (not lead and opening and times and _OPENING.match(sentence[:times[0].start])
                and any(ch.isdigit() for ch in sentence[times[0].start:times[0].end])):
            # "周一 (9月15日) 交易日:数据开场": a line its written day opens heads the rows below it
            lead = True
        points = [t.resolved for t in times]
        days = {r.first_day() for r in points}
        if len(days) != 1 or (dateline and anchor.today in days):
            return
        clocked = [r.start for r in points if r.precision == "datetime" and isinstance(r.start, datetime)]
        if clocked:  # "周四(28日)下午4:00,欧元区公布…": the next clock rows continue this day
            at = clocked[-1].astimezone(ZoneInfo(anchor.tz))
            self.lead = self.day = at.date()
            self.last, self.zone = at.hour * 60 + at.minute, anchor.tz
        elif lead or (in_run and days == {self.day}):
            # a line naming the run's own day again ("數據方面，周五…") starts a new list of that day: its
            # first clock, earlier than the last row's, is no step past midnight
            self.lead, self.day, self.last = days.pop(), None, -1

    def _untimed(self, rest: str, zh: bool) -> str:
        """A row of the run whose time is not known yet ("待定 | 日本 | 央行利率决议"): the run's day."""
        day = self.day or self.lead
        assert day is not None
        rest = _ROW_SEP.sub("", rest, count=1)
        if zh:
            return f"{day.year}年{day.month}月{day.day}日,{rest}"
        return f"{_WEEKDAYS[day.weekday()]} {_MONTHS[day.month - 1]} {day.day}: {rest}"

    def read(self, sentence: str, anchor: Anchor, zh: bool) -> tuple[str, bool]:
        """The row with its day written out before its clock, and whether it is a clock row."""
        if zh and self.day is not None and self.last >= 0 and (same := _SAME_TIME.match(sentence)):
            zword = zone_word(self.zone, self.day, zh) if self.zone not in ("", anchor.tz) else ""
            hm = f"{self.last // 60:02d}:{self.last % 60:02d}"
            return f"{self.day.year}年{self.day.month}月{self.day.day}日{zword}{hm},{sentence[same.end():]}", True
        m = _ROW_CLOCK.match(sentence)
        rest = sentence[m.end():] if m else ""
        if m is None and (tbd := _ROW_UNTIMED.match(sentence)) and (self.day or self.lead):
            return self._untimed(sentence[tbd.end():], zh), True
        if m is None or not rest.strip() or has_own_date(rest, anchor):
            return sentence, False
        hour, minute = (int(m["h"]), int(m["m"] or 0)) if m["h"] is not None else (int(m["h4"]), int(m["m4"]))
        if m["ap"] and m["ap"].lower() == "p" and hour < 12:
            hour += 12
        elif m["ap"] and m["ap"].lower() == "a" and hour == 12:
            hour = 0
        elif (m["part"] in _LATE_PARTS and hour < 12) or (m["part"] == "中午" and hour < 11):
            hour += 12
        elif m["part"] == "凌晨" and hour == 12:
            hour = 0
        word = m["zw"] or m["z"] or self.zone_word
        zone = _zone_name(word) if word else (self.zone_offset or self.default_zone or anchor.tz)
        clock = hour * 60 + minute
        if self.day is not None and self.last >= 0:
            # past midnight when the step forward is short ("11:00pm" then "1:00am"); a row a little earlier
            # than the one before (21:30 then 20:00) is a list not kept in order, on the same day
            passed = clock < self.last and clock + 24 * 60 - self.last <= _ROLLOVER_HOURS * 60
            day = self.day + timedelta(days=1) if passed else self.day
            if self.section and _still_ahead(anchor, zone, hour, minute):
                # a new section of a day's calendar ("Central bankers' speeches") starts again on its lead day (or
                # the publication day) when its clock is still ahead there: no step past midnight
                day = self.lead or anchor.published.astimezone(ZoneInfo(zone)).date()
        elif self.lead is not None:
            day = self.lead
        elif anchor.week_ahead is not None and anchor.week_ahead > anchor.today and not zh:
            # a coming week's rows with no day heading are the week's, not the publication day's
            return f"{_ROW_SEP.sub('', rest, count=1).rstrip(' .')}, this week.", True
        else:
            published = anchor.published.astimezone(ZoneInfo(zone))
            day = published.date()
            at = datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(zone))
            if at < published - timedelta(hours=_ROLLOVER_HOURS) or (self.all_past and at < published):
                day += timedelta(days=1)
        if zone != anchor.tz and not word and same_offset(zone, anchor.tz, day):
            zone = anchor.tz  # "(GMT+8)" over a Taipei article's rows: its own zone
        self.day, self.last, self.zone, self.section = day, clock, zone, False
        rest = _ROW_SEP.sub("", rest, count=1)
        hm = f"{hour:02d}:{minute:02d}"
        if zh:
            # the article's own zone goes unsaid: a zone word names a place, and the row's region is its own
            zword = zone_word(zone, day, zh) if zone != anchor.tz else ""
            return f"{day.year}年{day.month}月{day.day}日{zword}{hm},{rest}", True
        zone_tail = f" {word.upper()}" if word else (f" {zone_word(zone, day, zh)}" if zone != anchor.tz else "")
        # written like a day heading and its bullet ("Wed Dec 16 - 14:00 …"), the form titles are read from
        return f"{_WEEKDAYS[day.weekday()]} {_MONTHS[day.month - 1]} {day.day} - {hm}{zone_tail} {rest}", True


_LINE_CLOCK = re.compile(r"^[ \t\-*•·|]*(?P<h>2[0-3]|[01]?\d)[:：](?P<m>[0-5]\d)(?!\d)", re.MULTILINE)
_SOME_AMPM = re.compile(r"\d\s?[ap]\.?m\b", re.IGNORECASE)  # a clock with am/pm anywhere: 24-hour rows are not read
_MIN_ROWS = 3


def rows_all_past(text: str, anchor: Anchor) -> bool:
    """Whether a list of clock rows (three or more, no am/pm to misread) has every clock of its day before the
    publication time: a diary posted in the evening ("07:00 unemployment", "13:15 rate decision") for the next
    day. A clock after midnight at the list's end ("00:50 trade balance") is already the next day's."""
    clocks = [int(m["h"]) * 60 + int(m["m"]) for m in _LINE_CLOCK.finditer(text)]
    while len(clocks) > 1 and clocks[-1] < clocks[0]:
        clocks.pop()  # past midnight
    if len(clocks) < _MIN_ROWS or _SOME_AMPM.search(text):
        return False
    published = anchor.published.astimezone(ZoneInfo(anchor.tz))
    return max(clocks) < published.hour * 60 + published.minute
