"""A central bank's day and clock as a heading of its own, in English: in a preview of rate decisions each
bank gets a line "RBA, Tuesday at 5:30 am" (or "Bank of England - Thursday, 12:00 midday") and a paragraph
of comment under it. The line names no decision, the article does ("three rate decisions this week"): so
the line is read as "RBA rate decision, Tuesday at 5:30 am". "12:00 midday" is written as "12:00 p.m."."""

from __future__ import annotations

import re

from .banknames import BANKS

_BANK = "|".join(f"(?:{names})" for names, _, _ in BANKS)
_ROW = re.compile(rf"^(?P<bank>\s*(?:{_BANK}))(?P<rest>\s*[,\-–:]\s*(?:Mon|Tues|Wednes|Thurs|Fri)day,?\s+"
                  r"(?:at\s+)?\d{1,2}[:.]\d{2}[^\n]{0,20})$", re.MULTILINE)
_DECISIONS = re.compile(r"\brate decisions?\b|\bpolicy decisions?\b|\bmonetary policy\b", re.IGNORECASE)
_MIDDAY = re.compile(r"\b12[:.]00\s*(?:midday|noon)\b", re.IGNORECASE)


def bank_day_rows(text: str) -> str:
    """The text with each bank's day-and-clock line read as that bank's rate decision."""
    if "day" not in text or _DECISIONS.search(text) is None:
        return text
    out, n = _ROW.subn(lambda m: f"{m['bank']} rate decision{_MIDDAY.sub('12:00 p.m.', m['rest'])}", text)
    return out if n else text
