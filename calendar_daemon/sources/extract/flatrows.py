"""A data calendar table flattened into one line, its zone declared once in the header:

    DATE TIME RELEASE PERIOD CONSENSUS PREVIOUS (ET) Monday 1000 Widget PMI Oct 51.2 (4) 50.9
    1000 Builders Index Oct 44 (9) 43 Wednesday 0830 Jobless Claims Oct 30 250K (5) 251K …

A weekday opens each day's rows; a four-digit clock opens each row, at that clock in the header's zone.
Each row is rewritten as the clock-row reader's shape (a "<day> schedule:" line over "HH:MM ET,
<release>" lines), the release being the row's leading words before its period and figures (a row's
reference week, "Oct 30", is no event day). A row at the clock of the row before it that names no
release of the gazetteer ("Unit Labor Costs" after "Productivity", "Avg. Hourly Wages" after "Nonfarm
Payrolls") is a part of that release, not an event of its own; rows naming no release are marked as
economic data ("Productivity (Prelim) economic data"), which every row of such a table is."""

from __future__ import annotations

import logging
import re

from .english import EN_ZONES
from .releases import releases_in

logger = logging.getLogger(__name__)

_ABBREVIATIONS = "|".join(sorted((w for w in EN_ZONES if w.isupper()), key=len, reverse=True))
# "TIME (ET)", "PREVIOUS (ET)": the zone of every clock in the table
_HEADER_ZONE = re.compile(rf"\b(?:TIME|PREVIOUS|CONSENSUS|RELEASE|DATE)\b[^\n]{{0,80}}?\(\s*(?P<z>{_ABBREVIATIONS})\s*\)")
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# a row's clock (an optional weekday first), then the release's first word
_ROW = re.compile(rf"(?:\b(?P<day>{_WEEKDAY})\s+)?\b(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s+(?=[A-Z])")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# where the release's name ends: its period ("Oct", "3Q", "Q3", "Wk") or its first figure
_NAME_END = re.compile(rf"\s+(?:{_MONTH}(?=\s|$)|[1-4]Q\b|Q[1-4]\b|[-+$(]?\d|Wk\b|N/A\b)")
_MIN_ROWS = 3
_MAX_NAME = 60


def _name(row: str) -> str:
    """The release a row names: its words before the period and the figures."""
    end = _NAME_END.search(row)
    return (row[: end.start()] if end else row).strip(" *")[:_MAX_NAME]


def _rows(line: str, zone: str) -> list[str] | None:
    """The rows of a flattened table line as schedule lines, or None when it is no such table."""
    matches = list(_ROW.finditer(line))
    if len(matches) < _MIN_ROWS or matches[0]["day"] is None:
        return None
    out: list[str] = []
    last_clock = ""
    for i, m in enumerate(matches):
        rest = line[m.end(): matches[i + 1].start() if i + 1 < len(matches) else len(line)]
        name, clock = _name(rest), f"{m['h']}:{m['m']}"
        if not name:
            continue
        named = bool(releases_in(name))
        if m["day"]:
            out += ["", f"{m['day']} schedule:"]
        elif clock == last_clock and not named:
            continue  # a part of the release in the row before ("Unit Labor Costs" after "Productivity")
        out.append(f"{clock} {zone}, {name if named else name + ' economic data'}")
        last_clock = clock
    return [*out, ""]


def flat_table_rows(text: str) -> str:
    """The text with each flattened data table (its zone in the header) rewritten as clock rows."""
    if "(" not in text:
        return text
    out: list[str] = []
    for line in text.split("\n"):
        header = _HEADER_ZONE.search(line)
        rows = _rows(line[header.end():], header["z"]) if header else None
        if header is None or rows is None:
            out.append(line)
            continue
        logger.debug("flattened table in %s: %s rows", header["z"], sum(1 for r in rows if r[:1].isdigit()))
        out += [line[: header.start()].rstrip()] if line[: header.start()].strip() else []
        out += rows
    return "\n".join(out)
