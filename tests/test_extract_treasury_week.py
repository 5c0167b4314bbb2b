"""A week of Treasury auctions in prose (issue 15, corpus 15 shape S56): a list of auctions with their days, the
notes' settlement day, and a buyback. Each dated item is the bond event of its day, titled by what happens; a
clause cut out of a long sentence starts at a word ("Treasury auction", not "S Treasury auction").
The sentences are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-05-23T12:00-04:00")  # a Friday


def bonds(sentence: str) -> list[tuple[str, str, str]]:
    return [(c.start, c.category, c.title) for c in extract(f"Treasuries next week\n\n{sentence}\n", PUBLISHED)]


def test_each_dated_auction_of_a_long_list_is_titled_from_a_whole_word() -> None:
    got = bonds("The US Treasury is scheduled to auction a series of government securities next week, including $60 billion "
                "of 2-year notes on May 27, $65 billion of 5-year notes on May 28, and $40 billion of 7-year notes on May 29.")
    assert [(start, title) for start, _, title in got if start == "2031-05-28"] == [("2031-05-28", "Treasury auction")]
    assert {start for start, _, _ in got} >= {"2031-05-27", "2031-05-28", "2031-05-29"}


def test_notes_that_will_settle_on_a_day_are_that_days_settlement() -> None:
    assert bonds("The 2-year and 5-year notes will settle on June 2.") == [
        ("2031-06-02", "bond", "2-year and 5-year notes settlement")]


def test_a_treasury_buyback_is_a_bond_event_titled_by_what_is_bought_back() -> None:
    assert bonds("A buyback of 20-year to 30-year Treasuries is planned for Thursday, May 29.") == [
        ("2031-05-29", "bond", "Buyback of 20-year to 30-year Treasuries")]
