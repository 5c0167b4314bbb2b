"""Earnings tables flattened into one line under weekday headings:

    MONDAY
    Noteworthy Earnings Reports
    Company Symbol Earnings estimate Alpha Foods ALP $0.78 per share Beta Bank BET $1.05 …

The header words ("Company Symbol Earnings estimate") are followed by rows of a company name, its
ticker (and a report time, "BMO"/"AMC") and an estimate. The line becomes one calendar entry of the
weekday heading above it ("Monday: Alpha Foods (ALP), Beta Bank (BET) report earnings"; the date
where the heading gives one): the companies reporting that day are one earnings event, as a list of
several companies on one day is elsewhere."""

from __future__ import annotations

import logging
import re

from .collapse import Found, merge_into

logger = logging.getLogger(__name__)

_HEADER = re.compile(
    r"^[ \t]*Company(?: name)?\s+(?:Symbol|Ticker)"
    r"(?:\s+(?:Time|Report time|Earnings|EPS|Estimated?|Estimates|Est\.|Forecasts?|Consensus))*\s*",
    re.IGNORECASE,
)
# "Bank of America BAC $0.78 per share", "BNY Mellon BK $1.08", "Acme Corp. ACM AMC -$0.12"
_ROW = re.compile(
    r"(?P<co>[A-Z0-9][\w&.'\-]*(?:\s+(?:of|and|the|de|[A-Z0-9&][\w&.'\-]*))*?)\s+(?P<t>[A-Z]{1,5}(?:\.[A-Z])?)"
    r"(?:\s+(?:BMO|AMC|TAS|TNS))?\s+\(?-?\$?\(?\d+\.\d{2}\)?(?:\s+per\s+share)?"
)
# "MONDAY", "Tuesday:", "Wednesday, Oct. 19"
_WEEKDAY_LINE = re.compile(
    r"^[ \t]*(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri)day)(?:,?\s+(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]*\.?\s+\d{1,2}))?[ \t]*:?[ \t]*$",
    re.IGNORECASE,
)
_MIN_ROWS = 2


def _entry(rows: str, day: str) -> str:
    companies = [f"{m['co'].strip()} ({m['t']})" for m in _ROW.finditer(rows)]
    if len(companies) < _MIN_ROWS:
        return ""
    lead = f"{day}: " if day else ""
    return f"{lead}{', '.join(companies)} report earnings"


def earnings_tables(text: str) -> str:
    """The text with each flattened earnings table as one entry of the weekday heading above it."""
    if "Symbol" not in text and "Ticker" not in text and "symbol" not in text:
        return text
    day = ""
    out: list[str] = []
    for line in text.split("\n"):
        if m := _WEEKDAY_LINE.match(line):
            day = m["date"] or m["wd"].title()  # the date where the heading gives one
        elif (header := _HEADER.match(line)) and (entry := _entry(line[header.end() :], day)):
            out.append(entry)
            continue
        out.append(line)
    return "\n".join(out)


# A diary's row of shareholder meetings ("AGMs: A, B", "EGM: C"): the day's meetings are one event, as its results are.
_MEETING_ROW = re.compile(r"^(?:AGMs?|EGMs?|GMs?|General meetings?)$", re.IGNORECASE)


def one_report_day(found: list[Found]) -> list[Found]:
    """The found events with the earnings of one day (one region) as one event: several companies
    reporting on one day are one earnings event, named by all of them (a spotlight on one company
    and the table of the others that day, as in a weekly calendar); so are a diary's rows of the day's
    shareholder meetings."""
    first: dict[tuple[str, str, str], Found] = {}
    kept: list[Found] = []
    for f in found:
        c = f.cand
        meeting = c.category == "corporate" and _MEETING_ROW.match(c.title) is not None
        if (c.category != "earnings" and not meeting) or c.precision != "date" or c.end != c.start:
            kept.append(f)
            continue
        key = (c.category, c.start, c.region)
        if key in first:
            merge_into(first[key].cand, c)
            continue
        first[key] = f
        kept.append(f)
    return kept
