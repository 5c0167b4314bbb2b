"""The market of an English article's events where the text names none (issue 15, an Australian news agency's week
ahead in corpus 14): an article published at Sydney's offset is about Australia's releases, not the US's; a
company name is a whole word ("Metallica Minerals" is not Meta). The texts are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

SYDNEY_SUNDAY = datetime.fromisoformat("2031-08-10T12:00+10:00")


def test_a_sydney_article_is_about_australia() -> None:
    text = ("Attention turns to the jobs market this week.\n"
            "The labour force figures are due on Thursday, and National Australia Bank releases its business survey "
            "for July on Tuesday.\n")
    got = [(c.category, c.region, c.start) for c in extract(text, SYDNEY_SUNDAY)]
    assert got == [("macro_data", "AU", "2031-08-12"), ("macro_data", "AU", "2031-08-14")]


def test_a_new_york_article_keeps_the_us() -> None:
    text = "Retail sales figures are due on Thursday.\n"
    [cand] = extract(text, datetime.fromisoformat("2031-08-09T22:00-04:00"))
    assert (cand.region, cand.start) == ("US", "2031-08-14")


def test_a_company_name_is_a_whole_word() -> None:
    text = "Company diary\n\nMonday August 11\nBrisbane - Metallica Minerals Ltd general meeting\n"
    [cand] = extract(text, SYDNEY_SUNDAY)
    assert (cand.category, cand.region, cand.start) == ("corporate", "AU", "2031-08-11")


def test_a_named_central_bank_keeps_its_own_market() -> None:
    text = "The Federal Reserve will announce its policy decision on Wednesday, August 13.\n"
    [cand] = extract(text, SYDNEY_SUNDAY)
    assert (cand.category, cand.region, cand.start) == ("central_bank", "US", "2031-08-13")


def test_an_exchange_or_debt_office_named_in_english_places_the_event() -> None:
    """Round 22 (corpus 19 English): an English page posted east of Greenwich names its market by its exchange or
    its debt office; the event is that market's, not the US (the default of a zone several markets share)."""
    manila = datetime.fromisoformat("2031-01-28T10:00+08:00")
    bills = extract("The Bureau of the Treasury (BTr) will auction 91-day bills on Feb. 3.", manila)
    assert [(c.category, c.region) for c in bills] == [("bond", "PH")]
    toronto = datetime.fromisoformat("2031-11-24T09:00-05:00")
    closed = extract("The TSX will be closed on Friday, December 26, 2031.", toronto)
    assert [(c.category, c.region) for c in closed] == [("other", "CA")]
