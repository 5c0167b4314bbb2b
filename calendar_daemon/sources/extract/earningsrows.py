"""Dated rows of company names under an earnings heading, with no verb:

    Major upcoming earnings reports
    Tuesday 7 March 2028: Acme Mining, Bluegum Foods, Coral Bank
    Wednesday 8 March 2028: Dingo Energy

Each row is that day's earnings of its companies; it is rewritten as a sentence the time reader and the
earnings rules take ("Acme Mining, Bluegum Foods and Coral Bank report earnings on Tuesday 7 March 2028.").
The rows are read only after a line naming earnings, results or a reporting season (within a few lines),
and only when every item is a capitalised name (a row of prose is left alone)."""

from __future__ import annotations

import re

_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_ROW = re.compile(rf"^[ \t]*(?P<day>{_WEEKDAY},?\s+(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}),?\s+\d{{4}})\s*[:\-–]\s*"
                  r"(?P<names>[^\n]{2,300})$")
_NAME = re.compile(r"^[A-Z0-9][\w&'.\-]*(?:\s+(?:[A-Z0-9&][\w&'.\-]*|of|and|the|de))*(?:\s+\([A-Z0-9.:]{1,12}\))?$")
_HEADING = re.compile(r"\b(?:earnings|results|reporting season|reporting calendar|reports?)\b", re.IGNORECASE)
_REACH = 6  # lines between the heading and the first row (blank lines and rows do not count)
_MAX_NAMES = 12


def _names(text: str) -> list[str] | None:
    names = [n.strip() for n in re.split(r",|\band\b|;", text) if n.strip()]
    if not names or len(names) > _MAX_NAMES or not all(_NAME.match(n) for n in names):
        return None
    return names


def earnings_rows(text: str) -> str:
    """The text with each dated row of company names under an earnings heading as a reporting sentence."""
    if ":" not in text or not _HEADING.search(text):
        return text
    lines = text.split("\n")
    since = _REACH + 1  # prose lines since the last earnings heading or row
    for i, line in enumerate(lines):
        m = _ROW.match(line)
        names = _names(m["names"]) if m else None
        if m and names and since <= _REACH:
            listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            verb = "reports" if len(names) == 1 else "report"
            lines[i] = f"{listed} {verb} earnings on {m['day']}."
            since = 0
        elif line.strip():
            since = 0 if _HEADING.search(line) and len(line) < 120 else since + 1
    return "\n".join(lines)
