"""Treasury auction prose: a security's maturity date ("set to mature March 15th, 2036") is no event,
the publication day's announcement told in the past ("Monday morning, the Treasury published terms …") is none
either, and "Tuesday's sale of $5 billion in 10-year inflation-protected securities" is an auction, not
inflation data; a sentence announcing the article's own list ("Here's what to watch this
week") proposes no event for its period. All texts are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2027-03-08T12:00:00-05:00")  # a Monday


def _got(body: str) -> list[tuple[str, str]]:
    return [(c.start, c.category) for c in extract("Treasury auctions\n\n" + body + "\n", PUBLISHED)]


def test_a_maturity_with_its_year_is_no_event_day() -> None:
    got = _got("The Treasury will sell $20.0 billion of ten-year notes, set to mature March 15th, 2037. "
               "The auction is slated for 1 p.m. ET on Wednesday.")
    assert ("2027-03-10T13:00-05:00", "bond") in got and not any(d.startswith("2037") for d, _ in got)


def test_the_days_announcement_told_in_the_past_is_no_event() -> None:
    got = _got("Monday morning, the Treasury published terms for two note sales. "
               "The first auction is slated for 11:30 a.m. ET on Thursday.")
    assert ("2027-03-11T11:30-05:00", "bond") in got and ("2027-03-08", "bond") not in got


def test_a_sale_of_inflation_protected_securities_is_an_auction() -> None:
    got = _got("Traders will also watch Tuesday's sale of $5.0 billion in 10-year inflation-protected securities.")
    assert got == [("2027-03-09", "bond")]


def test_reverse_repos_maturing_on_a_weekday_stay_an_event() -> None:
    got = _got("The central bank said 300 billion yuan of reverse repos are maturing on Wednesday.")
    assert [d[:10] for d, _ in got] == ["2027-03-10"]


def test_a_sentence_announcing_the_articles_own_list_proposes_no_period() -> None:
    text = ("Week ahead\n\nHere's what to watch this week.\n\nThe Reserve Bank of Australia will announce its "
            "cash rate decision on Tuesday.\n")
    got = extract(text, datetime.fromisoformat("2027-03-08T07:00:00+11:00"))
    assert [(c.start, c.precision) for c in got] == [("2027-03-09", "date")]


def test_bidding_on_a_central_banks_system_is_the_auction() -> None:
    published = datetime.fromisoformat("2031-05-06T12:00+05:30")
    text = (
        "The government has announced the sale of two dated securities through an auction.\n\n"
        "Bids for the auction, competitive or non-competitive, go in on the Reserve Bank's "
        "electronic platform on May 9, 2031.\n"
    )
    got = [(c.category, c.start) for c in extract(text, published)]
    assert got == [("bond", "2031-05-09")]
