"""A security holders' calendar whose table the page's text export wrote one cell a line, each cell
closed by "|", under a "Date | Event |" header: each date cell dates the event cell under it. Distribution
ex, record and payment dates are corporate events. Article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.celltables import cell_table_rows

PUBLISHED = datetime.fromisoformat("2031-01-10T09:00+11:00")

CALENDAR = """Investor calendar
Date |
Event |
Thursday 20 February |
Half-year results announcement |
Thursday 27 March |
Interim distribution ex date |
Friday 28 March |
Interim distribution record date |
Friday 16 May |
Interim distribution payment date |
Wednesday 19 November |
2031 Annual General Meeting (tentative) |
"""


def test_each_row_is_one_dated_line() -> None:
    rows = cell_table_rows(CALENDAR).splitlines()
    assert "Thursday 20 February: Half-year results announcement" in rows
    assert "Friday 16 May: Interim distribution payment date" in rows


def test_each_row_is_one_event_on_its_date() -> None:
    got = sorted((c.start, c.category) for c in extract(CALENDAR, PUBLISHED))
    assert got == [("2031-02-20", "earnings"), ("2031-03-27", "corporate"), ("2031-03-28", "corporate"),
                   ("2031-05-16", "corporate"), ("2031-11-19", "corporate")]


def test_a_table_without_a_date_header_is_left_as_it_is() -> None:
    text = "Name |\nRole |\nAcme |\nChair |\n"
    assert cell_table_rows(text) == text


def test_titles_name_the_row_and_a_quarter_named_by_its_month_is_no_event() -> None:
    text = "Security holders' calendar\nDate |\nEvent |\nThursday 27 March |\nMarch 2031 quarter distribution ex date |\n"
    got = extract(text, PUBLISHED)
    assert [(c.start, c.precision, c.title) for c in got] == [("2031-03-27", "date", "March 2031 quarter distribution ex date")]
    assert [c.title for c in extract(CALENDAR, PUBLISHED)][-1] == "2031 Annual General Meeting"
