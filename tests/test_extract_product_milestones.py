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


def test_a_phone_s_launch_event_and_sale_day_are_corporate() -> None:
    """"某品牌X50系列的发布会" is the company's launch event, and "新机的上市日期" the day the phones go on sale, not
    a listing; a ministry's 发布会 stays a conference."""
    text = (
        "新机前瞻\n\n"
        "某品牌X50系列的发布会定档10月22日晚间20点举行。10月24日是该系列新机的上市日期。\n\n"
        "国新办将于10月23日举行新闻发布会。\n"
    )
    got = sorted((c.start[:10], c.category) for c in extract(text, datetime.fromisoformat("2031-10-10T10:00+08:00")))
    assert got == [("2031-10-22", "corporate"), ("2031-10-23", "conference"), ("2031-10-24", "corporate")]


def test_devices_released_on_a_day_and_a_global_release_are_the_companys() -> None:
    """"The devices will be released … to be precise on April 19th"; "the global release is slated for April 21st"
    (round 20): a product's release days, the maker's events."""
    text = ("Acme phones arrive in India\n\nAcme has announced when its new flagship phones reach India. The devices will be "
            "released this month in the country, to be precise on April 19th.\nWhile the global release is slated for April "
            "21st, the phones will reach India before that.\n")
    got = sorted((c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-04-14T12:00+05:30")))
    assert got == [("2031-04-19", "corporate"), ("2031-04-21", "corporate")]
