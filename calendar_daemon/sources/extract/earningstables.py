"""Earnings tables flattened into one line under weekday headings:

    MONDAY
    Noteworthy Earnings Reports
    Company Symbol Earnings estimate Alpha Foods ALP $0.78 per share Beta Bank BET $1.05 …

The header words ("Company Symbol Earnings estimate") are followed by rows of a company name, its
ticker and an estimate. The line becomes one calendar entry of the weekday heading above it ("Monday:
earnings reports from Alpha Foods (ALP), Beta Bank (BET)"): the companies reporting that day are one
earnings event, as a list of several companies on one day is elsewhere."""

from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

_HEADER = re.compile(
    r"^[ \t]*(?:Company|Company name)\s+(?:Symbol|Ticker)\s+(?:(?:Earnings|EPS)\s+)?(?:estimates?|est\.|forecasts?|consensus)?\s*",
    re.IGNORECASE,
)
# "Bank of America BAC $0.78 per share", "BNY Mellon BK $1.08", "Acme Corp. ACM -$0.12"
_ROW = re.compile(
    r"(?P<co>[A-Z0-9][\w&.'\-]*(?:\s+(?:of|and|the|de|[A-Z0-9&][\w&.'\-]*))*?)\s+(?P<t>[A-Z]{1,5}(?:\.[A-Z])?)"
    r"\s+\(?-?\$?\(?\d+\.\d{2}\)?(?:\s+per\s+share)?"
)
_WEEKDAY_LINE = re.compile(r"^[ \t]*(?P<wd>MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|Monday|Tuesday|Wednesday|Thursday|Friday)[ \t]*:?[ \t]*$")
_MIN_ROWS = 2


def _entry(rows: str, day: str) -> str:
    companies = [f"{m['co'].strip()} ({m['t']})" for m in _ROW.finditer(rows)]
    if len(companies) < _MIN_ROWS:
        return ""
    lead = f"{day.title()}: " if day else ""
    return f"{lead}earnings reports from {', '.join(companies)}"


def earnings_tables(text: str) -> str:
    """The text with each flattened earnings table as one entry of the weekday heading above it."""
    if "Symbol" not in text and "Ticker" not in text and "symbol" not in text:
        return text
    day = ""
    out: list[str] = []
    for line in text.split("\n"):
        if m := _WEEKDAY_LINE.match(line):
            day = m["wd"]
        elif (header := _HEADER.match(line)) and (entry := _entry(line[header.end() :], day)):
            out.append(entry)
            continue
        out.append(line)
    return "\n".join(out)
