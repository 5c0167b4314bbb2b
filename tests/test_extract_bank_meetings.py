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


def test_each_month_of_a_listed_run_is_a_meeting_in_the_year_that_keeps_it_going() -> None:
    text = ("Ruritania central bank releases MPC schedule for FY32\n\nThe second meeting will end on June 7, followed by "
            "three-day meetings in August, October, December, and February.\n")
    got = sorted((c.start, c.end) for c in extract(text, datetime.fromisoformat("2031-02-08T12:00+05:30"))
                 if c.precision == "month")
    assert got == [("2031-08-01", "2031-08-31"), ("2031-10-01", "2031-10-31"), ("2031-12-01", "2031-12-31"),
                   ("2032-02-01", "2032-02-29")]


LEAD_BODY = ("{lead}\n\nThese meetings review the economy and set the policy rate.\n\n"
             "The first meeting is scheduled from March 24 to 26 and ends with a press conference on Monday 30th March.\n\n"
             "The second will be held from May 19 to 21 and end with a press conference on Monday, May 25.\n")


def lead_kinds(lead: str) -> list[tuple[str, str]]:
    text = "Dr. A. Example is the governor of the Bank of Ruritania\n\n" + LEAD_BODY.format(lead=lead)
    return sorted((c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-01-05T12:00+00:00")))


def test_an_opening_on_the_committee_timetable_makes_its_meetings_and_press_conferences_central_bank_events() -> None:
    # round 23: the headline is a photo caption; the opening says the committee's timetable is out
    got = lead_kinds("The Monetary Policy Committee (MPC) of the Bank of Ruritania published its timetable for 2031.")
    assert got == [("2031-03-24", "central_bank"), ("2031-03-30", "central_bank"),
                   ("2031-05-19", "central_bank"), ("2031-05-25", "central_bank")]


def test_an_opening_about_something_else_leaves_the_meetings_as_conferences() -> None:
    got = lead_kinds("The Ruritania Chess Federation published its timetable for 2031.")
    assert got and all(kind != "central_bank" for _, kind in got)


def test_a_monetary_boards_meeting_is_the_central_banks() -> None:
    """"moved its Monetary Board's next meeting date to April 10" (round 25, corpus 22 English): the Monetary Board
    is the central bank's policy body (the Philippines', Sri Lanka's); the old date is not proposed."""
    text = ("BSP moves its rate meeting\n\nThe Bangko Sentral ng Pilipinas moved its Monetary Board's next meeting date to "
            "April 10 (previously April 6). The bank gave no reason.\n")
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-03-26T09:00+08:00"))]
    assert got == [("2031-04-10", "central_bank")]
