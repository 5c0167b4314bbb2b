"""A results schedule flattened into "name, date" lines:

    Earnings schedule for the index's constituents
    Name Date
    Alpha Land Trust 21-May-24
    Beta Bank 22-May-24
    Gamma Holdings 28-May-24

Each row is a company name followed by a day-month-year date ("21-May-24", "21-May-2024",
"21 May 2024"). Under results vocabulary (the lines above the rows speak of results, earnings or a
reporting season) each row becomes a sentence "Alpha Land Trust reports results on 21 May 2024.",
one earnings event on that day, as a results calendar means. Rows under other words (a dividend
table, an index review) are left as they are."""

from __future__ import annotations

import re

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")
# "Alpha Land Trust 21-May-24", "Beta Bank  22 May 2024"
_ROW = re.compile(
    r"^[ \t]*(?P<name>[A-Z][\w&.'()\-]*(?:[ \t]+[\w&.'()\-]+){0,7}?)[ \t]+"
    r"(?P<d>[0-3]?\d)[-\s](?P<mon>[A-Za-z]{3,9})[-\s](?P<y>\d{2}|\d{4})[ \t]*$"
)
# the words above the rows that make them a results calendar
_RESULTS = re.compile(r"\b(?:results|earnings|reporting season|financial statements|quarterly reports?)\b", re.IGNORECASE)
_LOOK_BACK = 600
_MIN_ROWS = 3


def _date(m: re.Match[str]) -> str | None:
    mon = m["mon"][:3].lower()
    if mon not in _MONTHS or not 1 <= int(m["d"]) <= 31:
        return None
    year = m["y"] if len(m["y"]) == 4 else f"20{m['y']}"
    return f"{int(m['d'])} {_MONTH_NAMES[_MONTHS.index(mon)]} {year}"


def _row(line: str) -> tuple[str, str] | None:
    m = _ROW.match(line)
    if not m or (day := _date(m)) is None:
        return None
    return m["name"].strip(), day


def results_schedule_rows(text: str) -> str:
    """The text with each row of a flattened results schedule as a dated results sentence."""
    lines = text.split("\n")
    rows = [_row(line) for line in lines]
    if sum(row is not None for row in rows) < _MIN_ROWS:
        return text
    out = list(lines)
    i = 0
    while i < len(lines):
        if rows[i] is None:
            i += 1
            continue
        j = i
        while j < len(lines) and (rows[j] is not None or not lines[j].strip()):
            j += 1
        block = [k for k in range(i, j) if rows[k] is not None]
        above = "\n".join(lines[:i])[-_LOOK_BACK:]
        if len(block) >= _MIN_ROWS and _RESULTS.search(above):
            for k in block:
                name, day = rows[k]  # type: ignore[misc]
                out[k] = f"{name} reports results on {day}."
        i = j
    return "\n".join(out)
