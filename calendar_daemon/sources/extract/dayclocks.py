"""A calendar entry that names its day first and its clock at the end, with no zone (issue 15, corpus 6
shape 1): "Tuesday: The agency reports retail sales at 8:30 a.m." is at 8:30 that Tuesday in the
article's own zone, as "on Tuesday at 8:30 a.m." is. Only a sentence with one day and one such clock is
read so; two clocks (or a clock another day took) leave it as it was."""

from __future__ import annotations

import re
from dataclasses import replace

from .resolved import Resolved
from .timeexpr import as_aware
from .timematch import Anchor, TimeMatch
from .weekdayyears import year_by_weekday

# "at 8:30 a.m.", "(scheduled) for 2 p.m.", "Retail sales (8:30 a.m.)", "…, 10 a.m.": a clock with its half
# of the day, and no zone after it
# ("Industrial production 9:15 a.m.": a row's clock at its end needs no word before it)
_AT_CLOCK = re.compile(r"(?:\b(?:at|for)\s+|[(,]\s*|\s(?=(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?\s*[ap]\.?m\.?\s*$))"
                       r"(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>[ap])\.?m\b\.?", re.IGNORECASE)
_HINT = re.compile(r"\d\s*[ap]\.?m\b", re.IGNORECASE)


def settled_times(text: str, times: list[TimeMatch], a: Anchor) -> list[TimeMatch]:
    """The last readings of a line's times: a day's year set by its weekday, then its clock."""
    return day_then_clock(text, year_by_weekday(text, times), a)


def day_then_clock(text: str, times: list[TimeMatch], a: Anchor) -> list[TimeMatch]:
    """``times`` with the one plain day of ``text`` timed by the one unzoned clock after it."""
    if not times or _HINT.search(text) is None:
        return times
    plain = [i for i, t in enumerate(times) if t.resolved.precision == "date" and t.resolved.kind == "point"
             and t.resolved.start == t.resolved.end]
    if len(plain) != 1 or any(t.resolved.precision == "datetime" for t in times):
        return times
    tm = times[plain[0]]
    clocks = [m for m in _AT_CLOCK.finditer(text) if not any(t.start <= m.start() < t.end for t in times)]
    if len(clocks) != 1 or clocks[0].start() < tm.end:
        return times
    m = clocks[0]
    hour = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
    day = tm.resolved.first_day()
    if day is None:
        return times
    at = as_aware(day, (hour, int(m["m"] or 0)), a.tz)
    res = Resolved(at, at, "datetime", timezone=a.tz)
    return [*times[:plain[0]], replace(tm, resolved=res, base=res), *times[plain[0] + 1:]]
