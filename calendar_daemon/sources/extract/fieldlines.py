"""A corporate action printed as field lines, each field's name on one line and its value on the next (round 25,
corpus 22 English): an exchange's dividend announcement reads

    Security
    ACME REIT - SG1T00000000 - A00U
    Financial Year End
    31/12/2031
    Record Date and Time
    30/04/2031 17:00:00
    Ex Date
    28/04/2031
    Pay Date
    29/05/2031

Each date field is put on one line with its name and the security's short name: the steps of the action ("ACME
REIT record date is 30 April 2031 at 5:00 p.m.", "ACME REIT payment date is 29 May 2031.") are dated as any
payment or record date is; a field that dates no step ("Financial Year End", "Date &Time of Broadcast") keeps its
value on its line ("Financial Year End: 31/12/2031"), where it dates nothing. Dates are read day first, unless one of them cannot be (then the record is left as it is).
"""

from __future__ import annotations

import re
from datetime import date

_VALUE = re.compile(r"^\s*(?P<d>\d{1,2})[/-](?P<m>\d{1,2})[/-](?P<y>\d{4})(?:\s+(?P<clock>\d{1,2}:\d{2})(?::\d{2})?)?\s*$")
_NAME = re.compile(r"^\s*(?P<name>[A-Za-z][A-Za-z &/()'.-]{1,48}?)\s*:?\s*$")
_STEP = re.compile(r"\b(?:Record|Ex|Pay|Payment|Books? Closure|Closing|Listing|Last (?:Day|Date)|Meeting|Expiry|Maturity|Redemption|"
                   r"Election|Entitlement)\b", re.IGNORECASE)
_SECURITY = re.compile(r"^\s*(?:Security|Security Name|Stock Name|Counter Name)\s*$", re.IGNORECASE)
_MIN_FIELDS = 3  # date fields of one record: two lines of a name and a date are no record


def _day(m: re.Match[str]) -> str:
    """"30/04/2031 17:00:00" as "30 April 2031 at 5:00 p.m." (a 24-hour clock alone is no clock to the reader)."""
    day = date(int(m["y"]), int(m["m"]), int(m["d"]))
    if not m["clock"]:
        return f"{day.day} {day:%B} {day.year}"
    hour, minute = (int(x) for x in m["clock"].split(":"))
    return f"{day.day} {day:%B} {day.year} at {(hour - 1) % 12 + 1}:{minute:02d} {'a.m.' if hour < 12 else 'p.m.'}"


def _step(name: str) -> str:
    """A field's name as a step of the action: "Record Date and Time" -> "record date", "Pay Date" -> "payment date"."""
    name = re.sub(r"\s+and\s+Time\b|\s*\(.*?\)", "", name, flags=re.IGNORECASE).strip().lower()
    return "payment date" if name == "pay date" else name


def field_lines(text: str) -> str:
    """The text with each date field of a record of field lines on one line with its name."""
    if "/" not in text or "Date" not in text:
        return text
    lines = text.split("\n")
    pairs = [i for i in range(len(lines) - 1) if _NAME.match(lines[i]) and _VALUE.match(lines[i + 1])]
    if len(pairs) < _MIN_FIELDS:
        return text
    values = [m for i in pairs if (m := _VALUE.match(lines[i + 1]))]
    if any(int(m["m"]) > 12 for m in values):  # a month-first page ("04/30/2031"): its dates are not read here
        return text
    security = next((lines[i + 1].split(" - ")[0].strip() for i in range(len(lines) - 1) if _SECURITY.match(lines[i])), "")
    for i, value in zip(pairs, values, strict=True):
        name = lines[i].strip().rstrip(":")
        try:
            when = _day(value)
        except ValueError:  # no such day ("31/02/2031")
            continue
        if _STEP.search(name):
            lines[i], lines[i + 1] = f"{security + ' ' if security else ''}{_step(name)} is {when}.", ""
        else:
            lines[i], lines[i + 1] = f"{name}: {lines[i + 1].strip()}", ""
    return "\n".join(lines)
