"""A UK data diary: day headings ("Tuesday 6 April:") over zone-less rows whose clock is written with a
dot ("9.30am: Statistics office releases …"), each row its own release at its clock, in UK time when the
rows name UK bodies only and the outlet publishes in London's offset. All texts are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.clockrows import join_row_dashes

DIARY = """Key dates for UK data

The week's UK data diary in full:

Tuesday 6 April:

9.30am: Bank of England publishes the record of its policy vote

9.30am: ONS releases its monthly labour market statistics

Wednesday 7 April:

9.30am: ONS releases retail sales for March

9.30am: ONS releases public finances for March

11.00am: CBI releases quarterly industrial trends survey
"""


def test_a_dotted_clock_opening_a_row_is_read_as_a_clock() -> None:
    assert join_row_dashes("9.30am: ONS releases data\nGrowth of 2.5 per cent") == "9:30am: ONS releases data\nGrowth of 2.5 per cent"


def test_each_row_is_its_release_at_its_clock_in_uk_time() -> None:
    got = extract(DIARY, datetime.fromisoformat("2027-04-05T12:00:00+01:00"))
    assert [(c.start, c.category, c.region) for c in got] == [
        ("2027-04-06T09:30+01:00", "central_bank", "GB"),
        ("2027-04-06T09:30+01:00", "macro_data", "GB"),
        ("2027-04-07T09:30+01:00", "macro_data", "GB"),
        ("2027-04-07T09:30+01:00", "macro_data", "GB"),
        ("2027-04-07T11:00+01:00", "macro_data", "GB"),
    ]


def test_the_rows_stay_in_the_articles_zone_when_the_outlet_gives_no_offset() -> None:
    got = extract(DIARY, datetime.fromisoformat("2027-04-05T11:00:00+00:00"))
    assert {c.start[16:] for c in got} == {"-04:00"}
