"""Closure notices laid out as tables an export has flattened.

A grid: the days are the columns, each market a row of statuses.

A broker's notice of holiday closures, exported from its table one header cell a line::

    Stock Exchange
    20 May 2031 (Tue)
    21 May 2031 (Wed)
    SGX Closed Open
    Bursa Malaysia Closed Closed

Each row's "Closed" falls on the day of its column: the row becomes "SGX is closed on 20 May 2031.", one closure
a market and a day, and the day cells above it go (alone on their lines they would date nothing, or the
wrong row). A row whose cells are not one status per day is no row of the grid, and the text is left as it is.

A list of day cells, each followed by its status cell, one cell a line after a bar::

    |Thursday, December 24, 2031
    |Open until 1:00 p.m. (EST)
    |Friday, December 25, 2031
    |Closed

Each day and its status are one line ("Thursday, December 24, 2031: Open until 1:00 p.m. (EST)"), and a market
"open until" a clock on a trading day closes early at that clock ("…: close early at 1:00 p.m. (EST)").
"""

from __future__ import annotations

import re

from .english import FULL_DATE_WORDS
from .english import MONTH_WORD as _MONTH

_DAY_CELL = re.compile(rf"^\s*(?P<day>\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})\s*(?:\(\w{{3,9}}\.?\))?\s*$")
_STATUS = r"(?:open|closed|half[- ]day|early close)"
_MIN_DAYS = 2
_BAR_DAY = re.compile(rf"^\|\s*(?P<day>{FULL_DATE_WORDS})\s*$")
_BAR_CELL = re.compile(r"^\|\s*(?P<cell>\S.*)$")
_OPEN_UNTIL = re.compile(r"\b(?:will\s+be\s+|is\s+|are\s+)?open\s+until\s+(?=\d{1,2}(?::\d\d)?\s*[ap]\.?m)", re.IGNORECASE)


def _row(line: str, columns: int) -> tuple[str, list[str]] | None:
    m = re.match(rf"^\s*(?P<name>[A-Za-z][^|\d]{{1,40}}?)\s+(?P<cells>{_STATUS}(?:\s+{_STATUS}){{{columns - 1}}})\s*$", line, re.IGNORECASE)
    return (m["name"].strip(), m["cells"].lower().split()) if m else None


def date_grids(text: str) -> str:
    """The text with each market row of a day-column grid as its closures, one sentence a closed day."""
    if not re.search(r"\bclosed\b", text, re.IGNORECASE):
        return text
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        days: list[int] = []
        j = i
        while j < len(lines) and (_DAY_CELL.match(lines[j]) or (days and not lines[j].strip())):
            if lines[j].strip():
                days.append(j)
            j += 1
        if len(days) < _MIN_DAYS:
            i = max(j, i + 1)
            continue
        rows = []
        while j < len(lines) and (row := _row(lines[j], len(days))) is not None:
            rows.append((j, row))
            j += 1
        if rows:
            dated = [m["day"] for k in days if (m := _DAY_CELL.match(lines[k]))]
            for k in days:
                lines[k] = ""
            for k, (name, cells) in rows:
                lines[k] = " ".join(f"{name} is closed on {day}." for day, cell in zip(dated, cells, strict=True) if cell == "closed")
        i = j
    return "\n".join(lines)


def day_status_cells(text: str) -> str:
    """The text with each "|day" cell joined to the "|status" cell after it, "open until" a clock as an early close."""
    if "|" not in text:
        return text
    lines = text.split("\n")
    for i in range(len(lines) - 1):
        day = _BAR_DAY.match(lines[i])
        k = i + 1
        while day and k < len(lines) - 1 and lines[k].startswith("(") and not _BAR_CELL.match(lines[k]):
            k += 1  # "(In lieu of Boxing Day)" under the day
        cell = _BAR_CELL.match(lines[k]) if day and k < len(lines) else None
        if day and cell and not _BAR_DAY.match(lines[k]):
            lines[i], lines[k] = f"{day['day']}: " + _OPEN_UNTIL.sub("close early at ", cell["cell"]), ""
    return "\n".join(lines)
