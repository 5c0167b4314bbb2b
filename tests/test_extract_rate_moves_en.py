"""An English central bank's expected move and a country's employment numbers (issue 15, corpus 13 English):
"a day later on Thursday, the central bank is expected to hike by 25 basis points" is the bank's decision that
Thursday, titled by the bank, and "both countries report the April employment numbers" a data release, not
companies' results. The sentences are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUB = datetime.fromisoformat("2031-06-02T08:00-04:00")  # a Monday


def _got(sentence: str) -> list[tuple[str, str, str]]:
    return [(c.start, c.category, c.title) for c in extract("Week ahead\n\n" + sentence + "\n", PUB)]


def test_an_expected_hike_is_the_banks_decision_that_day() -> None:
    got = _got("And a day later on Thursday, the European Central Bank is also expected to hike by 25 basis points.")
    assert got == [("2031-06-05", "central_bank", "European Central Bank policy decision")]


def test_a_countrys_employment_numbers_are_a_data_release() -> None:
    got = _got("On Friday, the US reports the May employment numbers.")
    assert [(s, c) for s, c, _ in got] == [("2031-06-06", "macro_data")]
