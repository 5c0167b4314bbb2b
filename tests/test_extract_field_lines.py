"""A corporate action printed as field lines, a field's name on one line and its value on the next (round 25, corpus
22 English): its record, ex and payment dates are the action's steps, at the record date's clock; the financial
year's end and the broadcast time date nothing. Day-first dates are read day first. The announcement is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.fieldlines import field_lines

ANNOUNCEMENT = """Cash Dividend/ Distribution::Mandatory
Issuer & Securities
Security
ACME REIT - SG1T00000000 - A00U
Announcement Details
Date &Time of Broadcast
20-Apr-2031 05:55:08
Financial Year End
31/12/2031
Dividend/ Distribution Period
01/01/2031 TO 31/03/2031
Event Dates
Record Date and Time
30/04/2031 17:00:00
Ex Date
28/04/2031
Dividend Details
Pay Date
29/05/2031
"""


def test_the_steps_of_the_action_are_dated_and_the_other_fields_are_not() -> None:
    got = [(c.start, c.category) for c in extract(ANNOUNCEMENT, datetime.fromisoformat("2031-04-20T09:00+08:00"))]
    assert got == [("2031-04-28", "corporate"), ("2031-04-30T17:00+08:00", "corporate"), ("2031-05-29", "corporate")]


def test_each_date_field_is_one_line_with_its_name() -> None:
    text = field_lines(ANNOUNCEMENT)
    assert "ACME REIT record date is 30 April 2031 at 5:00 p.m." in text
    assert "ACME REIT payment date is 29 May 2031." in text and "Financial Year End: 31/12/2031" in text


def test_two_fields_are_no_record_and_a_month_first_date_is_not_misread() -> None:
    two = "Notice\nRecord Date\n30/04/2031\nPay Date\n29/05/2031\n"
    assert field_lines(two) == two
    month_first = "Notice\nSecurity\nACME\nRecord Date\n04/30/2031\nEx Date\n04/08/2031\nPay Date\n05/09/2031\n"
    assert field_lines(month_first) == month_first  # "04/08/2031" is not 4 August on a page that writes "04/30/2031"
