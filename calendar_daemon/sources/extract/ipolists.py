"""IPOs named one by one, in English: each company a sentence of its own, so that each is one candidate.

A preview lists the deals it expects in one sentence, or under a calendar heading one row a company::

    Four more IPOs are scheduled for the following week: Acme Robotics (ACME), Bolt (BLT) and Crane (CRN).

    U.S. IPO Calendar
    Issuer
    ...
    Acme Robotics (ACME)
    Springfield, OH
    $120M

A listing sentence (an IPO word, a word saying the deals are scheduled, then after a colon two or more
"Name (TICKER)" joined by commas and "and") keeps its lead and is followed by one sentence per company, "Acme Robotics (ACME) is
scheduled to price its IPO for the following week.", with the time the sentence gave before its colon
(else "in the week ahead"). A sentence that only expects or hopes for deals ("could launch", "potentially")
names no schedule and is left alone. Under a heading naming an IPO calendar, in a page about a week ahead,
each row that is a company and its ticker alone is one such sentence "in the week ahead".
"""

from __future__ import annotations

import re

_COMPANY = r"[A-Z0-9][\w.&'’\-]*(?: [A-Z0-9&][\w.&'’\-]*){0,4}"
_TICKED = rf"{_COMPANY} \([A-Z]{{1,5}}\)"
# (the lead starts where a sentence does: tried from every position, a long line without one costs its square)
_LIST = re.compile(rf"(?:^|(?<=[.\n:]))(?P<lead>[^.\n:]*\bIPOs?\b[^.\n:]*):\s*(?P<items>{_TICKED}(?:,? (?:and )?{_TICKED})+)\.")
_ITEM = re.compile(rf"(?P<name>{_COMPANY}) \((?P<tick>[A-Z]{{1,5}})\)")
_SCHEDULED = re.compile(r"\b(?:scheduled|slated|set to|on tap|on the calendar)\b", re.IGNORECASE)
_HEDGE = re.compile(r"\b(?:potentially|possibly|may|might|could|expected to launch|hope)\b", re.IGNORECASE)
_WHEN = re.compile(r"\b(?:(?:for|in|during)\s+the\s+(?:following|coming|next)\s+week|(?:in\s+)?the\s+week\s+ahead|"
                   r"this\s+week|next\s+week|on\s+(?:Mon|Tues|Wednes|Thurs|Fri)day)\b", re.IGNORECASE)
_CALENDAR = re.compile(r"^[ \t]*(?:U\.?S\.? )?IPO Calendar[ \t]*$", re.IGNORECASE | re.MULTILINE)  # ([ \t]: \s would run over blank lines)
_ROW = re.compile(rf"^(?P<row>{_TICKED})\s*$", re.MULTILINE)


def ipo_lists(text: str) -> str:
    """The text with each IPO of a scheduled list, and each row of a week-ahead IPO calendar, a sentence."""
    if "IPO" not in text:
        return text
    text = _LIST.sub(_one_a_sentence, text)
    heading = _CALENDAR.search(text)
    if heading is None or re.search(r"week ahead", text, re.IGNORECASE) is None:
        return text
    tail = _ROW.sub(lambda m: f"{m['row']} is scheduled to price its IPO in the week ahead.", text[heading.end():])
    return text[:heading.end()] + tail


def _one_a_sentence(m: re.Match[str]) -> str:
    lead = m["lead"]
    if not _SCHEDULED.search(lead) or _HEDGE.search(lead):
        return m.group(0)
    when = _WHEN.search(lead)
    phrase = when.group(0) if when else "in the week ahead"
    return lead + ".\n\n" + "\n\n".join(f"{i['name']} ({i['tick']}) is scheduled to price its IPO {phrase}."
                       for i in _ITEM.finditer(m["items"]))
