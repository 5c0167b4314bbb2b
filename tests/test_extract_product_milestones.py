"""A product's milestones in English prose (issue 15, round 19, corpus 16): pre-orders that begin on a day,
devices that appear in stores, new phones that debut at an event. They are the company's events, not a
listing ("debut" alone is a share's first trade). The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-08-29T10:00-04:00")


def kinds(text: str) -> list[tuple[str, str]]:
    return sorted((c.start[:10], c.category) for c in extract(text, PUBLISHED))


def test_pre_orders_and_store_dates_are_corporate_events() -> None:
    text = (
        "Carriers say pre-orders for the new Acme phones will kick off on Friday, September 12.\n\n"
        "The phones should begin delivery on Friday, September 19, and appear in stores that day.\n"
    )
    assert kinds(text) == [("2031-09-12", "corporate"), ("2031-09-19", "corporate")]


def test_phones_that_debut_at_an_event_are_no_listing() -> None:
    text = "The Acme event where the new phones will debut is expected on September 9.\n"
    assert kinds(text) == [("2031-09-09", "corporate")]


def test_a_share_debut_is_still_a_listing() -> None:
    text = "Acme Robotics will debut on the Nasdaq on September 9.\n"
    assert kinds(text) == [("2031-09-09", "ipo")]
