"""A day-ahead article: its lead names one day ("The Reserve Bank of Australia will on Thursday end its meeting,
topping a light day for Asian data") and the sentences after it name upcoming releases with no
day of their own ("Singapore is due to publish March figures for industrial output."). When the whole text
names that one day (after the publication day, with no clock) and no other, its undated upcoming items
are on that day (still said with a future
word: "In November, sales were up 2.2 percent" is no event)."""

from __future__ import annotations

import re
from datetime import date

from .compose import find_times
from .timematch import Anchor

# A headline of a diary of one day ("明日焦点", "《再战明天》", "today's calendar").
_DIARY = re.compile(r"明日|明天|焦点|日志|日程|tomorrow|today's|diary", re.IGNORECASE)
# A preview of the publication day's releases ("今日财经数据前瞻"), each paragraph led by one: they are that day's.
_TODAY = re.compile(r"^(?:今[日天])(?:财经|经济)?(?:数据)?(?:前瞻|预告|看点|提示|日历)")
_CLOCK = re.compile(r"(?<![\d:：])(?<!\d{4}-\d\d-\d\d )\d{1,2}[:：]\d{2}(?![:：\d])")  # (a page or outlet stamp's is none)


def diary_kind(headline: str, text: str) -> tuple[bool, bool]:
    """Whether the article is a diary of one day, and whether it previews the publication day's releases with no
    clock (timed rows date themselves)."""
    today = _TODAY.match(headline) is not None and not _CLOCK.search(text)
    return today or _DIARY.search(headline) is not None, today


def only_day(text: str, anchor: Anchor) -> date | None:
    """The one day after the publication day that ``text`` names, when it names exactly one (a live page
    of the day itself is no preview)."""
    days: set[date] = set()
    for tm in find_times(text, anchor):
        res = tm.resolved
        first, last = res.first_day(), res.last_day()
        if res.precision == "datetime":
            return None  # a timed page reads its items at their clocks
        if res.precision == "date" and first is not None:
            if first != last and res.precision == "date":
                return None  # a range of days
            days.add(first)
        if len(days) > 1:
            return None
    day = next(iter(days), None)
    return day if day is not None and day > anchor.today else None
