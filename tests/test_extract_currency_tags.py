"""Day-heading calendar rows tagged with a currency ("- 8:30am (CAD): Employment Change") (corpus 5,
English): the tag names the row's region, and an FX calendar's "Unemployment Claims" is the weekly
jobless-claims release. The calendar is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-03-03T08:00-05:00")  # a Monday


def test_the_currency_tag_names_the_region() -> None:
    text = (
        "Key releases, with their times:\n"
        "Thursday, March 6:\n"
        "- 8:30am (USD): Unemployment Claims (Previous: 215K, Forecast: 220K)\n"
        "Friday, March 7:\n"
        "- 8:30am (CAD): Employment Change (Previous: 20.1K, Forecast: 12.0K)\n"
    )
    got = sorted((c.region, c.start, c.precision) for c in extract(text, PUBLISHED))
    assert got == [("CA", "2031-03-07T08:30-05:00", "datetime"), ("US", "2031-03-06T08:30-05:00", "datetime")]
    claims = [c for c in extract(text, PUBLISHED) if c.start.startswith("2031-03-06")]
    assert "claims" in claims[0].title.lower()
