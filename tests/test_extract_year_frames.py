"""A central bank's calendar of the coming year (issue 15, round 22, corpus 19 English): an intro line
names the year ("2032 OCR dates"), then rows put the day before the month ("27 January OCR
announcement"); the rows run in order, so a row after December is in the next year; the sentence that
says which years the dates cover, or counts the announcements of a year, dates no event of its own; a
press-release service's credit line ("Media Release on … from …") is the day it went out. Our own text."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-08-18T10:00+12:00")
PAGE = (
    "2032 OCR Dates\n\n"
    "The following is the Reserve Bank's schedule for its 2032 Monetary Policy Statements and the Official Cash Rate "
    "announcements between them. In total there will be eight OCR announcements during 2032.\n"
    "The dates for 2032 and the first half of 2033 are set out below.\n\n"
    "28 January OCR announcement\n"
    "11 March Monetary Policy Statement\n"
    "29 April OCR announcement\n"
    "10 June Monetary Policy Statement\n"
    "9 December Monetary Policy Statement\n\n"
    "27 January OCR announcement\n"
    "10 March Monetary Policy Statement\n\n"
    "Media Release on 18 August 2031 from Jane Roe, Communications Adviser for Reserve Bank of New Zealand (RBNZ).\n"
)


def test_day_month_rows_take_the_intro_year_and_roll_into_the_next() -> None:
    got = [(c.category, c.start) for c in extract(PAGE, PUBLISHED)]
    assert got == [("central_bank", d) for d in ("2032-01-28", "2032-03-11", "2032-04-29", "2032-06-10", "2032-12-09",
                                                 "2033-01-27", "2033-03-10")]


def test_a_month_day_row_after_december_is_in_the_next_year_too() -> None:
    text = "Exchange holiday schedule for 2031\n\nApr. 18 Markets closed\nDec. 26 Markets closed\nJan. 2 Markets closed\n"
    got = [(c.category, c.start) for c in extract(text, datetime.fromisoformat("2030-12-10T09:00-05:00"))]
    assert got == [("other", "2031-04-18"), ("other", "2031-12-26"), ("other", "2032-01-02")]


def test_a_row_naming_a_fiscal_year_is_no_intro_of_the_rows_after_it() -> None:
    """"… Results for FY2030" says which year's results, not that the rows below are in 2030 (nor is "Scheduled"
    a schedule's intro): the next row's May 27 is the coming one (issue 15, corpus 22 English, round 25)."""
    text = ("IR Calendar\n\nMarch 4 Scheduled Announcement of Financial Results for FY2030\n\n"
            "May 27 Scheduled Announcement of Financial Results for First Quarter of FY2031\n")
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-01-10T10:00+09:00"))]
    assert got == [("2031-03-04", "earnings"), ("2031-05-27", "earnings")]
