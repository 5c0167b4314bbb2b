"""A week's Washington calendar (issue 15, corpus 15 shape S51): day headings, then rows that open with an
ET clock, some of them a whole hour ("10 a.m.:"), and close with where the figure comes out ("…, at the
Federal Reserve."). The article in tests/data/articles/ is our own, written in that shape."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from calendar_daemon.sources.extract import Candidate, extract

ARTICLES = Path(__file__).parent / "data" / "articles"
PUBLISHED = datetime.fromisoformat("2031-02-07T17:00-05:00")


def week() -> list[Candidate]:
    return extract((ARTICLES / "en_washington_week.txt").read_text(encoding="utf-8"), PUBLISHED)


def at(start: str) -> list[Candidate]:
    return [c for c in week() if c.start == start]


def test_a_row_at_a_whole_hour_keeps_its_clock() -> None:
    """"10 a.m.: Wholesale inventories" is a row at 10:00 ET, as "8:30 a.m.:" is at 08:30."""
    [wholesale] = at("2031-02-11T10:00-05:00")
    assert (wholesale.category, wholesale.release) == ("macro_data", "us-wholesale-inventories")
    [sentiment] = at("2031-02-14T10:00-05:00")
    assert sentiment.release == "us-umich"


def test_each_row_of_a_day_is_its_own_release() -> None:
    assert [c.release for c in week() if c.start.startswith("2031-02-11")] == ["us-productivity", "us-wholesale-inventories"]


def test_a_trade_deficit_is_the_trade_balance_release() -> None:
    [trade] = at("2031-02-12T08:30-05:00")
    assert (trade.category, trade.region) == ("macro_data", "US")


def test_where_a_figure_comes_out_does_not_make_it_the_institutions_event() -> None:
    """", at the Federal Reserve." says who publishes industrial production: it is data, not a Fed decision."""
    [production] = at("2031-02-14T09:15-05:00")
    assert production.category == "macro_data"
    assert "industrial production" in production.title.lower()
