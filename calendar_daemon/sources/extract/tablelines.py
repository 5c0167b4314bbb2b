"""A data calendar table flattened one row a line, its zone on a line of its own under the header:

    DATE TIME RELEASE PERIOD CONSENSUS PREVIOUS
    (ET)
    Tuesday 1000 Factory Orders Mar +1.0% (12) +0.5%
    1500 Consumer Credit Feb +$20.0B (10) +$18.1B

The header, its zone line and the rows after it (each opening with a weekday or a four-digit clock) are
joined into the one line the flattened-table reader reads (flatrows), so that every row keeps the day
and the zone of the lines above it."""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*DATE\s+TIME\s+RELEASE\b[^\n]*$")
_ZONE_LINE = re.compile(r"^\s*\(\s*[A-Z]{2,4}\s*\)\s*$")
_ROW_LINE = re.compile(r"^\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?(?:[01]\d|2[0-3])[0-5]\d\s+[A-Z]")


def join_table_lines(text: str) -> str:
    """The text with a data table's header, zone line and rows joined into one line."""
    if "DATE" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if _HEADER.match(lines[i]) and i + 1 < len(lines) and _ZONE_LINE.match(lines[i + 1]):
            end = i + 2
            while end < len(lines) and _ROW_LINE.match(lines[end]):
                end += 1
            if end > i + 2:
                out.append(" ".join(ln.strip() for ln in lines[i:end]))
                i = end
                continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)
