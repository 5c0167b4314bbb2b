"""An exchange that says it will close on a day (issue 15, corpus 15 shape S58): "KUALA LUMPUR: Bursa Malaysia
Securities Bhd will close for trading in the afternoon on Friday, Jan 31, …", "Bursa Malaysia will again close on
Federal Territory Day, Feb 3 (Monday)". Each is a closure that day, titled by the exchange (not its dateline).
The sentences are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-01-24T12:00+08:00")


def closures(sentence: str) -> list[tuple[str, str, str]]:
    return [(c.start, c.category, c.title) for c in extract(f"Exchange to close for holidays\n\n{sentence}\n", PUBLISHED)]


def test_an_exchange_that_will_close_on_a_day_is_closed_that_day() -> None:
    assert closures("KUALA LUMPUR: Bursa Malaysia Securities Bhd will close for trading in the afternoon on Friday, Jan 31, "
                    "for the Chinese New Year celebration.") == [("2031-01-31", "other", "Bursa Malaysia Securities Bhd closed")]


def test_an_exchange_that_will_again_close_on_a_holiday() -> None:
    assert closures("Bursa Malaysia will again close on Federal Territory Day, Feb 3 (Monday), and resume the following day.") == [
        ("2031-02-03", "other", "Bursa Malaysia closed")]


def test_a_market_that_will_close_higher_is_no_closure() -> None:
    assert closures("Analysts expect the stock market will close higher on Friday, Jan 31.") == []


# A broker's closure notice laid out as a grid (round 22, corpus 19 English): the days are the columns, one header
# cell a line, and each market is a row of statuses. Our own text.
GRID = ("Market Closure for Singapore and Malaysia\n\nStock Exchange\n\n19 May 2031 (Mon)\n\n20 May 2031 (Tue)\n\n"
        "21 May 2031 (Wed)\n\n SGX Open Closed Open\n Bursa Malaysia Open Open Closed\n"
        "Note: orders placed after the close will be sent on the next trading day.\n")


def test_each_closed_cell_of_a_day_grid_is_that_market_closed_that_day() -> None:
    got = [(c.category, c.start, c.title) for c in extract(GRID, datetime.fromisoformat("2031-05-15T12:00+08:00"))]
    assert got == [("other", "2031-05-20", "SGX closed"), ("other", "2031-05-21", "Bursa Malaysia closed")]


def test_a_grid_whose_rows_do_not_fit_its_days_is_left_alone() -> None:
    text = GRID.replace(" SGX Open Closed Open\n", " SGX Open Closed\n")
    assert not any(c.title == "SGX closed" for c in extract(text, datetime.fromisoformat("2031-05-15T12:00+08:00")))
