"""Meetings in an article about a central bank's policy committee are the committee's (issue 15, round 20): under
"Central bank releases MPC schedule", "the first meeting will be held from April 3-5" is a central-bank event
though its sentence names no bank; under a headline about something else a meeting keeps no kind. The articles
are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

BODY = ("The bank on Wednesday announced the schedule of its committee for the new fiscal year. The first meeting will be "
        "held from April 3-5, as per an official statement. The second bi-monthly review meeting will end on June 7.\n")


def kinds(headline: str) -> list[tuple[str, str]]:
    return sorted((c.start, c.category) for c in extract(f"{headline}\n\n{BODY}", datetime.fromisoformat("2031-02-08T12:00+05:30")))


def test_meetings_under_a_committee_headline_are_central_bank_events() -> None:
    assert kinds("Ruritania central bank releases MPC schedule for FY32") == [("2031-04-03", "central_bank"),
                                                                               ("2031-06-07", "central_bank")]


def test_meetings_under_another_headline_keep_their_kind() -> None:
    assert all(kind != "central_bank" for _, kind in kinds("Ruritania Chess Federation releases tournament schedule"))
