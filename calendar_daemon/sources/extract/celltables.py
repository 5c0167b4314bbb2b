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

from .english import MONTH_WORD

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


# --- a table exported one cell a line, each cell opened by "|", its date column anywhere ---
# ("|Stock" / "|Lock-In Period Ending" / "|No. Of Shares" / "|Acme Tech" / "|August 23" / "|20 Lakh")
_BAR_CELL = re.compile(r"^[ \t]*\|[ \t]*(?P<text>[^|\n]{1,120}?)[ \t]*$")
_BAR_HEADER = re.compile(r"^[^\d]{1,40}$")
_DATE_COLUMN = re.compile(r"\bdates?\b|\bending\b|\bexpir\w*|\bday\b|日期", re.IGNORECASE)
_MONTH_DAY = re.compile(rf"\b{MONTH_WORD}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{MONTH_WORD}(?![a-z])|\d{{1,2}}月\d{{1,2}}日|\d{{4}}-\d{{2}}-\d{{2}}")


def bar_cell_rows(text: str) -> str:
    """``text`` with each table exported one "|cell" a line rewritten as one line a row: its first cell, the date
    column's name and the date, then the other cells ("Acme Tech: Lock-In Period Ending August 23. 20 Lakh.")."""
    if "\n|" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        head = _bar_header(lines, i)
        if head is None:
            out.append(lines[i])
            i += 1
            continue
        names, at = head
        out += lines[i:i + len(names)]
        i += len(names)
        while i + len(names) <= len(lines) and all(m := [_BAR_CELL.match(x) for x in lines[i:i + len(names)]]) \
                and _MONTH_DAY.search(lines[i + at]):
            cells = [c["text"] for c in m if c is not None]
            rest = [c for k, c in enumerate(cells) if k != at]
            out.append(f"{rest[0]}: {names[at]} {cells[at]}." + "".join(f" {c}." for c in rest[1:]))
            i += len(names)
    return "\n".join(out)


def _bar_header(lines: list[str], i: int) -> tuple[list[str], int] | None:
    """The header cells from ``lines[i]`` on, and which is the date column, or None."""
    names: list[str] = []
    for line in lines[i:i + _MAX_COLUMNS]:
        cell = _BAR_CELL.match(line)
        if cell is None or not _BAR_HEADER.match(cell["text"]):
            break
        names.append(cell["text"])
    at = next((k for k, n in enumerate(names) if _DATE_COLUMN.search(n)), None)
    if at is None:
        return None
    # the header ends where the first row's date cell falls in the date column (a name cell looks like a header's)
    for k in range(max(2, at + 1), len(names) + 1):
        if i + k + at < len(lines) and _MONTH_DAY.search(lines[i + k + at]) and _BAR_CELL.match(lines[i + k + at]):
            return names[:k], at
    return None


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
