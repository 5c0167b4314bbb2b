"""A "|" table whose cells hold line breaks, exported one line per piece (a holiday table's status cell and
its "3 weeks from now" note on lines of their own):

    Holiday | Date | Status |
    ---|---|---|
    Good Friday | Friday, April 2, 2031 |
    Closed
    3 weeks from now |

A row runs on until it has as many "|" as the header; its pieces are joined into one line, so that the
row's date, name and status are read together. A table ends at a line without "|" outside a row. A status
of trading hours on a holiday ("Open, 9:00am - 12:00pm") is a partial day: it is said as an early close at
the hours' end."""

from __future__ import annotations

import re

_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")  # the header's underline: "---|---|---|"
_MAX_PIECES = 5  # lines one row may span
_PARTIAL_DAY = re.compile(r"\|\s*Open,?\s*\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?\s*[-–]\s*(?P<end>\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?)", re.IGNORECASE)


def join_broken_rows(text: str) -> str:
    """The text with each table row broken over lines joined into one line."""
    if "---" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    width, i = 0, 0
    while i < len(lines):
        line = lines[i]
        if i + 1 < len(lines) and line.count("|") >= 2 and _RULE.match(lines[i + 1]):
            width = line.count("|")
            out += [line, lines[i + 1]]
            i += 2
            continue
        bars = line.count("|")
        if width and 0 < bars < width:
            end = _row_end(lines, i, width)
            if end is not None:
                row = " ".join(piece.strip() for piece in lines[i:end])
                out.append(_PARTIAL_DAY.sub(r"| early close at \g<end>", row))
                i = end
                continue
        if not bars:
            width = 0
        out.append(line)
        i += 1
    return "\n".join(out)


def _row_end(lines: list[str], start: int, width: int) -> int | None:
    """Where the row opening at ``start`` ends (past its last piece), or None when its pieces never make up
    the header's width."""
    bars = lines[start].count("|")
    for j in range(start + 1, min(len(lines), start + _MAX_PIECES)):
        if not lines[j].strip() or _RULE.match(lines[j]):
            return None
        bars += lines[j].count("|")
        if bars >= width:
            return j + 1 if bars == width else None
    return None
