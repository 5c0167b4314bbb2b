"""An exchange's holidays listed one a line under a sentence about its closures, in English:

    The exchange closes for the country's public holidays. This year they are:
    March 3, 2031 - Harvest Day
    May 19 - Founders' Day (moved from May 18, a Sunday)
    Lantern Festival: October 6

Each row (its date before or after the holiday's name, a dash or a colon between, a bullet before it or not)
is rewritten as a dated closure sentence of its own, "Markets closed for Harvest Day on March 3, 2031." A
remark in brackets after the name (often another date: the day the holiday moved from) is left out, unless it
tells of an early close at a clock ("an early close at 1 p.m. ET on July 3"), which follows as a line of its
own, with the weekday its day has counted from the row's. Rows are read only in a run of at least three (blank
lines between them allowed) that a line about closing or holidays comes just before.
"""

from __future__ import annotations

import re
from datetime import date

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
_NAME = r"[A-Z][\w'’.,& \-]{2,60}?"
_SEP = r"\s*[-–—:]\s*"
_NOTE = r"(?:\s*\((?P<note>[^()\n]{0,120})\))?\s*"
# a remark that tells of an early close at a clock ("an early close at 1 p.m. ET on July 3") is kept
_EARLY_CLOSE = re.compile(r"\bclos\w*\b.*\b\d{1,2}(?::\d{2})?\s*[ap]\.?m\b", re.IGNORECASE)
_ROW = re.compile(rf"^\s*(?:[-–•*·]\s*)?(?:(?P<d1>{_DATE}){_SEP}(?P<n1>{_NAME})|(?P<n2>{_NAME}){_SEP}(?P<d2>{_DATE})){_NOTE}\.?$")
_INTRO = re.compile(r"\b(?:clos(?:e|es|ed|ing|ures?)|holidays?|shut)\b", re.IGNORECASE)
_MIN_ROWS = 3


def holiday_date_lists(text: str) -> str:
    """The text with each row of an English holiday list read as a closure on its own day."""
    if "oliday" not in text and "los" not in text:
        return text
    lines = text.split("\n")
    found = [_ROW.match(ln) for ln in lines]
    if sum(1 for m in found if m is not None) < _MIN_ROWS:
        return text
    out = list(lines)
    i = 0
    while i < len(lines):
        if found[i] is None:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(lines) and (found[j] is not None or not lines[j].strip()):
            if found[j] is not None:
                run.append(j)
            j += 1
        if len(run) >= _MIN_ROWS and _introduced(lines, i):
            for k in run:
                m = found[k]
                assert m is not None
                day, name = (m["d1"], m["n1"]) if m["d1"] else (m["d2"], m["n2"])
                # "Martin Luther King Jr. Day": no full stop inside the name, where a sentence would end
                name = re.sub(r"\.(?=\s)", "", name.strip().rstrip(",."))
                out[k] = f"Markets closed for {name} on {day.strip()}."
                if m["note"] and _EARLY_CLOSE.search(m["note"]):
                    note = _with_weekday(m["note"].strip(), day)
                    out[k] += f"\n{note[:1].upper()}{note[1:]}."
        i = j
    return "\n".join(out)


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAY = re.compile(rf"(?:(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),?\s+)?(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}})\b")


def _with_weekday(note: str, row_day: str) -> str:
    """The note's day ("July 3") with its weekday, counted from the row's ("Friday, July 4"): a day near
    the holiday, whose year the weekday then tells as the row's does."""
    row, m = _DAY.match(row_day.strip()), _DAY.search(note)
    if row is None or m is None or not row["wd"] or m["wd"]:
        return note
    try:  # a year without 29 February: the offset of two days a week apart is the same in every year
        first = date(2001, _MONTHS.index(row["mon"][:3].lower()) + 1, int(row["d"]))
        second = date(2001, _MONTHS.index(m["mon"][:3].lower()) + 1, int(m["d"]))
    except ValueError:
        return note
    offset = (second - first).days
    if abs(offset) > 7:
        return note
    weekday = _WEEKDAYS[(_WEEKDAYS.index(row["wd"]) + offset) % 7]
    return f"{note[:m.start()]}{weekday}, {note[m.start():]}"


def _introduced(lines: list[str], first: int) -> bool:
    """Whether the line just before the run (blank lines skipped) speaks of closures or holidays."""
    for k in range(first - 1, max(-1, first - 4), -1):
        if lines[k].strip():
            return _INTRO.search(lines[k]) is not None
    return False
