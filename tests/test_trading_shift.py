"""Lock-ups and listings on a closed day are stored on the exchange's next trading day."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from calendar_daemon.domain.records import normalize
from calendar_daemon.domain.trading import holidays_published
from calendar_daemon.feed.vevent import description_text
from calendar_daemon.intake.submit import submit
from calendar_daemon.store.events import EventStore

SSE = {"outlet": "上海证券交易所", "headline": "限售股上市流通公告", "published": "2026-01-05T18:00:00+08:00", "authority": "exchange"}


def stored(store: EventStore, start: str, **fields: Any) -> Any:
    data: dict[str, Any] = {"uid": fields.pop("uid", "shift@t"), "title": "限售股解禁", "category": "lockup", "region": "CN",
                            "timezone": "Asia/Shanghai", "entities": ["某公司"], "start": start, "sources": [SSE]}  # fmt: skip
    data.update(fields)
    submit(store, [normalize(data)], origin="import")
    event = store.get(data["uid"])
    assert event is not None
    return event


@pytest.mark.parametrize(
    ("region", "zone", "day", "expected", "why"),
    [
        ("CN", "Asia/Shanghai", date(2027, 1, 9), date(2027, 1, 11), "a Saturday"),
        # 9 May 2026 is a make-up working Saturday after Labour Day: offices work, the exchange is closed.
        ("CN", "Asia/Shanghai", date(2026, 5, 9), date(2026, 5, 11), "make-up working day"),
        # 14 Feb 2026 is a make-up Saturday before the Spring Festival break (15-23 Feb).
        ("CN", "Asia/Shanghai", date(2026, 2, 14), date(2026, 2, 24), "make-up working day"),
        ("HK", "Asia/Hong_Kong", date(2026, 12, 25), date(2026, 12, 28), "HKEX holiday (Christmas Day)"),
        ("US", "America/New_York", date(2026, 7, 3), date(2026, 7, 6), "NYSE holiday (Independence Day (observed))"),
    ],
)
def test_closed_day_moves_to_next_trading_day(
    store: EventStore, region: str, zone: str, day: date, expected: date, why: str
) -> None:
    event = stored(store, day.isoformat(), region=region, timezone=zone)
    assert event.start_date == expected and event.end_date == expected
    shift = event.extra["trading_day_shift"]
    assert shift["original"] == day.isoformat() and shift["shifted"] == expected.isoformat()
    assert why in shift["reason"]
    assert f"Date moved: {day.isoformat()} is" in description_text(event)


def test_unpublished_year_says_what_was_considered(store: EventStore) -> None:
    if holidays_published("CN", 2027):
        pytest.skip("chinese-calendar now has the 2027 arrangement")
    moved = stored(store, "2027-01-09")
    assert "weekends and statutory holidays were considered" in moved.extra["trading_day_shift"]["reason"]
    # A weekday in that year is kept, but the event still says the check was weekends only.
    kept = stored(store, "2027-03-10", uid="kept@t")
    assert kept.start_date == date(2027, 3, 10)
    assert kept.extra["trading_day_shift"]["moved"] is False
    assert "Trading day: 2027-03-10 is an SSE trading day (no published 2027 holiday calendar" in description_text(kept)


def test_trading_day_and_other_categories_are_untouched(store: EventStore) -> None:
    event = stored(store, "2026-06-10")
    assert event.start_date == date(2026, 6, 10) and "trading_day_shift" not in event.extra
    macro = stored(store, "2026-05-09", uid="pmi@t", category="macro_data")
    assert macro.start_date == date(2026, 5, 9) and "trading_day_shift" not in macro.extra


def test_timed_listing_keeps_its_local_time_and_explicit_exchange(store: EventStore) -> None:
    event = stored(store, "2026-10-01T09:30:00", category="ipo", region="GLOBAL", extra={"exchange": "HKEX"},
                   timezone="Asia/Hong_Kong")  # fmt: skip
    assert event.start_at == datetime(2026, 10, 2, 1, 30)  # 09:30 Hong Kong on Friday 2 October
    assert event.extra["trading_day_shift"]["exchange"] == "XHKG"


def test_resubmitting_a_shifted_record_changes_nothing(store: EventStore) -> None:
    stored(store, "2027-01-09")
    again = submit(store, [normalize({"uid": "shift@t", "title": "限售股解禁", "category": "lockup", "region": "CN",
                                      "timezone": "Asia/Shanghai", "entities": ["某公司"], "start": "2027-01-09",
                                      "sources": [SSE]})], origin="import")  # fmt: skip
    assert not again.changed


def test_a_timed_listing_is_checked_on_the_exchanges_clock(store: EventStore) -> None:
    """2026-11-27 02:00 Beijing time is 26 November 13:00 in New York, Thanksgiving: the NYSE is closed,
    so the listing moves to 27 November 13:00 New York time (18:00 UTC), though in Beijing the 27th is a Friday."""
    event = stored(store, "2026-11-27T02:00:00+08:00", uid="us-listing@t", category="ipo", region="US", title="Listing",
                   entities=["Example Inc"], precision="datetime")
    assert event.start_at == datetime(2026, 11, 27, 18, 0)
    shift = event.extra["trading_day_shift"]
    assert (shift["exchange"], shift["original"], shift["shifted"]) == ("XNYS", "2026-11-26", "2026-11-27")
    assert "Thanksgiving" in shift["reason"]
    # The same instant for a Shanghai listing is a Friday morning in Shanghai: it stays.
    mainland = stored(store, "2026-11-27T02:00:00+08:00", uid="cn-listing@t", category="ipo", precision="datetime")
    assert mainland.start_at == datetime(2026, 11, 26, 18, 0) and "trading_day_shift" not in mainland.extra
