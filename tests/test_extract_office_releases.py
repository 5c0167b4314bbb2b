"""A statistics office putting out a list of releases (issue 15, corpus 13 English): "On Tuesday, StatsCan
releases A, B and C", each with its own period, is one release each, named by what the office releases;
a release of the office's is data, even when its name holds "earnings". The sentences are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.agencyreleases import office_release_lists, office_release_title

PUB = datetime.fromisoformat("2031-06-02T07:00-04:00")  # a Monday

WEEK = """What the statistics office puts out
On Monday, Statistics Canada releases 2031 first-quarter farm cash receipts and 2030 net farm income.
On Tuesday, StatsCan releases the 2031 first-quarter international travel account, April employment insurance figures and April payroll employment, earnings and hours.
On Wednesday, StatsCan releases May industrial product and raw materials price indexes.
"""


def test_each_release_of_the_list_is_an_event_of_its_day() -> None:
    got = sorted((c.start, c.category, c.title) for c in extract(WEEK, PUB))
    assert [(s, c) for s, c, _ in got] == [("2031-06-02", "macro_data")] * 2 + [("2031-06-03", "macro_data")] * 3 + [
        ("2031-06-04", "macro_data")]
    titles = {t for _, _, t in got}
    assert {"Canada farm cash receipts", "Canada net farm income", "Canada international travel account",
            "Canada employment insurance", "Canada industrial product and raw materials price indexes"} <= titles


def test_an_offices_release_named_earnings_is_data_not_results() -> None:
    got = extract("On Tuesday, StatsCan releases April payroll employment, earnings and hours.", PUB)
    assert [(c.start, c.category) for c in got] == [("2031-06-03", "macro_data")]


def test_items_without_a_period_of_their_own_stay_one_release() -> None:
    text = "On Tuesday, StatsCan releases April payroll employment, earnings and hours."
    assert office_release_lists(text) == text
    parted = office_release_lists("The ONS publishes March GDP and April retail sales on Friday.")
    assert parted == "The ONS publishes March GDP on Friday. The ONS publishes April retail sales on Friday."


def test_the_title_is_the_offices_country_and_what_it_releases() -> None:
    assert office_release_title("On Tuesday, StatsCan releases April employment insurance figures") == "Canada employment insurance"
    assert office_release_title("Eurostat publishes the 2031 first-quarter balance of payments") == "Euro area balance of payments"
    assert office_release_title("Eurostat publishes the 2031 first-quarter GDP on Friday") is None  # a known release
    assert office_release_title("Acme releases its first-quarter results") is None


def test_each_release_repeats_its_own_sentences_lead_only() -> None:
    parted = office_release_lists("Stocks fell 2%. On Tuesday, StatsCan releases March wages and April prices.")
    assert parted == ("Stocks fell 2%. On Tuesday, StatsCan releases March wages. On Tuesday, StatsCan releases "
                      "April prices.")


def test_every_verb_the_office_is_read_with_starts_a_list() -> None:
    parted = office_release_lists("Eurostat will release March GDP and April retail sales on Friday.")
    assert parted == "Eurostat will release March GDP on Friday. Eurostat will release April retail sales on Friday."
