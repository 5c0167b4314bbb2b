"""Calendar entries whose items are parted by ellipses (issue 15, corpus 6 shape 2): a US weekly
calendar writes each day as one paragraph, "Tuesday: The agency reports retail sales at 8:30 a.m. ...
The board meets at 10 a.m. … A committee holds a hearing at 2 p.m.". Each item is its own entry of
that day ("Tuesday: A at 8:30 a.m." on one line, "Tuesday: B at 10 a.m." on the next), so that every
item is read alone with its own clock and words, and an upper-case day ("WEDNESDAY:") reads the same.
The parts of an entry parted by semicolons ("Friday: The agency releases three reports: durable goods;
the final estimate of first-quarter output; and personal income") are its items too when one of them is
too long to read as a list item. Only an entry that opens with a weekday and a colon is read so."""

from __future__ import annotations

import re

_ENTRY = re.compile(r"(?m)^[ \t]*(?P<wd>(?:mon|tues|wednes|thurs|fri|satur|sun)day)[ \t]*:[ \t]*(?P<items>[^\n]+)$",
                    re.IGNORECASE)
# " ... The", " … The", ". … The": an ellipsis between two items, the next one opening with a capital
_PARTING = re.compile(r"\s+(?:\.{3}|…)\s+(?=[A-Z0-9\"“])")
LONG_PART = 60  # the longest item a day heading's list reads as its own (``headings._DAY_ITEM_MAX``)


def _entries(m: re.Match[str]) -> str:
    items = [item.strip() for item in _PARTING.split(m["items"])]
    parts = [part for item in items for part in item.split("; ")]
    if any(len(part) > LONG_PART for part in parts):  # a long part would end the day's items: each its own entry
        items = parts
    if len(items) < 2:
        return m[0]
    day = m["wd"].title()
    return "\n".join(f"{day}: {item}" for item in items if item)


def ellipsis_entries(text: str) -> str:
    """``text`` with each weekday entry of ellipsis-parted items written one item a line."""
    if "..." not in text and "…" not in text and "; " not in text:
        return text
    return _ENTRY.sub(_entries, text)
