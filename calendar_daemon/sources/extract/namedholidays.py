"""A market closure named by its holiday alone (issue 15, corpus 9 English): "All western markets are closed
for Good Friday" in a week-ahead dates nothing until the holiday's day is known. A closure sentence that names
a holiday with a fixed rule (Good Friday, Easter Monday, Christmas Day, Thanksgiving, …) and no date of its own
gets the holiday's next day written after the name ("Good Friday (April 19, 2019)"), counted from a few days
before publication. Observed days (a holiday moved off a weekend) are not guessed: only a text that says the
holiday, not the observed day, is read, and only in a sentence that says the market closes."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.easter import easter

from .enwords import MONTH_NAMES


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` of the month (``n`` = -1: the last)."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


_RULES: dict[str, Callable[[int], date]] = {
    "good friday": lambda y: easter(y) - timedelta(days=2),
    "easter monday": lambda y: easter(y) + timedelta(days=1),
    "christmas day": lambda y: date(y, 12, 25),
    "boxing day": lambda y: date(y, 12, 26),
    "new year's day": lambda y: date(y, 1, 1),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "independence day": lambda y: date(y, 7, 4),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "juneteenth": lambda y: date(y, 6, 19),
    "anzac day": lambda y: date(y, 4, 25),
    # the days US markets close early, named by the holiday next to them
    "christmas eve": lambda y: date(y, 12, 24),
    "new year's eve": lambda y: date(y, 12, 31),
    "the day after thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4) + timedelta(days=1),
    "black friday": lambda y: _nth_weekday(y, 11, 3, 4) + timedelta(days=1),
    "the day before independence day": lambda y: date(y, 7, 3),
}
_NAME = re.compile(r"\b(?P<name>" + "|".join(re.escape(n).replace("'", "['’]") for n in sorted(_RULES, key=len, reverse=True)) + r")\b"
                   r"(?![\s,]*(?:\(|on\b|\d|" + "|".join(m[:3] for m in MONTH_NAMES) + r"))", re.IGNORECASE)
_CLOSED = re.compile(r"\b(?:closed|close|closes|closure|shut|no trading)\b", re.IGNORECASE)
_DATED = re.compile(r"\b(?:" + "|".join(m[:3] for m in MONTH_NAMES) + r")[a-z]*\.?\s+\d{1,2}\b|\d{1,2}/\d{1,2}|"
                    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.IGNORECASE)
_LONGEST = 400  # a closure is said in a sentence, not in a run of text without a stop
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def _next(name: str, after: date) -> date:
    rule = _RULES[name.lower().replace("’", "'")]
    day = rule(after.year)
    return day if day >= after else rule(after.year + 1)


def named_holidays(text: str, today: date) -> str:
    """The text with the day written after each holiday named alone in a sentence about a market closing."""
    if not _NAME.search(text):
        return text
    since = today - timedelta(days=3)

    def sentence(m: re.Match[str]) -> str:
        s = m[0]
        if len(s) > _LONGEST or not _CLOSED.search(s) or _DATED.search(_NAME.sub("", s)):
            return s

        def dated(n: re.Match[str]) -> str:
            day = _next(n["name"], since)
            return f"{n[0]} ({MONTH_NAMES[day.month - 1]} {day.day}, {day.year})"

        return _NAME.sub(dated, s)

    return _SENTENCE.sub(sentence, text)
