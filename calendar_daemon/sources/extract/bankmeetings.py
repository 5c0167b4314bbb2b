"""Meetings in an article about a central bank's policy committee ("RBI releases MPC schedule for FY25"): "the
first meeting will be held from April 3-5", "the second bi-monthly policy review meeting will end on June 7" are
the committee's meetings, central-bank events, though their own sentence names no bank."""

from __future__ import annotations

import re

from .candidate import Candidate

# a headline about a central bank's rate-setting committee or its schedule
# (the committee itself, not a bank among other news: "全球市场将迎来制造业PMI与多国央行利率决议" is no such headline)
_BANK_HEADLINE = re.compile(r"\b(?:MPC|MPB|FOMC|(?:monetary )?policy (?:committee|board|council)|rate[- ]setting committee)\b|"
                            r"货币政策委员会", re.IGNORECASE)
_MEETING = re.compile(r"\bmeetings?\b|\bannouncements?\b|\bdecisions?\b|会议|议息", re.IGNORECASE)


def bank_meetings(cands: list[Candidate], headline: str) -> None:
    """Make the meetings among ``cands`` (of no kind of their own) central-bank events when the headline is about
    a central bank's policy committee."""
    if not _BANK_HEADLINE.search(headline):
        return
    for c in cands:
        if c.category == "other" and (_MEETING.search(c.title) or _MEETING.search(c.evidence)):
            c.category = "central_bank"
