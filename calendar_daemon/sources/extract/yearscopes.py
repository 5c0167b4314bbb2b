"""A year that scopes a schedule or names a series, not a year-long event.

Two shapes (invented examples):

- a schedule's scope: ``关于某交易所2031年部分节假日休市安排的通知``, ``2030年、2031年的交易日安排``, ``Here are the market holidays
  for 2031:``, ``the 2031 auction calendar`` — the table or rows under it are the events; the year
  only says which ones;
- a bond series' name: ``续发行2031年记账式附息(九期)国债``, ``2031年第三期特别国债`` — the year is
  part of the name (the series was first issued that year).

Only a year (or a year with ``全年``, or a year's end before the next year: ``2030年底及2031年…``) is affected; a month or a day next to the same words stays.
The day such a schedule is published (``12月20日,某交易所公布2031年部分节假日休市安排``) is the report's
own day, not an event either. So is the year a calendar's dates or a count of meetings cover (``the release
dates for 2031 and the first half of 2032``, ``eight rate announcements during 2031``), and a year in a title's
brackets (``《2031年最低工资条例(修订)公告》``).
"""

from __future__ import annotations

import re

from .timematch import TimeMatch

_SCHEDULE_AFTER = re.compile(r"^\s*(?:年度?)?\s*(?:(?:底|末)?[、及和与]\s*(?:19|20)\d{2}年)?(?:的|度)?[^,，。;；:：]{0,10}?"
                             r"(?:休市安排|休市(?:时间|日期|日|列表|一览)|会议(?:安排|时间表|日程|日期)|节假日|假期安排|放假安排|交易日安排|日程|时间表|日历|发行计划|calendar|schedule|holidays?)",
                             re.IGNORECASE)
_SCHEDULE_BEFORE = re.compile(r"(?:holidays?|calendar|schedule|closures?)\s+(?:for|in)\s+(?:the\s+year\s+)?$",
                              re.IGNORECASE)
# the year (or half) a calendar's dates or a count of meetings cover: "the release dates for 2031 and the first
# half of 2032", "eight rate announcements during 2031", "the last meeting for 2031 is from November 20 to 22nd"
_DATES_BEFORE = re.compile(r"\b(?:dates|announcements|meetings?)\b[^.;]{0,40}?\b(?:for|in|during|of)\s+"
                           r"(?:(?:19|20)\d{2}\s+and\s+)?(?:(?:the\s+)?(?:first|second)\s+half\s+of\s+)?(?:the\s+)?$", re.IGNORECASE)
_SERIES_AFTER = re.compile(r"^\s*(?:年度?)?\s*(?:第[一二三四五六七八九十\d]{1,3}期|记账式|储蓄国债|凭证式|"
                           r"(?:超长期)?特别国债|地方政府(?:专项|一般)债)")


def is_scope_year(sentence: str, tm: TimeMatch) -> bool:
    """Whether the year ``tm`` scopes a schedule or names a bond series in ``sentence``."""
    if tm.resolved.precision == "year" and sentence.rfind("《", 0, tm.start) > sentence.rfind("》", 0, tm.start):
        return True  # a year in a title's brackets names the text ("《2031年最低工资条例(修订)公告》")
    if tm.resolved.precision in ("year", "half") and _DATES_BEFORE.search(sentence[max(0, tm.start - 80):tm.start]):
        return True
    if tm.resolved.precision != "year" and not (tm.resolved.precision == "month"
                                                  and sentence[tm.start:tm.end].endswith(("年底", "年末"))):
        return False
    after = sentence[tm.end:tm.end + 24]
    if _SERIES_AFTER.match(after) or _SCHEDULE_AFTER.match(after):
        return True
    return _SCHEDULE_BEFORE.search(sentence[max(0, tm.start - 40):tm.start]) is not None


_PUBLISHES = re.compile(r"公布|发布|印发|披露|announced|published|released", re.IGNORECASE)


def publishes_scope(sentence: str, tm: TimeMatch, times: list[TimeMatch]) -> bool:
    """Whether ``tm`` is the day a year-scoped schedule named right after it is published."""
    if tm.resolved.precision != "date":
        return False
    return any(t.start > tm.end and t.start - tm.end <= 40 and is_scope_year(sentence, t)
               and _PUBLISHES.search(sentence[tm.end:t.start]) for t in times)
