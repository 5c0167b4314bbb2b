"""A table whose text export put one cell on each line, each cell closed by "|", under a header row whose
first cell is the date (invented example)::

    Date |
    Event |
    Friday 16 February |
    Half-year results announcement |
    Monday 19 February |
    Interim distribution record date |

Read cell by cell, a date stands alone on its line and the event under it looks undated. Each row is
rewritten as one line, its date cell first: "Friday 16 February: Half-year results announcement", the
shape of a dated calendar entry."""

from __future__ import annotations

import re

# The header's first cell names the date column.
_DATE_HEADER = re.compile(r"^[ \t]*(?:Dates?|Date/Time|日期|日子)[ \t]*\|[ \t]*$", re.IGNORECASE | re.MULTILINE)
# A further header cell: a word or two, no digit ("Event |", "Description |", "事项 |").
_HEADER_CELL = re.compile(r"^[ \t]*[^\d|\n]{1,30}?[ \t]*\|[ \t]*$")
# Any cell of a row: text closed by "|".
_CELL = re.compile(r"^[ \t]*(?P<text>[^|\n]{1,300}?)[ \t]*\|[ \t]*$")
_MAX_COLUMNS = 6


def cell_table_rows(text: str) -> str:
    """``text`` with each date-led table flattened one cell a line rewritten as one line a row."""
    if "|" not in text:
        return text
    header = _DATE_HEADER.search(text)
    if header is None:
        return text
    head, body = text[: header.start()], text[header.start():]
    return head + _rows(body.split("\n"))


def _rows(lines: list[str]) -> str:
    columns = 1
    while columns < min(_MAX_COLUMNS, len(lines)) and _HEADER_CELL.match(lines[columns]) and not _CELL_HAS_DATE.search(lines[columns]):
        columns += 1
    if columns < 2:
        return "\n".join(lines)
    out = lines[:columns]
    i = columns
    while i + columns <= len(lines):
        cells = [_CELL.match(line) for line in lines[i : i + columns]]
        if not all(cells) or not _CELL_HAS_DATE.search(lines[i]):
            break
        texts = [m["text"] for m in cells if m is not None]
        out.append(f"{texts[0]}: {' - '.join(texts[1:])}")
        i += columns
    return "\n".join(out + lines[i:])


_CELL_HAS_DATE = re.compile(r"\d")


# --- a closure table exported one cell a line, without "|": a date, the holiday's name, its status ---
_DATE_CELL = re.compile(r"^\s*(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日\s*$|^\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri)day,?\s+)?"
                        r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}"
                        r"(?:,\s*(?:19|20)\d{2})?\s*$")
_STATUS_CELL = re.compile(r"^\s*(?:休市|全日休市|休市一天|半日市|休市半日|提早收市|提前收市|Closed|Market Closed|Early Close)\s*$",
                          re.IGNORECASE)
_NAME_CELL = re.compile(r"^\s*[^\d\n|]{2,30}\s*$")
_MIN_STATUS_ROWS = 3


def status_rows(text: str) -> str:
    """``text`` with date / holiday / status cells, one a line, joined into one line a row
    ("2031年1月1日" / "新年元旦" / "休市" -> "2031年1月1日 新年元旦 休市")."""
    if not _STATUS_HINT.search(text):
        return text
    lines = text.split("\n")
    rows: list[tuple[int, int]] = []  # (first line, last line) of each row
    for i, line in enumerate(lines):
        if not _DATE_CELL.match(line):
            continue
        if i + 1 < len(lines) and _STATUS_CELL.match(lines[i + 1]):
            rows.append((i, i + 1))
        elif i + 2 < len(lines) and _NAME_CELL.match(lines[i + 1]) and _STATUS_CELL.match(lines[i + 2]):
            rows.append((i, i + 2))
    if len(rows) < _MIN_STATUS_ROWS:
        return text
    for first, last in reversed(rows):
        lines[first:last + 1] = [" ".join(line.strip() for line in lines[first:last + 1])]
    return "\n".join(lines)


_STATUS_HINT = re.compile(r"休市|半日市|收市|Closed|Early Close", re.IGNORECASE)
