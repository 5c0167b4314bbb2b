"""A clock whose day follows it in brackets, in English: "the decision is due at 1145GMT (March 4)", "at
2 p.m. ET (Wednesday, March 5)". The sentence may name the day once more in its own words ("the bank meets
on Tuesday, local time, with the decision due at 0430GMT (March 4)"), so the clock alone is not tied to
either; written as "on March 4 at 1145GMT" the bracketed day takes its clock, as the sentence means."""

from __future__ import annotations

import re

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_ZONE = r"(?:\s*(?:GMT|UTC|ET|EST|EDT|BST|CET|CEST|JST|HKT|SGT)\b)"
# "0430GMT", "11:45 GMT", "2 p.m. ET", "10:30am": four digits only with a zone
_CLOCK = (rf"(?:(?:[01]\d|2[0-3])[0-5]\d{_ZONE}|(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*[ap]\.?m\.?)?{_ZONE}?|"
          rf"(?:1[0-2]|0?[1-9])\s*[ap]\.?m\.?{_ZONE}?)")
_AT_CLOCK_DAY = re.compile(rf"\bat (?P<clock>{_CLOCK})\s*\((?P<day>{_WEEKDAY}{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?)\)")


def clocks_before_days(text: str) -> str:
    """The text with "at <clock> (<day>)" written as "on <day> at <clock>"."""
    if "(" not in text:
        return text
    return _AT_CLOCK_DAY.sub(lambda m: f"on {m['day']} at {m['clock'].strip()}", text)
