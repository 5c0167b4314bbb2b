"""Meetings in an article about a central bank's policy committee ("RBI releases MPC schedule for FY25"): "the
first meeting will be held from April 3-5", "the second bi-monthly policy review meeting will end on June 7" are
the committee's meetings, central-bank events, though their own sentence names no bank. So are the press
conferences that end them ("ends with a press conference on Monday 29th January"). The article is about the
committee when its headline names it, or when its opening says the committee's timetable or schedule is out
("The Monetary Policy Committee (MPC) of the Bank of … published its timetable for 2031")."""

from __future__ import annotations

import re

from .candidate import Candidate

# a headline about a central bank's rate-setting committee or its schedule
# (the committee itself, not a bank among other news: "全球市场将迎来制造业PMI与多国央行利率决议" is no such headline)
_BANK_HEADLINE = re.compile(r"\b(?:MPC|MPB|FOMC|(?:monetary )?policy (?:committee|board|council)|rate[- ]setting committee)\b|"
                            r"货币政策委员会", re.IGNORECASE)
_MEETING = re.compile(r"\bmeetings?\b|\bannouncements?\b|\bdecisions?\b|会议|议息", re.IGNORECASE)
# the committee's calendar in the opening lines: "…published its timetable for its meetings", "公布2031年议息会议时间表"
_SCHEDULE = re.compile(r"\b(?:timetable|schedule|calendar)\b|时间表|日程", re.IGNORECASE)
LEAD_CHARS = 400  # the opening lines that say what the article is about


def bank_meetings(cands: list[Candidate], headline: str, lead: str = "") -> None:
    """Make the meetings among ``cands`` (of no kind of their own) central-bank events when the headline is about
    a central bank's policy committee, or the ``lead`` (the article's opening) about its schedule; and what reads
    as a conference there (a meeting, the press conference that ends it) too."""
    if not (_BANK_HEADLINE.search(headline) or (_BANK_HEADLINE.search(lead) and _SCHEDULE.search(lead))):
        return
    for c in cands:
        if c.category == "conference" or (c.category == "other" and (_MEETING.search(c.title) or _MEETING.search(c.evidence))):
            c.category = "central_bank"
