"""A day-ahead article: its lead names one day ("The Reserve Bank of Australia will on Thursday end its meeting,
topping a light day for Asian data") and the sentences after it name upcoming releases with no
day of their own ("Singapore is due to publish March figures for industrial output."). When the whole text
names that one day (after the publication day, with no clock) and no other, its undated upcoming items
are on that day (still said with a future
word: "In November, sales were up 2.2 percent" is no event)."""

from __future__ import annotations

from datetime import date

from .compose import find_times
from .timematch import Anchor


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
