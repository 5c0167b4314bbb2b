"""A statistics office's schedule of upcoming releases (issue 15, round 23): each release under a day line is the
office's data release on that day at the page's clock, whatever its name; contact lines and the media lockup tag
are no events (a media lockup is no lock-up of shares). The page is our own, in that shape."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.releaseschedules import release_schedules

PAGE = ("Release schedule\n\nUpcoming releases\n\nApril 22 to May 2, 2031\n\nReleases are published in The Daily each "
        "working day at 8:30 a.m. Eastern.\n\nApril 22\n\n  1. (lockup)\n    Wholesale trade, February 2031\n\n"
        "    (A. Person, 613-000-0000)\n\n    Investment in building construction, February 2031\n\n    (B. Person, 613-000-0001)\n\n"
        "April 24\n\n    Travel between Canada and other countries, February 2031\n\n    (C. Person, 613-000-0002)\n\n"
        "A comprehensive list of upcoming releases is available in the online module of the Statistics Canada website.\n\n"
        "NOTE: Media lockups are held from 7:30 a.m. to 8:30 a.m. unless otherwise indicated.\n")
PUBLISHED = datetime.fromisoformat("2031-04-18T12:00-04:00")


def test_each_release_is_the_offices_data_release_at_the_pages_clock() -> None:
    got = sorted((c.start, c.category, c.title) for c in extract(PAGE, PUBLISHED))
    assert got == [("2031-04-22T08:30-04:00", "macro_data", "Canada Investment in building construction"),
                   ("2031-04-22T08:30-04:00", "macro_data", "Canada Wholesale trade"),
                   ("2031-04-24T08:30-04:00", "macro_data", "Canada Travel between Canada and other countries")]


def test_a_day_list_on_a_page_that_is_no_release_schedule_is_left_alone() -> None:
    page = PAGE.replace("Release schedule", "Staff news").replace("pcoming releases", "pcoming visits")
    assert release_schedules(page) == page

