"""An earnings week told as a story, each day in its own sentence with its companies after the date (", with Acme
unveiling its quarterly performance", "companies such as Acme and Bolt will announce"), as an Indian business site's
results-week preview in corpus 14 tells it. The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-10-18T10:00+05:30")  # a Saturday, India

STORY = (
    "Results week ahead\n\n"
    "The action begins on Monday, October 20, with Harbor Finance Services unveiling its quarterly performance.\n"
    "On Wednesday, companies such as Ridge Motors and Cobalt Health will announce their financial results.\n"
    "The week wraps up on Saturday, October 25, with Lantern Bank slated to announce its much-awaited results.\n"
    "On Thursday, with inflation expectations remaining low, the market may stay calm.\n"
)


def test_each_day_is_the_earnings_of_the_companies_named_after_it() -> None:
    got = [(c.start, c.category, c.region, c.title) for c in extract(STORY, PUBLISHED)]
    assert got == [
        ("2031-10-20", "earnings", "IN", "Harbor Finance Services earnings"),
        ("2031-10-22", "earnings", "IN", "Ridge Motors, Cobalt Health results"),
        ("2031-10-25", "earnings", "IN", "Lantern Bank results"),
    ]
