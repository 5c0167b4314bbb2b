"""A UK company diary whose day headings end with a dash and whose rows open with a bracketed label (issue 15,
corpus 15 shape S60): "Monday 6th –" heads the rows below it even on the publication day, "(Trading Update) A, B,
…" is one row however many companies it names, and its title names the first companies and what they publish.
The article in tests/data/articles/ is our own, written in that shape."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from calendar_daemon.sources.extract import Candidate, extract

ARTICLES = Path(__file__).parent / "data" / "articles"
PUBLISHED = datetime.fromisoformat("2031-01-06T08:15+00:00")  # Monday 6th, the first day of the diary


def diary() -> list[Candidate]:
    return extract((ARTICLES / "en_company_week_dashes.txt").read_text(encoding="utf-8"), PUBLISHED)


def test_each_day_of_the_diary_has_its_row() -> None:
    assert [(c.start, c.category) for c in diary()] == [
        ("2031-01-06", "earnings"), ("2031-01-07", "corporate"), ("2031-01-08", "corporate")]  # (trading updates)


def test_a_heading_on_the_publication_day_that_ends_with_a_dash_heads_a_list() -> None:
    """"Monday 6th –" names the publication day, but the dash says rows follow: it is no dateline."""
    [monday] = [c for c in diary() if c.start == "2031-01-06"]
    assert monday.title == "Acme Robotics half-year or quarterly results"


def test_a_long_row_is_titled_by_its_first_companies() -> None:
    [tuesday] = [c for c in diary() if c.start == "2031-01-07"]
    assert tuesday.title == "Bolt Homes, Crane Stores and others trading update"
    [wednesday] = [c for c in diary() if c.start == "2031-01-08"]
    assert wednesday.title == "Iris Fashion, Jade Staffing trading update"
