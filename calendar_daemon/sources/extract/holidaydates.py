"""An exchange's holidays listed one a line under a sentence about its closures, in English:

    The exchange closes for the country's public holidays. This year they are:
    March 3, 2031 - Harvest Day
    May 19 - Founders' Day (moved from May 18, a Sunday)
    Lantern Festival: October 6

Each row (its date before or after the holiday's name, a dash or a colon between) is rewritten as a dated
closure sentence of its own, "Markets closed for Harvest Day on March 3, 2031." A remark in brackets after the
name (often another date: the day the holiday moved from) is left out. Rows are read only in a run of at
least three (blank lines between them allowed) that a line about closing or holidays comes just before.
"""

from __future__ import annotations

import re

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
_NAME = r"[A-Z][\w'’.,& \-]{2,60}?"
_SEP = r"\s*[-–—:]\s*"
_NOTE = r"(?:\s*\([^()\n]{0,120}\))?\s*"
_ROW = re.compile(rf"^\s*(?:(?P<d1>{_DATE}){_SEP}(?P<n1>{_NAME})|(?P<n2>{_NAME}){_SEP}(?P<d2>{_DATE})){_NOTE}\.?$")
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
                out[k] = f"Markets closed for {name.strip().rstrip(',.')} on {day.strip()}."
        i = j
    return "\n".join(out)


def _introduced(lines: list[str], first: int) -> bool:
    """Whether the line just before the run (blank lines skipped) speaks of closures or holidays."""
    for k in range(first - 1, max(-1, first - 4), -1):
        if lines[k].strip():
            return _INTRO.search(lines[k]) is not None
    return False
