"""A lock-up expirations table flattened to lines (issue 15, corpus 11 English): under the header "Company
Current Price Expiration Date Number of Shares …" each row is a ticker line, a name line and a line of cells run
together, the price glued to the expiration date ("$9.913/1/20211,000,000$5.00…": $9.91, then 3/1/2021). The
rows are read back as one line per expiration day naming its companies ("March 1, 2021: Acme and Beta lock-up
expiration"), the form the day reader dates; the table's own lines are dropped. Only a page whose opening
names lock-ups and whose header names the expiration date."""

from __future__ import annotations

import re

from .enwords import MONTH_NAMES, said_together

_PAGE = re.compile(r"\block-?ups?\b", re.IGNORECASE)
_HEADER = re.compile(r"Expiration\s?Date", re.IGNORECASE)
# The cells of a row: the current price (two decimals), then the expiration date, glued.
_CELLS = re.compile(r"\$[\d,]+\.\d{2}(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>20\d{2})")
_TICKER = re.compile(r"[A-Z]{1,6}")
_MAX_NAMES = 6  # a day's line names so many companies, then "others"
_LOGO = re.compile(r"\s+logo$", re.IGNORECASE)


def _row_name(lines: list[str], i: int) -> tuple[str, list[int]] | None:
    """The company of the cells at line ``i`` (the name line above it) and the lines the row takes."""
    above = [k for k in range(i - 1, max(-1, i - 4), -1) if lines[k].strip()]
    if not above or _TICKER.fullmatch(lines[above[0]].strip()):
        return None
    taken = [above[0], i]
    if len(above) > 1 and _TICKER.fullmatch(lines[above[1]].strip()):
        taken.append(above[1])
        if len(above) > 2 and _LOGO.search(lines[above[2]].strip()):
            taken.append(above[2])
    return lines[above[0]].strip(), taken


def lockup_tables(text: str) -> str:
    """The text with a flattened lock-up expirations table read back as one line per expiration day."""
    if not _PAGE.search(text[:400]) or not _HEADER.search(text):
        return text
    lines = text.split("\n")
    days: dict[tuple[int, int, int], list[str]] = {}
    first: int | None = None
    for i, line in enumerate(lines):
        cells = _CELLS.match(line.strip())
        if cells is None or (row := _row_name(lines, i)) is None:
            continue
        name, taken = row[0].replace(". ", " "), row[1]  # ("Acquisition Corp. II": no sentence break)
        days.setdefault((int(cells["y"]), int(cells["m"]), int(cells["d"])), []).append(name)
        first = min(taken) if first is None else first
        for k in taken:
            lines[k] = ""
    if first is None:
        return text
    said = []
    for (y, m, d), names in days.items():
        shown = names[:_MAX_NAMES] + (["others"] if len(names) > _MAX_NAMES else [])
        said.append(f"{MONTH_NAMES[m - 1]} {d}, {y}: {said_together(shown)} lock-up expiration")
    lines[first] = "\n\n".join(said) + "\n"
    return "\n".join(lines)
