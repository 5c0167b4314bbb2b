"""Lists with one line per weekday whose items are not separated by verbs: "WEDNESDAY Nationwide
consumer confidence; Services PMI, Federal Reserve decision" at the end of an English week-ahead piece.
Each line is rewritten as a calendar entry ("Wednesday: A; B; C"), which the day-heading reader then
dates item by item."""

from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

_UPPER_WEEKDAY = re.compile(r"(?m)^[ \t]*(?P<wd>MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)\b[ \t]*[:：\-–]?"
                            r"[ \t]*(?P<items>[^\n]*)$")
# Items are parted by semicolons and by commas outside brackets (a comma before a digit is a number).
_ITEM_COMMA = re.compile(r",[ \t]+(?![^()]*\))(?!\d)")
_NOTHING = re.compile(r"^(?:none|nothing)(?: (?:scheduled|major|of note))?[.;]?$", re.IGNORECASE)


def _entry(m: re.Match[str]) -> str:
    items = m["items"].strip().rstrip(";")
    if not items or _NOTHING.match(items):
        return ""
    return f"{m['wd'].title()}: " + _ITEM_COMMA.sub("; ", items)


def upper_weekday_lists(text: str) -> str:
    """The text with each upper-case weekday line ("THURSDAY Manufacturing output; BoE decision") as a
    calendar entry of that day, one item per semicolon; a day with "None scheduled" is dropped."""
    if "DAY" not in text:
        return text
    return _UPPER_WEEKDAY.sub(_entry, text)
