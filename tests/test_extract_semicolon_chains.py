"""Semicolon chains (corpus 6, English, shape 4): a sentence names its event once and then lists more
dated links of it, parted by semicolons, each with neither the event word nor whose it is ("…
speeches by the Boston Fed's president on Monday; the Dallas Fed's president on Tuesday; …", "the
bank's second meeting will be held on May 5-6; third meeting (July 7-8); …"). Each link is that event
on its own day; a schedule's year-less links before a link that writes its year are counted back from
it, and a range writes its year after its end ("March 2-4, 2032"). The sentences are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract


def test_each_speaker_of_the_chain_speaks_on_their_day() -> None:
    published = datetime.fromisoformat("2031-06-06T18:00-04:00")  # a Friday
    text = ("Markets will look for clues in speeches by Boston Fed President Ann Kerr on Monday; "
            "Dallas Fed President Tom Hale on Tuesday; St. Louis Fed President Rita Moss on Wednesday; "
            "and Kansas City Fed President Joe Lund on Thursday.")
    got = sorted((c.start, c.category) for c in extract(text, published))
    assert got == [("2031-06-09", "central_bank"), ("2031-06-10", "central_bank"),
                   ("2031-06-11", "central_bank"), ("2031-06-12", "central_bank")]


def test_a_schedule_chain_counts_its_years_back_from_the_last_link() -> None:
    published = datetime.fromisoformat("2031-03-20T18:00+05:30")
    text = ("The Reserve Bank of India said its rate-setting committee will meet six times. "
            "Under the schedule set by the RBI, the panel's second meeting will be held on June 4-6; third meeting (August 6-8); "
            "fourth meeting (October 7-9); fifth meeting (December 2-4) and sixth meeting (February 3-5, 2032).")
    got = sorted((c.start, c.end, c.category) for c in extract(text, published))
    assert got == [
        ("2031-06-04", "2031-06-06", "central_bank"),
        ("2031-08-06", "2031-08-08", "central_bank"),
        ("2031-10-07", "2031-10-09", "central_bank"),
        ("2031-12-02", "2031-12-04", "central_bank"),
        ("2032-02-03", "2032-02-05", "central_bank"),
    ]


def test_a_range_writes_its_year_after_its_end() -> None:
    published = datetime.fromisoformat("2031-03-20T18:00-04:00")
    got = [(c.start, c.end) for c in extract("The committee holds its meeting on March 2-4, 2032.", published)]
    assert got == [("2032-03-02", "2032-03-04")]


def test_a_chain_of_fed_speakers_and_of_auctions() -> None:
    published = datetime.fromisoformat("2031-06-01T12:00-04:00")  # a Sunday
    text = ("Week ahead\n\nFed speakers this week include Governor Ames on Monday; New York Fed President Birch on "
            "Tuesday; and Dallas Fed President Cole on Thursday.\n\n"
            "The Treasury will auction 3-year notes on Monday; 10-year notes on Tuesday; and 30-year bonds on Wednesday.\n")
    got = sorted((c.start, c.category) for c in extract(text, published))
    assert got == [("2031-06-02", "bond"), ("2031-06-02", "central_bank"), ("2031-06-03", "bond"),
                   ("2031-06-03", "central_bank"), ("2031-06-04", "bond"), ("2031-06-05", "central_bank")]
    assert all("speaker" in c.title.lower() for c in extract(text, published) if c.category == "central_bank")
