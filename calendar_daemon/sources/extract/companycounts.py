"""An earnings calendar's day headings with what is under each (issue 15, corpus 12 and corpus 10 English):
a market-data page flattened to lines gives "Mon, Jul 13", a blank line, then "28 companies" (sometimes a
table of the companies after it), or a table's rows with the cells run together ("Acme CorpACMBefore the
open$1.20"). Each such day is a day of results: the count, or the companies' names, is written onto its
heading ("Mon, Jul 13: earnings from 28 companies", "Tuesday, June 30: Acme Corp and Beta Inc report earnings")
so that the day reader dates it. Only on a page whose opening names earnings."""

from __future__ import annotations

import re

from .enwords import said_together

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_HEADING = re.compile(rf"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?", re.IGNORECASE)
_COUNT = re.compile(r"(?P<n>\d{1,4})\s+compan(?:y|ies)(?:\s+reporting)?", re.IGNORECASE)
_EARNINGS = re.compile(r"\bearnings\b", re.IGNORECASE)
# A results row with its cells run together: name, ticker, when, estimate ("NikeNKEAfter the close$0.13").
_ROW = re.compile(r"(?P<name>[A-Z][\w&.,'’ -]*?[a-z.)])(?P<ticker>[A-Z]{1,5})"
                  r"(?:Before the open|After the close|During the session|Time not supplied|TBD|BMO|AMC)\b.*")
_MAX_NAMES = 6


def company_counts(text: str) -> str:
    """The text with each day heading followed by a count of companies written as that day's results."""
    if not _EARNINGS.search(text[:400]) or "compan" not in text:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not _HEADING.fullmatch(line.strip()):
            continue
        j = next((k for k in range(i + 1, min(i + 3, len(lines))) if lines[k].strip()), None)
        if j is not None and _COUNT.fullmatch(lines[j].strip()):
            lines[i] = f"{line.strip()}: earnings from {lines[j].strip()}"
            lines[j] = ""
        elif j is not None and (names := _row_names(lines, j)):
            shown = names[:_MAX_NAMES] + (["others"] if len(names) > _MAX_NAMES else [])
            lines[i] = f"{line.strip()}: {said_together(shown)} report{'s' if len(shown) == 1 else ''} earnings"
    return "\n".join(lines)


def _row_names(lines: list[str], j: int) -> list[str]:
    """The companies of the run of results rows that starts at line ``j`` (blanked: the heading says them)."""
    names: list[str] = []
    while j < len(lines) and (row := _ROW.fullmatch(lines[j].strip())):
        names.append(row["name"].strip())
        lines[j] = ""
        j += 1
    return names
