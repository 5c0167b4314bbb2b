"""A rate announcement and job data named as such (issue 15, corpus 13 English): "its announcement on interest
rates Tuesday" is the central bank's decision that day, and "releases monthly job data" a data release.
The sentences are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUB = datetime.fromisoformat("2031-06-02T07:00-04:00")  # a Monday


def test_a_central_banks_announcement_on_rates_is_its_decision() -> None:
    text = "Markets this week\nAttention will be on the Bank of Canada and its announcement on interest rates Tuesday.\n"
    assert [(c.start, c.category) for c in extract(text, PUB)] == [("2031-06-03", "central_bank")]


def test_job_data_is_a_data_release() -> None:
    text = "Markets this week\nOn Friday, the capital releases monthly job data, expected to show 90,000 new jobs.\n"
    assert [(c.start, c.category) for c in extract(text, PUB)] == [("2031-06-06", "macro_data")]
