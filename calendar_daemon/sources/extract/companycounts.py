"""An earnings calendar's day headings with a count of companies under each (issue 15, corpus 12 English):
a market-data page flattened to lines gives "Mon, Jul 13", a blank line, then "28 companies" (sometimes a
table of the companies after it). Each such day is a day of results: the count is written onto its
heading ("Mon, Jul 13: earnings from 28 companies") so that the day reader dates it. Only on a page
whose opening names earnings."""

from __future__ import annotations

import re

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_HEADING = re.compile(rf"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?", re.IGNORECASE)
_COUNT = re.compile(r"(?P<n>\d{1,4})\s+compan(?:y|ies)(?:\s+reporting)?", re.IGNORECASE)
_EARNINGS = re.compile(r"\bearnings\b", re.IGNORECASE)


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
    return "\n".join(lines)
