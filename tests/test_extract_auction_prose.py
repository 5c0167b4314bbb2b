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


def test_a_month_and_a_list_of_its_days_are_that_many_auctions() -> None:
    """Round 22 (corpus 19 English): a debt office's plan names one month and several of its days ("on Feb. 3,
    10, 17, and 24", "on Feb. 4 and 18, respectively"); each day is an auction, and the bills "will be
    offered" on them."""
    text = ("The 91-day Treasury bill will be offered for PHP5 billion each on Feb. 3, 10, 17, and 24. The 10-year "
            "and three-year T-bonds will be up for auction on Feb. 4 and 18, respectively.")
    got = sorted({c.start for c in extract(text, datetime.fromisoformat("2031-01-28T10:00+08:00")) if c.category == "bond"})
    assert got == ["2031-02-03", "2031-02-04", "2031-02-10", "2031-02-17", "2031-02-18", "2031-02-24"]


def test_two_consecutive_days_stay_one_meeting_and_amounts_stay_amounts() -> None:
    meeting = extract("The Federal Reserve meets on Jan. 27 and 28.", datetime.fromisoformat("2031-01-20T12:00-05:00"))
    assert [(c.category, c.start) for c in meeting] == [("central_bank", "2031-01-27")]
    amounts = extract("Bills will be auctioned on May 5 and 10 percent of them on May 12.", datetime.fromisoformat("2031-05-01T12:00-04:00"))
    assert sorted(c.start for c in amounts) == ["2031-05-05", "2031-05-12"]  # no auction on the 10th


def test_two_weekdays_before_two_days_are_those_days() -> None:
    """Round 22 (corpus 19 English): "on Wednesday and Thursday, April 17 and 18" is a meeting over those two days
    (read one by one, "Thursday, April 17" moved the 17th to a year where it is a Thursday); two days apart are
    two days, also "Feb. 4 and 18" without "respectively"."""
    published = datetime.fromisoformat("2030-04-01T09:00+05:30")  # April 17, 2030 is a Wednesday
    meeting = extract("The board will meet on Wednesday and Thursday, April 17 and 18, to approve the results.", published)
    assert [(c.start, c.end) for c in meeting] == [("2030-04-17", "2030-04-18")]
    auctions = extract("Bonds will be auctioned on Monday and Thursday, April 15 and 18.", published)
    assert sorted(c.start for c in auctions) == ["2030-04-15", "2030-04-18"]
    bills = extract("Bills will be auctioned on Feb. 4 and 18.", datetime.fromisoformat("2030-01-20T09:00-05:00"))
    assert sorted(c.start for c in bills) == ["2030-02-04", "2030-02-18"]
