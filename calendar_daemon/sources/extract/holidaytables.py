"""A market-holiday table in English, flattened one cell a line (or "|"-separated), under a header that
names the date, the holiday and one column per market:

    Date | Holiday | NYSE | Nasdaq | Bond Markets
    |Monday, Oct. 12  |Harvest Day  |Open  |Open  |Closed
    |Friday, Nov. 27  |Day After Feast  |Early close (1 p.m.)  |Early close (1 p.m.)  |Early close (2 p.m.)

A date cell opens a row; the cells after it are the holiday's name and one status per market column. Each
row is rewritten as one dated line per status: a day on which every market column is closed is one
closure ("US stock and bond markets closed"), a closure of some columns only names their kind ("US bond
market closed"), an early close is one timed line per kind and clock ("Friday, Nov. 27, 1:00 p.m.: US
stock market early close"); open columns are no event, and a row cut off before all its statuses is not
read. Columns are stock markets unless their name says bonds ("Bond Markets", "SIFMA")."""

from __future__ import annotations

import re

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DATE_CELL = re.compile(rf"^(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?$")
# a header naming the holiday column and at least one market
_WEEKDAY_FIRST = re.compile(rf"^{_WEEKDAY},?\s+")
_HEADER = re.compile(r"Date\s*\|?\s*Holiday", re.I)
# market names, read without word boundaries: a flattened header glues its cells ("HolidayNYSENasdaq")
_MARKETS = re.compile(r"NYSE|Nasdaq|NASDAQ|[Bb]ond [Mm]arkets?|SIFMA|[Ss]tock [Mm]arkets?|[Ss]tock [Ee]xchange|Cboe|CME")
_US_MARKETS = re.compile(r"NYSE|Nasdaq|NASDAQ|SIFMA|Cboe|CME")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_CLOSED = re.compile(r"^closed\b", re.I)
_OPEN = re.compile(r"^open\b", re.I)
_EARLY = re.compile(r"^early\s+clos(?:e|ing)\b[^\d]*(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?\s*(?P<ap>[ap])\.?m\.?", re.I)
_MIN_ROWS = 2


def _cells(lines: list[str]) -> list[str]:
    """The table's cells: a line opening with "|" (or holding several) starts cells, any other line
    continues the cell before it ("Early close" over "(2 p.m.)")."""
    cells: list[str] = []
    for line in lines:
        parts = line.split("|")
        if cells and parts[0].strip():
            cells[-1] = f"{cells[-1]} {parts[0].strip()}"
        elif parts[0].strip():
            cells.append(parts[0].strip())
        cells.extend(p.strip() for p in parts[1:] if p.strip())
    return cells


def _columns(header: str) -> list[str]:
    """The kind of each market column of the header, in order: "stock" or "bond"."""
    return ["bond" if re.search(r"bond|SIFMA", m[0], re.I) else "stock" for m in _MARKETS.finditer(header)]


def _clock(status: str) -> str | None:
    m = _EARLY.match(status)
    return None if m is None else f"{int(m['h'])}:{m['m'] or '00'} {m['ap'].lower()}.m."


def _row_lines(day: str, holiday: str, statuses: list[str], kinds: list[str], region: str) -> list[str]:
    """The dated lines of one row: its closures, then its early closes."""
    closed = {k for s, k in zip(statuses, kinds, strict=True) if _CLOSED.match(s)}
    out: list[str] = []
    if closed:
        names = " and ".join(k for k in ("stock", "bond") if k in closed)
        plural = "s" if len(closed) > 1 else ""
        out.append(f"{day}: {region}{names} market{plural} closed ({holiday}).")
    early: dict[tuple[str, str], None] = {}
    for status, kind in zip(statuses, kinds, strict=True):
        clock = _clock(status)
        if clock is not None and kind not in closed:
            early[(kind, clock)] = None
    out.extend(f"{day}, {clock}: {region}{kind} market early close ({holiday})." for kind, clock in early)
    return out


def _table(cells: list[str], kinds: list[str], region: str, year: str) -> list[str] | None:
    """The table's rows as dated lines, or None when fewer than two rows read."""
    width = 2 + len(kinds)
    starts = [i for i, c in enumerate(cells) if _DATE_CELL.match(c)]
    out: list[str] = []
    rows = 0
    for i in starts:
        row = cells[i:i + width]
        if len(row) < width or any(_DATE_CELL.match(c) for c in row[1:]):
            continue  # cut off, or a row without all its statuses
        statuses = row[2:]
        if not all(_CLOSED.match(s) or _OPEN.match(s) or _EARLY.match(s) for s in statuses):
            continue
        rows += 1
        # the day without its weekday: a past row must not be re-read as the weekday's next date
        day = _WEEKDAY_FIRST.sub("", row[0])
        day = day if _YEAR.search(day) or not year else f"{day}, {year}"
        # a weekday in the holiday's name ("Maundy Thursday") is not the row's day: it is left out
        name = re.sub(rf"\s*\b{_WEEKDAY}\b\s*", " ", row[1]).strip() or "holiday"
        out.extend(_row_lines(day, name, statuses, kinds, region))
    return out if rows >= _MIN_ROWS else None


def holiday_tables(text: str) -> str:
    """The text with each market-holiday table rewritten as one dated line per market status."""
    if "Holiday" not in text and "holiday" not in text:
        return text
    lines = text.split("\n")
    for h, header in enumerate(lines):
        kinds = _columns(header) if _HEADER.search(header) else []
        if not kinds:
            continue
        end = h + 1
        while end < len(lines) and (lines[end].startswith("|") or lines[end].lstrip().startswith("(")
                                    or "|" in lines[end]):
            end += 1
        region = "US " if _US_MARKETS.search(header) else ""
        # the table's year, from its header or the title above it ("2031 Market Holidays")
        year = next((m[0] for ln in reversed(lines[max(0, h - 2):h + 1]) if (m := _YEAR.search(ln))), "")
        rewritten = _table(_cells(lines[h + 1:end]), kinds, region, year)
        if rewritten is not None:
            return "\n".join([*lines[:h + 1], *rewritten, *lines[end:]])
    return text
