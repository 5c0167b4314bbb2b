"""A table exported one "|cell" a line with its date column anywhere (issue 15, round 23): each row is one event on
its date, named by its first cell; an Indian "lock-in" is a lock-up. The table is our own, in that shape."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.celltables import bar_cell_rows

TABLE = ("Lock-in expiries this month\n\nShareholder lock-ins of recent listings lift as follows.\n"
         "|Stock\n|Lock-In Period Ending\n|No. Of Shares\n|Acme Tech\n|August 23\n|20 Lakh\n"
         "|Bolt Hospital\n|September 1\n|30 Lakh\n|Crane Finance\n|September 11\n|2.7 Crore\n")


def test_each_row_is_a_lock_up_expiry_of_its_company_on_its_day() -> None:
    got = [(c.start, c.category, c.title) for c in extract(TABLE, datetime.fromisoformat("2031-08-20T09:00+05:30"))]
    assert got == [("2031-08-23", "lockup", "Acme Tech"), ("2031-09-01", "lockup", "Bolt Hospital"),
                   ("2031-09-11", "lockup", "Crane Finance")]


def test_a_table_without_a_date_column_is_left_alone() -> None:
    table = TABLE.replace("Lock-In Period Ending", "Sector").replace("August 23", "Tech")
    assert bar_cell_rows(table) == table
