"""What an article is about decides the kind of its events that name no kind of their own.

Meetings in an article about a central bank's policy committee ("RBI releases MPC schedule for FY25"): "the
first meeting will be held from April 3-5", "the second bi-monthly policy review meeting will end on June 7" are
the committee's meetings, central-bank events, though their own sentence names no bank. So are the press
conferences that end them ("ends with a press conference on Monday 29th January"). The article is about the
committee when its headline names it, or when its opening says the committee's timetable or schedule is out
("The Monetary Policy Committee (MPC) of the Bank of … published its timetable for 2031").

In an article about a bond offered to the public ("第五批银色债券今日开始公开认购", "the launch of sovereign gold bonds"),
its subscription, its results and its issue are the bond's steps, not an IPO's: a bond event, though the step's own
sentence ("政府将不迟于12月18日公布认购结果", "the date of issuance is May 25") names no bond."""

from __future__ import annotations

import re

from .candidate import Candidate
from .englishtitles import NO_KIND_EN

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


# a bond sold to the public named in the headline or the opening ("sovereign gold bonds", "银色债券", "iBond")
_BOND_SUBJECT = re.compile(r"\b(?:(?:sovereign|government|gold|savings|green|retail|inflation-linked|treasury)\s+){1,2}bonds?\b|"
                           r"\b(?:T-bills?|treasury bills?|gilts?|iBonds?)\b|债券|国债|公债|银债|绿债|库券", re.IGNORECASE)
# an IPO in the same opening: its steps are the IPO's
_IPO_SUBJECT = re.compile(r"\bIPOs?\b|initial public offering|新股|招股|首次公开", re.IGNORECASE)
_BOND_STEP = re.compile(r"\b(?:subscri\w*|issu\w*|allot\w*|tranche|redemption|redeem\w*)\b|认购|申购|发行|配发|赎回|结果",
                        re.IGNORECASE)


def bond_issues(cands: list[Candidate], headline: str, lead: str) -> None:
    """Make the steps of a bond sold to the public (read as an IPO's, or of no kind) bond events when the headline or
    the ``lead`` is about such a bond and no IPO."""
    opening = headline + "\n" + lead
    if not (bond := _BOND_SUBJECT.search(opening)) or _IPO_SUBJECT.search(opening):
        return
    for c in cands:
        said = c.title + " " + c.evidence
        if c.category in ("ipo", "other") and (step := _BOND_STEP.search(said)) and not _IPO_SUBJECT.search(said):
            c.category = "bond"
            if c.title.endswith(NO_KIND_EN):  # "And market event": the bond and its step ("sovereign gold bonds issuance")
                c.title = f"{bond.group(0)} {step.group(0)}".capitalize() if bond.group(0).isascii() else bond.group(0) + step.group(0)


def by_subject(cands: list[Candidate], headline: str, lead: str) -> None:
    """The kinds of ``cands`` that the article's subject decides (a policy committee's meetings, a public bond's steps)."""
    bank_meetings(cands, headline, lead)
    bond_issues(cands, headline, lead)
